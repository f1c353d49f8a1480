"""拨付: money an organisation allocates, invests or hands out.

An amount in yuan is an allocation when its clause has an allocating verb
(拨付, 下拨, 投入, 筹措, 设立, 发放, 送去, 给予, 申请 …) or names the money as
funds handed over (慰问金, 专项资金, 救助金 …). Money recovered (挽回), costs
(医疗费) and prizes (奖品金额) are not allocations; ranges (1000元到50000元不等)
are skipped. The agent is the organisation the sentence is about; for
``向X申请`` it is X.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from kg.pipeline.document import Document, Fact
from kg.pipeline.extract.agents import agents_before, block_kind
from kg.pipeline.extract.amounts import find_amounts
from kg.pipeline.extract.text import clause_at, sentences
from kg.pipeline.lexicon import cue_pattern

_VERB = re.compile(cue_pattern("allocation_verbs"))
# what the money is, named right after it (…万元慰问金, …万元的慰问物资)
_FUNDS = re.compile(r"^(的)?[^,。;]{0,4}" + cue_pattern("fund_nouns"))
_NOT_ALLOCATION = re.compile(cue_pattern("not_allocation_words"))  # a rate is no sum handed out
_NOT_ALLOCATION_AFTER = re.compile(r"^[^,。;]{0,4}(的)?" + cue_pattern("not_allocation_after"))
_RANGE = re.compile(r"^(到|至|-|~|—)")
_HEADLINE_KINDS = ("headline", "kicker", "subtitle", "banner", "column")
_REQUEST = re.compile(r"向([^,。]{2,20}?)申请")
_FOR = re.compile(r"(向|为|给|对)")
# a clause that starts another act ends what the money is for (…发放慰问金15.6万元，并为女职工送去物资)
_NEXT_ACT = re.compile(r"[,;](并|同时|还|另外|此外|另)")


def _recipients(doc: Document, clause_start: int, act: int, sentence_end: int) -> tuple:
    """The groups the money is for: governed before the amount in its clause
    (向全县环卫工人发放…), or named after it until another act begins."""
    stop = _NEXT_ACT.search(doc.norm, act, sentence_end)
    end = stop.start() if stop else sentence_end
    governor = None
    for governor in _FOR.finditer(doc.norm, clause_start, act):
        pass
    start = governor.end() if governor else act
    return doc.mentions_within(start, end, "group")


_PER_HEAD = re.compile(r"每(人|户|名|位|个)[^,。;]{0,6}$")
_FOR_BEFORE = re.compile(r"(向|为|给|对)$")
_EACH = re.compile(r"分别")  # 甲和乙分别送给…3万元: each gives the amount


def _positions_by_person(doc: Document) -> dict[str, list[tuple[int, Fact]]]:
    """The article's positions by person name, with their order in the text (kept on the document)."""
    found = doc.__dict__.get("_positions_by_person")
    if found is None:
        found = doc.__dict__["_positions_by_person"] = {}
        for index, fact in enumerate(doc.facts_of("position")):
            found.setdefault(fact.person.name, []).append((index, fact))
    return found


def _employers(doc: Document, persons: list) -> list:
    """The organisations the acting officials hold posts in, unions first
    (张某代表慰问团…捐赠: 张某 is 全总's, and so is the money)."""
    names = {p.name for p in persons}
    by_person = _positions_by_person(doc)
    held = [_union_of(f.org) for _, f in sorted(p for name in names for p in by_person.get(name, ())) if f.org]
    unions = [o for o in held if o.kind == "union"]
    return (unions or held)[:1]


def _union_of(org):
    """A body inside a union (中华全国总工会书记处) stands for its union in money matters."""
    name = org.name
    if org.kind == "union" or "工会" not in name[:-2]:
        return org
    return dataclasses.replace(org, kind="union", name=name[:name.index("工会") + 2])


def find_allocations(doc: Document) -> tuple[Fact, ...]:
    """Allocation facts with amount, approximate flag and agent."""
    facts = []
    text = doc.norm
    for s_start, s_end in sentences(text):
        if block_kind(doc, s_start) in _HEADLINE_KINDS:
            continue  # a headline restates the body's figure: counting both doubles sums
        sentence = text[s_start:s_end]
        amounts = find_amounts(sentence)
        for index, amount in enumerate(amounts):
            clause = clause_at(sentence, amount.start)
            head = sentence[clause[0]:amount.start]
            tail = sentence[amount.end:clause[1]]
            if _RANGE.match(tail) or (index and _RANGE.match(sentence[amounts[index - 1].end:amount.start])):
                continue
            if _NOT_ALLOCATION.search(head[-8:]) or _NOT_ALLOCATION_AFTER.match(tail) or amount.value <= 0:
                continue
            if not (_VERB.search(head) or _FUNDS.match(tail) or _VERB.search(tail[:6])):
                continue
            # 共筹集860万元…每人资助4000元: a per-head part of a total beside it is no sum of its own
            if _PER_HEAD.search(head) and any(f.start == s_start and is_total(doc, f) for f in facts):
                continue
            act = s_start + amount.start
            request = _REQUEST.search(head)
            if request:
                holders = doc.mentions_starting(s_start + clause[0] + request.start(1), act, "union", "org")
                agents = tuple(holders[:1])
            else:
                agents = agents_before(doc, (s_start, s_end), act)
                # the money is a union's where a union acts; officials hand over their union's money
                # 为某县总工会送来慰问金: the union the money goes to gives none of it
                unions_in_sentence = [m for m in doc.mentions_within(s_start, act, "union")
                                      if not _FOR_BEFORE.search(text, max(s_start, m.start - 2), m.start)]
                acting_unions = [a for a in agents if a.kind == "union"]
                officials = [a for a in agents if a.kind == "person"]
                held = _employers(doc, officials)
                # the first of unions acting together is the one whose section it is (甲、乙筹措…)
                orgs = (acting_unions[:1] if not _EACH.search(head) else acting_unions) \
                    or [o for o in held if o.kind == "union"] or unions_in_sentence[:1] \
                    or [a for a in agents_before(doc, (s_start, s_start), s_start) if a.kind == "union"] \
                    or held or [a for a in reversed(agents) if a.kind == "org"]
                agents = tuple(orgs)
            if not agents:
                continue
            if not _EACH.search(head):
                agents = agents[:1]
            recipients = _recipients(doc, s_start + clause[0], act, s_end)
            facts.append(Fact("allocation", s_start, s_end, agents=agents, recipients=recipients,
                              amount=amount.value,
                              amount_text=amount.text, approximate=amount.approximate))
    return link_itemised_totals(doc, facts)


APPROXIMATE_SHARE = Decimal("0.1")
_TOTAL = re.compile(cue_pattern("total_words") + r"[^,。;]{0,8}$")


def is_total(doc: Document, fact: Fact) -> bool:
    """Does the text call the fact's amount a total (共, 累计, 先后 …)?"""
    sentence = doc.norm[fact.start:fact.end]
    return bool(_TOTAL.search(sentence[:sentence.find(fact.amount_text)]))


def link_itemised_totals(doc: Document, facts: list[Fact]) -> tuple[Fact, ...]:
    """Mark allocations that itemise a total reported just before them.

    某县总工会先后投入72.03万元… 投入32.2万元… 投入22.8万元…: when the amounts
    that follow a total, from the same agent, add up to it (exactly, or within
    a tenth for an approximate total), they are its parts (``part_of``), so a
    sum over allocations counts the money once. A total says so (先后, 共, 累计 …).
    """
    out = list(facts)
    for i, total in enumerate(out):
        if total.part_of is not None or not is_total(doc, total):
            continue
        running = Decimal(0)
        for j in range(i + 1, len(out)):
            part = out[j]
            if part.agents[0].name != total.agents[0].name or part.part_of is not None:
                break
            running += part.amount
            close = (running == total.amount if not total.approximate
                     else abs(running - total.amount) <= total.amount * APPROXIMATE_SHARE)
            if close and j > i + 1:
                for k in range(i + 1, j + 1):
                    out[k] = dataclasses.replace(out[k], part_of=total)
                break
            if running > total.amount:
                break
    return tuple(out)
