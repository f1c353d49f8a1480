"""Stage 1: read input paths into pages.

Files and folders (recursive, sorted) of .txt/.md pages and JSON Lines dumps
(one article per line: "id", "text", optional "title", "date", "url").
Encodings are detected per file. A file or line that cannot be read becomes a
:class:`ReadProblem` in the report; the build goes on without it.
"""
from __future__ import annotations

import json
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
    """Decode bytes, detecting UTF-8 (BOM or not), UTF-16 and GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
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


def _plausibility(text: str) -> float:
    """Share of characters that Chinese news text is made of."""
    if not text:
        return 0.0
    good = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\n\r\t"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2010" <= c <= "\u2027")
    return good / len(text)


def iter_pages(paths: Iterable, report: ReadReport | None = None) -> Iterator[Page]:
    """Yield the pages of files and folders, recording problems in ``report``."""
    report = report if report is not None else ReadReport()
    for given in paths:
        root = Path(given)
        if not root.exists():
            report.problems.append(ReadProblem(str(given), "file not found"))
            continue
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES)
        for path in files:
            rel = path.name if path == root else path.relative_to(root).as_posix()
            try:
                text, encoding = decode_bytes(path.read_bytes())
            except (OSError, DecodeFailure) as exc:
                report.problems.append(ReadProblem(str(path), str(exc)))
                continue
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            report.files_read += 1
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                for number, line in enumerate(text.splitlines(), 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        page = Page(f"{rel}#{record['id']}", path.name, record["text"], record.get("title"),
                                    record.get("date"), record.get("url"), encoding)
                    except (ValueError, KeyError, TypeError) as exc:
                        report.problems.append(ReadProblem(str(path), f"line {number}: {exc}"))
                        continue
                    report.pages += 1
                    yield page
            elif text.strip():
                report.pages += 1
                yield Page(rel, path.name, text, encoding=encoding)
            else:
                report.problems.append(ReadProblem(str(path), "empty file"))
