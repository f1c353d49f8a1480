"""Lexicon data: loading the files of ``kg/lexicons/``.

Every lexicon is a UTF-8 text file with ``#`` comments; its header says its
format and origin (see ``kg/lexicons/README.md``). Nothing here knows a name
from the sample pages: the lists are general vocabulary of Chinese union news.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path


def lexicon_path(name: str) -> Path:
    """Path of a lexicon file shipped in ``kg/lexicons``."""
    return Path(str(resources.files("kg") / "lexicons" / name))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The entries of a one-word-per-line lexicon, in file order, without comments."""
    out = []
    for line in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.extend(line.split())
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated lexicon, without comments."""
    rows = []
    for line in lexicon_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def alternation(entries, *, escape: bool = True) -> str:
    """A regex alternation of entries, longest first, so the longest wins.

    >>> alternation(["工会", "总工会"])
    '(?:总工会|工会)'
    """
    items = sorted(set(entries), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(re.escape(e) if escape else e for e in items) + ")"
