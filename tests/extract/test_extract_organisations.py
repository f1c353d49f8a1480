"""Unions and organisations, with sentences of the genre from many places."""
import pytest

from kg.pipeline.extract.orgs import find_organisations, leading_places


def names(doc, kind):
    return [m.name for m in find_organisations(doc) if m.kind == kind]


@pytest.mark.parametrize("text, unions", [
    # place + 区/县/市/镇/街道 + 总工会, by pattern, not by list
    ("近日，驿城区总工会为环卫工人送去慰问品。", ["驿城区总工会"]),
    ("元旦前夕，桐庐县总工会走访慰问困难职工。", ["桐庐县总工会"]),
    ("记者从燕山石化公司工会获悉，表彰大会召开。", ["燕山石化公司工会"]),
    ("近日，北京建工集团工会在工人体育场举行表彰。", ["北京建工集团工会"]),
    ("西城区广外街道总工会开展职工沟通会。", ["西城区广外街道总工会"]),
    # context words resolve to the passage's place
    ("浦东新区人大常委会副主任、区总工会主席某某出席。", ["浦东新区总工会"]),
    ("海淀区政协副主席、总工会主席胡某某出席。", ["海淀区总工会"]),
    # 校 is the school the passage names; a school never named is never invented
    ("近日，安阳师范学院召开教代会。春节前夕，校工会走访慰问困难教职工。", ["安阳师范学院工会"]),
    ("春节前夕，校工会走访慰问困难教职工。", []),
    # the papers' short form: 某市总 and 省总 before a verb (省总 is the province's)
    ("辽宁省总工会启动关爱月。省总下拨资金30万元。铁岭市总在走访的同时发放慰问金，丹东市总开展义诊。",
     ["辽宁省总工会", "辽宁省总工会", "铁岭市总工会", "丹东市总工会"]),
    ("该市总体规划明确，市总医院扩建。", []),
    # 州 is the 州 the passage names; a leader's 率 is not the name's
    ("黔东南州总工会召开会议。州总工会主席甲率县总工会干部慰问。", ["黔东南州总工会", "黔东南州总工会"]),
    # collectives are not entities
    ("各级工会要加大工会经费投入力度，基层工会积极行动。", []),
    ("安阳县总工会主席、县直各委局工会主席参加启动仪式。", ["安阳县总工会"]),
    ("宜宾市总工会连续第五年向市工会系统赠送报刊。", ["宜宾市总工会"]),
])
def test_unions(make_doc, text, unions):
    assert names(make_doc(text), "union") == unions


def test_city_word_resolves_to_a_city_not_a_prefecture_named_since(make_doc):
    text = "兰州市总工会开展春节慰问。老人早年在临夏回族自治州外贸公司工作。据悉，市总工会还将继续开展慰问活动。"
    assert names(make_doc(text), "union") == ["兰州市总工会", "兰州市总工会"]


def test_home_city_is_a_setting(make_doc):
    import dataclasses
    doc = dataclasses.replace(make_doc("市总工会、市财政局联合举办培训。"), home_city="上海市")
    assert [m.name for m in find_organisations(doc)] == ["上海市总工会", "上海市财政局"]


def test_fixed_aliases(make_doc):
    assert names(make_doc("全总拨付3780万元。"), "union") == ["中华全国总工会"]
    assert names(make_doc("全国总工会决定下拨资金。"), "union") == ["中华全国总工会"]


@pytest.mark.parametrize("text, orgs", [
    ("来到西城区卫生健康委员会，了解防疫工作。", ["西城区卫生健康委员会"]),
    ("宝安区委组织部副部长某某到场。", ["宝安区委组织部"]),
    ("东城区委、区政府领导通过视频慰问女职工。", ["东城区委", "东城区政府"]),
    # 市 is the city the text names (首都 is 北京); a district names no city: none is invented
    ("首都职工大会召开，市总工会党组成员、经审会主任司某出席。", ["北京市总工会经审会"]),
    ("石景山区召开大会，市总工会党组成员、经审会主任司某出席。", []),
    ("为石景山医院、石景山法院和万商集团公司的女职工授课。", ["石景山医院", "石景山法院", "万商集团公司"]),
    # a company's trade may be a verb (制造); the verbs of a visit still end the name
    ("县总工会副主席王立新走访了常州华东精密设备制造有限公司和无锡宏达机械有限公司，了解恒泰集团的用工情况。",
     ["常州华东精密设备制造有限公司", "无锡宏达机械有限公司", "恒泰集团"]),
])
def test_organisations(make_doc, text, orgs):
    assert names(make_doc(text), "org") == orgs


def test_leading_places():
    assert leading_places("顺义区赵全营镇总工会") == [("顺义区", "district"), ("顺义区赵全营镇", "town")]
