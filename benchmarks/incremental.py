#!/usr/bin/env python3
"""Incremental builds on a large store: wall time and peak memory of each step.

    python benchmarks/incremental.py [--articles 100000] [--new 1000] [--jobs 2]

Builds a fresh store from ``make_corpus.py --articles N`` (kept in
``benchmarks/out/``), builds it again from the same pages, then from the folder
grown by ``--new`` pages of another seed. Each step runs in a fresh process
(``build_once.py --keep``), so each peak is that step's own.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def step(corpus: Path, store: Path, jobs: int, *, fresh: bool) -> dict:
    """One build in a fresh process: its figures (see build_once.py)."""
    command = [sys.executable, str(ROOT / "benchmarks" / "build_once.py"), str(corpus), str(store),
               "--jobs", str(jobs)] + ([] if fresh else ["--keep"])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000, help="pages added in the last step")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    corpus = OUT / f"corpus-{args.articles}"
    if not (corpus / f"{args.articles - 1:06d}.txt").exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(corpus), "--articles", str(args.articles)], check=True)
    grown = OUT / f"corpus-{args.articles}-grown"
    if not grown.exists():  # the same pages, linked, and new ones under names of their own
        extra = OUT / f"corpus-new-{args.new}"
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(extra), "--articles", str(args.new), "--seed", "2"],
                       check=True)
        grown.mkdir(parents=True)
        for page in corpus.glob("*.txt"):
            (grown / page.name).symlink_to(page)
        for page in extra.glob("*.txt"):
            shutil.copy(page, grown / f"new-{page.name}")
    store = OUT / f"store-{args.articles}-incremental"
    rows = [("fresh build", step(corpus, store, args.jobs, fresh=True)),
            ("the same pages again", step(corpus, store, args.jobs, fresh=False)),
            (f"the folder grown by {args.new:,} pages", step(grown, store, args.jobs, fresh=False))]
    print(f"| {args.articles:,} articles, --jobs {args.jobs} | wall time | pages extracted / unchanged / "
          "emitted again | peak memory (main; worker) |")
    print("|---|---|---|---|")
    for label, r in rows:
        print(f"| {label} | {r['seconds']:.1f} s | {r['extracted']:,} / {r['unchanged']:,} / {r['reemitted']:,} "
              f"| {r['peak_mb']:.0f} MB; {r['worker_peak_mb']:.0f} MB |")


if __name__ == "__main__":
    sys.exit(main())
