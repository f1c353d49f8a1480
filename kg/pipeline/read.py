"""Stage 1: read input paths into pages.

Files and folders (recursive, sorted) of .txt/.md pages and JSON Lines dumps
(one article per line: "id", "text", optional "title", "date", "url").
Encodings are detected per file. A file or line that cannot be read becomes a
:class:`ReadProblem` in the report; the build goes on without it.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

SUFFIXES = {".txt", ".md", ".markdown", ".jsonl", ".ndjson"}


class DecodeFailure(ValueError):
    """No supported encoding decodes the bytes."""


@dataclass(frozen=True)
class Page:
    """One input page (a .txt/.md file or one JSON Lines record)."""

    page_id: str
    source_file: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class ReadProblem:
    """A file (or JSONL line) that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ReadReport:
    """What reading saw: files, pages, problems."""

    problems: list[ReadProblem] = field(default_factory=list)
    files_read: int = 0
    pages: int = 0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes, detecting UTF-8 (BOM or not), UTF-16 and GB18030.

    A byte order mark decides the encoding; bytes it cannot decode are a
    :class:`DecodeFailure` that names the place, as is text in no encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", "UTF-8 byte order mark"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            raise DecodeFailure(f"UTF-16 byte order mark, but an odd number of bytes ({len(data)})")
        return _decode(data, "utf-16", "UTF-16 byte order mark"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # no BOM, not UTF-8: UTF-16 (either order) or GB18030, whichever reads as plausible text
    candidates = []
    for encoding in ("gb18030", "utf-16-le", "utf-16-be"):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding == "gb18030", encoding, text))
    if candidates:
        score, _, encoding, text = max(candidates)
        if score >= 0.9:
            return text, encoding
    raise DecodeFailure("cannot decode as UTF-8, UTF-16 or GB18030")


def _decode(data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"{why}, but invalid {encoding.upper()} at byte {exc.start}: {exc.reason}") from None


# characters no output may carry: C0 controls but tab and line breaks, DEL and the C1
# controls, lone surrogates, and the non-characters U+FFFE/U+FFFF (XML and N-Triples
# parsers reject them). Each becomes a space, so that every offset stays.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def safe_text(text: str) -> str:
    """``text`` with the characters no output may carry replaced by spaces (same length).

    >>> safe_text("总工会" + chr(0) + "慰问" + chr(27))
    '总工会 慰问 '
    """
    return _UNSAFE.sub(" ", text) if _UNSAFE.search(text) else text


def display_path(path) -> str:
    """A path as text any output can carry (undecodable bytes of a file name escaped)."""
    return safe_text(str(path).encode("utf-8", "backslashreplace").decode("utf-8"))


def _plausibility(text: str) -> float:
    """Share of characters that Chinese news text is made of."""
    if not text:
        return 0.0
    good = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\n\r\t"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2010" <= c <= "\u2027")
    return good / len(text)


# A page longer than this is read as parts cut at sentence ends, each a page of its own
# (``id``, ``id~1``, ``id~2`` ...; a whole e-paper issue is about 30,000 characters): time
# grows with the page, and a build's memory stays that of one part
MAX_PART_CHARS = 100_000
_SENTENCE_END = re.compile(r"[。!?！？\n]")


def page_parts(text: str, limit: int = MAX_PART_CHARS) -> Iterator[str]:
    """``text`` in consecutive parts of at most ``limit`` characters, each cut after the
    last sentence end before the limit when there is one in its last tenth.

    >>> [len(part) for part in page_parts("甲。" * 60, limit=50)]
    [50, 50, 20]
    >>> [len(part) for part in page_parts("甲乙丙丁。" * 12, limit=50)]
    [50, 10]
    """
    pos = 0
    while len(text) - pos > limit:
        cut = pos + limit
        floor = cut - max(limit // 10, 1)
        end = max((m.end() for m in _SENTENCE_END.finditer(text, floor, cut)), default=cut)
        yield text[pos:end]
        pos = end
    yield text[pos:]


def _pages_of(page: Page) -> Iterator[Page]:
    """A page, or the parts of a page longer than :data:`MAX_PART_CHARS` (the title and
    metadata stay with the first part; date and url with every part)."""
    if len(page.text) <= MAX_PART_CHARS:
        yield page
        return
    for number, part in enumerate(page_parts(page.text)):
        yield dataclasses.replace(page, page_id=page.page_id if number == 0 else f"{page.page_id}~{number}",
                                  text=part, title=page.title if number == 0 else None)


_OPTIONAL_FIELDS = ("title", "date", "url")


def page_of_record(record, rel: str, source: str, encoding: str) -> Page:
    """The page of one JSON Lines record; ValueError says which field is missing or wrong."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, not {_json_type(record)}")
    for name in ("id", "text"):
        if name not in record:
            raise ValueError(f"field {name!r} is missing")
    ident, text = record["id"], record["text"]
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or ident == "":
        raise ValueError(f"field 'id' must be a string or an integer, not {_json_type(ident)}")
    if not isinstance(text, str):
        raise ValueError(f"field 'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise ValueError("field 'text' is empty")
    optional = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            hint = ' (as "2021-01-01")' if name == "date" else ""
            raise ValueError(f"field {name!r} must be a string{hint}, not {_json_type(value)}")
        optional[name] = safe_text(value) if value else None
    return Page(f"{rel}#{display_path(ident)}", source, safe_text(text), encoding=encoding, **optional)


def _json_type(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _files(root: Path, report: ReadReport) -> list[Path]:
    """The page files under a folder, sorted; unreadable and symlinked folders are named in the report."""
    found = []

    def unreadable(error: OSError) -> None:
        report.problems.append(ReadProblem(display_path(error.filename), f"folder not readable ({error.strerror})"))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        for name in list(subfolders):
            if os.path.islink(os.path.join(folder, name)):
                report.problems.append(ReadProblem(display_path(os.path.join(folder, name)),
                                                   "symlinked folder, not followed (give it as an input to read it)"))
        subfolders.sort()
        found += [Path(folder) / name for name in names if Path(name).suffix.lower() in SUFFIXES]
    return sorted(found)


def iter_pages(paths: Iterable, report: ReadReport | None = None) -> Iterator[Page]:
    """Yield the pages of files and folders, recording problems in ``report``."""
    report = report if report is not None else ReadReport()
    for given in paths:
        root = Path(given)
        if not root.exists():
            report.problems.append(ReadProblem(display_path(given), "file not found"))
            continue
        files = [root] if root.is_file() else _files(root, report)
        for path in files:
            rel = display_path(path.name if path == root else path.relative_to(root).as_posix())
            try:
                text, encoding = decode_bytes(path.read_bytes())
            except OSError as exc:
                report.problems.append(ReadProblem(display_path(path), f"cannot read ({exc.strerror or exc})"))
                continue
            except DecodeFailure as exc:
                report.problems.append(ReadProblem(display_path(path), str(exc)))
                continue
            text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))
            report.files_read += 1
            source = display_path(path.name)
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                for number, line in enumerate(text.split("\n"), 1):
                    if not line.strip():
                        continue
                    try:
                        page = page_of_record(json.loads(line), rel, source, encoding)
                    except ValueError as exc:  # json.JSONDecodeError is one
                        report.problems.append(ReadProblem(display_path(path), f"line {number}: {exc}"))
                        continue
                    for part in _pages_of(page):
                        report.pages += 1
                        yield part
            elif text.strip():
                for part in _pages_of(Page(rel, source, text, encoding=encoding)):
                    report.pages += 1
                    yield part
            else:
                report.problems.append(ReadProblem(display_path(path), "empty file"))


def count_pages(paths: Iterable) -> int:
    """About how many pages ``iter_pages`` will yield (for a progress bar's total): a page
    per file, a line per JSON Lines record; files are listed, JSON Lines counted by bytes."""
    total = 0
    for given in paths:
        root = Path(given)
        if not root.exists():
            continue
        for path in [root] if root.is_file() else _files(root, ReadReport()):
            try:
                if path.suffix.lower() in (".jsonl", ".ndjson"):
                    with open(path, "rb") as stream:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
                else:
                    total += 1 + path.stat().st_size // (3 * MAX_PART_CHARS)
            except OSError:
                continue
    return total
