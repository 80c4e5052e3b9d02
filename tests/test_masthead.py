from datetime import date

import pytest

from kg.ingest.masthead import lunar_to_solar, parse_masthead

HEAD = "湘潭日报\n\n中共湘潭市委机关报\n\n2023年4月18日 星期二 农历癸卯年闰二月廿八\n\n今日八版\n第 1234 号\n\n标题\n本报讯（记者 甲）正文。"


def test_masthead_gives_paper_city_and_issue_date():
    m = parse_masthead(HEAD)
    assert (m.paper, m.city_hint, m.issue_date) == ("湘潭日报", "湘潭", date(2023, 4, 18))
    assert HEAD[m.body_start:].lstrip().startswith("标题")


def test_masthead_lunar_date_agrees_and_stands_alone():
    assert parse_masthead(HEAD).lunar_date == date(2023, 4, 18)
    only_lunar = "某某日报\n星期三 农历庚子年十二月初一\n正文"
    assert parse_masthead(only_lunar).issue_date == date(2021, 1, 13)


def test_lunar_conversion_uses_weekday_to_pick_the_cycle():
    # 庚子年十二月初一 is 2021-01-13 (a Wednesday); 60 years earlier it was another weekday
    assert lunar_to_solar("庚子", 12, 1, False, weekday=2) == date(2021, 1, 13)


def test_page_without_masthead_has_no_date():
    m = parse_masthead("“请人民阅卷”新闻发布会召开——\n\n本报讯(记者 甲) 11月20日下午，发布会召开。")
    assert m.issue_date is None and m.paper == "" and m.body_start == 0


@pytest.mark.parametrize("head,paper", [
    ("湍急江水中 他们救起落水小孩\n来源:眉山日报 2018-06-06 07:59   https://www.yybnet.net/\n昨(5)日,本报接到…", "眉山日报"),
    ("市北开发区发力新兴产业招商\n日照日报 2016-11-17 00:00\n本报讯(记者 张守坤)11月5日…", "日照日报"),
    ("情系家乡父老\nhttp://www.sina.com.cn  2010年08月02日18:29  郑州晚报\n□晚报记者 熊堰秋/文", "郑州晚报"),
    ("汉中市政府代表团来商考察\n商洛日报讯 (记者 陈 静)5月9日,汉中市委副书记…", "商洛日报"),
])
def test_masthead_web_article_credits_its_outlet(head, paper):
    assert parse_masthead(head).paper == paper


def test_masthead_outlet_only_in_the_first_lines():
    text = "标题\n" + "正文一句。\n" * 8 + "来源:人民日报\n"
    assert parse_masthead(text).paper == ""


def test_masthead_a_notice_signed_with_a_date_below_its_body_has_none():
    # a 任免 notice ends with the issuing body and its date: the body has begun above them, so they are no
    # masthead (the whole text had been taken as one, and nothing extracted)
    text = ("泉州市人民政府关于李志强等同志任免职务的通知\n经研究决定：\n李志强同志任泉州市交通运输局局长；\n"
            "黄雅玲同志任泉州市卫生健康委员会副主任。\n泉州市人民政府\n2021年9月28日\n")
    m = parse_masthead(text)
    assert m.issue_date is None and m.body_start == 0


@pytest.mark.parametrize("head", [
    "邵阳日报 SHAOYANG DAILY\n2022年11月9日 星期三\n第3版 综合新闻\n",
    "2022年11月9日 星期三 邵阳日报 第3版 综合新闻\n",
    "A2 要闻 2022年11月9日 星期三 邵阳日报\n",
])
def test_masthead_with_its_english_name_or_an_inside_pages_running_head(head):
    m = parse_masthead(head + "\n邵阳学院与三一重工签约\n本报讯（记者 曾可馨）11月8日，邵阳学院与三一重工签署协议。")
    assert (m.paper, m.issue_date) == ("邵阳日报", date(2022, 11, 9))


def test_masthead_a_county_paper_named_by_its_own_masthead():
    """岳西报 over 岳西报社编辑出版: a county's paper is called what its masthead says, not a guessed 岳西县日报 (EXTRACTION.md:
    the paper's name from the masthead; review round 22b). A line ending in 报 with no 报社 below it is no masthead."""
    m = parse_masthead("岳西报\n中共岳西县委主办   岳西报社编辑出版\n2023年8月22日   星期二\n\n本报讯（记者 王慧）8月21日上午…")
    assert (m.paper, m.city_hint) == ("岳西报", "岳西")
    assert parse_masthead("喜报\n2023年8月22日   星期二\n\n本报讯 8月21日上午…").paper == ""
