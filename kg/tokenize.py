"""Word segmentation with a private jieba instance.

jieba's module-level tokenizer is a global singleton; unionkg owns its own
``jieba.Tokenizer`` (with its cache file under our control) so that loading
our user dictionary never leaks into other users of jieba. Part-of-speech tags
come from jieba's dictionary by lookup (no HMM tagging pass), which keeps the
pipeline close to the speed of plain ``jieba.lcut``.
"""
from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg

from .lexicon import lexicon_path

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Token:
    """A word: offsets into the text it was cut from, and its dictionary tag."""

    text: str
    start: int
    end: int
    tag: str


def token_index(tokens, pos: int) -> int:
    """Index of the token that contains offset ``pos`` (binary search over tokens in order)."""
    lo, hi = 0, len(tokens) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if tokens[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


class Segmenter:
    """A private jieba tokenizer with unionkg's user dictionary loaded."""

    def __init__(self) -> None:
        self._tokenizer = jieba.Tokenizer()
        cache_dir = os.environ.get("UNIONKG_CACHE", os.path.join(tempfile.gettempdir(), "unionkg"))
        os.makedirs(cache_dir, exist_ok=True)
        self._tokenizer.tmp_dir = cache_dir
        self._tokenizer.cache_file = "jieba.unionkg.cache"
        self._tokenizer.initialize()
        self._tokenizer.load_userdict(str(lexicon_path("userdict.txt")))
        self._tags = dict(jieba.posseg.POSTokenizer(self._tokenizer).word_tag_tab)
        for line in lexicon_path("userdict.txt").read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3 and not line.startswith("#"):
                self._tags[parts[0]] = parts[2]

    def tag_of(self, word: str) -> str | None:
        """The dictionary tag of a word, None if jieba's dictionary lacks it."""
        return self._tags.get(word)

    def frequency(self, word: str) -> int:
        """The word's frequency in jieba's dictionary (0 when unknown)."""
        return self._tokenizer.FREQ.get(word) or 0

    def words(self, text: str) -> list[str]:
        """Cut text into words (accurate mode, HMM for unknown words)."""
        return self._tokenizer.lcut(text, HMM=True)

    def tokens(self, text: str) -> list[Token]:
        """Cut text into tokens with offsets and dictionary tags ("x" when unknown).

        The words always concatenate back to the input; a mismatch is a bug in
        jieba's contract, and raises rather than shifting every offset after it.
        """
        out = []
        pos = 0
        for word in self.words(text):
            end = pos + len(word)
            if text[pos:end] != word:
                raise RuntimeError(f"segmenter lost text at offset {pos}: {word!r}")
            out.append(Token(word, pos, end, self._tags.get(word, "x")))
            pos = end
        if pos != len(text):
            raise RuntimeError("segmenter output does not cover the input")
        return out


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The process-wide segmenter (built once; jieba's dictionary takes ~1 s)."""
    return Segmenter()
