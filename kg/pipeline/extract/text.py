"""Small text helpers shared by the extractors: sentences and clauses."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_SENTENCE_END = re.compile(r"[。!?;\n]+")
_CLAUSE_END = re.compile(r"[。!?;\n,:]+")
CJK = re.compile(r"[\u4e00-\u9fff]")
# what joins the items of a list (区委、区政府; 医护人员和环卫工人)
LIST_JOINER = re.compile(r"(、|和|及|以及)$")


def spans(text: str, pattern: re.Pattern = _SENTENCE_END) -> list[tuple[int, int]]:
    """Offsets of the pieces of ``text`` between separators (separators excluded).

    >>> spans("甲。乙!丙")
    [(0, 1), (2, 3), (4, 5)]
    """
    out, pos = [], 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            out.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


# extractors ask for the sentences of the same article, and the clauses of the
# same sentence, many times over: the last few hundred answers are kept


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets (split at 。!?; and line breaks)."""
    return tuple(spans(text, _SENTENCE_END))


@lru_cache(maxsize=512)
def clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Clause offsets (sentences further split at commas and colons)."""
    return tuple(spans(text, _CLAUSE_END))


def occurrences(text: str, word: str):
    """Offsets ``(start, end)`` of the non-overlapping occurrences of ``word``, left to right.

    >>> list(occurrences("区总工会和区总工会", "总工会"))
    [(1, 4), (6, 9)]
    """
    pos = text.find(word)
    while pos >= 0 and word:
        yield pos, pos + len(word)
        pos = text.find(word, pos + len(word))


def clause_at(text: str, pos: int, within: tuple[int, int] | None = None) -> tuple[int, int]:
    """The clause of ``within`` (a sentence; the whole text by default) containing
    offset ``pos``, as offsets into ``text``; ``within`` itself when none does.

    >>> clause_at("甲乙,丙丁。戊", 3, (0, 5))
    (3, 5)
    """
    start, end = within if within is not None else (0, len(text))
    for s, e in clauses(text[start:end]):
        if start + s <= pos < start + e:
            return start + s, start + e
    return start, end


@lru_cache(maxsize=64)
def _sentence_starts(text: str) -> list[int]:
    return [start for start, _ in sentences(text)]


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence that contains offset ``pos`` (found by bisection: a page may hold thousands)."""
    found = sentences(text)
    k = bisect_right(_sentence_starts(text), pos) - 1
    if k >= 0 and found[k][0] <= pos < found[k][1]:
        return found[k]
    return pos, pos
