"""Stage 6: emit RDF under the contract vocabulary.

IRIs are hashes of normalised names (entities) or of the article id and the
fact's position (facts), so the same input gives the same IRIs everywhere.
No blank nodes are minted: exports stay canonical and diffable.

Emission works on article records (:mod:`kg.pipeline.records`) and writes N-Triples
terms as text: one line per triple, no rdflib objects on the way, so that a
100,000-article build streams to N-Quads files at the speed of string
formatting. Each triple is made in exactly one place:

* :meth:`Emitter.article` — an article and its facts;
* :meth:`Emitter.declarations` — the entities (types, labels, aliases) and roles;
* :func:`scheme_triples` — the beneficiary-group concept scheme.

Every triple's subject tells whose it is, which is how a store replaces a
changed page without named graphs: an article and the facts derived from it
(``prov:wasDerivedFrom``) belong to its page; a subject typed as an entity or a
role belongs to the declarations, which every build rewrites.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Iterable, Iterator

from rdflib import Graph, URIRef

from kg.graph.ontology import ontology_graph
from kg.graph.relations import RELATIONS
from kg.pipeline.records import ArticleRecord, FactRecord, Ref
from kg.pipeline.lexicon import group_concepts
from kg.pipeline.extract.orgs import parent_union
from kg.pipeline.resolve import NameIndex
from kg.graph.vocab import ID, ORG, PREFIXES, PROV, RDF, RDFS, SKOS, UKG, XSD

Triple = tuple[str, str, str]  # N-Triples terms: "<iri>" or a quoted literal


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def article_iri(doc_id: str) -> URIRef:
    """The IRI of an article."""
    return ID[f"article/{_digest(doc_id)}"]


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


# ------------------------------------------------------------------ N-Triples terms

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NEEDS_ESCAPE = re.compile('[\\\\"\n\r]')


def iri(term) -> str:
    """An IRI as an N-Triples term.

    >>> iri("https://w3id.org/unionkg/id/x")
    '<https://w3id.org/unionkg/id/x>'
    """
    return f"<{term}>"


def literal(text, *, lang: str | None = None, datatype=None) -> str:
    """A literal as an N-Triples term.

    >>> literal('说"好"\\n', lang="zh"), literal("5", datatype=XSD.integer)
    ('"说\\\\"好\\\\"\\\\n"@zh', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    text = str(text)
    if _NEEDS_ESCAPE.search(text):  # most literals need no escape: skip the per-character pass
        text = text.translate(_ESCAPES)
    quoted = f'"{text}"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype is not None:
        return f"{quoted}^^<{datatype}>"
    return quoted


def zh(text: str) -> str:
    """A Chinese-language literal."""
    return literal(text, lang="zh")


def triple_lines(triples: Iterable[Triple]) -> Iterator[str]:
    """Triples as N-Triples lines (each also an N-Quads line, in the default graph)."""
    for s, p, o in triples:
        yield f"{s} {p} {o} .\n"


A, LABEL, ALT = iri(RDF.type), iri(RDFS.label), iri(SKOS.altLabel)
T_UNION, T_FORMAL, T_ORG, T_PERSON = iri(UKG.Union), iri(ORG.FormalOrganization), iri(ORG.Organization), iri(UKG.Person)
T_ROLE = iri(ORG.Role)
T_ARTICLE = iri(UKG.Article)
P_SOURCE, P_HEADLINE, P_URL, P_PUBLISHED = iri(UKG.sourceFile), iri(UKG.headline), iri(UKG.url), iri(UKG.published)
P_MENTIONS = iri(UKG.mentions)
P_AGENT, P_RECIPIENT, P_AMOUNT = iri(UKG.agent), iri(UKG.recipient), iri(UKG.amount)
P_AMOUNT_TEXT, P_APPROX, P_DATE = iri(UKG.amountText), iri(UKG.approximate), iri(UKG.date)
P_PART_OF, P_SUB_ORG = iri(UKG.partOf), iri(ORG.subOrganizationOf)
P_EVIDENCE, P_START, P_END, P_DERIVED = iri(UKG.evidence), iri(UKG.startChar), iri(UKG.endChar), iri(PROV.wasDerivedFrom)
P_MEMBER, P_ORGANIZATION, P_ROLE = iri(ORG.member), iri(ORG.organization), iri(ORG.role)
_ID = str(ID)


@lru_cache(maxsize=200_000)
def _entity(kind: str, name: str) -> str:
    return f"<{_ID}{kind}/{_digest(kind, name)}>"


def _event(doc_id: str, index: int, kind: str) -> str:
    """The IRI of the ``index``-th fact of an article (stable across runs)."""
    return f"<{_ID}{kind}/{_digest(doc_id, str(index), kind)}>"


@lru_cache(maxsize=256)
def _term(node: URIRef) -> str:
    """A vocabulary IRI as an N-Triples term (a few per relation, made once)."""
    return iri(node)


@lru_cache(maxsize=4096)
def _role(role: str) -> str:
    return f"<{_ID}role/{_digest(role)}>"


_INTEGER = f"^^<{XSD.integer}>"


def _integer(value: int) -> str:
    return f'"{int(value)}"{_INTEGER}'


def _boolean(value: bool) -> str:
    return literal("true" if value else "false", datatype=XSD.boolean)


@lru_cache(maxsize=1)
def scheme_triples() -> tuple[Triple, ...]:
    """The beneficiary-group concept scheme of ``ontology/groups.ttl`` (so the graph stands alone)."""
    graph = ontology_graph("groups.ttl")

    def term(node) -> str:
        if isinstance(node, URIRef):
            return iri(node)
        return literal(str(node), lang=node.language, datatype=node.datatype)
    return tuple(sorted((term(s), term(p), term(o)) for s, p, o in graph))


class Emitter:
    """Turns article records into triples (stage 6), given the resolved names."""

    def __init__(self, names: NameIndex):
        self.names = names
        self.groups = {label: iri(concept) for concept, label, _ in group_concepts()}
        self._nodes: dict[Ref, list[str]] = {}

    def entity_key(self, kind: str, name: str) -> tuple[str, str]:
        """(kind, canonical name) of the entity a union/org/person name stands for."""
        if kind == "person":
            return "person", name
        canonical = self.names.canonical(name)
        return self.names.kinds.get(canonical, kind), canonical

    def node(self, ref: Ref) -> list[str]:
        """The node(s) a reference stands for (group references: their concepts)."""
        nodes = self._nodes.get(ref)
        if nodes is None:  # a name recurs on many pages: resolve it once
            if ref.kind == "group":
                nodes = [self.groups[c] for c in ref.concepts if c in self.groups]
            else:
                nodes = [_entity(*self.entity_key(ref.kind, ref.name))]
            self._nodes[ref] = nodes
        return nodes

    def nodes_of(self, refs: Iterable[Ref]) -> dict[str, None]:
        """The nodes of some references, each once, in order."""
        return dict.fromkeys(node for ref in refs for node in self.node(ref))

    def article(self, record: ArticleRecord) -> list[Triple]:
        """An article and its facts (entity declarations are made by :meth:`declarations`)."""
        article = iri(article_iri(record.doc_id))
        out = [(article, A, T_ARTICLE), (article, P_SOURCE, literal(record.source_file))]
        if record.headline:
            out.append((article, P_HEADLINE, zh(record.headline)))
        if record.url:
            out.append((article, P_URL, literal(record.url, datatype=XSD.anyURI)))
        if record.date:
            out.append((article, P_PUBLISHED, literal(record.date, datatype=XSD.date)))
        # an entity named five times is mentioned once (a store would drop the copies anyway)
        out.extend((article, P_MENTIONS, node) for node in self.nodes_of(record.mentions))
        for fact in record.facts:
            self.fact(out, record, article, fact)
        return out

    def fact(self, out: list[Triple], record: ArticleRecord, article: str, fact: FactRecord) -> None:
        """Add one fact's triples to ``out``, as its row of the relation table says."""
        relation = RELATIONS[fact.kind]
        if relation.shape == "credit":
            prop = _term(relation.credit_property(fact.role))
            for person in self.node(fact.person):
                out.append((article, prop, person))
            return
        event = _event(record.doc_id, fact.index, fact.kind)
        out.append((event, A, _term(relation.rdf_class)))
        if relation.shape == "membership":
            out += [(event, P_MEMBER, self.node(fact.person)[0]),
                    (event, P_ORGANIZATION, self.node(fact.org)[0]), (event, P_ROLE, _role(fact.role))]
        else:
            # two recipients of one group (一线医护人员, 医务人员) are one node, linked once
            out.extend((event, P_AGENT, node) for node in self.nodes_of(fact.agents))
            out.extend((event, P_RECIPIENT, node) for node in self.nodes_of(fact.recipients))
            if relation.amount:
                out += [(event, P_AMOUNT, literal(fact.amount, datatype=XSD.decimal)),
                        (event, P_AMOUNT_TEXT, literal(fact.amount_text)),
                        (event, P_APPROX, _boolean(fact.approximate))]
                if fact.part_of is not None:  # an itemised part of a total reported beside it
                    out.append((event, P_PART_OF, _event(record.doc_id, fact.part_of, fact.kind)))
        out += [(event, P_DERIVED, article), (event, P_EVIDENCE, zh(fact.evidence)),
                (event, P_START, _integer(fact.raw_start)), (event, P_END, _integer(fact.raw_end))]
        if fact.date:
            out.append((event, P_DATE, literal(fact.date, datatype=XSD.date)))

    def declarations(self, names: Iterable[tuple[str, str]]) -> Iterator[Triple]:
        """The declarations of the entities and roles of (name, kind) pairs, sorted.

        names: (name, kind) with kind "union", "org", "person" or "role".
        """
        entities, roles = set(), set()
        for name, kind in names:
            if kind == "role":
                roles.add(name)
            else:
                entities.add(self.entity_key(kind, name))
        for kind, name in sorted(entities):
            node = _entity(kind, name)
            if kind == "person":
                yield from ((node, A, T_PERSON), (node, LABEL, zh(name)))
                continue
            if kind == "union":
                yield from ((node, A, T_UNION), (node, A, T_FORMAL))
            else:
                yield node, A, T_ORG
            yield node, LABEL, zh(name)
            parent = parent_union(name) if kind != "union" else None
            if parent:  # 某区总工会女职工委员会 is a body of 某区总工会
                yield node, P_SUB_ORG, _entity(*self.entity_key("union", parent))
            for alias in self.names.aliases(name):
                yield node, ALT, zh(alias)
        for role in sorted(roles):
            node = _role(role)
            yield from ((node, A, T_ROLE), (node, LABEL, zh(role)))
