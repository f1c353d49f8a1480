"""The relation table: every kind of fact, and how the graph shows it.

A fact kind is one row. Emission (:mod:`kg.graph.emit`), the network view and
GraphML (:mod:`kg.graph.network`), ``kg stats`` (:mod:`kg.graph.stats`) and
``kg eval`` (:mod:`kg.graph.evaluate`) read the row; none of them names a
kind. A row has one of three shapes:

* ``event``: a node of ``rdf_class`` with ``ukg:agent`` and ``ukg:recipient``
  links (and, with ``amount``, ``ukg:amount``, ``ukg:amountText``,
  ``ukg:approximate`` and ``ukg:partOf``); a network edge agent → recipient;
* ``membership``: an ``org:Membership`` of a person in an organisation with a
  role; a network edge person → organisation;
* ``credit``: a link from the article to a person, by ``credit_roles``.

Adding a kind of fact (say 表彰, commendations of model workers) is: an
extractor registered in :mod:`kg.pipeline.extract`, a row here, its class in
the ontology and the shapes, and tests. A kind with no row raises.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rdflib import URIRef

from kg.graph.vocab import ORG, UKG

Shape = Literal["event", "membership", "credit"]


@dataclass(frozen=True)
class Relation:
    """One kind of fact.

    kind (str): the kind the extractors give (``Fact.kind``).
    shape ("event" | "membership" | "credit"): how it is emitted (module doc).
    rdf_class (URIRef | None): the class of its nodes (events, memberships).
    label (str): its Chinese name, the relation of its network edges (慰问).
    plural (str): its English plural: the ``kg stats`` row and the gold category (condolences).
    amount (bool): events only: it carries an amount in yuan.
    credit_roles (tuple[tuple[str, URIRef], ...]): credits only: the article
        property for each role, the last one for any other role.
    """

    kind: str
    shape: Shape
    rdf_class: URIRef | None
    label: str
    plural: str
    amount: bool = False
    credit_roles: tuple[tuple[str, URIRef], ...] = ()

    def credit_property(self, role: str) -> URIRef:
        """The article property that credits a person in ``role``."""
        return dict(self.credit_roles).get(role, self.credit_roles[-1][1])


class RelationTable(dict):
    """Relations by kind; looking up a kind with no row raises ValueError."""

    def __missing__(self, kind: str) -> Relation:
        raise ValueError(f"unknown fact kind {kind!r}: add a row for it to kg.graph.relations.RELATIONS")

    def of_shape(self, shape: Shape) -> list[Relation]:
        """The rows of one shape, in table order."""
        return [relation for relation in self.values() if relation.shape == shape]


RELATIONS = RelationTable((relation.kind, relation) for relation in (
    Relation("position", "membership", ORG.Membership, "任职", "positions"),
    Relation("byline", "credit", None, "署名", "bylines",
             credit_roles=(("记者", UKG.reporter), ("通讯员", UKG.correspondent))),
    Relation("condolence", "event", UKG.Condolence, "慰问", "condolences"),
    Relation("allocation", "event", UKG.Allocation, "拨付", "allocations", amount=True),
))
