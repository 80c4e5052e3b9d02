"""Where a text credits names: a dateline's brackets (本报讯（记者 X 通讯员 Y）), photo and author credits (（刘芳 摄）,
文/图 刘芳, 作者：黄海龙), a ■ credit line and the names closing a report (（周峰乔丽丽）). Only patterns of text: persons.py
reads the names they hold, event_people.py keeps who is `credited` out of an event's attendees.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import line_head
from .names import valid_name

BYLINE_PARENS = re.compile(r"(?:本报讯|[\u4e00-\u9fff]{1,8}[报网]讯|新华社[\u4e00-\u9fff]{0,6}电|"
                           r"[0-9０-９一二三四五六七八九十]日(?:专?电|讯))\s*[（(]([^）)\n]{2,60})[）)]")
CREDIT = re.compile(r"■\s*([^\n■，,。；;]{2,40})(?![^\n■]*[，,。；;])")     # (not ■5月17日，…: a brief's sentence)
CREDITED = r"((?:(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff]))[ \u3000、]*){1,3}?)"
SPACED = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff])")   # 曹 辉
PHOTO_CREDITS = (re.compile(r"[（(][ \u3000]*" + CREDITED + r"[ \u3000]*摄[ \u3000]*[）)]"),
                 re.compile(r"(?m)^[ \u3000]*(?:作者|文/图|文／图|图/文|图／文|摄影|文|图)[ \u3000]*[：:/／]?[ \u3000]*" + CREDITED
                            + r"[ \u3000]*$"),
                 re.compile(r"(?m)^[ \u3000]*" + CREDITED + r"[ \u3000]*摄[ \u3000]*$"),
                 re.compile(r"(?:作者|摄影|(?<![责任])编辑)[ \u3000]*[：:/／][ \u3000]*([\u4e00-\u9fff]{2,4}(?:[ \u3000、]"
                            r"[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff]|[ \u3000]*[：:])){0,2})(?![\u4e00-\u9fff])"))
#                  (the last: a web page's furniture line, 来源：衡阳日报  发布时间：…  作者：黄海龙  编辑：易清, or 作者：罗佳　阳勇;
#                  not an editors' footer, 责任编辑：…)
CLOSING_BYLINE = re.compile(r"[（(]([\u4e00-\u9fff]{4,9})[）)][ \u3000]*$", re.M)   # （周峰乔丽丽） ending a report


CREDITED_AS = re.compile(r"(?:作者|编辑|责编|摄影|摄像|记者|通讯员)\s*[：:/]\s*$")    # 来源：衡阳日报 作者：黄海龙
IN_BYLINE = re.compile(r"[（(](?:[^）)，,。]{0,20}\s)?(?:本报|特约)?(?:记者|通讯员|实习生|摄影|摄像)[^）)，,。]{0,20}$")


def credited(text: str, pos: int) -> bool:
    """Inside a ■ line (■本报记者 张某, ■张某 摄), the parentheses of a 本报讯 byline or a byline's parentheses
    (（记者 周瑾 摄影 余海波）), a photo or author credit (in_credit_line), or credited with a colon (作者：黄海龙,
    编辑：陈静)?"""
    head = line_head(text, pos)
    squared = "■" in head and not re.search(r"[，,。；;]", head[head.rfind("■"):])     # (■5月17日，…: a brief's story)
    return squared or bool(re.search(r"(?:本报讯|日报讯)\s*[（(][^）)]*$", head) or IN_BYLINE.search(head)) \
        or in_credit_line(text, pos) or bool(CREDITED_AS.search(text, max(0, pos - 6), pos))


def in_credit_line(text: str, pos: int) -> bool:
    """Is `pos` inside a photo or author credit (（刘芳 摄）, 文/图 刘芳)? Who is credited there took the picture or
    wrote the story: no one who took part in what it reports."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return any(a <= pos - start < b for a, b in _credited(text[start:end if end >= 0 else len(text)]))


@lru_cache(maxsize=256)
def _credited(line: str) -> tuple[tuple[int, int], ...]:
    """Where names stand credited in a line: asked for each person of an event's sentence, the same line each
    time (a twentieth of the rules' time on MSRA's one-line articles when the line was searched again each time)."""
    return tuple((m.start(1), m.end(1)) for p in PHOTO_CREDITS for m in p.finditer(line))


def split_names(lex, run: str) -> list[tuple[int, int]]:
    """The one way `run` reads as two or more names written together (周峰乔丽丽 -> 周峰, 乔丽丽); none if it reads
    as no names or in more than one way."""
    ways: list[list[tuple[int, int]]] = []

    def walk(k: int, got: list[tuple[int, int]]) -> None:
        if k == len(run):
            ways.append(got)
            return
        for n in (2, 3):
            if k + n <= len(run) and valid_name(run[k:k + n], lex):
                walk(k + n, got + [(k, k + n)])

    walk(0, [])
    return ways[0] if len(ways) == 1 and len(ways[0]) >= 2 else []
