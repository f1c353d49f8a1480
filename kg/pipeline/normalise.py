"""Stage 2: a normalised view of the raw text, with a map back to it.

Three repairs, all character-local so that every output character maps to
exactly one input character:

* width folding (NFKC per character): ``（３７８０万元）`` -> ``(3780万元)``, so
  patterns need only one spelling of each punctuation mark;
* layout spaces: a run of spaces inside a line is dropped unless it separates
  two Latin letters or digits (``下拨3780万 元`` -> ``下拨3780万元``,
  ``林 涛`` -> ``林涛``, but ``Gephi 0.10`` keeps its space). Spaces at the
  start and end of a line go too. Newlines are kept: paragraphs are the
  segmenter's business;
* pinyin glosses that some mirror sites print after characters
  (``總工會(huì)`` -> ``總工會``) are dropped, as layout spaces are;
* traditional script to simplified (OpenCC's ``t2s``): ``總工會慰問`` ->
  ``总工会慰问``, so that one set of patterns and lexicons reads pages of either
  script. Where OpenCC would change a run's length (a phrase conversion), that
  run is converted character by character instead, so the offset map holds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_HSPACE = re.compile(r"[^\S\n]+|\((?<=[\u4e00-\u9fff]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
_KEEP_SPACE_BETWEEN = re.compile(r"[A-Za-z0-9]")


def fold_char(ch: str) -> str:
    """Width-fold one character; characters whose NFKC form is not one
    character (ligatures, circled numbers) are kept as they are.

    >>> fold_char("（"), fold_char("３"), fold_char("，"), fold_char("中")
    ('(', '3', ',', '中')
    """
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict):
    """``str.translate`` table of width folds, filled in as characters are first seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDS = _FoldTable()


def fold_text(chunk: str) -> str:
    """Width-fold a text, spaces kept (each character's fold computed once per process).

    A run already in NFKC holds no character that folds (such a character
    never occurs in NFKC text), and the check runs in C: most runs take it.
    """
    if unicodedata.is_normalized("NFKC", chunk):
        return chunk
    return chunk.translate(_FOLDS)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """The characters of the CJK blocks that ``t2s`` changes, as one character class
    (a search runs in C over a bitmap: 8 times faster than a set over a page)."""
    blocks = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
    chars = "".join(chr(c) for lo, hi in blocks for c in range(lo, hi + 1))
    converted = _t2s().convert(chars)
    changed = sorted({a for a, b in zip(chars, converted) if a != b}) if len(converted) == len(chars) \
        else sorted(c for c in chars if _t2s().convert(c) != c)
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]")


def has_traditional(text: str) -> bool:
    """Does ``text`` hold a character OpenCC's ``t2s`` would change?"""
    return bool(_traditional().search(text))


def to_simplified(text: str) -> str:
    """Traditional characters to simplified, keeping the length of ``text``.

    >>> to_simplified("中華全國總工會慰問困難職工")
    '中华全国总工会慰问困难职工'
    """
    if not has_traditional(text):
        return text  # most pages: nothing to convert, and the check runs in C
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    single = [_t2s().convert(ch) for ch in text]
    return "".join(c if len(c) == 1 else ch for c, ch in zip(single, text))


def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Return the normalised view of ``text`` and its offset map.

    text (str): raw text.
    RETURNS (tuple[str, tuple[int, ...]]): the normalised text and, for each of
        its characters, the offset of the raw character it came from, plus a
        final entry ``len(text)`` so that end offsets map too.

    >>> normalise("下拨3780万 元")[0]
    '下拨3780万元'
    >>> normalise("记者 林 涛\\n  Gephi 0.10 ")[0]
    '记者林涛\\nGephi 0.10'
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _HSPACE.finditer(text):
        out.append(fold_text(text[pos:match.start()]))
        offsets.extend(range(pos, match.start()))
        if not match.group().isspace():  # a pinyin gloss: nothing of it stays
            pos = match.end()
            continue
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if _KEEP_SPACE_BETWEEN.match(fold_char(before)) and _KEEP_SPACE_BETWEEN.match(fold_char(after)):
            out.append(" ")
            offsets.append(match.start())
        pos = match.end()
    out.append(fold_text(text[pos:]))
    offsets.extend(range(pos, len(text) + 1))
    return to_simplified("".join(out)), tuple(offsets)
