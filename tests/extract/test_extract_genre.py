"""The genre beyond the sample: every error class of issue 10, with sentences of our own.

Each table holds sentences written for these tests in the forms real papers of other
provinces use (none is a page's text; no name is a real official's).
"""
import pytest

from conftest import facts, positions


def names(doc, *kinds):
    return [m.name for m in doc.mentions if m.kind in kinds]


# ---------------------------------------------------------------- places

@pytest.mark.parametrize("text, unions", [
    # a three-character district is read whole, not cut to its last two characters
    ("成都市龙泉驿区总工会主席王建国带队走访。", ["成都市龙泉驿区总工会"]),
    # county-level cities, 自治州, 盟, 旗, 地区, development zones
    ("峨眉山市总工会、大理白族自治州总工会共同开展活动。", ["峨眉山市总工会", "大理白族自治州总工会"]),
    ("锡林郭勒盟总工会、阿拉善左旗总工会、喀什地区总工会开展活动。",
     ["锡林郭勒盟总工会", "阿拉善左旗总工会", "喀什地区总工会"]),
    ("大连经开区总工会、成都高新区总工会开展活动。", ["大连经开区总工会", "成都高新区总工会"]),
    # a phrase that only ends like a place is none
    ("为贫困山区总工会干部送去温暖，各省(市)工会积极响应。", []),
    # words read before the place are not the name's
    ("短短两天时间内省总工会募集善款，四川日报记者获悉。", ["四川省总工会"]),
])
def test_places_are_read_whole_and_only_real_places(make_doc, text, unions):
    from kg.pipeline.extract.orgs import find_organisations
    assert [m.name for m in find_organisations(make_doc(text)) if m.kind == "union"] == unions


def test_a_conjunction_is_no_county(make_doc):
    # 和县委 is the conjunction and 县委, not the committee of the county 和县
    from kg.pipeline.extract.orgs import find_organisations
    doc = make_doc("桐庐县人大常委会和县委领导出席。")
    assert [m.name for m in find_organisations(doc)] == ["桐庐县人大常委会", "桐庐县委"]


@pytest.mark.parametrize("text, expected", [
    # the text names its city: 市 resolves to it, not to a default
    ("绵阳市涪城区总工会联合市卫健局开展慰问，市总工会副主席李红梅出席。",
     ["绵阳市涪城区总工会", "绵阳市卫健局", "绵阳市总工会"]),
    # a paper's name names its city; its province answers 省
    ("洛阳日报讯 市总工会、省总工会领导深入企业慰问。", ["洛阳市总工会", "河南省总工会"]),
    # 自治区 resolves to the region the text names
    ("自治区总工会下拨资金，支持南宁市困难职工解困。", ["广西壮族自治区总工会", "南宁市"][:1]),
    # a city the text never names is never invented
    ("市总工会、市人大常委会领导走访困难职工。", []),
])
def test_home_place_is_the_texts_own(make_doc, text, expected):
    from kg.pipeline.extract.orgs import find_organisations
    assert [m.name for m in find_organisations(make_doc(text))] == expected


def test_home_city_setting_is_only_a_fallback(make_doc):
    from kg.pipeline.extract.orgs import find_organisations
    named = make_doc("大连市总工会开展慰问，市总工会主席出席。", home_city="上海市")
    assert [m.name for m in find_organisations(named)][-1] == "大连市总工会"


# ---------------------------------------------------------------- organisations

@pytest.mark.parametrize("text, org", [
    ("来到县人民医院慰问医护人员。", "桐庐县人民医院"),
    ("走进桐庐县第二中学看望教师。", "桐庐县第二中学"),
    ("桐庐县卫健局、桐庐供电公司职工参加。", "桐庐供电公司"),
    ("为桐庐县蓝天救援队送去物资。", "桐庐县蓝天救援队"),
    ("桐庐县妇联、县委政法委领导出席。", "桐庐县委政法委"),
])
def test_organisation_endings_of_the_genre(make_doc, text, org):
    from kg.pipeline.extract.orgs import find_organisations
    doc = make_doc("桐庐县总工会开展活动。" + text)
    assert org in [m.name for m in find_organisations(doc)]


# ---------------------------------------------------------------- titles

@pytest.mark.parametrize("text, expected", [
    ("桐庐县总工会挂职副主席陈小春出席。", ("陈小春", "挂职副主席", "桐庐县总工会")),
    ("桐庐县委常委、统战部长刘海峰出席。", ("刘海峰", "统战部长", "桐庐县委")),
    ("桐庐县总工会二级巡视员赵德明出席。", ("赵德明", "二级巡视员", "桐庐县总工会")),
    ("桐庐县总工会一级调研员孙丽萍出席。", ("孙丽萍", "一级调研员", "桐庐县总工会")),
    # a misprint stays as printed
    ("桐庐县总工会党组幅书记吴志远出席。", ("吴志远", "党组幅书记", "桐庐县总工会")),
])
def test_titles_of_the_genre(extracted, text, expected):
    assert expected in positions(extracted(text))


def test_title_chain_spans_party_committee_congress_and_union(extracted):
    doc = extracted("绵阳市委常委、市人大常委会副主任、市总工会主席王志刚出席。")
    got = positions(doc)
    assert got == {("王志刚", "常委", "绵阳市委"), ("王志刚", "副主任", "绵阳市人大常委会"),
                   ("王志刚", "主席", "绵阳市总工会")}


def test_traditional_titles_are_kept_as_printed(extracted):
    doc = extracted("澳門工會聯合總會會長黃志明、副會長李家輝出席。")
    assert ("黃志明", "會長") in {(f.person.name, f.role) for f in facts(doc, "position")}


# ---------------------------------------------------------------- 慰问

@pytest.mark.parametrize("text, expected", [
    ("洛阳市总工会副主席李红梅一行到工地慰问农民工。", {("李红梅", "农民工")}),
    ("县总工会主席赵春华分别看望了困难职工张小兵、刘玉芬、陈金花。",
     {("赵春华", "张小兵"), ("赵春华", "刘玉芬"), ("赵春华", "陈金花")}),
    # a visit told across two sentences: the home it opens in, the act after
    ("洛阳市总工会主席周建新一行先后来到困难职工。在困难职工张小兵、刘玉芬的家中，周建新详细了解情况，并送上慰问金。",
     {("周建新", "张小兵"), ("周建新", "刘玉芬")}),
    # a delegation told before acts again
    ("洛阳市总工会主席周建新带领慰问团走访慰问劳模。慰问团来到洛阳市第一人民医院，看望医护人员。",
     {("周建新", "劳动模范"), ("周建新", "医务人员")}),
])
def test_condolences_of_the_genre(extracted, text, expected):
    got = {(a.name, r.name) for f in facts(extracted(text), "condolence") for a in f.agents for r in f.recipients}
    assert expected <= got


def test_money_handed_to_a_person_is_an_allocation_of_the_officials_union(extracted):
    doc = extracted("洛阳市总工会党组书记周建新将1000元慰问金送到困难职工张小兵手中。")
    assert [(f.agents[0].name, f.amount) for f in facts(doc, "allocation")] == [("洛阳市总工会", 1000)]


# ---------------------------------------------------------------- 拨付

@pytest.mark.parametrize("text, agent, amount", [
    ("桐庐县总工会拨出专项资金1,000元。", "桐庐县总工会", 1000),
    ("桐庐县总工会安排帮扶资金12,500万元。", "桐庐县总工会", 125000000),
    ("桐庐县总工会筹集款物五万元。", "桐庐县总工会", 50000),
    ("桐庐县总工会向困难职工发放补助一百二十万元。", "桐庐县总工会", 1200000),
    ("桐庐县总工会投入1.2亿元。", "桐庐县总工会", 120000000),
    ("桐庐县总工会拨付慰问金近50万元。", "桐庐县总工会", 500000),
    ("桐庐县总工会下拨送温暖资金256万，覆盖全县。", "桐庐县总工会", 2560000),
])
def test_allocations_of_the_genre(extracted, text, agent, amount):
    assert (agent, amount) in {(f.agents[0].name, f.amount) for f in facts(extracted(text), "allocation")}


def test_a_total_and_its_parts(extracted):
    doc = extracted("桐庐县总工会共下拨资金80万元，其中50万元用于慰问困难职工，30万元用于慰问劳模。")
    allocations = facts(doc, "allocation")
    assert [f.amount for f in allocations] == [800000, 500000, 300000]
    assert [f.part_of is not None for f in allocations] == [False, True, True]


def test_each_of_two_unions_gives_the_amount(extracted):
    doc = extracted("洛阳市总工会和涧西区总工会分别送给该企业慰问金3万元。")
    assert {(a.name, f.amount) for f in facts(doc, "allocation") for a in f.agents} == {
        ("洛阳市总工会", 30000), ("涧西区总工会", 30000)}


def test_a_per_head_sum_without_a_total_is_an_allocation(extracted):
    doc = extracted("桐庐县总工会为80岁以上的退休劳模每人发放2000元慰问金，为特困职工每人发放1000元。")
    assert [f.amount for f in facts(doc, "allocation")] == [2000, 1000]


# ---------------------------------------------------------------- script

def test_traditional_script_yields_facts(extracted):
    doc = extracted("廣州市總工會副主席陳志強一行慰問困難職工，送上慰問金5萬元。")
    assert ("陳志強", "困难职工") in {(a.name, r.name) for f in facts(doc, "condolence")
                                for a in f.agents for r in f.recipients}
    assert ("广州市总工会", 50000) in {(f.agents[0].name, f.amount) for f in facts(doc, "allocation")}


def test_a_government_head_does_not_take_the_committee_before_it(extracted):
    doc = extracted("桐庐县委常委、副县长赵德明出席。")
    assert {(f.role, f.org.name) for f in facts(doc, "position")} == {("常委", "桐庐县委")}


def test_names_listed_after_an_untitled_name_take_no_post(extracted):
    doc = extracted("桐庐县总工会主席赵春华走访。困难职工张小兵、刘玉芬家中，送上慰问金。")
    assert {f.person.name for f in facts(doc, "position")} == {"赵春华"}


def test_a_body_we_cannot_read_lends_its_post_to_nobody(extracted):
    doc = extracted("桐庐县医院副院长赵德明、某某系统工会主席钱红梅出席。")
    assert ("钱红梅", "主席", "桐庐县医院") not in {(f.person.name, f.role, f.org.name)
                                              for f in facts(doc, "position")}


def test_names_opening_on_zhong_keep_it(make_doc):
    from kg.pipeline.extract.orgs import find_organisations
    doc = make_doc("从国电长江公司、中石化华北油田分公司、中铁三局工程集团募集善款。")
    assert [m.name for m in find_organisations(doc)][1:] == ["中石化华北油田分公司", "中铁三局工程集团"]


def test_what_a_speaker_reports_is_not_the_speakers_act(extracted):
    doc = extracted("桐庐县总工会主席赵春华指出，全县各级工会累计走访慰问困难职工2万户。")
    assert ("赵春华", "困难职工") not in {(a.name, r.name) for f in facts(doc, "condolence")
                                       for a in f.agents for r in f.recipients}


def test_a_person_who_receives_is_the_recipient(extracted):
    doc = extracted("洛阳市某公司职工张小兵领到了洛阳市总工会送来的1000元慰问金。")
    assert {(a.name, r.name) for f in facts(doc, "condolence") for a in f.agents for r in f.recipients} == {
        ("洛阳市总工会", "张小兵")}


def test_a_delegation_of_a_named_union_is_that_unions(extracted):
    doc = extracted("桐庐县总工会主席赵春华走访慰问劳模。分水讯(通讯员李文静)分水镇总工会送清凉慰问组一行，"
                    "对高温下坚持工作的农民工进行慰问。")
    got = {(a.name, r.name) for f in facts(doc, "condolence") for a in f.agents for r in f.recipients}
    assert ("分水镇总工会", "农民工") in got and ("赵春华", "农民工") not in got
    assert not any(r.name == "李文静" for f in facts(doc, "condolence") for r in f.recipients)


def test_a_list_of_people_goes_on_after_a_comma(extracted):
    doc = extracted("洛阳市总工会副主席李红梅一行走访慰问了困难职工张小兵、刘玉芬，困难劳模陈金花和困难工会干部王建军。")
    got = {r.name for f in facts(doc, "condolence") for r in f.recipients}
    assert {"张小兵", "刘玉芬", "陈金花", "王建军"} <= got


def test_money_brought_to_a_union_is_not_that_unions(extracted):
    doc = extracted("洛阳市总工会副主席李红梅一行代表市总工会为新安县总工会送来慰问金四万元。")
    assert {(a.name, f.amount) for f in facts(doc, "allocation") for a in f.agents} == {("洛阳市总工会", 40000)}


def test_an_official_who_accompanies_is_no_recipient(extracted):
    doc = extracted("洛阳市总工会副主席李红梅一行赴涧西区开展送温暖活动，区人大常委会副主任、区总工会主席王建国陪同慰问。")
    assert not any(r.name == "王建国" for f in facts(doc, "condolence") for r in f.recipients)


def test_a_stop_word_inside_a_place_cuts_nothing(make_doc):
    from kg.pipeline.extract.orgs import find_organisations
    doc = make_doc("在呼和浩特市春华水务公司开展慰问，送去党的二十大学习资料。")
    assert [m.name for m in find_organisations(doc)] == ["呼和浩特市春华水务公司"]


def test_a_list_keeps_its_city(make_doc):
    from kg.pipeline.extract.orgs import find_organisations
    doc = make_doc("唐山市总工会慰问迁安市交警大队和市医院一线职工。")
    assert [m.name for m in find_organisations(doc)] == ["唐山市总工会", "迁安市交警大队", "迁安市医院"]


def test_a_list_of_bodies_goes_on_past_a_sector_word(extracted):
    doc = extracted("潞州区总工会深入到潞州区环卫处、长治华丰型材有限公司、潞州区人民医院等单位，看望慰问一线职工。")
    got = {r.name for f in facts(doc, "condolence") for r in f.recipients}
    assert {"潞州区环卫处", "长治华丰型材有限公司", "潞州区人民医院"} <= got
