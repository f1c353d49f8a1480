"""Pass 2's output: every page's triples as N-Quads, in shard files of ``SHARD_PAGES`` pages.

Shards are named in page order (``pages-00000.nq`` ...) and handed on (to the
store's loader) as each is complete, so that loading overlaps writing.
Writing shards in worker processes was tried and measured: on two cores the
loader already keeps the second core busy, and it made pass 2 slower.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from .emit import Emitter, iri, nquad_lines, page_graph_iri
from .engines import chunks
from .record import decode

SHARD_PAGES = 250  # pages per shard: small enough that the last one loads quickly


def write_shard(path: Path, pages: Iterable[tuple[str, bytes]], emitter: Emitter, *, quads: bool) -> Path:
    """Write the triples of ``pages`` ((page id, records blob) pairs) to ``path``.

    quads (bool): N-Quads, each page in its own named graph; else N-Triples.
    RETURNS (Path): ``path``.
    """
    with open(path, "w", encoding="utf-8") as stream:
        for page_id, blob in pages:
            triples = [t for record in decode(blob) for t in emitter.article(record)]
            stream.writelines(nquad_lines(triples, iri(page_graph_iri(page_id)) if quads else None))
    return path


def write_page_shards(folder: Path, pages: Iterable[tuple[str, bytes]], emitter: Emitter, *, quads: bool,
                      on_written: Callable[[Path], None] | None = None) -> list[Path]:
    """Write ``pages`` in shards of ``SHARD_PAGES``, calling ``on_written`` on each as it is complete.

    RETURNS (list[Path]): the shard files, in page order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, chunk in enumerate(chunks(pages, SHARD_PAGES)):
        files.append(write_shard(folder / f"pages-{number:05d}.{'nq' if quads else 'nt'}", chunk, emitter, quads=quads))
        if on_written:
            on_written(files[-1])
    return files
