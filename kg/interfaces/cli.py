"""The ``kg`` command: a thin layer over the library.

    kg build INPUT... [-o DIR] [--store DIR] [--jobs N|auto] [--engine local|dask [--scheduler ADDR]] [--home-city 北京]
    kg query (GRAPH | --store DIR) (QUERY | --file Q.rq) [--format table|csv|json]
    kg export (GRAPH | --store DIR) --format ttl|nt|nq|graphml -o FILE
    kg stats (GRAPH | --store DIR)
    kg eval (GRAPH | --store DIR) --gold DIR [--errors] [--json]
    kg serve (STORE | GRAPH) [--host 127.0.0.1] [--port 7878] [--timeout 10]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from itertools import chain, islice
from pathlib import Path

from tqdm import tqdm

from kg.building.children import as_child_process
from kg.building.store import GraphStore, process_alive, unfinished_build
from kg.errors import OutputError, QueryError, UnionKGError
from kg.graph.access import GraphAccess, TriplesAnswer, refuse_updates
from kg.graph.evaluate import evaluate, format_report
from kg.graph.export import FORMATS
from kg.graph.stats import stats
from kg.settings import ENGINES, Engine, Settings

MAIN_EXPORTS = (("turtle", "graph.ttl"), ("graphml", "graph.graphml"))  # what `kg build -o DIR` writes


MAX_AUTO_JOBS = 8  # each worker holds jieba's dictionary and the gazetteer (about 180 MB)


def auto_jobs() -> int:
    """``kg build``'s default ``--jobs``: a worker per core this process may use (a container's
    or taskset's limit, not the machine's), at most :data:`MAX_AUTO_JOBS`. Every engine builds
    the same bytes, and a pool costs nothing measurable even on the five-page sample."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_JOBS))


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _jobs(text: str) -> int:
    return auto_jobs() if text == "auto" else _positive(text)


def open_graph(args) -> GraphAccess:
    """The graph a command names: a file, or ``--store DIR`` (the parser allows one, not both)."""
    if args.store:
        unfinished = unfinished_build(args.store)
        if unfinished is not None:
            pid, running = unfinished
            print(f"kg: warning: {args.store}: " + (f"a build (process {pid}) is changing this store; the answer may "
                  "mix its before and after" if running else "its last build was interrupted; the answer may be "
                  "partial until the next kg build --store repairs it"), file=sys.stderr)
        return GraphStore(args.store, read_only=True)
    if args.graph is None:
        raise UnionKGError("give a graph file or --store DIR")
    return GraphStore.from_file(args.graph)


class PhaseBars:
    """The build's progress on a terminal (nothing when standard error is not one): a bar per
    phase, with a total and an estimated time left where the phase has a total."""

    def __init__(self):
        self._bar = None

    def phase(self, name: str, total: int | None = None) -> None:
        self.close()
        self._bar = tqdm(total=total, desc=name, unit=" pages" if total is not None else "", file=sys.stderr,
                         disable=None, leave=False)

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


# exit codes, as `kg --help` and the README say
OK, SKIPPED, FAILED, INTERRUPTED = 0, 1, 2, 130
SCRATCH_PREFIX = "unionkg-store-"


def check_output_folder(folder: Path) -> None:
    """Fail now, not after the build, when exports cannot be written to ``folder``."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; -o takes a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".unionkg-check-"):
            pass
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror or exc})") from None


def _remove_stale_scratch() -> None:
    """Scratch stores of builds that were killed (their process is gone)."""
    for folder in Path(tempfile.gettempdir()).glob(SCRATCH_PREFIX + "*"):
        pid = folder.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def cmd_build(args) -> int:
    from kg.building.builder import build_store  # the pipeline, for this command only (start-up of the others)
    # -o DIR; else exports/ without a store, and no exports with one
    output = Path(args.output) if args.output else (None if args.store else Path("exports"))
    if output is not None:
        check_output_folder(output)
    _remove_stale_scratch()
    bars = None if args.quiet else PhaseBars()
    engine = Engine(jobs=args.jobs, name=args.engine, scheduler=args.scheduler)
    scratch = None if args.store else tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
    try:
        folder = args.store or scratch
        summary = build_store(args.inputs, folder, settings=Settings(home_city=args.home_city), engine=engine,
                              progress=bars, shards=args.shards)
        written = []
        if output is not None:
            if bars:
                bars.phase("exporting " + ", ".join(name for _, name in MAIN_EXPORTS))
            written = export_side_by_side(Path(folder), output)
        if bars:
            bars.close()
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    for line in summary.lines():
        print(line)
    if args.store:
        print(f"store {args.store}")
    for path in written:
        print(f"wrote {path}")
    return SKIPPED if summary.problems else OK


def export_side_by_side(store: Path, output: Path) -> list[Path]:
    """Write :data:`MAIN_EXPORTS` of a store at once, each in a forked process of its own.

    Oxigraph's dump runs outside the GIL, but the network's queries and its Python work
    need it: in threads beside the dump they waited for it (``docs/decisions/0013``: at 10,000
    articles 5.7 s in threads, 4.7 s in processes, 10.1 s one after the other). Where the
    platform cannot fork, threads, with the network's queries one after the other.
    """
    tasks = [(str(store), fmt, str(output / name)) for fmt, name in MAIN_EXPORTS]
    if "fork" not in multiprocessing.get_all_start_methods():
        with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
            return list(pool.map(lambda task: _export_store(*task, side_by_side=False), tasks))
    with multiprocessing.get_context("fork").Pool(len(tasks), initializer=as_child_process) as pool:
        return pool.starmap(_export_store, tasks)


def _export_store(store: str, fmt: str, path: str, *, side_by_side: bool = True) -> Path:
    """Export a store (opened read-only: the other exports read it too) in ``fmt`` to ``path``."""
    graph = GraphStore(store, read_only=True)
    graph.reads_side_by_side = side_by_side
    return graph.export(fmt, path)


def cmd_export(args) -> int:
    path = open_graph(args).export(args.format, args.output)
    if path is not None:
        print(f"wrote {path}")
    return 0


def _cell(value) -> str:
    return "" if value is None else str(value)


TABLE_SAMPLE = 200  # rows a table's column widths are measured on; later rows stream as they come


def write_rows(result, fmt: str, out) -> None:
    """Write SELECT results as a table, CSV or JSON, row by row as they come."""
    names = [str(v) for v in result.vars]
    rows = ([_cell(value) for value in row] for row in result)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(row)
        return
    if fmt == "json":
        out.write("[")
        for number, row in enumerate(rows):
            out.write(("," if number else "") + "\n " + json.dumps(dict(zip(names, row)), ensure_ascii=False))
        out.write("\n]\n")
        return
    first = list(islice(rows, TABLE_SAMPLE))
    widths = [max([_width(n)] + [_width(r[i]) for r in first]) for i, n in enumerate(names)]
    out.write("  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in chain(first, rows):
        out.write("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() + "\n")


def format_rows(result, fmt: str) -> str:
    """Query results as a table, CSV or JSON text (see :func:`write_rows`)."""
    buffer = io.StringIO()
    write_rows(result, fmt, buffer)
    return buffer.getvalue().rstrip("\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _sparql_of(args) -> str:
    if args.file:
        return Path(args.file).read_text(encoding="utf-8")
    if args.query == "-":
        return sys.stdin.read()
    if args.query:
        return args.query
    raise UnionKGError("give a query or --file Q.rq")


def answer(graph: GraphAccess, sparql: str, fmt: str, stdout) -> None:
    """Run a query and write its answer: rows (SELECT), true/false (ASK), N-Triples or
    Turtle (CONSTRUCT, DESCRIBE; ``--format ttl`` for Turtle)."""
    result = graph.query(sparql)
    if isinstance(result, bool):
        stdout.write("true\n" if result else "false\n")
    elif isinstance(result, TriplesAnswer):
        stdout.flush()
        result.write(stdout.buffer, "turtle" if fmt in ("ttl", "turtle") else "nt")
    else:
        write_rows(result, "table" if fmt in ("ttl", "turtle", "nt") else fmt, stdout)
    stdout.flush()


def _query_child(args, sparql: str, loaded) -> None:
    """The query process: load the graph, say so, answer, exit (killed on timeout or Ctrl-C)."""
    as_child_process()  # the parent stops this process
    out = io.TextIOWrapper(open(1, "wb", closefd=False), encoding="utf-8", line_buffering=False)
    code = 0
    try:
        graph = open_graph(args)
        loaded.set()
        answer(graph, sparql, args.format, out)
    except BrokenPipeError:
        pass
    except (UnionKGError, FileNotFoundError) as exc:
        print(f"kg: {exc}", file=sys.stderr, flush=True)
        code = 2
    finally:
        try:
            out.flush()
        except BrokenPipeError:
            pass
    os._exit(code)


def cmd_query(args) -> int:
    """Answer in a child process, so that a runaway query stops at ``--timeout`` or Ctrl-C
    (SPARQL engines do not stop mid-query); its output streams to standard output."""
    sparql = _sparql_of(args)
    refuse_updates(sparql)
    sys.stdout.flush()
    context = multiprocessing.get_context("fork")
    loaded = context.Event()
    child = context.Process(target=_query_child, args=(args, sparql, loaded), daemon=True)
    child.start()
    try:
        while child.is_alive() and not loaded.wait(0.1):  # loading a graph file has no time limit
            pass
        deadline = time.monotonic() + args.timeout if args.timeout else None
        while child.is_alive():
            child.join(0.1)
            if deadline is not None and child.is_alive() and time.monotonic() > deadline:
                child.kill()
                child.join()
                raise QueryError(f"the query was stopped after {args.timeout:g} s (--timeout SECONDS; 0 for none)")
    finally:
        if child.is_alive():  # Ctrl-C: the query stops now, not when it would have finished
            child.kill()
            child.join()
    return child.exitcode


def cmd_serve(args) -> int:
    from kg.interfaces.serve import serve  # the web stack, for this command only (start-up of the others)
    if not Path(args.source).exists():
        raise UnionKGError(f"{args.source}: no such store folder or graph file")
    print(f"serving {args.source} at http://{args.host}:{args.port}/ (SPARQL at /sparql; Ctrl-C stops)", flush=True)
    serve(args.source, host=args.host, port=args.port, timeout=args.timeout, workers=args.workers,
          cap=args.max_result_mb * 1_000_000)
    return OK


def cmd_stats(args) -> int:
    for what, count in stats(open_graph(args)):
        print(f"{what}  {count}")
    return 0


def cmd_eval(args) -> int:
    report = evaluate(open_graph(args), args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, errors=args.errors))
    return 0


def _graph_arguments(command: argparse.ArgumentParser) -> None:
    """A graph file or ``--store DIR``: one of them, never both (argparse says so)."""
    which = command.add_mutually_exclusive_group(required=True)
    which.add_argument("graph", nargs="?", help="a graph file (Turtle, N-Triples, any RDF syntax)")
    which.add_argument("--store", help="a store folder (kg build ... --store DIR)")


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kg`` command."""
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese trade-union news.",
                                 epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the graph from pages (.txt, .md, .jsonl files or folders)")
    b.add_argument("inputs", nargs="+")
    b.add_argument("-o", "--output", help="export graph.ttl and graph.graphml to this folder "
                   "(default: exports, or none when --store is given)")
    b.add_argument("--store", help="build into (or update) this Oxigraph store folder")
    b.add_argument("--jobs", type=_jobs, default="auto",
                   help="worker processes for extraction, or auto: one per core, at most 8 (default: auto)")
    b.add_argument("--engine", choices=ENGINES, default="local", help="where extraction runs (default: local)")
    b.add_argument("--scheduler", help="Dask scheduler address (with --engine dask; default: a local cluster)")
    b.add_argument("--shards", help="keep the N-Quads shards this build loads in this folder")
    b.add_argument("--home-city", help="the city 市总工会 refers to in an article that names no city "
                   "(default: none; an article's own city always comes first)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="run SPARQL over a graph file or a store",
                       usage="kg query (GRAPH | --store DIR) (QUERY | --file Q.rq) [--format table|csv|json]")
    q.add_argument("words", nargs="*", metavar="[GRAPH] QUERY",
                   help="a graph file (unless --store), then the SPARQL text or - for stdin")
    q.add_argument("--store", help="query this store folder instead of a file")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=["table", "csv", "json", "nt", "ttl"], default="table",
                   help="rows as a table, CSV or JSON; CONSTRUCT/DESCRIBE as N-Triples (default) or ttl")
    q.add_argument("--timeout", type=float, default=60.0,
                   help="stop the query after this many seconds (default 60; 0: no limit)")
    q.set_defaults(func=cmd_query, parser=q)
    s = sub.add_parser("stats", help="count entities and facts in a graph file or a store")
    _graph_arguments(s)
    s.set_defaults(func=cmd_stats)
    x = sub.add_parser("export", help="write a graph as Turtle, N-Triples, N-Quads or GraphML")
    _graph_arguments(x)
    x.add_argument("--format", choices=FORMATS, default="turtle")
    x.add_argument("-o", "--output", required=True, help="the file to write (- for stdout)")
    x.set_defaults(func=cmd_export)
    v = sub.add_parser("serve", help="a read-only SPARQL endpoint and the explorer page over a store or a graph file")
    v.add_argument("source", help="a store folder (kg build ... --store DIR) or a graph file")
    v.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: this machine only)")
    v.add_argument("--port", type=int, default=7878)
    v.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10; then 503)")
    v.add_argument("--workers", type=_positive, help="queries answered at once (default: cores + 1)")
    v.add_argument("--max-result-mb", type=_positive, default=50, help="the largest answer (default 50 MB; then 413)")
    v.set_defaults(func=cmd_serve)
    e = sub.add_parser("eval", help="precision, recall and F1 against gold annotations")
    _graph_arguments(e)
    e.add_argument("--gold", required=True, help="folder of gold *.json files (see the guideline)")
    e.add_argument("--errors", action="store_true", help="list what was missed and what was wrong")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.set_defaults(func=cmd_eval)
    return ap


def _query_words(args) -> None:
    """Split ``kg query``'s words into ``graph`` and ``query`` (a graph file and --store conflict)."""
    most = 1 if args.store else 2
    if len(args.words) > most:
        args.parser.error("give a graph file or --store DIR, not both" if args.store else "too many arguments")
    words = ([None] if args.store else []) + list(args.words) + [None, None]
    args.graph, args.query = words[0], words[1]


EXIT_CODES = """exit codes:
  0    done
  1    done, but some inputs were skipped (each is named, with the reason)
  2    failed: bad arguments, no page could be read, a bad query, a store in use; nothing written
  130  interrupted (Ctrl-C or SIGTERM); a build's store is repaired by the next build"""


class Terminated(Exception):
    """SIGTERM, turned into an exception so that cleanup runs as for Ctrl-C."""


def _terminate(signum, frame):
    raise Terminated()


def main(argv=None) -> int:
    """Entry point of the ``kg`` command."""
    args = parser().parse_args(argv)
    if args.command == "query":
        _query_words(args)
    previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
    try:
        return args.func(args)
    except (UnionKGError, FileNotFoundError) as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return FAILED
    except (KeyboardInterrupt, Terminated):
        print("kg: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # `kg stats … | head -1`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
