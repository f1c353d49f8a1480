"""``kg eval``: precision, recall and F1 of a graph against gold annotations.

Gold files follow the annotation guideline (one JSON object per page, with
articles, unions, organizations, persons, positions, bylines, condolences and
allocations). Matching is one-to-one on canonical name or alias; entries
marked ``"optional": true`` count neither way; a node counted twice for the
same gold item is a false positive (one node per entity). The graph is read
only through the public vocabulary, so any unionkg-shaped graph can be scored.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph

from kg.graph.access import KnowledgeGraph
from kg.graph.relations import RELATIONS, Relation

ENTITY_CATEGORIES = ("articles", "unions", "organizations", "persons")


def categories() -> tuple[str, ...]:
    """The scored categories: the entities, then one per row of the relation table."""
    return ENTITY_CATEGORIES + tuple(relation.plural for relation in RELATIONS.values())


def _relation(category: str) -> Relation:
    return next(r for r in RELATIONS.values() if r.plural == category)


def fold(text) -> str:
    """Width-folded text without whitespace: how names are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def money_key(value) -> str:
    """An amount as a comparable string with two decimals."""
    try:
        return f"{Decimal(str(value)):.2f}"
    except InvalidOperation:
        return "invalid:" + fold(value)


class GoldSet:
    """The gold items of a folder of annotation files, by category."""

    def __init__(self, folder: Path):
        files = sorted(Path(folder).glob("*.json"))
        if not files:
            raise FileNotFoundError(f"{folder}: no gold *.json files")
        docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
        spellings: dict[str, set[str]] = {}
        for doc in docs:
            for entry in doc.get("unions", []) + doc.get("organizations", []):
                name = fold(entry["name"])
                for spelling in [name, *map(fold, entry.get("aliases", []))]:
                    spellings.setdefault(spelling, set()).add(name)
        # a spelling shared by two entities is ambiguous and resolves to nothing
        self.canonical = {s: next(iter(n)) for s, n in spellings.items() if len(n) == 1}
        self.categories = categories()
        self.required = {c: set() for c in self.categories}
        self.optional = {c: set() for c in self.categories}
        for doc in docs:
            for category in self.categories:
                for entry in doc.get(category, []):
                    bucket = self.optional if entry.get("optional") else self.required
                    bucket[category].update(self.keys(category, entry))
        for category in self.categories:
            self.optional[category] -= self.required[category]
        self.person_names = self.required["persons"] | self.optional["persons"]

    def name(self, text) -> str:
        text = fold(text)
        return self.canonical.get(text, text)

    def keys(self, category: str, entry: dict) -> list:
        n = self.name
        if category == "articles":
            return [fold(entry["headline"])] if entry.get("headline") else []
        if category in ("unions", "organizations"):
            return [n(entry["name"])]
        if category == "persons":
            return [fold(entry["name"])]
        relation = _relation(category)
        if relation.shape == "membership":
            return [(fold(entry["person"]), fold(entry["title"]), n(entry["org"]))]
        if relation.shape == "credit":
            return [(fold(entry["person"]), fold(entry["role"]))]
        if relation.amount:
            return [(n(entry["agent"]), money_key(entry["amount"]))]
        return [(n(a), n(r)) for a in entry["agents"] for r in entry["recipients"]]


_LABELS = "SELECT ?n ?l WHERE { { ?n rdfs:label ?l } UNION { ?n skos:prefLabel ?l } }"
_ENTITIES = {
    "articles": "SELECT ?h WHERE { ?a a ukg:Article ; ukg:headline ?h }",
    "unions": "SELECT ?n WHERE { ?n a ukg:Union }",
    "organizations": """SELECT DISTINCT ?n WHERE {
        VALUES ?t { org:Organization org:FormalOrganization org:OrganizationalUnit }
        ?n a ?t FILTER NOT EXISTS { ?n a ukg:Union } }""",
    "persons": "SELECT ?n WHERE { ?n a ukg:Person }",
}


def relation_query(relation: Relation) -> str:
    """The SPARQL that lists a relation's facts as the gold keys them."""
    if relation.shape == "membership":
        return f"SELECT ?p ?r ?o WHERE {{ ?m a <{relation.rdf_class}> ; org:member ?p ; " \
               "org:organization ?o ; org:role ?r }"
    if relation.shape == "credit":
        parts = [f'{{ ?a <{prop}> ?p BIND("{role}" AS ?role) }}' for role, prop in relation.credit_roles]
        return "SELECT ?p ?role WHERE { " + " UNION ".join(parts) + " }"
    if relation.amount:
        return f"SELECT ?x ?v WHERE {{ ?e a <{relation.rdf_class}> ; ukg:agent ?x ; ukg:amount ?v }}"
    return f"SELECT ?x ?y WHERE {{ ?e a <{relation.rdf_class}> ; ukg:agent ?x ; ukg:recipient ?y }}"


def found_items(graph, gold: GoldSet) -> dict[str, Counter]:
    """What the graph (:class:`kg.graph.access.GraphAccess`) holds, per category, keyed like the gold.

    A node with several labels stands for the one gold knows, else its first
    label in sorted order, so extra labels never hurt.
    """
    rows = lambda sparql: list(graph.query(sparql))  # noqa: E731
    labels: dict = {}
    for node, label in rows(_LABELS):
        labels.setdefault(node, set()).add(fold(label))
    known = set(gold.canonical) | gold.person_names

    def name(node):
        options = sorted(labels.get(node, ())) or ["(no label)"]
        return gold.name(next((o for o in options if o in known), options[0]))

    found = {"articles": Counter(fold(h) for (h,) in rows(_ENTITIES["articles"]))}
    for category in ("unions", "organizations", "persons"):
        found[category] = Counter(name(n) for (n,) in rows(_ENTITIES[category]))
    for relation in RELATIONS.values():
        facts = rows(relation_query(relation))
        if relation.shape == "membership":
            keys = {(name(p), name(r), name(o)) for p, r, o in facts}
        elif relation.shape == "credit":
            keys = {(name(p), fold(role)) for p, role in facts}
        elif relation.amount:
            keys = {(name(x), money_key(v)) for x, v in facts}
        else:
            keys = {(name(x), name(y)) for x, y in facts}
        found[relation.plural] = Counter(keys)
    return found


def score(found: dict[str, Counter], gold: GoldSet) -> dict:
    """Precision, recall, F1 and the errors, per category, and the macro-F1."""
    report: dict = {}
    for category in gold.categories:
        want, maybe, got = gold.required[category], gold.optional[category], found[category]
        tp = sum(1 for key in got if key in want)
        wrong = sorted(str(k) for k in got if k not in want and k not in maybe)
        duplicates = sum(n - 1 for k, n in got.items() if k in want or k in maybe)
        missed = sorted(str(k) for k in want if k not in got)
        fp = len(wrong) + duplicates
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / len(want) if want else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[category] = {"gold": len(want), "found": sum(got.values()), "tp": tp, "fp": fp,
                            "fn": len(missed), "precision": precision, "recall": recall, "f1": f1,
                            "false_positives": wrong, "false_negatives": missed,
                            "duplicates": duplicates}
    report["overall_macro_f1"] = sum(report[c]["f1"] for c in gold.categories) / len(gold.categories)
    return report


def evaluate_files(graph_paths, gold_dir) -> dict:
    """Score RDF files (any syntax rdflib reads) against a gold folder."""
    graph = Graph()
    for path in graph_paths:
        graph.parse(path)
    return evaluate(KnowledgeGraph(graph), gold_dir)


def evaluate(graph, gold_dir) -> dict:
    """Score a graph (:class:`kg.graph.access.GraphAccess`, or an rdflib graph) against a gold folder."""
    if isinstance(graph, Graph):
        graph = KnowledgeGraph(graph)
    gold = GoldSet(Path(gold_dir))
    return score(found_items(graph, gold), gold)


def format_report(report: dict, *, errors: bool = False) -> str:
    """The report as a table, optionally with what was missed and wrong."""
    lines = [f"{'category':<14}{'gold':>6}{'found':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for c in [c for c in categories() if c in report]:
        r = report[c]
        lines.append(f"{c:<14}{r['gold']:>6}{r['found']:>7}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}"
                     f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}")
        if errors:
            lines += [f"    missed  {k}" for k in r["false_negatives"]]
            lines += [f"    wrong   {k}" for k in r["false_positives"]]
            if r["duplicates"]:
                lines.append(f"    {r['duplicates']} duplicate node(s)")
    lines.append(f"overall macro-F1 {report['overall_macro_f1']:.3f}")
    lines.append("counted as: " + "; ".join(f"{c} = {unit_of(c)}" for c in categories() if c in report))
    return "\n".join(lines)


def unit_of(category: str) -> str:
    """What one item of a category is (kg stats counts other units: events, articles)."""
    entity_units = {"articles": "headlines", "unions": "nodes", "organizations": "nodes", "persons": "nodes"}
    if category in entity_units:
        return entity_units[category]
    relation = _relation(category)
    if relation.shape == "membership":
        return "(person, title, organisation)"
    if relation.shape == "credit":
        return "(person, role)"
    return "(agent, amount)" if relation.amount else "(agent, recipient) pairs"
