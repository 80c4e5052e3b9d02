"""When an event took place: the day its sentence gives, the day told before for 当天 and 随后, the lead's day for
the lead's sentence. Called by events.py."""
from __future__ import annotations

import re

from ..datamodel import DATE
from .doc import Doc
from .event_names import after_an_event, reporting_date
from .names import SAID

WORDS = "event_words"
SAID_BEFORE = re.compile(rf"[{SAID}][，,：:]")        # before a day in someone's words
SAME_DAY = ("当天", "当日")     # a day told before, which the event took
ON_IT = re.compile(r"(?:上|中|期间)[，,]")            # 仪式上，: the event named is the one told before


def date_for(doc: Doc, s: int, earlier: list, e: int) -> str | None:
    """The date of the event named at s..e: the day its sentence gives (the one it is to be held on, 将于…), the day
    told before it for 当天 or 随后 (else the last event's, `earlier`), the lead's day for the lead's sentence, else None."""
    ss, se = doc.sentence_span(s)
    name = doc.text[s:e]
    if ON_IT.match(doc.text, e) and (told := next((ev for ev, *_ in reversed(earlier) if ev.name.endswith(name)
                                                   and len(ev.name) > len(name)), None)) is not None:
        return told.date      # 返还仪式上，…: the ceremony told before in full (涉诈资金返还仪式), on its day
    dates = [m for m in doc.mentions(DATE) if ss <= m.start < se and m.value and not reporting_date(doc, m)]
    planned = next((m for m in dates if e <= m.start <= e + 4
                    and re.search(r"(?:将|拟|定)于$", doc.text[e:m.start])), None)
    if planned is not None:
        return planned.value      # 昨日，…宣布…菊花文化节将于10月18日举行: the day it is to be held
    if dates:
        before = [m for m in dates if m.start < s]
        if before:      # the most precise, then the nearest: 昨日上午，2023年“书香湘潭”…启动仪式 is 昨日
            return max(before, key=lambda m: (len(m.value), m.start)).value
        told = next((m for m in dates if not _said_after(doc, e, m)), None)
        if told is not None:
            return told.value     # (…参加一个国际空间展，…对方回答说，明天吧: a day said after it, in someone's words, no)
    vague = [m for m in doc.mentions(DATE) if ss <= m.start < se and not m.value]
    sent = doc.text[ss:se]
    if any(w in sent for w in doc.lex.kind(WORDS, "same_day")) or any(v.text in SAME_DAY for v in vague) \
            or after_an_event(doc, sent):
        prior = [m for m in doc.mentions(DATE) if m.start < ss and m.value and len(m.value) == 10]
        if prior:
            return prior[-1].value
        if earlier:
            return earlier[-1][0].date
    if vague:
        return None
    if ss <= lead_end(doc):
        lead = [m for m in doc.mentions(DATE) if m.start < lead_end(doc) and m.value and len(m.value) == 10
                and not reporting_date(doc, m) and not _said_after(doc, e, m)]
        if lead:
            return lead[0].value
    return None


def _said_after(doc: Doc, e: int, m) -> bool:
    """Is the date `m` said in someone's words after the event named up to `e` (…对方回答说，明天吧)?"""
    return m.start > e and SAID_BEFORE.search(doc.text, e, m.start) is not None


def lead_end(doc: Doc) -> int:
    """End of the article's first paragraph of body text (after title and byline)."""
    text = doc.text
    for m in re.finditer(r"[^\n]{30,}", text):
        return m.end()
    return len(text)
