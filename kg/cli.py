"""The ``kg`` command: a thin layer over the library.

    kg build INPUT... [-o DIR] [--home-city 北京]
    kg query GRAPH (QUERY | --file Q.rq) [--format table|csv|json]
    kg stats GRAPH
    kg eval GRAPH --gold DIR [--errors] [--json]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from .errors import UnionKGError


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


def cmd_build(args) -> int:
    from .builder import build
    from .settings import Settings
    progress = None
    bar = None
    if not args.quiet:
        try:
            from tqdm import tqdm
            bar = tqdm(unit=" pages", desc="extracting", file=sys.stderr, disable=None)
            progress = bar.update
        except ImportError:  # tqdm is optional at run time
            pass
    result = build(args.inputs, settings=Settings(home_city=args.home_city), progress=progress)
    if bar is not None:
        bar.close()
    out = Path(args.output)
    written = [result.export(fmt, out / f"graph.{ext}") for fmt, ext in (("turtle", "ttl"), ("graphml", "graphml"))]
    for line in result.summary.lines():
        print(line)
    for path in written:
        print(f"wrote {path}")
    return 0 if result.summary.articles or not result.summary.problems else 1


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
    if args.file:
        sparql = Path(args.file).read_text(encoding="utf-8")
    elif args.query == "-":
        sparql = sys.stdin.read()
    elif args.query:
        sparql = args.query
    else:
        raise UnionKGError("give a query or --file Q.rq")
    result = _load_graph(args.graph).query(sparql)
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
    graph = _load_graph(args.graph)
    print(f"triples  {len(graph.graph)}")
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
    b.add_argument("-o", "--output", default="exports", help="output folder (default: exports)")
    b.add_argument("--home-city", default="北京", help="the city 市总工会 refers to (default: 北京)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="run SPARQL over a graph file")
    q.add_argument("graph")
    q.add_argument("query", nargs="?", help="the SPARQL text, or - for stdin")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)
    s = sub.add_parser("stats", help="count entities and facts in a graph")
    s.add_argument("graph")
    s.set_defaults(func=cmd_stats)
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
