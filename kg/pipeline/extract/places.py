"""Town-level places: 镇, 乡, 街道, 社区, 村 and the communities named after them.

A place name is the run of words before its ending (``locality_endings.txt``)
back to punctuation or a function word, two to five characters long. Towns in
a list (送达高丽营镇、南法信镇、胜利街道) are often common words (胜利, 空港), so
the test is the words' kind, not their being proper nouns: a verb, adverb,
numeral or pronoun ends the name (覆盖|一批|村 is no place). A community
written after its type noun is named by what follows it (社区幸福东区).
Places inside an organisation or union name (瓶窑镇总工会) are that name's.
Places become graph entities only where a fact uses them (see :mod:`kg.graph.emit`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from functools import lru_cache

from kg.pipeline.document import Document, Mention
from kg.pipeline.lexicon import alternation, words

MIN_NAME, MAX_NAME = 2, 5
_BOUNDARY = re.compile(r"[^\u4e00-\u9fff]|[及和与的在对为向到把将从由等各该本全]")
_NOT_IN_NAME = frozenset("v vd d p c u uj ul uz ug r m mq q t".split())  # 幸福(a)里(f)社区 is a name


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(words("stop_words.txt"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    endings = words("locality_endings.txt")
    community = re.compile("[\u4e00-\u9fff]{2,4}?" + alternation(words("community_name_endings.txt")))
    return re.compile(alternation(endings)), community


def _name_start(doc: Document, end: int, floor: int) -> int:
    """Where a place name ending at ``end`` starts (``end`` when it has none)."""
    text, tokens = doc.norm, doc.tokens
    if tokens:
        word = tokens.at(end)
        if word.start < end and word.tag == "ns":  # 仁和镇: a place name the dictionary knows
            return word.start
    pos = end
    while pos > floor and end - pos < MAX_NAME and not _BOUNDARY.match(text[pos - 1]):
        pos -= 1
    if not tokens or pos == end:
        return pos
    token = tokens.at(pos)
    if token.start < pos:  # 对|口联络: a name starts with a word, not inside one
        pos, token = token.end, tokens.after(token)
    stops = _stops()
    while token is not None and token.start < end:
        if token.tag in _NOT_IN_NAME or token.text in stops:
            pos = token.end
        token = tokens.after(token)
    return min(pos, end)


def find_places(doc: Document) -> tuple[Mention, ...]:
    """Place mentions (kind "place"), outside organisation and union names."""
    text = doc.norm
    endings, community = _patterns()
    locality = tuple(words("locality_endings.txt"))
    # inside a name iff some name starting at or before the ending reaches past it
    names = doc.mentions_of("union", "org")
    starts, reach = [m.start for m in names], list(accumulate((m.end for m in names), max))
    out: list[Mention] = []
    floor = 0
    for match in endings.finditer(text):
        k = bisect_right(starts, match.start()) - 1
        if k >= 0 and reach[k] > match.start():
            continue
        named = community.match(text, match.end()) if match.group(0) == "社区" else None
        if named is not None:  # 联络社区|幸福东区
            start, end = named.start(), named.end()
        else:
            start, end = _name_start(doc, match.start(), floor), match.end()
            prefix = text[start:match.start()]
            if out and out[-1].end == start and prefix:  # 长阳镇|某某社区: a place inside a place
                start = out.pop().start
            elif len(prefix) < MIN_NAME or prefix.endswith(locality):  # 乡镇|街道 is no name
                continue
        out.append(Mention("place", start, end, text[start:end], text[start:end]))
        floor = end
    return tuple(out)
