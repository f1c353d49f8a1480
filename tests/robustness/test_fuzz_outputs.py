"""Any text a page may hold gives outputs that every reader parses: pyoxigraph and
rdflib (Turtle, N-Triples), networkx and an XML parser (GraphML)."""
import io
import xml.etree.ElementTree as ElementTree

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Graph

import kg
from kg.errors import NothingReadError
from kg.pipeline.read import DecodeFailure, decode_bytes, safe_text

GENRE = "本报讯（记者 孙艳）近日，驿城区总工会走访慰问困难职工，送去慰问金5000元。区总工会主席王建国带队。"
ODD = ["\ud800", "\udfff", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "😀", '"', "'",
       "<", ">", "&", "\\", "\t", "\r", "\n", "\u3000", "（", "）", "@", "#", "%"]
any_characters = st.text(st.characters(blacklist_categories=()), max_size=3)  # surrogates too
texts = st.lists(st.one_of(st.sampled_from(ODD), st.sampled_from(list(GENRE)), any_characters),
                 min_size=1, max_size=80).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=texts, after=texts)
def test_every_output_parses(tmp_path_factory, before, after):
    folder = tmp_path_factory.mktemp("fuzz")
    # surrogates and the like arrive by way of UTF-16 bytes, as a file would bring them
    (folder / "page.txt").write_bytes(b"\xff\xfe" + (before + GENRE + after).encode("utf-16-le", "surrogatepass"))
    try:
        graph = kg.build(folder)
    except NothingReadError:  # a lone surrogate: the page is named as undecodable, nothing crashes
        assert any("\ud800" <= c <= "\udfff" for c in before + after)
        return
    outputs = {fmt: io.BytesIO() for fmt in ("turtle", "nt", "graphml")}
    for fmt, stream in outputs.items():
        graph.export(fmt, stream)
    turtle, ntriples, graphml = (outputs[f].getvalue() for f in ("turtle", "nt", "graphml"))
    assert len(Graph().parse(data=turtle, format="turtle")) == len(graph)
    assert len(Graph().parse(data=ntriples, format="nt")) == len(graph)
    for data, syntax in ((turtle, pyoxigraph.RdfFormat.TURTLE), (ntriples, pyoxigraph.RdfFormat.N_TRIPLES)):
        store = pyoxigraph.Store()
        store.load(data, format=syntax)
        assert len(store) == len(graph)
    ElementTree.fromstring(graphml)
    nx.read_graphml(io.BytesIO(graphml))


@given(st.text(st.characters(blacklist_categories=())))
def test_utf16_text_reads_back_or_is_named_undecodable(text):
    data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    try:
        decoded, _ = decode_bytes(data)
    except DecodeFailure:
        return  # a lone surrogate: named as a problem, never a crash
    assert decoded == data[2:].decode("utf-16-le")  # what the bytes say, a pair of surrogates joined
    assert len(safe_text(decoded)) == len(decoded)
