"""The ``kg`` command: a thin layer over the library.

    kg build INPUT... [-o DIR] [--store DIR] [--jobs N] [--engine local|dask [--scheduler ADDR]] [--home-city 北京]
    kg query (GRAPH | --store DIR) (QUERY | --file Q.rq) [--format table|csv|json]
    kg export --store DIR --format ttl|nt|graphml|nq -o FILE
    kg stats (GRAPH | --store DIR)
    kg eval GRAPH --gold DIR [--errors] [--json]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from .engines import ENGINES
from .errors import UnionKGError
from .store import STORE_FORMATS


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _load_graph(path: str):
    from rdflib import Graph

    from .errors import GraphFileError
    from .builder import KnowledgeGraph
    if not Path(path).exists():
        raise GraphFileError(f"{path}: no such graph file")
    graph = Graph()
    try:
        graph.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific errors
        raise GraphFileError(f"{path}: not a readable RDF file ({exc})") from exc
    return KnowledgeGraph(graph)


def _progress_bar(quiet: bool):
    if quiet:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is optional at run time
        return None
    return tqdm(unit=" pages", desc="extracting", file=sys.stderr, disable=None)


def _export_store(store, out: Path) -> list[Path]:
    written = []
    for fmt, ext in (("turtle", "ttl"), ("graphml", "graphml")):
        path = out / f"graph.{ext}"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            store.export(fmt, stream)
        written.append(path)
    return written


def cmd_build(args) -> int:
    import tempfile

    from .builder import build_store
    from .settings import Settings
    from .store import GraphStore
    bar = _progress_bar(args.quiet)
    engine = dict(jobs=args.jobs, engine=args.engine, scheduler=args.scheduler)
    with tempfile.TemporaryDirectory(prefix="unionkg-store-") as scratch:
        folder = args.store or scratch
        summary = build_store(args.inputs, folder, settings=Settings(home_city=args.home_city),
                              progress=bar.update if bar is not None else None, shards=args.shards, **engine)
        if bar is not None:
            bar.close()
        output = args.output or (None if args.store else "exports")
        written = _export_store(GraphStore(folder), Path(output)) if output else []
    for line in summary.lines():
        print(line)
    if args.store:
        print(f"store {args.store}")
    for path in written:
        print(f"wrote {path}")
    return 0 if summary.articles or not summary.problems else 1


def _graph_or_store(args):
    """The graph file or the store a query or stats command names."""
    if args.store:
        from .store import GraphStore
        if args.graph is not None and args.query is None and hasattr(args, "query"):
            args.query, args.graph = args.graph, None  # `kg query --store DIR 'SELECT …'`
        if args.graph is not None:
            raise UnionKGError("give a graph file or --store DIR, not both")
        return GraphStore(args.store, read_only=True)
    if args.graph is None:
        raise UnionKGError("give a graph file or --store DIR")
    return _load_graph(args.graph)


def cmd_export(args) -> int:
    from .store import GraphStore
    store = GraphStore(args.store, read_only=True)
    if args.output == "-":
        store.export(args.format, sys.stdout.buffer)
        return 0
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as stream:
        store.export(args.format, stream)
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
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def cmd_query(args) -> int:
    graph = _graph_or_store(args)
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


STATS_QUERY = """
SELECT ?what (COUNT(DISTINCT ?x) AS ?count) WHERE {
  { ?x a ukg:Article BIND("articles" AS ?what) }
  UNION { ?x a ukg:Union BIND("unions" AS ?what) }
  UNION { ?x a org:Organization BIND("organisations" AS ?what) }
  UNION { ?x a ukg:Person BIND("persons" AS ?what) }
  UNION { ?x a org:Membership BIND("positions" AS ?what) }
  UNION { ?x a ukg:Condolence BIND("condolences (慰问)" AS ?what) }
  UNION { ?x a ukg:Allocation BIND("allocations (拨付)" AS ?what) }
  UNION { ?a ukg:reporter|ukg:correspondent ?p BIND(CONCAT(STR(?a), STR(?p)) AS ?x) BIND("bylines" AS ?what) }
} GROUP BY ?what ORDER BY ?what"""


def cmd_stats(args) -> int:
    graph = _graph_or_store(args)
    print(f"triples  {len(graph) if args.store else len(graph.graph)}")
    for what, count in graph.query(STATS_QUERY):
        print(f"{what}  {count}")
    return 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate, format_report
    report = evaluate(_load_graph(args.graph).graph, args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(format_report(report, errors=args.errors))
    return 0


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
    q = sub.add_parser("query", help="run SPARQL over a graph file or a store")
    q.add_argument("graph", nargs="?", help="a graph file (or give --store)")
    q.add_argument("query", nargs="?", help="the SPARQL text, or - for stdin")
    q.add_argument("--store", help="query this store folder instead of a file")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)
    s = sub.add_parser("stats", help="count entities and facts in a graph")
    s.add_argument("graph", nargs="?")
    s.add_argument("--store", help="count in this store folder instead of a file")
    s.set_defaults(func=cmd_stats)
    x = sub.add_parser("export", help="write a store's graph as Turtle, N-Triples, GraphML or N-Quads")
    x.add_argument("--store", required=True, help="the store folder")
    x.add_argument("--format", choices=sorted(STORE_FORMATS), default="turtle")
    x.add_argument("-o", "--output", required=True, help="the file to write (- for stdout)")
    x.set_defaults(func=cmd_export)
    e = sub.add_parser("eval", help="precision, recall and F1 against gold annotations")
    e.add_argument("graph")
    e.add_argument("--gold", required=True, help="folder of gold *.json files (see the guideline)")
    e.add_argument("--errors", action="store_true", help="list what was missed and what was wrong")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.set_defaults(func=cmd_eval)
    return ap


def main(argv=None) -> int:
    """Entry point of the ``kg`` command."""
    args = parser().parse_args(argv)
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
