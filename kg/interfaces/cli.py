"""The ``kg`` command: a thin layer over the library.

    kg build INPUT... [-o DIR] [--store DIR] [--jobs N] [--engine local|dask [--scheduler ADDR]] [--home-city 北京]
    kg query (GRAPH | --store DIR) (QUERY | --file Q.rq) [--format table|csv|json]
    kg export (GRAPH | --store DIR) --format ttl|nt|nq|graphml -o FILE
    kg stats (GRAPH | --store DIR)
    kg eval (GRAPH | --store DIR) --gold DIR [--errors] [--json]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import unicodedata
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from kg.building.builder import build_store
from kg.building.store import GraphStore
from kg.errors import GraphFileError, UnionKGError
from kg.graph.access import GraphAccess, KnowledgeGraph
from kg.graph.evaluate import evaluate, format_report
from kg.graph.export import FORMATS
from kg.graph.stats import stats
from kg.settings import ENGINES, Engine, Settings

MAIN_EXPORTS = (("turtle", "graph.ttl"), ("graphml", "graph.graphml"))  # what `kg build -o DIR` writes


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def load_graph_file(path: str) -> KnowledgeGraph:
    """A graph file (any RDF syntax rdflib reads) in memory; a clear error when it is not one."""
    if not Path(path).exists():
        raise GraphFileError(f"{path}: no such graph file")
    graph = Graph()
    try:
        graph.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific errors
        raise GraphFileError(f"{path}: not a readable RDF file ({exc})") from exc
    return KnowledgeGraph(graph)


def open_graph(args) -> GraphAccess:
    """The graph a command names: a file, or ``--store DIR`` (the parser allows one, not both)."""
    if args.store:
        return GraphStore(args.store, read_only=True)
    if args.graph is None:
        raise UnionKGError("give a graph file or --store DIR")
    return load_graph_file(args.graph)


def cmd_build(args) -> int:
    bar = None if args.quiet else tqdm(unit=" pages", desc="extracting", file=sys.stderr, disable=None)
    engine = Engine(jobs=args.jobs, name=args.engine, scheduler=args.scheduler)
    with tempfile.TemporaryDirectory(prefix="unionkg-store-") as scratch:
        folder = args.store or scratch
        summary = build_store(args.inputs, folder, settings=Settings(home_city=args.home_city), engine=engine,
                              progress=bar.update if bar is not None else None, shards=args.shards)
        if bar is not None:
            bar.close()
        output = args.output or (None if args.store else "exports")
        graph = GraphStore(folder) if output else None
        written = [graph.export(fmt, Path(output) / name) for fmt, name in MAIN_EXPORTS] if output else []
    for line in summary.lines():
        print(line)
    if args.store:
        print(f"store {args.store}")
    for path in written:
        print(f"wrote {path}")
    return 0 if summary.articles or not summary.problems else 1


def cmd_export(args) -> int:
    path = open_graph(args).export(args.format, args.output)
    if path is not None:
        print(f"wrote {path}")
    return 0


def _cell(value) -> str:
    return "" if value is None else str(value)


def format_rows(result, fmt: str) -> str:
    """Render query results as a table, CSV or JSON."""
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, row)) for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(_pad(n, w) for n, w in zip(names, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def cmd_query(args) -> int:
    graph = open_graph(args)
    if args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.query == "-":
        sparql = sys.stdin.read()
    elif args.query:
        sparql = args.query
    else:
        raise UnionKGError("give a query or --file Q.rq")
    result = graph.query(sparql)
    print(format_rows(result, args.format))
    return 0


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
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese trade-union news.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the graph from pages (.txt, .md, .jsonl files or folders)")
    b.add_argument("inputs", nargs="+")
    b.add_argument("-o", "--output", help="export graph.ttl and graph.graphml to this folder "
                   "(default: exports, or none when --store is given)")
    b.add_argument("--store", help="build into (or update) this Oxigraph store folder")
    b.add_argument("--jobs", type=_positive, default=1, help="worker processes for extraction (default: 1)")
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
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query, parser=q)
    s = sub.add_parser("stats", help="count entities and facts in a graph file or a store")
    _graph_arguments(s)
    s.set_defaults(func=cmd_stats)
    x = sub.add_parser("export", help="write a graph as Turtle, N-Triples, N-Quads or GraphML")
    _graph_arguments(x)
    x.add_argument("--format", choices=FORMATS, default="turtle")
    x.add_argument("-o", "--output", required=True, help="the file to write (- for stdout)")
    x.set_defaults(func=cmd_export)
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


def main(argv=None) -> int:
    """Entry point of the ``kg`` command."""
    args = parser().parse_args(argv)
    if args.command == "query":
        _query_words(args)
    try:
        return args.func(args)
    except UnionKGError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
