"""Word segmentation with a private jieba instance.

jieba's module-level tokenizer is a global singleton; unionkg owns its own
``jieba.Tokenizer`` (with its cache file under our control) so that loading
our user dictionary never leaks into other users of jieba. Part-of-speech tags
come from jieba's dictionary by lookup (no HMM tagging pass), which keeps the
pipeline close to the speed of plain ``jieba.lcut``.

jieba's word-graph search (``get_DAG`` and ``calc``) is where it spends most of
its time; :func:`_speed_up` gives our private instance a block cutter that
makes the same choices (same floats, same ties) with the word
log-probabilities computed once instead of per edge. The words are identical
to jieba's own (checked in the tests over the sample corpus).
"""
from __future__ import annotations

import logging
import os
import tempfile
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from math import log
from operator import itemgetter
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
        self._cut_block = self._tokenizer._Tokenizer__cut_DAG  # jieba's, or the faster one
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
        """Cut text into words (accurate mode, HMM for unknown words).

        ``jieba.Tokenizer.cut`` in accurate mode with HMM, as a list: blocks of
        word characters go to the block cutter, the rest is split at
        whitespace runs (kept whole) into single characters; jieba's regular
        expressions, without its word-by-word generators.
        """
        han, skip = jieba.re_han_default, jieba.re_skip_default
        cut_block = self._cut_block
        out: list[str] = []
        for block in han.split(text):
            if not block:
                continue
            if han.match(block):
                out.extend(cut_block(block))
                continue
            for piece in skip.split(block):
                if skip.match(piece):
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
        """Tokens of ``text[start:end]``, one block of word characters (a match of
        jieba's ``re_han_default``), with offsets into ``text``.

        The words always concatenate back to the block; a mismatch is a bug in
        jieba's contract, and raises rather than shifting every offset after it.
        """
        block = text[start:end]
        words = self._cut_block(block)  # what words() does with a block
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
        for match in jieba.re_han_default.finditer(text):
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


def _speed_up(tokenizer: jieba.Tokenizer) -> None:
    """Give ``tokenizer`` a faster accurate-mode block cutter with jieba's exact results.

    jieba cuts a block by building its word graph (``get_DAG``), scoring every
    path right to left (``calc``) and reading the best path, handing runs of
    single characters to the HMM (``finalseg``). The replacement does the
    first two in one right-to-left pass, looking each fragment up once in a
    table of precomputed scores (jieba takes the logarithm anew for every edge
    of every sentence); the scores are the same floats, the ties break the
    same way (``max`` over ``(score, end)`` tuples), and the path reading and
    the HMM step are jieba's own logic unchanged.

    Must run after the dictionaries are loaded: the table is a snapshot of
    ``FREQ`` and ``total`` (this private tokenizer never adds words later).
    """
    from jieba import finalseg
    freq = tokenizer.FREQ
    logtotal = log(tokenizer.total)
    # jieba scores an edge log(FREQ.get(word) or 1) - logtotal; a prefix with
    # count 0 continues the walk but is no edge (None)
    table = {word: (log(count) - logtotal if count else None) for word, count in freq.items()}
    unknown = log(1) - logtotal
    missing = object()
    lookup, known = table.get, freq.get

    # the HMM cut of a run of unknown characters is a pure function of the run
    # (jieba's model is fixed; unionkg never touches finalseg.Force_Split_Words),
    # and such runs (names, rare words) recur from article to article
    @lru_cache(maxsize=1 << 16)
    def hmm(run: str) -> tuple[str, ...]:
        return tuple(finalseg.cut(run))

    def cut_block(sentence: str) -> list[str]:
        n = len(sentence)
        # route[idx] of jieba as two lists: the best path's score from idx, and
        # the end of its first word
        scores = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best, best_end = unknown + scores[idx + 1], -1
            i = idx
            frag = sentence[idx]
            while i < n:
                score = lookup(frag, missing)
                if score is missing:
                    break
                if score is not None:
                    score += scores[i + 1]
                    # jieba takes max over (score, end) in order of end: a tie goes to the later end
                    if best_end < 0 or score >= best:
                        best, best_end = score, i
                i += 1
                frag = sentence[idx:i + 1]
            scores[idx], ends[idx] = best, (best_end if best_end >= 0 else idx)
        # reading the path: jieba's __cut_DAG, unchanged
        words: list[str] = []
        x = 0
        buf = ""
        def flush(run: str) -> None:
            """A run of single characters: one word, an unknown word for the HMM, or characters."""
            if len(run) == 1:
                words.append(run)
            elif not known(run):
                words.extend(hmm(run))
            else:
                words.extend(run)

        while x < n:
            y = ends[x] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    flush(buf)
                    buf = ""
                words.append(word)
            x = y
        if buf:
            flush(buf)
        return words

    # Tokenizer.cut calls self.__cut_DAG for accurate mode with HMM
    tokenizer._Tokenizer__cut_DAG = cut_block


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """The process-wide segmenter (built once; jieba's dictionary takes ~1 s)."""
    return Segmenter()
