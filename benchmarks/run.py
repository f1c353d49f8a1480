#!/usr/bin/env python3
"""unionkg's speed and scale benchmark, in one command.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000] [--runs 3] [--repeat 5] [--scale 100000]

For each size, makes a synthetic corpus with ../shared/bench/make_corpus.py
(kept under benchmarks/out/ for the next run) and prints side by side:

* plain ``jieba.lcut`` over the pages' text (the tokenizer's own speed);
* ``kg build --store`` in one process: articles/s, MB of text/s, and the
  ratio of its MB/s to jieba's;
* the same with ``--jobs 2``, and its speed-up over ``--jobs 1``;
* whole processes as a user types them, in turn with ``benchmarks/jieba_pages.py``:
  ``kg build DIR -o OUT`` with ``--jobs 1`` and as typed (``--jobs auto``), and
  ``kg build DIR --store S`` with ``--jobs 1`` and ``--jobs 2``;
* peak memory (main process; worker processes);
* median latency of the README's questions (queries/*.rq) on the Oxigraph
  store and on rdflib's in-memory engine (rdflib on the smallest size only:
  loading a larger graph into rdflib takes minutes).

Every timing is the median of ``--runs`` runs (3 by default), jieba's and
each build's alike, each build in a fresh process, the three taking turns:
on a shared machine one run can be a third slower than the next, and a
ratio of two single runs says more about the neighbours than about unionkg.

``--scale 100000`` adds one build of that many articles (``--jobs 1``), for its peak
memory, and the median latency of the README's questions on its store.
Results go to benchmarks/out/results.md and results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def corpus(size: int) -> Path:
    """The synthetic corpus of ``size`` articles (made once)."""
    folder = OUT / f"corpus-{size}"
    if not (folder / f"{size - 1:06d}.txt").exists():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(folder), "--articles", str(size)], check=True)
    return folder


def texts_of(folder: Path) -> list[str]:
    from kg.pipeline.read import iter_pages
    return [page.text for page in iter_pages([folder])]


def plain_jieba(texts: list[str]) -> float:
    """Seconds for jieba.lcut over the texts (dictionary loaded beforehand)."""
    import jieba
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def build_once(folder: Path, store: Path, jobs: int) -> dict:
    """One build in a fresh process, into a fresh store: its seconds and peak memory."""
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build_once.py"), str(folder), str(store),
                          "--jobs", str(jobs)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def summarise(results: list[dict]) -> dict:
    """Builds of one setting: median seconds, every run's seconds, highest peak memory."""
    summary = dict(results[-1])
    summary["seconds"] = statistics.median(r["seconds"] for r in results)
    summary["runs"] = [round(r["seconds"], 2) for r in results]
    for key in ("peak_mb", "worker_peak_mb"):
        summary[key] = max(r[key] for r in results)
    return summary


def timed_size(folder: Path, texts: list[str], size: int, runs: int) -> dict:
    """jieba, ``--jobs 1`` and ``--jobs 2``, taking turns ``runs`` times (a slow spell
    of the machine then slows all three alike), and their medians."""
    jieba_times, builds = [], {1: [], 2: []}
    for _ in range(runs):
        os.sync()  # the last build's files are written out before the next timing, not during it
        jieba_times.append(plain_jieba(texts))
        for jobs in builds:  # build_once syncs too
            builds[jobs].append(build_once(folder, OUT / f"store-{size}-jobs{jobs}", jobs))
    row = {"jieba_s": statistics.median(jieba_times), "jieba_runs": [round(t, 2) for t in jieba_times]}
    row.update({f"jobs{jobs}": summarise(results) for jobs, results in builds.items()})
    return row


WHOLE = {  # the commands a user types, timed as whole processes, in turn
    "jieba": lambda folder, out: [sys.executable, str(ROOT / "benchmarks" / "jieba_pages.py"), str(folder)],
    "build -o, jobs 1": lambda folder, out: [str(KG), "build", str(folder), "-o", str(out / "exports"), "--jobs", "1",
                                             "-q"],
    # the README's main command as typed: workers as the machine has cores (--jobs auto)
    "build -o, as typed": lambda folder, out: [str(KG), "build", str(folder), "-o", str(out / "exports"), "-q"],
    "build --store, jobs 1": lambda folder, out: [str(KG), "build", str(folder), "--store", str(out / "s1"),
                                                  "--jobs", "1", "-q"],
    "build --store, jobs 2": lambda folder, out: [str(KG), "build", str(folder), "--store", str(out / "s2"),
                                                  "--jobs", "2", "-q"],
}
KG = Path(sys.executable).with_name("kg")


def whole_processes(folder: Path, size: int, runs: int) -> dict[str, dict]:
    """Median wall seconds of each command of :data:`WHOLE`, taking turns ``runs`` times;
    each build starts from nothing (its store and exports removed first)."""
    seconds: dict[str, list[float]] = {name: [] for name in WHOLE}
    scratch = OUT / f"whole-{size}"
    for _ in range(runs):
        for name, command in WHOLE.items():
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir(parents=True)
            os.sync()
            started = time.perf_counter()
            subprocess.run(command(folder, scratch), check=True, stdout=subprocess.DEVNULL)
            seconds[name].append(time.perf_counter() - started)
    shutil.rmtree(scratch, ignore_errors=True)
    return {name: {"seconds": statistics.median(values), "runs": [round(v, 2) for v in values]}
            for name, values in seconds.items()}


def latencies(run, queries: list[Path], repeat: int) -> dict[str, float]:
    """Median milliseconds per query file."""
    out = {}
    for path in queries:
        sparql = path.read_text(encoding="utf-8")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            list(run(sparql))
            times.append((time.perf_counter() - start) * 1000)
        out[path.stem] = statistics.median(times)
    return out


def rdflib_graph(store: Path):
    from kg.building.store import GraphStore
    return GraphStore(store, read_only=True).to_rdflib()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3, help="runs of jieba and of each build (median)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    ap.add_argument("--scale", type=int, help="also build this many articles, for peak memory")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    from kg.building.store import GraphStore
    queries = sorted((ROOT / "queries").glob("*.rq"))
    results = {"machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                          f"Python {platform.python_version()}", "runs": args.runs, "sizes": {}}
    for size in args.sizes:
        folder = corpus(size)
        texts = texts_of(folder)
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        row = {"pages": len(texts), "megabytes": megabytes, **timed_size(folder, texts, size, args.runs),
               "whole": whole_processes(folder, size, args.runs)}
        store = GraphStore(OUT / f"store-{size}-jobs1", read_only=True)
        row["oxigraph_ms"] = latencies(store.query, queries, args.repeat)
        if size == min(args.sizes):
            graph = rdflib_graph(OUT / f"store-{size}-jobs1")
            row["rdflib_ms"] = latencies(graph.query, queries, args.repeat)
            del graph
        del store
        results["sizes"][size] = row
        print(f"done {size} articles", file=sys.stderr)
    if args.scale:
        folder = corpus(args.scale)
        results["scale"] = {"articles_made": args.scale, **build_once(folder, OUT / f"store-{args.scale}", 1)}
        results["scale"]["oxigraph_ms"] = latencies(GraphStore(OUT / f"store-{args.scale}", read_only=True).query,
                                                    queries, args.repeat)
    report = format_report(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (OUT / "results.md").write_text(report + "\n", encoding="utf-8")
    print(report)


def format_report(results: dict) -> str:
    """The results as a Markdown table."""
    sizes = results["sizes"]
    cols = list(sizes)
    lines = [f"machine: {results['machine']}; timings: median of {results.get('runs', 1)} runs", "",
             "| | " + " | ".join(f"{c:,} synthetic articles" for c in cols) + " |",
             "|---|" + "---|" * len(cols)]

    def add(label, cell):
        lines.append(f"| {label} | " + " | ".join(cell(sizes[c]) for c in cols) + " |")

    add("pages / articles", lambda r: f"{r['pages']:,} / {r['jobs1']['articles']:,}")
    add("text (MB, UTF-8)", lambda r: f"{r['megabytes']:.1f}")
    add("plain `jieba.lcut`: s (runs), MB/s", lambda r: (
        f"{r['jieba_s']:.1f} s ({', '.join(f'{x:.1f}' for x in r['jieba_runs'])}), "
        f"{r['megabytes'] / r['jieba_s']:.2f} MB/s"))
    for jobs in (1, 2):
        add(f"`kg build --store --jobs {jobs}`: s (runs)", lambda r, j=jobs: (
            f"{r[f'jobs{j}']['seconds']:.1f} s ({', '.join(f'{x:.1f}' for x in r[f'jobs{j}']['runs'])})"))
        add(f"  articles/s, MB/s (jobs {jobs})", lambda r, j=jobs: (
            f"{r[f'jobs{j}']['articles'] / r[f'jobs{j}']['seconds']:,.0f}/s, "
            f"{r['megabytes'] / r[f'jobs{j}']['seconds']:.2f} MB/s"))
    add("**build ÷ jieba throughput (jobs 1)**", lambda r: f"**{r['jieba_s'] / r['jobs1']['seconds']:.2f}**")
    add("**speed-up jobs 2 ÷ jobs 1**", lambda r: f"**{r['jobs1']['seconds'] / r['jobs2']['seconds']:.2f}×**")
    for name in WHOLE:
        add(f"whole process: `{name}`, s (runs)", lambda r, n=name: (
            f"{r['whole'][n]['seconds']:.1f} ({', '.join(f'{x:.1f}' for x in r['whole'][n]['runs'])})"))
    for name in list(WHOLE)[1:]:
        add(f"**whole process: `{name}` ÷ jieba throughput**",
            lambda r, n=name: f"**{r['whole']['jieba']['seconds'] / r['whole'][n]['seconds']:.2f}**")
    add("**whole process: jobs 2 ÷ jobs 1**", lambda r: (
        f"**{r['whole']['build --store, jobs 1']['seconds'] / r['whole']['build --store, jobs 2']['seconds']:.2f}×**"))
    add("peak memory jobs 1 (MB)", lambda r: f"{r['jobs1']['peak_mb']:.0f}")
    add("peak memory jobs 2: main; worker (MB)", lambda r: f"{r['jobs2']['peak_mb']:.0f}; {r['jobs2']['worker_peak_mb']:.0f}")
    for name in sorted(next(iter(sizes.values()))["oxigraph_ms"]):
        add(f"`{name}.rq`: Oxigraph; rdflib (ms)", lambda r, n=name: (
            f"{r['oxigraph_ms'][n]:.1f}" + (f"; {r['rdflib_ms'][n]:.0f}" if "rdflib_ms" in r else "")))
    if "scale" in results:
        s = results["scale"]
        lines += ["", f"scale: {s['articles']:,} articles ({s['pages']:,} pages) built in {s['seconds']:.0f} s, "
                      f"peak memory {s['peak_mb']:.0f} MB (jobs 1)", "",
                  "| README question | Oxigraph, ms (median) |", "|---|---|"]
        lines += [f"| `{name}.rq` | {ms:.1f} |" for name, ms in sorted(s.get("oxigraph_ms", {}).items())]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
