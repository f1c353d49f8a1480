"""Word segmentation with a private jieba instance.

jieba's module-level tokenizer is a global singleton; unionkg owns its own
``jieba.Tokenizer`` (with its cache file under our control) so that loading
our user dictionary never leaks into other users of jieba. Part-of-speech tags
come from jieba's dictionary by lookup (no HMM tagging pass), which keeps the
pipeline close to the speed of plain ``jieba.lcut``.

jieba's word-graph search (``get_DAG`` and ``calc``) is where it spends most of
its time; :func:`_speed_up` replaces the two on our private instance with
versions that make the same graph and the same choices (same floats, same
ties) with the word log-probabilities computed once instead of per character.
The words are identical to jieba's own (checked in the tests over the
sample corpus).
"""
from __future__ import annotations

import logging
import os
import tempfile
from functools import lru_cache
from math import log
from typing import NamedTuple

import jieba
import jieba.posseg

from .lexicon import lexicon_path

jieba.setLogLevel(logging.WARNING)


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
    """A private jieba tokenizer with unionkg's user dictionary loaded."""

    def __init__(self) -> None:
        self._tokenizer = jieba.Tokenizer()
        cache_dir = os.environ.get("UNIONKG_CACHE", os.path.join(tempfile.gettempdir(), "unionkg"))
        os.makedirs(cache_dir, exist_ok=True)
        self._tokenizer.tmp_dir = cache_dir
        self._tokenizer.cache_file = "jieba.unionkg.cache"
        self._tokenizer.initialize()
        self._tokenizer.load_userdict(str(lexicon_path("userdict.txt")))
        _speed_up(self._tokenizer)
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


def _speed_up(tokenizer: jieba.Tokenizer) -> None:
    """Give ``tokenizer`` faster ``get_DAG``/``calc`` with jieba's exact results.

    Must run after the dictionaries are loaded: the log-probability table is a
    snapshot of ``FREQ`` and ``total`` (this private tokenizer never adds words later).
    """
    freq = tokenizer.FREQ
    logtotal = log(tokenizer.total)
    # jieba scores a word as log(FREQ.get(word) or 1) - logtotal; same floats, made once
    scores = {word: log(count or 1) - logtotal for word, count in freq.items()}
    unknown = log(1) - logtotal
    get_freq, get_score = freq.get, scores.get

    def get_DAG(sentence: str) -> dict[int, list[int]]:
        dag = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n:
                count = get_freq(frag)
                if count is None:
                    break
                if count:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(sentence: str, dag: dict[int, list[int]], route: dict) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        for idx in range(n - 1, -1, -1):
            ends = dag[idx]
            if len(ends) == 1:
                x = ends[0]
                route[idx] = (get_score(sentence[idx:x + 1], unknown) + route[x + 1][0], x)
            else:
                route[idx] = max((get_score(sentence[idx:x + 1], unknown) + route[x + 1][0], x) for x in ends)

    tokenizer.get_DAG = get_DAG
    tokenizer.calc = calc


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The process-wide segmenter (built once; jieba's dictionary takes ~1 s)."""
    return Segmenter()
