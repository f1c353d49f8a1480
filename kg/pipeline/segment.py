"""Stage 3: split a page into articles and classify their paragraphs.

A page is a run of paragraphs (lines). Articles start at

* a Markdown heading of level 1-2 (``## 标题``) that has text under it;
* a lead paragraph (``本报讯……`` or a ``□本报记者 X`` byline), together with the
  run of short headline lines just before it (引题, 主题, 副题, column marks);
* a column mark (``■ 栏目``) followed by headline lines and text;
* the start of the page, when it opens with headline lines.

Before that, paragraphs the page layout cut are stitched back together
(:func:`stitch_layout_cuts`). Text before the first article (a feature's 导语)
belongs to the first article.
The headline is the 主题: column marks, banners (…特别报道), jump lines
((上接第1版)) and 副题 (——…) are dropped; of the remaining lines the last
without an internal space wins (a spaced line is a kicker or subtitle of
parallel phrases), else the last line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.pipeline.document import Block
from kg.pipeline.normalise import normalise
from kg.pipeline.tokenize import default_segmenter

_TERMINAL = "。!?！？…\"”’」』)"
# a sentence ends on its stop, or on a quote or bracket closing after one (…。” / …!)) —
# a headline may end on a closing quote without being a sentence (开展“冬送温暖”)
_SENTENCE_STOP = re.compile(r"[。!?！？…]([\"”’」』)]*)$")
_LEAD = re.compile(r"^(本报讯|本报消息|□?本报记者|记者\S{0,4}报道)")
_HEADING = re.compile(r"^(#{1,6})\s*")
_COLUMN = re.compile(r"^[■◆●▲★]")
_BANNER = re.compile(r"(特别报道|专刊|专版|特刊|^\(?(上接|下转|接第|转第)|第\d+版\)?$)")
_SUBTITLE = re.compile(r"^(——|--|—)")
_CAPTION = re.compile(r"\((左|右|中|前|后)[一二三四五六七八九十\d]*\)")
_SECTION = re.compile(r"^[^,。:]{2,24}(工会|委员会|单位|集团|公司):")
_BYLINE_LINE = re.compile(r"^[□(]?本报记者.{0,30}$|^\(?本报记者[^)]*\)?$|摄(影报道)?\)?$|[文图]\s*/\s*[图文]\)?$")
# site chrome: navigation, metadata, sharing and copyright lines, file names, bare dates
_CHROME = re.compile(
    r"来源[:：]|发布者|发布时间|作者[:：]|责任编辑|责编|编辑[:：]|文章字数|字体[:：]|字号[:：]|当前位置|当前的位置|"
    r"本页位置|首页|版面导航|标题导航|上一篇|下一篇|上一版|下一版|放大|缩小|打印|关闭|分享到?[:：]|浏览|点击[:：]|"
    r"©|ICP|版权所有|[Cc]opyright|https?://|www\.|\.s?html?\b|\.(jpe?g|png|gif)\b|数字报|当前版|本版导读|"
    r"^\d{2,4}[-./年]\d{1,2}[-./月]\d{1,2}|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|^[-—=]{3,}|》\s*[(（]\d{4}|"
    r"^(发布|更新)?(时间|日期)[:：]|^[^>]{1,16}>[^>]{1,16}>|"  # 时间:2017-12-06; a breadcrumb 某网 > 新闻 > 本地
    r"^[\u4e00-\u9fff]{2,12}(融媒体中心|新闻中心|新闻网|日报社|报社|广播电视台|电视台)$|"  # a source's name alone
    r"登录|注册|欢迎您|网上家园")  # a site's welcome and log-in line
_ORIGINAL_TITLE = re.compile(r"^原标题[:：]\s*")
_SITE_SUFFIX = re.compile(r"\s*(——|--|_|\|)\s*[\u4e00-\u9fffA-Za-z]{2,10}(网|报|频道|新闻|在线)$")

MAX_HEADLINE = 40
MAX_COMMA_TITLE = 28
MIN_HEADLINE = 6


@dataclass(frozen=True)
class Paragraph:
    """A line of the page: offsets into the page's normalised view."""

    start: int
    end: int
    norm: str
    raw: str
    level: int = 0  # Markdown heading level, 0 when not a heading

    @property
    def is_heading(self) -> bool:
        return self.level > 0


@dataclass(frozen=True)
class ArticleSpan:
    """One article of a page: its paragraphs, classified, and its headline."""

    headline: str | None
    paragraphs: tuple[Paragraph, ...]
    kinds: tuple[str, ...]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_paragraphs(raw: str, norm: str, norm_to_raw: tuple[int, ...]) -> list[Paragraph]:
    """Split a page into its non-empty lines, with both views of each."""
    paragraphs = []
    pos = 0
    for line in norm.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        raw_line = raw[min(norm_to_raw[start:end]):max(norm_to_raw[start:end]) + 1]
        heading = _HEADING.match(line)
        level = len(heading.group(1)) if heading else 0
        paragraphs.append(Paragraph(start, end, line, raw_line, level))
    return paragraphs


def _is_short(p: Paragraph) -> bool:
    text = _HEADING.sub("", p.norm).strip()
    # a title may hold one comma (关爱困难职工家庭,某工务段用心传递温暖); a sentence more
    commas = text[:-1].count(",")
    return (len(text) <= MAX_HEADLINE and not _SENTENCE_STOP.search(text)
            and not _LEAD.match(text) and (commas == 0 or (commas == 1 and len(text) <= MAX_COMMA_TITLE)))


def _is_noise(p: Paragraph) -> bool:
    """Navigation labels set as lines (东城, 西城 …) carry nothing."""
    return not p.is_heading and len(p.norm.strip()) < 5 and not _TERMINAL.__contains__(p.norm[-1:])


@lru_cache(maxsize=4096)  # each line is classified twice (before and after stitching)
def is_chrome(text: str) -> bool:
    """Is a short line site chrome (a menu, a 来源/作者 line, a date, a file name)?

    >>> is_chrome("2024-02-07 来源:南方工报"), is_chrome("文章字数:418"), is_chrome("为一线职工送清凉")
    (True, True, False)
    """
    return len(text) <= 120 and bool(_CHROME.search(text))


def classify(p: Paragraph) -> str:
    """The kind of a paragraph seen on its own."""
    return _classify(p.norm, p.level)


@lru_cache(maxsize=8192)  # a page's lines are classified before and after stitching, and recur
def _classify(norm: str, level: int) -> str:
    p = Paragraph(0, len(norm), norm, "", level)
    text = _HEADING.sub("", p.norm).strip()
    if not p.is_heading and is_chrome(text) and not _LEAD.match(text):
        return "noise"
    if p.is_heading:
        return "subtitle" if _SUBTITLE.match(text) else "heading"
    if _COLUMN.match(text):
        return "column"
    if _BYLINE_LINE.search(text) and len(text) <= 40:
        return "byline"
    if _LEAD.match(text):
        return "lead"
    if _CAPTION.search(text):
        return "caption"
    if _SECTION.match(text) and len(text) <= 26:
        return "section"
    if _SUBTITLE.match(text):
        return "subtitle"
    if _BANNER.search(text) and len(text) <= MAX_HEADLINE:
        return "banner"
    if _is_noise(p):
        return "noise"
    return "short" if _is_short(p) else "body"


def choose_headline(lines: list[Paragraph]) -> str | None:
    """Pick the 主题 from a block of headline lines (see module doc)."""
    candidates = []
    for p in lines:
        text = _collapse(_HEADING.sub("", p.raw))
        text = _SITE_SUFFIX.sub("", text.lstrip("•·●◆ "))  # 标题——中新网, •标题
        text = _ORIGINAL_TITLE.sub("", text)  # 原标题:标题 (a repost names the title it had)
        if text.count("|") == 1:  # 栏目 | 标题
            text = text.split("|")[1].strip()
        kind = classify(p)
        if kind in ("column", "banner", "subtitle", "byline", "noise") or len(text) < MIN_HEADLINE:
            continue
        if kind == "heading" and p.level > 2:
            continue
        candidates.append(text)
    candidates = [c for c in candidates if not c.endswith((":", "："))] or candidates  # 某区: is a kicker
    if not candidates:
        return None
    unspaced = [c for c in candidates if " " not in c]
    return (unspaced or candidates)[-1]


_ENDS_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z、,“‘(\"]$")
MAX_NAV_LABEL = 8  # 经济技术开发区: a page's navigation label, not a paragraph
MIN_CUT = 9
# a line that ends on a connective, or a next line that starts on a particle,
# goes on mid-sentence (…工资收入和 / 子女上学等…, …因心脏 / 及其他疾病…)
_ENDS_ON_CONNECTIVE = re.compile(r"[和与及或的对向为把将在从由、,“‘(]$")
_STARTS_BOUND = re.compile(r"^[的了及与和等并着地得之]")


def continues(head: str, following: str) -> bool:
    """Does ``following`` go on with the sentence ``head`` breaks off?

    True when the break splits a word (安全风 / 险预防), or a connective or
    particle stands at the break. A line that merely lacks its full stop
    (…防疫物品 / 街道总工会相关负责人…) does not go on.

    >>> continues("讲解了安全风", "险预防与应对"), continues("卫生防疫物品", "街道总工会相关负责人")
    (True, False)
    """
    if _ENDS_ON_CONNECTIVE.search(head) or _STARTS_BOUND.match(following):
        return True
    left, right = head[-4:], following[:4]
    pos = 0
    for word in default_segmenter().words(left + right):
        if pos < len(left) < pos + len(word):
            return True
        pos += len(word)
    return False


def _is_cut(paragraphs: list[Paragraph], kinds: list[str], i: int) -> bool:
    """Does paragraph ``i`` stop mid-sentence (no closing punctuation)?

    Only text can be cut: a body line, or a short line that opens or follows
    a section label (X区总工会: …); headlines, captions and labels are not.
    """
    text = paragraphs[i].norm.strip()
    if len(text) < MIN_CUT or not _ENDS_MID_SENTENCE.search(text):
        return False
    return (kinds[i] in ("body", "lead") or bool(_SECTION.match(text))
            or (i > 0 and kinds[i - 1] == "section"))


def stitch_layout_cuts(paragraphs: list[Paragraph], kinds: list[str]) -> list[list[Paragraph]]:
    """Group the page's lines into paragraphs as written, undoing layout cuts.

    A paragraph that stops mid-sentence goes on in the next body line
    (…工资收入和 / 子女上学等…). Where the next line starts a new section
    (X区总工会:) the rest was set elsewhere on the page: such heads are paired,
    in order, with the run of body lines that follows a navigation label
    without a section label of their own (a continuation column), when the
    counts agree; otherwise nothing moves.
    RETURNS (list[list[Paragraph]]): the pieces of each paragraph, in reading order.
    """
    heads, joins = [], set()
    for i, p in enumerate(paragraphs):
        if not _is_cut(paragraphs, kinds, i):
            continue
        nxt = i + 1
        if (nxt < len(paragraphs) and kinds[nxt] == "body"
                and not _SECTION.match(paragraphs[nxt].norm)):
            if continues(p.norm.strip(), paragraphs[nxt].norm.strip()):
                joins.add(i)
            continue
        heads.append(i)
    fragments: list[int] = []
    in_run = False
    for i, kind in enumerate(kinds):
        text = paragraphs[i].norm.strip()
        if kind == "body" and not _SECTION.match(text) and i not in heads:
            previous = kinds[i - 1] if i else None
            nav = previous == "noise" or (previous == "short" and len(paragraphs[i - 1].norm.strip()) <= MAX_NAV_LABEL)
            if nav or in_run:
                fragments.append(i)
                in_run = True
        else:
            in_run = False
    moved = dict(zip(heads, fragments)) if heads and len(heads) == len(fragments) else {}
    groups: list[list[Paragraph]] = []
    joined_to_previous = False
    for i, p in enumerate(paragraphs):
        if i in moved.values():
            continue
        if joined_to_previous:
            groups[-1].append(p)
        else:
            groups.append([p])
        if i in moved:
            groups[-1].append(paragraphs[moved[i]])
        joined_to_previous = i in joins and i + 1 not in moved.values()
    return groups


def _stitched_view(norm: str, norm_to_raw: tuple[int, ...],
                   groups: list[list[Paragraph]]) -> tuple[str, tuple[int, ...]]:
    """The page's view with each group on one line, and its map to the raw text.

    Groups are separated by a blank line, mapped to the raw character just
    after the group before it.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for group in groups:
        if chars:
            chars.append("\n\n")
            offsets.extend([offsets[-1] + 1] * 2)
        for piece in group:
            chars.append(norm[piece.start:piece.end])
            offsets.extend(norm_to_raw[piece.start:piece.end])
    offsets.append(norm_to_raw[-1])
    return "".join(chars), tuple(offsets)


def segment_page(raw: str) -> tuple[str, tuple[int, ...], list[ArticleSpan]]:
    """Split a page into articles.

    raw (str): the page text as read.
    RETURNS (tuple): the page's view (normalised, layout cuts stitched), its
        offset map to the raw text, and the articles.

    Steps: normalise and split into paragraphs; stitch paragraphs the layout
    cut (:func:`stitch_layout_cuts`); classify each paragraph; find where
    articles start (:func:`_article_starts`); cut the articles there
    (:func:`_articles`).
    """
    norm, norm_to_raw = normalise(raw)
    paragraphs = split_paragraphs(raw, norm, norm_to_raw)
    groups = stitch_layout_cuts(paragraphs, [classify(p) for p in paragraphs])
    if any(len(g) > 1 for g in groups):
        norm, norm_to_raw = _stitched_view(norm, norm_to_raw, groups)
        paragraphs = split_paragraphs(raw, norm, norm_to_raw)
    kinds = [classify(p) for p in paragraphs]
    return norm, norm_to_raw, _articles(paragraphs, kinds, _article_starts(paragraphs, kinds))


def _headline_run_before(kinds: list[str], i: int) -> int:
    """Index of the first line of the headline block ending just before ``i``."""
    j = i
    while j > 0 and kinds[j - 1] in ("short", "column", "banner", "subtitle", "noise"):
        j -= 1
    while j < i and kinds[j] == "noise":
        j += 1
    return j


def _article_starts(paragraphs: list, kinds: list[str]) -> dict[int, int]:
    """Paragraph index where an article starts -> index of its lead (its first body paragraph)."""
    starts: dict[int, int] = {}
    has_md = any(p.level and p.level <= 2 for p in paragraphs)
    for i, kind in enumerate(kinds):
        if kind == "heading" and paragraphs[i].level <= 2:
            following = next((k for k in kinds[i + 1:] if k != "noise"), None)
            if following not in (None, "heading", "column"):
                starts[i] = i
        elif kind in ("lead", "byline") and not has_md:
            if kind == "byline" and not (paragraphs[i].norm.startswith("□")
                                         or (i > 0 and kinds[i - 1] == "subtitle")):
                continue  # a photo credit or a closing credit, not a feature's byline
            starts.setdefault(_headline_run_before(kinds, i), i)
        elif kind == "column" and not has_md:
            j = i + 1
            while j < len(kinds) and kinds[j] in ("short", "banner", "subtitle", "noise"):
                j += 1
            if j > i + 1 and j < len(kinds) and kinds[j] == "body":
                starts.setdefault(i, j)
    first = next((i for i, kind in enumerate(kinds) if kind != "noise"), 0)  # after the site's chrome
    if not has_md and paragraphs and 0 not in starts and first not in starts \
            and kinds[first] in ("short", "banner", "column"):
        j = first
        while j < len(kinds) and kinds[j] in ("short", "banner", "subtitle", "noise", "column"):
            j += 1
        if j < len(kinds) and kinds[j] in ("body", "section", "lead", "byline"):
            starts[0] = j
    return starts


def _articles(paragraphs: list, kinds: list[str], starts: dict[int, int]) -> list[ArticleSpan]:
    """The articles that begin at ``starts``, each with its headline and its paragraphs' kinds."""
    ordered = sorted(starts)
    if not ordered:
        ordered = [0]
        starts[0] = 0
    if ordered[0] != 0:  # a feature's 导语 before its headline joins the first article
        starts[0] = starts.pop(ordered[0])
        head_from = ordered[0]
        ordered[0] = 0
    else:
        head_from = 0
    articles = []
    for n, first in enumerate(ordered):
        last = ordered[n + 1] if n + 1 < len(ordered) else len(paragraphs)
        lead = starts[first]
        block_from = head_from if n == 0 else first
        headline = choose_headline(paragraphs[block_from:lead]) if lead > block_from or kinds[lead] == "heading" else None
        if kinds[lead] == "heading":
            headline = choose_headline([paragraphs[lead]])
        art_kinds = []
        for i in range(first, last):
            kind = kinds[i]
            if kind in ("short", "banner", "column", "subtitle", "heading") and block_from <= i <= lead:
                kind = "headline" if kind in ("short", "heading") else kind
            elif kind in ("short", "heading", "noise"):
                kind = "body" if kind != "noise" else "noise"
            art_kinds.append(kind)
        articles.append(ArticleSpan(headline, tuple(paragraphs[first:last]), tuple(art_kinds)))
    return articles


def blocks_of(article: ArticleSpan, offset: int) -> tuple[Block, ...]:
    """The article's paragraphs as blocks with offsets relative to ``offset``."""
    return tuple(Block(kind, p.start - offset, p.end - offset)
                 for p, kind in zip(article.paragraphs, article.kinds))
