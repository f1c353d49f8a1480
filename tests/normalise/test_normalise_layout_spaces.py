from hypothesis import given, strategies as st

from kg.normalise import fold_char, normalise


def test_layout_spaces_inside_chinese_are_removed():
    assert normalise("全国总工会决定下拨3780万 元常态化送温暖资金")[0] == "全国总工会决定下拨3780万元常态化送温暖资金"
    assert normalise("区总工会党组书记、主席陈 波 表示")[0] == "区总工会党组书记、主席陈波表示"


def test_spaces_between_latin_words_and_newlines_survive():
    assert normalise("打开 Gephi 0.10\n本报讯")[0] == "打开Gephi 0.10\n本报讯"


def test_full_width_forms_fold():
    assert normalise("（记者 孙艳）３月８日")[0] == "(记者孙艳)3月8日"


TEXT = st.text(alphabet=st.sampled_from(list("工会慰问 　\t\nAb1２，。（)")), max_size=60)


@given(TEXT)
def test_offset_map_is_monotone_and_points_at_the_same_character(text):
    norm, offsets = normalise(text)
    assert len(offsets) == len(norm) + 1
    assert list(offsets) == sorted(offsets)
    for char, raw in zip(norm, offsets):
        assert char == fold_char(text[raw]) or (char == " " and text[raw].isspace())


@given(st.text())
def test_every_character_folds_as_it_would_alone(text):
    # any Unicode: combining marks, compatibility forms, ligatures, surrogates' neighbours
    norm, offsets = normalise(text)
    for char, raw in zip(norm, offsets):
        assert char == fold_char(text[raw]) or (char == " " and text[raw].isspace())
