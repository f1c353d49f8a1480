"""Stage 6: emit RDF under the contract vocabulary.

IRIs are hashes of normalised names (entities) or of the article id and the
fact's position (facts), so the same input gives the same IRIs everywhere.
No blank nodes are minted: exports stay canonical and diffable.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .document import Document, Fact, Mention
from .ontology import group_concepts, ontology_file
from .resolve import NameIndex, parent_union
from .vocab import ID, ORG, PROV, RDF, RDFS, SKOS, UKG, XSD

ENTITY_KINDS = {"union": "union", "org": "org", "person": "person"}


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(kind: str, name: str) -> URIRef:
    """The IRI of an entity: its kind and a hash of its canonical name."""
    return ID[f"{kind}/{_digest(kind, name)}"]


def article_iri(doc_id: str) -> URIRef:
    """The IRI of an article."""
    return ID[f"article/{_digest(doc_id)}"]


def decimal_lexical(value) -> str:
    """The canonical xsd:decimal form (always with a point, as Turtle writes it back).

    >>> decimal_lexical(Decimal("37800000")), decimal_lexical(Decimal("720300.50"))
    ('37800000.0', '720300.5')
    """
    text = format(Decimal(value).normalize(), "f")
    return text if "." in text else text + ".0"


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    graph.bind("ukg", UKG._NS)
    graph.bind("org", ORG)
    graph.bind("skos", SKOS)
    graph.bind("prov", PROV)
    graph.bind("id", ID)
    graph.bind("group", URIRef(str(UKG._NS).replace("ontology#", "group/")))
    return graph


class Emitter:
    """Turns resolved documents into triples (stage 6)."""

    def __init__(self, names: NameIndex):
        self.names = names
        self.groups = {label: iri for iri, label, _ in group_concepts()}

    def scheme(self, graph: Graph) -> None:
        """Add the beneficiary-group concept scheme (so the graph stands alone)."""
        graph.parse(ontology_file("groups.ttl"))

    def node(self, graph: Graph, mention: Mention) -> list[URIRef]:
        """The node(s) a mention stands for, declaring entities on the way."""
        if mention.kind == "group":
            return [self.groups[c] for c in mention.concepts if c in self.groups]
        if mention.kind == "person":
            iri = entity_iri("person", mention.name)
            graph.add((iri, RDF.type, UKG.Person))
            graph.add((iri, RDFS.label, Literal(mention.name, lang="zh")))
            return [iri]
        name = self.names.canonical(mention.name)
        kind = self.names.kinds.get(name, mention.kind)
        iri = entity_iri(kind, name)
        if kind == "union":
            graph.add((iri, RDF.type, UKG.Union))
            graph.add((iri, RDF.type, ORG.FormalOrganization))
        else:
            graph.add((iri, RDF.type, ORG.Organization))
        graph.add((iri, RDFS.label, Literal(name, lang="zh")))
        parent = parent_union(name) if kind != "union" else None
        if parent:
            parent_name = self.names.canonical(parent)
            parent_iri = self.node(graph, Mention("union", 0, 0, parent_name, parent_name))[0]
            graph.add((iri, ORG.subOrganizationOf, parent_iri))
        for alias in self.names.aliases(name):
            graph.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))
        return [iri]

    def document(self, graph: Graph, doc: Document) -> None:
        """Add one article, its entities and its facts."""
        article = article_iri(doc.doc_id)
        graph.add((article, RDF.type, UKG.Article))
        graph.add((article, UKG.sourceFile, Literal(doc.source_file)))
        if doc.headline:
            graph.add((article, UKG.headline, Literal(doc.headline, lang="zh")))
        if doc.url:
            graph.add((article, UKG.url, Literal(doc.url, datatype=XSD.anyURI)))
        if doc.date:
            graph.add((article, UKG.published, Literal(doc.date, datatype=XSD.date)))
        for mention in doc.mentions:
            if mention.kind in ENTITY_KINDS:
                for node in self.node(graph, mention):
                    graph.add((article, UKG.mentions, node))
        for index, fact in enumerate(doc.facts):
            self.fact(graph, doc, article, index, fact)

    def _provenance(self, graph: Graph, doc: Document, article: URIRef, event: URIRef, fact: Fact) -> None:
        graph.add((event, PROV.wasDerivedFrom, article))
        graph.add((event, UKG.evidence, Literal(doc.norm[fact.start:fact.end], lang="zh")))
        raw_start, raw_end = doc.raw_offsets(fact.start, fact.end)
        graph.add((event, UKG.startChar, Literal(raw_start)))
        graph.add((event, UKG.endChar, Literal(raw_end)))
        if fact.date:
            graph.add((event, UKG.date, Literal(fact.date, datatype=XSD.date)))

    @staticmethod
    def event_iri(doc: Document, index: int, fact: Fact) -> URIRef:
        """The IRI of the ``index``-th fact of an article (stable across runs)."""
        return ID[f"{fact.kind}/{_digest(doc.doc_id, str(index), fact.kind)}"]

    def fact(self, graph: Graph, doc: Document, article: URIRef, index: int, fact: Fact) -> None:
        """Add one fact."""
        if fact.kind == "byline":
            prop = UKG.reporter if fact.role == "记者" else UKG.correspondent
            for person in self.node(graph, fact.person):
                graph.add((article, prop, person))
            return
        event = self.event_iri(doc, index, fact)
        if fact.kind == "position":
            person = self.node(graph, fact.person)[0]
            org = self.node(graph, fact.org)[0]
            role = ID[f"role/{_digest(fact.role)}"]
            graph.add((role, RDF.type, ORG.Role))
            graph.add((role, RDFS.label, Literal(fact.role, lang="zh")))
            graph.add((event, RDF.type, ORG.Membership))
            graph.add((event, ORG.member, person))
            graph.add((event, ORG.organization, org))
            graph.add((event, ORG.role, role))
        else:
            graph.add((event, RDF.type, UKG.Condolence if fact.kind == "condolence" else UKG.Allocation))
            for agent in fact.agents:
                for node in self.node(graph, agent):
                    graph.add((event, UKG.agent, node))
            for recipient in fact.recipients:
                for node in self.node(graph, recipient):
                    graph.add((event, UKG.recipient, node))
            if fact.kind == "allocation":
                graph.add((event, UKG.amount, Literal(decimal_lexical(fact.amount), datatype=XSD.decimal)))
                graph.add((event, UKG.amountText, Literal(fact.amount_text)))
                graph.add((event, UKG.approximate, Literal(bool(fact.approximate))))
                if fact.part_of is not None:
                    whole = self.event_iri(doc, doc.facts.index(fact.part_of), fact.part_of)
                    graph.add((event, UKG.partOf, whole))
        self._provenance(graph, doc, article, event, fact)
