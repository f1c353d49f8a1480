"""What the explorer page shows, as SPARQL over the public vocabulary and JSON for the page.

Every function takes ``select``: a callable that runs a SELECT query and returns
its rows as dicts of plain strings, with ``VAR_lang`` beside a language-tagged
literal (the server runs it in a worker with a timeout). Nothing here knows the store; the relation table says which classes
are events.
"""
from __future__ import annotations

import json
import math
from collections import OrderedDict
from typing import Callable
from urllib.parse import quote
from xml.sax.saxutils import escape

from kg.graph.relations import RELATIONS

Select = Callable[[str], list[dict[str, str]]]
SEARCH_LIMIT = 20
EVENT_LIMIT = 500
NEIGHBOURS = 30  # nodes in a neighbourhood picture besides the entity

_TYPES = 'VALUES (?class ?type) { (ukg:Union "union") (org:Organization "organization") ' \
         '(ukg:Person "person") (skos:Concept "group") }'
_LABEL = '{ ?n rdfs:label ?label } UNION { ?n skos:prefLabel ?label FILTER(lang(?label) = "zh") }'
# inside the OPTIONAL that binds ?other: outside it, an unbound ?other would match every label
_OTHER_LABEL = 'OPTIONAL { { ?other rdfs:label ?otherLabel } UNION ' \
               '{ ?other skos:prefLabel ?otherLabel FILTER(lang(?otherLabel) = "zh") } }'


def literal(text: str) -> str:
    """``text`` as a SPARQL string literal (JSON's escapes are SPARQL's)."""
    return json.dumps(text, ensure_ascii=False)


def iri(text: str) -> str:
    """``text`` as a SPARQL IRI reference; ValueError for what no IRI holds."""
    if not text or any(c in text for c in '<>"{}|^`\\ \n\t'):
        raise ValueError(f"not an IRI: {text!r}")
    return f"<{text}>"


def search(select: Select, text: str) -> list[dict]:
    """Unions, organisations, persons and groups whose label or alias contains ``text``."""
    text = text.strip()
    if not text:
        return []
    rows = select(f"""SELECT DISTINCT ?n ?type ?label WHERE {{
      {_TYPES}
      ?n a ?class ; rdfs:label|skos:prefLabel|skos:altLabel ?any .
      FILTER(CONTAINS(STR(?any), {literal(text)}))
      {_LABEL}
    }} ORDER BY STRLEN(?label) ?label LIMIT {SEARCH_LIMIT}""")
    return [{"iri": r["n"], "type": r["type"], "label": r["label"]} for r in rows]


def _events_values() -> str:
    rows = " ".join(f'(<{r.rdf_class}> "{r.label}")' for r in RELATIONS.of_shape("event"))
    return f"VALUES (?class ?relation) {{ {rows} }}"


def entity(select: Select, node: str, *, with_dashboard: bool = True) -> dict:
    """An entity's page: type, labels, positions, events with their evidence, and for a
    union its dashboard (totals per year and per group, whom it reached, its officials),
    unless ``with_dashboard`` is false (the neighbourhood picture needs none of it)."""
    subject = iri(node)
    facts = select(f"SELECT ?p ?o WHERE {{ {subject} ?p ?o }}")
    if not facts:
        return {}
    types = {f["o"] for f in facts if f["p"].endswith("#type")}
    kind = ("union" if any(t.endswith("ontology#Union") for t in types) else
            "person" if any(t.endswith("ontology#Person") for t in types) else
            "group" if any(t.endswith("core#Concept") for t in types) else "organization")
    labels = [f["o"] for f in facts if f["p"].endswith(("rdf-schema#label", "core#prefLabel"))
              and f.get("o_lang") in (None, "", "zh")]
    aliases = sorted({f["o"] for f in facts if f["p"].endswith("core#altLabel")} - set(labels))
    page = {"iri": node, "type": kind, "label": labels[0] if labels else node, "aliases": aliases,
            "held": _positions(select, f"?m org:member {subject} ; org:organization ?other .", "other"),
            "holders": _positions(select, f"?m org:organization {subject} ; org:member ?other .", "other"),
            "events": events(select, subject)}
    if kind == "union" and with_dashboard:
        page["dashboard"] = dashboard(select, subject, page["events"])
    return page


def _positions(select: Select, pattern: str, other: str) -> list[dict]:
    rows = select(f"""SELECT ?{other} ?otherLabel ?title ?evidence ?article WHERE {{
      {pattern} ?m org:role/rdfs:label ?title ; prov:wasDerivedFrom ?article .
      ?{other} rdfs:label ?otherLabel . OPTIONAL {{ ?m ukg:evidence ?evidence }}
    }} ORDER BY ?otherLabel ?title LIMIT {EVENT_LIMIT}""")
    return [{"iri": r[other], "label": r["otherLabel"], "title": r["title"], "evidence": r.get("evidence", ""),
             "article": r["article"]} for r in rows]


def events(select: Select, subject: str) -> list[dict]:
    """The events (慰问, 拨付, …) an entity takes part in, each with its counterparts,
    date, amount, evidence sentence and article."""
    rows = select(f"""SELECT ?e ?relation ?role ?other ?otherLabel ?amount ?date ?evidence ?article ?headline ?url
    WHERE {{
      {_events_values()}
      {{ ?e a ?class ; ukg:agent {subject} . BIND("agent" AS ?role)
         OPTIONAL {{ ?e ukg:recipient ?other . {_OTHER_LABEL} }} }}
      UNION {{ ?e a ?class ; ukg:recipient {subject} . BIND("recipient" AS ?role)
         OPTIONAL {{ ?e ukg:agent ?other . {_OTHER_LABEL} }} }}
      ?e prov:wasDerivedFrom ?article .
      OPTIONAL {{ ?e ukg:amount ?amount }} OPTIONAL {{ ?e ukg:date ?date }} OPTIONAL {{ ?e ukg:evidence ?evidence }}
      OPTIONAL {{ ?article ukg:headline ?headline }} OPTIONAL {{ ?article ukg:url ?url }}
      OPTIONAL {{ ?article ukg:published ?published }}
    }} ORDER BY DESC(COALESCE(?date, ?published)) ?e ?otherLabel LIMIT {EVENT_LIMIT}""")
    found: OrderedDict[str, dict] = OrderedDict()
    for r in rows:
        event = found.setdefault(r["e"], {
            "iri": r["e"], "relation": r["relation"], "role": r["role"], "amount": r.get("amount"),
            "date": r.get("date"), "evidence": r.get("evidence", ""), "article": r["article"],
            "headline": r.get("headline"), "url": r.get("url"), "counterparts": []})
        if r.get("other") and all(c["iri"] != r["other"] for c in event["counterparts"]):
            event["counterparts"].append({"iri": r["other"], "label": r.get("otherLabel", r["other"])})
    return list(found.values())


def dashboard(select: Select, subject: str, its_events: list[dict]) -> dict:
    """A union's totals allocated per year and per group, whom it reached, its officials."""
    money = [r for r in RELATIONS.of_shape("event") if r.amount]
    classes = " ".join(f"<{r.rdf_class}>" for r in money)
    base = f"""VALUES ?class {{ {classes} }}
      ?e a ?class ; ukg:agent {subject} ; ukg:amount ?amount ; prov:wasDerivedFrom ?article .
      FILTER NOT EXISTS {{ ?e ukg:partOf ?whole }}"""
    per_year = select(f"""SELECT ?year (SUM(?amount) AS ?total) WHERE {{ {base}
      OPTIONAL {{ ?e ukg:date ?date }} OPTIONAL {{ ?article ukg:published ?published }}
      BIND(COALESCE(SUBSTR(STR(?date), 1, 4), SUBSTR(STR(?published), 1, 4), "?") AS ?year)
    }} GROUP BY ?year ORDER BY ?year""") if money else []
    per_group = select(f"""SELECT ?group (SUM(?amount) AS ?total) WHERE {{ {base}
      ?e ukg:recipient ?g . ?g a skos:Concept ; skos:prefLabel ?group FILTER(lang(?group) = "zh")
    }} GROUP BY ?group ORDER BY DESC(?total)""") if money else []
    reached: dict[str, dict] = {}
    for event in its_events:
        if event["role"] == "agent":
            for other in event["counterparts"]:
                reached.setdefault(other["iri"], other)
    return {"per_year": [{"year": r["year"], "total": float(r["total"])} for r in per_year],
            "per_group": [{"group": r["group"], "total": float(r["total"])} for r in per_group],
            "reached": sorted(reached.values(), key=lambda o: o["label"])}


def article(select: Select, node: str) -> dict:
    """An article: headline, source, URL, date, and the facts derived from it."""
    subject = iri(node)
    rows = select(f"""SELECT ?headline ?source ?url ?published WHERE {{
      {subject} a ukg:Article ; ukg:sourceFile ?source .
      OPTIONAL {{ {subject} ukg:headline ?headline }} OPTIONAL {{ {subject} ukg:url ?url }}
      OPTIONAL {{ {subject} ukg:published ?published }} }} LIMIT 1""")
    if not rows:
        return {}
    facts = select(f"""SELECT ?e ?class ?evidence WHERE {{
      ?e prov:wasDerivedFrom {subject} ; a ?class . OPTIONAL {{ ?e ukg:evidence ?evidence }} }}
      ORDER BY ?e LIMIT {EVENT_LIMIT}""")
    names = {str(r.rdf_class): r.label for r in RELATIONS.values() if r.rdf_class is not None}
    return {"iri": node, **rows[0],
            "facts": [{"iri": f["e"], "relation": names.get(f["class"], f["class"]), "evidence": f.get("evidence", "")}
                      for f in facts]}


def neighbourhood_svg(page: dict) -> str:
    """The entity and its counterparts (events, positions) as an SVG picture, capped at
    :data:`NEIGHBOURS` nodes on a circle around it; edges labelled with the relation."""
    edges: OrderedDict[str, dict] = OrderedDict()
    for event in page.get("events", []):
        for other in event["counterparts"]:
            edge = edges.setdefault(other["iri"], {"label": other["label"], "relations": set()})
            edge["relations"].add(event["relation"])
    for position in page.get("held", []) + page.get("holders", []):
        edge = edges.setdefault(position["iri"], {"label": position["label"], "relations": set()})
        edge["relations"].add("任职")
    shown = list(edges.items())[:NEIGHBOURS]
    size, centre, radius = 640, 320, 240
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="{escape(page.get("label", ""))}" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, '
             f'Microsoft YaHei, sans-serif" font-size="13">']
    points = []
    for index, (node, edge) in enumerate(shown):
        angle = 2 * math.pi * index / max(len(shown), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        points.append((node, edge, x, y))
        parts.append(f'<line x1="{centre}" y1="{centre}" x2="{x:.1f}" y2="{y:.1f}" stroke="#9ab" stroke-width="1.5"/>')
        parts.append(f'<text x="{(centre + x) / 2:.1f}" y="{(centre + y) / 2:.1f}" fill="#678" '
                     f'text-anchor="middle">{escape("、".join(sorted(edge["relations"])))}</text>')
    for node, edge, x, y in points:
        parts.append(f'<a href="#/entity/{escape(_quote(node))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
                     f'fill="#2a7"/><text x="{x:.1f}" y="{y - 11:.1f}" text-anchor="middle" fill="#123">'
                     f'{escape(edge["label"][:16])}</text></a>')
    parts.append(f'<circle cx="{centre}" cy="{centre}" r="11" fill="#c33"/><text x="{centre}" y="{centre - 16}" '
                 f'text-anchor="middle" font-weight="bold" fill="#111">{escape(page.get("label", "")[:20])}</text>')
    if len(edges) > len(shown):
        parts.append(f'<text x="8" y="{size - 8}" fill="#678">+{len(edges) - len(shown)} more</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _quote(text: str) -> str:
    return quote(text, safe="")
