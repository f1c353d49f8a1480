"""慰问: agents and recipients on sentences of the genre from other places.

Grouped as in price-parser's tables: patterns the seed pages showed, written
anew with other places and people, so no rule can lean on a seed's names.
"""
import pytest


def condolences(doc):
    return [f for f in doc.facts if f.kind == "condolence"]


def pairs(doc):
    return {(a.name, c) for f in condolences(doc) for a in f.agents
            for r in f.recipients for c in (r.concepts or (r.name,))}


@pytest.mark.parametrize("text, expected", [
    # a delegation's visit names the place it comes to
    ("1月8日，驿城区总工会主席王建华，副主席李红梅一行来到驿城区环卫处，详细了解环卫工作情况。",
     {("王建华", "驿城区环卫处"), ("李红梅", "驿城区环卫处")}),
    # a pronoun points back to the group named before the act
    ("区总工会主席赵刚带队前往辖区困难女职工家中，为她们送去慰问金。",
     {("赵刚", "困难职工"), ("赵刚", "女职工")}),
    # money handed over with no object: the group the clause before names
    ("平舆县总工会及时了解生活困难职工所需所求，给予慰问金和生活补贴。",
     {("平舆县总工会", "困难职工")}),
    # an appositive clause lists recipients too
    ("桐庐县总工会投入4万元慰问一线单位女职工，包括公安分局、环卫中心等。",
     {("桐庐县总工会", "女职工"), ("桐庐县总工会", "公安干警"), ("桐庐县总工会", "环卫工人")}),
    # towns supplied are recipients, in a list after the act
    ("平舆县总工会全力保障防疫一线。第一批物资送达平舆县卫健委、李屯镇、东皇街道。",
     {("平舆县总工会", "平舆县卫健委"), ("平舆县总工会", "李屯镇"), ("平舆县总工会", "东皇街道")}),
    # staff qualified by an epidemic word, with no group word
    ("平舆县总工会党组书记周志强慰问县疫情防控流调专班人员。", {("周志强", "防疫一线人员")}),
])
def test_condolence_pairs(extracted, text, expected):
    assert expected <= pairs(extracted(text))


def test_a_delegation_acts_for_its_leader_named_before(extracted):
    text = ("1月5日，省总工会副主席孙立军带领慰问组一行到安阳县开展送温暖调研活动。"
            "慰问组在城关镇工会驿站集中慰问了困难职工代表。"
            "在河南天元钢铁集团，慰问组深入生产一线，看望并慰问了坚守一线的产业工人。")
    # the last act names no group: the company the sentence opens in is whom it reached
    assert pairs(extracted(text)) == {("孙立军", "困难职工"), ("孙立军", "河南天元钢铁集团")}


def test_persons_a_preposition_governs_are_never_agents(extracted):
    text = "平舆县总工会分别对高建国、宋丽华等困难劳模进行了慰问，并向全县劳模发放补助资金10万元。"
    agents = {a.name for f in condolences(extracted(text)) for a in f.agents}
    assert agents == {"平舆县总工会"}


def test_a_clause_that_opens_on_to_is_the_visit(extracted):
    text = "仪式后，县委副书记孙立军在工会同志陪同下，到县环卫大队市劳模宋丽华家中，送上慰问品及1000元慰问金。"
    assert {("孙立军", "宋丽华"), ("孙立军", "劳动模范")} <= pairs(extracted(text))


def test_a_delegation_that_goes_in_turn_visits(extracted):
    text = "县总工会主席赵刚一行先后走进劳动奖章获得者孙德旺所在单位，全国劳动模范宋丽华家里，和他们亲切座谈。"
    assert {("赵刚", "孙德旺"), ("赵刚", "宋丽华")} <= pairs(extracted(text))


def test_a_visit_to_someones_home_is_an_act(extracted):
    text = "离开老张家，县总工会主席赵刚又来到全国劳动模范孙德旺家中。"
    assert pairs(extracted(text)) == {("赵刚", "孙德旺"), ("赵刚", "劳动模范")}


@pytest.mark.parametrize("text, expected", [
    # a sentence that opens on whom it serves goes on about the officials who went there
    ("6月3日，安阳县总工会主席孙立军携班子成员深入高铁建设工地。为一线农民工送去绿豆汤和毛巾。",
     {("孙立军", "农民工")}),
])
def test_condolence_agents_from_the_sentence_before(extracted, text, expected):
    assert pairs(extracted(text)) == expected


def test_money_the_sentence_after_spends_is_not_the_visitors(extracted):
    text = ("南湖区总工会主席刘明一行来到区医院，了解防疫工作。投入5万元购买物资，送至各医院，"
            "向医务人员致以问候。")
    assert ("南湖区总工会", "医务人员") in pairs(extracted(text))
    assert ("刘明", "医务人员") not in pairs(extracted(text))


def test_same_visit_keeps_its_agents(extracted):
    doc = extracted("西湖区总工会副主席孙敏先后赴教育系统、卫生系统进行了慰问。"
                    "此次慰问共涉及12家单位，惠及女职工3000余人。")
    assert ("孙敏", "女职工") in pairs(doc)


def test_a_possessor_in_a_set_formula_is_no_agent(extracted):
    doc = extracted("长兴县总工会：\n长兴县总工会慰问环卫工人，把县委、县政府和工会组织的关爱送给每一名女职工。")
    agents = {a.name for f in condolences(doc) for a in f.agents}
    assert agents == {"长兴县总工会"}


def test_the_reporter_of_the_lead_is_no_agent(extracted):
    doc = extracted("本报讯(记者 吴敏)近日，长兴县总工会主席钱强带队看望困难职工，为他们送去慰问金。")
    agents = {a.name for f in condolences(doc) for a in f.agents}
    assert agents == {"钱强"}


def test_objects_of_the_act_are_not_its_agents(extracted):
    doc = extracted("区总工会筹措资金20万元慰问了区医院、区中医院等医护人员，为她们送去防护用品。")
    agents = {a.name for f in condolences(doc) for a in f.agents}
    assert not any(name.endswith("医院") for name in agents)


def test_one_visit_told_by_two_verbs_is_one_fact(extracted):
    doc = extracted("长兴县总工会主席钱强走访慰问因病致困职工家庭，为他们送去慰问金。")
    assert len(condolences(doc)) == 1


def test_a_sentence_opening_with_its_recipients(extracted):
    doc = extracted("长兴县总工会开展新春慰问。\n"
                    "同时，长兴县总工会关心一线。\n"
                    "面向节日期间坚守岗位的环卫工人、农民工，送去米面粮油等暖心礼包。")
    assert {("长兴县总工会", "环卫工人"), ("长兴县总工会", "农民工")} <= pairs(doc)


def test_a_round_up_of_many_unions_lends_none_to_a_paragraph_without_one(extracted):
    doc = extracted("甲县总工会慰问女职工。\n乙县总工会慰问医护人员。\n为环卫工人送去慰问品。")
    assert not any(r.name == "环卫工人" for f in condolences(doc) for r in f.recipients)


@pytest.mark.parametrize("text", ["区总工会给予\n慰问金", "区总工会致以!新春的问候"])
def test_an_act_does_not_read_past_its_sentence(text):
    # the acts are found in one scan of the article: a look-ahead must stop where the sentence does
    from kg.pipeline.extract.condolences import _ACT
    assert all(match.group(0)[:2] not in ("给予", "致以") for match in _ACT.finditer(text))
