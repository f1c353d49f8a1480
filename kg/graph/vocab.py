"""The closed RDF vocabulary of unionkg.

Every term here is declared, with Chinese and English labels, in
``ontology/unionkg.ttl``; a test keeps the two in step. ``UKG`` is a closed
namespace, so a typo such as ``UKG.Condolance`` raises instead of minting a
stray IRI. External vocabularies come from :mod:`rdflib.namespace`.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace, ORG, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["UKG", "GROUP", "ID", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD", "BASE", "PREFIXES", "sparql_prologue"]

BASE = "https://w3id.org/unionkg/"


class UKG(DefinedNamespace):
    """unionkg ontology terms (``https://w3id.org/unionkg/ontology#``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Union: URIRef  # a trade union (subclass of org:FormalOrganization)
    Person: URIRef
    Article: URIRef
    Event: URIRef  # superclass of the reported events
    Condolence: URIRef  # 慰问
    Allocation: URIRef  # 拨付 / 下拨 / 投入 / 发放
    BeneficiaryGroups: URIRef  # the skos:ConceptScheme of beneficiary groups
    Tally: URIRef  # derived: counts and sums of facts per agent (and recipient)

    # article properties
    headline: URIRef
    sourceFile: URIRef
    url: URIRef
    published: URIRef
    reporter: URIRef
    correspondent: URIRef
    mentions: URIRef

    # event properties
    agent: URIRef
    recipient: URIRef
    amount: URIRef
    amountText: URIRef
    approximate: URIRef
    partOf: URIRef  # an allocation that itemises a total reported beside it
    date: URIRef

    # tallies (derived once per build, kg.graph.tallies)
    tallyOf: URIRef
    tallyAgent: URIRef
    tallyRecipient: URIRef
    tallyRecipientType: URIRef  # the recipient's class, repeated on the tally
    eventCount: URIRef
    amountSum: URIRef

    # provenance detail
    evidence: URIRef
    startChar: URIRef
    endChar: URIRef


GROUP = Namespace(BASE + "group/")  # beneficiary-group concepts (ontology/groups.ttl)
ID = Namespace(BASE + "id/")  # minted entity, article and fact IRIs


# The one prefix map: Turtle exports, the store, queries and the CLI all use it.
PREFIXES: dict[str, str] = {
    "ukg": str(UKG._NS),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "id": str(ID),
    "group": str(GROUP),
}


def sparql_prologue() -> str:
    """``PREFIX`` lines of :data:`PREFIXES`, for SPARQL engines that take no prefix map."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
