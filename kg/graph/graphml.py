"""GraphML of the entity network, written as text line by line.

The one GraphML writer, at every size, for a graph in memory and a store alike:
it holds the nodes and the sorted edge list of :func:`kg.graph.network.entity_network`
(not an XML tree: networkx's writer needed 4 GB at 100,000 articles), and
writes each as a line. Only the attribute types GraphML allows (string,
double), so Gephi, Cytoscape, yEd and networkx open it as is.
"""
from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from kg.graph.network import Query, edge_key, entity_network

_HEADER = """<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""
# (key id, for, name, type), as kg.graph.network's attributes
_KEYS = (("d0", "node", "label", "string"), ("d1", "node", "type", "string"),
         ("d2", "edge", "relation", "string"), ("d3", "edge", "event", "string"),
         ("d4", "edge", "article", "string"), ("d5", "edge", "evidence", "string"),
         ("d6", "edge", "role", "string"), ("d7", "edge", "amount", "double"),
         ("d8", "edge", "date", "string"))
_KEY_OF = {name: key for key, _, name, _ in _KEYS}


def _data(attrs: dict) -> str:
    return "".join(f'      <data key="{_KEY_OF[name]}">{escape(repr(value) if isinstance(value, float) else str(value))}'
                   f'</data>\n' for name, value in attrs.items())


def write_graphml(query: Query, stream: BinaryIO, *, side_by_side: bool = False) -> None:
    """Write the entity network of a graph as GraphML (UTF-8 XML), an element a line.

    query, side_by_side: as :func:`kg.graph.network.entity_network` takes them.
    """
    known, edges = entity_network(query, side_by_side=side_by_side)
    out = [_HEADER]
    out += [f'  <key id="{k}" for="{f}" attr.name="{n}" attr.type="{t}" />\n' for k, f, n, t in _KEYS]
    out.append('  <graph edgedefault="directed">\n')
    stream.write("".join(out).encode("utf-8"))
    for key, (kind, label) in known.items():
        stream.write(f"    <node id={quoteattr(key)}>\n{_data({'label': label, 'type': kind})}    </node>\n"
                     .encode("utf-8"))
    for source, target, attrs in edges:
        ident = quoteattr(edge_key(source, target, attrs))
        stream.write(f"    <edge source={quoteattr(source)} target={quoteattr(target)} id={ident}>\n"
                     f"{_data(attrs)}    </edge>\n".encode("utf-8"))
    stream.write(b"  </graph>\n</graphml>\n")
