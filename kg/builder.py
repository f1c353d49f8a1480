"""The whole build: pages in, a knowledge graph out.

``build(paths)`` reads every page, takes each through the per-article stages
(:mod:`kg.pipeline`), resolves names across the corpus once
(:mod:`kg.resolve`), and emits one RDF graph (:mod:`kg.emit`).
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph

from .document import Document
from .emit import Emitter, new_graph
from .errors import QueryError
from .pipeline import documents_of_page
from .read import ReadProblem, ReadReport, iter_pages
from .resolve import NameIndex, parent_union
from .settings import Settings


@dataclass
class BuildSummary:
    """What a build read, found and skipped."""

    files_read: int = 0
    pages: int = 0
    articles: int = 0
    entities: Counter = field(default_factory=Counter)
    facts: Counter = field(default_factory=Counter)
    problems: list[ReadProblem] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        out = [f"files read: {self.files_read}   pages: {self.pages}   articles: {self.articles}"]
        out.append("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())))
        out.append("facts:    " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        out.append(f"skipped:  {len(self.problems)}")
        out.extend(f"  {problem}" for problem in self.problems)
        return out


class KnowledgeGraph:
    """A built graph: the rdflib graph, SPARQL, and a networkx view.

    graph (rdflib.Graph): the triples.
    summary (BuildSummary): what the build did.
    """

    def __init__(self, graph: Graph, summary: BuildSummary | None = None):
        self.graph = graph
        self.summary = summary or BuildSummary()

    def query(self, sparql: str):
        """Run a SPARQL query (the vocabulary's prefixes are predeclared).

        RETURNS (rdflib.query.Result): rows of the query.
        """
        from .network import PREFIXES
        try:
            return self.graph.query(PREFIXES + sparql if "PREFIX ukg:" not in sparql else sparql)
        except Exception as exc:  # rdflib raises pyparsing errors on bad syntax
            raise QueryError(f"cannot run query: {exc}") from exc

    def to_networkx(self):
        """The entity network (see :func:`kg.network.to_networkx`)."""
        from .network import to_networkx
        return to_networkx(self.graph)

    def export(self, fmt: str, path: str | os.PathLike) -> Path:
        """Write the graph to ``path`` in format ``fmt`` ("turtle", "nt", "graphml")."""
        from .export import export
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as stream:
            export(self.graph, fmt, stream)
        return path


def extract_documents(paths: Iterable, *, settings: Settings = Settings(),
                      report: ReadReport | None = None,
                      progress: Callable[[int], None] | None = None) -> Iterable[Document]:
    """Read pages and yield their articles with mentions and facts (streaming)."""
    for page in iter_pages(paths, report):
        yield from documents_of_page(page, settings)
        if progress:
            progress(1)


def assemble(docs: list[Document], summary: BuildSummary) -> Graph:
    """Resolve names across the corpus and emit the graph (stages 5-6)."""
    names = NameIndex()
    for doc in docs:
        for mention in doc.mentions_of("union", "org"):
            names.add(mention.name, mention.kind, mention.text)
        for fact in doc.facts:
            for mention in fact.agents + fact.recipients + tuple(m for m in (fact.org,) if m):
                if mention.kind in ("union", "org", "place"):
                    # a place taking part in a fact is an organisation of the graph
                    names.add(mention.name, "union" if mention.kind == "union" else "org")
    for name, kind in list(names.kinds.items()):
        parent = parent_union(name) if kind == "org" else None
        if parent:  # 余杭区总工会女职工委员会 names its union too
            names.add(parent, "union")
    names.resolve()
    graph = new_graph()
    emitter = Emitter(names)
    emitter.scheme(graph)
    for doc in sorted(docs, key=lambda d: d.doc_id):
        emitter.document(graph, doc)
        for fact in doc.facts:
            summary.facts[fact.kind] += 1
    summary.articles = len(docs)
    for kind, query in (("unions", "ukg:Union"), ("organisations", "org:Organization"), ("persons", "ukg:Person")):
        summary.entities[kind] = len(list(graph.query(
            "PREFIX ukg: <https://w3id.org/unionkg/ontology#> PREFIX org: <http://www.w3.org/ns/org#> "
            f"SELECT DISTINCT ?n WHERE {{ ?n a {query} }}")))
    return graph


def build(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, settings: Settings = Settings(),
          progress: Callable[[int], None] | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from files and folders of union news pages.

    paths: files or folders (.txt, .md, .jsonl), or one such path.
    settings (Settings): e.g. the paper's home city.
    RETURNS (KnowledgeGraph): the graph, its summary, SPARQL and networkx access.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    report = ReadReport()
    docs = list(extract_documents(paths, settings=settings, report=report, progress=progress))
    summary = BuildSummary(files_read=report.files_read, pages=report.pages, problems=list(report.problems))
    graph = assemble(docs, summary)
    return KnowledgeGraph(graph, summary)
