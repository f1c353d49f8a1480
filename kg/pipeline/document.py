"""The objects that carry an article from stage to stage.

The raw text is never rewritten: a :class:`Document` keeps the article's raw
text, a normalised view of it (layout spaces removed) and a map from every
normalised character back to its raw offset.  Extractors read the normalised
view; every :class:`Mention` and :class:`Fact` points into it by offsets, and
``Document.raw_offsets`` turns those into raw offsets for provenance.
All objects are frozen: a stage returns a new document (:meth:`Document.evolve`).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, fields
from typing import Literal

from kg.pipeline.normalise import fold_text, has_traditional
from kg.pipeline.records import FactKind
from kg.pipeline.tokenize import Tokens
from kg.settings import Settings

MentionKind = Literal["union", "org", "person", "group", "place"]


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of an article (offsets into ``Document.norm``).

    kind (str): "headline", "kicker" (引题), "subtitle" (副题), "byline",
        "body", "caption" (photo caption) or "section" (a "X区总工会：" label).
    """

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A named thing found in the text.

    kind (str): "union", "org", "person", "group", "place".
    start, end (int): offsets into ``Document.norm``; ``norm[start:end] == text``.
    text (str): the surface form as written (layout spaces removed).
    name (str): the name after resolution within the article (区总工会 in a
        passage about 桐庐县 -> 桐庐县总工会); equal to ``text`` when nothing resolved.
    concepts (tuple[str, ...]): beneficiary-group concept labels (groups only).
    """

    kind: MentionKind
    start: int
    end: int
    text: str
    name: str
    concepts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A relation between mentions, traceable to its sentence.

    kind (str): "position", "byline", "condolence", "allocation".
    start, end (int): the evidence sentence, offsets into ``Document.norm``.
    agents, recipients (tuple[Mention, ...]): who acts, who receives.
    person (Mention | None): the person of a position or byline.
    org (Mention | None): the organisation of a position.
    role (str): the title (positions) or byline role ("记者"/"通讯员").
    amount (Decimal | None), amount_text (str), approximate (bool): allocations.
    date (str | None): ISO date of the event when the text gives one.
    part_of (Fact | None): for an allocation, the total it itemises.
    """

    kind: FactKind
    start: int
    end: int
    agents: tuple[Mention, ...] = ()
    recipients: tuple[Mention, ...] = ()
    person: Mention | None = None
    org: Mention | None = None
    role: str = ""
    amount: object = None
    amount_text: str = ""
    approximate: bool = False
    date: str | None = None
    part_of: "Fact | None" = None


@dataclass(frozen=True)
class Document:
    """One article on its way through the pipeline.

    doc_id (str): stable id, "<page id>#<article number>".
    source_file (str): the input file's base name.
    text (str): the raw article text (its paragraphs joined by newlines).
    norm (str): the normalised view extractors read.
    norm_to_raw (tuple[int, ...]): raw offset of each normalised character,
        plus one final entry for ``len(text)``.
    headline (str | None): the article's headline (主题), None if the page gives none.
    blocks (tuple[Block, ...]): the article's paragraphs, classified.
    year (int | None): the article's year when known (for 3月8日).
    date (str | None), url (str | None), title (str | None): from the input record.
    home_city (str | None): the city the article is about, full name (郑州市):
        inferred from its text, else its page's, else the build's fallback.
    settings (Settings): the build's settings, as every stage sees them.
    tokens (Tokens | None): jieba words of ``norm`` with offsets and tags, cut on demand.
    mentions, facts: what the extractors found.
    """

    doc_id: str
    source_file: str
    text: str
    norm: str
    norm_to_raw: tuple[int, ...]
    headline: str | None = None
    blocks: tuple[Block, ...] = ()
    year: int | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    home_city: str | None = None
    settings: Settings = Settings()
    tokens: Tokens | None = None
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()

    def evolve(self, **changes) -> "Document":
        """A copy with ``changes`` to its fields, the answers kept on this instance left
        behind: ``dataclasses.replace`` without a frozen dataclass's per-field ``__init__``
        (run after every extractor, for every article)."""
        unknown = changes.keys() - _DOCUMENT_FIELDS.keys()
        if unknown:
            raise TypeError(f"Document has no field {sorted(unknown)[0]!r}")
        state = {name: self.__dict__[name] for name in _DOCUMENT_FIELDS}
        state.update(changes)
        copy = object.__new__(Document)
        copy.__dict__.update(state)
        return copy

    def mentions_of(self, *kinds: str) -> tuple[Mention, ...]:
        """The mentions of the given kinds, in text order.

        Extractors ask for the same kinds of the same document many times (every act
        looks for its agents): the answer is kept on the instance, outside its fields
        (a new document, made by :meth:`evolve`, starts afresh).
        """
        kept = self.__dict__.setdefault("_mentions_of", {})
        found = kept.get(kinds)
        if found is None:
            found = kept[kinds] = tuple(m for m in self.mentions if m.kind in kinds)
        return found

    def _starting(self, start: int, end: int, kinds: tuple[str, ...]) -> tuple[tuple[Mention, ...], int, int]:
        """The mentions of ``kinds`` and the index range of those that start in ``[start, end)``:
        found by bisection over their starts (kept on the instance, as in :meth:`mentions_of`),
        so that a long page costs no more per act than a short one."""
        mentions = self.mentions_of(*kinds) if kinds else self.mentions
        kept = self.__dict__.setdefault("_starts_of", {})
        starts = kept.get(kinds)
        if starts is None:
            starts = kept[kinds] = [m.start for m in mentions]
        return mentions, bisect_left(starts, start), bisect_left(starts, end)

    def mentions_starting(self, start: int, end: int, *kinds: str) -> tuple[Mention, ...]:
        """The mentions (of the given kinds, else all) that start in ``[start, end)``, in text order."""
        mentions, low, high = self._starting(start, end, kinds)
        return mentions[low:high]

    def last_mention_within(self, start: int, end: int, *kinds: str) -> Mention | None:
        """The last mention (of the given kinds) that lies within ``[start, end)``, looked for
        from ``end`` backwards (a one-line page is one paragraph of thousands of names)."""
        mentions, low, high = self._starting(start, end, kinds)
        return next((mentions[i] for i in range(high - 1, low - 1, -1) if mentions[i].end <= end), None)

    def mentions_within(self, start: int, end: int, *kinds: str) -> tuple[Mention, ...]:
        """The mentions (of the given kinds, else all) that lie within ``[start, end)``, in text order."""
        asked = self.__dict__.setdefault("_within", {})
        found = asked.get((start, end, kinds))
        if found is None:  # the agents and the recipients of an act ask for the same spans
            found = asked[start, end, kinds] = tuple(
                m for m in self.mentions_starting(start, end, *kinds) if m.end <= end)
        return found

    def facts_of(self, kind: str) -> tuple[Fact, ...]:
        """The facts of one kind found so far, in order (kept on the instance)."""
        kept = self.__dict__.setdefault("_facts_of", {})
        found = kept.get(kind)
        if found is None:
            found = kept[kind] = tuple(f for f in self.facts if f.kind == kind)
        return found

    def credited(self) -> frozenset[tuple[int, int]]:
        """The spans of the persons a byline credits (reporters are no actors, no recipients)."""
        found = self.__dict__.get("_credited")
        if found is None:
            found = self.__dict__["_credited"] = frozenset(
                (f.person.start, f.person.end) for f in self.facts_of("byline"))
        return found

    def raw_offsets(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised view back to raw-text offsets.

        start, end (int): offsets into ``norm``.
        RETURNS (tuple[int, int]): offsets into ``text``; for a span stitched
            from two places of the page (a paragraph the layout cut), the raw
            extent that covers both.
        """
        if start >= end:
            raw = self.norm_to_raw[start]
            return raw, raw
        window = self.norm_to_raw[start:end]
        return min(window), max(window) + 1

    def written(self, start: int, end: int) -> str:
        """A span of ``norm`` as printed: the raw characters, width-folded, in the
        script of the page (persons, titles and headlines keep it; the guideline)."""
        simplified_only = self.__dict__.get("_simplified_only")
        if simplified_only is None:
            simplified_only = self.__dict__["_simplified_only"] = not has_traditional(self.text)
        if simplified_only:  # nothing converted: as printed is the view itself (spaces, widths alike)
            return self.norm[start:end]
        return fold_text("".join(map(self.text.__getitem__, self.norm_to_raw[start:end])))


_DOCUMENT_FIELDS = {field.name: field for field in fields(Document)}
