#!/usr/bin/env python3
"""Load on `kg serve`: concurrent clients running the README's questions, and a runaway query.

    .venv/bin/python benchmarks/serve_load.py [--store benchmarks/out/store-10000-jobs1]
                                              [--clients 50] [--seconds 60] [--workers 2]

Starts ``kg serve STORE`` on a free loopback port (nothing leaves this machine), then runs
``--clients`` threads for ``--seconds``: each sends the README's questions
(``queries/*.rq``) in turn, over HTTP with keep-alive off, and times each answer from
request to last byte. One more client sends a cross product of all triples again and again:
it must meet the timeout (503) while the others keep their latency. Prints, per question,
the number of answers, errors, and the median and p99 latency; and the runaway's outcomes.
Build the store first: ``kg build benchmarks/out/corpus-10000 --store benchmarks/out/store-10000-jobs1``
(``benchmarks/run.py`` makes both).
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(url: str, query: str) -> tuple[int, float]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default=str(ROOT / "benchmarks" / "out" / "store-10000-jobs1"))
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, help="query workers (default: kg serve's, cores + 1)")
    ap.add_argument("--no-runaway", action="store_true", help="the clients alone, as the yardstick")
    ap.add_argument("--timeout", type=float, default=10)
    args = ap.parse_args()
    questions = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))}
    port = free_port()
    kg = Path(sys.executable).with_name("kg")
    workers = ["--workers", str(args.workers)] if args.workers else []
    server = subprocess.Popen([str(kg), "serve", args.store, "--port", str(port), *workers,
                               "--timeout", str(args.timeout)], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        times: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        runaway: list[tuple[int, float]] = []
        stop = time.monotonic() + args.seconds
        lock = threading.Lock()

        def client(offset: int) -> None:
            names = list(questions)
            turn = offset
            while time.monotonic() < stop:
                name = names[turn % len(names)]
                status, seconds = ask(url, questions[name])
                with lock:
                    if status == 200:
                        times[name].append(seconds)
                    else:
                        errors[name] += 1
                turn += 1

        def runaway_client() -> None:
            while time.monotonic() < stop:
                runaway.append(ask(url, RUNAWAY))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        if not args.no_runaway:
            threads.append(threading.Thread(target=runaway_client))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{args.clients} clients for {args.seconds:g} s against {args.store} ({args.workers or 'default'} query workers, "
          f"timeout {args.timeout:g} s), loopback")
    print("| question | answers | errors | median ms | p99 ms |")
    print("|---|---|---|---|---|")
    for name in questions:
        values = sorted(times[name])
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")
        median = statistics.median(values) if values else float("nan")
        print(f"| {name} | {len(values)} | {errors[name]} | {median * 1000:.0f} | {p99 * 1000:.0f} |")
    outcomes = defaultdict(int)
    for status, _ in runaway:
        outcomes[status] += 1
    slowest = max((s for _, s in runaway), default=0)
    print(f"runaway cross product: {dict(outcomes)} (status: count), each answered within {slowest:.1f} s")


if __name__ == "__main__":
    main()
