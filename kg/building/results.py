"""A page's result as a build keeps it: its records encoded, its digest, its names.

The unit that moves between processes, Dask workers and the manifest
(:mod:`kg.building.manifest`): :func:`page_result` runs the pipeline's
per-page driver and encodes the records as compressed JSON, every record an
object keyed by field name (fields at their default left out), so that a
manifest written by another version is read correctly or not at all
(:data:`RECORD_SCHEMA`, kept in the manifest).
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

RECORD_SCHEMA = "2"  # the encoding below; a manifest of another schema is extracted afresh


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


def _fields(record: tuple) -> dict:
    """A record's fields by name, those at their default left out, nested records too."""
    defaults = type(record)._field_defaults
    out = {}
    for name, value in zip(record._fields, record):
        if name in defaults and value == defaults[name]:
            continue
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            value = [_fields(item) for item in value]
        elif isinstance(value, Ref):
            value = _fields(value)
        out[name] = value
    return out


def _ref(fields: dict | None) -> Ref | None:
    return None if fields is None else Ref(fields["kind"], fields["name"], tuple(fields.get("concepts", ())))


def _fact(fields: dict) -> FactRecord:
    fields = dict(fields)
    for name in ("agents", "recipients"):
        fields[name] = tuple(map(_ref, fields.get(name, ())))
    for name in ("person", "org"):
        fields[name] = _ref(fields.get(name))
    return FactRecord(**fields)


def encode(records) -> bytes:
    """Compressed JSON of a page's article records, by field name."""
    data = [_fields(record) for record in records]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(blob: bytes) -> list[ArticleRecord]:
    """The article records of :func:`encode`'s output."""
    out = []
    for fields in json.loads(zlib.decompress(blob)):
        fields["mentions"] = tuple(map(_ref, fields.get("mentions", ())))
        fields["facts"] = tuple(map(_fact, fields.get("facts", ())))
        out.append(ArticleRecord(**fields))
    return out


# what a page's records depend on (a change re-extracts every page) and what
# its triples depend on besides (a change re-emits every page from its records)
EXTRACTION_FILES = ("pipeline/*.py", "pipeline/extract/*.py", "data/lexicons/*", "data/ontology/groups.ttl",
                    "settings.py", "building/results.py")
EMISSION_FILES = ("graph/emit.py", "graph/relations.py", "graph/vocab.py", "pipeline/resolve.py",
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
