"""The masthead at the top of a page: the paper's name and the issue date.

`2021年1月13日 星期三 农历庚子年十二月初一` gives 2021-01-13; a masthead with only
the lunar date is converted with lunardate, its sexagenary year placed by the
weekday when one is printed. The paper's name (衡阳日报) names its home city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from lunardate import LunarDate

HEAD_LINES = 40   # a masthead sits in the first lines of a page

SOLAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?:\s*(?:星期|周)(?P<w>[一二三四五六日天]))?")
LUNAR = re.compile(r"农历\s*(?P<gz>[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年\s*(?P<leap>闰)?"
                   r"(?P<m>正|十一|十二|冬|腊|[一二三四五六七八九十])月\s*(?P<d>初[一二三四五六七八九十]|十[一二三四五六七八九]?|"
                   r"二十|廿[一二三四五六七八九]?|三十)")
WEEKDAY = re.compile(r"(?:星期|周)(?P<w>[一二三四五六日天])")
PAPER = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,8}(?:日报|晚报|都市报|时报|商报))\s*(?:社)?\s*(?:[A-Z][A-Z ]*)?$")   # (SHAOYANG DAILY)
COUNTY_PAPER = re.compile(r"[\u4e00-\u9fff]{2,6}报")     # 岳西报, 遂昌报: with its 报社 named below it
PAPER_NAME = r"(?P<name>[\u4e00-\u9fff]{2,8}?(?:日报|晚报|都市报|时报|商报))"
# an inside page's running head: 2022年11月9日 星期三 邵阳日报 第3版 综合新闻, A2 要闻 2023年5月18日 星期四 衡阳日报
RUNNING_HEAD = re.compile(rf"^(?=.{{0,60}}$)(?=.*(?:19|20)\d\d\s*年).*?(?<![\u4e00-\u9fff]){PAPER_NAME}(?![\u4e00-\u9fff])")
SOURCE_LINES = 5     # a web article names its outlet in its first lines
SOURCE = [re.compile(p) for p in (
    rf"来源\s*[:：]\s*{PAPER_NAME}",                                      # 来源:眉山日报 2018-06-06
    rf"^\s*{PAPER_NAME}\s+(?:19|20)\d\d[-年.]",                           # 日照日报 2016-11-17 00:00
    rf"(?:\d{{1,2}}:\d{{2}}|\.(?:cn|com|net))\s+{PAPER_NAME}\s*$",         # …sina.com.cn 2010年08月02日18:29 郑州晚报
    rf"^\s*[□■]?\s*{PAPER_NAME}讯",                                        # 商洛日报讯 (记者 陈 静)
)]
ORGAN = re.compile(r"中共(?P<city>[\u4e00-\u9fff]{2,6}?)(?:市|州|县)?委(?:员会)?(?:机关报|主管|主办)")

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
MONTHS = {"正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
          "十一": 11, "冬": 11, "十二": 12, "腊": 12}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass
class Masthead:
    paper: str = ""               # 衡阳日报
    city_hint: str = ""           # 衡阳 (from the name or 中共衡阳市委机关报)
    issue_date: date | None = None
    lunar_date: date | None = None
    body_start: int = 0           # character offset where the page's articles begin


def lunar_day(text: str) -> int:
    if text.startswith("初"):
        return "一二三四五六七八九十".index(text[1]) + 1
    if text == "二十":
        return 20
    if text == "三十":
        return 30
    if text.startswith("廿"):
        return 20 + ("一二三四五六七八九".index(text[1]) + 1 if len(text) > 1 else 0)
    if text.startswith("十"):
        return 10 + ("一二三四五六七八九".index(text[1]) + 1 if len(text) > 1 else 0)
    raise ValueError(text)


def lunar_to_solar(ganzhi: str, month: int, day: int, leap: bool, weekday: int | None,
                   near: date | None = None) -> date | None:
    """The Gregorian date of a lunar date in a sexagenary year; the weekday (or `near`) picks the cycle."""
    cycle = (STEMS.index(ganzhi[0]) % 10, BRANCHES.index(ganzhi[1]) % 12)
    candidates = []
    for year in range(1901, 2099):
        if ((year - 4) % 10, (year - 4) % 12) != cycle:
            continue
        try:
            lunar = LunarDate(year, month, day, leap)
            d = lunar.to_solar_date() if hasattr(lunar, "to_solar_date") else lunar.toSolarDate()
        except ValueError:
            continue
        if weekday is None or d.weekday() == weekday:
            candidates.append(d)
    if not candidates:
        return None
    ref = near or date.today()
    return min(candidates, key=lambda d: (d > ref + timedelta(days=366), abs((d - ref).days)))


def _source(lines: list[str]) -> str:
    """The outlet a web article's first lines credit (来源:宣城日报, 商洛日报讯), or ""."""
    for line in lines:
        for pattern in SOURCE:
            if (s := pattern.search(line)) is not None:
                return s["name"]
    return ""


BODY_LINE = re.compile(r"[。；：:！？]$|。")


def parse_masthead(text: str) -> Masthead:
    """Read the masthead in the first lines of a page; fields it does not find stay empty."""
    m = Masthead()
    lines = text.split("\n")
    head = lines[:HEAD_LINES]
    head_text = "\n".join(head)
    offset = 0
    last_line_end = 0
    for line in head:
        stripped = line.strip()
        offset_next = offset + len(line) + 1
        if BODY_LINE.search(stripped) and not PAPER.match(stripped):
            break         # the body has begun: a date below it (a notice signed 2021年9月28日) is no masthead's
        if (p := PAPER.match(stripped) or RUNNING_HEAD.search(stripped)) and not m.paper:
            m.paper = p["name"]
            last_line_end = offset_next
        elif not m.paper and COUNTY_PAPER.fullmatch(stripped) and stripped + "社" in head_text:
            m.paper = stripped      # 岳西报 over 岳西报社编辑出版: a county's paper by its own masthead
            last_line_end = offset_next
        if (o := ORGAN.search(stripped)) and not m.city_hint:
            m.city_hint = o["city"]
            last_line_end = offset_next
        if (s := SOLAR.search(stripped)) and m.issue_date is None and len(stripped) < 60:
            try:
                m.issue_date = date(int(s["y"]), int(s["m"]), int(s["d"]))
                last_line_end = offset_next
            except ValueError:
                pass
        if (lu := LUNAR.search(stripped)) and m.lunar_date is None:
            w = WEEKDAY.search(stripped)
            m.lunar_date = lunar_to_solar(lu["gz"], MONTHS[lu["m"]], lunar_day(lu["d"]), bool(lu["leap"]),
                                          WEEKDAYS[w["w"]] if w else None, m.issue_date)
            last_line_end = offset_next
        if stripped.startswith(("今日", "第")) and re.search(r"(?:今日.{1,3}版|第\s*\d+\s*号)$", stripped):
            last_line_end = offset_next
        offset = offset_next
    if m.issue_date is None and m.lunar_date is not None:
        m.issue_date = m.lunar_date
    if not m.paper:
        m.paper = _source(lines[:SOURCE_LINES])
    if m.paper and not m.city_hint:
        m.city_hint = re.sub(r"(日报|晚报|都市报|时报|商报|报)$", "", m.paper)
    if m.paper or m.issue_date:
        m.body_start = last_line_end
    return m
