"""Occurrences found by their shape rather than by their word, and shapes that tell of none: the nth of a recurring
event held (第三届书法展在…开幕), a group come to the county (督导组莅清), wars and battles a story names (抗美援朝战争,
解放嵩县的战斗) and their dates; a disaster that befell on a day, not one forecast; what is to come (将择期宣判) and a
stretch of time summed up (今年以来，…). Called by events.py."""
from __future__ import annotations

import re

from ..datamodel import DATE
from .doc import Doc
from .event_names import HELD_AT, HOSTED_AFTER, clause_start, dated

WORDS = "event_words"


NTH = re.compile(r"第[\d一二三四五六七八九十百]+(?:届|期|次)")


def recurring(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of a name right after an ordinal (第三届, 第二期) that the text says was held, opened or began
    (第三届书法展在…开幕, 第二期培训班开班): the nth of a recurring event, whatever its word."""
    text, out = doc.text, []
    held = doc.lex.pattern("hosted_after", HOSTED_AFTER, doc.lex.event_held)
    opened = doc.lex.pattern("held_at_after", HELD_AT, doc.lex.event_held, doc.lex.event_opened)
    for m in NTH.finditer(text):
        k = doc.token_index(m.end())
        end = m.end()
        while 0 <= k < len(doc.tokens) and doc.tokens[k].start == end and end - m.end() <= 12 and (
                doc.tokens[k].pos in ("n", "nz", "vn") or doc.tokens[k].word in doc.lex.event_endings
                or doc.tokens[k].word == "会"):            # (答辩|会, 书法|展: the ending the tagger took for a verb)
            end = doc.tokens[k].end
            k += 1
        if end - m.end() >= 2 and (held.match(text, end) or opened.match(text, end)) and text[end:end + 1] != "的":
            out.append((m.start(), end))
    return out


ARRIVED = re.compile(r"(?<=[组团队])莅[\u4e00-\u9fff](?=[，,。；！\s]|$)")     # 莅 and the place's first character
WAR_TAIL = ("年代", "时期", "期间", "片", "题材", "英雄", "精神", "遗址", "纪念", "胜利")
TAKING = r"(?:解放|攻打|攻克|收复|保卫)[\u4e00-\u9fff]{2,6}?"
LIBERATED = re.compile(rf"((?:{TAKING}、)*){TAKING}的战斗")


def wars(doc: Doc) -> list[tuple[int, int]]:
    """Wars, campaigns and battles a story names (抗美援朝战争, 抗日|战争, 上甘岭战役, 衡阳|保卫战, 解放嵩县的战斗): past
    occurrences a veteran's story records, dated or not. A war word alone or after a common noun (疫情防控|战役,
    没有硝烟的战争) is a figure of speech, and 战争年代 a time."""
    text, out = doc.text, []
    wars = doc.lex.kind(WORDS, "war")
    for m in doc.lex.alternation("wars", wars).finditer(text):
        i = doc.token_index(m.end() - 1)
        if i < 0 or (t := doc.tokens[i]).end != m.end() or text.startswith(WAR_TAIL, t.end):
            continue
        word = m.group()
        if len(t.word) > len(word) and t.pos == "nz":
            out.append((t.start, t.end))          # 抗美援朝战争, 秋收起义: one word of the tagger's
        elif i > 0 and (prev := doc.tokens[i - 1]).end == t.start and (
                prev.pos in ("ns", "nz") or t.pos == "nz" and prev.pos == "vn"):
            out.append((prev.start, t.end))       # 衡阳|保卫战, 湘南|起义, 抗日|战争
    for m in LIBERATED.finditer(text):
        out.append((m.end(1), m.end()))
        k = m.start()
        for item in m.group(1).split("、")[:-1]:      # 解放嵩县、解放郑州的战斗: two battles, 解放嵩县 named short
            out.append((k, k + len(item)))
            k += len(item) + 1
    return out


NOT_YET = re.compile(r"(?:将(?:被|要|会)?(?:连夜|尽快|立即|马上|陆续|分批)?|择期|拟|即将|准备|计划|用于|用来)$")   # (将被连夜送往)

SINCE = re.compile(r"(?:今年|去年|年初|入汛|入夏|入冬|开学|[\d一二三四五六七八九十]+月份?)以来[，,]")


def since(doc: Doc, pos: int) -> bool:
    """Does the sentence at `pos` open with a stretch of time (今年以来，…开展督导检查): what it tells is a running
    activity summed up, no one occurrence?"""
    return SINCE.match(doc.text, doc.sentence_span(pos)[0]) is not None


def befell(doc: Doc, pos: int, end: int) -> bool:
    """Did the disaster whose word is at pos:end happen on a day the sentence gives (7月23日，栾川县遭遇特大暴雨), rather
    than being forecast or warned of anywhere in the sentence before it (预计…将有暴雨，局地大暴雨; 暴雨预警, 暴雨天气)?"""
    text = doc.text
    if text.startswith("受", clause_start(text, pos)) and "影响" in text[end:end + 16]:
        return False       # 受台风“利奇马”影响，…出现山体滑坡: the cause of what the sentence tells
    foretold = any(w in text[doc.sentence_span(pos)[0]:pos] for w in doc.lex.word_set(WORDS, "forecast"))
    return dated(doc, pos) and not foretold and not text.startswith(FORETOLD, end)


FORETOLD = ("预警", "天气", "预报", "防御", "应急", "来临", "到来", "季节", "过后",    # (洪水过后: a time after it)
            "台", "局", "监测", "部门", "知识", "科普", "演练",      # (中国地震台网, 地震局: a body; 地震演练: a drill)
            "红色预警", "橙色预警", "黄色预警", "蓝色预警")           # (发布暴雨黄色预警信号)


def war_date(doc: Doc, s: int) -> str | None:
    """A war's or a battle's date: the last its sentence gives before it (1950年10月，他跨过鸭绿江参加抗美援朝战争), unless
    the story moves on between (1948年，…后来又参加了抗美援朝战争)."""
    ss, _ = doc.sentence_span(s)
    dates = [m for m in doc.mentions(DATE) if ss <= m.start < s and m.value and YEAR_WRITTEN.search(m.text)]
    if not dates or LATER.search(doc.text, dates[-1].end, s):
        return None
    return dates[-1].value


LATER = re.compile(r"后来|此后|之后|随后|接着|又|再")
YEAR_WRITTEN = re.compile(r"\d{4}|[一二三四五六七八九〇零]{4}")      # (今年已77岁: the story's year, not the war's)
