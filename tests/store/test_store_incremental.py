"""The Oxigraph store: same graph as in memory; rebuilds idempotent; new pages add only theirs."""
import io
import shutil

import pytest
from rdflib import Graph

from conftest import SAMPLE
from kg.building.builder import build_store
from kg.building.store import GraphStore

PAGES = sorted(SAMPLE.glob("*.txt"))


def _nquads(store_dir) -> bytes:
    buffer = io.BytesIO()
    GraphStore(store_dir, read_only=True).export("nquads", buffer)
    return buffer.getvalue()


def _turtle(store_dir, **kwargs) -> bytes:
    buffer = io.BytesIO()
    GraphStore(store_dir, read_only=True, **kwargs).export("turtle", buffer)
    return buffer.getvalue()


def _sorted_lines(data: bytes) -> list[bytes]:
    return sorted(data.splitlines())


@pytest.fixture(scope="module")
def full_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("full") / "store"
    build_store(SAMPLE, folder)
    return folder


def _by_value(graph):
    """Triples with xsd:decimal literals compared by value (Oxigraph writes 550000.0 as 550000)."""
    from decimal import Decimal
    from rdflib import Literal
    from rdflib.namespace import XSD
    return {(s, p, Decimal(str(o)) if isinstance(o, Literal) and o.datatype == XSD.decimal else o)
            for s, p, o in graph}


def test_the_stores_turtle_is_the_graph_built_in_memory(full_store, sample_graph):
    streamed = Graph().parse(data=_turtle(full_store), format="turtle")
    assert _by_value(streamed) == _by_value(sample_graph.graph)
    assert _turtle(full_store) == _turtle(full_store)


def test_rebuilding_the_same_pages_changes_nothing(full_store, tmp_path):
    folder = tmp_path / "store"
    shutil.copytree(full_store, folder)
    before = _nquads(folder)
    summary = build_store(SAMPLE, folder)
    assert (summary.extracted, summary.unchanged, summary.reemitted) == (0, len(PAGES), 0)
    assert _nquads(folder) == before


def test_adding_pages_equals_building_them_all_at_once(full_store, tmp_path):
    folder = tmp_path / "store"
    first = build_store(PAGES[:2], folder)
    before = set(_nquads(folder).splitlines())
    second = build_store(SAMPLE, folder)
    assert second.extracted == len(PAGES) - 2 and second.unchanged == 2
    after = set(_nquads(folder).splitlines())
    assert _sorted_lines(_nquads(folder)) == _sorted_lines(_nquads(full_store))
    # no name of the first two pages resolves otherwise once the rest is added: their
    # triples stay as they were (only the declarations, rewritten by every build, may change)
    declared = (b"/id/union/", b"/id/org/", b"/id/person/", b"/id/role/", b"/id/tally/")
    lost = {line for line in before - after if not any(kind in line.split(b" ", 1)[0] for kind in declared)}
    assert first.pages == 2 and second.reemitted == 0 and lost == set()
    assert first.articles < second.articles


def test_a_changed_page_replaces_its_facts(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / "a.txt"
    page.write_text("本报讯（记者 孙艳）近日，驿城区总工会走访慰问困难职工。", encoding="utf-8")
    folder = tmp_path / "store"
    build_store(pages, folder)
    page.write_text("本报讯（记者 孙艳）近日，桐庐县总工会走访慰问环卫工人。", encoding="utf-8")
    summary = build_store(pages, folder)
    assert summary.extracted == 1 and summary.pages == 1
    text = _nquads(folder).decode("utf-8")
    assert "桐庐县总工会" in text and "驿城区总工会走访" not in text
    fresh = tmp_path / "fresh"
    build_store(pages, fresh)
    assert _sorted_lines(_nquads(folder)) == _sorted_lines(_nquads(fresh))


def test_the_kept_shards_and_updates_mirror_the_store_on_a_server(tmp_path):
    import pyoxigraph as ox
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(PAGES[0], pages / PAGES[0].name)
    page = pages / "a.txt"
    page.write_text("本报讯（记者 孙艳）近日，驿城区总工会走访慰问困难职工。", encoding="utf-8")
    folder = tmp_path / "store"
    build_store(pages, folder, shards=tmp_path / "first")
    page.write_text("本报讯（记者 孙艳）近日，桐庐县总工会走访慰问环卫工人。", encoding="utf-8")
    build_store(pages, folder, shards=tmp_path / "second")
    server = ox.Store()  # another SPARQL store, kept in step from the shards alone
    for shards in (tmp_path / "first", tmp_path / "second"):
        server.update((shards / "remove.ru").read_text(encoding="utf-8"))
        for path in sorted(shards.glob("*.nq")):
            server.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    buffer = io.BytesIO()
    server.dump(buffer, ox.RdfFormat.N_QUADS)
    assert "驿城区总工会走访" not in buffer.getvalue().decode("utf-8")
    assert _sorted_lines(buffer.getvalue()) == _sorted_lines(_nquads(folder))


def test_store_answers_sparql(full_store):
    rows = GraphStore(full_store, read_only=True).query(
        'SELECT ?u WHERE { ?u a ukg:Union ; rdfs:label "大兴区总工会"@zh }')
    assert len(rows) == 1


def test_graphml_of_the_store_is_that_of_the_graph_in_memory(full_store, sample_graph):
    """One GraphML writer over SPARQL: Oxigraph and rdflib give the same bytes."""
    from_store, in_memory = io.BytesIO(), io.BytesIO()
    GraphStore(full_store, read_only=True).export("graphml", from_store)
    sample_graph.export("graphml", in_memory)
    assert from_store.getvalue() == in_memory.getvalue()


def test_a_new_emitter_re_emits_every_page_without_extracting(full_store, tmp_path, monkeypatch):
    folder = tmp_path / "store"
    shutil.copytree(full_store, folder)
    before = _nquads(folder)
    # what an older layout left (a page in a named graph) goes too: the store is emptied first
    old_layout = GraphStore(folder)
    old_layout.store.update('INSERT DATA { GRAPH <https://w3id.org/unionkg/id/page/x> { <urn:a> <urn:b> "c" } }')
    del old_layout
    import kg.building.builder
    monkeypatch.setattr(kg.building.builder, "emission_fingerprint", lambda: "another emitter")
    summary = build_store(SAMPLE, folder)
    assert (summary.extracted, summary.reemitted) == (0, len(PAGES))
    assert _nquads(folder) == before


def test_a_large_load_compacts_the_store_and_a_small_update_does_not(tmp_path, monkeypatch):
    compacted = []
    monkeypatch.setattr(GraphStore, "optimize", lambda self: compacted.append(self.path))
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(PAGES[0], pages / PAGES[0].name)
    folder = tmp_path / "store"
    build_store(pages, folder)  # a first build loads every page
    assert compacted == [folder]
    build_store(pages, folder)  # nothing new
    assert compacted == [folder]
    for page in PAGES[1:]:
        shutil.copy(page, pages / page.name)
    summary = build_store(pages, folder)  # four new pages in a store of five
    assert summary.extracted == 4 and compacted == [folder] * 2
    (pages / "z.txt").write_text("本报讯 近日，平舆县总工会走访慰问困难职工。", encoding="utf-8")
    summary = build_store(pages, folder)  # one new page in a store of six
    assert summary.extracted == 1 and summary.reemitted == 0 and compacted == [folder] * 2


def test_compaction_keeps_the_graph(full_store, tmp_path):
    folder = tmp_path / "store"
    shutil.copytree(full_store, folder)
    before = _sorted_lines(_nquads(folder))
    GraphStore(folder).optimize()
    assert _sorted_lines(_nquads(folder)) == before
