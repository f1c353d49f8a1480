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

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.errors import GraphFileError, QueryError
from kg.graph.access import GraphAccess, KnowledgeGraph
from kg.graph.emit import new_graph
from kg.graph.vocab import PREFIXES, XSD, sparql_prologue
from kg.pipeline.records import decimal_lexical

# stores up to this many triples export Turtle and N-Triples through rdflib,
# byte for byte as kg.build() does; larger ones stream through Oxigraph
RDFLIB_EXPORT_LIMIT = 250_000
# A build removes what it replaces with these updates (see removal_updates). The
# declarations are the triples about typed entities and roles (every build writes them
# all again); a page's are its articles' and those of the facts derived from them.
_REMOVE_DECLARATIONS = ("DELETE { ?s ?p ?o } WHERE "
                        "{ VALUES ?type { ukg:Union org:Organization ukg:Person org:Role } ?s a ?type ; ?p ?o }")
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


class GraphStore(GraphAccess):
    """The Oxigraph store and manifest of one store folder.

    path (str | Path): the store folder (created if missing).
    read_only (bool): open for queries and exports only.
    rdflib_limit (int): Turtle and N-Triples of a store of at most this many
        triples are written through rdflib, byte for byte as ``kg.build``'s graph
        writes them; larger stores stream through Oxigraph, in store order
        (deterministic for the same content).
    """

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False,
                 rdflib_limit: int = RDFLIB_EXPORT_LIMIT):
        self.path = Path(path)
        self.rdflib_limit = rdflib_limit
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

    @property
    def manifest_path(self) -> Path:
        """The build manifest beside the Oxigraph store."""
        return manifest_path(self.path)

    def __len__(self) -> int:
        return len(self.store)

    def optimize(self) -> None:
        """Compact the store (after a large load: queries then read fewer, larger files)."""
        self.store.optimize()

    def loader(self) -> "ShardLoader":
        """A loader that bulk-loads shards in a background thread (see :class:`ShardLoader`)."""
        return ShardLoader(self.store)

    def query(self, sparql: str) -> Rows | bool:
        """Run a SPARQL query (the vocabulary's prefixes predeclared).

        RETURNS (Rows | bool): rows of rdflib terms for SELECT, a bool for ASK.
        """
        try:
            result = self.store.query(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"cannot run query: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            raise QueryError("CONSTRUCT and DESCRIBE are not supported here; use SELECT or ASK")
        return Rows([v.value for v in result.variables], result)

    def triples(self) -> Iterator[ox.Triple]:
        """Every triple (pyoxigraph Triples, store order)."""
        for quad in self.store.quads_for_pattern(None, None, None, None):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)

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
        if syntax == "nquads":
            self.store.dump(stream, ox.RdfFormat.N_QUADS)
        elif len(self.store) <= self.rdflib_limit:
            self.to_rdflib().write_rdf(syntax, stream)
        elif syntax == "turtle":
            ox.serialize(self.triples(), stream, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        else:
            ox.serialize(self.triples(), stream, ox.RdfFormat.N_TRIPLES)


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

