"""The graph as a network of entities, for traversal and visualisers.

Nodes are unions, organisations, persons, beneficiary groups and articles;
edges are the facts between them, labelled with the relation in Chinese
(慰问, 拨付, 任职, 记者, 通讯员) and carrying amount, date and evidence.
Events with several agents and recipients become one edge per pair.
"""
from __future__ import annotations

import networkx as nx
from rdflib import Graph

PREFIXES = """
PREFIX ukg:  <https://w3id.org/unionkg/ontology#>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

_NODES = PREFIXES + """
SELECT ?n ?type ?label WHERE {
  { ?n a ukg:Union BIND("union" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a org:Organization BIND("organization" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a ukg:Person BIND("person" AS ?type) ?n rdfs:label ?label }
  UNION { ?n a skos:Concept BIND("group" AS ?type) ?n skos:prefLabel ?label FILTER(lang(?label) = "zh") }
}"""

_EVENTS = PREFIXES + """
SELECT ?e ?kind ?x ?y ?amount ?date ?evidence ?article WHERE {
  { ?e a ukg:Condolence BIND("慰问" AS ?kind) } UNION { ?e a ukg:Allocation BIND("拨付" AS ?kind) }
  ?e ukg:agent ?x ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?e ukg:recipient ?y }
  OPTIONAL { ?e ukg:amount ?amount }
  OPTIONAL { ?e ukg:date ?date }
  OPTIONAL { ?e ukg:evidence ?evidence }
}"""

_MEMBERSHIPS = PREFIXES + """
SELECT ?m ?p ?o ?role ?evidence WHERE {
  ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role/rdfs:label ?role .
  OPTIONAL { ?m ukg:evidence ?evidence }
}"""


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity network of a graph.

    graph (rdflib.Graph): a unionkg graph.
    RETURNS (networkx.MultiDiGraph): nodes keyed by IRI with ``label`` and
        ``type``; edges with ``relation`` and, where known, ``amount`` (yuan),
        ``date``, ``evidence`` and ``article``.
    """
    network = nx.MultiDiGraph()
    nodes = {}
    for node, kind, label in graph.query(_NODES):
        key = str(node)
        if key not in nodes or kind == "union":
            nodes[key] = (str(kind), str(label))
    for key in sorted(nodes):
        kind, label = nodes[key]
        network.add_node(key, label=label, type=kind)
    edges = []
    for event, kind, x, y, amount, date, evidence, article in graph.query(_EVENTS):
        target = y if y is not None else None
        if target is None or str(x) not in nodes or str(target) not in nodes:
            continue
        attrs = {"relation": str(kind), "event": str(event), "article": str(article)}
        if amount is not None:
            attrs["amount"] = float(amount)
        if date is not None:
            attrs["date"] = str(date)
        if evidence is not None:
            attrs["evidence"] = str(evidence)
        edges.append((str(x), str(target), attrs))
    for membership, person, org, role, evidence in graph.query(_MEMBERSHIPS):
        attrs = {"relation": "任职", "role": str(role), "event": str(membership)}
        if evidence is not None:
            attrs["evidence"] = str(evidence)
        edges.append((str(person), str(org), attrs))
    for source, target, attrs in sorted(edges, key=lambda e: (e[0], e[1], sorted(e[2].items()))):
        network.add_edge(source, target, key=attrs["event"] + "|" + target, **attrs)
    return network
