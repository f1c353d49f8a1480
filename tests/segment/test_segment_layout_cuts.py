"""Paragraphs the page layout cut are stitched back before articles are found."""
from kg.pipeline.segment import continues, segment_page

SECTIONED_PAGE = """桐庐县总工会：

桐庐县总工会关爱女职工，开展系列活动。

东区

西区

56.8万元慰问一线女职工。

建华等一行来到县医院，为女医护人员送去慰问品。

分水镇总工会：

分水镇总工会先后投入

富春街道总工会：富春街道总工会主席钱强，副主席李

(本报记者集体采写)
"""


def test_a_cut_section_takes_its_continuation_from_elsewhere_on_the_page():
    view, _, _ = segment_page(SECTIONED_PAGE)
    assert "分水镇总工会先后投入56.8万元慰问一线女职工。" in view
    assert "副主席李建华等一行来到县医院" in view


def test_nothing_moves_when_heads_and_continuations_do_not_pair():
    page = SECTIONED_PAGE.replace("建华等一行来到县医院，为女医护人员送去慰问品。\n", "")
    view, _, _ = segment_page(page)
    assert "先后投入56.8万元" not in view


def test_a_line_cut_mid_word_goes_on_in_the_next_line():
    page = "本报讯 近日，长兴县总工会为职工讲解了安全风\n\n险预防与应对知识，职工反响热烈。\n"
    view, _, articles = segment_page(page)
    assert "讲解了安全风险预防与应对" in view
    assert len(articles) == 1


def test_a_line_that_only_lacks_its_full_stop_stays_apart():
    page = ("本报讯 近日，长兴县总工会为一线职工补给了电器、应急物品以及防疫物品\n\n"
            "街道总工会相关负责人表示，将持续做好服务。\n")
    view, _, _ = segment_page(page)
    assert "防疫物品街道" not in view


def test_continues():
    assert continues("倾听了她们的生活、工资收入和", "子女上学等情况")
    assert not continues("为学校补给了防疫物品", "街道总工会相关负责人")


def test_stitched_offsets_point_at_the_raw_characters():
    from kg.pipeline.normalise import normalise
    view, offsets, _ = segment_page(SECTIONED_PAGE)
    for i, ch in enumerate(view):  # normalisation is character-local
        if ch != "\n":
            assert normalise(SECTIONED_PAGE[offsets[i]])[0] == ch
