"""The build's memory on disk: which pages are in the graph, and what they hold.

A SQLite file (standard library, one file, safe to copy) that keeps, per page:
its content digest, its compressed article records and the names it refers to;
and, per union/organisation name, the node it was last emitted as. With it a
build streams (records wait on disk, not in memory, until names are resolved)
and a store build is incremental: an unchanged page is skipped, a changed one
replaced, and a page whose names now resolve differently is emitted again
from its records, without its source.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Container, Iterable, Iterator

from kg.building.results import RECORD_SCHEMA, PageResult, decode
from kg.pipeline.resolve import NameIndex

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (page_id TEXT PRIMARY KEY, digest TEXT NOT NULL, blob BLOB NOT NULL,
                                  articles INTEGER NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (page_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
                                  surface TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_page ON names (page_id);
CREATE INDEX IF NOT EXISTS names_name ON names (name);
CREATE TABLE IF NOT EXISTS tallies (page_id TEXT PRIMARY KEY, shares TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (name TEXT PRIMARY KEY, node TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Manifest:
    """The pages of a build and their records (see module doc).

    path (str | Path): the SQLite file; created if missing.
    Changes become visible to the next build only after :meth:`commit`.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # a build writes all its pages in one transaction: a 64 MB page cache spills less of it
        # to the log on the way (pass 1's writes at 10,000 pages: 1.62 -> 1.36 s)
        self.db.execute("PRAGMA cache_size=-65536")
        self.db.executescript(_SCHEMA)
        if self.meta("record_schema") != RECORD_SCHEMA:  # new, or records this version cannot read
            self.db.executescript("DELETE FROM pages; DELETE FROM names; DELETE FROM tallies; DELETE FROM nodes; DELETE FROM meta;")
            self.set_meta("record_schema", RECORD_SCHEMA)

    def close(self) -> None:
        """Close the file (uncommitted changes are dropped)."""
        self.db.close()

    def commit(self) -> None:
        """Make this build's changes durable."""
        self.db.commit()

    def digest(self, page_id: str) -> str | None:
        """The recorded digest of a page, None if the page is new."""
        row = self.db.execute("SELECT digest FROM pages WHERE page_id = ?", (page_id,)).fetchone()
        return row[0] if row else None

    def put(self, result: PageResult) -> list[str]:
        """Record (or replace) a page's result.

        RETURNS (list[str]): the article ids of the version it replaces (none for a new page).
        """
        replaced = self.article_ids([result.page_id])
        self.db.execute("DELETE FROM names WHERE page_id = ?", (result.page_id,))
        self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)",
                        (result.page_id, result.digest, result.blob, result.articles,
                         json.dumps(dict(result.facts), sort_keys=True)))
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)",
                            [(result.page_id, *observation) for observation in result.names])
        return replaced

    def put_tallies(self, page_id: str, shares: str) -> None:
        """Record a page's share of the tallies as last emitted (:func:`kg.graph.tallies.encode_shares`)."""
        self.db.execute("INSERT OR REPLACE INTO tallies VALUES (?, ?)", (page_id, shares))

    def tally_shares(self, *, besides: Container[str] = frozenset()) -> Iterator[str]:
        """Every page's share of the tallies, but those of the pages ``besides``."""
        for page_id, shares in self.db.execute("SELECT page_id, shares FROM tallies"):
            if page_id not in besides:
                yield shares

    def meta(self, key: str) -> str | None:
        """A recorded setting of the last build (e.g. the emitter's fingerprint)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Record a setting of this build."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def page_ids(self) -> set[str]:
        """Every recorded page."""
        return {page_id for (page_id,) in self.db.execute("SELECT page_id FROM pages")}

    def name_index(self) -> NameIndex:
        """The corpus-wide union and organisation names of every page, resolved."""
        names = NameIndex()
        rows = self.db.execute(
            "SELECT DISTINCT name, kind, surface FROM names WHERE kind IN ('union', 'org') ORDER BY name, kind, surface")
        for name, kind, surface in rows:
            names.add(name, kind, surface or None)
        names.resolve()
        return names

    def entity_names(self) -> Iterator[tuple[str, str]]:
        """(name, kind) of every entity and role any page refers to."""
        yield from self.db.execute("SELECT DISTINCT name, kind FROM names")

    def changed_nodes(self, nodes: dict[str, str]) -> list[str]:
        """Names recorded before whose node differs from ``nodes`` (name -> node)."""
        return [name for name, node in self.db.execute("SELECT name, node FROM nodes")
                if nodes.get(name, node) != node]

    def set_nodes(self, nodes: dict[str, str]) -> None:
        """Record the node every union/organisation name is now emitted as."""
        self.db.execute("DELETE FROM nodes")
        self.db.executemany("INSERT INTO nodes VALUES (?, ?)", sorted(nodes.items()))

    def pages_using(self, names: Iterable[str]) -> set[str]:
        """The pages that refer to any of ``names``."""
        out: set[str] = set()
        for name in names:
            out.update(p for (p,) in self.db.execute("SELECT DISTINCT page_id FROM names WHERE name = ?", (name,)))
        return out

    def blobs(self, page_ids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """(page id, records blob) of the given pages, in the given order."""
        for page_id in page_ids:
            row = self.db.execute("SELECT blob FROM pages WHERE page_id = ?", (page_id,)).fetchone()
            if row:
                yield page_id, row[0]

    def article_ids(self, page_ids: Iterable[str]) -> list[str]:
        """The ids of the articles recorded for the given pages."""
        return [record.doc_id for _, blob in self.blobs(page_ids) for record in decode(blob)]

    def totals(self) -> tuple[int, int, dict[str, int]]:
        """(pages, articles, facts per kind) over every recorded page."""
        pages = articles = 0
        facts: dict[str, int] = {}
        for count, text in self.db.execute("SELECT articles, facts FROM pages"):
            pages += 1
            articles += count
            for kind, n in json.loads(text).items():
                facts[kind] = facts.get(kind, 0) + n
        return pages, articles, facts
