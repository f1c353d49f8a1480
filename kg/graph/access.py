"""One way to use a graph, in memory or on disk: :class:`GraphAccess`.

:class:`KnowledgeGraph` (an rdflib graph in memory, what ``kg.build``
returns) and :class:`kg.building.store.GraphStore` (the Oxigraph store of
``kg build --store``) answer the same calls: ``query``, ``len()``,
``export(format, path)`` and ``to_networkx()``. Exports go through the one
registry of :mod:`kg.graph.export`; callers never ask which graph they hold.
"""
from __future__ import annotations

import os
import re
import sys
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterator

from rdflib import Graph

from kg.errors import QueryError
from kg.graph.export import export
from kg.graph.network import to_networkx
from kg.graph.vocab import PREFIXES

if TYPE_CHECKING:  # networkx is imported where a network is made
    import networkx


_UPDATE = re.compile(r"^(?:\s+|#[^\n]*\n|(?:PREFIX|BASE)\s[^\n]*\n)*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                     re.IGNORECASE)


def refuse_updates(sparql: str) -> None:
    """Queries only: a SPARQL update is a clear error, not a parse error."""
    if _UPDATE.match(sparql):
        raise QueryError("updates are not allowed: kg query is read-only")


class TriplesAnswer:
    """What a CONSTRUCT or DESCRIBE query made, written once as it streams."""

    def __init__(self, write: Callable[[BinaryIO, str], None]):
        self._write = write

    def write(self, stream: BinaryIO, syntax: str = "nt") -> None:
        """Write the triples as N-Triples (``nt``) or Turtle (``turtle``)."""
        self._write(stream, syntax)


class GraphAccess(ABC):
    """What every unionkg graph answers."""

    # whether independent queries may run in threads, side by side (a store: Oxigraph evaluates
    # outside the GIL); rdflib's in-memory graph runs them one after the other
    reads_side_by_side = False

    @abstractmethod
    def query(self, sparql: str):
        """Run a SPARQL query (the vocabulary's prefixes predeclared): rows of rdflib
        terms with ``.vars`` for SELECT, a bool for ASK, a :class:`TriplesAnswer` for
        CONSTRUCT and DESCRIBE; a bad query or an update raises QueryError."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of triples."""

    @abstractmethod
    def write_rdf(self, syntax: str, stream: BinaryIO) -> None:
        """Write the triples as ``turtle``, ``nt`` or ``nquads``, deterministically."""

    def texts(self, sparql: str) -> Iterator[tuple[str | None, ...]]:
        """A SELECT's rows as plain text: IRIs, literals' lexical forms, None when unbound
        (what the network and GraphML read, without making an rdflib term per value)."""
        for row in self.query(sparql):
            yield tuple(None if term is None else str(term) for term in row)

    def to_networkx(self) -> "networkx.MultiDiGraph":
        """The entity network (see :func:`kg.graph.network.to_networkx`)."""
        return to_networkx(self.texts, side_by_side=self.reads_side_by_side)

    def export(self, fmt: str, path: str | os.PathLike | BinaryIO) -> Path | None:
        """Write the graph in ``fmt`` (see :data:`kg.graph.export.EXPORTERS`) to a file,
        to ``"-"`` (standard output) or to a binary stream; RETURNS the file's path."""
        if path == "-":
            export(self, fmt, sys.stdout.buffer)
            return None
        if not isinstance(path, (str, os.PathLike)):
            export(self, fmt, path)
            return None
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # written beside, then renamed over: a failed or killed export leaves the old file whole
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            with open(partial, "wb") as stream:
                export(self, fmt, stream)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(line for line in data.decode("utf-8").splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


class KnowledgeGraph(GraphAccess):
    """A graph in memory: rdflib's graph, SPARQL, networkx.

    graph (rdflib.Graph): the triples.
    summary: what the build did (a :class:`kg.building.builder.BuildSummary`), if built.
    """

    def __init__(self, graph: Graph, summary=None):
        self.graph = graph
        self.summary = summary

    def query(self, sparql: str):
        refuse_updates(sparql)
        try:
            result = self.graph.query(sparql, initNs=PREFIXES)
        except Exception as exc:  # rdflib raises pyparsing errors on bad syntax
            raise QueryError(f"cannot run query: {exc}") from exc
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            made = result.graph
            return TriplesAnswer(lambda stream, syntax: stream.write(
                made.serialize(format="turtle" if syntax == "turtle" else "nt", encoding="utf-8")))
        return result

    def __len__(self) -> int:
        return len(self.graph)

    def write_rdf(self, syntax: str, stream: BinaryIO) -> None:
        if syntax == "turtle":  # subjects sorted by rdflib's serialiser
            stream.write(self.graph.serialize(format="turtle", encoding="utf-8"))
        else:  # every triple is in the default graph: N-Quads lines are N-Triples lines
            stream.write(_sorted_lines(self.graph.serialize(format="nt", encoding="utf-8")))
