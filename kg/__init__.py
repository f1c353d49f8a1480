"""unionkg: a knowledge graph of Chinese trade-union news.

    >>> import kg
    >>> graph = kg.build("corpus/sample")          # doctest: +SKIP
    >>> graph.query("SELECT ?u WHERE { ?u a ukg:Union }")   # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["build", "KnowledgeGraph", "Settings", "__version__"]


def __getattr__(name):
    # keep `import kg` light: jieba and rdflib load on first use
    if name in ("build", "KnowledgeGraph"):
        from . import builder as _build
        return getattr(_build, name)
    if name == "Settings":
        from .settings import Settings
        return Settings
    raise AttributeError(name)
