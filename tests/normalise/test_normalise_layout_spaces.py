from hypothesis import given, strategies as st

from kg.pipeline.normalise import to_simplified, fold_char, normalise


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
        assert _same_character(char, text[raw])


def _same_character(char: str, raw: str) -> bool:
    """``char`` is ``raw`` width-folded, or its simplified form (OpenCC, in context)."""
    folded = fold_char(raw)
    return (char == folded or (char == " " and raw.isspace())
            or (char != folded and to_simplified(char) == char and to_simplified(folded) != folded))


@given(st.text())
def test_every_character_folds_as_it_would_alone(text):
    # any Unicode: combining marks, compatibility forms, ligatures, surrogates' neighbours
    norm, offsets = normalise(text)
    for char, raw in zip(norm, offsets):
        assert _same_character(char, text[raw])


@given(st.text(alphabet="中華全國總工會慰問困難職工記者通訊員劉張陳國际 ,。(huì)", max_size=40))
def test_traditional_script_reads_as_simplified_with_offsets_kept(text):
    norm, offsets = normalise(text)
    assert to_simplified(norm) == norm
    assert len(offsets) == len(norm) + 1 and list(offsets) == sorted(offsets)


def test_pinyin_glosses_and_traditional_script():
    assert normalise("自治區(qū)總工會(huì)慰問")[0] == "自治区总工会慰问"
