"""Stage 7: exporters, registered by format name, all with one signature.

Each exporter writes a graph to a binary stream. Turtle and N-Triples are
rdflib's own serialisers; GraphML goes through networkx, with only the
attribute types GraphML allows (string, double, boolean), so Gephi, Cytoscape
and yEd open it as is. Output is deterministic: same graph, same bytes.
"""
from __future__ import annotations

import io
from typing import BinaryIO, Callable

import networkx as nx
from rdflib import Graph

from .network import to_networkx


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(l for l in data.decode("utf-8").splitlines() if l.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_turtle(graph: Graph, stream: BinaryIO) -> None:
    """Turtle, subjects sorted by rdflib's serialiser."""
    stream.write(graph.serialize(format="turtle", encoding="utf-8"))


def write_ntriples(graph: Graph, stream: BinaryIO) -> None:
    """N-Triples, lines sorted (rdflib writes them in hash order)."""
    stream.write(_sorted_lines(graph.serialize(format="nt", encoding="utf-8")))


def write_graphml(graph: Graph, stream: BinaryIO) -> None:
    """GraphML of the entity network (see :func:`kg.network.to_networkx`)."""
    network = to_networkx(graph)
    buffer = io.BytesIO()
    nx.write_graphml_xml(network, buffer, encoding="utf-8", prettyprint=True)
    stream.write(buffer.getvalue())


EXPORTERS: dict[str, Callable[[Graph, BinaryIO], None]] = {
    "turtle": write_turtle,
    "ttl": write_turtle,
    "nt": write_ntriples,
    "ntriples": write_ntriples,
    "graphml": write_graphml,
}
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "graphml": "graphml"}


def export(graph: Graph, fmt: str, stream: BinaryIO) -> None:
    """Write ``graph`` in format ``fmt`` (a key of EXPORTERS) to ``stream``."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose from {sorted(EXPORTERS)}") from None
    exporter(graph, stream)
