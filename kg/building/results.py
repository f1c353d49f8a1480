"""A page's result as a build keeps it: its records encoded, its digest, its names.

The unit that moves between processes, Dask workers and the manifest
(:mod:`kg.building.manifest`): :func:`page_result` runs the pipeline's
per-page driver and encodes the records as compressed JSON, every record an
array of its fields in order; :data:`RECORD_SCHEMA`, kept in the manifest, names
that order, so that a manifest written by another version is read correctly or
not at all.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.pipeline.page import extract_page
from kg.pipeline.read import Page
from kg.pipeline.records import ArticleRecord, FactRecord, Ref
from kg.settings import Settings


def record_schema(types) -> str:
    """The encoding's version and the records' fields, in order (fields are stored by position)."""
    return "3 " + hashlib.sha1(repr([(t.__name__, t._fields) for t in types]).encode()).hexdigest()[:12]


# kept in the manifest: a manifest of another schema is extracted afresh
RECORD_SCHEMA = record_schema((Ref, FactRecord, ArticleRecord))


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


def _ref(fields: list | None) -> Ref | None:
    return None if fields is None else Ref(fields[0], fields[1], tuple(fields[2]))


_make = tuple.__new__  # a named tuple from a list of its fields, without a Python-level call


def _fact(fields: list) -> FactRecord:
    fields[5] = tuple(map(_ref, fields[5]))  # agents
    fields[6] = tuple(map(_ref, fields[6]))  # recipients
    fields[7], fields[8] = _ref(fields[7]), _ref(fields[8])  # person, org
    return _make(FactRecord, fields)


def encode(records) -> bytes:
    """Compressed JSON of a page's article records, each record an array of its fields in order
    (the named tuples serialise as arrays in C; :data:`RECORD_SCHEMA` names the field order)."""
    return zlib.compress(json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(blob: bytes) -> list[ArticleRecord]:
    """The article records of :func:`encode`'s output."""
    out = []
    for fields in json.loads(zlib.decompress(blob)):
        fields[5] = tuple(map(_ref, fields[5]))  # mentions
        fields[6] = tuple(map(_fact, fields[6]))  # facts
        out.append(_make(ArticleRecord, fields))
    return out


# what a page's records depend on (a change re-extracts every page) and what
# its triples depend on besides (a change re-emits every page from its records)
EXTRACTION_FILES = ("pipeline/*.py", "pipeline/extract/*.py", "data/lexicons/*", "data/ontology/groups.ttl",
                    "settings.py", "building/results.py")
EMISSION_FILES = ("graph/emit.py", "graph/relations.py", "graph/tallies.py", "graph/vocab.py", "pipeline/resolve.py",
                  "pipeline/records.py", "building/results.py", "data/ontology/groups.ttl")


def fingerprint_files(patterns: tuple[str, ...]) -> list[Path]:
    """The package's files that match ``patterns``, in a stable order; a pattern that
    matches nothing raises (a fingerprint that silently left files out would keep stale records)."""
    package = Path(__file__).resolve().parent.parent
    files = []
    for pattern in patterns:
        paths = sorted(package.glob(pattern))
        if not paths:
            raise RuntimeError(f"{package}/{pattern}: no such files in the installed package")
        files += paths
    return files


def _fingerprint(patterns: tuple[str, ...]) -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for path in fingerprint_files(patterns):
        digest.update(str(path.relative_to(package)).encode())
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
    """Extract one page into its compact result (the per-page work of a build)."""
    extracted = extract_page(page, settings)
    return PageResult(page.page_id, page_digest(page, settings), encode(extracted.records), extracted.names,
                      len(extracted.records), extracted.facts)
