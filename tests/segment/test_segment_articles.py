import pytest
from kg.pipeline.segment import segment_page

PAGE = """支持湖北等地区各级工会开展为受疫情影响的职工家庭送温暖活动

全总拨付3780万元疫期帮扶救助资金

本报讯 (记者 白莹) 全国总工会决定下拨3780万 元常态化送温暖资金。

门头沟工会"云"舞台致敬最美劳动者

节目采用居家录制方式 以诗歌朗诵、快板、歌曲为主

本报讯 (记者 闫长禄) 门头沟区总工会举办特别节目。

本报讯 (记者 闫长禄 通讯 员 赵立新 姚越)记者从燕山石化公司工会获悉,表彰大会召开。
"""


def test_headline_is_the_main_title_not_kicker_or_subtitle():
    _, _, articles = segment_page(PAGE)
    assert [a.headline for a in articles] == [
        "全总拨付3780万元疫期帮扶救助资金", '门头沟工会"云"舞台致敬最美劳动者', None]


def test_markdown_headings_start_articles_and_deeper_ones_do_not():
    page = "# 版面横幅\n\n■ 多彩三月\n\n## 怀柔区总工会开展关爱女职工活动\n\n本报讯（记者 崔欣）近日，活动举行。\n\n### ——小标题\n\n正文继续。\n"
    _, _, articles = segment_page(page)
    assert [a.headline for a in articles] == ["怀柔区总工会开展关爱女职工活动"]


def test_feature_lead_before_headline_joins_the_article():
    page = ("关爱一线职工、关爱困难职工……工会的温暖为你而来。\n\n工会温暖 为你而来\n\n"
            "——大兴区总工会送温暖活动纪实\n\n□本报记者 孙艳\n\n正文。\n")
    _, _, articles = segment_page(page)
    assert len(articles) == 1
    assert articles[0].headline == "工会温暖 为你而来"
    assert "byline" in articles[0].kinds


def test_a_headline_may_end_on_a_closing_quote():
    page = "长兴县总工会投入120万元开展“冬送温暖”\n\n本报讯(记者 吴敏)近日，长兴县总工会走访慰问困难职工。\n"
    _, _, articles = segment_page(page)
    assert [a.headline for a in articles] == ["长兴县总工会投入120万元开展“冬送温暖”"]


WEB_PAGE = """字号:
当前位置:首页 > 工会新闻 > 正文
迎新春 送温暖 | 某县总工会开展新春走基层慰问活动
2023-01-19 15:49:00 来源: 某县融媒体中心 作者:张晓明 发布者:admin
分享到:
1.jpg

近日，某县总工会领导班子分成四组赴基层开展送温暖慰问活动。

©版权所有 某县总工会 ICP备12345678号
"""


def test_site_chrome_is_never_a_headline():
    # navigation, 来源/作者 lines, dates, file names and copyright (issue 10)
    _, _, articles = segment_page(WEB_PAGE)
    assert [a.headline for a in articles] == ["某县总工会开展新春走基层慰问活动"]


@pytest.mark.parametrize("page, headline", [
    ("某某新闻网 > 新闻 > 本地新闻\n\n火车站送温暖 情暖春运一线职工\n\n"
     "近日，县总工会走访慰问春运一线职工。\n", "火车站送温暖 情暖春运一线职工"),
    ("给800多名环卫工人 送过冬物品\n\n时间:2019-12-06\n\n近日，市总工会为环卫工人送去棉衣。\n",
     "给800多名环卫工人 送过冬物品"),
    ("县总工会领导来城关开展“两节” 送温暖活动\n\n某县融媒体中心\n\n近日，县总工会走访慰问困难职工。\n",
     "县总工会领导来城关开展“两节” 送温暖活动"),
    ("欢迎您的到来!登录注册\n\n原标题:县总工会开展送温暖活动\n\n近日，县总工会走访慰问困难职工。\n",
     "县总工会开展送温暖活动"),
])
def test_breadcrumbs_and_time_lines_are_no_headline(page, headline):
    _, _, articles = segment_page(page)
    assert [a.headline for a in articles] == [headline]


def test_a_web_title_drops_its_site_name():
    page = "某县总工会慰问环卫工人——某某新闻网\n\n2021-01-16 来源:某某新闻网\n\n近日，某县总工会慰问环卫工人。\n"
    _, _, articles = segment_page(page)
    assert [a.headline for a in articles] == ["某县总工会慰问环卫工人"]


def test_a_credit_line_under_a_title_is_no_headline():
    page = "某县总工会慰问环卫工人\n\n□张晓明 李文静 文/图\n\n近日，某县总工会慰问环卫工人。\n"
    _, _, articles = segment_page(page)
    assert [a.headline for a in articles] == ["某县总工会慰问环卫工人"]
