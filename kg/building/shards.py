"""Pass 2's output: the graph as N-Quads files, pages in shards (``SHARD_PAGES``, ``SHARD_TRIPLES``).

Every triple is in the default graph, so each line is N-Triples too and the
files load into any SPARQL store without graph settings. Page shards are named
in page order (``pages-00000.nq`` ...) and handed on (to the store's loader) as
each is complete, so that loading overlaps writing (in the main process:
docs/decisions/0007). With a pool of forked workers, shards are written side by
side, each worker holding the emitter it inherited (docs/decisions/0012).
"""
from __future__ import annotations

import multiprocessing.pool
from pathlib import Path
from typing import Callable, Iterable

from kg.building.engines import chunks, map_in_order
from kg.building.results import decode
from kg.graph.emit import Emitter, Triple, triple_lines
from kg.graph.tallies import Shares, encode_shares, page_tallies, tally_triples

SHARD_PAGES = 250  # pages per shard: small enough that the last one loads quickly
# triples per file at most: Oxigraph's bulk loader holds a file in memory (about 0.8 KB a
# triple), so a shard of millions of triples is written in pieces (a typical shard has 20,000)
SHARD_TRIPLES = 100_000

_emitter: Emitter | None = None  # what forked workers inherit (set_emitter, before the fork)


def set_emitter(emitter: Emitter) -> None:
    """The emitter :func:`write_shard` uses in this process and in the workers forked after."""
    global _emitter
    _emitter = emitter


def write_triples(path: Path, triples: Iterable[Triple]) -> Path:
    """Write ``triples`` to ``path``, a line each. RETURNS (Path): ``path``."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.writelines(triple_lines(triples))
    return path


def write_tallies(folder: Path, totals: Shares, pieces: int,
                  on_written: Callable[[Path], None] | None = None) -> list[Path]:
    """The tallies of the whole graph (:func:`kg.graph.tallies.add_up`) in ``pieces`` files,
    ``tallies.nq``, ``tallies-1.nq`` …, calling ``on_written`` on each as it is complete: the
    last shards of a build, loaded side by side (in one file, 130,000 triples at 10,000
    articles loaded alone, in 0.55 s, after the pages).
    """
    keys = sorted(totals)
    files = []
    # a graph with no events still gets its (empty) tallies.nq
    for number, part in enumerate(list(chunks(keys, max(-(-len(keys) // pieces), 1))) or [[]]):
        files.append(write_triples(folder / ("tallies" + (f"-{number}" if number else "") + ".nq"),
                                   tally_triples({key: totals[key] for key in part})))
        if on_written:
            on_written(files[-1])
    return files


def write_shard(task: tuple[Path, int, list[tuple[str, bytes]]]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Write shard number ``n`` of ``(folder, n, pages)``, pages being (page id, records blob)
    pairs: ``pages-NNNNN.nq``, continued in ``pages-NNNNN-1.nq`` … past ``SHARD_TRIPLES``.

    RETURNS: the files, and each page's share of the tallies (:func:`kg.graph.tallies.encode_shares`).
    """
    folder, number, pages = task
    files: list[Path] = []
    shares: list[tuple[str, str]] = []
    stream, triples_in = None, 0
    for page_id, blob in pages:
        if stream is None or triples_in >= SHARD_TRIPLES:
            if stream is not None:
                stream.close()
            files.append(folder / (f"pages-{number:05d}" + (f"-{len(files)}" if files else "") + ".nq"))
            stream, triples_in = open(files[-1], "w", encoding="utf-8"), 0
        records = decode(blob)
        for record in records:
            triples = _emitter.article(record)
            stream.writelines(triple_lines(triples))
            triples_in += len(triples)
        shares.append((page_id, encode_shares(page_tallies(_emitter, records))))
    if stream is not None:
        stream.close()
    return files, shares


def write_page_shards(folder: Path, pages: Iterable[tuple[str, bytes]], *,
                      workers: multiprocessing.pool.Pool | None = None, window: int = 1,
                      on_written: Callable[[Path], None] | None = None,
                      on_page: Callable[[str, str], None] | None = None) -> list[Path]:
    """Write the articles and facts of ``pages`` ((page id, records blob) pairs) in shards of
    ``SHARD_PAGES`` pages, here or on ``workers`` (forked after :func:`set_emitter`), calling
    ``on_written`` on each file as it is complete, in order, and ``on_page`` with each page's
    id and share of the tallies.

    RETURNS (list[Path]): the shard files, in page order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    tasks = ((folder, number, chunk) for number, chunk in enumerate(chunks(pages, SHARD_PAGES)))
    written: list[Path] = []
    for files, shares in map_in_order(write_shard, tasks, workers, window):
        for path in files:
            written.append(path)
            if on_written:
                on_written(path)
        if on_page:
            for page_id, share in shares:
                on_page(page_id, share)
    return written
