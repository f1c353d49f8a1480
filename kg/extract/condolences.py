"""慰问: who visits, consoles or delivers care to whom.

An act is 慰问/看望/走访 or handing something over (送去, 送上, 送给, 送达,
戴上, 致以…问候, 开展…慰问活动). Its recipients are the groups, persons and
organisations it is directed at: the object after the act, or the phrase
governed by 对/为/向/给/面向/来到 before it. An epidemic word qualifying the
recipients (抗疫, 防疫, 疫情, 防控, 隔离, 流调) adds 防疫一线人员.
"""
from __future__ import annotations

import re

from ..document import Document, Fact, Mention
from .agents import agents_before
from .text import clauses, sentences

_ACT = re.compile(
    r"走访慰问|慰问(?!金|品|信|团|方案|物资|资金|演出)|看望|送去|送上|送给|送达|送至|送到|戴上|"
    r"致以[^,。;]{0,12}(问候|祝福|敬意)|提供")
_GOVERNOR = re.compile(r"(对|为|向|给|面向|来到|到|前往|赴|覆盖)")
_EPIDEMIC = re.compile(r"抗疫|防疫|疫情|防控|隔离|流调")
FRONTLINE = "防疫一线人员"
# an organisation is a recipient only as the direct object of the act (来到X, 送达X、Y,
# 对该区X, 为X送去), not as a possessor (把区委…的关爱送给) or a co-actor (会同X)
_ORG_OBJECT = re.compile(r"(来到|到|前往|赴|送达|送至|对|为|慰问|看望|走访|、|和|及)(该|本)?$")


def _recipient_zone(doc: Document, sentence: tuple[int, int], act: re.Match) -> tuple[int, int]:
    """The span where an act's recipients stand (see module doc)."""
    text = doc.norm
    clause_end = next((e for s, e in clauses(text[sentence[0]:sentence[1]])
                       if s + sentence[0] <= act.start() < e + sentence[0]), sentence[1] - sentence[0])
    end = sentence[0] + clause_end
    zone_start = act.start()
    head = text[sentence[0]:act.start()]
    governor = None
    for match in _GOVERNOR.finditer(head):
        governor = match
    if governor is not None:
        zone_start = sentence[0] + governor.end()
    return zone_start, end


def _with_frontline(doc: Document, group: Mention, zone_start: int) -> Mention:
    qualifier = doc.norm[zone_start:group.end]
    if FRONTLINE in group.concepts or not _EPIDEMIC.search(qualifier):
        return group
    concepts = tuple(sorted(set(group.concepts) | {FRONTLINE}))
    return Mention(group.kind, group.start, group.end, group.text, group.name, concepts)


def find_condolences(doc: Document) -> tuple[Fact, ...]:
    """Condolence facts, one per act with both agents and recipients."""
    facts = []
    for s_start, s_end in sentences(doc.norm):
        sentence_text = doc.norm[s_start:s_end]
        for act in _ACT.finditer(sentence_text):
            absolute = re.Match
            act_start = s_start + act.start()
            zone = _recipient_zone(doc, (s_start, s_end), _Shift(act, s_start))
            agents = agents_before(doc, (s_start, s_end), min(act_start, zone[0]))
            agent_names = {a.name for a in agents}
            recipients = []
            for mention in doc.mentions:
                if not (zone[0] <= mention.start and mention.end <= zone[1]):
                    continue
                if mention.kind == "group":
                    recipients.append(_with_frontline(doc, mention, zone[0]))
                elif mention.kind == "person" and mention.name not in agent_names:
                    recipients.append(mention)
                elif mention.kind in ("union", "org", "place") and mention.name not in agent_names \
                        and _ORG_OBJECT.search(doc.norm[max(0, mention.start - 3):mention.start]):
                    recipients.append(mention)
            if agents and recipients:
                facts.append(Fact("condolence", s_start, s_end, agents=tuple(agents),
                                  recipients=tuple(recipients)))
    return tuple(facts)


class _Shift:
    """A match shifted into document offsets."""

    def __init__(self, match: re.Match, offset: int):
        self._match, self._offset = match, offset

    def start(self) -> int:
        return self._match.start() + self._offset

    def end(self) -> int:
        return self._match.end() + self._offset
