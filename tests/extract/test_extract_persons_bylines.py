import pytest

from kg.extract.bylines import find_bylines
from kg.extract.persons import find_persons, read_name


@pytest.mark.parametrize("text, expected", [
    ("大兴区总工会党组书记、常务副主席牛玉俊(左一)慰问全国劳模张占林", ["牛玉俊", "张占林"]),
    ("区总工会副主席刘振丽、李利萍，先后赴卫生系统慰问。", ["刘振丽", "李利萍"]),
    ("区总工会党组书记、主席陈 波 表示，演出内容丰富。", ["陈波"]),
    ("驿城区总工会主席欧阳明华带队走访。", ["欧阳明华"]),
])
def test_persons_after_titles(make_doc, text, expected):
    assert [m.name for m in find_persons(make_doc(text))] == expected


def test_read_name_stops_before_following_words():
    assert read_name("主席赵秦岭带队前往", 2) == "赵秦岭"
    assert read_name("书记司建强调", 2) == "司建"


@pytest.mark.parametrize("text, expected", [
    ("本报讯（记者 崔欣 通讯员 宋雅欣）近日，活动举行。", [("崔欣", "记者"), ("宋雅欣", "通讯员")]),
    ("本报讯 (记者 闫长禄 通讯 员 赵立新 姚越)记者获悉。", [("闫长禄", "记者"), ("赵立新", "通讯员"), ("姚越", "通讯员")]),
    ("本报记者 周美玉 彭程 摄影报道", [("周美玉", "记者"), ("彭程", "记者")]),
    ("(本报记者集体采写)", []),
])
def test_bylines(extracted, text, expected):
    doc = extracted(text, kind="lead")
    assert [(f.person.name, f.role) for f in doc.facts if f.kind == "byline"] == expected
