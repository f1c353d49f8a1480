"""Positions, groups, 慰问 and 拨付 on real sentences of the genre."""
from decimal import Decimal

import pytest

from conftest import facts, positions
from kg.pipeline.extract.amounts import find_amounts, parse_amount


def test_position_chain_spans_two_organisations(extracted):
    doc = extracted("大兴区人大常委会党组成员、副主任，区总工会主席郭金江(左二)慰问患大病职工家庭")
    got = positions(doc)
    assert got == {("郭金江", "党组成员", "大兴区人大常委会"), ("郭金江", "副主任", "大兴区人大常委会"),
                   ("郭金江", "主席", "大兴区总工会")}


def test_position_shared_by_a_list_of_names(extracted):
    doc = extracted("丰台区总工会副主席刘振丽、李利萍先后赴一线单位进行了慰问。")
    got = positions(doc)
    assert got == {("刘振丽", "副主席", "丰台区总工会"), ("李利萍", "副主席", "丰台区总工会")}


def test_position_after_a_copula(extracted):
    doc = extracted("慰问了困难工会干部张晓明。张晓明是安阳县城关镇前进街道和平社区工会主席，工作认真。")
    got = positions(doc)
    assert got == {("张晓明", "主席", "安阳县城关镇前进街道和平社区工会")}


def test_posts_printed_after_the_names(extracted):
    doc = extracted("连日来，安阳县总工会张晓明主席，李文静、赵立平副主席带着慰问金走访困难职工。"
                    "开发区工会孙德旺主席一行陪同。")
    got = positions(doc)
    # 开发区工会 names no place we know: 孙德旺 is a person, his post's organisation unread
    assert got == {("张晓明", "主席", "安阳县总工会"), ("李文静", "副主席", "安阳县总工会"),
                   ("赵立平", "副主席", "安阳县总工会")}
    assert "孙德旺" in {m.name for m in doc.mentions if m.kind == "person"}


def test_a_party_group_title_belongs_to_the_union_not_its_secretariat(extracted):
    doc = extracted("江苏省总工会书记处书记、党组成员张晓明带队慰问。")
    got = positions(doc)
    assert got == {("张晓明", "书记", "江苏省总工会书记处"), ("张晓明", "党组成员", "江苏省总工会")}


def test_a_union_facility_is_no_union(extracted):
    doc = extracted("慰问组在城关镇和平社区工会驿站慰问了快递员。")
    assert [m.name for m in doc.mentions if m.kind == "union"] == []


def test_implied_organisation_is_not_guessed(extracted):
    doc = extracted("某某区人大常委会副主任王振华，副区长、区防控领导小组医疗保障组组长张婕出席。")
    assert ("张婕", "副区长") not in {(f.person.name, f.role) for f in facts(doc, "position")}


def test_groups_name_every_concept_of_a_mention(extracted):
    doc = extracted("市、区两级工会慰问抗疫一线女职工")
    groups = [m for m in doc.mentions if m.kind == "group"]
    assert groups and set(groups[0].concepts) == {"女职工", "防疫一线人员"}


def test_condolence_by_officials_in_a_photo_caption(extracted):
    doc = extracted("驿城区总工会党组书记、常务副主席王建国(左一)慰问全国劳模张占林", kind="caption")
    (fact,) = facts(doc, "condolence")
    assert [a.name for a in fact.agents] == ["王建国"]
    assert "张占林" in [r.name for r in fact.recipients]


def test_condolence_union_as_subject_with_epidemic_qualifier(extracted):
    doc = extracted("门头沟区总工会慰问坚守在疫情防控一线的环卫工作者。")
    (fact,) = facts(doc, "condolence")
    assert [a.name for a in fact.agents] == ["门头沟区总工会"]
    concepts = {c for r in fact.recipients for c in r.concepts}
    assert {"环卫工人", "防疫一线人员"} <= concepts


@pytest.mark.parametrize("text, agent, amount, approx", [
    ("全国总工会决定下拨3780万 元常态化送温暖资金。", "中华全国总工会", Decimal("37800000"), False),
    ("全国总工会已下拨2.5亿元中央财政专项帮扶资金。", "中华全国总工会", Decimal("250000000"), False),
    ("桐庐县总工会共投入资金770余万元。", "桐庐县总工会", Decimal("7700000"), True),
    ("大兴区教育工会及时向区总工会申请医疗救助金3万元。", "大兴区总工会", Decimal("30000"), False),
])
def test_allocations(extracted, text, agent, amount, approx):
    (fact,) = facts(extracted(text), "allocation")
    assert (fact.agents[0].name, fact.amount, fact.approximate) == (agent, amount, approx)


@pytest.mark.parametrize("text", [
    "为144名职工挽回了工资、保险补偿金等共计226万余元。",
    "该职工家属至今花费医疗费近30万元。",
    "给予1000元到50000元不等的救助帮扶。",
    "送去慰问物资4900余箱。",
])
def test_not_allocations(extracted, text):
    assert facts(extracted("某某区总工会工作人员介绍。" + text), "allocation") == []


def test_amount_parser():
    assert parse_amount("72.03万元").value == Decimal("720300")
    assert [a.approximate for a in find_amounts("近30万元，81万余元，15万元")] == [True, True, False]


def test_allocation_recipients_are_what_the_money_is_for(extracted):
    doc = extracted("平舆县总工会向全县600名环卫工人发放慰问金15.6万元，并为女职工送去防疫物资。")
    (fact,) = facts(doc, "allocation")
    assert {c for r in fact.recipients for c in r.concepts} == {"环卫工人"}


def test_itemised_parts_of_a_total_are_linked_to_it(extracted):
    doc = extracted("长兴县总工会先后投入30.5万元慰问女职工。投入20万元慰问医务人员。投入10万元慰问环卫工人。"
                    "投入5000元慰问困难职工。")
    total, *parts = facts(doc, "allocation")
    assert total.part_of is None and all(p.part_of == total for p in parts)


def test_amounts_that_merely_follow_each_other_are_not_parts(extracted):
    doc = extracted("长兴县总工会投入10万元慰问女职工。投入5万元慰问医务人员。投入5万元慰问环卫工人。")
    assert all(f.part_of is None for f in facts(doc, "allocation"))


def test_a_department_spelled_out_after_its_committee_holds_the_title(extracted):
    doc = extracted("郑州市委常委、统战部部长刘新民出席。")
    got = positions(doc)
    assert got == {("刘新民", "常委", "郑州市委"), ("刘新民", "部长", "郑州市委统战部")}


def test_a_fused_title_names_no_department(extracted):
    doc = extracted("长兴县委常委、宣传部长吴明出席。")
    got = positions(doc)
    assert ("吴明", "宣传部长", "长兴县委") in got


def test_a_per_head_rate_is_no_allocation(extracted):
    doc = extracted("郑州市总工会共筹集助学资金860万元，资助大学新生2150名，每人资助4000元。")
    assert [f.amount for f in facts(doc, "allocation")] == [Decimal("8600000")]
