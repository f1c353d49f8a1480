"""Bylines and credits: who reported, who took the photo.

The forms of Chinese papers and sites, each a *credit region* of a paragraph:

* a lead's bracket: ``本报讯(记者 甲 通讯员 乙)``, ``某某日报讯(记者甲)``,
  ``(通讯员:乙)`` opening a paragraph, with or without spaces;
* a lead without brackets: ``本报讯 记者 甲 通讯员 乙报道``, ``本报讯 甲报道``, ``记者甲报道``;
* the paper's name bracketed before the credit: ``(某某日报)(记者甲 通讯员乙)``;
* a credit line: ``□本报记者 甲``, ``记者 甲 乙``, ``(记者 甲)``, ``文/图 甲``;
* a photo credit closing a line: ``本报记者 甲 摄``, ``甲/摄``, ``通讯员乙摄``;
* a closing credit: ``(甲 乙)`` as a paragraph of its own, or after the last
  sentence of one (``…送上慰问金。(甲 乙)``).

Names in a region take the role word before them (记者, 通讯员; 摄 alone
means 记者, as the guideline says); a name with no role word (a closing
credit, 甲报道) or an intern's (实习生) is a person of the article but no
byline. Editors (责任编辑) are neither. Regions are read from the raw text,
where spaces still separate the names (记者周颖 通讯员郑晓雯), in simplified
script; names keep the script they were printed in.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kg.pipeline.document import Block, Document, Fact, Mention
from kg.pipeline.normalise import fold_text, to_simplified
from kg.pipeline.extract.names import lexicons

_S = r"\s*"
_ROLE = re.compile(r"(?:(?:本报|特约|见习|首席|摄影|全媒体|融媒体|新媒体|驻站|[\u4e00-\u9fff·]{{2,12}}(?:日报|晚报|工人报|时报|新闻网|电视台|客户端))?记{s}者|通{s}讯{s}员|实{s}习{s}生|摄{s}影|文{s}/{s}图|图{s}/{s}文|"
                   r"(?<![\u4e00-\u9fff])文(?={s}/)|(?<![\u4e00-\u9fff])图(?={s}/))".format(s=_S))
_CREDIT_END = re.compile(r"(?:摄影报道|摄影|摄|报道|集体采写)\s*$")
# the paper or site whose news this is (本报讯, 工人日报讯, 中工网讯, 浙江在线讯)
_NEWS_OF = r"(?:[\u4e00-\u9fff0-9]{0,16}(?:讯|电|报道)[:：]?|【[^】]{0,16}讯】)"
# the closing bracket may be lost in the layout: the names parser then stops at the text
# the paper's name may stand in a bracket of its own before the credit: (某某日报)(记者 甲)
_SOURCE = r"(?:[(\[【][\u4e00-\u9fff]{2,12}[)\]】]\s*)"
_LEAD_BRACKET = re.compile(r"^[\s□■]*(?:%s\s*|%s)?[(\[【]\s*((?:%s)[^)\]】]{0,60}?)[)\]】]" % (_NEWS_OF, _SOURCE, _ROLE.pattern))
_LEAD_OPEN = re.compile(r"^[\s□■]*%s\s*[(\[【]\s*((?:%s)[^)\]】]{0,30})" % (_NEWS_OF, _ROLE.pattern))
_LEAD_BARE = re.compile(r"^[\s□■]*%s\s*((?:%s)?[^,，。:：;；()]{2,40}?)(?:摄影报道|报道)" % (_NEWS_OF, _ROLE.pattern))
_LEAD_ROLE_BARE = re.compile(r"^[\s□■]*((?:%s)[^,，。:：;；()]{2,40}?)(?:摄影报道|报道)" % _ROLE.pattern)  # 记者甲报道
_LEAD_NEWS_BRACKET = re.compile(r"^[\s□■]*%s\s*[(\[]([^)\]]{2,40})[)\]]" % _NEWS_OF)
_CREDIT_LINE = re.compile(r"^[\s□■(\[【]*((?:%s)[^。,，;；]{0,40}?)[)\]】]?\s*$" % _ROLE.pattern)
_PHOTO = re.compile(r"(?:^|[\s。!！?？;；,，(（])((?:(?:本报|特约)?记者|通讯员)?[\s\u4e00-\u9fff/·]{2,30}?)\s*/?\s*摄(?:影)?(?:报道)?\s*[)）]?\s*$")
_NAMES_THEN_ROLE = re.compile(r"^[\s□■(（]*((?:[\u4e00-\u9fff·]{1,4}\s+){1,4})(?:文\s*/\s*图|图\s*/\s*文|文图)\s*[)）]?\s*$")
_CREDIT_TAIL = re.compile(r"(?:^|[\s(（:：])((?:%s)\s*[/:：]?\s*[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,4})\s*[)）]?\s*$" % _ROLE.pattern)
_BRACKET_AT_END = re.compile(r"[(（\[]\s*((?:%s)[^()（）\[\]]{1,30}?)\s*[)）\]]\s*$" % _ROLE.pattern)
_CLOSING_AFTER_TEXT = re.compile(r"[。!?]\s*[(（]([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})[)）][\s|]*$")
_CLOSING = re.compile(r"^\s*[(（]([\u4e00-\u9fff·]{2,4}(?:[\s、,，]+[\u4e00-\u9fff·]{2,4}){0,3})[)）]\s*$")
# what a paragraph holding a credit has (in the normalised view): a role word anywhere,
# a dateline's 讯/电/报道 near its start, or a bracket opening or closing it
_ROLE_WORD = re.compile(r"记者|通讯员|实习生|摄|[文图]/")
_DATELINE = re.compile(r"(讯|电|报道)[\s:：]*\(|讯[^,。]{0,14}报道")
_NAMES_IN_BRACKETS = re.compile(r"\((?![左右中前后][一二三四五六七八九十\d]?\))[\u4e00-\u9fff·\s、]{2,24}\)[\s|]*$")


def _may_credit(line: str) -> bool:
    return bool(_ROLE_WORD.search(line) or _DATELINE.search(line, 0, 40)
                or _NAMES_IN_BRACKETS.search(line))
_SPACES = re.compile(r"\s+")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff·]+")
_TOKEN = re.compile(r"[^\s、,，/:：|]+")
_SEPARATOR = re.compile(r"[\s、,，/:：|·]+")
_NOT_A_NAME = frozenset("本报 报道 摄影 记者 通讯员 实习生 文图 图文 编辑 责编 来源 作者 集体采写".split())
BYLINE_ROLES = {"记者": "记者", "通讯员": "通讯员"}


@dataclass(frozen=True)
class Credit:
    """A person credited in a byline region.

    name (str): the name as printed (layout spaces removed).
    role (str | None): "记者", "通讯员", "实习生", or None when the credit names no role.
    start, end (int): offsets of the name in ``Document.norm``.
    block (Block): the paragraph it stands in.
    """

    name: str
    role: str | None
    start: int
    end: int
    block: Block


def _regions(line: str) -> list[tuple[int, int, str | None]]:
    """``(start, end, default role)`` of the credit regions of a simplified raw line."""
    for pattern in (_LEAD_BRACKET, _LEAD_OPEN, _LEAD_BARE, _LEAD_ROLE_BARE, _CREDIT_LINE):
        match = pattern.match(line)
        if match:
            return [(match.start(1), match.end(1), None)]
    match = _LEAD_NEWS_BRACKET.match(line)  # 本报讯(甲 乙): the names, their roles unsaid
    if match:
        return [(match.start(1), match.end(1), None)]
    match = _NAMES_THEN_ROLE.match(line)  # □甲 乙 文/图
    if match:
        return [(match.start(1), match.end(1), "记者")]
    match = _CREDIT_TAIL.search(line) if len(line.strip()) <= 40 else None  # 来源:某中心 记者 / 甲
    if match:
        return [(match.start(1), match.end(1), None)]
    closed = line.rstrip().endswith((")", "）", "]"))
    match = _BRACKET_AT_END.search(line) if closed else None  # …慰问。(记者 甲)
    if match:
        return [(match.start(1), match.end(1), None)]
    match = _PHOTO.search(line) if "摄" in line else None
    if match and len(_SEPARATOR.sub("", match.group(1))) <= 14:
        return [(match.start(1), match.end(1), "记者")]
    match = _CLOSING.match(line)  # (甲 乙) closing the article, or chrome after it
    if match:
        return [(match.start(1), match.end(1), None)]
    match = _CLOSING_AFTER_TEXT.search(line)  # …送上救助款。(甲 乙): the writers, after the last sentence
    if match:
        return [(match.start(1), match.end(1), None)]
    return []


def _role_of(word: str) -> str:
    word = _SPACES.sub("", word)
    if word.endswith("记者"):
        return "记者"
    if word == "通讯员":
        return "通讯员"
    if word == "实习生":
        return "实习生"
    return "记者" if "图" in word or word == "摄影" else "文"


@lru_cache(maxsize=4096)
def is_credit_name(token: str) -> bool:
    """Can a token of a credit region be a person's name (2-4 characters, a surname first)?

    >>> is_credit_name("林晓蕾"), is_credit_name("报道"), is_credit_name("新区总部")
    (True, False, False)
    """
    surnames = lexicons()[0]
    if not 2 <= len(token) <= 4 or token in _NOT_A_NAME or not _CJK_NAME.fullmatch(token):
        return False
    if len(token) == 4 and token[:2] not in surnames:
        return False
    return to_simplified(token[0]) in surnames or to_simplified(token[:2]) in surnames


def _names_in(region: str, offset: int, default: str | None) -> list[tuple[int, int, str | None]]:
    """``(start, end, role)`` of the names of a region; offsets relative to the line."""
    out = []
    role = default
    pos = 0
    pieces = []
    for match in _ROLE.finditer(region):
        pieces.append((pos, match.start(), role))
        role = _role_of(match.group(0))
        if role == "文":
            role = default
        pos = match.end()
    pieces.append((pos, len(region), role))
    for start, end, piece_role in pieces:
        chunk = region[start:end]
        chunk = _CREDIT_END.sub(lambda m: " " * len(m.group(0)), chunk)
        pending = None  # a name the layout spaced out character by character (房 伟)
        for token in _TOKEN.finditer(chunk):
            at, text = token.start(), _CREDIT_END.sub("", token.group())  # 张三摄: no space before 摄
            if not text:
                continue
            end = at + len(text)
            if len(text) == 1:
                if pending is None or at - pending[1] > 3:
                    pending = (at, end)
                    continue
                at, text = pending[0], _SPACES.sub("", chunk[pending[0]:end])
                if len(text) < 3 and not is_credit_name(text):
                    pending = (at, end)
                    continue
            pending = None
            if is_credit_name(_SPACES.sub("", text)):
                out.append((offset + start + at, offset + start + end, piece_role))
            elif len(text) > 4:
                break  # running text: the credit is over
        if pending is not None:
            text = _SPACES.sub("", chunk[pending[0]:pending[1]])
            if is_credit_name(text):
                out.append((offset + start + pending[0], offset + start + pending[1], piece_role))
    return out


def credits(doc: Document) -> tuple[Credit, ...]:
    """Every credited person of the article, in text order."""
    return _credits(doc.text, doc.norm, doc.norm_to_raw, doc.blocks)


@lru_cache(maxsize=8)  # persons and bylines both ask, for the same article
def _credits(text: str, norm: str, norm_to_raw: tuple[int, ...], blocks: tuple[Block, ...]) -> tuple[Credit, ...]:
    doc = Document("", "", text, norm, norm_to_raw, blocks=blocks)
    out: list[Credit] = []
    for block in doc.blocks:  # a spaced-out credit line (记 者 甲) may look like a navigation label
        if not _may_credit(doc.norm[block.start:block.end]):
            continue  # most paragraphs credit nobody: the raw text is read only where one may
        raw_start, raw_end = doc.raw_offsets(block.start, block.end)
        raw = doc.text[raw_start:raw_end]
        line = to_simplified(fold_text(raw))
        for start, end, default in _regions(line):
            for s, e, role in _names_in(line[start:end], start, default):
                name = _SPACES.sub("", raw[s:e])
                norm_start = _to_norm(doc, block, raw_start + s)
                if norm_start is None:
                    continue
                out.append(Credit(name, role, norm_start, norm_start + len(name), block))
    return tuple(out)


def _to_norm(doc: Document, block: Block, raw_offset: int) -> int | None:
    """The offset in ``norm`` of a raw offset inside ``block`` (None if it maps to nothing)."""
    offsets = doc.norm_to_raw[block.start:block.end]
    at = bisect_left(offsets, raw_offset)
    if at < len(offsets) and offsets[at] == raw_offset:
        return block.start + at
    return None


def find_bylines(doc: Document) -> tuple[Fact, ...]:
    """Byline facts: (person, 记者|通讯员), evidence the credit's paragraph.

    One fact per (person, role) per article, however many credits repeat it.
    """
    facts, seen = [], set()
    for credit in credits(doc):
        role = BYLINE_ROLES.get(credit.role or "")
        if role is None or (credit.name, role) in seen:
            continue
        seen.add((credit.name, role))
        person = Mention("person", credit.start, credit.end, doc.norm[credit.start:credit.end],
                         doc.written(credit.start, credit.end))
        facts.append(Fact("byline", credit.block.start, credit.block.end, person=person, role=role))
    return tuple(facts)
