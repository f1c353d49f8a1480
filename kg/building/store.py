"""A persistent graph: an embedded Oxigraph store on disk, and the build manifest.

``kg build ... --store DIR`` lays out::

    DIR/oxigraph/         the Oxigraph (RocksDB) store; ``oxigraph serve --location DIR/oxigraph`` serves it
    DIR/manifest.sqlite   pages, digests, records and names (:mod:`kg.building.manifest`)

Every triple is in the default graph (docs/decisions/0006): plain SPARQL sees
the whole graph, here and on any server the shards are loaded into. A build
replaces what changed with SPARQL updates (:func:`removal_updates`): a
triple's subject tells whose it is (see :mod:`kg.graph.emit`). Loading is
Oxigraph's bulk loader over N-Quads files.
"""
from __future__ import annotations

import fcntl
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.errors import GraphFileError, QueryError, StoreBusyError
from kg.graph.access import GraphAccess, KnowledgeGraph, TriplesAnswer, refuse_updates
from kg.graph.emit import new_graph
from kg.graph.vocab import PREFIXES, XSD, sparql_prologue
from kg.pipeline.records import decimal_lexical

# A build removes what it replaces with these updates (see removal_updates). The
# declarations are the triples about typed entities and roles (every build writes them
# all again); a page's are its articles' and those of the facts derived from them.
_REMOVE_DECLARATIONS = ("DELETE { ?s ?p ?o } WHERE "
                        "{ VALUES ?type { ukg:Union org:Organization ukg:Person org:Role ukg:Tally } ?s a ?type ; ?p ?o }")
_REMOVE_ARTICLES = ("DELETE { ?s ?p ?o } WHERE { VALUES ?article { %s } ?s prov:wasDerivedFrom ?article ; ?p ?o } ;\n"
                    "DELETE { ?article ?p ?o } WHERE { VALUES ?article { %s } ?article ?p ?o }")
CLEAR_ALL = "CLEAR ALL"
REMOVAL_BATCH = 1000  # articles per update
# shards loading at once (docs/decisions/0007); the store is a set, so order does not matter
LOAD_THREADS = 2

def removal_updates(articles: Iterable[str], *, everything: bool = False) -> list[str]:
    """The SPARQL updates that clear the way for a build's shards.

    articles: IRIs of the articles whose triples (theirs and their facts') the
        shards replace: the old versions of changed pages, pages emitted again.
    everything (bool): the shards hold the whole graph (a first build, a new
        emitter): clear the store instead.
    RETURNS (list[str]): updates, in order, using the prefixes of ``PREFIXES``;
        the entity and role declarations are always removed, since the shards
        declare every entity again.
    """
    if everything:
        return [CLEAR_ALL]
    updates = [_REMOVE_DECLARATIONS]
    articles = sorted(articles)
    for start in range(0, len(articles), REMOVAL_BATCH):
        values = " ".join(f"<{article}>" for article in articles[start:start + REMOVAL_BATCH])
        updates.append(_REMOVE_ARTICLES % (values, values))
    return updates


def update_request(updates: list[str]) -> str:
    """``updates`` as one SPARQL Update request, the vocabulary's prefixes declared (for a server)."""
    return sparql_prologue() + " ;\n".join(updates) + "\n"


class Rows:
    """SELECT results with rdflib terms, shaped like rdflib's ``Result``.

    vars (list[str]): the projected variables.
    Iterating yields one tuple of rdflib terms (None when unbound) per
    solution, converted as they stream out of Oxigraph (an export of a large
    store never holds all rows at once); ``len()`` reads them all.
    """

    def __init__(self, variables: list[str], solutions):
        self.vars = variables
        self._solutions = solutions
        self._rows: list[tuple] | None = None

    def __iter__(self):
        if self._rows is not None:
            return iter(self._rows)
        names, solutions, self._solutions = self.vars, self._solutions, iter(())
        return (tuple(to_rdflib(s[n]) for n in names) for s in solutions)

    def __len__(self) -> int:
        if self._rows is None:
            self._rows = list(iter(self))
        return len(self._rows)


def to_rdflib(term):
    """An rdflib term for a pyoxigraph term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.string):
        return Literal(term.value)
    if datatype == str(XSD.decimal):  # back to the form emission writes
        return Literal(decimal_lexical(term.value), datatype=URIRef(datatype))
    return Literal(term.value, datatype=URIRef(datatype))


def manifest_path(store: str | os.PathLike) -> Path:
    """The build manifest of a store folder."""
    return Path(store) / "manifest.sqlite"


# A build writes this file (its process id) before it changes the store and removes it once
# the manifest has committed: a store that has it was being built, or its build was killed,
# and the next build re-emits the whole graph from the manifest (which is at its last commit).
BUILD_MARKER = "BUILDING"
LOCK_FILE = "lock"


def process_alive(pid: int) -> bool:
    """Is process ``pid`` running (whoever owns it)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def unfinished_build(store: str | os.PathLike) -> tuple[int, bool] | None:
    """(process id, still running?) of a build that has not finished with the store, None if none."""
    try:
        written = (Path(store) / BUILD_MARKER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    pid = int(written) if written.isdigit() else 0  # a marker cut short: its build is gone
    return pid, pid > 0 and pid != os.getpid() and process_alive(pid)


_HELD_LOCKS: set = set()  # the lock files this process holds


def _forget_locks_in_child() -> None:
    """A forked child (a pool worker) does not hold its parent's store locks: a parent
    killed mid-build frees its store at once, however long its workers take to notice."""
    for file in list(_HELD_LOCKS):
        file.close()  # this process's descriptor only: the parent's keeps the lock
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_locks_in_child)


class StoreLock:
    """The one writer of a store: an exclusive ``flock`` on ``DIR/lock``, released when the
    process ends however it ends. A second build is told at once which process holds it."""

    def __init__(self, store: str | os.PathLike):
        self.path = Path(store)
        self.path.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path / LOCK_FILE, "a+", encoding="utf-8")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.seek(0)
            holder = self._file.read().strip() or "another process"
            self._file.close()
            raise StoreBusyError(f"{self.path}: a build is running on this store (process {holder}); "
                                 "wait for it to finish") from None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(str(os.getpid()))
        self._file.flush()
        _HELD_LOCKS.add(self._file)

    def begin(self) -> bool:
        """Mark the store as being changed; RETURNS whether a build before this one was left unfinished."""
        interrupted = (self.path / BUILD_MARKER).exists()
        _write_durably(self.path / BUILD_MARKER, str(os.getpid()))
        return interrupted

    def commit(self) -> None:
        """The store and the manifest agree again: remove the marker."""
        (self.path / BUILD_MARKER).unlink(missing_ok=True)
        _sync_folder(self.path)

    def release(self) -> None:
        _HELD_LOCKS.discard(self._file)
        self._file.close()

    def __enter__(self) -> "StoreLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _write_durably(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class GraphStore(GraphAccess):
    """The Oxigraph store and manifest of one store folder.

    path (str | Path): the store folder (created if missing).
    read_only (bool): open for queries and exports only.
    """

    reads_side_by_side = True

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        self.path = Path(path)
        oxi = self.path / "oxigraph"
        if read_only:
            if not oxi.is_dir():
                raise GraphFileError(f"{self.path}: no unionkg store here (run kg build ... --store {self.path})")
            try:
                self.store = ox.Store.read_only(str(oxi))
            except OSError as exc:
                raise GraphFileError(f"{self.path}: cannot open the store ({exc})") from exc
        else:
            oxi.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(oxi))

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "GraphStore":
        """A graph file (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD, TriG: by its extension)
        in an in-memory Oxigraph store: the engine ``kg query``, ``kg stats``, ``kg eval`` and
        ``kg serve`` answer a file with (rdflib's took seconds where this takes milliseconds)."""
        path = Path(path)
        if not path.is_file():
            raise GraphFileError(f"{path}: no such graph file")
        graph = cls.__new__(cls)
        graph.path = path
        graph.store = ox.Store()
        syntax = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower()) or ox.RdfFormat.TURTLE
        try:
            graph.store.bulk_load(path=str(path), format=syntax)
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphFileError(f"{path}: not a readable RDF file ({exc})") from exc
        return graph

    @property
    def manifest_path(self) -> Path:
        """The build manifest beside the Oxigraph store."""
        return manifest_path(self.path)

    def __len__(self) -> int:
        return len(self.store)

    def update(self, updates: list[str]) -> None:
        """Run SPARQL updates of the build's own (the tallies), prefixes predeclared."""
        for text in updates:
            self.store.update(text, prefixes=PREFIXES)

    def optimize(self) -> None:
        """Compact the store (after a large load: queries then read fewer, larger files)."""
        self.store.optimize()

    def loader(self) -> "ShardLoader":
        """A loader that bulk-loads shards in a background thread (see :class:`ShardLoader`)."""
        return ShardLoader(self.store)

    def _run(self, sparql: str):
        """Oxigraph's answer to a query (the vocabulary's prefixes predeclared); an update or a
        syntax error raises QueryError."""
        refuse_updates(sparql)
        try:
            return self.store.query(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"cannot run query: {exc}") from exc

    def query(self, sparql: str) -> Rows | bool:
        """Run a SPARQL query (the vocabulary's prefixes predeclared).

        RETURNS (Rows | bool): rows of rdflib terms for SELECT, a bool for ASK.
        """
        result = self._run(sparql)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return TriplesAnswer(lambda stream, syntax: ox.serialize(
                result, stream, ox.RdfFormat.TURTLE if syntax == "turtle" else ox.RdfFormat.N_TRIPLES,
                **({"prefixes": PREFIXES} if syntax == "turtle" else {})))
        return Rows([v.value for v in result.variables], result)

    def texts(self, sparql: str) -> Iterator[tuple[str | None, ...]]:
        """A SELECT's rows as plain text, read from Oxigraph's terms directly (see
        :meth:`GraphAccess.texts`; xsd:decimal in Oxigraph's form, 550000 for 550000.0)."""
        for solution in self._run(sparql):
            yield tuple(None if term is None else term.value for term in solution)

    def to_rdflib(self) -> KnowledgeGraph:
        """The whole graph in memory (small stores: memory grows with the graph).

        Terms go through rdflib's constructors, so literals take rdflib's lexical
        forms again (Oxigraph stores xsd:decimal 550000.0 as 550000).
        """
        graph = new_graph()
        for quad in self.store.quads_for_pattern(None, None, None, None):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return KnowledgeGraph(graph)

    def write_rdf(self, syntax: str, stream: BinaryIO) -> None:
        """Oxigraph's writers at every size, streaming in store order (deterministic for the
        same content; subjects together); Turtle with the vocabulary's prefixes."""
        if syntax == "nquads":
            self.store.dump(stream, ox.RdfFormat.N_QUADS)
        elif syntax == "turtle":
            self.store.dump(stream, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
        else:
            self.store.dump(stream, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


class ShardLoader:
    """Bulk-loads N-Quads shards into a store in background threads (``LOAD_THREADS``).

    Oxigraph's loader runs outside the GIL, so the next shard is written while
    the last ones load. Use as a context manager: leaving it waits for every
    load and re-raises the first error.
    """

    def __init__(self, store):
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=LOAD_THREADS, thread_name_prefix="unionkg-load")
        self.futures = []

    def remove(self, updates: Iterable[str]) -> None:
        """Run the removal updates (:func:`removal_updates`) before the first shard loads."""
        for update in updates:
            if update == CLEAR_ALL:
                self.store.clear()  # the same, without a transaction that holds every triple
            else:
                self.store.update(update, prefixes=PREFIXES)

    def load(self, path: Path) -> None:
        """Queue one N-Quads file for loading."""
        # lenient: the shards are ours, their IRIs already valid
        self.futures.append(self.pool.submit(self.store.bulk_load, path=str(path),
                                             format=ox.RdfFormat.N_QUADS, lenient=True))

    def __enter__(self) -> "ShardLoader":
        return self

    def __exit__(self, *exc) -> None:
        try:
            for future in self.futures:
                future.result()
            self.store.flush()
        finally:
            self.pool.shutdown(wait=True)

