"""Shared fixtures: a hand-built Document and the sample build (built once)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample"
GOLD = ROOT / "tests" / "data" / "gold"


def facts(doc, kind) -> list:
    """The facts of one kind an extracted document holds, as a list."""
    return list(doc.facts_of(kind))


def positions(doc) -> set:
    """The (person, title, organisation) triples of an extracted document's positions."""
    return {(f.person.name, f.role, f.org.name) for f in facts(doc, "position")}


@pytest.fixture(scope="session")
def segmenter():
    pytest.importorskip("jieba")
    from kg.pipeline.tokenize import default_segmenter
    return default_segmenter()


@pytest.fixture
def make_doc(segmenter):
    """Build an article Document from a sentence, as the pipeline would."""
    from kg.pipeline.document import Block, Document
    from kg.pipeline.gazetteer import gazetteer
    from kg.pipeline.normalise import normalise

    def make(text: str, *, kind: str = "body", home_city: str | None = None):
        norm, offsets = normalise(text)
        blocks, pos = [], 0
        for line in norm.split("\n"):
            if line:
                blocks.append(Block(kind, pos, pos + len(line)))
            pos += len(line) + 1
        return Document("test#0", "test.txt", text, norm, offsets, blocks=tuple(blocks),
                        tokens=segmenter.lazy_tokens(norm),
                        home_city=home_city or gazetteer().main_place(norm))
    return make


@pytest.fixture
def extracted(make_doc):
    """Run every extractor over a sentence."""
    from kg.pipeline.extract import extract

    def run(text: str, **kwargs):
        return extract(make_doc(text, **kwargs))
    return run


@pytest.fixture(scope="session")
def sample_graph():
    import kg
    return kg.build(SAMPLE)
