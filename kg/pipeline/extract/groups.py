"""Beneficiary groups: surface forms of the concept scheme, found in the text.

The surface forms are the ``skos:altLabel``s of ``ontology/groups.ttl``.
Overlapping and adjacent forms make one mention that names every concept in
it (抗疫一线女职工 -> 防疫一线人员 + 女职工), as the guideline asks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.pipeline.document import Document, Mention
from kg.pipeline.lexicon import alternation, group_concepts


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    concepts_of: dict[str, set[str]] = {}
    for _, label, forms in group_concepts():
        for form in forms:
            concepts_of.setdefault(form, set()).add(label)
    return re.compile(alternation(concepts_of)), {f: tuple(sorted(c)) for f, c in concepts_of.items()}


def find_groups(doc: Document) -> tuple[Mention, ...]:
    """Group mentions; ``concepts`` holds the concept labels, ``name`` the first."""
    pattern, concepts_of = _forms()
    hits = []
    # the longest form at every start, overlapping ones too (the search skips
    # ahead in C to the next character that starts a form)
    pos = 0
    while (match := pattern.search(doc.norm, pos)) is not None:
        hits.append((match.start(), match.end(), match.group()))
        pos = match.start() + 1
    # keep, at each start, the longest form; drop forms inside a longer one's span
    # only when they add no concept; merge touching or overlapping hits
    merged: list[list] = []
    for start, end, form in sorted(hits, key=lambda h: (h[0], -h[1])):
        concepts = set(concepts_of[form])
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] |= concepts
        else:
            merged.append([start, end, concepts])
    out = []
    for start, end, concepts in merged:
        ordered = tuple(sorted(concepts))
        out.append(Mention("group", start, end, doc.norm[start:end], ordered[0], ordered))
    return tuple(out)
