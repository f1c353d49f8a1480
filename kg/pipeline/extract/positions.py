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
from bisect import bisect_right
from functools import lru_cache

from kg.pipeline.document import Document, Fact, Mention
from kg.pipeline.lexicon import words
from kg.pipeline.extract.text import CJK, sentence_at
from kg.pipeline.extract.names import title_pattern
from kg.pipeline.extract.persons import ORG_ENDS
from kg.pipeline.extract.orgs import parent_union

_PART_SEP = re.compile(r"[、,]")
_PHOTO_MARK = re.compile(r"\([左右中前后][一二三四五六七八九十\d]?\)$")


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return tuple(sorted(words("titles.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_set() -> tuple[frozenset[str], tuple[int, ...]]:
    return frozenset(_titles()), tuple(sorted({len(t) for t in _titles()}, reverse=True))


def _title_of(part: str) -> str | None:
    """The title a part ends with (the longest), or None."""
    titles, sizes = _title_set()
    return next((part[-n:] for n in sizes if n <= len(part) and part[-n:] in titles), None)


# heads of a government: their organisation is the government, never the party committee or
# congress named before them in the chain (the guideline: 副区长's organisation is implied)
_GOVERNMENT_HEAD = re.compile(r"(省|市|区|县|州|旗|盟|镇|乡)长$")
# what may stand before a title within one post (常委幅主席 is printed so; 挂职副主席)
_TITLE_MODIFIERS = frozenset("挂职 兼职 专职 驻会 常务 党组 执行 名誉 荣誉 一级 二级 三级 四级 代理".split())


@lru_cache(maxsize=4096)
def _misprinted(tail: str) -> bool:
    """Is ``tail`` a title of the lexicon with one character misprinted (党组幅书记, 幅主席)?

    >>> _misprinted("幅主席"), _misprinted("党组幅书记"), _misprinted("主持")
    (True, True, False)
    """
    if len(tail) < 3:
        return False
    return any(sum(a != b for a, b in zip(t, tail)) == 1 for t in _titles_ending(len(tail), tail[-1]))


@lru_cache(maxsize=None)
def _titles_ending(size: int, last: str) -> tuple[str, ...]:
    return tuple(t for t in _titles() if len(t) == size and t[-1] == last)


def title_in(tail: str) -> str | None:
    """The title a part's text after its organisation ends with, as printed.

    The whole tail when it is one post: a title of the lexicon, or one misprinted
    (kept as printed, the guideline), after a modifier or another title (常委幅主席);
    otherwise the longest title of the lexicon it ends with.

    >>> title_in("党组幅书记"), title_in("常委幅主席"), title_in("常务副主席"), title_in("近日副主席")
    ('党组幅书记', '常委幅主席', '常务副主席', '副主席')
    """
    titles, _ = _title_set()
    if tail in titles or _misprinted(tail):
        return tail
    for cut in range(1, len(tail) - 1):
        head, rest = tail[:cut], tail[cut:]
        if (head in _TITLE_MODIFIERS or head in titles) and (rest in titles or _misprinted(rest)):
            return tail if _misprinted(rest) else _title_of(tail)
    return _title_of(tail) or next((tail[i:] for i in range(len(tail) - 2) if _misprinted(tail[i:])), None)


def find_positions(doc: Document) -> tuple[Fact, ...]:
    """(person, title, organisation) facts from the title chains of an article.

    Each person's chain is the text between the sentence's (or the last
    person's) end and the name; :func:`_chain_titles` reads its titles and the
    organisations they belong to. A name listed right after a titled name
    (刘某、李某) shares its positions.
    """
    text = doc.norm
    persons = doc.mentions_of("person")
    facts: list[Fact] = []
    last_org_in_sentence: dict[tuple[int, int], Mention] = {}
    previous_person: Mention | None = None
    ends = sorted(p.end for p in persons)
    for person in persons:
        sentence = sentence_at(text, person.start)
        before = bisect_right(ends, person.start)  # the last name before this one ends the chain
        chain_start = max(sentence[0], ends[before - 1]) if before else sentence[0]
        chain = text[chain_start:person.start]
        if chain == "、" and previous_person is not None and previous_person.end == chain_start:
            for fact in [f for f in facts if f.person == previous_person]:
                facts.append(Fact("position", *sentence, person=person, org=fact.org, role=fact.role))
            previous_person = person
            continue
        found = _chain_titles(doc, chain, person.start, last_org_in_sentence.get(sentence))
        for title, org in found:
            facts.append(Fact("position", *sentence, person=person, org=org, role=title))
            last_org_in_sentence[sentence] = org
        if found:
            previous_person = person
        title_after = None if found else _title_at(text, person.end)
        if title_after is not None:  # 某区工会甲某主席, 乙某副主席: the post printed after the name
            org = doc.last_mention_within(sentence[0], person.start, "union", "org")
            if org is not None and org.end != person.start and text.endswith(ORG_ENDS, 0, person.start):
                org = None  # 开发区工会|甲某主席: an organisation named that we did not read
            if org is not None:
                role = doc.written(person.end, person.end + len(title_after))
                facts.append(Fact("position", *sentence, person=person, org=org, role=role))
                # 乙某、丙某副主席: the names listed before share the post
                listed = [p for p in persons if p.end <= person.start and p.start >= sentence[0]]
                while listed and text[listed[-1].end:person.start] == "、" and not any(
                        f.person == listed[-1] for f in facts):
                    person = listed.pop()
                    facts.append(Fact("position", *sentence, person=person, org=org, role=role))
        predicate = _PREDICATE.match(text, person.end)  # 甲是某社区工会主席。
        if predicate is not None:
            end = predicate.end(1)
            for title, org in _chain_titles(doc, text[predicate.end(0) - len(predicate.group(1)):end], end, None):
                facts.append(Fact("position", *sentence, person=person, org=org, role=title))
    return tuple(facts)


def _title_at(text: str, pos: int) -> str | None:
    """The title (the longest) printed at ``pos`` and closing its phrase there (主席,|主席一行)."""
    match = title_pattern().match(text, pos)  # the titles' trie: the longest at pos
    if match is None:
        return None
    title = match.group()
    after = text[pos + len(title):pos + len(title) + 2]
    return title if not after or not CJK.match(after) or after in _AFTER_A_POST else None


_AFTER_A_POST = frozenset(["一行", "带队", "率队", "带着", "等人", "出席", "参加", "表示", "指出", "介绍", "陪同"])


# a name followed by a copula and a title chain that closes its clause (甲是某社区工会主席，…)
_PREDICATE = re.compile(r"(?:是|系|现任|担任)([^,。;!?\n是]{2,40}?)(?=[,。;!?\n]|$)")


def _chain_parts(chain: str, end: int) -> list[tuple[int, str]]:
    """The pieces of a title chain ending at ``end`` (split at 、 and ,), with their offsets."""
    chain = _PHOTO_MARK.sub("", chain)
    chain = re.sub(r"^[\s,、;:)]+", "", chain)
    parts, pos = [], end - len(chain) if chain else end
    for piece in _PART_SEP.split(chain):
        parts.append((pos, piece))
        pos += len(piece) + 1
    return parts


def _chain_titles(doc: Document, chain: str, end: int, sentence_org: Mention | None) -> list[tuple[str, Mention]]:
    """(title as printed, organisation) of each title in a chain; a title whose
    organisation is only implied (副区长) or not one we read is left out."""
    text = doc.norm
    parts = _chain_parts(chain, end)
    current: Mention | None = None
    found: list[tuple[str, Mention]] = []
    for start, piece in parts:
        inside = list(doc.mentions_within(start, start + len(piece), "union", "org"))
        tail_start = inside[-1].end if inside else start
        title = title_in(text[tail_start:start + len(piece)])
        if title is None:
            current = None
            found = []
            continue
        title = doc.written(start + len(piece) - len(title), start + len(piece))  # as printed
        inside = [m for m in inside if m.end <= start + len(piece) - len(title)]
        unnamed = piece[:len(piece) - len(title)].strip()
        if inside:
            current = inside[-1]
        elif unnamed and unnamed not in _TITLE_MODIFIERS:
            current = None  # 分院系统工会主席: a body named, but not one we read
            continue
        elif current is None:
            if len(parts) == 1 and sentence_org is not None:
                current = sentence_org
            else:
                continue  # 副区长: the organisation is only implied
        if _GOVERNMENT_HEAD.search(title) and not current.name.endswith("政府"):
            continue  # 县委常委、副县长: the county's government, which the text does not name
        if title.startswith("党组"):
            current = _party_group_owner(current)
        found.append((title, current))
    return found


def _party_group_owner(org: Mention) -> Mention:
    """The organisation a 党组 title belongs to: a union's, not its secretariat's or its
    committee's (某总工会书记处书记、党组成员: 党组成员 of the union)."""
    name = org.name
    owner = parent_union(name)
    if owner is None and name.endswith("书记处") and name[:-3].endswith("工会"):
        owner = name[:-3]
    return org if owner is None else Mention("union", org.start, org.end, org.text, owner)
