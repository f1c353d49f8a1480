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

from .network import PREFIXES

CATEGORIES = ("articles", "unions", "organizations", "persons", "positions",
              "bylines", "condolences", "allocations")


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
        self.required = {c: set() for c in CATEGORIES}
        self.optional = {c: set() for c in CATEGORIES}
        for doc in docs:
            for category in CATEGORIES:
                for entry in doc.get(category, []):
                    bucket = self.optional if entry.get("optional") else self.required
                    bucket[category].update(self.keys(category, entry))
        for category in CATEGORIES:
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
        if category == "positions":
            return [(fold(entry["person"]), fold(entry["title"]), n(entry["org"]))]
        if category == "bylines":
            return [(fold(entry["person"]), fold(entry["role"]))]
        if category == "condolences":
            return [(n(a), n(r)) for a in entry["agents"] for r in entry["recipients"]]
        return [(n(entry["agent"]), money_key(entry["amount"]))]


_LABELS = "SELECT ?n ?l WHERE { { ?n rdfs:label ?l } UNION { ?n skos:prefLabel ?l } }"
_FOUND = {
    "articles": "SELECT ?h WHERE { ?a a ukg:Article ; ukg:headline ?h }",
    "unions": "SELECT ?n WHERE { ?n a ukg:Union }",
    "organizations": """SELECT DISTINCT ?n WHERE {
        VALUES ?t { org:Organization org:FormalOrganization org:OrganizationalUnit }
        ?n a ?t FILTER NOT EXISTS { ?n a ukg:Union } }""",
    "persons": "SELECT ?n WHERE { ?n a ukg:Person }",
    "positions": "SELECT ?p ?r ?o WHERE { ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r }",
    "bylines": """SELECT ?p ?role WHERE { { ?a ukg:reporter ?p BIND("记者" AS ?role) }
        UNION { ?a ukg:correspondent ?p BIND("通讯员" AS ?role) } }""",
    "condolences": "SELECT ?x ?y WHERE { ?e a ukg:Condolence ; ukg:agent ?x ; ukg:recipient ?y }",
    "allocations": "SELECT ?x ?v WHERE { ?e a ukg:Allocation ; ukg:agent ?x ; ukg:amount ?v }",
}


def found_items(graph: Graph, gold: GoldSet) -> dict[str, Counter]:
    """What the graph holds, per category, keyed like the gold.

    A node with several labels stands for the one gold knows, else its first
    label in sorted order, so extra labels never hurt.
    """
    rows = lambda key: list(graph.query(PREFIXES + _FOUND.get(key, key)))  # noqa: E731
    labels: dict = {}
    for node, label in rows(_LABELS):
        labels.setdefault(node, set()).add(fold(label))
    known = set(gold.canonical) | gold.person_names

    def name(node):
        options = sorted(labels.get(node, ())) or ["(no label)"]
        return gold.name(next((o for o in options if o in known), options[0]))

    found = {"articles": Counter(fold(h) for (h,) in rows("articles"))}
    for category in ("unions", "organizations", "persons"):
        found[category] = Counter(name(n) for (n,) in rows(category))
    found["positions"] = Counter({(name(p), name(r), name(o)) for p, r, o in rows("positions")})
    found["bylines"] = Counter({(name(p), fold(role)) for p, role in rows("bylines")})
    found["condolences"] = Counter({(name(x), name(y)) for x, y in rows("condolences")})
    found["allocations"] = Counter({(name(x), money_key(v)) for x, v in rows("allocations")})
    return found


def score(found: dict[str, Counter], gold: GoldSet) -> dict:
    """Precision, recall, F1 and the errors, per category, and the macro-F1."""
    report: dict = {}
    for category in CATEGORIES:
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
    report["overall_macro_f1"] = sum(report[c]["f1"] for c in CATEGORIES) / len(CATEGORIES)
    return report


def evaluate_files(graph_paths, gold_dir) -> dict:
    """Score RDF files (any syntax rdflib reads) against a gold folder."""
    graph = Graph()
    for path in graph_paths:
        graph.parse(path)
    return evaluate(graph, gold_dir)


def evaluate(graph: Graph, gold_dir) -> dict:
    """Score an rdflib graph against a gold folder."""
    gold = GoldSet(Path(gold_dir))
    return score(found_items(graph, gold), gold)


def format_report(report: dict, *, errors: bool = False) -> str:
    """The report as a table, optionally with what was missed and wrong."""
    lines = [f"{'category':<14}{'gold':>6}{'found':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for c in CATEGORIES:
        r = report[c]
        lines.append(f"{c:<14}{r['gold']:>6}{r['found']:>7}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}"
                     f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}")
        if errors:
            lines += [f"    missed  {k}" for k in r["false_negatives"]]
            lines += [f"    wrong   {k}" for k in r["false_positives"]]
            if r["duplicates"]:
                lines.append(f"    {r['duplicates']} duplicate node(s)")
    lines.append(f"overall macro-F1 {report['overall_macro_f1']:.3f}")
    return "\n".join(lines)
