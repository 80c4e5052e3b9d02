"""How the events extractor (events.py) reads an event's name in the text's own words: the noun phrase that ends
in an event word, read leftwards (`衡阳文创联盟成立大会暨首批战略合作项目发布式`), and a verb with what it was done
to (`视察湖南`, `前往衡阳抗战纪念馆参观`, `检查防汛工作`, `不慎落水`)."""
from __future__ import annotations

import re

from ..datamodel import DATE, ORGANIZATION, PERSON, PLACE
from .doc import MODELLED, Doc, tokenizer
from .event_merge import THIS_ONE
from .venues import SITES

WORDS = "event_words"      # kg/lexicon/event_words.tsv
YEAR = re.compile(r"(?:19|20)\d{2}年")
NP_POS_STOP = ("p", "c", "u", "r", "d", "y", "e", "o", "w", "t", "x", "q")
QUOTE_MAX = 24      # a quotation longer than this is speech, not part of an event's name
MOVE = re.compile(r"(?:前往|来到|到|赴|走进|深入|在|莅)$")
VISIT_MANNER = re.compile(r"(?:学习|实地|现场|专题|参观|调研|深入|蹲点|暗访|督导|检查|指导)+")     # 在赣州市学习考察


def ending_words(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start, end, held) of each tagger's word that is an event word by its ending (event_triggers.tsv, ending): a noun
    with two characters or more before the ending (邀请赛, 邻里节, 书画展), or the ending alone right after a noun (龙舟|赛);
    or, held true, a word by its held_ending that the text says right after is held (签售|会在…举行, 夏令营在…开营)."""
    lex, tokens, out = doc.lex, doc.tokens, []
    endings = lex.event_endings
    held = doc.lex.pattern("held_or_opened", HELD, doc.lex.event_held, doc.lex.event_opened)
    for k, t in enumerate(tokens):
        if t.word[-1:] in doc.lex.event_held_endings and t.word[-2:] not in doc.lex.event_not_endings and k > 0 \
                and (len(t.word) >= 2 and (t.pos in ("n", "nz", "vn") or t.pos == "v" and t.word[-1] != "会")
                     or len(t.word) == 1 and tokens[k - 1].end == t.start and tokens[k - 1].pos.startswith(("n", "v", "t"))) \
                and (held.match(doc.text, t.end) or _held_before(doc, t.start, t.end)) \
                and not lex.ending("event_nouns", lex.event_nouns, doc.text, t.end):
            out.append((t.start, t.end, True))      # 签售|会在桃花源古镇举行, 书法|展在…开幕: what the text says is held;
            continue                                # 召开居民议事会。: held, told before it
        if t.word in ("”", "》") and held.match(doc.text, t.end) and (q := QUOTED_NAME.search(doc.text, 0, t.end)) \
                and not doc.text.endswith(("说", "道", "：", ":"), 0, q.start()):
            out.append((q.start(), t.end, True))      # 潭头村“村晚”在…举行: a name in quotes
            continue
        if t.pos not in ("n", "nz", "vn") or t.word[-1:] not in endings or t.word[-2:] in doc.lex.event_not_endings:
            continue
        alone = len(t.word) == 1 and k > 0 and tokens[k - 1].end == t.start and tokens[k - 1].pos in ("n", "nz", "vn")
        if len(t.word) >= 3 or alone:
            out.append((t.start, t.end, False))
    return out


HELD_BEFORE = re.compile(r"(?:召开|举行|举办)了?[^，,。；！？\n]{0,10}$")


def _held_before(doc: Doc, start: int, end: int) -> bool:
    """Is the word at start..end what a held verb before it in its clause holds, ending the clause (召开述职评议会。)?"""
    return (end == len(doc.text) or doc.text[end] in CLAUSE_MARKS) and HELD_BEFORE.search(doc.text, max(0, start - 14),
                                                                                         start) is not None


def _split_word(doc: Doc, j: int) -> bool:
    """Is the one-character token `j` half of a dictionary word the tagger cut in two (制|作, 推|进)?"""
    freq = tokenizer(doc.lex).tokenizer.FREQ
    tokens, w = doc.tokens, doc.tokens[j].word
    return any(freq.get(pair, 0) >= SPLIT_WORD_FREQ for pair in (
        tokens[j - 1].word + w if j > 0 and tokens[j - 1].end == tokens[j].start and len(tokens[j - 1].word) == 1 else "",
        w + tokens[j + 1].word if j + 1 < len(tokens) and len(tokens[j + 1].word) == 1 else ""))


SPLIT_WORD_FREQ = 1000      # a word this common in jieba's dictionary is one the tagger should not have cut


def whole_word(doc: Doc, start: int, end: int, word: str) -> tuple[int, str]:
    """(end, event word) of the event word found at text[start:end], run on to the end of the tagger's word where
    that word ends in a longer one: the first word found in 工作会议 is 工作会, the one meant 会议."""
    i = doc.token_index(end - 1)
    tok = doc.tokens[i] if i >= 0 else None
    if tok is None or tok.end <= end:
        return end, word
    lex = doc.lex
    whole = lex.ending("event_nouns", lex.event_nouns, doc.text, tok.end)
    if whole and start <= tok.end - len(whole) < end:
        return tok.end, whole
    return end, word


def inside(doc: Doc, s: int, e: int, *types: str) -> bool:
    """Does a mention of `types` overlap text[s:e]? The model's unconfirmed guess at an organization does not count
    (招商引资工作推进会 guessed as one is still the meeting)."""
    return any(m.start < e and s < m.end for m in doc.mentions(*types, by_start=False)
               if not (m.weak and m.value == MODELLED))


def only_quote_head(name: str) -> bool:
    return name.startswith(("”", "）", ")"))


def _opened(text: str, pos: int) -> bool:
    """Does an opening quote stand shortly before `pos`, in its clause?"""
    k = text.rfind("“", max(0, pos - QUOTE_MAX), pos)
    return k >= 0 and not re.search(r"[，,。；！？\n”]", text[k + 1:pos])


def np_start(doc: Doc, trig_start: int) -> int:
    """Walk left from an event word over the noun phrase that names the event."""
    text = doc.text
    stop = doc.lex.word_set(WORDS, "name_stop")
    seasons = doc.lex.word_set(WORDS, "name_time")
    i = doc.token_index(trig_start)
    start = doc.tokens[i].start if i >= 0 and doc.tokens[i].start < trig_start else trig_start
    j = i - 1 if i >= 0 and doc.tokens[i].start >= trig_start else i - 1
    if i >= 0 and doc.tokens[i].start < trig_start:
        glued = text[doc.tokens[i].start:trig_start]         # 出席会议 tagged one word: 出席 stops the name as ever
        start = trig_start if doc.tokens[i].word in stop or glued in stop else doc.tokens[i].start
    quote = 0
    quote_end = 0
    while j >= 0:
        t = doc.tokens[j]
        w = t.word
        if trig_start - t.start > 44 or (t.end < start and quote == 0 and w not in CLOSING_QUOTES):
            break            # too long, or a line break lies between
        if w in CLOSING_QUOTES:
            quote += 1
            quote_end = t.end
            start = t.start
            j -= 1
            continue
        if w in "“「『《":
            if quote == 0:
                break
            quote -= 1
            inner = doc.text[t.end:quote_end - 1]
            if len(inner) > QUOTE_MAX or any(c in inner for c in "。！？；"):
                start = quote_end       # a quoted sentence is speech: the name starts after it
                break
            start = t.start
            j -= 1
            continue
        if quote > 0:
            if w in ("，", ",", "。", "；") or t.pos == "t" and re.search(r"[\d年月日]", w) and not _opened(text, t.start):
                break        # quotes that do not pair up: the name starts after the clause break (“金秋助学”: 金秋 no date;
                #              but “三月三”, “结对二十年” are names the quote opened)
            start = t.start
            j -= 1
            continue
        if w in ("暨", "、", "·", "—", "（", "）", "(", ")") and j > 0:
            start = t.start
            j -= 1
            continue
        if w in stop and not (doc.text.startswith("工作", t.end) and w not in doc.lex.event_hosts) \
                and not _nominal(doc, j) or not any("\u4e00" <= c <= "\u9fff" or c.isalnum() for c in w):
            break
        if (t.pos.startswith("m") and (w.startswith("第") or doc.text.startswith(("年度", "届", "年", "周年"), t.end))) or (
                t.pos in ("t", "m") and w.endswith(("年度", "季度", "届", "周年"))) or w in seasons or (
                t.pos == "t" and YEAR.fullmatch(w) and j + 1 < len(doc.tokens)
                and (doc.tokens[j + 1].word in seasons or doc.tokens[j + 1].word.endswith("季度"))):
            start = t.start      # 2020年度…, 第四届…, 庆祝建党90周年暨…大会, 2024年秋季开学典礼, 2024年第二季度…
            j -= 1
            continue
        if t.pos.startswith(NP_POS_STOP) and t.pos not in ("vn", "nz") and not (t.pos == "t" and w.endswith("节")):
            break        # (but 教师节, 春节: a festival names the meeting, 庆祝教师节大会)
        if t.pos.startswith("v") and t.pos != "vn" and len(w) == 1 and w not in doc.lex.word_set(WORDS, "name_verb") \
                and not _split_word(doc, j):
            break         # (but 擂茶|制|作|技艺比赛, 推|进|会: the tagger cut a word in two)
        if _is_person_or_org_subject(doc, t.start, t.end):
            break
        start = t.start
        j -= 1
    while start < trig_start and text[start] in "、·—（）()暨":
        start += 1
    if start + 1 < trig_start and text[start + 1] == "、" and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start += 2           # 助学、爱心助残活动: the 学 belongs to the word before
    if start > 0 and text[start] in "市县区省" and text[start - 1] in "我本该":
        start += 1       # 我市2020年度绩效考核公众评估: 我市 is the paper's city, not the name
    return start


CLOSING_QUOTES = "”」』》"


def _nominal(doc: Doc, j: int) -> bool:
    """Is the name-stop verb at token j one that, right after a noun or a quoted name, is part of the event's name
    (能力|提升|培训班, 优化营商环境推进|大会, “邢台好人”|发布|仪式)?"""
    t = doc.tokens[j]
    prev = doc.tokens[j - 1] if j > 0 else None
    return t.word in doc.lex.word_set(WORDS, "nominal") and prev is not None and prev.end == t.start \
        and (prev.pos in ("n", "vn") or prev.word in CLOSING_QUOTES)


def _is_person_or_org_subject(doc: Doc, s: int, e: int) -> bool:
    """Does a person's name at s..e stop an event's name read leftwards? Not one the event remembers
    (纪念毛泽东同志诞辰120周年座谈会)."""
    return any(m.start <= s < m.end and not REMEMBERED.match(doc.text, m.end) and m.ref is not None
               for m in doc.mentions(PERSON, by_start=False))      # (学习邓小平理论工作会议: a doctrine's name, no one's)


REMEMBERED = re.compile(r"(?:同志)?(?:诞辰|逝世|牺牲)")


def verb_phrase(doc: Doc, vs: int, ve: int) -> tuple[int, int] | None:
    """(start, end) of `视察湖南`, `授牌“…”`, `前往衡阳抗战纪念馆参观`, `被一台违规的SUV撞倒`."""
    text = doc.text
    if text[vs:ve] in doc.lex.event_happenings and (not _when_told(doc, vs, paragraph=True) or _tally(doc, vs)):
        return None       # 伤者随即被送往县人民医院救治, with no day: a step of a story, not news of its own
    if doc.lex.pattern("held_just_before", r"(?:@)$", doc.lex.event_held).search(text, max(0, vs - 3), vs):
        return vs, ve     # 举行会谈: the talks themselves
    if text[vs:ve] in OPENING and (opened := _opened_across_a_day(doc, vs)) is not None:
        return opened     # 旅游节将于9月26日在丹顶鹤湿地公园开幕, 本届大赛于8月2日开幕: what opens
    # object after the verb: a quotation, a place, an organization or a person
    j = ve
    if text.startswith("了", j):
        j += 1
    if j < len(text) and text[j] in "“「《":
        close = {"“": "”", "「": "」", "《": "》"}[text[j]]
        k = text.find(close, j + 1)
        if 0 < k - j <= 40:
            return vs, k + 1
    if text[vs:ve] in doc.lex.word_set(WORDS, "signed"):
        signed = object_end(doc, j)
        ceremony = "签约" in text[text.rfind("\n", 0, vs) + 1:vs]      # …签约仪式举行，双方签署了…: the ceremony's act
        return (vs, signed) if signed is not None and dated(doc, vs) and not ceremony else None    # 签订…协议: what was signed
    if text[vs:ve] in doc.lex.event_met:
        return vs, ve     # 会见了来衡考察的德国客商李四一行: the meeting by its verb; whom it met are its attendees
    if text[j:j + 1] in ("我", "本") and j + 1 < len(text) and text[j + 1] in "市县区省":
        j += 1           # 会见我市党政代表团: the organization is 市党政代表团
    for m in doc.mentions(PLACE, ORGANIZATION, PERSON, by_start=False):
        if m.start == j:
            if text.startswith(("、", "和"), m.end) and (listed := object_end(doc, j)) is not None:
                return vs, listed       # 检查湘江、耒水防汛工作: the list and what is done there, not 检查湘江
            return vs, m.end
    unveiled = text[vs:ve] in UNVEILED        # 衡阳市退役军人创业孵化基地在高新区揭牌成立: the body unveiled, not 在高新区揭牌
    founded = ve + 2 if text.startswith("成立", ve) else ve      # (揭牌成立: one act)
    if unveiled and dated(doc, vs) and (named := _unveiled(doc, vs)) is not None:
        return named, founded     # 衡阳市…孵化基地(在高新区|正式)揭牌(成立)
    # object before: 前往衡阳抗战纪念馆参观, 在赣州市学习考察, 到市开发区现场办公
    gap = VISIT_MANNER.search(text, max(0, vs - 8), vs)
    lead = gap.start() if gap is not None and gap.end() == vs else vs
    if text.endswith("等地", 0, lead) and (sites := _sites_before(doc, lead - 2)) is not None:
        return sites, ve         # 先后到寿光蔬菜高科技示范园、…等地考察: the visit and where it went
    before = [m for m in doc.mentions(PLACE, ORGANIZATION, by_start=False) if m.end in (vs, lead)]
    if before:
        b = before[0]
        while (up := next((m for m in doc.ending_at(b.start, PLACE) if m.start < b.start), None)):
            b = up      # 在越城区|绍兴奥体中心开幕: the district and its venue, one place said after 在
        mv = MOVE.search(text, max(0, b.start - 3), b.start)
        if text[vs:ve] in OPENING and mv is not None and mv.group() == "在":
            subject = np_start(doc, mv.start())
            if mv.start() - subject >= 3:
                return subject, mv.start()      # 海峡两岸文博会在厦门国际会议中心开幕: what opened
        then = object_end(doc, ve)         # 到白沙洲街道走访慰问困难群众 (a second verb), 到仓房镇调研…保护工作 (a topic)
        if then is not None and not ((tok := doc.token_at(ve)) is not None and tok.start == ve
                                     and doc.lex.is_event_verb(tok.word) or text[:then].endswith(TOPIC_ENDS)):
            then = None
        return (mv.start() if mv else b.start), then or ve      # 到白沙洲街道走访慰问困难群众: one visit, and whom
    # 来衡调研: the home city by its first character after a verb of coming
    home = doc.home
    if home is not None and home.city is not None and home.city.short and lead >= 2 \
            and text[lead - 2] in "来莅抵" and text[lead - 1] == home.city.short[0]:
        return lead - 2, ve
    # a visit and what it looked at: 调研重点项目建设情况, 检查防汛工作, 看望慰问老党员
    if text[vs:ve] not in doc.lex.event_happenings:
        end = object_end(doc, ve + (text[ve:ve + 2] in OURS))       # (视察我市城市防洪工程建设情况)
        if end is not None:
            return vs, end
    # passive: 被……撞倒
    k = text.rfind("被", max(0, vs - 12), vs)
    if k >= 0 and not re.search(r"[，。 \u3000]", text[k:vs]):      # (被困 消防队员连夜搜救: a headline's two parts)
        return k, ve
    # 正式开工建设, 恢复通车: the subject before, when it is a place or project
    if text[max(0, vs - 2):vs] in ("正式", "全面", "顺利"):
        return vs - 2, ve
    subj = [m for m in doc.mentions(*((PLACE, ORGANIZATION) if unveiled else (PLACE,)), by_start=False)
            if 0 <= vs - m.end <= 12 and not re.search(r"[，,。；！？\n]", text[m.end:vs])]      # not 塔山园区。此次集中开工
    if subj and doc.lex.event_verbs and (text[vs:ve] in ("通车", "恢复通车", "开工", "竣工", "投入使用") or unveiled):
        return min(subj, key=lambda m: m.start).start, founded
    if text[vs:ve] in doc.lex.event_happenings and _when_told(doc, vs, paragraph=text[vs:ve] not in OPENING):
        manner = HAPPEN_MANNER.search(text, max(0, vs - 2), vs)
        return (manner.start() if manner is not None else vs), ve     # 不慎落水, 全面开工, 宣判
    return None


UNVEILED = ("揭牌", "挂牌", "授牌")


def _unveiled(doc: Doc, vs: int) -> int | None:
    """Where the name of what is unveiled at `vs` starts, read leftwards from before 在…, 正式 or 顺利 (衡阳市退役军人创业
    孵化基地在高新区揭牌成立), if it is a name of four characters or more."""
    text = doc.text
    clause = clause_start(text, vs)
    at = text.find("在", clause, vs)
    at = at if at > clause else (vs - 2 if text[max(0, vs - 2):vs] in ("正式", "顺利") else vs)
    start = np_start(doc, at)
    return start if at - start >= 4 else None


def _sites_before(doc: Doc, end: int) -> int | None:
    """Where a list of sites ending at `end` (before 等地) starts with its verb of going (先后到, 深入: venues.SITES)."""
    m = next((m for m in SITES.finditer(doc.text, max(0, end - 120), end + 2) if m.end() == end + 2), None)
    return m.start() if m is not None else None


def _opened_across_a_day(doc: Doc, vs: int) -> tuple[int, int] | None:
    """(start, end) of the contest, festival or meeting that opens at `vs`, written before the day it opens and the
    venue (旅游节|将于9月26日|在丹顶鹤湿地公园|开幕); None where no day stands between them."""
    text, k = doc.text, vs
    venue = next((m for m in doc.mentions(PLACE) if m.end == k and text[m.start - 1:m.start] == "在"), None)
    if venue is not None:
        k = venue.start - 1
    day = next((m for m in doc.mentions(DATE) if m.end == k), None)
    if day is None:
        return None
    k = day.start
    while k > 0 and text[k - 1] in "将已定拟于":
        k -= 1
    s = np_start(doc, k)
    if text[max(0, s - 2):s] in THIS_ONE:
        s -= 2            # 本届大赛: the one the article is about
    return (s, k) if k - s >= 2 and text[k - 1] in EVENT_ENDS else None


EVENT_ENDS = "节赛会展"       # how a contest, a festival, a meeting or a show is named


OPENING = ("开幕", "闭幕", "开业", "开诊", "投产", "开工", "竣工", "开班", "开营", "启幕", "开赛")
OBJECT_POS = ("n", "vn", "nz", "an", "j", "b", "a")
OBJECT_MAX = 16


def object_end(doc: Doc, pos: int) -> int | None:
    """Where the noun phrase that starts at `pos` and runs to the clause's end ends (重点项目建设情况); None if
    anything else stands before the clause ends, or it is longer than OBJECT_MAX."""
    i = doc.token_index(pos)
    if i < 0 or doc.tokens[i].start != pos:
        return None
    end = pos
    second = doc.lex.is_event_verb(doc.tokens[i].word)    # 看望慰问老党员: the second verb of two
    i += second
    done = i < len(doc.tokens) and doc.tokens[i].word == "了"
    i += done                                             # 看望慰问了老党员张德明, 会见了客商一行
    verb_inside, group = False, None
    for t in doc.tokens[i:]:
        if CLAUSE_END.match(t.word):
            break
        if t.word in GROUP and end > pos:
            group = t.end                                 # 会见客商一行: the guests and those with them
            break
        if t.word in ("的", "、", "和") and end > pos:
            continue                                      # 白沙洲街道的困难群众, 困难群众、老党员
        if t.end - pos > OBJECT_MAX or not t.pos.startswith(OBJECT_POS) and not (t.pos == "v" or t.pos == "q" and end > pos) and not (
                t.pos in ("t", "f", "m") and not re.search(r"\d|[年月日号]$", t.word) or COUNT.fullmatch(t.word)):
            #     (隐患|点/q: a noun's end; 走访慰问了15户困难家庭: a count, no date)
            return None      # (检查国庆假期旅游安全工作, 调研一季度经济运行情况: a holiday or a quarter, no day, in the topic)
        verb_inside = verb_inside or t.pos == "v" and not t.word.startswith("驻")      # 驻潍部队官兵: troops stationed there
        end = t.end
    last = doc.tokens[doc.token_index(end - 1)] if end > pos else None
    if last is None or end - pos < 2 or not last.pos.startswith(("n", "vn")):
        return None
    if verb_inside and last.word not in TOPIC_ENDS:
        return None          # 调研城市更新工作 (更新 a verb inside) is a topic; 调研城市更新 no object
    if done and not second and group is None:
        return None          # 参观了生平业绩陈列厅: a step of the day; 会见了客商一行: guests received
    return group or end


OURS = ("我市", "我县", "我区", "本市", "本县", "本区")
COUNT = re.compile(r"\d{1,5}(?:余|多)?[户名位个家所]?")
GROUP = ("一行", "等人")      # a group led by the object's persons (客商一行), ending it
TOPIC_ENDS = ("工作", "情况", "建设", "发展", "项目")       # what a visit looks at, ending a phrase with a verb in it


CLAUSE_END = re.compile(r"^[，,。；;！？!?\n]")
HAPPEN_MANNER = re.compile(r"(?:不慎|全面|正式|顺利|突然|意外|成功)$")


def _tally(doc: Doc, pos: int) -> bool:
    """Does the sentence before `pos` count up to a day (截至7月27日9时，…已筹集捐款2.39万元)? A running total, no
    occurrence."""
    ss, _ = doc.sentence_span(pos)
    return any(w in doc.text[ss:pos] for w in doc.lex.word_set(WORDS, "tally"))


REPORTING_CLAUSE = re.compile(r"[^，,。；]*?(?:获悉|了解到|获知|得知|记者从|笔者从|记者了解)")


def reporting_date(doc: Doc, m) -> bool:
    """Is this date when the paper learned of something (1月11日，笔者从市绩效办获悉) rather than when it happened?"""
    return bool(REPORTING_CLAUSE.match(doc.text, m.end, m.end + 24)) or bool(
        re.match(r"\s*[，,]\s*(?:记者|笔者)[^，,。]{0,12}(?:获悉|了解|得知)", doc.text[m.end:m.end + 24]))


def _when_told(doc: Doc, pos: int, *, paragraph: bool) -> bool:
    """Is the happening at `pos` news: does its sentence (with `paragraph`, its paragraph) say when, or does the
    article's headline tell it?"""
    return dated(doc, pos, paragraph=paragraph) or _told_first(doc, pos)


def _told_first(doc: Doc, pos: int) -> bool:
    """Is the happening at `pos` told in the article's headline (its first line, no full stop in it)? That is the news
    the article reports, whether or not it says when (一辆货车在京港澳高速侧翻 司机受轻伤)."""
    end = doc.text.find("\n")
    headline = doc.text[:end if end >= 0 else len(doc.text)]
    return pos < len(headline) and not re.search(r"[。！？!?]", headline)


def dated(doc: Doc, pos: int, *, paragraph: bool = False) -> bool:
    """Does the sentence at `pos` give a day (5月20日, 昨日)? A happening is news when it says when: 捐款 and 复工 in a
    life story are not. With `paragraph`, a day given earlier in the same paragraph counts too (5月13日，刘宝贵发生
    事故…刘宝贵被送往临县中医院急救: the story told day by day)."""
    ss, se = doc.sentence_span(pos)
    if paragraph:
        ss = doc.text.rfind("\n", 0, pos) + 1
        if ss > 0 and THEN.match(doc.text, ss):
            ss = doc.text.rfind("\n", 0, ss - 1) + 1     # 5分钟后，…接力抢救: on the day the paragraph before gave
    return any(ss <= m.start < se and m.value and _says_when(doc, m, ss) and not reporting_date(doc, m)
               for m in doc.mentions(DATE))


def _says_when(doc: Doc, m, ss: int) -> bool:
    """Does the date mention `m` (of a sentence starting at `ss`) date a happening: a day, 近日, or a month that opens
    the sentence?"""
    return len(m.value) == 10 or m.text.startswith(LATELY) or m.start == ss and MONTH_OPENS.match(doc.text, m.start,
                                                                                                   m.end + 1) is not None


MONTH_OPENS = re.compile(r"[^，,。\n]*月[，,]")     # 2023年6月，两人…被民警抓获: a month that opens the sentence dates a
#                                                   happening (not …介绍，今年3月，产线建成投产: background told by someone)


CLAUSE_MARKS = "，,。；;！？\n"     # what ends a clause: a comma, a full stop, a line break
CLAUSE_MARK = re.compile(f"[{CLAUSE_MARKS}]")


def clause_start(text: str, pos: int) -> int:
    """Where the clause that `pos` is in starts: after the last comma, full stop or line break before it."""
    return max((text.rfind(c, 0, pos) for c in CLAUSE_MARKS), default=-1) + 1


def clause_end(text: str, pos: int) -> int:
    """Where the clause that `pos` is in ends: at the first comma, full stop or line break from `pos` on (the text's
    end if none)."""
    m = CLAUSE_MARK.search(text, pos)
    return m.start() if m is not None else len(text)


THEN = re.compile(r"(?:[\d一二三四五六七八九十几两]+多?(?:分钟|小时|秒钟?)多?后|随后|紧接着|与此同时|此时|当天|当日|当晚)")   # a paragraph
#   that goes on from the one before on its day
LATELY = ("近日", "日前", "近期")      # a recent day the text does not give: news of an occurrence all the same


HOSTED_AFTER = r"(?:在[^，,。；\n]{1,20}?)?(?:@)"
QUOTED_NAME = re.compile(r"[“《][^“”《》，。；！？\n]{2,12}[”》]$")
HELD = r"(?:于[^，,。；！？\n在]{1,10}?)?(?:在[^，,。；！？\n]{1,20}?)?(?:隆重|正式|顺利|圆满|盛大|胜利)?(?:@)(?=[。，,；！\n]|$)"
#        @: held and opened verbs (…会议，于1月11日上午在市会议中心胜利闭幕)
HELD_AT = r"(?:[^，,。；\n]{0,6}?)在([^，,。；\n]{1,20}?)(?:隆重|正式|顺利|圆满|盛大)?(?:@)"     # @: held and opened verbs


AROUND = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:结束)?(?:之)?(?:后|前)[，,]")


def after_an_event(doc: Doc, sentence: str) -> bool:
    """Does the sentence open with the time around an event told before (宣判后，…; 签约前，…; 开班式结束后，…)? It tells
    of that day."""
    m = AROUND.match(sentence)
    if m is None:
        return False
    lex, stem = doc.lex, m.group(1)
    return bool(lex.ending("event_nouns", lex.event_nouns, stem, len(stem)) or lex.is_event_verb(stem[-2:])
                or stem[-2:] in lex.event_happenings)
