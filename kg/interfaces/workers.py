"""SPARQL answered in worker processes that a timeout can stop.

No SPARQL engine stops a query midway on request, so every query runs in one of
a bounded number of worker processes; a query past its time limit has its
worker killed and replaced, and the caller gets :class:`QueryTimeout`. Each
worker opens the graph itself: an Oxigraph store read-only (several processes
may), or a Turtle file parsed into memory once by the parent before the
workers fork. Answers travel back as bytes already serialised in the format the
caller asked for (Oxigraph's own SPARQL results and RDF writers), cut off at a
size cap.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.building.store import GraphStore
from kg.building.children import as_child_process
from kg.errors import GraphFileError, QueryError
from kg.graph.access import refuse_updates
from kg.graph.vocab import PREFIXES

RESULT_FORMATS = {  # media type -> Oxigraph's writer, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {  # media type -> Oxigraph's writer, for CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


SLOW_AFTER = 1.0  # seconds; a query running longer yields the CPU to quicker ones


def default_workers() -> int:
    """Query workers: one per core and one more, so that a slow query holds no core's only worker."""
    return (os.cpu_count() or 1) + 1


class QueryTimeout(Exception):
    """The query ran past its time limit; its worker was stopped."""


class QueryRejected(Exception):
    """The query is malformed, or an update (``status`` 400 or 403)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class ResultTooLarge(Exception):
    """The answer is larger than the size cap."""


@dataclass(frozen=True)
class Answer:
    """A serialised answer: its media type and bytes."""

    media_type: str
    body: bytes


def open_graph(source: Path) -> ox.Store:
    """The store a worker queries: a store folder read-only, or a graph file in memory."""
    if (source / "oxigraph").is_dir():
        return GraphStore(source, read_only=True).store
    if source.is_file():
        return GraphStore.from_file(source).store
    raise GraphFileError(f"{source}: neither a unionkg store nor a graph file")


class _Capped(io.RawIOBase):
    """A bytes buffer that refuses to grow past ``cap``."""

    def __init__(self, cap: int):
        self.buffer, self.cap = bytearray(), cap

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if len(self.buffer) + len(data) > self.cap:
            raise ResultTooLarge(f"the answer is larger than {self.cap // 1_000_000} MB; add a LIMIT")
        self.buffer += data
        return len(data)


READ_ONLY = "updates are not allowed: this endpoint is read-only"


def answer(store: ox.Store, sparql: str, accept: str, cap: int) -> Answer:
    """Run one query and serialise its answer in the first format of ``accept`` it has."""
    try:
        refuse_updates(sparql)
    except QueryError:
        raise QueryRejected(READ_ONLY, 403) from None
    try:
        result = store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryRejected(str(exc), 400) from None
    out = _Capped(cap)
    if isinstance(result, ox.QueryTriples):
        media = _negotiate(accept, GRAPH_FORMATS, "text/turtle")
        ox.serialize(result, out, GRAPH_FORMATS[media], **({"prefixes": PREFIXES} if media == "text/turtle" else {}))
    else:
        media = _negotiate(accept, RESULT_FORMATS, "application/sparql-results+json")
        result.serialize(out, RESULT_FORMATS[media])
    return Answer(media, bytes(out.buffer))


def _negotiate(accept: str, formats: dict, default: str) -> str:
    """The first media type of an Accept header that ``formats`` has (quality ignored)."""
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in formats:
            return media
    return default


def _serve(source: Path, preloaded: ox.Store | None, conn: Connection) -> None:
    """A worker's life: open the graph, then answer requests until the pipe closes."""
    as_child_process()  # the server stops its workers
    store = preloaded if preloaded is not None else open_graph(source)
    while True:
        try:
            sparql, accept, cap = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", answer(store, sparql, accept, cap)))
        except QueryRejected as exc:
            conn.send(("rejected", (str(exc), exc.status)))
        except ResultTooLarge as exc:
            conn.send(("rejected", (str(exc), 413)))
        except Exception as exc:  # noqa: BLE001 - any failure of one query goes back as its answer
            conn.send(("rejected", (str(exc), 400)))


class _Worker:
    def __init__(self, context, source: Path, preloaded):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(source, preloaded, child), daemon=True)
        self.process.start()
        child.close()

    lowered = False

    def lower_priority(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, 19)
            self.lowered = True
        except OSError:  # gone already, or not allowed: the timeout still holds
            pass

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryWorkers:
    """``size`` worker processes over one graph; :meth:`run` blocks until a worker is free.

    source (Path): a store folder or a graph file (parsed once, here, before the workers fork).
    """

    def __init__(self, source: str | os.PathLike, size: int = 2):
        self.source = Path(source)
        self._context = multiprocessing.get_context("fork")
        # a file is parsed once; a store is opened by each worker (RocksDB handles do not fork)
        self._preloaded = open_graph(self.source) if self.source.is_file() else None
        if self._preloaded is None:
            GraphStore(self.source, read_only=True)  # a clear error now, not in every worker
        self._idle = [_Worker(self._context, self.source, self._preloaded) for _ in range(size)]
        self._free = threading.Semaphore(size)
        self._lock = threading.Lock()

    def run(self, sparql: str, accept: str = "", *, timeout: float = 10.0, cap: int = 50_000_000) -> Answer:
        """Answer ``sparql``; QueryTimeout after ``timeout`` seconds (the worker is replaced),
        QueryRejected for a malformed query or an update, ResultTooLarge past ``cap`` bytes.

        A query still running after :data:`SLOW_AFTER` seconds has its worker's CPU priority
        lowered, so that the quick queries of other clients go first; the worker is replaced
        afterwards (a process cannot raise its priority back)."""
        self._free.acquire()
        with self._lock:
            worker = self._idle.pop()
        try:
            worker.conn.send((sparql, accept, cap))
            limit = timeout if timeout > 0 else None
            if not worker.conn.poll(min(SLOW_AFTER, limit) if limit else SLOW_AFTER):
                worker.lower_priority()
                if not worker.conn.poll(limit - SLOW_AFTER if limit else None):
                    worker.stop()
                    worker = _Worker(self._context, self.source, self._preloaded)
                    raise QueryTimeout(f"the query ran past its time limit ({timeout:g} s) and was stopped")
            kind, value = worker.conn.recv()
            if worker.lowered:
                worker.stop()
                worker = _Worker(self._context, self.source, self._preloaded)
        except (EOFError, BrokenPipeError):  # the worker died: replace it
            worker.stop()
            worker = _Worker(self._context, self.source, self._preloaded)
            raise QueryRejected("the query's worker failed; try again", 500) from None
        finally:
            with self._lock:
                self._idle.append(worker)
            self._free.release()
        if kind == "rejected":
            message, status = value
            if status == 413:
                raise ResultTooLarge(message)
            raise QueryRejected(message, status)
        return value

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._idle = []
