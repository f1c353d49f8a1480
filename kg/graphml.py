"""GraphML of the entity network, written as the query results stream.

:func:`kg.network.to_networkx` builds the whole network in memory and
networkx's writer then builds the whole XML tree: fine for thousands of
articles, over 4 GB for 100,000. This writer keeps only the nodes (to drop
edges whose ends are not entities, as the networkx view does) and writes each
edge as its row arrives. Same nodes, edges and attributes as the networkx view
(tested); the edges come in the store's order, deterministic for the same
store, rather than sorted.
"""
from __future__ import annotations

from typing import BinaryIO, Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from .network import _EVENTS, _MEMBERSHIPS, _NODES

_HEADER = """<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""
# (key id, for, name, type), as kg.network's attributes
_KEYS = (("d0", "node", "label", "string"), ("d1", "node", "type", "string"),
         ("d2", "edge", "relation", "string"), ("d3", "edge", "event", "string"),
         ("d4", "edge", "article", "string"), ("d5", "edge", "evidence", "string"),
         ("d6", "edge", "role", "string"), ("d7", "edge", "amount", "double"),
         ("d8", "edge", "date", "string"))
_KEY_OF = {name: key for key, _, name, _ in _KEYS}


def _data(attrs: dict) -> str:
    return "".join(f'      <data key="{_KEY_OF[name]}">{escape(str(value))}</data>\n'
                   for name, value in attrs.items())


def write_graphml_stream(query: Callable[[str], Iterable], stream: BinaryIO) -> None:
    """Write the entity network of a graph as GraphML, streaming the edges.

    query (Callable[[str], Iterable]): runs SPARQL, yields rows of rdflib terms
        (e.g. :meth:`kg.store.GraphStore.query`).
    stream (BinaryIO): where the UTF-8 XML goes.
    """
    nodes: dict[str, tuple[str, str]] = {}
    for node, kind, label in query(_NODES):
        key = str(node)
        if key not in nodes or str(kind) == "union":
            nodes[key] = (str(kind), str(label))
    out = [_HEADER]
    out += [f'  <key id="{k}" for="{f}" attr.name="{n}" attr.type="{t}" />\n' for k, f, n, t in _KEYS]
    out.append('  <graph edgedefault="directed">\n')
    stream.write("".join(out).encode("utf-8"))
    for key in sorted(nodes):
        kind, label = nodes[key]
        stream.write(f"    <node id={quoteattr(key)}>\n{_data({'label': label, 'type': kind})}    </node>\n"
                     .encode("utf-8"))

    def edge(source: str, target: str, attrs: dict) -> None:
        ident = quoteattr(attrs["event"] + "|" + target)
        stream.write(f"    <edge source={quoteattr(source)} target={quoteattr(target)} id={ident}>\n"
                     f"{_data(attrs)}    </edge>\n".encode("utf-8"))

    for event, kind, x, y, amount, date, evidence, article in query(_EVENTS):
        if y is None or str(x) not in nodes or str(y) not in nodes:
            continue
        attrs = {"relation": str(kind), "event": str(event), "article": str(article)}
        if amount is not None:
            attrs["amount"] = repr(float(amount))
        if date is not None:
            attrs["date"] = str(date)
        if evidence is not None:
            attrs["evidence"] = str(evidence)
        edge(str(x), str(y), attrs)
    for membership, person, org, role, evidence in query(_MEMBERSHIPS):
        attrs = {"relation": "任职", "role": str(role), "event": str(membership)}
        if evidence is not None:
            attrs["evidence"] = str(evidence)
        edge(str(person), str(org), attrs)
    stream.write(b"  </graph>\n</graphml>\n")
