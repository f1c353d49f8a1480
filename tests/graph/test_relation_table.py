"""A new kind of fact needs one extractor and one row of the relation table, nothing else.

The toy kind here (表彰, commendations) is added for one test only; Turtle,
GraphML, ``kg stats`` and ``kg eval`` all show it without naming it.
"""
import json
import re

import networkx as nx
import pytest
from rdflib import RDF, Graph, URIRef

import kg.pipeline.extract as extract
from kg.graph.relations import RELATIONS, Relation
from kg.interfaces.cli import main
from kg.pipeline.document import Fact

TOY_CLASS = URIRef("https://example.org/toy#Commendation")
TOY = Relation("commendation", "event", TOY_CLASS, "表彰", "commendations")


def find_commendations(doc):
    """表彰 in a sentence: the union before it commends the groups after it."""
    facts = []
    for act in re.finditer("表彰", doc.norm):
        start = doc.norm.rfind("。", 0, act.start()) + 1
        end = doc.norm.find("。", act.end()) + 1 or len(doc.norm)
        unions = [u for u in doc.mentions_within(start, act.start(), "union")]
        groups = doc.mentions_within(act.end(), end, "group")
        if unions and groups:
            facts.append(Fact("commendation", start, end, agents=(unions[-1],), recipients=groups))
    return tuple(facts)


@pytest.fixture
def with_commendations(monkeypatch):
    monkeypatch.setitem(RELATIONS, "commendation", TOY)
    monkeypatch.setattr(extract, "EXTRACTORS", extract.EXTRACTORS + (
        extract.Extractor("commendations.v1", find_commendations, "facts", ("union", "group"), ("commendation",)),))


def test_a_toy_kind_reaches_turtle_graphml_stats_and_eval(with_commendations, tmp_path, capsys):
    pages, out, gold = tmp_path / "pages", tmp_path / "out", tmp_path / "gold"
    pages.mkdir(), gold.mkdir()
    (pages / "a.txt").write_text("本报讯 日前，大兴区总工会召开大会，表彰了一批劳动模范。", encoding="utf-8")
    assert main(["build", str(pages), "-o", str(out), "-q"]) == 0
    capsys.readouterr()

    turtle = Graph().parse(out / "graph.ttl")
    commended = list(turtle.subjects(predicate=RDF.type, object=TOY_CLASS))
    assert len(commended) == 1

    network = nx.read_graphml(out / "graph.graphml")
    edges = [(network.nodes[u]["label"], network.nodes[v]["label"])
             for u, v, d in network.edges(data=True) if d["relation"] == "表彰"]
    assert edges == [("大兴区总工会", "劳动模范")]

    assert main(["stats", str(out / "graph.ttl")]) == 0
    assert "commendations (表彰): events  1" in capsys.readouterr().out.splitlines()

    (gold / "a.json").write_text(json.dumps({"commendations": [
        {"agents": ["大兴区总工会"], "recipients": ["劳动模范"]}]}, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(out / "graph.ttl"), "--gold", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["commendations"]["tp"] == 1 and report["commendations"]["f1"] == 1.0


def test_a_kind_without_a_row_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(extract, "EXTRACTORS", extract.EXTRACTORS + (
        extract.Extractor("commendations.v1", find_commendations, "facts", ("union", "group"), ("commendation",)),))
    (tmp_path / "a.txt").write_text("本报讯 日前，大兴区总工会召开大会，表彰了一批劳动模范。", encoding="utf-8")
    import kg
    with pytest.raises(ValueError, match="unknown fact kind 'commendation'"):
        kg.build(tmp_path)
