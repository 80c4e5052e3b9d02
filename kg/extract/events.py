"""Events: the meetings, visits, ceremonies, contests and accidents a sentence reports.

Two shapes of naming, both in the text's own words: a noun phrase ending in an
event word (`衡阳文创联盟成立大会暨首批战略合作项目发布式`, `文创联盟座谈会`), and a
visit-like verb with its object (`视察湖南`, `授牌“……示范点”`, `前往衡阳抗战纪念馆参观`): event_names.py
reads both. Each event takes the date written in its sentence (else the lead's date, or the
one before it for 随后/当日), the most specific place in its sentence (else the
paper's city), the persons of its sentence and of the sentences that follow it
until the next event, and the organizations that act in its sentence. Repeats of
one event in an article are merged.
"""
from __future__ import annotations

import re

from ..datamodel import DATE, EVENT, ORGANIZATION, PERSON, PLACE, EntityRef, EventFact, Mention
from .doc import Doc, occurrences
from .event_dates import SAME_DAY, date_for, lead_end
from .event_merge import merge
from .event_names import (
    HELD,
    HOSTED_AFTER,
    clause_end,
    clause_start,
    dated,
    ending_words,
    inside,
    np_start,
    object_end,
    only_quote_head,
    verb_phrase,
    whole_word,
)
from .event_people import attendees, opened_by
from .event_places import at_the_scene, finer, place_for, place_within
from .event_shapes import ARRIVED, NOT_YET, befell, recurring, since, war_date, wars
from .org_names import DATELINE
from .place_refs import division_ref

WORDS = "event_words"      # kg/lexicon/event_words.tsv: the words below read names and attendees by
NAME = "events"
REQUIRES = ("home", "date", "place", "organization", "person", "memberships")
ASSIGNS = ("event", "events")

TRIM_HEAD = re.compile(r"^(?:我市|本市|该市|该县|该区|我省|我县|我区)")
GENERIC_HEADS = re.compile(r"^(?:相关|有关|系列|各项|各类|此类|上述|这些|此次|本次|该|宣布|开展)(?:活动|会议|工作|仪式|比赛)$")
MIN_CHARS = 4
def run(doc: Doc) -> None:
    if doc.article.kind != "article":
        return           # a masthead or an advertisement reports no event
    text = doc.text
    found = _found(doc, text)
    events: list[tuple[EventFact, int, int]] = []
    triggers: list[str] = []
    happenings: set[int] = set()
    headline = _headline(doc)
    for s, e, trigger_end, kind in sorted(found):
        if RESTATED.match(text, cs := clause_start(text, s)) and "第" in text[cs:e]:
            continue          # 这是今年以来该院开展的第8场下乡义诊: the event told before, counted
        name = TRIM_HEAD.sub("", text[s:e])
        if kind == "war" and not name.endswith("战斗") and not doc.lex.ending("wars", doc.lex.kind(WORDS, "war"), name, len(name)):
            name += "的战斗"           # the first of 解放嵩县、解放郑州的战斗
        s = e - len(name)
        ev = EventFact(name=name, sentence=doc.sentence_text(s))
        trigger = _trigger(doc, trigger_end, kind)
        if headline and trigger and trigger in headline and s < lead_end(doc) and headline != name:
            ev.aliases.add(headline)        # 汉中市政府代表团来商考察: the headline names the lead's visit
            headline = ""
        mention = doc.add(EVENT, s, e, claim=False)
        if mention is None:
            continue
        ev.date = date_for(doc, s, events, e) if kind != "war" else war_date(doc, s)
        ev.place = place_for(doc, s, e) if kind != "war" else next(
            (m.ref for m in doc.mentions(PLACE) if s <= m.start and m.end <= e and m.ref is not None
             and m.end - m.start > 1), None)
        #   (a war is where its name says, 上甘岭战役, or nowhere the sentence says: 抗日战争, 抗美援朝战争's 美 is no place)
        ev.organizers = _organizers(doc, s)
        events.append((ev, s, e))
        triggers.append(trigger)
        if kind == "verb" and trigger in doc.lex.event_happenings and text[s:e].endswith(trigger):
            happenings.add(id(ev))
    _within_visit(doc, events, triggers)
    attendees(doc, events)
    trying = {h.person for h in doc.memberships if h.title in doc.lex.word_set("role_words", "trial")}
    for ev, s, _e in events:
        if id(ev) in happenings:         # 出院: who it happened to, in its own sentence; not the story after it
            told = [doc.sentence_span(s)] + [doc.sentence_span(k + 1) for k in occurrences(text, "\n" + ev.name)
                                             if k > s and opened_by(text[k + 1:], ev.name)]
            own = {m.ref for m in doc.mentions(PERSON) if any(ss <= m.start < se for ss, se in told)     # (手术由…主刀:
                   and not TOLD.match(doc.text, m.end) or PRESENT.search(doc.text, m.end, clause_end(doc.text, m.end))}
            ev.attendees = [p for p in ev.attendees if p in own or p in trying]     # a paragraph opened by its name; who
            #                                                                          tried it, and who came to watch)
    events, triggers = _one_visit(doc, events, triggers)
    kept = [(ev, s, e) for ev, s, e in events if _evidenced(doc, ev, s, e)]
    home = doc.home
    home_ref = division_ref(home.city) if home is not None and home.city is not None else None
    at_the_scene(doc, kept, home_ref)
    doc.add_events(merge([ev for ev, _, _ in kept], home_ref, lambda a, b: place_within(doc, a, b) or finer(doc, a, b),
                         _in_headline(doc, kept), doc.lex.word_set(WORDS, "generic")))


def _found(doc: Doc, text: str) -> list[tuple[int, int, int, str]]:
    """(name start, name end, trigger end, kind) of each event word and verb phrase that names an occurrence."""
    found: list[tuple[int, int, int, str]] = []    # (name start, name end, trigger end, kind)
    lex = doc.lex
    nouns = lex.alternation("event_nouns", lex.event_nouns)
    verbs = lex.alternation("event_verbs", lex.event_verbs)
    for m in nouns.finditer(text):
        if (named := _noun_event(doc, m)) is not None:
            found.append(named)
    _by_endings(doc, found)
    for m in lex.pattern("held_quoted", HELD_QUOTED, lex.event_held).finditer(text):    # 举办了“百岁宴”: what was held
        if not any(a < m.end(1) and m.start(1) < b for a, b, _, _ in found):
            found.append((m.start(1), m.end(1), m.end(1), "noun"))
    for m in ARRIVED.finditer(text):                 # 市安全生产第四督导组莅清: a group's visit to the county
        start = np_start(doc, m.start())
        if m.start() - start >= 2 and not any(s < m.end() and start < e for s, e, _, _ in found):
            found.append((start, m.end(), m.end(), "verb"))
    for ws, we in recurring(doc):                         # 平溪县第三届答辩会在县文化中心举行: the nth of a recurring event
        if not any(s < we and ws < e for s, e, _, _ in found) and not inside(doc, ws, we, ORGANIZATION):
            found.append((np_start(doc, ws), we, we, "noun"))
    for ws, we in wars(doc):
        if not any(s < we and ws < e for s, e, _, _ in found):
            found.append((ws, we, we, "war"))
    held = _held(doc, found)
    for m in verbs.finditer(text):
        if inside(doc, m.start(), m.end(), ORGANIZATION, PLACE) or any(s <= m.start() < e for s, e, _, _ in found):
            continue
        if any(s <= m.start() < e for s, e in held) or text.startswith("的", m.end()) and any(
                s == m.end() + 1 for s, _, _, _ in found):
            continue      # 运动会在县体育中心开幕: the opening is the games', no event of its own (nor 1月7日开幕的…会议)
        if not doc.is_boundary(m.start()) and not _glued(doc, m, lex):
            continue      # 召开工作: no 开工 across two words
        if text.startswith(("金", "品", "款"), m.end()):
            continue      # 送去慰问金和慰问品: a gift, no visit
        if _examined(doc, m.group(), m.start()):
            continue      # 经卫生院医生检查: a doctor's, of a person, no inspection
        if m.group() in lex.event_happenings and text.startswith(("原因", "隐患", "风险", "地点", "时间", "体"), m.end()):
            continue      # 对起火原因展开调查, 滑坡体后缘: the cause of a fire, the slide's mass, no happening of its own
        if text.startswith(REPORTED_ON, m.end()):
            continue      # 汇报了调研情况, 调研成果: what came of it, reported, no occurrence
        if NOT_YET.search(text, max(0, m.start() - 6), m.start()) or text.endswith("防", 0, m.start()):
            continue      # 法庭将择期宣判, 用于慰问困难群众: to come, or what something is for; 防溺水: to prevent
        if m.group() in lex.event_happenings and (text.endswith(("经", "生效"), 0, m.start())
                                                  or text.startswith(("书", "生效", "结果", "查明"), m.end())):
            continue      # 经审理查明, 拒不履行生效判决, 判决书: the means or a document, no occurrence
        if text.startswith("工作", m.end()) and m.group() not in lex.event_happenings \
                and not doc.overlaps(m.start(), m.end() + 2):
            found.append((np_start(doc, m.start()), m.end() + 2, m.end(), "verb"))     # 扫黑除恶专项斗争督导工作
            continue
        before = next((k for k, f in enumerate(found) if f[3] == "verb" and f[1] == m.start()
                       and lex.ending("event_verbs", lex.event_verbs, text, f[2]) in lex.event_happenings), None) \
            if m.group() in lex.event_happenings else None
        if before is not None:          # 落水身亡: one happening told in two verbs
            found[before] = (found[before][0], m.end(), m.end(), "verb")
            continue
        span = verb_phrase(doc, m.start(), m.end())
        if span is not None and not _habitual(doc, m.start(), span[1]):
            found.append((*span, m.end(), "verb"))      # (年内累计督导检查60人次: a running count)
    return _drop_overlaps(found)


SPORTS_OATH = re.compile(r"代表(?:全体)?(?:运动员|裁判员|教练员)$")
PRESENT = re.compile(r"到场|在场|旁听|列席")    # after a person: there, at a happening told before
REPORTED_ON = ("情况", "成果", "报告", "结果", "意见", "纪要")     # after an event verb: what came of it
TOLD_BEFORE = ("该起", "这起", "此起", "上述")     # before an event word: the one the article told
TITLED = re.compile(r"题为(《[^《》，。；\n]{2,30}》)的$")
GAVE = re.compile(r"[作做]了?")       # before a talk's name in its clause: it was given
AFTER_IT = re.compile(r"(?:结束)?[后前][，,]")
SUPPOSED = re.compile(r"原因|模拟|假设|假定")     # 起火原因系…, 演练模拟…引发火灾: no fire that befell
PARTS_OF = ("设", "设有", "分设", "包括", "分为")    # 赛事设全程马拉松、半程马拉松和健康跑三个项目


DECIDED = re.compile(r"(?:研究|讨论|审议|批准|同意|决定)")


def _by_decision(doc: Doc, s: int, end: int) -> bool:
    """经市委常委会研究决定, 经县政府常务会议审议通过: the body's say by which a thing is done, no meeting held."""
    start = np_start(doc, s)
    by = doc.token_at(start - 1) if doc.text.endswith("经", 0, start) else doc.token_at(start)
    return by is not None and by.word == "经" and bool(DECIDED.match(doc.text, end))


def _noun_event(doc: Doc, m: re.Match) -> tuple[int, int, int, str] | None:
    """(name start, name end, trigger end, "noun") of the occurrence an event word at `m` names, or None where it
    names none: a room, a body's report, a danger warned of, a count, a kind, a campaign, common words."""
    text, lex = doc.text, doc.lex
    end, word = whole_word(doc, m.start(), m.end(), m.group())
    if text.startswith("会", end) and (longer := lex.ending("event_nouns", lex.event_nouns, text, end + 1)):
        end, word = end + 1, longer        # 集体学习|会: the 学习会 the first word found runs into
    if end < len(text) and text[end] in ("室厅" if word in ("大会", "会议") else "室厅馆团会组员") \
            or text.startswith(("精神", "案"), end) or text.startswith("体", end) and _befalls(lex, word):
        return None      # 全会精神: the spirit of a meeting people study is no event (EXTRACTION.md); 犯罪活动案: a charge;
        #                  会议室: a room, no meeting; 滑坡体: the slide's mass
    if inside(doc, m.start(), end, ORGANIZATION, PLACE) or _verb_with_object(doc, m.start(), end, word) \
            or text.endswith("代表", 0, m.start()) or text.startswith("工作报告", end) or _by_decision(doc, m.start(), end):
        return None      # (代表常委会作工作报告, 作常委会工作报告: the body's report, no meeting; 经市委常委会研究: its say)
    if _examined(doc, word, m.start()):
        return None      # 为老人做了心电图检查: a doctor's examination, no inspection
    start = np_start(doc, m.start())
    if word == "宣誓" and SPORTS_OATH.search(text, max(0, m.start() - 8), m.start()):
        return None      # 代表运动员宣誓: the games' oath, a part of their opening, no event of its own
    if word == "会诊" and (text[start] == "经" or text.endswith("经", 0, start)):
        return None      # 经多学科会诊，团队决定…: the means of a decision told, no occurrence of its own
    if text.endswith(TOLD_BEFORE, 0, start):
        return None      # 通报了该起事故: the accident told before, no second one
    if word in lex.word_set(WORDS, "given") and not GAVE.search(text, clause_start(text, start), start):
        return None      # 学习…有关辅导报告: a document; 作了题为《…》的辅导报告 is a talk
    if (titled := TITLED.search(text, max(0, start - 40), start)) is not None:
        start = titled.start(1)     # 作了题为《新时代基层治理》的专题讲座: the talk by its title
    if AFTER_IT.match(text, end) and clause_start(text, start) == start:
        return None      # 签约仪式后，…: a time told by the event before, no event of its own (but 发生火灾后 tells one)
    if end - start < MIN_CHARS and (subject := _held_subject(doc, m.start(), end)) is not None:
        start = subject      # 2024绵阳越野跑比赛在千佛山景区举行: the whole subject, though the tagger cut it in verbs
    name = text[start:end]
    short = len(name) < MIN_CHARS and not (name == word and (len(name) == 3 and name.endswith("会")
                                                             or _held_right_before(doc, start)))
    #         座谈会 alone, 举行座谈, 6月8日…开展义诊: an event however short
    disaster = word in lex.word_set(WORDS, "disaster")
    accident = _befalls(lex, word)
    if accident and (_prevented(doc, m.start()) or text.startswith(HAZARD, end) or MANY.match(name)
                     or SUPPOSED.search(text, clause_start(text, m.start()), m.start())) \
            or _habitual(doc, m.start(), end) or disaster and not befell(doc, m.start(), end):
        return None      # 坚决遏制重特大事故发生, 事故隐患: a danger warned of; 3起较大交通事故: a count; 起火原因系…引发火灾:
        #               the cause told; 演练模拟…泄漏引发火灾: a drill's script; 每周都会参加社区活动,
        #               …活动30余场: no one occurrence
    if ("、" in name or accident and text.startswith("、", end)) and LISTED.match(text, end) or COUNTED.match(name) \
            or text.startswith("之一", end) or text.endswith(PARTS_OF, 0, start):
        return None      # 组织理论宣讲、文艺演出、义诊义剪等志愿服务: kinds of activity listed; 200余场阅读活动: a count;
        #               作为文化节重要活动之一的…大赛: a kind the event is one of; 赛事设全程马拉松、…: its parts
    if _campaign(doc, name, m.start()) or name.endswith("活动") and TOPIC_BEFORE.search(text, max(0, start - 10), start) \
            or text.endswith("以", 0, start) and MEANS.match(text, end):      # 以创先争优活动为载体: a means, no occurrence
        return None      # 我市深入开展创先争优活动 (and 创先争优活动 again): a campaign, no occurrence (EXTRACTION.md);
        #               研究部署党的群众路线教育实践活动: what a meeting takes up (研究…党代会 names a meeting: D01)
    generic = name in lex.word_set(WORDS, "generic") and not (accident and dated(doc, m.start()))   # 5月13日…发生事故
    if (short and not accident) or generic or only_quote_head(name) or GENERIC_HEADS.match(name):
        return None
    return start, end, end, "noun"


def _by_endings(doc: Doc, found: list[tuple[int, int, int, str]]) -> None:
    """Events named by a word's ending (ending_words) that no event word found has covered."""
    text, lex = doc.text, doc.lex
    for ws, we, held_after in ending_words(doc):     # 衡阳市第一届全民龙舟赛, 第三届邻里节, 书画展
        if any(s < we and ws < e for s, e, _, _ in found) or inside(doc, ws, we, ORGANIZATION) \
                or held_after and inside(doc, ws, we, PLACE):
            continue
        start = np_start(doc, ws)
        held = doc.lex.pattern("hosted_before", HOSTED_BEFORE, lex.event_held).search(text, max(0, start - 4), start)
        if (we - start >= MIN_CHARS or held and we - start >= 3 or held_after and we - start >= 2) \
                and ("、" not in text[start:we + 1] or held_after):     # (兰州、西宁两市党政领导会谈在兰州举行: one)
            found.append((start, we, we, "noun"))      # (寿文化节、南岳庙会、星空节等: a list; 举行百家宴: held, however short)


def _verb_with_object(doc: Doc, s: int, e: int, word: str) -> bool:
    """Is the event word at s..e also a verb trigger, read as a verb with its object after it (到石桥镇检查防汛工作)?
    Then the verb phrase names the event, not the words before the noun (石桥镇检查)."""
    tok = doc.token_at(s)
    return word in doc.lex.event_verbs and tok is not None and tok.pos == "v" and (tok.start, tok.end) == (s, e) \
        and object_end(doc, e) is not None


TOLD = re.compile(r"(?:告诉|对|向)记者|说|表示|介绍")      # 陈小辉告诉记者，…恢复生产: who told of it, no one it befell


HAZARD = ("隐患", "风险", "防范", "防控", "预防", "多发", "调查组", "情况", "处置", "善后")   # (成立事故调查组: a group, no
#   accident; 通报事故情况, 做好事故处置: the one told of before, no second)
MANY = re.compile(r"[两二三四五六七八九十百\d]+余?起|多起|数起")
HELD_QUOTED = r"(?:@)了?(“[^”\n，。]{2,16}”)(?=[，,。；！\n]|$)"
TOPIC_BEFORE = re.compile(r"(?:研究|部署|研究部署|安排部署|动员部署|谋划)了?(?:党的|全市|全县|全区|全省)?$")
MEANS = re.compile(r"为(?:载体|抓手|契机|主线|重点|核心|平台|纽带|引领|依托|主题)")
CAMPAIGN = re.compile(r"(?:深入|广泛|持续|扎实|大力|全面|继续|不断)开展$")
RESTATED = re.compile(r"这(?:是|已是)")
LISTED = re.compile(r"[^，,。；！？\n]{0,30}?等")
COUNTED = re.compile(r"[\d一二三四五六七八九十百千]+余?(?:场|次|期|批|个|项)")


def _campaign(doc: Doc, name: str, pos: int) -> bool:
    """Is the activity named at `pos`, with no day in its sentence, one the text says a place keeps carrying out?"""
    text = doc.text
    return name.endswith("活动") and not dated(doc, pos) and any(
        CAMPAIGN.search(text, max(0, k - 6), k) for k in occurrences(text, name))


def _glued(doc: Doc, m: re.Match, lex) -> bool:
    """Is the happening at `m` the end of the tagger's word, one character glued before it (体力不|支落水)?"""
    tok = doc.token_at(m.start())
    return m.group() in lex.event_happenings and tok is not None and tok.end == m.end() and m.start() - tok.start == 1


def _habitual(doc: Doc, pos: int, end: int) -> bool:
    """Is the event word at `pos` a habit (每周都会参加社区活动), a count of many (已组织志愿服务活动30余场) or a task
    urged (要加密巡查频次)?"""
    rest = doc.text[end:clause_end(doc.text, end)]       # 评选活动自2021年起每两年举办一次: told after it, a habit too
    return _clause_says(doc, pos, "habit") or _clause_says(doc, pos, "urged") or COUNTED.match(doc.text, end) is not None \
        or since(doc, pos) or any(w in rest for w in doc.lex.word_set(WORDS, "habit") if w.startswith("每"))


def _held_right_before(doc: Doc, start: int) -> bool:
    """Does the text say right before `start` that what follows is held (举行座谈), or carried out on a day its
    sentence gives (6月8日…开展义诊)?"""
    text = doc.text
    return bool(doc.lex.pattern("hosted_before", HOSTED_BEFORE, doc.lex.event_held).search(text, max(0, start - 4), start)
                or text.endswith(("开展", "开展了"), 0, start) and dated(doc, start))


def _held_subject(doc: Doc, s: int, end: int) -> int | None:
    """Where the subject of a clause starts whose event word at `s` the text says is held right after it (…越野跑比赛|在
    千佛山景区举行): the clause's start past its date, if that leaves a name of four to sixteen characters."""
    text = doc.text
    if not doc.lex.pattern("held_or_opened", HELD, doc.lex.event_held, doc.lex.event_opened).match(text, end):
        return None
    start = clause_start(text, s)
    while (date := next((d for d in doc.mentions(DATE) if d.start == start), None)) is not None:
        start = date.end
    if any(t.pos == "v" and len(t.word) >= 2 for t in doc.tokens_in(start, s)):
        return None      # 祝贺大会开幕, 沈晓明宣布运动会开幕: a verb and the event it tells of, no name (越/v 野 跑/v: one)
    return start if MIN_CHARS <= end - start <= 16 and not CLAUSE_BREAK.search(text, start, s) else None


def _prevented(doc: Doc, pos: int) -> bool:
    """Does the clause before `pos` say the accident is to be prevented (遏制, 防范, 杜绝)?"""
    return _clause_says(doc, pos, "prevent")


def _examined(doc: Doc, word: str, pos: int) -> bool:
    """Is the 检查 at `pos` (a verb or a noun of an event) a doctor's examination of a person, by the words of its clause
    before it (event_words: examined)?"""
    return word == "检查" and _clause_says(doc, pos, "examined")


def _clause_says(doc: Doc, pos: int, kind: str) -> bool:
    """Does the clause before `pos` hold a word of event_words' `kind`?"""
    start = clause_start(doc.text, pos)
    return any(w in doc.text[start:pos] for w in doc.lex.word_set(WORDS, kind))


CLAUSE_BREAK = re.compile(r"[，,。；！？\n]")


def _held(doc: Doc, found: list) -> list[tuple[int, int]]:
    """The stretches `(在Y)举行/召开/开幕` that end a clause whose event an event word has named (衡南县第十届职工运动会|
    在县体育中心开幕): the opening is that event's, no event of its own."""
    text = doc.text
    held = doc.lex.pattern("held_or_opened", HELD, doc.lex.event_held, doc.lex.event_opened)
    return [(m.start(), m.end()) for m in held.finditer(text)
            if any(e <= m.start() and (not CLAUSE_BREAK.search(text, e, m.start()) or text[e:m.start()] in ("，", ",")
                                       and text.startswith("于", m.start())) for _, e, _, _ in found)]


def _one_visit(doc: Doc, events: list[tuple[EventFact, int, int]], triggers: list[str]):
    """The visits (调研, 考察) an article reports on one day (or with no day, after one told with its day) are one visit,
    the first told (来衡调研 … 考察了衡阳高新区): the others' names become its other names. (events, triggers) without them."""
    visit_words = doc.lex.word_set(WORDS, "visit")
    first: dict[str | None, EventFact] = {}
    kept_events, kept_triggers = [], []
    in_headline = _in_headline(doc, events)
    for (ev, s, e), t in zip(events, triggers):
        lead = first.get(ev.date) if t in visit_words else None
        if lead is None and t in visit_words and ev.date is None and first:
            lead = next(iter(first.values()))     # 代表团先后考察了…, with no day: the stops of the visit told before
        if lead is None:
            if t in visit_words:
                first[ev.date] = ev
            kept_events.append((ev, s, e))
            kept_triggers.append(t)
            continue
        if id(lead) in in_headline and ev.place is not None and (lead.place is None or place_within(doc, ev.place, lead.place)):
            lead.place = ev.place       # 王强在祁东县调研 (the headline), 深入祁东县归阳镇调研 (the body): the town
        in_headline.discard(id(lead))
        lead.aliases.add(ev.name)
        lead.attendees += [p for p in ev.attendees if p not in lead.attendees]
    return kept_events, kept_triggers


def _in_headline(doc: Doc, events: list[tuple[EventFact, int, int]]) -> set[int]:
    """The ids of the events the article's headline names: the title the reader found, or else a first line shaped
    like one (a few words, no sentence)."""
    title = doc.article.title.strip()
    first = doc.text.split("\n", 1)[0]
    if title and not doc.text.startswith(title) and first.strip() and title.startswith(first.strip()):
        title = first.strip()      # a title the reader joined across lines (…集中开工 46个项目… 来源：新乡日报): its first
    longest = 40 if re.search(r"\S[ \u3000]+\S", first.strip()) else 30       # a headline and its second line, spaced
    if not title and "\n" in doc.text and 4 <= len(first.strip()) <= longest and not re.search(r"[，。！？：:,]", first):
        title = first
    return {id(ev) for ev, s, _ in events if title and doc.text.startswith(title) and s < len(title)}


def _within_visit(doc: Doc, events: list[tuple[EventFact, int, int]], triggers: list[str]) -> None:
    """A meeting held during the article's visit (the 座谈会 of a study tour: event_words.tsv, during) with no date of
    its own takes the visit's first day, and with no place in its own sentence the visit's place."""
    lex = doc.lex
    visit_words, during_words = lex.word_set(WORDS, "visit"), lex.word_set(WORDS, "during")
    visit = next((ev for (ev, _, _), t in zip(events, triggers) if t in visit_words and ev.date), None)
    if visit is None:
        return
    for (ev, s, _), t in zip(events, triggers):
        if ev is visit or t not in during_words:
            continue
        if ev.date is None:
            ev.date = visit.date
        ss, se = doc.sentence_span(s)
        if visit.place is not None and not any(ss <= m.start < se and m.ref is not None for m in doc.mentions(PLACE)):
            ev.place = visit.place


HEADLINE_TAIL = re.compile(r"[（(][^）)]{0,6}[）)]\s*$")       # (组图), （图）


def _headline(doc: Doc) -> str:
    """The article's headline, as an event's other name, when it is one line of a few words."""
    title = re.split(r"\s+(?=\d|来源|时间|作者|发布|刊发|日期)", doc.article.title.strip())[0]
    title = HEADLINE_TAIL.sub("", title)
    return title if 4 <= len(title) <= 30 and not re.search(r"[，。！？：:]", title) else ""


def _trigger(doc: Doc, end: int, kind: str) -> str:
    """The event word that ends at `end` (会议, 考察)."""
    lex = doc.lex
    words = lex.event_nouns if kind == "noun" else lex.event_verbs
    return lex.ending(f"event_{kind}s", words, doc.text, end) or ""


def _evidenced(doc: Doc, ev: EventFact, s: int, e: int) -> bool:
    """An event a reader would record has something to pin it down: a date, who took part or organised it,
    a place named in its sentence, or a name inside its own name (北京奥运会). 公益活动 alone has none,
    and a name made of common words only (社会实践活动) needs a date or an actor in its own sentence."""
    quotes = [c for c in ev.name if c in "“”"]
    if quotes and (quotes[0] == "”" or quotes[-1] == "“"):
        return False        # a quotation cut in half is no name
    ss, se = doc.sentence_span(s)
    named_inside = any(s <= m.start and m.end <= e for m in doc.mentions(PLACE, ORGANIZATION, PERSON))
    if _common_words_only(doc, ev.name) and not named_inside:
        own = any(ss <= m.start < se and (m.value or ev.date and m.text in SAME_DAY) for m in doc.mentions(DATE)) \
            or ev.organizers or any(
            ss <= m.start < se for m in doc.mentions(PERSON))
        held = (doc.lex.pattern("hosted_before", HOSTED_BEFORE, doc.lex.event_held).search(doc.text, max(0, s - 4), s)
                or doc.lex.pattern("hosted_after", HOSTED_AFTER, doc.lex.event_held).match(doc.text, e))
        return bool(own) or bool(held and ev.attendees)     # 桂林市召开全市…推进会。…李明出席: held, and attended
    if ev.date or ev.attendees or ev.organizers:
        return True
    if ev.name.endswith("活动"):
        return False        # 爱心助残活动, 特色旅游活动 with no day and no one: a kind of activity, however placed
    if any(ss <= m.start < se for m in doc.mentions(PLACE)):
        return True
    return named_inside


def _befalls(lex, word: str) -> bool:
    """Is the event word a disaster's or an accident's (event_words.tsv)?"""
    return word in lex.word_set(WORDS, "disaster") or word in lex.word_set(WORDS, "accident")


def _common_words_only(doc: Doc, name: str) -> bool:
    from .doc import tokenizer

    tok = tokenizer(doc.lex)
    core = name.strip("“”「」《》")
    words = list(tok.tokenizer.cut(core, HMM=False))
    return all(tok.word_tag_tab.get(w, "x")[:2] not in ("nr", "ns", "nt", "nz") and tok.tokenizer.FREQ.get(w, 0) >= 100
               for w in words if w.strip("、·"))


def _drop_overlaps(found):
    found = sorted(found, key=lambda x: (-(x[1] - x[0]), x[0]))
    kept = []
    for f in found:
        if not any(f[0] < k[1] and k[0] < f[1] for k in kept):
            kept.append(f)
    return kept


HOSTED_BEFORE = r"(?:@)(?:了)?$"                      # @: the held verbs (召开, 举行, 举办)
HOSTING = re.compile(r"(?:联合)?(?:主办|承办|协办)")


def _organizers(doc: Doc, s: int) -> list[EntityRef]:
    """The organizations that act in the event's sentence before it (the first three), and those its sentence and
    the next say 主办, 承办 or 协办 it (本届丰收节由衡阳县人民政府主办); never the paper reporting it (本报讯,
    衡阳日报5月18日讯)."""
    text = doc.text
    ss, se = doc.sentence_span(s)
    after = doc.sentence_span(se)[1] if se < len(text) else se
    hosting = [h.start() for h in HOSTING.finditer(text, s, after)]
    acting, hosts = [], []
    grounds = {(p.start, p.end) for p in doc.mentions(PLACE)}
    for m in doc.mentions(ORGANIZATION):
        if m.ref is None or (m.start, m.end) in grounds:
            continue        # 在衡山县行政中心主持召开: where it was held, not who held it
        if ss <= m.start < s and all(a.ref != m.ref for a in acting):
            acting.append(m)
        elif any(m.end <= h and not CLAUSE_BREAK.search(text, m.end, h) for h in hosting) and m.ref not in hosts:
            hosts.append(m.ref)
    reporting = [m.ref for m in acting if m.ref.name == doc.paper.org_name or DATELINE.match(text, m.end)]
    out = [m.ref for m in acting[:3] if m.ref not in reporting]
    return out + [h for h in hosts if h not in out and h not in reporting]


__all__ = ["run", "Mention"]
