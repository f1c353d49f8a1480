"""Document.evolve: the copy dataclasses.replace makes, without the answers kept on the old instance."""
import dataclasses

import pytest

from kg.pipeline.document import Document, Mention


def _doc() -> Document:
    return Document("p#0", "p.txt", "大兴区总工会慰问环卫工人", "大兴区总工会慰问环卫工人", tuple(range(14)),
                    mentions=(Mention("union", 0, 6, "大兴区总工会", "大兴区总工会"),))


def test_evolve_is_replace():
    doc = _doc()
    added = doc.mentions + (Mention("group", 8, 12, "环卫工人", "环卫工人", ("环卫工人",)),)
    assert doc.evolve(mentions=added) == dataclasses.replace(doc, mentions=added)


def test_the_copy_answers_from_its_own_mentions():
    doc = _doc()
    assert [m.kind for m in doc.mentions_of("union", "group")] == ["union"]  # kept on doc
    added = doc.mentions + (Mention("group", 8, 12, "环卫工人", "环卫工人", ("环卫工人",)),)
    assert [m.kind for m in doc.evolve(mentions=added).mentions_of("union", "group")] == ["union", "group"]


def test_an_unknown_field_raises():
    with pytest.raises(TypeError):
        _doc().evolve(mention=())
