"""Errors unionkg raises, each with a stable code in its message."""
from __future__ import annotations


class UnionKGError(Exception):
    """Base class of unionkg's errors."""


class PipelineOrderError(UnionKGError):
    """E001: an extractor is registered before the extractors it needs."""

    def __str__(self) -> str:
        return "[E001] " + super().__str__()


class GraphFileError(UnionKGError):
    """E002: a graph file cannot be read (missing, or not RDF)."""

    def __str__(self) -> str:
        return "[E002] " + super().__str__()


class QueryError(UnionKGError):
    """E003: a SPARQL query is malformed."""

    def __str__(self) -> str:
        return "[E003] " + super().__str__()


class StoreBusyError(UnionKGError):
    """E004: another build holds the store."""

    def __str__(self) -> str:
        return "[E004] " + super().__str__()


class NothingReadError(UnionKGError):
    """E005: no input page could be read; nothing was built or written."""

    def __str__(self) -> str:
        return "[E005] " + super().__str__()


class OutputError(UnionKGError):
    """E006: an output cannot be written where it was asked for."""

    def __str__(self) -> str:
        return "[E006] " + super().__str__()
