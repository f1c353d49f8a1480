"""The gazetteer of China's divisions: real places read whole, cities read, never invented."""
from hypothesis import given, strategies as st

from kg.pipeline.gazetteer import gazetteer, short_form

PLACES = gazetteer()
FULL_NAMES = sorted(n for n in PLACES.divisions if PLACES.is_place(n))  # 城区, 郊区 are words too


def test_every_level_is_there():
    assert {"四川省", "成都市", "龙泉驿区", "峨眉山市", "大理白族自治州", "锡林郭勒盟", "阿拉善左旗",
            "喀什地区"} <= set(PLACES.divisions)
    assert len(PLACES.divisions) > 3000


@given(st.sampled_from(FULL_NAMES), st.text(alphabet="总工会慰问职工，。", max_size=6))
def test_a_full_name_is_read_whole_before_any_text(name, rest):
    assert PLACES.place_at(name + rest, 0) is not None
    assert len(PLACES.place_at(name + rest, 0)) >= len(name) or PLACES.place_at(name, 0) == name


@given(st.sampled_from(FULL_NAMES))
def test_a_short_form_is_a_prefix_of_its_name(name):
    short = short_form(name)
    assert short is None or (name.startswith(short) and 2 <= len(short) < len(name))


def test_ambiguous_short_forms_name_no_single_place():
    assert len(PLACES.full_names("朝阳")) > 1   # 朝阳区 (北京, 长春), 朝阳市, 朝阳县
    assert PLACES.full_names("龙泉驿") == ("龙泉驿区",)


def test_autonomous_divisions_written_short():
    assert PLACES.is_place("峨边自治县")


def test_a_city_paper_is_about_its_city():
    text = ("宜宾新闻网1月20日讯(宜宾日报记者 张晓明)近日，在宜宾工作的天水籍职工领到了市总工会的慰问金。"
            "天水市总工会、天水市人社局联合表彰百名优秀天水籍职工，天水市总工会负责人介绍。")
    assert PLACES.main_place(text) == "宜宾市"


def test_main_place_is_named_never_inferred():
    assert PLACES.main_place("绵阳市涪城区总工会走访慰问困难职工") == "绵阳市"
    assert PLACES.main_place("首都职工") == "北京市"
    assert PLACES.main_place("宜宾日报讯 县总工会走访慰问") == "宜宾市"
    assert PLACES.main_place("龙泉驿区总工会走访慰问") is None   # a district names no city
    assert PLACES.main_place("四川日报讯 省总工会走访") == "四川省"   # a province when no city
    assert PLACES.main_place("大同小异，长治久安") is None   # short forms that are common words
