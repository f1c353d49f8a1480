"""unionkg: a knowledge graph of Chinese trade-union news.

    >>> import kg
    >>> graph = kg.build("corpus/sample")          # doctest: +SKIP
    >>> graph.query("SELECT ?u WHERE { ?u a ukg:Union }")   # doctest: +SKIP
"""
from __future__ import annotations

from kg.settings import Engine, Settings

__version__ = "0.1.0"
__all__ = ["build", "build_store", "KnowledgeGraph", "Settings", "Engine", "__version__"]


def __getattr__(name: str):
    """``kg.build``, ``kg.build_store`` and ``kg.KnowledgeGraph``, imported when first used: a
    command that only queries a store does not load the extraction pipeline (PEP 562)."""
    if name in ("build", "build_store", "KnowledgeGraph"):
        from kg.building.builder import KnowledgeGraph, build, build_store
        return {"build": build, "build_store": build_store, "KnowledgeGraph": KnowledgeGraph}[name]
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
