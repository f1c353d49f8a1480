"""Pass 2's output: the graph as N-Quads files, pages in shards (``SHARD_PAGES``, ``SHARD_TRIPLES``).

Every triple is in the default graph, so each line is N-Triples too and the
files load into any SPARQL store without graph settings. Page shards are named
in page order (``pages-00000.nq`` ...) and handed on (to the store's loader) as
each is complete, so that loading overlaps writing (in the main process:
docs/decisions/0007).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from kg.graph.emit import Emitter, Triple, triple_lines
from kg.building.results import decode
from kg.pipeline.records import ArticleRecord

SHARD_PAGES = 250  # pages per shard: small enough that the last one loads quickly
# triples per shard at most: Oxigraph's bulk loader holds a shard in memory (about 0.8 KB a
# triple), so a page of millions of triples is loaded in pieces (a typical shard has 20,000)
SHARD_TRIPLES = 100_000


def write_triples(path: Path, triples: Iterable[Triple]) -> Path:
    """Write ``triples`` to ``path``, a line each. RETURNS (Path): ``path``."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.writelines(triple_lines(triples))
    return path


def write_page_shards(folder: Path, pages: Iterable[tuple[str, bytes]], emitter: Emitter,
                      on_written: Callable[[Path], None] | None = None,
                      on_page: Callable[[str, list[ArticleRecord]], None] | None = None) -> list[Path]:
    """Write the articles and facts of ``pages`` ((page id, records blob) pairs) in shards of
    ``SHARD_PAGES`` pages or ``SHARD_TRIPLES`` triples, whichever comes first, calling
    ``on_written`` on each as it is complete, and ``on_page`` with each page's records.

    RETURNS (list[Path]): the shard files, in page order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    stream = None
    pages_in, triples_in = 0, 0

    def close() -> None:
        stream.close()
        if on_written:
            on_written(files[-1])

    for page_id, blob in pages:
        if stream is None or pages_in >= SHARD_PAGES or triples_in >= SHARD_TRIPLES:
            if stream is not None:
                close()
            files.append(folder / f"pages-{len(files):05d}.nq")
            stream = open(files[-1], "w", encoding="utf-8")
            pages_in, triples_in = 0, 0
        pages_in += 1
        records = decode(blob)
        for record in records:
            triples = emitter.article(record)
            stream.writelines(triple_lines(triples))
            triples_in += len(triples)
        if on_page:
            on_page(page_id, records)
    if stream is not None:
        close()
    return files
