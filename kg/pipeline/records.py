"""The compact result of extraction: what the graph needs of an article, and nothing more.

A :class:`~kg.pipeline.document.Document` carries the article's text, tokens
and offset maps: far more than the graph needs, and too much to hold for
100,000 articles. After extraction each article becomes an
:class:`ArticleRecord`: its metadata, the entities it mentions (by kind and
name) and its facts with their evidence sentence and raw offsets. A page's
records, the names it contributes to corpus-wide resolution and its counts
form a :class:`PageRecords`. How records are stored is the build's business
(:mod:`kg.building.results`).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

RefKind = Literal["union", "org", "person", "group"]
NameKind = Literal["union", "org", "person", "role"]
ENTITY_KINDS: tuple[RefKind, ...] = ("union", "org", "person")
# the fact kinds the extractors make; each is a row of kg.graph.relations.RELATIONS,
# which is what emission, the network, stats and evaluation read (an unknown kind raises there)
FactKind = Literal["position", "byline", "condolence", "allocation"]


class Ref(NamedTuple):
    """An entity or group as a fact or article refers to it.

    kind: "union", "org", "person" or "group".
    name (str): the name resolved within the article.
    concepts (tuple[str, ...]): group concept labels (groups only).
    """

    kind: RefKind
    name: str
    concepts: tuple[str, ...] = ()


class FactRecord(NamedTuple):
    """A fact as emission needs it (see :class:`kg.pipeline.document.Fact`).

    kind: a row of :data:`kg.graph.relations.RELATIONS`.
    index (int): the fact's position in its article (part of its IRI).
    evidence (str): the evidence sentence (normalised view).
    raw_start, raw_end (int): the sentence's offsets into the raw article text.
    amount (str): the amount as an xsd:decimal lexical form ("" if none).
    """

    kind: FactKind
    index: int
    evidence: str
    raw_start: int
    raw_end: int
    agents: tuple[Ref, ...] = ()
    recipients: tuple[Ref, ...] = ()
    person: Ref | None = None
    org: Ref | None = None
    role: str = ""
    amount: str = ""
    amount_text: str = ""
    approximate: bool = False
    date: str | None = None
    part_of: int | None = None  # the index of the fact (a total) this one itemises


class ArticleRecord(NamedTuple):
    """One article as emission needs it.

    mentions (tuple[Ref, ...]): the union, organisation and person mentions, in text order.
    """

    doc_id: str
    source_file: str
    headline: str | None
    url: str | None
    date: str | None
    mentions: tuple[Ref, ...]
    facts: tuple[FactRecord, ...]


class PageRecords(NamedTuple):
    """What extraction made of one page.

    names (tuple[tuple[str, str, str], ...]): (name, kind, surface) of every
        entity and role the page refers to; kind is one of :data:`NameKind`,
        surface the stand-alone spelling or "".
    facts (tuple[tuple[str, int], ...]): facts counted per kind.
    """

    page_id: str
    records: tuple[ArticleRecord, ...]
    names: tuple[tuple[str, NameKind, str], ...]
    facts: tuple[tuple[str, int], ...]


def decimal_lexical(value) -> str:
    """The canonical xsd:decimal form (always with a point, as Turtle writes it back).

    >>> decimal_lexical(Decimal("37800000")), decimal_lexical(Decimal("720300.50"))
    ('37800000.0', '720300.5')
    """
    text = format(Decimal(value).normalize(), "f")
    return text if "." in text else text + ".0"
