"""Bylines: 本报讯（记者 甲 通讯员 乙） and photo credits (本报记者 丙 摄).

Bylines are read from the raw text, where the spaces between names survive
(the normalised view glues 记者周颖通讯员郑晓雯 together).
"""
from __future__ import annotations

import re

from ..document import Block, Document, Fact, Mention
from .persons import read_name

_ROLE = re.compile(r"(通\s*讯\s*员|记\s*者)")
_CREDIT_END = re.compile(r"(摄影报道|摄影|摄|报道|集体采写)")
_BYLINE_KINDS = ("lead", "byline", "body", "caption", "headline", "subtitle")


def _byline_region(doc: Document, block: Block) -> str | None:
    """The raw text of the byline part of a block, if it has one."""
    raw_start, raw_end = doc.raw_offsets(block.start, block.end)
    raw = doc.text[raw_start:raw_end]
    # the closing bracket may be lost in the layout: then the names parser stops at the text
    lead = re.match(r"^\s*本报讯\s*[（(]([^)）]{0,60}?)(?:[)）]|$)", raw) or \
        re.match(r"^\s*本报讯\s*[（(]([^)）]{0,30})", raw)
    if lead:
        return lead.group(1)
    credit = re.match(r"^\s*[□(（]?\s*本报记者([^。，,]{0,40})$", raw.strip())
    if credit:
        return "记者 " + credit.group(1).strip("()（）")
    return None


def _names(segment: str) -> list[str]:
    """Names in a run of space-separated words (林 涛 -> 林涛)."""
    pieces = [p for p in re.split(r"\s+", _CREDIT_END.sub(" ", segment)) if p]
    names, pending = [], ""
    for piece in pieces:
        candidate = pending + piece
        if len(candidate) == 1:
            pending = candidate
            continue
        pending = ""
        if 2 <= len(candidate) <= 4 and read_name(candidate + "。", 0) == candidate:
            names.append(candidate)
        elif len(candidate) > 4:
            name = read_name(candidate, 0)
            if name and re.match(r"^[\u4e00-\u9fff]+$", candidate):
                names.append(name)
            break
        else:
            break
    return names


def byline_names(doc: Document) -> list[tuple[str, str]]:
    """(person, role) pairs of the article's bylines, in order."""
    out = []
    for block in doc.blocks:
        if block.kind not in _BYLINE_KINDS:
            continue
        region = _byline_region(doc, block)
        if not region:
            continue
        parts = _ROLE.split(region)
        for role, segment in zip(parts[1::2], parts[2::2]):
            role = "通讯员" if "讯" in role else "记者"
            out.extend((name, role) for name in _names(segment))
    return out


def find_bylines(doc: Document) -> tuple[Fact, ...]:
    """Byline facts: (person, 记者|通讯员), evidence the byline's paragraph."""
    facts = []
    persons = {m.name: m for m in doc.mentions_of("person")}
    for block in doc.blocks:
        if block.kind not in _BYLINE_KINDS or not _byline_region(doc, block):
            continue
        for name, role in byline_names(Document(doc.doc_id, doc.source_file, doc.text, doc.norm,
                                                doc.norm_to_raw, blocks=(block,))):
            pos = doc.norm.find(name, block.start, block.end)
            person = persons.get(name) or Mention("person", pos, pos + len(name), name, name)
            if pos >= 0:
                person = Mention("person", pos, pos + len(name), name, name)
            facts.append(Fact("byline", block.start, block.end, person=person, role=role))
    return tuple(facts)
