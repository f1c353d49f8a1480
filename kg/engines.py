"""Where per-page extraction runs: this process, a process pool, or a Dask cluster.

Every engine maps pages to :class:`~kg.record.PageResult`s and yields them in
input order, so the build, and every byte it writes, is the same whichever
engine ran it. Pages travel in chunks (a worker's jieba dictionary loads once,
about a second, then serves many pages), and only a bounded window of chunks
is in flight at a time: memory stays flat however long the input.
"""
from __future__ import annotations

import gc
from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator

from .read import Page
from .record import PageResult, page_result
from .settings import Settings

ENGINES = ("local", "dask")
CHUNK_PAGES = 16


def extract_chunk(pages: list[Page], settings: Settings) -> list[PageResult]:
    """Extract a chunk of pages (the task every worker runs)."""
    return [page_result(page, settings) for page in pages]


def warm_up() -> None:
    """Load the segmenter, the gazetteer and the script converter before the first
    page (pool initializer; forked workers inherit them)."""
    from .extract import check_order
    from .gazetteer import gazetteer
    from .normalise import to_simplified
    from .tokenize import default_segmenter
    check_order()
    default_segmenter()
    gazetteer().short_mentions("")
    to_simplified("")


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _in_order(submit: Callable, chunks: Iterable, window: int, result: Callable) -> Iterator:
    """Submit chunks with at most ``window`` in flight; yield their results in order.

    submit: chunk -> future; result: future -> iterable of results.
    """
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def extract_pages(pages: Iterable[Page], settings: Settings = Settings(), *, jobs: int = 1,
                  engine: str = "local", scheduler: str | None = None, client=None,
                  chunk_pages: int = CHUNK_PAGES) -> Iterator[PageResult]:
    """Extract pages, in order, on the chosen engine.

    jobs (int): worker processes (local), or workers of a LocalCluster (dask without scheduler).
    engine (str): "local" or "dask".
    scheduler (str | None): address of a running Dask scheduler ("tcp://host:8786").
    client (distributed.Client | None): an existing Dask client (tests, notebooks).
    RETURNS (Iterator[PageResult]): one result per page, in input order.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {list(ENGINES)}")
    if engine == "dask":
        yield from _dask(pages, settings, jobs=jobs, scheduler=scheduler, client=client, chunk_pages=chunk_pages)
    elif jobs <= 1:
        for page in pages:
            yield page_result(page, settings)
    else:
        yield from _processes(pages, settings, jobs=jobs, chunk_pages=chunk_pages)


def _processes(pages, settings, *, jobs, chunk_pages) -> Iterator[PageResult]:
    import multiprocessing
    # fork where the platform has it: workers start at once, and scripts that call
    # kg.build(jobs=N) need no `if __name__ == "__main__"` guard; each worker
    # loads jieba once in warm_up (or inherits it when the parent had loaded it)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # frozen, the parent's objects (jieba's dictionary above all) are left out of the
    # workers' garbage collections, which would otherwise copy the pages they sit on
    gc.freeze()
    try:
        pool = context.Pool(jobs, initializer=warm_up)
    finally:
        gc.unfreeze()
    with pool:
        yield from _in_order(lambda chunk: pool.apply_async(extract_chunk, (chunk, settings)),
                             chunks(pages, chunk_pages), 4 * jobs, lambda future: future.get())


def _dask(pages, settings, *, jobs, scheduler, client, chunk_pages) -> Iterator[PageResult]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from .errors import UnionKGError
        raise UnionKGError("the Dask engine needs dask.distributed: pip install 'unionkg[dask]'") from None
    own_cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = own_client = Client(own_cluster)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _in_order(lambda chunk: client.submit(extract_chunk, chunk, settings, pure=False),
                             chunks(pages, chunk_pages), 4 * workers, lambda future: future.result())
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
