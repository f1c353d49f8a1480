"""The built graph: shapes, vocabulary, determinism, provenance."""
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import ROOT, SAMPLE


def test_sample_graph_conforms_to_the_shapes(sample_graph):
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(sample_graph.graph, shacl_graph=shapes)
    assert conforms, text


def test_shapes_bite_on_a_broken_allocation(sample_graph):
    pyshacl = pytest.importorskip("pyshacl")
    from kg.graph.vocab import UKG, RDF
    graph = Graph()
    for triple in sample_graph.graph:
        graph.add(triple)
    allocation = next(graph.subjects(RDF.type, UKG.Allocation))
    graph.remove((allocation, UKG.amount, None))
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=shapes)
    assert not conforms


def test_every_fact_points_back_to_its_sentence(sample_graph):
    rows = list(sample_graph.query("""
        SELECT ?e ?evidence ?file WHERE {
          ?e prov:wasDerivedFrom ?a ; ukg:evidence ?evidence . ?a ukg:sourceFile ?file }"""))
    assert rows
    texts = {p.name: p.read_text(encoding="utf-8") for p in SAMPLE.glob("*.txt")}
    from kg.pipeline.segment import segment_page
    views = {name: segment_page(text)[0] for name, text in texts.items()}
    for _, evidence, file in rows:
        # the page's view: normalised, with paragraphs the layout cut stitched back
        assert str(evidence) in views[str(file)]


def test_one_node_per_union_across_articles(sample_graph):
    rows = list(sample_graph.query('SELECT ?u WHERE { ?u a ukg:Union ; rdfs:label "大兴区总工会"@zh }'))
    assert len(rows) == 1


def test_aliases_are_alt_labels(sample_graph):
    rows = {str(l) for (l,) in sample_graph.query(
        'SELECT ?l WHERE { ?u rdfs:label "中华全国总工会"@zh ; skos:altLabel ?l }')}
    assert "全国总工会" in rows


def test_same_input_same_graph_and_iris():
    import kg
    a, b = kg.build(SAMPLE).graph, kg.build(SAMPLE).graph
    assert isomorphic(a, b)
    assert set(a) == set(b)


def test_an_event_links_a_node_once_however_often_its_recipients_name_it():
    from kg.graph.emit import Emitter
    from kg.pipeline.lexicon import group_concepts
    from kg.pipeline.records import ArticleRecord, FactRecord, Ref
    from kg.pipeline.resolve import NameIndex

    concept = next(iter(group_concepts()))[1]
    union = Ref("union", "某市总工会")
    # two phrasings of one group (一线医护人员, 医务人员) and a union named twice
    fact = FactRecord("condolence", 0, "慰问", 0, 2, agents=(union, union),
                      recipients=(Ref("group", "甲", (concept,)), Ref("group", "乙", (concept,))))
    record = ArticleRecord("p#0", "p.txt", None, None, None, (), (fact,))
    names = NameIndex()
    names.add("某市总工会", "union", None)
    names.resolve()
    triples = Emitter(names).article(record)
    assert len(triples) == len(set(triples))
    assert sum(1 for _, p, _ in triples if p.endswith("#recipient>")) == 1
    assert sum(1 for _, p, _ in triples if p.endswith("#agent>")) == 1
