"""Every registered exporter: non-empty, deterministic, readable by others."""
import io

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.graph.export import EXPORTERS, export


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_exporter_is_deterministic_and_non_empty(sample_graph, fmt):
    first, second = io.BytesIO(), io.BytesIO()
    export(sample_graph, fmt, first)
    import kg
    from conftest import SAMPLE
    export(kg.build(SAMPLE), fmt, second)
    assert first.getvalue() and first.getvalue() == second.getvalue()


@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("nt", "nt")])
def test_rdf_round_trip(sample_graph, fmt, syntax):
    buffer = io.BytesIO()
    export(sample_graph, fmt, buffer)
    assert isomorphic(Graph().parse(data=buffer.getvalue(), format=syntax), sample_graph.graph)


def test_pyoxigraph_reads_the_turtle(sample_graph, tmp_path):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    path = sample_graph.export("turtle", tmp_path / "graph.ttl")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(sample_graph.graph)


def test_graphml_opens_in_networkx_with_typed_nodes_and_relations(sample_graph, tmp_path):
    path = sample_graph.export("graphml", tmp_path / "graph.graphml")
    network = nx.read_graphml(path)
    types = {d["type"] for _, d in network.nodes(data=True)}
    assert {"union", "person", "group", "organization"} <= types
    relations = {d["relation"] for _, _, d in network.edges(data=True)}
    assert {"慰问", "拨付", "任职"} <= relations
    amounts = [d["amount"] for _, _, d in network.edges(data=True) if d["relation"] == "拨付"]
    assert all(isinstance(a, float) and a > 0 for a in amounts)


def test_unknown_format_is_a_clear_error(sample_graph):
    with pytest.raises(ValueError, match="unknown export format"):
        export(sample_graph, "docx", io.BytesIO())
