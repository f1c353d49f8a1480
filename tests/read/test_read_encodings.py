import pytest
from hypothesis import given, strategies as st

from kg.pipeline.read import DecodeFailure, ReadReport, decode_bytes, iter_pages

SENTENCE = "本报讯（记者 孙艳）近日，大兴区总工会为环卫工人送去慰问品。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030"])
def test_each_encoding_decodes(encoding):
    assert decode_bytes(SENTENCE.encode(encoding))[0] == SENTENCE


# GB18030 is left out here: a few GB bytes can also be valid UTF-8 (女 -> Ů), so
# detecting it needs real-length text; the examples above cover it.
@given(st.text(alphabet=st.sampled_from(list("工会慰问女职工拨付abc 123，。（）")), min_size=1, max_size=80))
def test_decode_round_trip(text):
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert decode_bytes(text.encode(encoding))[0] == text


def test_folder_tree_with_a_bad_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.md").write_text(SENTENCE, encoding="gb18030")
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x81\xff\x00\xfe\x81" * 9)
    report = ReadReport()
    pages = list(iter_pages([tmp_path], report))
    assert [p.page_id for p in pages] == ["a/page.md", "b.txt"]
    assert [p.text for p in pages] == [SENTENCE, SENTENCE]
    assert len(report.problems) == 1 and "bad.txt" in str(report.problems[0])


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    report = ReadReport()
    assert list(iter_pages([tmp_path / "nope"], report)) == []
    assert "file not found" in str(report.problems[0])


def test_undecodable_bytes_raise_decode_failure():
    with pytest.raises(DecodeFailure):
        decode_bytes(b"\x81\xff\x00\xfe\x81" * 9)
