"""A persistent graph: an embedded Oxigraph store on disk, and the build manifest.

``kg build ... --store DIR`` lays out::

    DIR/oxigraph/         the Oxigraph (RocksDB) store; ``oxigraph serve --location DIR/oxigraph`` serves it
    DIR/manifest.sqlite   pages, digests, records and names (:mod:`kg.manifest`)

Every triple is in the default graph: plain SPARQL sees the whole graph, here
and on any server the shards are loaded into, and Oxigraph indexes each triple
three ways where a quad in a named graph takes six (the 1,000-article
benchmark's pages loaded and compacted in 0.19-0.23 s against 0.32-0.37 s as a
named graph per page). A build replaces what changed with SPARQL updates
(:func:`removal_updates`): a triple's subject tells whose it is (see
:mod:`kg.emit`). Loading is Oxigraph's bulk loader over N-Quads files.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import GraphFileError, QueryError

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
# shards loading at once: two bulk loads side by side take about 0.65 of the time of
# one after the other (measured on 2 cores); the store is a set, so order does not matter
LOAD_THREADS = 2

PREFIX_MAP = {
    "ukg": "https://w3id.org/unionkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": "https://w3id.org/unionkg/id/",
    "group": "https://w3id.org/unionkg/group/",
}


def removal_updates(articles: Iterable[str], *, everything: bool = False) -> list[str]:
    """The SPARQL updates that clear the way for a build's shards.

    articles: IRIs of the articles whose triples (theirs and their facts') the
        shards replace: the old versions of changed pages, pages emitted again.
    everything (bool): the shards hold the whole graph (a first build, a new
        emitter): clear the store instead.
    RETURNS (list[str]): updates, in order, using the prefixes of ``PREFIX_MAP``;
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
    prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIX_MAP.items())
    return prologue + " ;\n".join(updates) + "\n"


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
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    if datatype == "http://www.w3.org/2001/XMLSchema#decimal":  # back to the form kg.emit writes
        from .emit import decimal_lexical
        return Literal(decimal_lexical(term.value), datatype=URIRef(datatype))
    return Literal(term.value, datatype=URIRef(datatype))


def manifest_path(store: str | os.PathLike) -> Path:
    """The build manifest of a store folder."""
    return Path(store) / "manifest.sqlite"


class GraphStore:
    """The Oxigraph store and manifest of one store folder.

    path (str | Path): the store folder (created if missing).
    read_only (bool): open for queries and exports only.
    """

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        import pyoxigraph as ox
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
        import pyoxigraph as ox
        try:
            result = self.store.query(sparql, prefixes=PREFIX_MAP)
        except SyntaxError as exc:
            raise QueryError(f"cannot run query: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            raise QueryError("CONSTRUCT and DESCRIBE are not supported here; use SELECT or ASK")
        return Rows([v.value for v in result.variables], result)

    def triples(self) -> Iterator:
        """Every triple (pyoxigraph Triples, store order)."""
        import pyoxigraph as ox
        for quad in self.store.quads_for_pattern(None, None, None, None):
            yield ox.Triple(quad.subject, quad.predicate, quad.object)

    def to_rdflib(self):
        """The whole graph as an rdflib Graph (small stores: memory grows with the graph).

        Terms go through rdflib's constructors, so literals take rdflib's lexical
        forms again (Oxigraph stores xsd:decimal 550000.0 as 550000).
        """
        from .emit import new_graph
        graph = new_graph()
        for quad in self.store.quads_for_pattern(None, None, None, None):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return graph

    def export(self, fmt: str, stream: BinaryIO, *, rdflib_limit: int = RDFLIB_EXPORT_LIMIT) -> None:
        """Write the graph in ``fmt`` (a key of :data:`STORE_FORMATS`) to a binary stream.

        Turtle, N-Triples and GraphML of a store of at most ``rdflib_limit``
        triples are written as :func:`kg.export.export` writes them (byte for
        byte as ``kg.build``); larger stores stream, in store order
        (deterministic for the same content): Turtle and N-Triples through
        Oxigraph, GraphML through :mod:`kg.graphml`.
        N-Quads is Oxigraph's dump, for loading into a SPARQL server.
        """
        import pyoxigraph as ox
        from .export import export
        fmt = STORE_FORMATS.get(fmt)
        if fmt is None:
            raise ValueError(f"unknown export format; choose from {sorted(STORE_FORMATS)}")
        if fmt == "nquads":
            self.store.dump(stream, ox.RdfFormat.N_QUADS)
        elif fmt == "graphml" and len(self.store) <= rdflib_limit:
            export(self, "graphml", stream)  # networkx, as kg.build() writes it; SPARQL on Oxigraph
        elif fmt == "graphml":
            from .graphml import write_graphml_stream
            write_graphml_stream(self.query, stream)
        elif len(self.store) <= rdflib_limit:
            export(self.to_rdflib(), fmt, stream)
        elif fmt == "turtle":
            ox.serialize(self.triples(), stream, ox.RdfFormat.TURTLE, prefixes=PREFIX_MAP)
        else:
            ox.serialize(self.triples(), stream, ox.RdfFormat.N_TRIPLES)


class ShardLoader:
    """Bulk-loads N-Quads shards into a store in background threads (``LOAD_THREADS``).

    Oxigraph's loader runs outside the GIL, so the next shard is written while
    the last ones load. Use as a context manager: leaving it waits for every
    load and re-raises the first error.
    """

    def __init__(self, store):
        from concurrent.futures import ThreadPoolExecutor
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=LOAD_THREADS, thread_name_prefix="unionkg-load")
        self.futures = []

    def remove(self, updates: Iterable[str]) -> None:
        """Run the removal updates (:func:`removal_updates`) before the first shard loads."""
        for update in updates:
            if update == CLEAR_ALL:
                self.store.clear()  # the same, without a transaction that holds every triple
            else:
                self.store.update(update, prefixes=PREFIX_MAP)

    def load(self, path: Path) -> None:
        """Queue one N-Quads file for loading."""
        import pyoxigraph as ox
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


STORE_FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt",
                 "graphml": "graphml", "nquads": "nquads", "nq": "nquads"}
