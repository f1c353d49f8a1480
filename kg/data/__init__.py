"""The data unionkg ships: lexicons and the ontology, read with ``importlib.resources``.

``lexicons/`` holds the word lists and tables the extractors read (each file's
header says its format and origin); ``ontology/`` the published ontology, the
beneficiary-group concept scheme and the SHACL shapes (the repository's
top-level ``ontology/`` is a link to it: one copy). Both work from a wheel, a
checkout or a zip, from any working directory.
"""
from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def lexicon_path(name: str) -> Traversable:
    """A lexicon file shipped in ``kg/data/lexicons``."""
    return resources.files(__name__) / "lexicons" / name


def ontology_path(name: str) -> Traversable:
    """An ontology file shipped in ``kg/data/ontology``; FileNotFoundError names it when missing."""
    path = resources.files(__name__) / "ontology" / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: ontology file missing from the installed package")
    return path


def data_files(folder: str) -> list[Traversable]:
    """The files of ``lexicons`` or ``ontology``, sorted by name (for fingerprints)."""
    return sorted((f for f in (resources.files(__name__) / folder).iterdir() if f.is_file()),
                  key=lambda f: f.name)


def example_queries() -> dict[str, str]:
    """The README's questions (``queries/*.rq``) by name: the explorer's examples."""
    return {f.name.removesuffix(".rq"): f.read_text(encoding="utf-8")
            for f in sorted((resources.files(__name__) / "queries").iterdir(), key=lambda f: f.name)
            if f.name.endswith(".rq")}
