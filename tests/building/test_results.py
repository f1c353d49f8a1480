"""Page results: records round-trip, the schema names their fields in order, a manifest of another schema is
extracted afresh, and the fingerprints see every file extraction depends on."""
from hypothesis import given, strategies as st

from conftest import SAMPLE
from kg.building import results
from kg.building.builder import build_store
from kg.building.manifest import Manifest
from kg.pipeline.records import ArticleRecord, FactRecord, Ref

texts = st.text(max_size=12)
refs = st.builds(Ref, st.sampled_from(["union", "org", "person", "group"]), texts,
                 st.lists(texts, max_size=2).map(tuple))
facts = st.builds(FactRecord, st.sampled_from(["position", "byline", "condolence", "allocation"]),
                  st.integers(0, 50), texts, st.integers(0, 10**6), st.integers(0, 10**6),
                  st.lists(refs, max_size=3).map(tuple), st.lists(refs, max_size=3).map(tuple),
                  st.none() | refs, st.none() | refs, texts, st.sampled_from(["", "5000.0", "1.5"]), texts,
                  st.booleans(), st.none() | st.just("2024-01-02"), st.none() | st.integers(0, 5))
articles = st.builds(ArticleRecord, texts, texts, st.none() | texts, st.none() | texts, st.none() | texts,
                     st.lists(refs, max_size=4).map(tuple), st.lists(facts, max_size=4).map(tuple))


@given(st.lists(articles, max_size=3))
def test_records_survive_encoding(records):
    assert results.decode(results.encode(records)) == records


def test_the_schema_changes_with_the_records_fields():
    from typing import NamedTuple

    class Ref(NamedTuple):  # a field added in the middle: positions shift
        kind: str
        surface: str
        name: str
        concepts: tuple = ()

    assert results.record_schema((Ref, FactRecord, ArticleRecord)) != results.RECORD_SCHEMA
    assert results.record_schema((results.Ref, FactRecord, ArticleRecord)) == results.RECORD_SCHEMA


def test_a_manifest_of_another_schema_is_extracted_afresh(tmp_path):
    build_store(SAMPLE, tmp_path / "store")
    manifest = Manifest(tmp_path / "store" / "manifest.sqlite")
    manifest.set_meta("record_schema", "0")
    manifest.commit()
    manifest.close()
    again = build_store(SAMPLE, tmp_path / "store")
    assert again.extracted == again.pages == 5 and again.unchanged == 0


def test_the_fingerprints_read_the_ontology_and_lexicons_inside_the_package():
    for patterns in (results.EXTRACTION_FILES, results.EMISSION_FILES):
        files = results.fingerprint_files(patterns)
        names = {path.name for path in files}
        assert "groups.ttl" in names and all(path.is_file() for path in files)
    assert any(path.parent.name == "lexicons" for path in results.fingerprint_files(results.EXTRACTION_FILES))
