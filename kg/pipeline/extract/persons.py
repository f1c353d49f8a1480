"""Persons: names after a title or an honour, names listed before 等, and the names of credits.

Where a name starts and ends is :mod:`kg.pipeline.extract.names`'s business. A name is only looked for right
after a title (``titles.txt``), an honour (``person_introducers.txt``), as
the next item of a list of names (刘某、李某), or as an item of a list closed
by 等 whose every item reads as a name (看望了甲某、乙某某等困难职工), or
before a photo's position mark, opening a caption (甲某(右)慰问劳模), or before a
post, opening a clause or after an organisation (某区工会甲某主席, 乙某、丙某副主席); every
later occurrence of a name found that way is a mention too (牛某某在看望…).
"""
from __future__ import annotations

import re

from kg.pipeline.document import Document, Mention
from kg.pipeline.extract.bylines import credits
from kg.pipeline.extract.names import is_common_word, lexicons, read_name, title_pattern
from kg.pipeline.extract.text import occurrences


_LIST_JOINER = re.compile(r"、|,?以及|和|及")
# 甲某、乙某某等: the last item of a list joined by 、 and closed by 等 (read back from there)
_LAST_BEFORE_DENG = re.compile(r"(?<=、)[\u4e00-\u9fff]{2,4}(?=等)")
_CJK_RUN_END = re.compile(r"[\u4e00-\u9fff]+$")
_PHOTO_MARK = re.compile(r"\([左右中前后][一二三四五六七八九十\d]?\)")
_CAPTION_OPENERS = "\n ,、。:;!?"
_NAME_OPENERS = _CAPTION_OPENERS + "()"
# what an organisation's name ends with, read or not (positions asks too)
ORG_ENDS = ("工会", "公司", "集团", "委员会", "中心")
_DEPUTY_CHIEF = re.compile(r"副总(?![经干监裁编])")


def find_persons(doc: Document) -> tuple[Mention, ...]:
    """Person mentions of an article.

    doc (Document): the article.
    RETURNS (tuple[Mention, ...]): kind "person", in text order.
    """
    text = doc.norm
    _, _, intro = lexicons()
    names: set[str] = set()
    title_words = title_pattern()
    title_starts, title_spans = [], []
    for match in intro.finditer(text):
        if title_words.fullmatch(match.group()):
            title_starts.append(match.start())
            title_spans.append(match.span())
        pos = match.end()
        while True:
            name = read_name(text, pos, doc.tokens)
            if name is None:
                break
            names.add(name)
            pos += len(name)
            pos = pos + 4 if _PHOTO_MARK.match(text, pos) else pos
            joiner = _LIST_JOINER.match(text, pos)  # 副主席甲、乙, 以及丙: a list of names
            if joiner is None:
                break
            pos = joiner.end()
    names |= _listed_names(doc)
    # 甲(右)慰问劳模: a caption's name, marked by where the person stands in the photo
    names |= _captioned_names(text)
    names |= _names_before_titles(doc, title_starts)
    names = {n for n in names if not is_common_word(n)}
    names |= {text[c.start:c.end] for c in credits(doc)}
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for start, end in occurrences(text, name):
            if any(m.start <= start < m.end for m in mentions):
                continue
            mentions.append(Mention("person", start, end, name, doc.written(start, end)))
    mentions += _surname_and_title(doc, names, mentions, title_spans)
    return tuple(sorted(mentions, key=lambda m: m.start))


def _surname_and_title(doc: Document, names: set[str], mentions: list[Mention],
                       title_spans: list[tuple[int, int]]) -> list[Mention]:
    """许副总, 张书记: a family name and a title stand for the one person of the article
    with that family name (none, or two, and the words name nobody)."""
    text = doc.norm
    surnames, _, _ = lexicons()
    by_surname: dict[str, set[str]] = {}
    for name in names:
        surname = name[:2] if name[:2] in surnames else name[:1]
        by_surname.setdefault(surname, set()).add(name)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    # 副总 is said after a family name only (许副总); as a title it is 副总经理 …
    spans = title_spans + [m.span() for m in _DEPUTY_CHIEF.finditer(text)]
    for start, end in spans:
        surname = text[start - 1:start]
        people = by_surname.get(surname, ())
        if start < 1 or len(people) != 1 or any(s <= start - 1 < e for s, e in taken):
            continue
        if doc.tokens.at(start - 1).start != start - 1:
            continue  # 某某王|主席: the family name must open a word of its own
        (name,) = people
        out.append(Mention("person", start - 1, end, text[start - 1:end], name))
    return out


def _listed_names(doc: Document) -> set[str]:
    """The names of lists closed by 等 in which every item after the first is a name.

    The first item runs on from the words before it (来到|甲某某、); it is
    the word jieba cut before the 、 when that reads as a name, else the
    last three or two characters that do.
    """
    text = doc.norm
    found: set[str] = set()
    for last in _LAST_BEFORE_DENG.finditer(text):
        rest, first_end = [last.group()], last.start() - 1  # first_end: the 、 after the first item
        while True:
            run = _CJK_RUN_END.search(text, max(0, first_end - 40), first_end)
            if run is None or not (2 <= len(run.group()) <= 4 and text[run.start() - 1:run.start()] == "、"):
                break
            rest.insert(0, run.group())
            first_end = run.start() - 1
        run = _CJK_RUN_END.search(text, max(0, first_end - 40), first_end)
        if run is None or not all(_is_whole_name(item) for item in rest):
            continue
        first = run.group()
        if text[run.start() - 1:run.start()] in ("·", "?"):
            found.update(rest)  # 某某·甲某、: the first item is the tail of a longer name
            continue
        token = doc.tokens.at(first_end - 1)
        candidates = [token.text] if token is not None and token.end == first_end else []
        candidates += [first[-3:], first[-2:]]
        head = next((c for c in candidates if len(c) >= 2 and first.endswith(c) and _is_whole_name(c)), None)
        if head is not None:
            found.add(head)
            found.update(rest)
    return found


def _is_whole_name(item: str) -> bool:
    """Is the whole of ``item`` a name (a family name and one or two given characters)?"""
    return read_name(item, 0) == item and not is_common_word(item)


def _captioned_names(text: str) -> set[str]:
    """Names standing alone before a photo's position mark (甲某(右)慰问劳模, 、乙某(左))."""
    found = set()
    for mark in _PHOTO_MARK.finditer(text):
        run = _CJK_RUN_END.search(text, max(0, mark.start() - 5), mark.start())
        if run is None or not 2 <= len(run.group()) <= 4:
            continue
        if (run.start() == 0 or text[run.start() - 1] in _CAPTION_OPENERS) and _is_whole_name(run.group()):
            found.add(run.group())
    return found


def _names_before_titles(doc: Document, title_starts: list[int]) -> set[str]:
    """Names printed before their post (某区工会张某主席，乙某、丙某副主席): the name opens
    its clause or follows an organisation's name, and so does each name listed before it.
    ``title_starts``: where the article's titles start."""
    text = doc.norm
    org_ends = {m.end for m in doc.mentions if m.kind in ("union", "org")}
    found: set[str] = set()
    for end in title_starts:
        while True:
            name = next((text[end - n:end] for n in (3, 2, 4) if end - n >= 0 and _opens_name(text, end - n, org_ends)
                         and _is_whole_name(text[end - n:end])), None)
            if name is None:
                break
            found.add(name)
            if text[end - len(name) - 1:end - len(name)] != "、":
                break
            end -= len(name) + 1  # 乙某、丙某副主席: the list goes on leftwards
    return found


def _opens_name(text: str, start: int, org_ends: set[int]) -> bool:
    # after an organisation's name, read or not (开发区工会|甲某主席: 开发区 names no place we know)
    return start == 0 or text[start - 1] in _NAME_OPENERS or start in org_ends \
        or text.endswith(ORG_ENDS, 0, start)
