#!/usr/bin/env python3
"""A page of one long line: time and peak memory grow with its size, not faster.

    .venv/bin/python benchmarks/long_page.py [--sizes 1 10 50]

Makes single-line pages of 1, 10 and 50 MB (the sample's pages joined without
line breaks, repeated; kept in benchmarks/out/) and times the whole process of
``kg build PAGE -o OUT -q`` for each, as a user types it: start-up, extraction,
the store, and writing graph.ttl and graph.graphml are all in the figure. Peak
memory is the process's maximum resident set (``os.wait4``).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "long-page"


def page_of(megabytes: int) -> Path:
    path = OUT / f"line-{megabytes}mb.txt"
    if not path.exists():
        unit = "".join(p.read_text(encoding="utf-8").replace("\n", "")
                       for p in sorted((ROOT / "corpus" / "sample").glob("*.txt")))
        size = megabytes * 1024 * 1024
        text = unit * (size // len(unit.encode("utf-8")) + 1)
        text = text[:int(len(text) * size / len(text.encode("utf-8")))]
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def timed_build(page: Path) -> tuple[float, float]:
    """(seconds, peak MB) of one ``kg build`` process."""
    target = OUT / f"{page.stem}-exports"
    shutil.rmtree(target, ignore_errors=True)
    kg = Path(sys.executable).with_name("kg")
    start = time.perf_counter()
    process = subprocess.Popen([str(kg), "build", str(page), "-o", str(target), "-q"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status:
        raise SystemExit(f"kg build {page} failed ({status})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50], help="page sizes in MB")
    args = ap.parse_args()
    print("| one-line page | `kg build PAGE -o OUT` wall | s per MB | peak memory |")
    print("|---|---|---|---|")
    for megabytes in args.sizes:
        seconds, peak = timed_build(page_of(megabytes))
        print(f"| {megabytes} MB | {seconds:.1f} s | {seconds / megabytes:.1f} | {peak:.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
