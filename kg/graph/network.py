"""The graph as a network of entities, for traversal and visualisers.

Nodes are unions, organisations, persons and beneficiary groups; edges are the
facts between them, one per row of the relation table that links two entities
(:mod:`kg.graph.relations`: events agent → recipient, memberships person →
organisation), labelled with the relation in Chinese (慰问, 拨付, 任职) and
carrying amount, date, role and evidence. An event with several agents and
recipients is one edge per pair.

Everything here reads a graph through SPARQL only (``query``: a callable
returning rows of plain text, a graph's ``texts``), so the in-memory graph and
the Oxigraph store give the same network, and :func:`edges` streams from either.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from kg.graph.relations import RELATIONS

if TYPE_CHECKING:  # networkx is imported where a network is made
    import networkx

Query = Callable[[str], Iterable[tuple]]  # SPARQL -> rows of str (None: unbound)

NODES_QUERY = """
SELECT ?n ?type ?label WHERE {
  { ?n a ukg:Union BIND("union" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a org:Organization BIND("organization" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a ukg:Person BIND("person" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a skos:Concept BIND("group" AS ?type) ?n skos:prefLabel ?label FILTER(lang(?label) = "zh") }
}"""


def _values(shape: str) -> str:
    rows = " ".join(f'(<{r.rdf_class}> "{r.label}")' for r in RELATIONS.of_shape(shape))
    return f"VALUES (?class ?relation) {{ {rows} }}"


def events_query() -> str:
    """One row per event of every event relation, with its article and, where known, its
    amount, date and evidence (the agents and recipients come by :func:`links_query`)."""
    return f"""
SELECT ?e ?relation ?article ?amount ?date ?evidence WHERE {{
  {_values("event")}
  ?e a ?class ; prov:wasDerivedFrom ?article .
  OPTIONAL {{ ?e ukg:amount ?amount }}
  OPTIONAL {{ ?e ukg:date ?date }}
  OPTIONAL {{ ?e ukg:evidence ?evidence }}
}}"""


def links_query(prop: str) -> str:
    """(event, node) of every event relation's ``prop`` (``ukg:agent``, ``ukg:recipient``)."""
    classes = " ".join(f"<{r.rdf_class}>" for r in RELATIONS.of_shape("event"))
    return f"SELECT ?e ?node WHERE {{ VALUES ?class {{ {classes} }} ?e a ?class ; {prop} ?node }}"


def memberships_query() -> str:
    """One row per membership relation's person, organisation and role."""
    return f"""
SELECT ?p ?o ?relation ?m ?role ?evidence WHERE {{
  {_values("membership")}
  ?m a ?class ; org:member ?p ; org:organization ?o ; org:role/rdfs:label ?role .
  OPTIONAL {{ ?m ukg:evidence ?evidence }}
}}"""


def nodes(query: Query) -> dict[str, tuple[str, str]]:
    """Entity IRI -> (type, label); a node typed both union and organisation is a union."""
    out: dict[str, tuple[str, str]] = {}
    for node, kind, label in query(NODES_QUERY):
        key = str(node)
        if key not in out or str(kind) == "union":
            out[key] = (str(kind), str(label))
    return dict(sorted(out.items()))


def edges(query: Query, known: dict) -> list[tuple[str, str, dict]]:
    """(source, target, attributes) of every edge between two ``known`` nodes, sorted by
    source, target and fact (sorted here: Oxigraph's ORDER BY took 0.47 s of 0.7 s at
    1,000 articles).

    Attributes: ``relation``, ``event``, ``article`` (events), ``role``
    (memberships), and where known ``amount`` (float, yuan), ``date``, ``evidence``.
    """
    found: list[tuple[str, str, dict]] = []
    if RELATIONS.of_shape("event"):
        # an event's pairs joined here: one SPARQL join of agents, recipients and evidence
        # repeated each event's evidence per pair (10,000 articles: 2.8 s, here 1.9 s)
        agents, recipients = _linked(query, "ukg:agent", known), _linked(query, "ukg:recipient", known)
        for event, relation, article, amount, date, evidence in query(events_query()):
            event = str(event)
            pairs = [(x, y) for x in agents.get(event, ()) for y in recipients.get(event, ())]
            if not pairs:
                continue
            attrs = {"relation": str(relation), "event": event, "article": str(article)}
            if amount is not None:
                attrs["amount"] = float(amount)
            if date is not None:
                attrs["date"] = str(date)
            if evidence is not None:
                attrs["evidence"] = str(evidence)
            found += [(x, y, dict(attrs)) for x, y in pairs]
    if RELATIONS.of_shape("membership"):
        for person, org, relation, membership, role, evidence in query(memberships_query()):
            if str(person) not in known or str(org) not in known:
                continue
            attrs = {"relation": str(relation), "role": str(role), "event": str(membership)}
            if evidence is not None:
                attrs["evidence"] = str(evidence)
            found.append((str(person), str(org), attrs))
    found.sort(key=lambda edge: (edge[0], edge[1], edge[2]["event"]))
    return found


def _linked(query: Query, prop: str, known: dict) -> dict[str, list[str]]:
    """Event IRI -> its ``known`` nodes by ``prop``, in the order the graph gives them."""
    out: dict[str, list[str]] = {}
    for event, node in query(links_query(prop)):
        if str(node) in known:
            out.setdefault(str(event), []).append(str(node))
    return out


def edge_key(source: str, target: str, attrs: dict) -> str:
    """An edge's id, unique in the network: its fact and its two ends."""
    return f"{attrs['event']}|{source}|{target}"


def to_networkx(query: Query) -> "networkx.MultiDiGraph":
    """The entity network of a graph.

    query: a graph's SPARQL rows as text (``KnowledgeGraph.texts`` or ``GraphStore.texts``).
    RETURNS (networkx.MultiDiGraph): nodes keyed by IRI with ``label`` and
        ``type``; edges keyed by :func:`edge_key`, with the attributes of :func:`edges`.
    """
    import networkx  # for this call only: a build or a query does not pay its start-up (0.08 s)
    network = networkx.MultiDiGraph()
    known = nodes(query)
    for key, (kind, label) in known.items():
        network.add_node(key, label=label, type=kind)
    for source, target, attrs in edges(query, known):
        network.add_edge(source, target, key=edge_key(source, target, attrs), **attrs)
    return network
