from datetime import date

import pytest

from kg.extract.dates import find_dates

ISSUE = date(2021, 1, 13)


@pytest.mark.parametrize("text,expected", [
    ("1月12日上午，大会举行。", "2021-01-12"),
    ("截至去年12月31日，中心已累计受理。", "2020-12-31"),
    ("昨日，记者从市交通运输局了解到", "2021-01-12"),
    ("今年6月印发的意见", "2021-06"),
    ("2008年，他与朋友一同前往", "2008"),
    ("巡查组于8月29日至9月8日对全市开展巡查", "2020-08-29"),
    ("12月28日，项目开工", "2020-12-28"),           # December in a January issue is last year's
    ("二〇二〇年十一月二十日", "2020-11-20"),
    ("22日上午在会展中心", "2020-12-22"),            # a day after the issue's day: last month
    ("昨（12）日上午，全市组织工作会议召开。", "2021-01-12"),   # the paper's 昨（12）日: the day it names
    ("今(13)日，会议召开。", "2021-01-13"),
    ("山歌节昨晚在剑英体育馆开幕。", "2021-01-12"),      # an evening: 昨晚, 今晚, 前晚
    ("晚会今晚举行。", "2021-01-13"),
    ("客商一行于11日实地考察了产业园。", "2021-01-11"),   # 于 and a day, then the verb
])
def test_dates_resolve_against_issue_date(text, expected):
    values = [v for _, _, v in find_dates(text, ISSUE)]
    assert values[0] == expected


def test_dates_year_written_earlier_in_sentence_carries_over():
    values = [v for _, _, v in find_dates("2021年春运将从1月28日开始，3月8日结束。", ISSUE)]
    assert values == ["2021", "2021-01-28", "2021-03-08"]


def test_dates_recent_words_are_the_issue_month_and_no_issue_means_unresolved():
    assert [v for _, _, v in find_dates("近日，记者走进杨梅组。", ISSUE)] == ["2021-01"]      # EXTRACTION.md
    assert [v for _, _, v in find_dates("日前，市政府召开会议。", ISSUE)] == ["2021-01"]
    assert [v for _, _, v in find_dates("月日上午，市长到开发区调研。", ISSUE)] == ["2021-01"]   # digits lost
    assert [v for _, _, v in find_dates("当日，记者走进杨梅组。", ISSUE)] == [None]
    assert [v for _, _, v in find_dates("近日，记者走进杨梅组。", None)] == [None]
    assert [v for _, _, v in find_dates("昨日，市政府召开会议。", None)] == [None]
    assert [v for _, _, v in find_dates("2019年5月", None)] == ["2019-05"]


def test_dates_span_excludes_leading_newline():
    (s, e, v), = find_dates("标题\n1月3日，授牌。", ISSUE)
    assert "标题\n1月3日，授牌。"[s:e] == "1月3日"


@pytest.mark.parametrize("text, expected", [("上月28日，市长到珠晖区调研。", "2024-02-28"),
                                            ("本月5日上午，会议召开。", "2024-03-05"),
                                            ("上周五，市长调研。", "2024-03-01"),      # 2024-03-10 is a Sunday
                                            ("下周三将举行。", "2024-03-13")])
def test_dates_a_month_or_week_counted_from_the_issue(text, expected):
    assert find_dates(text, date(2024, 3, 10))[0][2] == expected


def test_dates_the_next_day_is_the_day_after_the_last_date_written():
    got = find_dates("3月5日，代表团抵达衡阳。次日，代表团考察了高新区。", date(2024, 3, 10))
    assert [v for _, _, v in got] == ["2024-03-05", "2024-03-06"]


def test_dates_a_day_written_before_what_an_official_did():
    assert find_dates("市委书记胡元平7日到仁寿县调研。", date(2024, 3, 10))[0][2] == "2024-03-07"


def test_dates_a_range_of_days_is_dated_by_its_first():
    # EXTRACTION.md: an event spanning several days is dated by its first day, with or without its month
    assert [v for _, _, v in find_dates("5日至7日，全市教育工作会议举行。", date(2024, 3, 10))] == ["2024-03-05"]


def test_dates_the_month_before_without_a_day():
    # 上月 alone is that month (YYYY-MM), as 近日 is the issue's
    assert [v for _, _, v in find_dates("上月，桂林市召开会议。", date(2024, 6, 10))] == ["2024-05"]
    assert [v for _, _, v in find_dates("上月28日，会议召开。", date(2024, 6, 10))] == ["2024-05-28"]


def test_dates_a_datelines_day_is_no_events_day():
    # 红网时刻衡阳4月11日讯 4月10日，…: the outlet filed it on the 11th; what it reports happened on the 10th
    from datetime import date as d

    from kg.datamodel import Article
    from kg.extract import extract
    from kg.ingest.paper import make_paper

    text = "彭卫东到黄土铺镇调研乡村振兴工作\n红网时刻衡阳4月11日讯 4月10日，祁东县委书记彭卫东到黄土铺镇调研乡村振兴工作。"
    ext = extract(Article(id="t", text=text, source="t", issue_date=d(2024, 4, 12), paper=make_paper("", "衡阳")))
    assert [e.date for e in ext.events] == ["2024-04-10"]


@pytest.mark.parametrize("text, value", [
    ("从正月初八起，工地就复工了", "2013-02-17"),       # the issue's lunar year
    ("农历腊月二十三，小年", "2013-02-03"),
    ("五月初五端午节", "2012-06-23"),                   # after the issue that year: the year before
])
def test_dates_a_lunar_day_in_the_text(text, value):
    """Lunar days (正月初八, 农历腊月二十三) resolve to the Gregorian day near the issue (2013-02-25), through lunardate."""
    assert find_dates(text, date(2013, 2, 25))[0][2] == value


@pytest.mark.parametrize("text, value", [("从16日开始，厂区就全面恢复生产", "2013-02-16"), ("自20日起，全市", "2013-02-20")])
def test_dates_a_day_things_start_from(text, value):
    """从16日开始, 自20日起: a day of the issue's month, though no event verb follows it."""
    assert find_dates(text, date(2013, 2, 25))[0][2] == value


def test_dates_today_in_a_dateline_article_is_the_day_it_was_filed(run):
    """本报1月11日讯…今天上午 in the 2021-01-13 issue: 今天 is the 11th, the day the dateline says it was filed."""
    ext = run("本报1月11日讯（记者 方芳）今天上午，开发区项目集中签约活动在经开区管委会举行。")
    assert ext.events[0].date == "2021-01-11"


def test_dates_a_day_alone_after_a_full_date_is_of_its_month():
    """3月5日至6日…6日上午 in a November issue: the 6th of March, not of November (review round 22)."""
    values = [v for _, _, v in find_dates("3月5日至6日，市长到柯桥区调研。6日上午，召开座谈会。", date(2024, 11, 11))]
    assert values == ["2024-03-05", "2024-03-06"]
    assert find_dates("3月5日，市长调研。22日上午，召开座谈会。", date(2024, 11, 25))[1][2] == "2024-11-22"   # weeks on


@pytest.mark.parametrize("text, value", [("马拉松定于10月18日开幕。", "2024-10-18"),
                                         ("会议将于10月18日召开。", "2024-10-18"),
                                         ("10月18日，马拉松开幕。", "2023-10-18")])
def test_dates_a_month_to_come_stays_in_the_issues_year(text, value):
    """定于/将于 10月18日 in a February issue is this October; reported as past, last October (EXTRACTION.md)."""
    assert find_dates(text, date(2024, 2, 11))[0][2] == value


def test_dates_a_bare_day_before_the_verb_of_its_event(run):
    """意大利全国各大城市17日…举办, 该市17日举行 (MSRA train's news): a day written alone before the verb it dates is that
    day of the issue's month (of the month before, when it would fall after the issue); 每月17日 stays no date."""
    from conftest import names as _names
    ext = run("各城市17日举办第二届全国图书节。", issue=date(1998, 6, 1))
    assert "1998-05-17" in {m.value for m in ext.mentions if m.type == "date"}
    assert not {m.value for m in run("每月17日举行例会。").mentions if m.type == "date" and m.value}
    assert _names(run("意大利全国各大城市17日举办图书节。", issue=date(1998, 6, 1)), "place") == {"意大利"}


def test_dates_years_written_in_full_width_digits(run):
    """１９８６年, ２０２４年３月 (MSRA train's text, and OCR that keeps full-width digits): years as 1986年 is."""
    values = {m.value for m in run("１９８６年，他到欧洲。２０２０年３月，开会。").mentions if m.type == "date"}
    assert {"1986", "2020-03"} <= values


@pytest.mark.parametrize("text, value", [("周二，一座寺庙发生踩踏。", "2024-05-07"), ("周五晚，举行晚会。", "2024-05-03"),
                                         ("星期天上午，他来到公园。", "2024-05-05"), ("周三在市政府召开会议。", "2024-05-08"),
                                         ("每周二开放。", None), ("周一至周五上班。", None), ("记者周一鸣报道。", None)])
def test_dates_a_weekday_alone_is_the_last_of_its_name(text, value):
    """周二，…发生踩踏 in the Wednesday 2024-05-08 issue: the Tuesday before it (the issue's own day where it is that
    day); 每周二 is a habit, 周一至周五 a span of days, 周一鸣 a name: no date."""
    found = [v for _, _, v in find_dates(text, date(2024, 5, 8))]
    assert found == ([value] if value else [])
