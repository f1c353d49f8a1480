"""The compact result of one page: what emission needs, and nothing more.

A :class:`~kg.document.Document` carries the article's text, tokens and
offset maps: far more than the graph needs, and too much to hold for 100,000
articles. After extraction each article becomes an :class:`ArticleRecord`:
its metadata, the entities it mentions (by kind and name) and its facts with
their evidence sentence and raw offsets. A page's records, the names it
contributes to corpus-wide resolution and its counts form a
:class:`PageResult`, the unit that moves between processes, Dask workers and
the build's spool (:mod:`kg.manifest`). Records encode to compact JSON.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .document import Document, Fact, Mention
from .read import Page
from .resolve import parent_union
from .settings import Settings

ENTITY_KINDS = ("union", "org", "person")


class Ref(NamedTuple):
    """An entity or group as a fact or article refers to it.

    kind (str): "union", "org", "person" or "group".
    name (str): the name resolved within the article.
    concepts (tuple[str, ...]): group concept labels (groups only).
    """

    kind: str
    name: str
    concepts: tuple[str, ...] = ()


class FactRecord(NamedTuple):
    """A fact as emission needs it (see :class:`kg.document.Fact`).

    index (int): the fact's position in its article (part of its IRI).
    evidence (str): the evidence sentence (normalised view).
    raw_start, raw_end (int): the sentence's offsets into the raw article text.
    amount (str): the amount as an xsd:decimal lexical form ("" if none).
    """

    kind: str
    index: int
    evidence: str
    raw_start: int
    raw_end: int
    agents: tuple[Ref, ...] = ()
    recipients: tuple[Ref, ...] = ()
    person: Ref | None = None
    org: Ref | None = None
    role: str = ""
    amount: str = ""
    amount_text: str = ""
    approximate: bool = False
    date: str | None = None
    part_of: int | None = None  # allocations: the index of the total it itemises


class ArticleRecord(NamedTuple):
    """One article as emission needs it.

    mentions (tuple[Ref, ...]): the union, organisation and person mentions, in text order.
    """

    doc_id: str
    source_file: str
    headline: str | None
    url: str | None
    date: str | None
    mentions: tuple[Ref, ...]
    facts: tuple[FactRecord, ...]


@dataclass(frozen=True)
class PageResult:
    """The outcome of extracting one page.

    page_id (str): the page's id (its file, or file#id for JSON Lines records).
    digest (str): hash of the page's content, the settings and the pipeline
        (a page whose digest is unchanged need not be extracted again).
    blob (bytes): the page's article records, compressed JSON (:func:`encode`).
    names (tuple[tuple[str, str, str], ...]): (name, kind, surface) of every
        entity the page refers to; kind is "union", "org", "person" or "role",
        surface the stand-alone spelling or "".
    articles (int): number of articles.
    facts (tuple[tuple[str, int], ...]): facts counted per kind.
    """

    page_id: str
    digest: str
    blob: bytes
    names: tuple[tuple[str, str, str], ...]
    articles: int
    facts: tuple[tuple[str, int], ...]


def _ref(mention: Mention | None) -> Ref | None:
    if mention is None:
        return None
    # a place that takes part in a fact is an organisation of the graph
    kind = "org" if mention.kind == "place" else mention.kind
    return Ref(kind, mention.name, tuple(mention.concepts))


def _decimal_lexical(value) -> str:
    from .emit import decimal_lexical
    return decimal_lexical(value)


def fact_record(doc: Document, index: int, fact: Fact) -> FactRecord:
    """The record of ``doc.facts[index]``."""
    raw_start, raw_end = doc.raw_offsets(fact.start, fact.end)
    return FactRecord(
        kind=fact.kind, index=index, evidence=doc.norm[fact.start:fact.end],
        raw_start=raw_start, raw_end=raw_end,
        agents=tuple(_ref(m) for m in fact.agents), recipients=tuple(_ref(m) for m in fact.recipients),
        person=_ref(fact.person), org=_ref(fact.org), role=fact.role,
        amount=_decimal_lexical(fact.amount) if fact.kind == "allocation" else "",
        amount_text=fact.amount_text, approximate=bool(fact.approximate), date=fact.date,
        part_of=doc.facts.index(fact.part_of) if fact.part_of is not None else None)


def article_record(doc: Document) -> ArticleRecord:
    """The record of one extracted article."""
    return ArticleRecord(
        doc_id=doc.doc_id, source_file=doc.source_file, headline=doc.headline, url=doc.url, date=doc.date,
        mentions=tuple(_ref(m) for m in doc.mentions if m.kind in ENTITY_KINDS),
        facts=tuple(fact_record(doc, i, f) for i, f in enumerate(doc.facts)))


def names_of(doc: Document) -> set[tuple[str, str, str]]:
    """(name, kind, surface) of every entity and role an article refers to.

    Union and organisation mentions give their written spelling (an alias
    candidate); names reached only through facts give "". Persons and roles
    are listed so that the entity declarations can be made without the records.
    """
    out = set()
    for mention in doc.mentions:
        if mention.kind in ("union", "org"):
            out.add((mention.name, mention.kind, mention.text))
        elif mention.kind == "person":
            out.add((mention.name, "person", ""))
    for fact in doc.facts:
        for mention in fact.agents + fact.recipients + tuple(m for m in (fact.org, fact.person) if m):
            ref = _ref(mention)
            if ref.kind in ENTITY_KINDS:
                out.add((ref.name, ref.kind, ""))
        if fact.kind == "position":
            out.add((fact.role, "role", ""))
    for name, kind, _ in list(out):
        parent = parent_union(name) if kind == "org" else None
        if parent:  # 某区总工会女职工委员会 names its union too
            out.add((parent, "union", ""))
    return out


def encode(records) -> bytes:
    """Compressed JSON of a page's article records."""
    return zlib.compress(json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(blob: bytes) -> list[ArticleRecord]:
    """The article records of :func:`encode`'s output."""
    out = []
    for a in json.loads(zlib.decompress(blob)):
        mentions = tuple(Ref(k, n, tuple(c)) for k, n, c in a[5])
        facts = []
        for f in a[6]:
            facts.append(FactRecord(
                f[0], f[1], f[2], f[3], f[4],
                tuple(Ref(k, n, tuple(c)) for k, n, c in f[5]),
                tuple(Ref(k, n, tuple(c)) for k, n, c in f[6]),
                Ref(f[7][0], f[7][1], tuple(f[7][2])) if f[7] else None,
                Ref(f[8][0], f[8][1], tuple(f[8][2])) if f[8] else None,
                *f[9:]))
        out.append(ArticleRecord(*a[:5], mentions, tuple(facts)))
    return out


# what a page's records depend on (a change re-extracts every page) and what
# its triples depend on besides (a change re-emits every page from its records)
EXTRACTION_FILES = ("extract/*.py", "lexicons/*", "segment.py", "normalise.py", "tokenize.py", "pipeline.py",
                    "document.py", "record.py", "read.py", "lexicon.py", "settings.py", "ontology.py", "gazetteer.py",
                    "../ontology/groups.ttl")
EMISSION_FILES = ("emit.py", "resolve.py", "vocab.py", "record.py", "../ontology/groups.ttl")


def _fingerprint(patterns: tuple[str, ...]) -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for pattern in patterns:
        for path in sorted(package.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of the code and data that extraction depends on.

    Part of every page digest: after the extractors, lexicons or group
    scheme change, an incremental build extracts every page again.
    """
    return _fingerprint(EXTRACTION_FILES)


@lru_cache(maxsize=1)
def emission_fingerprint() -> str:
    """A hash of the code and data that turn records into triples.

    Kept in the manifest: when it changes, an incremental build emits every
    page again from its records (no extraction needed).
    """
    return _fingerprint(EMISSION_FILES)


def page_digest(page: Page, settings: Settings) -> str:
    """The content hash of a page as the build sees it (text, metadata, settings, pipeline)."""
    parts = (page.source_file, page.text, page.title or "", page.date or "", page.url or "",
             settings.home_city or "", pipeline_fingerprint())
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def page_result(page: Page, settings: Settings = Settings()) -> PageResult:
    """Extract one page into its compact result (the per-page work of a build).

    page (Page): a page as read.
    settings (Settings): the build's settings.
    RETURNS (PageResult): the page's records, names and counts.
    """
    from .pipeline import documents_of_page
    docs = documents_of_page(page, settings)
    names: set[tuple[str, str, str]] = set()
    counts: dict[str, int] = {}
    records = []
    for doc in docs:
        records.append(article_record(doc))
        names |= names_of(doc)
        for fact in doc.facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
    return PageResult(page.page_id, page_digest(page, settings), encode(records), tuple(sorted(names)),
                      len(docs), tuple(sorted(counts.items())))
