#!/usr/bin/env python3
"""One timed build, for benchmarks/run.py: prints a JSON line with its figures.

    python benchmarks/build_once.py CORPUS STORE [--jobs N] [--engine local|dask] [--keep]

Times ``kg.building.builder.build_store`` after jieba's dictionary is loaded (the plain
jieba figure excludes that load too); peak memory is this process's maximum
resident set, and that of its worker processes. The store is deleted first,
unless ``--keep`` (an incremental build).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("store")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--keep", action="store_true", help="build into the existing store")
    args = ap.parse_args()
    from kg.building.builder import build_store
    from kg.pipeline.page import warm_up
    from kg.settings import Engine
    if not args.keep:
        shutil.rmtree(args.store, ignore_errors=True)
    warm_up()  # forked workers inherit the loaded dictionary
    os.sync()  # what earlier runs wrote goes to disk now, not during this timing
    start = time.perf_counter()
    summary = build_store(args.corpus, args.store, engine=Engine(jobs=args.jobs, name=args.engine))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "articles": summary.articles, "pages": summary.pages,
                      "extracted": summary.extracted, "unchanged": summary.unchanged,
                      "reemitted": summary.reemitted, "peak_mb": peak, "worker_peak_mb": workers}))


if __name__ == "__main__":
    sys.exit(main())
