"""unionkg: a knowledge graph of Chinese trade-union news.

    >>> import kg
    >>> graph = kg.build("corpus/sample")          # doctest: +SKIP
    >>> graph.query("SELECT ?u WHERE { ?u a ukg:Union }")   # doctest: +SKIP
"""
from __future__ import annotations

from kg.building.builder import KnowledgeGraph, build, build_store
from kg.settings import Engine, Settings

__version__ = "0.1.0"
__all__ = ["build", "build_store", "KnowledgeGraph", "Settings", "Engine", "__version__"]
