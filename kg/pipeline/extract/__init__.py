"""Stage 4: extractors, registered in one place.

Each extractor is a pure function from a :class:`~kg.pipeline.document.Document` to a
tuple of mentions or facts. ``EXTRACTORS`` lists them in the order they run,
with what each requires and provides; :func:`check_order` refuses an order in
which an extractor would run before what it needs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

from kg.pipeline.document import Document
from kg.errors import PipelineOrderError
from kg.pipeline.extract.allocations import find_allocations
from kg.pipeline.extract.bylines import find_bylines
from kg.pipeline.extract.condolences import find_condolences
from kg.pipeline.extract.groups import find_groups
from kg.pipeline.extract.orgs import find_organisations
from kg.pipeline.extract.persons import find_persons
from kg.pipeline.extract.places import find_places
from kg.pipeline.extract.positions import find_positions


@dataclass(frozen=True)
class Extractor:
    """A registered extractor.

    name (str): versioned name ("positions.v1").
    func (Callable[[Document], tuple]): the pure function.
    output (str): "mentions" or "facts".
    requires, provides (tuple[str, ...]): mention/fact kinds read and written.
    """

    name: str
    func: Callable[[Document], tuple]
    output: Literal["mentions", "facts"]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("organisations.v1", find_organisations, "mentions", ("tokens",), ("union", "org")),
    Extractor("places.v1", find_places, "mentions", ("union", "org"), ("place",)),
    Extractor("persons.v1", find_persons, "mentions", (), ("person",)),
    Extractor("groups.v1", find_groups, "mentions", (), ("group",)),
    Extractor("bylines.v1", find_bylines, "facts", ("person",), ("byline",)),
    Extractor("positions.v1", find_positions, "facts", ("person", "union", "org"), ("position",)),
    Extractor("condolences.v1", find_condolences, "facts", ("person", "union", "org", "place", "group"),
              ("condolence",)),
    Extractor("allocations.v1", find_allocations, "facts", ("person", "union", "org"), ("allocation",)),
)


def check_order(extractors: tuple[Extractor, ...] | None = None) -> None:
    """Raise PipelineOrderError if an extractor runs before what it requires."""
    extractors = EXTRACTORS if extractors is None else extractors
    available = {"tokens"}
    for extractor in extractors:
        missing = [r for r in extractor.requires if r not in available]
        if missing:
            raise PipelineOrderError(
                f"extractor {extractor.name!r} requires {missing} but only {sorted(available)} "
                "are provided before it")
        available.update(extractor.provides)


def registry() -> dict[str, dict]:
    """The registry as plain data (pinned by a snapshot test)."""
    return {e.name: {"output": e.output, "requires": list(e.requires), "provides": list(e.provides)}
            for e in EXTRACTORS}


def extract(doc: Document, extractors: tuple[Extractor, ...] | None = None) -> Document:
    """Run every extractor (``EXTRACTORS``, read when called) over one article; returns a new document."""
    for extractor in EXTRACTORS if extractors is None else extractors:
        found = extractor.func(doc)
        if extractor.output == "mentions":
            mentions = tuple(sorted(doc.mentions + found, key=lambda m: (m.start, m.end, m.kind)))
            doc = doc.evolve(mentions=mentions)
        else:
            doc = doc.evolve(facts=doc.facts + found)
    return doc
