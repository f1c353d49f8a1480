"""Where per-page extraction runs: this process, a process pool, or a Dask cluster.

Every engine maps pages to :class:`~kg.building.results.PageResult`s and yields them in
input order, so the build, and every byte it writes, is the same whichever
engine ran it. Pages travel in chunks (a worker's dictionaries load once, then
serve many pages), and only a bounded window of chunks
is in flight at a time: memory stays flat however long the input.
"""
from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
from collections import deque
from contextlib import contextmanager
from functools import partial
from itertools import islice
from typing import Callable, Iterable, Iterator

from kg.building.children import as_child_process
from kg.building.results import PageResult, page_result
from kg.errors import UnionKGError
from kg.pipeline.page import warm_up
from kg.pipeline.read import Page
from kg.settings import Engine, Settings

CHUNK_PAGES = 16


def extract_chunk(pages: list[Page], settings: Settings) -> list[PageResult]:
    """Extract a chunk of pages (the task every worker runs)."""
    return [page_result(page, settings) for page in pages]


def _worker_start() -> None:
    """A pool worker: a child process that loads its dictionaries first."""
    as_child_process()
    warm_up()


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


def extract_pages(pages: Iterable[Page], settings: Settings = Settings(), engine: Engine = Engine(), *,
                  chunk_pages: int = CHUNK_PAGES) -> Iterator[PageResult]:
    """Extract pages, in order, on ``engine`` (this process, local worker processes, or Dask).

    RETURNS (Iterator[PageResult]): one result per page, in input order.
    """
    if engine.name == "dask":
        yield from _dask(pages, settings, engine, chunk_pages=chunk_pages)
    elif engine.jobs <= 1:
        for page in pages:
            yield page_result(page, settings)
    else:
        yield from _processes(pages, settings, jobs=engine.jobs, chunk_pages=chunk_pages)


def _processes(pages, settings, *, jobs, chunk_pages) -> Iterator[PageResult]:
    # fork where the platform has it: workers start at once, and scripts that call
    # kg.build(jobs=N) need no `if __name__ == "__main__"` guard; each worker
    # loads jieba once in warm_up (or inherits it when the parent had loaded it)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with _pool(method, jobs, _worker_start) as pool:
        for results in map_in_order(partial(extract_chunk, settings=settings), chunks(pages, chunk_pages), pool,
                                    4 * jobs):
            yield from results


def _pool(method: str, jobs: int, initializer: Callable[[], None]) -> multiprocessing.pool.Pool:
    """A pool of ``jobs`` processes started by ``method``. The parent's objects (the dictionaries
    above all) are frozen meanwhile, so that they are left out of the workers' garbage collections,
    which would otherwise copy the pages they sit on (0007)."""
    gc.freeze()
    try:
        return multiprocessing.get_context(method).Pool(jobs, initializer=initializer)
    finally:
        gc.unfreeze()


@contextmanager
def forked_workers(engine: Engine) -> Iterator[multiprocessing.pool.Pool | None]:
    """The engine's ``jobs`` local worker processes, forked now: they inherit what this process
    holds (pass 2's emitter, its names resolved once, instead of a copy sent to each); None
    when the work stays in this process (one job, Dask, or a platform without fork).

    Fork before opening the store: the workers then inherit no RocksDB threads or files.
    """
    if engine.name != "local" or engine.jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    with _pool("fork", engine.jobs, as_child_process) as pool:
        yield pool


def map_in_order(task: Callable, items: Iterable, pool: multiprocessing.pool.Pool | None, window: int) -> Iterator:
    """``task(item)`` for every item, in order: on ``pool`` (at most ``window`` in flight), or here."""
    if pool is None:
        yield from map(task, items)
        return
    yield from _in_order(lambda item: pool.apply_async(task, (item,)), items, window, lambda future: (future.get(),))


def _dask(pages, settings, engine: Engine, *, chunk_pages) -> Iterator[PageResult]:
    jobs, scheduler, client = engine.jobs, engine.scheduler, engine.client
    try:
        from dask.distributed import Client, LocalCluster  # optional: pip install 'unionkg[dask]'
    except ImportError:
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
