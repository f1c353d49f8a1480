"""Persons: names after a title or an honour, and the names of credits.

Where a name starts and ends is :mod:`kg.pipeline.extract.names`'s business. A name is only looked for right
after a title (``titles.txt``), an honour (``person_introducers.txt``), or as
the next item of a list of names (刘某、李某); every later occurrence of a
name found that way is a mention too (牛某某在看望…).
"""
from __future__ import annotations

import re

from kg.pipeline.document import Document, Mention
from kg.pipeline.extract.bylines import credits
from kg.pipeline.extract.names import is_common_word, lexicons, read_name
from kg.pipeline.extract.text import occurrences


_LIST_JOINER = re.compile(r"、|,?以及|和|及")


def find_persons(doc: Document) -> tuple[Mention, ...]:
    """Person mentions of an article.

    doc (Document): the article.
    RETURNS (tuple[Mention, ...]): kind "person", in text order.
    """
    text = doc.norm
    _, _, intro = lexicons()
    names: set[str] = set()
    for match in intro.finditer(text):
        pos = match.end()
        while True:
            name = read_name(text, pos)
            if name is None:
                break
            names.add(name)
            pos += len(name)
            pos = pos + 4 if re.match(r"\([左右中前后][一二三四五六七八九十\d]?\)", text[pos:pos + 4]) else pos
            joiner = _LIST_JOINER.match(text, pos)  # 副主席刘某、李某, 以及王某: a list of names
            if joiner is None:
                break
            pos = joiner.end()
    names = {n for n in names if not is_common_word(n)}
    names |= {text[c.start:c.end] for c in credits(doc)}
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for start, end in occurrences(text, name):
            if any(m.start <= start < m.end for m in mentions):
                continue
            mentions.append(Mention("person", start, end, name, doc.written(start, end)))
    return tuple(sorted(mentions, key=lambda m: m.start))
