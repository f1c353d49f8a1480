"""Town-level places: read by the words' kind, not by a list of names."""
import pytest

from kg.pipeline.extract.orgs import find_organisations
from kg.pipeline.extract.places import find_places


def places(doc):
    import dataclasses
    doc = dataclasses.replace(doc, mentions=find_organisations(doc))
    return [m.name for m in find_places(doc)]


@pytest.mark.parametrize("text, expected", [
    ("物资送达李屯镇、东皇街道、胜利街道。", ["李屯镇", "东皇街道", "胜利街道"]),
    ("县总工会主席来到城关镇幸福里社区看望职工。", ["城关镇幸福里社区"]),
    ("副主席慰问对口联络社区阳光东区。", ["阳光东区"]),
    # counts, generic nouns and verbs before the ending are no names
    ("覆盖一批村(社区)的5个重点社区。", []),
    ("发挥区、乡镇街道、社区服务站作用。", []),
])
def test_places(make_doc, text, expected):
    assert places(make_doc(text)) == expected


def test_a_town_inside_a_union_name_is_the_unions(make_doc):
    assert places(make_doc("赵庄镇总工会为职工送去慰问品。")) == []
