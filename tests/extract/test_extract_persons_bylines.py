import pytest

from kg.pipeline.extract.persons import find_persons, read_name


@pytest.mark.parametrize("text, expected", [
    ("大兴区总工会党组书记、常务副主席牛玉俊(左一)慰问全国劳模张占林", ["牛玉俊", "张占林"]),
    ("区总工会副主席刘振丽、李利萍，先后赴卫生系统慰问。", ["刘振丽", "李利萍"]),
    ("区总工会党组书记、主席陈 波 表示，演出内容丰富。", ["陈波"]),
    ("驿城区总工会主席欧阳明华带队走访。", ["欧阳明华"]),
])
def test_persons_after_titles(make_doc, text, expected):
    assert [m.name for m in find_persons(make_doc(text))] == expected


@pytest.mark.parametrize("text, expected", [
    # no follower word ends the name: jieba's word does (a family name and two given characters)
    ("对劳模韩立伟所付出的努力表示肯定。", ["韩立伟"]),
    # two characters are not enough: jieba tags some ordinary words as names
    ("为环卫工人戴上草帽。", []),
])
def test_persons_ended_by_jiebas_word(make_doc, text, expected):
    assert [m.name for m in find_persons(make_doc(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("先后来到郑国富、梁志勇、邓秀兰等困难职工家中。", ["郑国富", "梁志勇", "邓秀兰"]),
    ("分别对高建、宋丽华等困难劳模进行了慰问。", ["高建", "宋丽华"]),
    # a list of places or ordinary words is no list of names
    ("走访了上海、广州、深圳等城市。", []),
    ("涉及安全、环保、质量等方面。", []),
    # 某某·甲某: the first item is the tail of a longer name, the rest stand
    ("慰问了阿布都·买买提、李国强、周文等职工。", ["李国强", "周文"]),
])
def test_persons_listed_before_deng(make_doc, text, expected):
    assert [m.name for m in find_persons(make_doc(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("张晓明(右)慰问省劳模\n李文静(左)慰问困难职工", ["张晓明", "李文静"]),
    # 于 is a family name after a title, a preposition before a date
    ("市总工会主席于海波参加慰问。", ["于海波"]),
    ("市总工会副主席于3月5日带队慰问。", []),
    ("市总工会主席于近日带队慰问。", []),
])
def test_persons_of_captions_and_the_family_name_yu(make_doc, text, expected):
    assert [m.name for m in find_persons(make_doc(text))] == expected


def test_a_family_name_and_a_title_stand_for_the_one_person(extracted):
    text = "县总工会主席孙立军率队慰问。随后孙主席来到困难职工宋丽华家中，送上慰问金。"
    doc = extracted(text)
    assert [m.name for m in doc.mentions if m.kind == "person"] == ["孙立军", "孙立军", "宋丽华"]
    # two persons of that family name: 孙主席 names nobody
    text = "县总工会主席孙立军、副主席孙德旺率队慰问。随后孙主席来到困难职工家中。"
    assert [m.name for m in extracted(text).mentions if m.kind == "person"] == ["孙立军", "孙德旺"]


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


@pytest.mark.parametrize("text, expected", [
    # the forms of other papers and sites (issue 10), names of our own
    ("本报讯(记者张晓明 通讯员李文静)近日，县总工会开展活动。", [("张晓明", "记者"), ("李文静", "通讯员")]),
    ("本报讯 记者 张晓明 通讯员 李文静报道 近日，县总工会开展活动。", [("张晓明", "记者"), ("李文静", "通讯员")]),
    ("工人日报讯(记者 张晓明)近日，县总工会开展活动。", [("张晓明", "记者")]),
    ("洛阳日报1月5日讯(全媒体记者 张晓明 通讯员 李文静)近日，活动举行。",
     [("张晓明", "记者"), ("李文静", "通讯员")]),
    ("文/图 张晓明", [("张晓明", "记者")]),
    ("□张晓明 李文静 文/图", [("张晓明", "记者"), ("李文静", "记者")]),
    ("张晓明 摄", [("张晓明", "记者")]),
    ("通讯员 李文静 记者 张晓明", [("李文静", "通讯员"), ("张晓明", "记者")]),
    ("记 者 张 明", [("张明", "记者")]),
    ("县总工会为困难职工送去慰问金。(记者 张晓明)", [("张晓明", "记者")]),
    ("(江城日报)(记者张晓明 通讯员李文静)昨日，县总工会开展活动。", [("张晓明", "记者"), ("李文静", "通讯员")]),
    ("记者张晓明报道 3月5日上午，县总工会开展活动。", [("张晓明", "记者")]),
    ("来源:县融媒体中心 记者 / 张晓明", [("张晓明", "记者")]),
    # an intern is a person, not a byline; an editor is neither
    ("本报讯(记者张晓明 实习生李文静)近日，县总工会开展活动。", [("张晓明", "记者")]),
    ("责任编辑:张晓明", []),
    # traditional script: the role is read, the name stays as printed
    ("本報訊(記者 張曉明 通訊員 李文靜)近日，縣總工會開展活動。", [("張曉明", "记者"), ("李文靜", "通讯员")]),
])
def test_bylines_of_the_genre(extracted, text, expected):
    doc = extracted(text)
    assert [(f.person.name, f.role) for f in doc.facts if f.kind == "byline"] == expected


@pytest.mark.parametrize("text, persons", [
    ("县总工会开展活动。\n(张晓明 李文静)", ["张晓明", "李文静"]),
    ("本报讯(记者张晓明 实习生李文静)近日，县总工会开展活动。", ["张晓明", "李文静"]),
    ("中新网成都9月3日电 (张晓明) 记者获悉。", ["张晓明"]),
    ("县总工会为困难职工送上救助款。(张晓明 李文静)", ["张晓明", "李文静"]),
])
def test_credits_without_a_byline_role_name_persons(extracted, text, persons):
    assert [m.name for m in extracted(text).mentions if m.kind == "person"] == persons
