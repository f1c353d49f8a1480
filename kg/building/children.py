"""What every child process of unionkg does first: pool workers, query workers, the query child.

Kept apart from the engines, so that the query commands and the server start without
loading the extraction pipeline.
"""
from __future__ import annotations

import signal


def as_child_process() -> None:
    """In a worker process: ignore Ctrl-C (the parent stops its children and says so once) and
    end at SIGTERM (how a parent stops a child), whatever the parent does with those signals."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
