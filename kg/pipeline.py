"""The pipeline: read → normalise → segment → extract → resolve → emit → export.

``documents_of_page`` takes one page through normalise, segment and extract
(per-article work, safe to run in any process); ``build`` adds the corpus-wide
stages.
"""
from __future__ import annotations

import re

from .document import Document
from .extract import check_order, extract
from .gazetteer import gazetteer
from .read import Page
from .segment import blocks_of, segment_page
from .settings import Settings
from .tokenize import default_segmenter

_YEAR = re.compile(r"^(\d{4})")


def documents_of_page(page: Page, settings: Settings = Settings()) -> list[Document]:
    """Split one page into articles and run the extractors over each.

    page (Page): a page as read.
    RETURNS (list[Document]): the page's articles, with mentions and facts.
    """
    check_order()
    norm, norm_to_raw, articles = segment_page(page.text)
    segmenter = default_segmenter()
    year = int(_YEAR.match(page.date).group(1)) if page.date and _YEAR.match(page.date) else None
    places = gazetteer()
    views = [norm[a.paragraphs[0].start:a.paragraphs[-1].end] for a in articles]
    own_places = [places.main_place(view) for view in views]
    # an article that names no place is about its page's (the page's other articles name it)
    page_place = places.main_place(*views) if None in own_places else None
    docs = []
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
            text=page.text[raw_start:raw_end],
            norm=view,
            norm_to_raw=offsets,
            headline=headline,
            blocks=blocks_of(article, start),
            year=year,
            date=page.date,
            url=page.url,
            title=page.title,
            tokens=segmenter.lazy_tokens(view),
            home_city=own_places[number] or page_place or settings.home_city_full,
        )
        docs.append(extract(doc))
    return docs
