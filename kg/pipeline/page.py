"""The per-page driver: one page through normalise, segment and extract, into records.

Per-page work, safe to run in any process: :func:`extract_page` is what every
engine runs. Corpus-wide resolution (:mod:`kg.pipeline.resolve`) comes after,
once, in the build.
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.pipeline.document import Document, Fact, Mention
from kg.pipeline.extract import check_order, extract
from kg.pipeline.extract.orgs import parent_union
from kg.pipeline.gazetteer import gazetteer
from kg.pipeline.normalise import to_simplified
from kg.pipeline.read import Page
from kg.pipeline.records import ENTITY_KINDS, ArticleRecord, FactRecord, PageRecords, Ref, decimal_lexical
from kg.pipeline.segment import blocks_of, segment_page
from kg.pipeline.tokenize import default_segmenter
from kg.settings import Settings

_YEAR = re.compile(r"^(\d{4})")


def documents_of_page(page: Page, settings: Settings = Settings()) -> list[Document]:
    """Split one page into articles and run the extractors over each.

    page (Page): a page as read.
    RETURNS (list[Document]): the page's articles, with mentions and facts.
    """
    return list(iter_documents(page, settings))


def iter_documents(page: Page, settings: Settings = Settings()) -> Iterator[Document]:
    """The page's articles, with mentions and facts, one at a time."""
    check_order()
    text = page.text
    norm, norm_to_raw, articles = segment_page(text)
    segmenter = default_segmenter()
    year = int(_YEAR.match(page.date).group(1)) if page.date and _YEAR.match(page.date) else None
    places = gazetteer()
    views = [norm[a.paragraphs[0].start:a.paragraphs[-1].end] for a in articles]
    own_places = [places.main_place(view) for view in views]
    # an article that names no place is about its page's (the page's other articles name it)
    page_place = places.main_place(*views) if None in own_places else None
    for number, article in enumerate(articles):
        start, end = article.paragraphs[0].start, article.paragraphs[-1].end
        # a stitched article's view need not follow the raw order: take its extent
        raw_start, raw_end = min(norm_to_raw[start:end]), max(norm_to_raw[start:end]) + 1
        view = views[number]
        offsets = tuple(map((-raw_start).__add__, norm_to_raw[start:end])) + (raw_end - raw_start,)
        headline = article.headline
        if headline is None and number == 0 and page.title:
            headline = page.title
        doc = Document(
            doc_id=f"{page.page_id}#{number}",
            source_file=page.source_file,
            text=text[raw_start:raw_end],
            norm=view,
            norm_to_raw=offsets,
            headline=headline,
            blocks=blocks_of(article, start),
            year=year,
            date=page.date,
            url=page.url,
            title=page.title,
            settings=settings,
            tokens=segmenter.lazy_tokens(view),
            home_city=own_places[number] or page_place or settings.home_city_full,
        )
        yield extract(doc)


def warm_up() -> None:
    """Load the segmenter, the gazetteer and the script converter before the first
    page (a pool's initializer; forked workers inherit them)."""
    check_order()
    default_segmenter()
    gazetteer().short_mentions("")
    to_simplified("")


def extract_page(page: Page, settings: Settings = Settings()) -> PageRecords:
    """Extract one page into its records, the names they use and their fact counts."""
    names: set[tuple[str, str, str]] = set()
    counts: dict[str, int] = {}
    records = []
    for doc in iter_documents(page, settings):
        records.append(article_record(doc))
        names |= names_of(doc)
        for fact in doc.facts:
            counts[fact.kind] = counts.get(fact.kind, 0) + 1
    return PageRecords(page.page_id, tuple(records), tuple(sorted(names)), tuple(sorted(counts.items())))


def _ref(mention: Mention | None) -> Ref | None:
    if mention is None:
        return None
    # a place that takes part in a fact is an organisation of the graph
    kind = "org" if mention.kind == "place" else mention.kind
    return Ref(kind, mention.name, tuple(mention.concepts))


def fact_record(doc: Document, index: int, fact: Fact) -> FactRecord:
    """The record of ``doc.facts[index]``."""
    raw_start, raw_end = doc.raw_offsets(fact.start, fact.end)
    return FactRecord(
        kind=fact.kind, index=index, evidence=doc.norm[fact.start:fact.end],
        raw_start=raw_start, raw_end=raw_end,
        agents=tuple(_ref(m) for m in fact.agents), recipients=tuple(_ref(m) for m in fact.recipients),
        person=_ref(fact.person), org=_ref(fact.org), role=fact.role,
        amount=decimal_lexical(fact.amount) if fact.amount is not None else "",
        amount_text=fact.amount_text, approximate=bool(fact.approximate), date=fact.date,
        part_of=doc.facts.index(fact.part_of) if fact.part_of is not None else None)


def article_record(doc: Document) -> ArticleRecord:
    """The record of one extracted article."""
    return ArticleRecord(
        doc_id=doc.doc_id, source_file=doc.source_file, headline=doc.headline, url=doc.url, date=doc.date,
        mentions=tuple(_ref(m) for m in doc.mentions if m.kind in ENTITY_KINDS),
        facts=tuple(fact_record(doc, i, f) for i, f in enumerate(doc.facts)))


def names_of(doc: Document) -> set[tuple[str, str, str]]:
    """(name, kind, surface) of every entity and role an article refers to.

    Union and organisation mentions give their written spelling (an alias
    candidate); names reached only through facts give "". Persons and roles
    are listed so that the entity declarations can be made without the records.
    """
    out = set()
    for mention in doc.mentions:
        if mention.kind in ("union", "org"):
            out.add((mention.name, mention.kind, mention.text))
        elif mention.kind == "person":
            out.add((mention.name, "person", ""))
    for fact in doc.facts:
        for mention in fact.agents + fact.recipients + tuple(m for m in (fact.org, fact.person) if m):
            ref = _ref(mention)
            if ref.kind in ENTITY_KINDS:
                out.add((ref.name, ref.kind, ""))
        if fact.org is not None and fact.role:  # a title held in an organisation is a role node
            out.add((fact.role, "role", ""))
    for name, kind, _ in list(out):
        parent = parent_union(name) if kind == "org" else None
        if parent:  # 某区总工会女职工委员会 names its union too
            out.add((parent, "union", ""))
    return out
