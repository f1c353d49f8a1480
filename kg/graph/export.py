"""Exporters, registered by format name, all with one signature: (graph, binary stream).

A graph is anything :class:`kg.graph.access.GraphAccess` describes (in memory
or a store). Turtle, N-Triples and N-Quads are the graph's own RDF writers;
GraphML is :mod:`kg.graph.graphml`'s streaming writer over SPARQL. Output is
deterministic: same graph, same bytes.
"""
from __future__ import annotations

from typing import BinaryIO, Callable

from kg.graph.graphml import write_graphml


def write_turtle(graph, stream: BinaryIO) -> None:
    """Turtle, with the vocabulary's prefixes."""
    graph.write_rdf("turtle", stream)


def write_ntriples(graph, stream: BinaryIO) -> None:
    """N-Triples."""
    graph.write_rdf("nt", stream)


def write_nquads(graph, stream: BinaryIO) -> None:
    """N-Quads (every triple in the default graph), for loading into a SPARQL server."""
    graph.write_rdf("nquads", stream)


def write_network(graph, stream: BinaryIO) -> None:
    """GraphML of the entity network (see :mod:`kg.graph.network`)."""
    write_graphml(graph.texts, stream, side_by_side=graph.reads_side_by_side)


EXPORTERS: dict[str, Callable[[object, BinaryIO], None]] = {
    "turtle": write_turtle,
    "nt": write_ntriples,
    "nquads": write_nquads,
    "graphml": write_network,
}
ALIASES = {"ttl": "turtle", "ntriples": "nt", "nq": "nquads"}
FORMATS = tuple(sorted(set(EXPORTERS) | set(ALIASES)))  # what ``--format`` accepts


def export(graph, fmt: str, stream: BinaryIO) -> None:
    """Write ``graph`` in format ``fmt`` (a key of EXPORTERS, or an alias) to ``stream``."""
    exporter = EXPORTERS.get(ALIASES.get(fmt, fmt))
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r}; choose from {list(FORMATS)}")
    exporter(graph, stream)
