"""Who acts in a sentence: the shared rule of the event extractors.

Named persons before the act are its agents (officials act as persons, their
union is not added); an organisation followed by 领导/领导班子 acts through its
unnamed leaders; co-actors joined by 会同/联合/与 count too. With no person,
the organisations that are the subject (before the act, not governed by a
preposition such as 向/对/为) are the agents. With none in the sentence, the
persons who went there in the sentence before, in the same paragraph, when the
sentence opens on whom it serves (甲携…深入某工地。为…送去…: it goes on about them);
else the union the paragraph is about (the last one named before, in the same paragraph).
"""
from __future__ import annotations

import re
from collections import Counter

from kg.pipeline.document import Document, Mention
from kg.pipeline.extract.text import LIST_JOINER, sentence_at
from kg.pipeline.lexicon import cue_pattern

_GOVERNED = re.compile(cue_pattern("governing_prepositions") + "$")
# an organisation after one of these in its clause is the act's object, not its subject
# (区总工会…慰问了区医院、区中医院…)
_ACT_BEFORE = re.compile(cue_pattern("object_acts"))
# what follows a person who receives (送到甲手中, 乙领到了…) or reports (丙指出，…): no actor
RECEIVING = re.compile(cue_pattern("receiving_verbs"))
_RECEIVER_AFTER = re.compile("(的)?" + cue_pattern("receiver_places") + "|" + RECEIVING.pattern)
_SPEAKER_AFTER = re.compile(cue_pattern("speech_verbs"))
# 全区各级工会…慰问: a collective acts, no named body does
_VISITED = re.compile(cue_pattern("directing_verbs"))
_SUBJECT_REACH = 8  # characters from the clause's start: 近日，全区各级工会
_COLLECTIVE_ACTOR = re.compile(r"(各级|两级|基层|各基层)工会(组织)?")
_CO_ACTOR = re.compile(cue_pattern("co_actor_words") + "$")
_LEADERS = re.compile("^" + cue_pattern("leader_words"))
_TITLE_AFTER = re.compile("^" + cue_pattern("title_openings"))
# a person right after one of these is what the act is for, not who does it
_PERSON_GOVERNOR = re.compile(r"(对|向|为|给)$")
_LIST_GAP = re.compile(r"[、和及与]|以及")
# the persons before one of these went somewhere (甲携班子成员深入…, 乙一行来到…)
_WENT = re.compile(r"深入|来到|前往|走进|奔赴|赴|到达")
_SENTENCE_BREAKS = "。!?;\n"
# a sentence that opens on whom it serves goes on about the subject before (…深入工地。为…送去)
_CONTINUING = re.compile(r"(并|还|又|随后|同时)?(为|向|给)")


def _subject_orgs(doc: Document, start: int, stop: int) -> list[Mention]:
    out: list[Mention] = []
    governed_before = False
    for mention in doc.mentions_within(start, stop, "union", "org"):
        before = doc.norm[max(start, mention.start - 4):mention.start]
        after = doc.norm[mention.end:mention.end + 6]
        # 把区委、区政府…的关爱送给: a list continues what governs its first item
        governed = bool(_GOVERNED.search(before)) or (governed_before and bool(LIST_JOINER.search(before)))
        governed_before = governed
        if governed or _TITLE_AFTER.match(after):
            continue
        if _ACT_BEFORE.search(doc.norm, clause_start(doc.norm, mention.start, start), mention.start):
            continue
        out.append(mention)
    return out


_CREDIT_BRACKET = re.compile(r"(讯|电|报道)?\(([^()]{0,24})\)")


def in_credit(text: str, mention: Mention) -> bool:
    """Does a name stand in a credit's bracket (某某网9月3日电(张三)), where no actor is?"""
    opening = text.rfind("(", max(0, mention.start - 16), mention.start)
    if opening < 0:
        return False
    match = _CREDIT_BRACKET.match(text, max(0, opening - 2)) or _CREDIT_BRACKET.match(text, opening)
    return bool(match and match.end() >= mention.end
                and (match.group(1) or re.fullmatch(r"[\u4e00-\u9fff·\s、]{2,24}", match.group(2))))


def _collective_subject(doc: Document, start: int, act: int) -> bool:
    """Is the subject of the act's clause a collective (全区各级工会…慰问), not a named
    body or person? Not when the collective is what is visited (深入基层工会组织)."""
    collective = None
    for collective in _COLLECTIVE_ACTOR.finditer(doc.norm, start, act):
        pass
    if collective is None:
        return False
    opening = clause_start(doc.norm, collective.start(), start)
    if doc.mentions_starting(opening, act, "person", "union", "org"):
        return False  # a body or person named in the clause acts (甲深入基层工会组织)
    # the subject opens its clause (全区各级工会…, 同时，全市各级工会…); further in, the
    # collective is what the act is about (组织各基层工会…开展慰问, 深入基层工会组织)
    return collective.start() - opening <= _SUBJECT_REACH and \
        not _VISITED.search(doc.norm, opening, collective.start())


def clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause containing ``pos`` starts (after the last comma), not before ``floor``."""
    cut = max(text.rfind(",", floor, pos), text.rfind(":", floor, pos))
    return cut + 1 if cut >= 0 else floor


def paragraph_of(doc: Document, pos: int) -> tuple[int, int]:
    """Offsets of the paragraph (block) containing ``pos``."""
    for block in doc.blocks:
        if block.start <= pos < block.end:
            return block.start, block.end
    return 0, len(doc.norm)


def block_kind(doc: Document, pos: int) -> str:
    """The kind of the block containing ``pos`` ("body" when unknown)."""
    for block in doc.blocks:
        if block.start <= pos < block.end:
            return block.kind
    return "body"


def _actors(doc: Document, start: int, stop: int) -> list[Mention]:
    """The persons between ``start`` and ``stop`` who may act: not a credit's name, not one
    whose hands or home an act reaches (送到甲手中, 来到乙家中), not the object of a
    preposition, nor the list it heads (对甲、乙等困难劳模进行了慰问，并向…发放)."""
    credited = doc.credited()
    out, governed_before, previous_end = [], False, -1
    for m in doc.mentions_within(start, stop, "person"):
        before = doc.norm[max(start, m.start - 3):m.start]
        governed = bool(_PERSON_GOVERNOR.search(before)) or (
            governed_before and bool(_LIST_GAP.fullmatch(doc.norm, previous_end, m.start)))
        governed_before, previous_end = governed, m.end
        if governed or (m.start, m.end) in credited or _RECEIVER_AFTER.match(doc.norm, m.end) \
                or in_credit(doc.norm, m):
            continue
        out.append(m)
    return out


def _travellers_before(doc: Document, sentence_start: int, para_start: int) -> tuple[Mention, ...]:
    """The persons the sentence before (in the paragraph) sends somewhere (甲携…深入…)."""
    if not _CONTINUING.match(doc.norm, sentence_start):
        return ()
    end = sentence_start
    while end > para_start and doc.norm[end - 1] in _SENTENCE_BREAKS:
        end -= 1
    if end <= para_start:
        return ()
    previous = sentence_at(doc.norm, end - 1)
    if previous[0] < para_start:
        return ()
    went = _WENT.search(doc.norm, previous[0], previous[1])
    if went is None or _collective_subject(doc, previous[0], went.start()):
        return ()
    first: dict[str, Mention] = {}
    for mention in _actors(doc, previous[0], went.start()):
        first.setdefault(mention.name, mention)
    return tuple(first.values())


def agents_before(doc: Document, sentence: tuple[int, int], act: int) -> tuple[Mention, ...]:
    """The agents of an act at offset ``act`` in ``sentence``."""
    start = sentence[0]
    speaker = next((m for m in doc.mentions_within(start, act, "person")
                    if _SPEAKER_AFTER.match(doc.norm, m.end)), None)
    if speaker is not None:  # 某某指出，全区各级工会…慰问: what is reported is not the speaker's act
        start = speaker.end
    if _collective_subject(doc, start, act):
        return ()
    # 本报讯(记者某某)近日，…慰问: the reporter of the lead is no actor
    persons = _actors(doc, start, act)
    if persons:
        leaders = [m for m in doc.mentions_within(start, act, "union", "org")
                   if _LEADERS.match(doc.norm[m.end:m.end + 8])]
        co_actors = [m for m in doc.mentions_within(start, act, "union", "org")
                     if _CO_ACTOR.search(doc.norm[max(start, m.start - 2):m.start])]
        # one actor per name, however often the sentence repeats it (许某一行…许某…)
        first: dict[str, Mention] = {}
        for mention in persons + leaders + co_actors:
            first.setdefault(mention.name, mention)
        return tuple(first.values())
    subjects = _subject_orgs(doc, start, act)
    if subjects:
        # the subject of the clause nearest the act (临安区总工会女工委…，区总工会筹措资金…慰问)
        nearest = max(clause_start(doc.norm, m.start, start) for m in subjects)
        return tuple(m for m in subjects if clause_start(doc.norm, m.start, start) == nearest)
    para_start, _ = paragraph_of(doc, act)
    travellers = _travellers_before(doc, start, para_start)
    if travellers:
        return travellers
    in_paragraph = doc.last_mention_within(para_start, act, "union")
    if in_paragraph is not None:
        return (in_paragraph,)
    unions = doc.mentions_within(0, act, "union")
    # a paragraph that names no union goes on about the union the article is about,
    # when one dominates it (a feature on 某区总工会's work), not in a round-up of many
    counts = Counter(m.name for m in unions)
    if not counts:
        return ()
    name, count = counts.most_common(1)[0]
    if count * 3 < len(unions) * 2:
        return ()
    return (next(m for m in reversed(unions) if m.name == name),)
