"""Person names: where a Chinese name starts and ends.

Chinese names are a family name (``surnames.txt``) and one or two given-name
characters. Where a name ends is decided by what follows it: punctuation, a
photo position mark ``(左一)``, or a word that typically follows a name
(``name_followers.txt``: 带队, 一行, 表示 …).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.pipeline.lexicon import alternation, words
from kg.pipeline.tokenize import default_segmenter

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PREPOSITION_YU = re.compile(r"于(近日|日前|今年|本月|今天|昨天|昨日|当天|当日|上午|下午|[0-9〇一二三四五六七八九十])")


@lru_cache(maxsize=1)
def lexicons():
    surnames = words("surnames.txt")
    followers = sorted(words("name_followers.txt"), key=len, reverse=True)
    intro = re.compile(alternation(list(words("titles.txt")) + list(words("person_introducers.txt"))))
    return frozenset(surnames), tuple(followers), intro


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    """The titles alone (主席, 副主席 …), the longest winning at a position."""
    return re.compile(alternation(words("titles.txt")))


def _ends_name(rest: str) -> bool:
    """Can a name end right before ``rest``?"""
    if not rest or not _CJK.match(rest[0]):
        return True
    _, followers, _ = lexicons()
    return rest.startswith(followers)


def read_name(text: str, pos: int, tokens=None) -> str | None:
    """The person name that starts at ``pos``, or None.

    Where no punctuation or follower word ends the name, jieba's words
    (``tokens``, when given) decide: a family name and two given characters
    that jieba cut as one word, tagged as a person's or unknown to its
    dictionary (its HMM found it: 邱某某|来汉, 马某某|所付出). Two characters
    are not enough: jieba tags 关怀 and 荣誉 as names, and 戴上 is unknown.

    >>> read_name("主席钱立新带队前往", 2)
    '钱立新'
    >>> read_name("主席林涛表示", 2)
    '林涛'
    >>> read_name("主任吴迪(左二)", 2)
    '吴迪'
    >>> read_name("主席团会议", 2) is None
    True
    """
    surnames, _, _ = lexicons()
    for size in (2, 1):
        surname = text[pos:pos + size]
        if len(surname) == size and surname in surnames:
            break
    else:
        return None
    if _PREPOSITION_YU.match(text, pos):
        return None  # 于近日, 于3月5日: the preposition, not the family name
    given = text[pos + size:pos + size + 3]
    if not given or not _CJK.match(given[0]):
        return None
    if _ends_name(text[pos + size + 1:]):
        return text[pos:pos + size + 1]
    if len(given) >= 2 and _CJK.match(given[1]) and _ends_name(text[pos + size + 2:]):
        return text[pos:pos + size + 2]
    token = tokens.at(pos) if tokens else None
    if token is not None and token.start == pos and len(token.text) == size + 2 \
            and (token.tag == "x" or token.tag.startswith("nr")):
        return token.text
    return None


COMMON_WORD_FREQ = 200  # 关爱 254, 尤其 7135; surnames+given names like 孙平 stay below
COMMON_NAME_TAGGED_FREQ = 600  # the same for a word jieba tags as a name (see is_common_word)


def is_common_word(name: str) -> bool:
    """A candidate that jieba's dictionary knows as an ordinary word (关爱, 尤其, 文化|工)."""
    tag_of, frequency = default_segmenter().tag_of, default_segmenter().frequency
    surnames, _, _ = lexicons()
    # 文化|工: a three-character candidate whose first two characters are a word
    # (unless they are a compound surname, 欧阳明华)
    for word in {name, name[:2]} - surnames:
        tag = tag_of(word)
        if tag is None:
            continue
        # jieba tags some ordinary words as names (荣誉 2877, 文明 6584, 关怀 697); its real
        # names are rarer (two-character names in its dictionary: 300 to 350)
        if frequency(word) >= (COMMON_NAME_TAGGED_FREQ if tag.startswith("nr") else COMMON_WORD_FREQ):
            return True
    return False


