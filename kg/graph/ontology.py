"""The packaged ontology files as rdflib graphs (the data behind the vocabulary)."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from kg.data import ontology_path


@lru_cache(maxsize=None)
def ontology_graph(name: str) -> Graph:
    """``unionkg.ttl``, ``groups.ttl`` or ``shapes.ttl``, parsed (do not modify the result)."""
    return Graph().parse(data=ontology_path(name).read_text(encoding="utf-8"), format="turtle")
