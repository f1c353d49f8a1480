"""Stage 2: a normalised view of the raw text, with a map back to it.

Two repairs, both character-local so that every output character maps to
exactly one input character:

* width folding (NFKC per character): ``（３７８０万元）`` -> ``(3780万元)``, so
  patterns need only one spelling of each punctuation mark;
* layout spaces: a run of spaces inside a line is dropped unless it separates
  two Latin letters or digits (``下拨3780万 元`` -> ``下拨3780万元``,
  ``林 涛`` -> ``林涛``, but ``Gephi 0.10`` keeps its space). Spaces at the
  start and end of a line go too. Newlines are kept: paragraphs are the
  segmenter's business.
"""
from __future__ import annotations

import re
import unicodedata

_HSPACE = re.compile(r"[^\S\n]+")
_KEEP_SPACE_BETWEEN = re.compile(r"[A-Za-z0-9]")


def fold_char(ch: str) -> str:
    """Width-fold one character; characters whose NFKC form is not one
    character (ligatures, circled numbers) are kept as they are.

    >>> fold_char("（"), fold_char("３"), fold_char("，"), fold_char("中")
    ('(', '3', ',', '中')
    """
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


_FOLDED: dict[str, str] = {}


def _fold_run(chunk: str) -> list[str]:
    """Width-fold a run of characters (each character's fold computed once per process)."""
    cache = _FOLDED
    out = []
    for ch in chunk:
        folded = cache.get(ch)
        if folded is None:
            folded = cache[ch] = fold_char(ch)
        out.append(folded)
    return out


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
        out.extend(_fold_run(text[pos:match.start()]))
        offsets.extend(range(pos, match.start()))
        before = text[match.start() - 1] if match.start() > 0 else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if _KEEP_SPACE_BETWEEN.match(fold_char(before)) and _KEEP_SPACE_BETWEEN.match(fold_char(after)):
            out.append(" ")
            offsets.append(match.start())
        pos = match.end()
    out.extend(_fold_run(text[pos:]))
    offsets.extend(range(pos, len(text) + 1))
    return "".join(out), tuple(offsets)
