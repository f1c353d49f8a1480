"""Word segmentation: jieba's accurate mode (HMM on), cut by jieba-rs.

unionkg's words are jieba's (``jieba.lcut(text)`` with unionkg's user
dictionary). They are cut by rjieba, the binding of jieba-rs: a Rust port of
jieba with the same dictionary and HMM model, about four times faster per
block (measured in docs/decisions/0005). jieba-rs keeps a run without
Chinese characters whole (``2024-02-07``, ``www.example.cn``) where jieba
splits it at punctuation; :func:`Segmenter.cut_block` splits such runs as
jieba does, so the words are jieba's own (``tests/tokenize`` compares them
with jieba over the sample and random strings).

Part-of-speech tags and frequencies come from jieba's dictionary file by
lookup (no tagging pass). The private instance keeps unionkg's user
dictionary out of any other user's jieba.
"""
from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import rjieba

from kg.pipeline.lexicon import lexicon_path

# jieba's accurate-mode text split (its re_han_default and re_skip_default):
# blocks of word characters go to the word-graph search, the rest is cut at
# whitespace runs and into single characters
WORD_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+)")
_WHITESPACE = re.compile(r"(\r\n|\s)")
_CHINESE_ONLY = re.compile(r"[\u4E00-\u9FD5]+")
_CHINESE = re.compile(r"[\u4E00-\u9FD5]")
# how jieba's HMM step splits a run without Chinese characters (finalseg's re_skip)
_LATIN_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def jieba_dictionary() -> Path:
    """jieba's main dictionary file (``word freq tag`` lines), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed: its dictionary gives unionkg's word tags")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


class Token(NamedTuple):
    """A word: offsets into the text it was cut from, and its dictionary tag.

    A named tuple rather than a dataclass: an article has hundreds of tokens
    and a corpus millions, and a tuple is made several times faster.
    """

    text: str
    start: int
    end: int
    tag: str


class Segmenter:
    """jieba's words, tags and frequencies, with unionkg's user dictionary added."""

    def __init__(self) -> None:
        self._jieba = rjieba.Jieba()  # jieba-rs with jieba's dictionary built in
        # the tags and frequencies: a whitespace split in C, then two dicts built in C
        fields = jieba_dictionary().read_text(encoding="utf-8").split()
        words = fields[0::3]
        self._tags = dict(zip(words, fields[2::3]))
        self._frequencies = dict(zip(words, fields[1::3]))  # as text: few are ever asked for
        for line in lexicon_path("userdict.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3 and not line.startswith("#"):
                word, frequency, tag = parts
                self._jieba.add_word(word, int(frequency), tag)
                self._tags[word], self._frequencies[word] = tag, frequency

    def tag_of(self, word: str) -> str | None:
        """The dictionary tag of a word, None if jieba's dictionary lacks it."""
        return self._tags.get(word)

    def frequency(self, word: str) -> int:
        """The word's frequency in jieba's dictionary (0 when unknown)."""
        return int(self._frequencies.get(word, 0))

    def cut_block(self, block: str) -> list[str]:
        """jieba's words of one block of word characters (a match of :data:`WORD_BLOCK`)."""
        words = self._jieba.cut(block)
        if _CHINESE_ONLY.fullmatch(block):
            return words  # most blocks
        out: list[str] = []
        for word in words:
            if len(word) > 1 and word not in self._tags and not _CHINESE.search(word):
                out.extend(filter(None, _LATIN_RUN.split(word)))  # as jieba's HMM step splits it
            else:
                out.append(word)
        return out

    def words(self, text: str) -> list[str]:
        """Cut text into words, as ``jieba.lcut(text)`` (accurate mode, HMM for unknown words)."""
        out: list[str] = []
        for block in WORD_BLOCK.split(text):
            if not block:
                continue
            if WORD_BLOCK.match(block):
                out.extend(self.cut_block(block))
                continue
            for piece in _WHITESPACE.split(block):
                if _WHITESPACE.match(piece):
                    out.append(piece)
                else:
                    out.extend(piece)
        return out

    def tokens(self, text: str) -> list[Token]:
        """Cut the whole text into tokens with offsets and dictionary tags ("x" when unknown)."""
        return self.lazy_tokens(text).all()

    def lazy_tokens(self, text: str) -> "Tokens":
        """The text's tokens, cut block by block only where an extractor asks (see :class:`Tokens`)."""
        return Tokens(text, self)

    def block_tokens(self, text: str, start: int, end: int) -> list[Token]:
        """Tokens of ``text[start:end]``, one block of word characters, with offsets into ``text``.

        The words always concatenate back to the block; a mismatch is a bug in
        the cutter's contract, and raises rather than shifting every offset after it.
        """
        block = text[start:end]
        words = self.cut_block(block)
        if "".join(words) != block:  # then some word is not the text at its offset
            pos = 0
            for word in words:
                if block[pos:pos + len(word)] != word:
                    raise RuntimeError(f"segmenter lost text at offset {start + pos}: {word!r}")
                pos += len(word)
            raise RuntimeError("segmenter output does not cover the input")
        ends = list(accumulate(map(len, words), initial=start))
        tags = self._tags.get
        fields = zip(words, ends[:-1], ends[1:], [tags(w, "x") for w in words])
        # tuple.__new__ makes the named tuples without a Python-level call per token
        return list(map(tuple.__new__, repeat(Token), fields))


class Tokens:
    """An article's tokens, cut lazily, one block of word characters at a time.

    jieba cuts each block between punctuation and spaces on its own, so the
    tokens of a block do not depend on the rest of the text: cutting only the
    blocks an extractor looks into (the words left of an organisation suffix,
    a place ending) gives exactly the tokens a whole-text cut would, for the
    blocks it cuts. Most of an article's blocks are never looked at.

    Navigate by offset: :meth:`at`, then :meth:`before` / :meth:`after`.
    """

    __slots__ = ("text", "_segmenter", "_starts", "_ends", "_cut")

    def __init__(self, text: str, segmenter: Segmenter):
        self.text = text
        self._segmenter = segmenter
        self._starts: list[int] = []
        self._ends: list[int] = []
        for match in WORD_BLOCK.finditer(text):
            self._starts.append(match.start())
            self._ends.append(match.end())
        self._cut: dict[int, list[Token]] = {}

    def __bool__(self) -> bool:
        return bool(self.text)

    def at(self, pos: int) -> Token | None:
        """The token that contains offset ``pos`` (clamped into the text); None for an empty text."""
        text = self.text
        if not text:
            return None
        pos = min(max(pos, 0), len(text) - 1)
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._ends[k]:  # inside a block of word characters
            tokens = self._block(k)
            return tokens[bisect_right(tokens, pos, key=_token_start) - 1]
        # outside blocks every character is a token, and so is \r\n (as in words())
        if text.startswith("\r\n", pos - 1) and pos > 0:
            pos -= 1
        word = "\r\n" if text.startswith("\r\n", pos) else text[pos]
        return Token(word, pos, pos + len(word), self._segmenter.tag_of(word) or "x")

    def _block(self, k: int) -> list[Token]:
        """The tokens of the ``k``-th block of word characters (cut on first use)."""
        tokens = self._cut.get(k)
        if tokens is None:
            tokens = self._cut[k] = self._segmenter.block_tokens(self.text, self._starts[k], self._ends[k])
        return tokens

    def before(self, token: Token) -> Token | None:
        """The token just left of ``token``, None at the start."""
        return self.at(token.start - 1) if token.start > 0 else None

    def after(self, token: Token) -> Token | None:
        """The token just right of ``token``, None at the end."""
        return self.at(token.end) if token.end < len(self.text) else None

    def all(self) -> list[Token]:
        """Every token, in order (cuts every block)."""
        out: list[Token] = []
        pos = 0
        for k, start in enumerate(self._starts + [len(self.text)]):
            while pos < start:  # characters between blocks
                out.append(self.at(pos))
                pos = out[-1].end
            if k < len(self._starts):
                out.extend(self._block(k))
                pos = self._ends[k]
        return out


_token_start = itemgetter(1)  # Token.start, read in C: bisect calls it at every step


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The process-wide segmenter (built once: its dictionaries take ~0.4 s)."""
    return Segmenter()
