"""Persons: names after a title or an honour, by surname and name-end rules.

Chinese names are a family name (``surnames.txt``) and one or two given-name
characters. Where a name ends is decided by what follows it: punctuation, a
photo position mark ``(左一)``, or a word that typically follows a name
(``name_followers.txt``: 带队, 一行, 表示 …). A name is only looked for right
after a title (``titles.txt``), an honour (``person_introducers.txt``), or as
the next item of a list of names (刘某、李某); every later occurrence of a
name found that way is a mention too (牛某某在看望…).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Mention
from ..lexicon import alternation, words
from .text import occurrences

_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _lexicons():
    surnames = words("surnames.txt")
    followers = sorted(words("name_followers.txt"), key=len, reverse=True)
    intro = re.compile(alternation(list(words("titles.txt")) + list(words("person_introducers.txt"))))
    return frozenset(surnames), tuple(followers), intro


def _ends_name(rest: str) -> bool:
    """Can a name end right before ``rest``?"""
    if not rest or not _CJK.match(rest[0]):
        return True
    _, followers, _ = _lexicons()
    return rest.startswith(followers)


def read_name(text: str, pos: int) -> str | None:
    """The person name that starts at ``pos``, or None.

    >>> read_name("主席钱立新带队前往", 2)
    '钱立新'
    >>> read_name("主席林涛表示", 2)
    '林涛'
    >>> read_name("主任吴迪(左二)", 2)
    '吴迪'
    >>> read_name("主席团会议", 2) is None
    True
    """
    surnames, _, _ = _lexicons()
    for size in (2, 1):
        surname = text[pos:pos + size]
        if len(surname) == size and surname in surnames:
            break
    else:
        return None
    given = text[pos + size:pos + size + 3]
    if not given or not _CJK.match(given[0]):
        return None
    if _ends_name(text[pos + size + 1:]):
        return text[pos:pos + size + 1]
    if len(given) >= 2 and _CJK.match(given[1]) and _ends_name(text[pos + size + 2:]):
        return text[pos:pos + size + 2]
    return None


COMMON_WORD_FREQ = 200  # 关爱 254, 尤其 7135; surnames+given names like 孙平 stay below


def _is_common_word(name: str) -> bool:
    """A candidate that jieba's dictionary knows as an ordinary word (关爱, 尤其, 文化|工)."""
    from ..tokenize import default_segmenter
    tag_of, frequency = default_segmenter().tag_of, default_segmenter().frequency
    surnames, _, _ = _lexicons()
    # 文化|工: a three-character candidate whose first two characters are a word
    # (unless they are a compound surname, 欧阳明华)
    for word in {name, name[:2]} - surnames:
        tag = tag_of(word)
        if tag is not None and not tag.startswith("nr") and frequency(word) >= COMMON_WORD_FREQ:
            return True
    return False


def find_persons(doc: Document) -> tuple[Mention, ...]:
    """Person mentions of an article.

    doc (Document): the article.
    RETURNS (tuple[Mention, ...]): kind "person", in text order.
    """
    text = doc.norm
    _, _, intro = _lexicons()
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
            if text[pos:pos + 1] != "、":  # 副主席刘某、李某: a list of names
                break
            pos += 1
    names = {n for n in names if not _is_common_word(n)}
    names |= {person for person, _ in _bylines_in(doc)}
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for start, end in occurrences(text, name):
            if any(m.start <= start < m.end for m in mentions):
                continue
            mentions.append(Mention("person", start, end, name, name))
    return tuple(sorted(mentions, key=lambda m: m.start))


def _bylines_in(doc: Document):
    from .bylines import byline_names
    return byline_names(doc)
