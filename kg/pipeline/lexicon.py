"""Lexicon data: loading the files of ``kg/data/lexicons/``.

Every lexicon is a UTF-8 text file with ``#`` comments; its header says its
format and origin (see ``kg/data/lexicons/README.md``). Nothing here knows a name
from the sample pages: the lists are general vocabulary of Chinese union news.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from kg.data import lexicon_path, ontology_path

__all__ = ["lexicon_path", "words", "table", "group_concepts"]


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
    """A regex alternation of entries in which the longest wins at a position.

    Literal entries are shaped as a trie (:func:`trie_alternation`), which matches the
    same as the longest-first alternation, and much faster when there are hundreds;
    regex entries (``escape=False``) are listed longest first.

    >>> re.findall(alternation(["工会", "总工会"]), "区总工会和工会")
    ['总工会', '工会']
    >>> alternation(["a+", "b"], escape=False)
    '(?:a+|b)'
    """
    if escape:
        return trie_alternation(entries)
    items = sorted(set(entries), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(items) + ")"


def trie_alternation(entries) -> str:
    """A regex alternation of entries shaped as a trie, so that a match attempt at a
    position follows one branch per character instead of trying every entry
    (thousands of place names); the longest entry wins, as in :func:`alternation`.

    >>> re.findall(trie_alternation(["成都", "成都市", "大理"]), "成都市和大理")
    ['成都市', '大理']
    """
    root: dict = {}
    for entry in set(entries):
        node = root
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return "(?:" + build(root) + ")"


@lru_cache(maxsize=1)
def group_concepts() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The beneficiary-group concepts: (IRI, Chinese prefLabel, surface forms).

    Surface forms are the concept's ``skos:altLabel``s plus its prefLabel, read
    from the packaged ``ontology/groups.ttl``: the concept scheme is the group lexicon.
    """
    graph = Graph().parse(data=ontology_path("groups.ttl").read_text(encoding="utf-8"), format="turtle")
    out = []
    for concept in sorted(set(graph.subjects(SKOS.inScheme, None))):
        labels = [str(l) for l in graph.objects(concept, SKOS.prefLabel)
                  if isinstance(l, Literal) and l.language == "zh"]
        if not labels:
            continue
        forms = {str(l) for l in graph.objects(concept, SKOS.altLabel)} | {labels[0]}
        out.append((str(concept), labels[0], tuple(sorted(forms))))
    return tuple(out)


@lru_cache(maxsize=None)
def cues(name: str) -> tuple[str, ...]:
    """The words of one list of ``cues.tsv`` (the event extractors' function words and verbs)."""
    for row in table("cues.tsv"):
        if row[0] == name:
            return tuple(row[1].split())
    raise KeyError(f"cues.tsv has no list {name!r}")


def cue_pattern(name: str) -> str:
    """The words of a cue list as a regex alternation, longest first (a non-capturing group)."""
    return alternation(cues(name))
