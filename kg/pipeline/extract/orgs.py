"""Unions and other organisations, recognised by their endings.

A name is read leftwards from an ending of ``org_suffixes.tsv`` (总工会, 人大常委会,
卫健委, 公司 …) until a stop word, punctuation or a title (``stop_words.txt``).
What is left of the ending decides what it is:

* a collective (各级工会, 基层工会) or nothing specific: not an entity;
* a context word (区总工会, 该区卫健委, 市财政局, 镇总工会): the place is taken from
  the passage (the last place an explicit name gave) or, for 市, the home city;
* a body alone (经审会, 女工委): it belongs to the union named before it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from kg.pipeline.document import Document, Mention
from kg.pipeline.gazetteer import gazetteer, short_form
from kg.pipeline.lexicon import alternation, table, words
from kg.pipeline.tokenize import default_segmenter
from kg.pipeline.extract.text import occurrences, sentence_at

_NAME_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z()·]+")
_NAME_START = re.compile(r"[\u4e00-\u9fffA-Za-z(]")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_ANAPHOR = re.compile(r"(该|本)(.+)$")
MAX_PREFIX = 16
_CONTEXT_PREFIX = re.compile(r"^(该区|本区|该市|本市|该县|本县|该镇|本镇|该省|本省|我市|我区|我县|自治区|自治州|省|区|市|县|州|镇|街道|乡|校)(?=.)")
_SCHOOL_ENDINGS = ("大学", "学院", "学校", "中学", "小学")


@lru_cache(maxsize=1)
def _suffixes() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {row[0]: row[1] for row in table("org_suffixes.tsv")}
    return re.compile(alternation(kinds)), kinds


@lru_cache(maxsize=1)
def _stops() -> tuple[frozenset[str], int]:
    stops = set(words("stop_words.txt")) | set(words("titles.txt"))
    return frozenset(stops), max(map(len, stops))


@lru_cache(maxsize=1)
def _place_levels() -> list[tuple[str, str]]:
    """(ending, level) pairs, longest ending first."""
    pairs = [(end, row[0]) for row in table("place_suffixes.txt")
             for end in row[1].split()]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in table("aliases.tsv")}


@lru_cache(maxsize=1)
def _aliases_longest_first() -> list[tuple[str, tuple[str, str]]]:
    return sorted(_aliases().items(), key=lambda a: -len(a[0]))


@lru_cache(maxsize=1 << 16)
def _ends_in_place_word(word: str) -> bool:
    """Does ``word`` end in a place-level word (区, 街道, 镇 ...)?"""
    return any(word.endswith(ending) for ending, _ in _place_levels())


@lru_cache(maxsize=1 << 16)  # pure in the name; names recur across articles (speed, issue 4)
def leading_places(name: str) -> list[tuple[str, str]]:
    """The places a name starts with, outermost first, as (place, level).

    Divisions of the gazetteer are read whole (龙泉驿区, not 驿区); a place it does
    not know (a town, a street, a development zone) is read by its ending.

    >>> leading_places("上城区湖滨街道总工会")
    [('上城区', 'district'), ('上城区湖滨街道', 'town')]
    >>> leading_places("北京市财政局")
    [('北京市', 'city')]
    >>> leading_places("成都市龙泉驿区总工会")
    [('成都市', 'city'), ('成都市龙泉驿区', 'district')]
    >>> leading_places("贫困山区总工会")
    []
    """
    found = []
    pos = 0
    places = gazetteer()
    for _ in range(4):
        known = places.place_at(name, pos)
        if known is not None and pos + len(known) < len(name):
            pos += len(known)
            found.append((name[:pos], division_level(known)))
            continue
        best = None
        for ending, level in _place_levels():
            # a place name is 2-8 characters ending in its level word
            for length in range(2, 9):
                end = pos + length
                if end > len(name) or name[end - len(ending):end] != ending:
                    continue
                if end - len(ending) - pos < 1 or end >= len(name):
                    continue
                if best is None or end < best[0]:
                    best = (end, level)
                break
        if best is None:
            break
        end, level = best
        # 通州|区, 苏州|市: a place word right after a short place name is part of it
        for ending, next_level in _place_levels():
            if len(ending) == 1 and name.startswith(ending, end) and end + 1 < len(name) \
                    and ending in "区县市旗":
                end, level = end + 1, next_level
                break
        stem = name[pos:end]
        if not _is_place_stem(stem, level):
            break
        found.append((name[:end], level))
        pos = end
    return found


def division_level(name: str) -> str:
    """The PlaceContext level of a gazetteer division: 市 and 州 are cities, 省 provinces.

    >>> division_level("义乌市"), division_level("龙泉驿区"), division_level("四川省")
    ('city', 'district', 'province')
    """
    if name.endswith(("省", "自治区", "特别行政区")):
        return "province"
    if name.endswith(("市", "州", "盟", "地区")):
        return "city"
    return "district"


_GENERIC_PLACES = frozenset(["全区", "该区", "本区", "全市", "本市", "该市", "全县", "社区", "辖区", "园区",
                             "城区", "地区", "小区", "景区", "隔离区", "市区", "全镇", "乡镇", "各区", "两区",
                             "各地区", "湖北等地区", "山区", "郊区", "矿区", "老区", "灾区", "牧区", "片区",
                             "街区", "库区", "林区", "新区", "开发区", "保税区", "全省", "各省", "本省", "该省",
                             "全州", "全旗", "全盟"])
_GENERIC_TAILS = frozenset(g for g in _GENERIC_PLACES if not g.startswith(("全", "该", "本", "各")))
# what a development zone's name ends with (高新区, 经开区): no division, still a place
_ZONE_ENDINGS = ("高新区", "经开区", "开发区", "新区", "工业园区", "园区", "保税区", "试验区", "示范区")


def _is_place_stem(stem: str, level: str) -> bool:
    """Is ``stem`` (read by its ending) a place and not a phrase that ends like one?

    Counties, districts and cities are the gazetteer's, or a development zone
    (or an older division's name the gazetteer no longer has, 崇文区) read as a
    proper noun; towns and streets are too many to list and pass on their ending.
    """
    if stem in _GENERIC_PLACES or any(stem.endswith(g) for g in ("全区", "辖区", "社区", "山区", "城区", "灾区")):
        return False
    return level == "town" or _is_place_name(stem)


@lru_cache(maxsize=1 << 14)
def _proper_stem(stem: str) -> bool:
    """Does jieba know ``stem`` as a place or proper name (崇文, 宣武)?"""
    tag = default_segmenter().tag_of(stem)
    return tag is not None and tag.startswith(("ns", "nz", "nt"))


_LOOK_AHEAD = 300  # characters: the same item of a page, not the next one


class PlaceContext:
    """The places a passage is about, as they come, for 省/市/区/镇 resolution.

    区/县 resolve to the last district named before; 市 to the last city (a
    county-level city included: 市总工会 in a passage about 义乌市 is 义乌市总工会),
    else the article's city; 省 to the last province, else the city's province.
    Where the text names no such place the word stays unresolved: a place the
    text never names is never invented.
    """

    def __init__(self, home: str | None):
        """home (str | None): the place the article is about, a city or a province."""
        at_home = home and division_level(home) == "province"
        self.city = None if at_home else home
        self.home_province = home if at_home else None
        # per level, the places seen, in offset order (one seen later at the same offset after)
        self._offsets: dict[str, list[int]] = {}
        self._places: dict[str, list[str]] = {}

    def _add(self, offset: int, place: str, level: str) -> None:
        offsets, places = self._offsets.setdefault(level, []), self._places.setdefault(level, [])
        k = bisect_right(offsets, offset)
        offsets.insert(k, offset)
        places.insert(k, place)

    def see(self, offset: int, name: str) -> None:
        for place, level in leading_places(name):
            self._add(offset, place, level)
        if name.endswith(_SCHOOL_ENDINGS):
            self._add(offset, name, "school")  # 校工会 in a passage about 某某大学

    def see_division(self, offset: int, name: str) -> None:
        """A division named in running text (…，五华区开展…)."""
        self._add(offset, name, division_level(name))

    def last(self, offset: int, level: str, ending: str = "") -> str | None:
        """The last place of ``level`` (whose name ends in ``ending``) named before
        ``offset``; else, for a district or city, the first named after it (区委书记某某 …
        东港区环卫处: the article's district, named later). Found by bisection: a long
        page names thousands."""
        offsets, places = self._offsets.get(level, []), self._places.get(level, [])
        k = bisect_right(offsets, offset)
        before = next((places[j] for j in range(k - 1, -1, -1) if places[j].endswith(ending)), None)
        if before is not None:
            return before
        after = [j for j in range(k, len(offsets)) if places[j].endswith(ending)]
        if level in ("district", "city") and after and offsets[after[0]] <= offset + _LOOK_AHEAD:
            end = bisect_right(offsets, offsets[after[0]])
            return min(places[j] for j in after if j < end)
        return None

    def province(self, offset: int) -> str | None:
        named = self.last(offset, "province")
        if named is not None:
            return named
        city = self.last(offset, "city") or self.city
        divisions = gazetteer().divisions.get(_leaf(city), ()) if city else ()
        provinces = {d.province for d in divisions}
        return provinces.pop() if len(provinces) == 1 else self.home_province

    def resolve(self, offset: int, name: str) -> str | None:
        """Resolve a context word at the start of ``name``; None if unresolvable."""
        match = _CONTEXT_PREFIX.match(name)
        if not match:
            return name
        word = match.group(1)
        rest = name[match.end():]
        if word.endswith("省") or word == "自治区":
            place = self.province(offset)
            if place is not None and not place.endswith(word):  # 自治区 of a 省, 省 of a 自治区
                place = None
        elif word in ("自治州", "州"):  # 州委, 州总工会: the 州 the passage names (黔南州)
            place = self.last(offset, "city", word)
        elif word.endswith("市"):
            # the article's city (a passage may name another: 支援陇南, 市总工会 is 厦门's),
            # else the last named; in a title chain, the chain's (see find_organisations)
            # 市 is a 市: not the 地区 or 自治州 a passage names (某某地区进出口公司)
            home = self.city if self.city and self.city.endswith("市") else None
            place = home or self.last(offset, "city", "市")
        elif word == "校":
            place = self.last(offset, "school")  # a school the text never names is never invented
        elif word.endswith(("区", "县")):
            # 区委 in a passage about 大兴区 -> 大兴区委 (the 区 is the place's own)
            place = self.last(offset, "district")
        else:
            place = self.last(offset, "town")
            if place is not None and not place.endswith(word):
                place = None
        return None if place is None else place + rest


def _leaf(place: str) -> str:
    """The innermost division of a place name (成都市龙泉驿区 -> 龙泉驿区)."""
    leading = gazetteer().leading(place)
    return leading[-1] if leading else place


_DEMONSTRATIVE_PLACES = frozenset(["该区", "本区", "该市", "本市", "该县", "本县", "该镇", "本镇"])
_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+$")
_CUT_CHARS = frozenset("由向对和与及为在的是了从到把将给被")
_STOP_TAGS = frozenset("v vd p c u uj ul uz ud ug uv d r q t y e o f m mq ad".split())
_PROPER_TAGS = frozenset("ns nt nz nr nrt nrfg j x eng".split())
_TRADE_TAGS = frozenset(["v", "vn"])
_COMPANY_ENDINGS = ("公司", "集团", "厂")
_NOT_THE_UNION_AFTER = ("驿站", "服务站", "爱心驿站", "之家", "小家", "书屋", "系统")


@lru_cache(maxsize=1)
def _locality_endings() -> tuple[str, ...]:
    return tuple(sorted(words("locality_endings.txt"), key=len, reverse=True))


def _trade_word(token) -> bool:
    """A word a company's name may hold though jieba tags it as no noun: a verb of its
    trade (制造, 建设), or a word of two characters or more tagged a measure (天元);
    a one-character measure word counts companies (3家|公司)."""
    return token.tag in _TRADE_TAGS or (token.tag == "q" and len(token.text) >= 2)


def _read_left(text: str, tokens, start: int, floor: int, company: bool = False) -> tuple[int, bool]:
    """Where a name ending at ``start`` begins, reading leftwards word by word.

    A company's name holds its trade, often a verb (精密设备制造|有限公司,
    某某建设|集团): before a company ending (``company``), such words read on
    (:func:`_trade_word`); the stop words still end the name (走访了|…, 慰问|…).

    RETURNS (tuple[int, bool]): the start offset, and whether the words read
        include a proper noun or place (so the name is specific, not generic).
    """
    stops, _ = _stops()
    if not tokens or start <= floor:
        return start, False
    token = tokens.at(start - 1)
    pos = start
    proper = False
    while token is not None and pos > floor:
        chars = text[max(token.start, floor):pos]
        if not _NAME_RUN.fullmatch(chars):
            break
        if token.text in stops:
            break
        # 大连 is a city whatever jieba tags it (d); 第二中学, 第一人民医院 keep their ordinal
        regional = token.tag not in _PROPER_TAGS and _is_regional_name(token.text)
        # 前进|街道, 胜利|社区: a word before a locality's ending is the locality's name, verb or not
        regional = regional or text.startswith(_locality_endings(), token.end)
        if token.tag in _STOP_TAGS and not token.text.isdigit() and not regional \
                and not (company and _trade_word(token)) \
                and not _ORDINAL.match(token.text) and not _opens_a_name(text, token, floor):
            break
        if start - max(token.start, floor) > MAX_PREFIX:
            break
        pos = max(token.start, floor)
        place_like = token.text not in _GENERIC_PLACES and _ends_in_place_word(token.text)  # 社区 is none
        if token.tag in _PROPER_TAGS or place_like or regional:
            proper = True
        token = tokens.before(token)
    # jieba may glue a preposition to the name (向区 总工会): cut after the last stop word
    cut = _last_cut(text[pos:start])
    if cut is not None:
        cut += pos
        # 和平|社区, 向阳|街道: the stop word opens a word of the dictionary, which is the name's
        word = tokens.at(cut - 1)
        if word.start == cut - 1 and len(word.text) > 1 and word.tag != "x" and word.end <= start:
            cut = None
    if cut is not None:
        # …和浩特市: a stop word inside a place's name (呼和浩特市) cuts nothing
        across = gazetteer().place_across(text, cut)
        pos = cut if across is None or across[0] < pos else across[0]
    # 该集团工会: the demonstrative belongs to the name (resolved against the text before)
    if token is not None and token.text in ("该", "本") and token.end == pos and token.start >= floor:
        pos = token.start
    # 该区疫情防控指挥部: the demonstrative place word belongs to the name (resolved later)
    if text[max(0, pos - 2):pos] in _DEMONSTRATIVE_PLACES and pos - 2 >= floor:
        pos -= 2
    # a name does not start with digits or a closing bracket
    while pos < start and not _NAME_START.match(text[pos]):
        pos += 1
    if ")" in text[pos:start] and "(" not in text[pos:text.index(")", pos)]:
        pos = text.index(")", pos) + 1
    if text[pos:pos + 1] == "(" and ")" not in text[pos:start]:  # (校工会: the bracket is the text's
        pos += 1
    return pos, proper


@lru_cache(maxsize=1 << 14)  # pure in the words read; they recur across articles
def _last_cut(words: str) -> int | None:
    """Where a stop word glued to the name's words ends, the last one (0 < offset < len)."""
    stops, _ = _stops()
    return next((k for k in range(len(words) - 1, 0, -1)
                 if any(words[k - n:k] in stops for n in range(1, 4) if k - n >= 0)
                 and (words[k - 1] in _CUT_CHARS or words[max(0, k - 2):k] in stops
                      or words[max(0, k - 3):k] in stops)), None)


_LEVEL_WORDS = ("自治区", "自治州", "省", "市", "区", "县", "州", "旗", "盟")


def _place_start(text: str, start: int, end: int, suffix: str = "") -> int | None:
    """Where the place a name's prefix ends with starts (None: it ends in no place).

    Words read leftwards are not all the name's (时间内|省总工会, 甲率|区总工会):
    of a prefix that ends in a level word (省, 市, 区, 县 …), the name keeps the
    longest tail that is a place; with none, only the level word, resolved from
    the passage later; a generic word (山区, 城区) is no place at all.

    >>> text = "两天时间内省总工会"
    >>> text[_place_start(text, 0, 6):]
    '省总工会'
    >>> text = "近日佛山南海区总工会"
    >>> text[_place_start(text, 2, 7):]
    '佛山南海区总工会'
    >>> text = "郑州市委常委"
    >>> text[_place_start(text, 0, 2, "市委"):]
    '郑州市委常委'
    """
    prefix = text[start:end]
    if prefix and suffix and suffix[0] in "省市区县州旗":  # 郑州|市委: the ending's first word is the place's
        prefix += suffix[0]
        end += 1
    level = next((w for w in _LEVEL_WORDS if prefix.endswith(w)), None)
    if level is None or prefix.startswith(("该", "本")) or prefix == level:
        return start
    if prefix.endswith("社区") and len(prefix) > 2:
        return start  # 某某街道铁通社区|工会: a community named, whose 区 is no level word
    for cut in range(len(prefix) - len(level)):
        if _is_place_name(prefix[cut:]):
            return start + cut
    if any(prefix[-n:] in _GENERIC_TAILS for n in range(2, 6)):
        return None
    return end - len(level)


@lru_cache(maxsize=1 << 14)
def _is_place_name(name: str) -> bool:
    """Is ``name`` (ending in a level word) a place: a chain of divisions, a development
    zone, a division renamed (静海县, now 静海区) or a place jieba knows (崇文区)?"""
    places = gazetteer()
    if len(name) == 2 and name[0] in _CUT_CHARS:
        return False  # …和县委: the conjunction and 县委, not 和县
    if places.chain(name) == len(name) or name.endswith(_ZONE_ENDINGS) or name in places.short:
        return name not in _GENERIC_PLACES
    stem = name[:-1]
    if len(stem) >= 2 and (stem in places.short or places.chain(stem) == len(stem)):
        return name[-1] in "区县市旗州盟"
    return len(stem) >= 2 and name[-1] in "区县市旗" and not stem.endswith(_LEVEL_WORDS) and _proper_stem(stem)


def _opens_a_name(text: str, token, floor: int) -> bool:
    """中 opening a list item is the name's (、中石油西南气田分公司, 中铁某局): jieba cuts
    it off an unknown rest as a direction word."""
    return token.text == "中" and (token.start <= floor or not _LETTER.match(text[token.start - 1])
                                   or text[token.start - 1] in "和及与")


@lru_cache(maxsize=1 << 14)
def _is_regional_name(word: str) -> bool:
    """Is ``word`` a division's full name, or the short form of a province or city?"""
    places = gazetteer()
    if places.is_place(word):
        return True
    full = places.full_names(word)
    return len(full) == 1 and places.level(full[0]) in ("province", "city")


def _quoted(text: str, start: int, end: int) -> bool:
    """Is the span inside a short “…” or 《…》 on its line (a campaign, an app or a document title)?"""
    for left, right in (("“", "”"), ("《", "》"), ("\"", "\"")):
        before = text.rfind(left, max(0, start - 25), start)
        if before < 0 or "\n" in text[before:start] or text.find(right, before + 1, start) >= 0:
            continue
        after = text.find(right, end, end + 25)
        if after >= 0 and "\n" not in text[end:after]:
            return True
    return False


@lru_cache(maxsize=1 << 16)  # pure in the prefix (speed, issue 4)
def _is_collective(prefix: str) -> bool:
    collectives = words("union_collectives.txt")
    rest = re.sub(r"\([^()]*\)", "", prefix)  # 各省(市)工会: the bracket adds to the collective
    changed = True
    while rest and changed:
        changed = False
        for word in sorted(collectives, key=len, reverse=True):
            if rest.startswith(word):
                rest = rest[len(word):]
                changed = True
                break
    return not rest


@lru_cache(maxsize=1 << 14)  # pure in its arguments; names recur across articles
def apply_place_alias(name: str, home_city: str | None) -> str:
    """Rewrite a fixed place alias at the start of a name.

    ``{city}`` in the alias table is the paper's home city:

    >>> apply_place_alias("经开区总工会", "北京市"), apply_place_alias("经开区总工会", "杭州市")
    ('北京经济技术开发区总工会', '杭州经济技术开发区总工会')
    >>> apply_place_alias("经开区总工会", None)
    '经开区总工会'
    """
    city = (short_form(home_city) or home_city) if home_city else None
    for alias, (canonical, kind) in _aliases_longest_first():
        if "{city}" in canonical:
            if city is None:
                continue  # whose zone it is, the text does not say
            canonical = canonical.replace("{city}", city)
        if kind == "place" and name.startswith(alias) and not name.startswith(canonical):
            return canonical + name[len(alias):]
        if kind != "place" and name == alias:
            return canonical
    return name


def find_organisations(doc: Document) -> tuple[Mention, ...]:
    """Union and organisation mentions of an article, with context resolved.

    doc (Document): the article (with tokens).
    RETURNS (tuple[Mention, ...]): kind "union" or "org"; ``name`` is the
        resolved name (区总工会 -> 桐庐县总工会); unresolvable mentions are dropped.

    Steps: every organisation ending is read leftwards to its name's start
    (:func:`_read_left`, :func:`_place_start`); a name right after the last one
    joins it; counts and generic phrases are dropped (:func:`_names_nothing`);
    the rest is resolved in its context (:func:`_resolved_name`).
    """
    text = doc.norm
    pattern, kinds = _suffixes()
    divisions = gazetteer().mentions(text)  # named in full: the context's, and 某市总's places
    context = _place_context(doc, divisions)
    mentions: list[Mention] = []
    taken_until = 0
    for match in pattern.finditer(text):
        suffix = match.group(0)
        kind = kinds[suffix]
        if _quoted(text, match.start(), match.end()):
            continue
        if kind == "union" and text.startswith(_NOT_THE_UNION_AFTER, match.end()):
            continue  # 某社区工会驿站: a place a union runs; 市工会系统: the unions of a city
        start, proper = _read_left(text, doc.tokens, match.start(), taken_until, suffix.endswith(_COMPANY_ENDINGS))
        start = _place_start(text, start, match.start(), suffix)
        if start is None:
            continue  # 贫困山区总工会: a phrase, no place
        surface = text[start:match.end()]
        prefix = surface[: len(surface) - len(suffix)]
        previous = mentions[-1] if mentions else None
        # 市委|市政府 are two bodies of one formula, not one name
        if previous is not None and previous.end == start and not _CONTEXT_PREFIX.match(surface):
            # 北京建工集团|工会, 北京市总工会|经审会, 区委|组织部: one longer name
            mentions.pop()
            new_kind = "union" if kind == "union" else "org"
            mentions.append(Mention(new_kind, previous.start, match.end(), text[previous.start:match.end()],
                                    previous.name + surface))
            taken_until = match.end()
            continue
        if _names_nothing(prefix, suffix):
            continue
        name = _resolved_name(doc, mentions, context, start, match.end(), prefix, suffix, kind, proper)
        if name is None:
            continue
        mentions.append(Mention("union" if kind == "union" else "org", start, match.end(), surface, name))
        taken_until = match.end()
    mentions += _short_unions(doc, context, mentions, divisions)
    return tuple(sorted(mentions + _fixed_aliases(text, mentions), key=lambda m: m.start))


_SHORT_UNION = re.compile(r"(?<=[省市县区])总")
_FUNCTION_AFTER = frozenset("在把对为向还也又将已和与及")


def _short_unions(doc: Document, context: "PlaceContext", mentions: list[Mention],
                  divisions: tuple[tuple[int, int, str], ...]) -> list[Mention]:
    """A place's union by the papers' short form (某市总, 省总 before a verb: 锦州市总在…,
    省总专门下拨…): 总 standing alone as a word after a level word, the place read in
    full from the gazetteer or, alone, from the passage (省总 -> the province's)."""
    text = doc.norm
    places = {end: start for start, end, _ in divisions}
    out: list[Mention] = []
    for match in _SHORT_UNION.finditer(text):
        level_at, end = match.start() - 1, match.end()
        if any(m.start <= match.start() < m.end for m in mentions) or end >= len(text):
            continue
        after, word = doc.tokens.at(end), doc.tokens.at(match.start())
        # 总在, 总把: jieba glues 总 to the function word after it; here they are 总|在
        glued_adverb = word.start == match.start() and len(word.text) == 2 and word.text[1] in _FUNCTION_AFTER
        if not glued_adverb and (after.start != end or not (after.tag[:1] in "vpdc" or not _LETTER.match(after.text))):
            continue  # 总医院, 总体, 总人数: 总 opens a word of its own
        start = places.get(match.start())
        if start is not None:
            name = text[start:match.start()] + "总工会"
        elif level_at == 0 or not _LETTER.match(text[level_at - 1]):
            start = level_at
            name = context.resolve(start, text[level_at] + "总工会")
            if name is None or _CONTEXT_PREFIX.match(name):
                continue  # no place the passage names
        else:
            continue
        out.append(Mention("union", start, end, text[start:end], name))
    return out


def _place_context(doc: Document, divisions: tuple[tuple[int, int, str], ...]) -> PlaceContext:
    """The article's places, in text order, for resolving 区/市/县 names.
    ``divisions``: the divisions it names in full (:meth:`Gazetteer.mentions`)."""
    context = PlaceContext(doc.home_city)
    for start, _, division in sorted([*divisions, *gazetteer().short_mentions(doc.norm)]):
        context.see_division(start, division)
    return context


def _names_nothing(prefix: str, suffix: str) -> bool:
    """A count (区内56处, 3个中心; 区120急救中心 is a name), a numeral (二十大|学习), no
    letter before the ending ("(" names nothing), or a collective (各级工会)."""
    counted = prefix[-1:] in ("个", "余", "多", "几", "每") or (len(suffix) == 1 and prefix[-1:].isdigit())
    numeral = bool(prefix) and not prefix.strip("〇一二两三四五六七八九十百千万")
    if prefix and (counted or numeral or not _LETTER.search(prefix) or "各" in prefix):
        return True  # …, or a collective (县直各委局工会, 各基层单位工会)
    return bool(prefix) and _is_collective(prefix)


def _resolved_name(doc: Document, mentions: list[Mention], context: PlaceContext, start: int, end: int,
                   prefix: str, suffix: str, kind: str, proper: bool) -> str | None:
    """The name a mention stands for in its context, None when it names nothing resolvable."""
    text = doc.norm
    surface = text[start:end]
    anaphor = _ANAPHOR.match(prefix)
    if anaphor and not _CONTEXT_PREFIX.match(prefix[1:] + suffix):
        # 该集团工会 -> the 集团 named before it, alone or inside a longer name
        # (北京某某集团工会 … 该集团工会女职工委员会)
        noun = anaphor.group(2)
        referent = next((m for m in reversed(mentions) if noun in m.name), None)
        return None if referent is None else referent.name[:referent.name.rindex(noun) + len(noun)] + suffix
    if kind in ("body", "dept") and not prefix:
        return _owner_name(text, mentions, start, end, suffix, kind)
    if not prefix and _CONTEXT_PREFIX.match(suffix):
        # 东城区委、区政府领导: the ending itself starts with the context word
        return context.resolve(start, suffix)
    if not prefix:
        return _bare_union_name(text, mentions, context, start, suffix)
    name = apply_place_alias(surface, doc.home_city)
    resolved = _chain_resolved(text, mentions, start, name) or context.resolve(start, name)
    if resolved == name:
        # 大兴|区委: the prefix and the ending's own 区 form a place name
        place_made = len(prefix) >= 2 and suffix[0] in "区县市"
        if not (proper or place_made) and name not in _aliases() and apply_place_alias(name, doc.home_city) == name:
            return None  # a generic noun phrase (疫情工会, 社区物业公司)
        context.see(start, name)
    return resolved


def _owner_name(text: str, mentions: list[Mention], start: int, end: int, suffix: str, kind: str) -> str | None:
    """区总工会…女工委主任: the union's body; 市委常委、统战部部长: the committee's
    department (a fused title, 宣传部长, names no department)."""
    if kind == "dept" and text.startswith("长", end):
        return None
    owner = next((m for m in reversed(mentions)
                  if (m.kind == "union" if kind == "body" else m.name.endswith("委"))), None)
    if owner is None or sentence_at(text, owner.start) != sentence_at(text, start):
        return None
    return owner.name + suffix


def _bare_union_name(text: str, mentions: list[Mention], context: PlaceContext, start: int,
                     suffix: str) -> str | None:
    """海淀区政协副主席、总工会主席: a bare 总工会 in a title chain is the place's of the
    body named just before it (温州市人大常委会副主任、总工会主席), else the district's."""
    if suffix != "总工会":
        return None
    chained = mentions[-1] if mentions and _in_title_chain(text, mentions[-1].end, start) else None
    places = leading_places(chained.name) if chained else []
    place = places[-1][0] if places else context.last(start, "district")
    return None if place is None else place + suffix


def _chain_resolved(text: str, mentions: list[Mention], start: int, name: str) -> str | None:
    """市总工会 in a title chain, or a list, after a body of a named city is that city's
    (迁安市政协党组书记、市总工会主席某某 -> 迁安市总工会; 迁安市交警大队和市医院)."""
    match = _CONTEXT_PREFIX.match(name)
    if not match or match.group(1) not in ("市", "区", "县") or not mentions:
        return None
    previous = mentions[-1]
    listed = text[previous.end:start] in ("、", "和", "及", "与")  # 平泉市交警大队和市二医院
    if not (listed or _in_title_chain(text, previous.end, start)):
        return None
    level = "city" if match.group(1) == "市" else "district"
    places = [place for place, lvl in leading_places(previous.name) if lvl == level]
    return places[-1] + name[match.end():] if places else None


def _in_title_chain(text: str, end: int, start: int) -> bool:
    """Is the text between two names a title and a separator (副主任、)?"""
    between = text[end:start]
    return 0 < len(between) <= 12 and between[-1] in "、," and not re.search(r"[。;]", between)


def _fixed_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Stand-alone fixed aliases without an ending (全总 -> 中华全国总工会)."""
    out = []
    for alias, (canonical, kind) in _aliases().items():
        if kind == "place" or alias == canonical or alias.endswith(("工会", "会")):
            continue
        for start, end in occurrences(text, alias):
            if any(m.start <= start < m.end for m in mentions):
                continue
            out.append(Mention(kind, start, end, alias, canonical))
    return out


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """Endings of bodies inside a union (女工委, 经审会 …), longest first."""
    return tuple(sorted((row[0] for row in table("org_suffixes.tsv") if row[1] == "body"), key=len, reverse=True))


def parent_union(name: str) -> str | None:
    """The union a body belongs to, when its name spells it out.

    >>> parent_union("余杭区总工会女职工委员会"), parent_union("桐庐县委")
    ('余杭区总工会', None)
    """
    for ending in _body_endings():
        if name.endswith(ending) and name[: -len(ending)].endswith("工会") and len(name) > len(ending) + 2:
            return name[: -len(ending)]
    return None
