"""慰问: who visits, consoles or delivers care to whom.

An act is 慰问/看望/走访, a delegation's visit (一行来到, 先后走进), a visit to someone's home
(又来到劳模甲家中), or handing something
over (送去, 送上, 送给, 送达, 戴上, 发放, 为…购买, 给予慰问金, 致以…问候).
Its recipients stand in the act's *zone*: the object after the act, or the
phrase governed by 对/为/向/给/面向/来到 before it in its clause (or opening
the sentence: 面向X，某工会提供…), plus an appositive clause that lists them
(…，包括公安分局、环卫中心等). Where the zone names none:

* a pronoun (为她们送去, 为他们送去) points back to the groups named before the
  act in the sentence, as do money and goods handed over with no object
  (了解困难职工所需，给予慰问金);
* otherwise the groups named after the act's clause in the sentence
  (慰问帮扶，增强对女职工关爱);
* otherwise the organisation the sentence opens in (在某集团，慰问组…慰问了一线工人).

此次慰问/本次慰问 goes on about the visit before it: its agents are that visit's.

An epidemic word qualifying the recipients (抗疫, 防疫, 疫情, 防控, 隔离, 流调)
adds 防疫一线人员, also to staff named by no group word (流调、溯源专班人员).
"""
from __future__ import annotations

import re

from kg.pipeline.document import Document, Fact, Mention
from kg.pipeline.extract.agents import RECEIVING, agents_before, block_kind, in_credit
from kg.pipeline.extract.text import LIST_JOINER, clause_at, sentence_at
from kg.pipeline.lexicon import cue_pattern

_ACT = re.compile(
    r"走访慰问|(?<!陪同)(?<!参加)慰问(?!金|品|信|团|组|方案|物资|资金|演出)|看望|探望|走访(?!调研)|送去|送上|送给|送达|送至|送到|送出|送来|"
    r"递给|交给|递到|交到|塞进|带去|捐赠|赠送|戴上|"
    r"(?:(?<=一行)|(?<=慰问团)|(?<=慰问组)|(?<=先后)|(?<=分别))(来到|前往|走进|深入|赴|到)|(来到|走进)(?=[^,。;!?\n]{2,20}(家中|家里))|发放|购买|给予(?=[^,。;!?\n]{0,6}(慰问|补助|救助))|"
    r"致以[^,。;!?\n]{0,12}(问候|祝福|敬意)|提供")
_GOVERNOR = re.compile(r"(对|为|向|给|面向|来到|(?<![领收得送递交感])到|前往|赴|覆盖|深入|走进)")
_VISIT = re.compile(r"来到|前往|走进|深入|赴|(?:(?<=先后|一行|分别)|(?<=,))到")  # …陪同下,到甲家
_OPENING_GOVERNOR = re.compile(r"(面向|对|为|向|给)")  # used with .match(text, pos)
_APPOSITION = re.compile("^" + cue_pattern("apposition_words"))
_PRONOUN = re.compile(r"她们|他们|(?<=[为给向对])其")
_HANDING_OVER = re.compile(r"给予|发放")
# the visit told before goes on: 此次慰问, or its delegation acting again (慰问组慰问了…)
_SAME_VISIT = re.compile(r"(此次|本次|这次|该次|慰问组|慰问团|慰问队|一行)$")
_STAFF_OF = ("人员", "工作人员", "干部", "职工", "员工", "工作者")
_DELEGATION = re.compile(r"(?<!组成)(?<!组成“)(?<!成立)(慰问团|慰问组|慰问队|慰问人员)")
_LEADS_A_DELEGATION = re.compile(r"慰问团|慰问组|慰问队|一行")
_LIST_WORDS = re.compile(r"[、和及与等]|以及")
_SAME_VISIT_WORDS = ("此次", "本次", "这次", "该次")
# 在甲、乙的家中，某某…送上…: the home a sentence opens in is whom the act is for
_OPENING_HOME = re.compile(r"(在|来到|到)([^,。;]{2,40}?)(的)?(家中|家里|家)")
_EPIDEMIC = re.compile(cue_pattern("epidemic_words"))
_STAFF = re.compile(r"(专班人员|工作人员|人员|干部职工)$")
FRONTLINE = "防疫一线人员"
# an organisation or place is a recipient only as the act's direct object (来到X,
# 送达X、Y, 对该区X, 为X送去), not as a possessor (把区委…的关爱送给) or a
# co-actor (会同X); 、/和/及 continue a list of such objects only
_ORG_OBJECT = re.compile(r"(来到|到|前往|赴|送达|送至|对|为|慰问|看望|走访|走进|深入)(该|本)?$")


def _recipient_zone(doc: Document, sentence: tuple[int, int], act_start: int) -> tuple[int, int]:
    """Where an act's recipients stand (see module doc)."""
    text = doc.norm
    clause_start, end = clause_at(text, act_start, sentence)
    # an appositive clause after the act lists the recipients too
    rest = clause_at(text, end + 1, sentence) if end + 1 < sentence[1] else None
    if rest and (_APPOSITION.match(text[rest[0]:rest[1]]) or _only_names(doc, rest)):
        end = rest[1]  # 慰问了困难职工甲、乙，困难劳模丙和工会干部丁: the list goes on
    governors = list(_GOVERNOR.finditer(text, clause_start, act_start))
    if governors:
        return governors[-1].end(), end
    if clause_start > sentence[0]:  # 前往区卫健委，送去…: the place visited, a clause before
        previous = clause_at(text, clause_start - 2, sentence)
        visits = list(_VISIT.finditer(text, previous[0], previous[1]))
        if visits:
            return visits[-1].end(), end
    opening = _OPENING_GOVERNOR.match(text, sentence[0], act_start)
    if opening and sentence[0] < clause_start:  # 面向X，某工会提供…
        return opening.end(), end
    home = _OPENING_HOME.match(text, sentence[0], act_start)
    if home and sentence[0] < clause_start:  # 在甲的家中，…送上慰问金 (甲's home is no actor's)
        return home.start(2), max(end, home.end())
    return act_start, end


def _only_names(doc: Document, clause: tuple[int, int]) -> bool:
    """Is a clause nothing but a list of people and groups (困难劳模丙和困难工会干部丁)?"""
    named = doc.mentions_within(clause[0], clause[1], "person", "group")
    if not named or not any(m.kind == "person" for m in named):
        return False
    rest = doc.norm[clause[0]:clause[1]]
    for mention in sorted(named, key=lambda m: -m.start):
        rest = rest[:mention.start - clause[0]] + rest[mention.end - clause[0]:]
    return len(_LIST_WORDS.sub("", rest)) <= 4  # what is left: descriptors (困难, 工会干部)


def _with_frontline(doc: Document, group: Mention, zone_start: int) -> Mention:
    qualifier = doc.norm[zone_start:group.end]
    if FRONTLINE in group.concepts or not _EPIDEMIC.search(qualifier):
        return group
    concepts = tuple(sorted(set(group.concepts) | {FRONTLINE}))
    return Mention(group.kind, group.start, group.end, group.text, group.name, concepts)


def _frontline_staff(doc: Document, zone: tuple[int, int]) -> tuple[Mention, ...]:
    """Staff qualified by an epidemic word but named by no group (流调、溯源专班人员)."""
    text = doc.norm[zone[0]:zone[1]]
    staff = _STAFF.search(text)
    if staff is None or not _EPIDEMIC.search(text[:staff.start()]):
        return ()
    start, end = zone[0] + staff.start(), zone[0] + staff.end()
    return (Mention("group", start, end, doc.norm[start:end], FRONTLINE, (FRONTLINE,)),)


def _objects(doc: Document, zone: tuple[int, int], agent_names: set[str]) -> list[Mention]:
    """The groups, persons, organisations and places in the zone that receive the act."""
    found: list[Mention] = []
    credited = doc.credited()
    for mention in doc.mentions_within(zone[0], zone[1]):
        if mention.name in agent_names:
            continue
        if mention.kind == "person" and ((mention.start, mention.end) in credited
                                         or in_credit(doc.norm, mention)):
            continue  # (通讯员甲): a credit, no one cared for
        if mention.kind == "group":
            found.append(_with_frontline(doc, mention, zone[0]))
        elif mention.kind == "person":
            found.append(mention)
        elif mention.kind in ("union", "org", "place"):
            if doc.norm.startswith(_STAFF_OF, mention.end):
                continue  # 某专班人员: the people are cared for, named by their group
            before = doc.norm[max(zone[0], mention.start - 3):mention.start]
            # 到甲环卫处、乙公司: a list of bodies goes on past the group a name holds (环卫)
            listed = LIST_JOINER.search(before) and any(f.kind in ("union", "org", "place") for f in found)
            # 慰问对口联络社区幸福东区: the first thing named after the act is its object
            first = not found and not _groups_between(doc, zone[0], mention.start)
            if first or _ORG_OBJECT.search(before) or listed:
                found.append(mention)
    return found


def _groups_between(doc: Document, start: int, end: int) -> list[Mention]:
    return list(doc.mentions_within(start, end, "group"))


def find_condolences(doc: Document) -> tuple[Fact, ...]:
    """Condolence facts, one per act with both agents and recipients."""
    facts: list[Fact] = []
    # one scan of the article (most sentences hold no act); no act reads past its sentence
    for act in _ACT.finditer(doc.norm):
        sentence = sentence_at(doc.norm, act.start())
        s_start, s_end = sentence
        zone = _recipient_zone(doc, sentence, act.start())
        home = _OPENING_HOME.match(doc.norm, s_start, act.start())
        if home and zone[0] == home.start(2):  # 在甲家中，某某…送上: the actor follows the home
            agents = agents_before(doc, (home.end(), s_end), act.start())
        else:
            agents = agents_before(doc, sentence, min(act.start(), zone[0]))
        same = _SAME_VISIT.search(doc.norm, s_start, act.start())
        # 此次慰问 is the visit before; 慰问组/一行 is, unless the sentence names its people
        delegation = _DELEGATION.search(doc.norm, s_start, act.start())
        told = facts and block_kind(doc, facts[-1].start) != "caption"  # a photo's visit is its own
        # 某县总工会慰问组一行…: a delegation whose body the sentence names is that body's
        named_here = any(a.start >= s_start for a in agents)
        if told and ((same and (same.group(1) in _SAME_VISIT_WORDS or not _named_people(agents)))
                     or (delegation and not named_here)):
            agents = facts[-1].agents  # 慰问团详细了解…，并送去: the delegation told before
        elif not told and delegation and not _named_people(agents):
            # 甲带领慰问组一行到某县调研。慰问组…慰问了…: the delegation's leader, named before
            agents = _delegation_leaders(doc, s_start) or agents
        if not agents:
            continue
        recipients = (_objects(doc, zone, {a.name for a in agents})
                      or list(_frontline_staff(doc, zone)))
        if not recipients:
            recipients = _implicit_recipients(doc, sentence, act, zone, agents)
        if not recipients:
            recipients = _opening_venue(doc, sentence, act.start(), agents)
        if not recipients:
            continue
        previous = facts[-1] if facts else None
        if previous and previous.start == s_start and previous.agents == tuple(agents):
            # 走访慰问…，为他们送去…: one visit, however many verbs tell it
            merged = previous.recipients + tuple(r for r in recipients if r not in previous.recipients)
            facts[-1] = Fact("condolence", s_start, s_end, agents=previous.agents, recipients=merged)
        else:
            facts.append(Fact("condolence", s_start, s_end, agents=tuple(agents),
                              recipients=tuple(recipients)))
    return tuple(facts)


def _opening_venue(doc: Document, sentence: tuple[int, int], act: int,
                   agents: tuple[Mention, ...]) -> list[Mention]:
    """在某集团，慰问组…慰问了一线工人: the organisation the sentence opens in, when the
    act names no one the graph knows."""
    if not doc.norm.startswith("在", sentence[0], act):
        return []
    venue = doc.mentions_starting(sentence[0] + 1, sentence[0] + 2, "union", "org")
    if not venue or doc.norm[venue[0].end:venue[0].end + 1] != "," or venue[0] in agents:
        return []
    return [venue[0]]


def _delegation_leaders(doc: Document, before: int) -> tuple[Mention, ...]:
    """The persons who lead the first delegation the article names before ``before``
    (甲带领慰问组一行…, 乙一行来到…)."""
    for match in _LEADS_A_DELEGATION.finditer(doc.norm, 0, before):
        sentence = sentence_at(doc.norm, match.start())
        leaders = tuple(a for a in agents_before(doc, sentence, match.start()) if a.kind == "person")
        if leaders:
            return leaders
    return ()


def _named_people(agents) -> bool:
    return any(a.kind == "person" for a in agents)


def _implicit_recipients(doc: Document, sentence: tuple[int, int], act: re.Match,
                         zone: tuple[int, int], agents: tuple[Mention, ...]) -> list[Mention]:
    """Recipients the act's zone does not name (see module doc)."""
    receivers = [m for m in doc.mentions_within(sentence[0], act.start(), "person")
                 if RECEIVING.match(doc.norm, m.end) and m.name not in {a.name for a in agents}]
    if receivers:  # 甲领到了市总工会送来的慰问金
        return receivers
    if _PRONOUN.search(doc.norm, zone[0], zone[1]) or _HANDING_OVER.match(act.group(0)):
        after_agents = max([a.end for a in agents if a.start >= sentence[0]], default=sentence[0])
        # 到甲和乙的家中，将慰问金送到他们手中: the people named before, and their groups
        people = [m for m in doc.mentions_within(after_agents, act.start(), "person")
                  if m.name not in {a.name for a in agents}]
        return _groups_between(doc, after_agents, act.start()) + people
    return _groups_between(doc, zone[1], sentence[1])
