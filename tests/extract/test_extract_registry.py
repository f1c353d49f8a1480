import json
from pathlib import Path

import pytest

from kg.errors import PipelineOrderError
from kg.pipeline.extract import EXTRACTORS, check_order, registry

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "registry.json"


def test_registry_matches_snapshot():
    assert registry() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_wrong_order_fails_at_start_up():
    reordered = tuple(e for e in EXTRACTORS if e.name != "persons.v1") + tuple(
        e for e in EXTRACTORS if e.name == "persons.v1")
    with pytest.raises(PipelineOrderError, match="requires"):
        check_order(reordered)
    check_order()
