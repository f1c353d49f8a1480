"""Positions from title chains.

``大兴区人大常委会党组成员、副主任，区总工会主席郭某`` is read leftwards from the
name, part by part (parts are separated by 、 and ，), until the sentence starts
or another person's name ends the chain. Each part is ``[organisation] title``;
a part without an organisation inherits the one before it
(党组书记、常务副主席 share their union). A chain that is only a title
(副主席刘某) takes the organisation of the previous person in the sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Fact, Mention
from ..lexicon import words
from .text import sentence_at

_PART_SEP = re.compile(r"[、,]")
_PHOTO_MARK = re.compile(r"\([左右中前后][一二三四五六七八九十\d]?\)$")


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted(words("titles.txt"), key=len, reverse=True))


def _title_of(part: str) -> str | None:
    """The title a part ends with (the longest), or None."""
    return next((t for t in _titles() if part.endswith(t)), None)


def find_positions(doc: Document) -> tuple[Fact, ...]:
    """(person, title, organisation) facts from the title chains of an article."""
    text = doc.norm
    orgs = doc.mentions_of("union", "org")
    persons = doc.mentions_of("person")
    facts: list[Fact] = []
    last_org_in_sentence: dict[tuple[int, int], Mention] = {}
    previous_person: Mention | None = None
    for person in persons:
        sentence = sentence_at(text, person.start)
        chain_start = sentence[0]
        for other in persons:
            if other.end <= person.start and other.end > chain_start:
                chain_start = other.end
        chain = text[chain_start:person.start]
        # 刘某、李某: a name listed after a titled name shares its last position
        if chain == "、" and previous_person is not None:
            for fact in [f for f in facts if f.person == previous_person]:
                facts.append(Fact("position", *sentence, person=person, org=fact.org, role=fact.role))
            previous_person = person
            continue
        chain = _PHOTO_MARK.sub("", chain)
        chain = re.sub(r"^[\s,、;:)]+", "", chain)
        offset = person.start - len(chain) if chain else person.start
        parts = []
        pos = offset
        for piece in _PART_SEP.split(chain):
            parts.append((pos, piece))
            pos += len(piece) + 1
        current: Mention | None = None
        found = []
        for index, (start, piece) in enumerate(parts):
            title = _title_of(piece)
            if title is None:
                current = None
                found = []
                continue
            inside = [m for m in orgs if m.start >= start and m.end <= start + len(piece) - len(title)]
            if inside:
                current = inside[-1]
            elif current is None:
                if len(parts) == 1 and sentence in last_org_in_sentence:
                    current = last_org_in_sentence[sentence]
                else:
                    continue  # 副区长: the organisation is only implied
            found.append((title, current))
        for title, org in found:
            facts.append(Fact("position", *sentence, person=person, org=org, role=title))
            last_org_in_sentence[sentence] = org
        if found:
            previous_person = person
    return tuple(facts)
