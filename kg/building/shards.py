"""Pass 2's output: the graph as N-Quads files, pages in shards of ``SHARD_PAGES``.

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
from kg.building.engines import chunks
from kg.building.results import decode

SHARD_PAGES = 250  # pages per shard: small enough that the last one loads quickly


def write_triples(path: Path, triples: Iterable[Triple]) -> Path:
    """Write ``triples`` to ``path``, a line each. RETURNS (Path): ``path``."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.writelines(triple_lines(triples))
    return path


def write_pages(path: Path, pages: Iterable[tuple[str, bytes]], emitter: Emitter) -> Path:
    """Write the triples of ``pages`` ((page id, records blob) pairs) to ``path``: their articles and facts.

    RETURNS (Path): ``path``.
    """
    return write_triples(path, (triple for _, blob in pages for record in decode(blob)
                                for triple in emitter.article(record)))


def write_page_shards(folder: Path, pages: Iterable[tuple[str, bytes]], emitter: Emitter,
                      on_written: Callable[[Path], None] | None = None) -> list[Path]:
    """Write ``pages`` in shards of ``SHARD_PAGES``, calling ``on_written`` on each as it is complete.

    RETURNS (list[Path]): the shard files, in page order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, chunk in enumerate(chunks(pages, SHARD_PAGES)):
        files.append(write_pages(folder / f"pages-{number:05d}.nq", chunk, emitter))
        if on_written:
            on_written(files[-1])
    return files
