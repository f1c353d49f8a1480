"""The whole build: pages in, a knowledge graph out, in two streaming passes.

Pass 1 (:func:`extract_pass`) reads pages one at a time and sends them through
the per-article stages (:mod:`kg.pipeline`) on an engine
(:mod:`kg.building.engines`: this process, ``jobs`` processes, or Dask); each
page's compact result goes to the manifest on disk
(:mod:`kg.building.manifest`). Pages whose digest the manifest already holds
are skipped. Pass 2 resolves names across the corpus once
(:func:`plan_emission`, :mod:`kg.pipeline.resolve`), then emits the changed
pages' triples (:func:`emit_pass`, :mod:`kg.graph.emit`) to N-Quads shards
(:mod:`kg.building.shards`), every triple in the default graph.

``build`` loads the shards into an in-memory rdflib graph (small corpora, the
Python API); ``build_store`` bulk-loads them into an Oxigraph store on disk
(:mod:`kg.building.store`), where memory does not grow with the corpus and later builds
add, replace and re-emit only what changed (removing the old triples first).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from kg.building.engines import extract_pages, forked_workers
from kg.building.manifest import Manifest
from kg.building.results import emission_fingerprint, page_digest
from kg.building.shards import set_emitter, write_page_shards, write_tallies, write_triples
from kg.building.store import LOAD_THREADS, GraphStore, StoreLock, manifest_path, removal_updates, update_request
from kg.errors import NothingReadError
from kg.graph.access import KnowledgeGraph
from kg.graph.emit import Emitter, article_iri, new_graph, scheme_triples
from kg.graph.tallies import add_up
from kg.pipeline.read import ReadProblem, ReadReport, count_pages, iter_pages
from kg.pipeline.records import Ref
from kg.settings import Engine, Settings

# A build that loads at least 1/OPTIMIZE_SHARE of the store's pages (a first build
# always does) compacts the store afterwards (docs/decisions/0008).
OPTIMIZE_SHARE = 4


class Progress(Protocol):
    """What a build tells of its progress (the CLI draws it as bars on a terminal)."""

    def phase(self, name: str, total: int | None = None) -> None:
        """A phase begins: extracting (``total`` pages), resolving, emitting and loading, compacting."""

    def advance(self, count: int = 1) -> None:
        """``count`` more units of the phase are done."""


@dataclass
class BuildSummary:
    """What a build read, found and skipped.

    pages, articles, entities, facts: of the whole graph (for a store: all builds so far).
    extracted, unchanged, reemitted (int): pages this build extracted, skipped
        as unchanged, and emitted again because their names now resolve differently.
    """

    files_read: int = 0
    pages: int = 0
    articles: int = 0
    entities: Counter = field(default_factory=Counter)
    facts: Counter = field(default_factory=Counter)
    problems: list[ReadProblem] = field(default_factory=list)
    extracted: int = 0
    unchanged: int = 0
    reemitted: int = 0

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        out = [f"files read: {self.files_read}   pages: {self.pages}   articles: {self.articles}"]
        out.append("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items())))
        out.append("facts:    " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        if self.unchanged or self.reemitted:
            out.append(f"this build: {self.extracted} pages extracted, {self.unchanged} unchanged, "
                       f"{self.reemitted} emitted again")
        out.append(f"skipped:  {len(self.problems)}")
        out.extend(f"  {problem}" for problem in self.problems)
        return out


@dataclass
class Pass1:
    """What pass 1 changed: pages extracted (new or changed), the article ids of the changed pages' old versions."""

    extracted: set[str] = field(default_factory=set)
    replaced_articles: set[str] = field(default_factory=set)
    unchanged: int = 0


def extract_pass(paths: Iterable, manifest: Manifest, *, settings: Settings, engine: Engine,
                 report: ReadReport, progress: Progress | None = None) -> Pass1:
    """Pass 1: extract every new or changed page into the manifest, on ``engine``."""
    done = Pass1()
    seen: set[str] = set()

    def todo() -> Iterator:
        for page in iter_pages(paths, report):
            if page.page_id in seen:
                report.problems.append(ReadProblem(page.page_id, "the same page id was read before; kept the first"))
                continue
            seen.add(page.page_id)
            recorded = manifest.digest(page.page_id)  # None for a new page: no hash to compare
            if recorded is not None and recorded == page_digest(page, settings):
                done.unchanged += 1
                if progress:
                    progress.advance()
                continue
            yield page

    for result in extract_pages(todo(), settings, engine):
        done.replaced_articles.update(manifest.put(result))
        done.extracted.add(result.page_id)
        if progress:
            progress.advance()
    return done


@dataclass
class Emission:
    """What pass 2 writes: the emitter (names resolved), the pages to emit, what they replace.

    stale_articles (set[str]): IRIs of the articles whose triples the pages replace.
    everything (bool): the pages are the whole graph (a first build, or the emitter changed).
    """

    emitter: Emitter
    pages: list[str]
    stale_articles: set[str]
    everything: bool
    reemitted: int


def plan_emission(manifest: Manifest, changed: Pass1) -> Emission:
    """Resolve names corpus-wide and choose the pages to (re)emit: the changed ones,
    and those that refer to a name now emitted as another node."""
    names = manifest.name_index()
    emitter = Emitter(names)
    nodes = {name: emitter.node(Ref(kind, name))[0] for name, kind in names.kinds.items()}
    everything = manifest.meta("emission") != emission_fingerprint()
    if everything:  # a first build, or the emitter changed since the pages were emitted
        reemit = manifest.page_ids() - changed.extracted
        stale = set()
    else:
        reemit = manifest.pages_using(manifest.changed_nodes(nodes)) - changed.extracted
        stale = {str(article_iri(doc_id)) for doc_id in changed.replaced_articles | set(manifest.article_ids(reemit))}
    manifest.set_nodes(nodes)
    manifest.set_meta("emission", emission_fingerprint())
    return Emission(emitter, sorted(changed.extracted | reemit), stale, everything, len(reemit))


@contextmanager
def emission_workers(plan: Emission, engine: Engine) -> Iterator:
    """Pass 2's worker processes (None: this one): forked once the names are resolved, so
    that each inherits the emitter (see :func:`kg.building.engines.forked_workers`)."""
    set_emitter(plan.emitter)
    with forked_workers(engine) as workers:
        yield workers


def emit_pass(manifest: Manifest, plan: Emission, folder: Path, *, workers=None, window: int = 1,
              summary: BuildSummary | None = None, loader=None, progress: Progress | None = None) -> list[Path]:
    """Pass 2: write the entity declarations, the group scheme and the planned pages' shards.

    loader: optional, with ``remove(updates)`` (called once, before the first
        shard, with :func:`kg.building.store.removal_updates` of the plan, which are also
        written to ``folder/remove.ru``) and ``load(path)`` (called as each
        shard is complete, in order), so that loading overlaps writing.
    RETURNS (list[Path]): the shard files, in order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if loader is not None:
        updates = removal_updates(plan.stale_articles, everything=plan.everything)
        # beside the shards, for a server that mirrors the store: run remove.ru, then load the shards
        (folder / "remove.ru").write_text(update_request(updates), encoding="utf-8")
        loader.remove(updates)
    on_written = loader.load if loader is not None else None
    entity_names = list(manifest.entity_names())  # read once: declarations and the summary
    # the entities and the scheme first: they load while the pages are written
    files = [write_triples(folder / "entities.nq", plan.emitter.declarations(entity_names)),
             write_triples(folder / "groups.nq", scheme_triples())]
    if on_written:
        for path in files:
            on_written(path)

    # the tallies of the whole graph: the shares of the pages not emitted again, and each
    # emitted page's new share as it comes (kept for later builds)
    totals = add_up(manifest.tally_shares(besides=set(plan.pages)))

    def emitted(page_id: str, share: str) -> None:
        manifest.put_tallies(page_id, share)
        add_up((share,), totals)
        if progress:
            progress.advance()

    set_emitter(plan.emitter)  # (workers from emission_workers hold it already)
    files += write_page_shards(folder, manifest.blobs(plan.pages), workers=workers, window=window,
                               on_written=on_written, on_page=emitted)
    files += write_tallies(folder, totals, LOAD_THREADS, on_written)
    if summary is not None:
        keys = {plan.emitter.entity_key(kind, name) for name, kind in entity_names if kind != "role"}
        labels = {"union": "unions", "org": "organisations", "person": "persons"}
        summary.entities = Counter(labels[kind] for kind, _ in keys)
        summary.reemitted = plan.reemitted
    return files


def _finish(summary: BuildSummary, manifest: Manifest, report: ReadReport, changed: Pass1) -> None:
    pages, summary.articles, facts = manifest.totals()
    summary.files_read, summary.pages = report.files_read, pages
    summary.problems = list(report.problems)
    summary.facts = Counter(facts)
    summary.extracted, summary.unchanged = len(changed.extracted), changed.unchanged


def _paths(paths) -> list:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def build(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, settings: Settings = Settings(),
          engine: Engine = Engine(), progress: Progress | None = None) -> KnowledgeGraph:
    """Build a knowledge graph in memory from files and folders of union news pages.

    paths: files or folders (.txt, .md, .jsonl), or one such path.
    settings (Settings): e.g. the fallback home city.
    engine (Engine): where extraction runs (``Engine(jobs=2)``; see :mod:`kg.building.engines`).
    RETURNS (KnowledgeGraph): the graph, its summary, SPARQL and networkx access.
    """
    report, summary = ReadReport(), BuildSummary()
    with tempfile.TemporaryDirectory(prefix="unionkg-") as work:
        manifest = Manifest(Path(work) / "manifest.sqlite")
        try:
            changed = extract_pass(_paths(paths), manifest, settings=settings, engine=engine, report=report,
                                   progress=progress)
            _check_read(report, paths)
            plan = plan_emission(manifest, changed)
            with emission_workers(plan, engine) as workers:
                files = emit_pass(manifest, plan, Path(work) / "shards", workers=workers, window=4 * engine.jobs,
                                  summary=summary)
            graph = new_graph()
            for path in files:
                graph.parse(path, format="nt")
            _finish(summary, manifest, report, changed)
        finally:
            manifest.close()
    return KnowledgeGraph(graph, summary)


def build_store(paths: Iterable[str | os.PathLike] | str | os.PathLike, store: str | os.PathLike, *,
                settings: Settings = Settings(), engine: Engine = Engine(),
                progress: Progress | None = None,
                shards: str | os.PathLike | None = None) -> BuildSummary:
    """Build into (or update) an Oxigraph store on disk; memory stays bounded.

    paths: files or folders of pages; pages already in the store with the same
        digest are skipped, changed pages replace their old triples, new pages are added.
    store (str | Path): the store folder (see :mod:`kg.building.store`).
    shards (str | Path | None): keep the N-Quads shards this build loaded, and
        the updates it ran first (``remove.ru``), in this folder (for a SPARQL
        server); by default they are deleted.
    RETURNS (BuildSummary): what the build did, with totals over the whole store.
    """
    report, summary = ReadReport(), BuildSummary()
    with StoreLock(store) as lock:
        _remove_leftovers(Path(store))
        manifest = Manifest(manifest_path(store))
        try:
            if progress:
                progress.phase("extracting", total=count_pages(_paths(paths)))
            changed = extract_pass(_paths(paths), manifest, settings=settings, engine=engine, report=report,
                                   progress=progress)
            _check_read(report, paths)
            if progress:
                progress.phase("resolving")
            if lock.begin():  # the last build was killed while it changed the store: redo it whole
                manifest.set_meta("emission", "")
            plan = plan_emission(manifest, changed)
            with emission_workers(plan, engine) as workers:
                # opened after the forks, so that workers inherit no RocksDB threads or files
                target = GraphStore(store)
                with tempfile.TemporaryDirectory(prefix=SHARDS_PREFIX, dir=target.path) as work:
                    folder = Path(shards) if shards else Path(work)
                    if progress:
                        progress.phase("emitting and loading", total=len(plan.pages))
                    with target.loader() as loader:
                        emit_pass(manifest, plan, folder, workers=workers, window=4 * engine.jobs, summary=summary,
                                  loader=loader, progress=progress)
            # the store now holds what the manifest says: compact it (after a large load) while
            # the manifest commits (0.2 s at 10,000 pages, in SQLite, outside the GIL)
            _finish(summary, manifest, report, changed)
            with ThreadPoolExecutor(max_workers=1) as background:
                compacted = None
                if len(plan.pages) * OPTIMIZE_SHARE >= summary.pages:
                    compacted = background.submit(target.optimize)
                    if progress:
                        progress.phase("compacting")
                manifest.commit()
                lock.commit()
                if compacted:
                    compacted.result()
        finally:
            manifest.close()
    return summary


SHARDS_PREFIX = "unionkg-shards-"


def _remove_leftovers(store: Path) -> None:
    """Shard folders a killed build left in the store (none is in use: the caller holds the lock)."""
    for folder in store.glob(SHARDS_PREFIX + "*"):
        shutil.rmtree(folder, ignore_errors=True)


def _check_read(report: ReadReport, paths) -> None:
    """A build that read no page changes nothing and writes nothing."""
    if report.pages == 0:
        named = "; ".join(str(problem) for problem in report.problems[:5]) or "no .txt, .md or .jsonl pages"
        raise NothingReadError(f"no page could be read from {', '.join(map(str, _paths(paths)))} ({named})")
