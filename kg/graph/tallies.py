"""Tallies: counts and sums over the facts, derived at every build, so that questions
over the whole corpus read hundreds of tally nodes instead of every event.

A ``ukg:Tally`` counts the events of one kind (``ukg:tallyOf``: an event class of the
relation table) by one agent (``ukg:tallyAgent``), and optionally to one recipient
(``ukg:tallyRecipient``, whose class ``ukg:tallyRecipientType`` repeats, so that a
question about persons reached does not read every recipient): ``ukg:eventCount``
distinct facts and, for kinds with an amount, ``ukg:amountSum`` of their amounts; an
event that itemises a total (``ukg:partOf``) is left out of both, as the README's sums
leave it out.

They are computed in Python while the pages are emitted (docs/decisions/0011): each
emitted page's share (:func:`page_tallies`) is kept in the manifest beside its records,
and the build adds up every page's share (:func:`add_up`) into the tally triples
(:func:`tally_triples`). A page that is not emitted again keeps its share, so an
incremental build tallies the whole store without reading it. Tallies are typed as
declarations: every build removes and writes them all.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Iterable, Iterator

from kg.graph.emit import A, Emitter, Triple, iri, literal
from kg.graph.relations import RELATIONS
from kg.graph.vocab import ID, ORG, SKOS, UKG, XSD
from kg.pipeline.records import ArticleRecord, Ref, decimal_lexical

# (kind of fact, agent, recipient or "", recipient's class or "") -> [events, sum of amounts]
TallyKey = tuple[str, str, str, str]
Shares = dict[TallyKey, list]

_RECIPIENT_TYPES = {"group": iri(SKOS.Concept), "person": iri(UKG.Person),
                    "union": iri(UKG.Union), "org": iri(ORG.Organization)}
T_TALLY, P_OF, P_AGENT, P_RECIPIENT = (iri(UKG.Tally), iri(UKG.tallyOf), iri(UKG.tallyAgent),
                                       iri(UKG.tallyRecipient))
P_RECIPIENT_TYPE, P_COUNT, P_SUM = iri(UKG.tallyRecipientType), iri(UKG.eventCount), iri(UKG.amountSum)


def _recipient_type(emitter: Emitter, ref: Ref) -> str:
    """The class of the node(s) a recipient reference stands for."""
    kind = ref.kind if ref.kind in ("group", "person") else emitter.entity_key(ref.kind, ref.name)[0]
    return _RECIPIENT_TYPES[kind]


def page_tallies(emitter: Emitter, records: Iterable[ArticleRecord]) -> Shares:
    """One page's share of the tallies: its events counted per agent, and per agent and recipient."""
    shares: Shares = {}
    for record in records:
        for fact in record.facts:
            relation = RELATIONS[fact.kind]
            if relation.shape != "event" or (relation.amount and fact.part_of is not None):
                continue
            amount = Decimal(fact.amount) if relation.amount and fact.amount else Decimal(0)
            # an agent or recipient named twice in one event counts the event once
            agents = emitter.nodes_of(fact.agents)
            recipients = dict.fromkeys((node, _recipient_type(emitter, ref))
                                       for ref in fact.recipients for node in emitter.node(ref))
            for agent in agents:
                for recipient, recipient_type in [("", ""), *recipients]:
                    _add(shares, (fact.kind, agent, recipient, recipient_type), 1, amount)
    return shares


def _add(shares: Shares, key: TallyKey, count: int, amount: Decimal) -> None:
    share = shares.setdefault(key, [0, Decimal(0)])
    share[0] += count
    share[1] += amount


def encode_shares(shares: Shares) -> str:
    """A page's share as compact JSON (kept in the manifest)."""
    return json.dumps([[*key, count, str(total)] for key, (count, total) in sorted(shares.items())],
                      ensure_ascii=False, separators=(",", ":"))


def add_up(encoded: Iterable[str], totals: Shares | None = None) -> Shares:
    """Pages' shares (:func:`encode_shares`) added up, to ``totals`` if given: every page's
    share makes the tallies of the whole graph."""
    totals = {} if totals is None else totals
    for text in encoded:
        for kind, agent, recipient, recipient_type, count, total in json.loads(text):
            _add(totals, (kind, agent, recipient, recipient_type), count, Decimal(total))
    return totals


def _tally_iri(kind: str, agent: str, recipient: str) -> str:
    """The tally's IRI: a hash of what it counts (stable across builds)."""
    key = f"{kind} {agent[1:-1]}" + (f" {recipient[1:-1]}" if recipient else "")
    return f"<{ID}tally/{hashlib.md5(key.encode('utf-8')).hexdigest()}>"


def tally_triples(totals: Shares) -> Iterator[Triple]:
    """The ``ukg:Tally`` nodes of the added-up shares, in a stable order."""
    integer, decimal = f"^^<{XSD.integer}>", XSD.decimal
    for (kind, agent, recipient, recipient_type), (count, total) in sorted(totals.items()):
        relation = RELATIONS[kind]
        tally = _tally_iri(kind, agent, recipient)
        yield from ((tally, A, T_TALLY), (tally, P_OF, iri(relation.rdf_class)), (tally, P_AGENT, agent))
        if recipient:
            yield from ((tally, P_RECIPIENT, recipient), (tally, P_RECIPIENT_TYPE, recipient_type))
        yield tally, P_COUNT, f'"{count}"{integer}'
        if relation.amount:
            yield tally, P_SUM, literal(decimal_lexical(total), datatype=decimal)
