"""Stage 5: corpus-wide name resolution — one node per entity.

Mentions arrive with names already resolved within their article (区总工会 ->
桐庐县总工会). Here the names of the whole corpus are compared, and spellings of
one entity are merged; the longest spelling is canonical, the others aliases:

* ``X工会`` and ``X总工会`` when X is a place (湖墅街道工会 / 湖墅街道总工会);
* a short place form (萧山工会 -> 萧山区总工会, 瓶窑工会 -> 瓶窑镇总工会);
* a name that another one extends by leading places (湖滨街道总工会 ->
  上城区湖滨街道总工会);
* a 市/区/县 dropped after the city (杭州丝绸厂工会 / 杭州市丝绸厂工会);
* a body's short and long names (女工委 / 女职工委员会) and a body named with
  its place only (余杭区女工委 -> 余杭区总工会女工委).

A merge happens only when it is unambiguous (one candidate).

The index is a pure function of the *set* of names seen (with their kinds and
spellings), never of the order they were seen in: an incremental build that
adds pages resolves exactly as a fresh build of all pages would
(see "Incremental builds" in the README). Candidates are found through
dictionaries keyed by comparison key, so resolution is near-linear in the
number of names (a corpus of 100,000 articles has tens of thousands).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_PLACE_ENDINGS = ("区", "县", "市", "镇", "街道", "乡", "旗", "省", "州")
_CONTEXT_WORD = re.compile(r"^(该|本|省|区|市|县|镇|街道|乡|总工会|工会)")
_BODY_SYNONYMS = (("女职工委员会", "女工委"), ("经费审查委员会", "经审会"))
_SHORT_UNION = re.compile(r"^(.{2,6}?)(总)?工会$")
_PLACE_BODY = re.compile(r"^(.+?(?:区|县|市))(女工委|经审会|经审办|女工部)$")


@dataclass
class NameIndex:
    """Every organisation and union name of the corpus, and how they merge."""

    kinds: dict[str, str] = field(default_factory=dict)  # name -> "union" | "org"
    parent: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    _members: dict[str, list[str]] | None = field(default=None, repr=False)

    def add(self, name: str, kind: str, surface: str | None = None) -> None:
        """Record a name seen in the corpus, and the stand-alone spelling it was written as.

        Spellings that need the passage to resolve (区总工会, 该区卫健委, 市总工会)
        are not aliases: they name nothing on their own. A name seen both as a
        union and as another organisation is a union, whatever the order.
        """
        if surface and surface != name and not _CONTEXT_WORD.match(surface):
            self.spellings.setdefault(name, set()).add(surface)
        if kind == "union" or name not in self.kinds:
            self.kinds[name] = kind
        self.parent.setdefault(name, name)
        self._members = None

    def _find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda n: (-len(n), n))
            self.parent[drop] = keep

    def resolve(self) -> None:
        """Merge the spellings of one entity (see module doc)."""
        names = sorted(self.kinds)
        keys = {name: _comparison_key(name) for name in names}
        by_key: dict[str, list[str]] = {}
        for name in names:
            by_key.setdefault(keys[name], []).append(name)
        for group in by_key.values():
            for other in group[1:]:
                self._union(group[0], other)
        candidates = _extension_candidates(names, keys, by_key)
        for name in names:
            found = candidates.get(name)
            if not found:
                continue
            found = sorted(found)
            targets = {self._find(c) for c in found}
            if len(targets) == 1:
                self._union(name, found[0])
        self._members = None

    def canonical(self, name: str) -> str:
        """The canonical name of a recorded name."""
        return self._find(name)

    def aliases(self, canonical: str) -> list[str]:
        """The other spellings merged into ``canonical``, sorted."""
        if self._members is None:
            members: dict[str, list[str]] = {}
            for name in self.kinds:
                members.setdefault(self._find(name), []).append(name)
            self._members = members
        merged = set(self._members.get(canonical, ()))
        spelled = {s for n in merged for s in self.spellings.get(n, ())}
        return sorted((merged | spelled) - {canonical})


def _comparison_key(name: str) -> str:
    """Spellings that differ only in these ways compare equal."""
    for long, short in _BODY_SYNONYMS:
        name = name.replace(long, short)
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})[市](?=[\u4e00-\u9fff]{2})", "", name, count=1)
    if name.endswith("工会") and not name.endswith("总工会") and name[:-2].endswith(_PLACE_ENDINGS):
        name = name[:-2] + "总工会"
    return name


def _extension_candidates(names: list[str], keys: dict[str, str],
                          by_key: dict[str, list[str]]) -> dict[str, set[str]]:
    """For every name, the names that :func:`_extends` it, found by key lookups.

    Equivalent to testing ``_extends(other, name)`` for every pair, without the
    quadratic cost: each of the three rules names the keys a longer spelling
    can have, so the candidates are looked up instead of searched for.
    """
    out: dict[str, set[str]] = {}

    def add(shorter: str, longer_key: str) -> None:
        for longer in by_key.get(longer_key, ()):
            if _extends(longer, shorter, keys[longer], keys[shorter]):
                out.setdefault(shorter, set()).add(longer)

    # rule 1 looked up from the longer side: every suffix of a key, or of the name as
    # written (its key drops a 市: 西安市|新城区总工会), after a place ending
    for longer in names:
        a = keys[longer]
        for written in {a, longer}:
            for cut in range(1, len(written)):
                if written[:cut].endswith(_PLACE_ENDINGS) and len(written) - cut > 4:
                    for shorter in by_key.get(_comparison_key(written[cut:]), ()):
                        if _extends(longer, shorter, a, keys[shorter]):
                            out.setdefault(shorter, set()).add(longer)
    for shorter in names:
        b = keys[shorter]
        short = _SHORT_UNION.match(b)
        if short and not short.group(1).endswith(_PLACE_ENDINGS):
            for ending in _PLACE_ENDINGS:
                add(shorter, short.group(1) + ending + "总工会")
        body = _PLACE_BODY.match(b)
        if body:
            add(shorter, body.group(1) + "总工会" + body.group(2))
    return out


def _extends(longer: str, shorter: str, a: str | None = None, b: str | None = None) -> bool:
    """Does ``longer`` name the same entity as ``shorter``, more fully?

    a, b (str): the comparison keys of ``longer`` and ``shorter`` when known.
    """
    if len(longer) <= len(shorter):
        return False
    a = _comparison_key(longer) if a is None else a
    b = _comparison_key(shorter) if b is None else b
    if a == b:
        return False
    # 湖滨街道总工会 -> 上城区湖滨街道总工会: leading places added
    # (on the name as written too: the keys drop the 市 of 西安市|新城区总工会)
    if len(b) > 4 and any(w.endswith(b) and w[: len(w) - len(b)].endswith(_PLACE_ENDINGS) for w in (a, longer)):
        return True
    # 萧山工会 -> 萧山区总工会; 瓶窑工会 -> 瓶窑镇总工会
    short = _SHORT_UNION.match(b)
    if short and not short.group(1).endswith(_PLACE_ENDINGS):
        for ending in _PLACE_ENDINGS:
            if a == short.group(1) + ending + "总工会":
                return True
    # 余杭区女工委 -> 余杭区总工会女工委
    body = _PLACE_BODY.match(b)
    if body and a == body.group(1) + "总工会" + body.group(2):
        return True
    return False
