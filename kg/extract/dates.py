"""Dates: absolute, partial and relative, resolved against the issue date.

`1月12日上午` in the 2021-01-13 issue is 2021-01-12; `昨日` the day before;
`去年12月31日` is 2020-12-31; `今年6月` is 2021-06; `8月29日至9月8日` starts
2022-08-29. A month later than the issue's (December in a January issue) is
last year's. 近日, 日前 and 近期 are the issue's month; 当日 and 目前 are mentions without a value. A lunar
day (正月初八, 农历腊月二十三) is converted with lunardate.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..datamodel import DATE
from .doc import Doc

NAME = "dates"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("date",)

CN = "〇零一二三四五六七八九十两"
NUM = rf"(?:\d{{1,4}}|[{CN}]{{1,5}})"
YEAR = r"(?P<year>(?:[1１][89８９]|[2２][0０])\d{2}|[一二][〇零一二三四五六七八九]{3})\s*年(?!代|度[^，。])"
REL_YEAR = r"(?P<rel>今年|去年|前年|明年|当年|同年)"
MONTH = rf"(?P<month>{NUM})\s*月(?:份)?"
DAY = rf"(?P<day>{NUM})\s*[日号]"
PART = r"(?:\s*(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜间|夜里|晚))?"
RANGE_END = rf"(?:\s*(?:至|到|—|－|-|~|～)\s*(?:{NUM}\s*月\s*)?{NUM}\s*[日号]{PART})?"

PATTERNS = [
    re.compile(r"(?:农历)?(?P<lmonth>正|冬|腊|十[一二]|[二三四五六七八九十])月\s*"
               r"(?P<lday>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
               r"(?![日号\d〇零一二三四五六七八九十])" + PART),      # 正月初八: a lunar day, no 日 after it
    re.compile(rf"(?:{YEAR}|{REL_YEAR})?\s*{MONTH}\s*{DAY}{PART}{RANGE_END}"),
    re.compile(rf"(?P<relmonth>上月|本月|下月|上个月|这个月)\s*(?:{DAY}{PART})?(?![\d{CN}])"),
    re.compile(rf"(?P<relweek>上周|本周|下周|上星期|本星期|下星期)(?P<weekday>[一二三四五六日天]){PART}"),
    re.compile(rf"(?<![每逢隔一两二三四五六七八九十第至到])(?:周|星期)(?P<lastweekday>[一二三四五六日天]){PART}"
               r"(?=[，,\s]|在|到|赴|前往|来|举行|举办|召开|开幕|闭幕|发生|宣布|发布|表示|起|开始)"),
    # 周二，…发生踩踏: the last Tuesday (not 每周二, 周一至周五, 记者周一鸣)
    re.compile(rf"(?:{YEAR}|{REL_YEAR})\s*{MONTH}(?![\d{CN}]*\s*[日号])"),
    re.compile(rf"(?<![\d月]){DAY}{PART}{RANGE_END}(?=[，,、\s]|上午|下午|晚|到|赴|在|前往|来|深入|率|带队|主持|出席|会见|召开|起|开始|举行|举办|开幕|闭幕|"
               r"发生|宣布|发布|表示|凌晨|傍晚|中午|早上|夜间|利用|正式|首次|与|同|就)"),
    re.compile(rf"(?<=[于在]){DAY}{PART}(?=[\u4e00-\u9fff])"),      # 一行于16日实地考察: the day the verb took place
    re.compile(rf"(?<![\d年]){MONTH}(?=份|[，,]|以来|中旬|上旬|下旬|底|初)"),
    re.compile(rf"{YEAR}(?![\d{CN}]*\s*月)"),
    re.compile(r"(?P<yearsago>[一两二三四五六七八九十\d]{1,2})年(?:前|以前)"),
    re.compile(rf"(?:昨|今|前|明)\s*[（(]\s*(?P<day>\d{{1,2}}|[{CN}]{{1,3}})\s*[）)]\s*日{PART}"),   # 昨（7）日: the 7th
    re.compile(r"(?P<relday>昨日|昨天|昨晚|昨夜|昨晨|前日|前天|前晚|今日|今天|今晚|今晨|今早|明日|明天|明晚|当日|当天|次日|近日|日前|"
               r"近期|目前|今年|去年|前年|明年)"
               + PART),
    re.compile(r"(?<![\d〇零一二三四五六七八九十两])(?P<relday>月日)(?=上午|下午|晚|早|，|,)"),   # its digits lost
]
NAMED = ("nz", "nt", "ns", "nr")      # the tagger's names
LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
RECENT = ("近日", "日前", "近期", "月日")      # the issue's month (EXTRACTION.md: decided close calls)
AHEAD = re.compile(r"(?:将于|定于|拟于|计划于|预计于|将在)$")
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
OFFSETS = {"昨日": -1, "昨天": -1, "昨晚": -1, "昨夜": -1, "昨晨": -1, "前日": -2, "前天": -2, "前晚": -2, "今日": 0,
           "今天": 0, "今晚": 0, "今晨": 0, "今早": 0, "明日": 1, "明天": 1, "明晚": 1}
MONTH_OFFSETS = {"上月": -1, "上个月": -1, "本月": 0, "这个月": 0, "下月": 1}
WEEK_OFFSETS = {"上周": -7, "上星期": -7, "本周": 0, "本星期": 0, "下周": 7, "下星期": 7}
WEEKDAYS = "一二三四五六日"           # 天 is 日
YEAR_OFFSETS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}


def cn_number(text: str) -> int:
    """12, 十二, 二十三, 二〇二〇 -> int."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits.update({"零": 0, "两": 2})
    if "十" not in text:
        return int("".join(str(digits[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def resolve(m: re.Match, issue: date | None, year_context: int | None = None) -> str | None:
    """The ISO value of one match; `year_context` is a year written earlier in the same sentence."""
    g = m.groupdict()
    if g.get("lmonth"):
        return _lunar(g["lmonth"], g["lday"], issue)
    if g.get("yearsago"):       # 两年前 in a 2022 issue: 2020
        return str(issue.year - cn_number(g["yearsago"])) if issue else None
    if g.get("relmonth") or g.get("relweek"):
        return _relative(g, issue)
    if g.get("lastweekday"):          # the day of that name on or before the issue's
        if issue is None:
            return None
        back = (issue.weekday() - WEEKDAYS.index(g["lastweekday"].replace("天", "日"))) % 7
        return (issue - timedelta(days=back)).isoformat()
    if g.get("relday"):
        word = g["relday"]
        if issue is None:
            return None
        if word in OFFSETS:
            return (issue + timedelta(days=OFFSETS[word])).isoformat()
        if word in YEAR_OFFSETS:
            return str(issue.year + YEAR_OFFSETS[word])
        if word in RECENT:
            return f"{issue.year:04d}-{issue.month:02d}"
        return None    # 当日, 目前: no date of their own
    year = None
    if g.get("year"):
        year = cn_number(g["year"])
    elif g.get("rel"):
        if issue is None or g["rel"] not in YEAR_OFFSETS:
            return None
        year = issue.year + YEAR_OFFSETS[g["rel"]]
    month = cn_number(g["month"]) if g.get("month") else None
    day = cn_number(g["day"]) if g.get("day") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if month is None and day is not None:          # 22日上午: the issue's month
        if issue is None or not 1 <= day <= 31:
            return None
        y, mo = issue.year, issue.month
        if day > issue.day + 3:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return _iso(y, mo, day)
    if year is None and year_context is not None and month is not None:
        year = year_context
    if year is None:
        if issue is None:
            return None
        year = issue.year
        if month is not None and month > issue.month + 1:   # December in a January issue
            year -= 1
    if month is None:
        return str(year)
    if day is None:
        return f"{year:04d}-{month:02d}"
    return _iso(year, month, day)


def _relative(g: dict, issue: date | None) -> str | None:
    """上月28日 (the month before the issue's), 上月 (that month), 本月5日, 上周五 (the Friday of the week before the
    issue's)."""
    if issue is None:
        return None
    if g.get("relmonth"):
        k = issue.year * 12 + issue.month - 1 + MONTH_OFFSETS[g["relmonth"]]
        if not g.get("day"):
            return f"{k // 12:04d}-{k % 12 + 1:02d}"       # 上月，桂林市召开…: that month
        return _iso(k // 12, k % 12 + 1, cn_number(g["day"]))
    monday = issue - timedelta(days=issue.weekday())
    day = WEEKDAYS.index(g["weekday"].replace("天", "日"))
    return (monday + timedelta(days=WEEK_OFFSETS[g["relweek"]] + day)).isoformat()


def _lunar(month_word: str, day_word: str, issue: date | None) -> str | None:
    """正月初八 in the 2013-02-25 issue is 2013-02-17: the lunar day of the issue's lunar year, or of the year before
    when that day would fall more than a few days after the issue (腊月二十八 in a February issue)."""
    from lunardate import LunarDate

    if issue is None:
        return None
    month = LUNAR_MONTHS.get(month_word) or cn_number(month_word)
    day = cn_number(day_word.replace("初", "").replace("廿", "二十"))
    year = LunarDate.from_solar_date(issue.year, issue.month, issue.day).year
    for y in (year, year - 1):
        try:
            d = LunarDate(y, month, day).to_solar_date()
        except ValueError:        # 三十 of a month of 29 days
            continue
        if d <= issue + timedelta(days=3):
            return d.isoformat()
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return date(y, m, d).isoformat()


def find_dates(text: str, issue: date | None) -> list[tuple[int, int, str | None]]:
    """(start, end, value) of every date expression, earlier patterns first, no overlaps."""
    found: list[tuple[int, int, re.Match]] = []
    for pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if any(s < fe and fs < e for fs, fe, _ in found):
                continue
            found.append((s, e, m))
    found.sort(key=lambda x: x[0])
    out = []
    year_context: tuple[int, int] | None = None    # (year, end offset of the match that wrote it)
    last_day: str | None = None                    # the last full date written: 次日 is the day after it
    for s, e, m in found:
        ctx = None
        if year_context and not SENTENCE_BREAK.search(text, year_context[1], s):
            ctx = year_context[0]
        value = resolve(m, issue, ctx)
        if value and issue and ctx is None and _ahead(m, text, s) and value[:4] == str(issue.year - 1):
            value = str(issue.year) + value[4:]      # 定于10月18日开幕 in a February issue: this October, not the last
        if m.groupdict().get("relday") == "次日" and last_day is not None:
            value = (date.fromisoformat(last_day) + timedelta(days=1)).isoformat()
        elif last_day is not None and value is not None and _bare_day(m):
            value = _later_that_month(last_day, cn_number(m["day"])) or value
        if value is not None and len(value) == 10:
            last_day = value
        out.append((s, e, value))
        if m.groupdict().get("year"):
            year_context = (cn_number(m["year"]), e)
    return out


def _ahead(m: re.Match, text: str, s: int) -> bool:
    """A month written with no year after 将于, 定于…: a day to come."""
    g = m.groupdict()
    return bool(g.get("month")) and not (g.get("year") or g.get("rel")) and bool(AHEAD.search(text, max(0, s - 4), s))


def _bare_day(m: re.Match) -> bool:
    """A day written alone (6日上午), no month, year or word before it."""
    g = m.groupdict()
    return bool(g.get("day")) and not any(g.get(k) for k in ("month", "year", "rel", "relmonth", "relweek", "lmonth"))


def _later_that_month(last_day: str, day: int) -> str | None:
    """A day alone a few days after the full date the text last wrote is of that date's month (3月5日至6日…6日上午, in
    a November issue: March 6th, not November's)."""
    last = date.fromisoformat(last_day)
    return _iso(last.year, last.month, day) if 0 <= day - last.day <= 10 else None


def run(doc: Doc) -> None:
    found = find_dates(doc.text, doc.article.issue_date)
    filed = next((v for s, e, v in found if v and len(v) == 10 and doc.text.startswith(("讯", "电"), e)), None)
    if filed is not None and filed != str(doc.article.issue_date):
        again = find_dates(doc.text, date.fromisoformat(filed))     # 本报12月4日讯…今天上午: the day it was filed
        found = [(s, e, a if doc.text[s:e].startswith(tuple(OFFSETS)) else v) for (s, e, v), (_, _, a) in zip(found, again)]
    for s, e, value in found:
        if doc.text.startswith(("讯", "电"), e) or doc.text.endswith(("持续至", "持续到", "延续至"), 0, s):
            continue      # 红网时刻衡阳4月11日讯: the day the outlet filed it; 持续至9月22日: the end, no event's day
        if (tok := doc.token_at(s)) is not None and tok.pos in NAMED and tok.start <= s and e <= tok.end \
                and (tok.start, tok.end) != (s, e):
            continue      # 光|明日|报, 今日头条: inside a name the tagger read whole, no day
        doc.add(DATE, s, e, value=value)
