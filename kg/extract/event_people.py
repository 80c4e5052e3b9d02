"""Who took part in an event: the persons its sentence names and the sentences that tell about it until the
next event (活动中…, 会上…, a paragraph opened by one of them), the persons of a clause ending in 参加, 陪同 or
出席 (市领导李高兴、贺喜灿参加), and 他/她, the person the text last named; never a reporter, a person the event
remembers (缅怀彭德怀同志), a name inside an organization's or one inside the event's own (“学雷锋”志愿服务活动).
Called by events.py."""
from __future__ import annotations

import re
from collections import Counter

from ..datamodel import ORGANIZATION, PERSON, EntityRef, EventFact, add_new
from .credits import credited
from .doc import Doc, line_head, occurrences
from .event_names import clause_end

WORDS = "event_words"

PARTICIPATE = re.compile(r"(?:参加|出席|陪同|参与)[\u4e00-\u9fff]{0,6}$")
AND_DONE = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及]([\u4e00-\u9fff]{2,4})$")
DONE = re.compile(r"(?:参加|出席|陪同|参与)([\u4e00-\u9fff]{0,6}?)(?=或|和|及|并|$)")     # …李高兴、贺喜灿参加；…参加会见或陪同


def attendees(doc: Doc, events: list[tuple[EventFact, int, int]]) -> None:
    """Persons of each event's sentence and of the sentences up to the next event; 参加活动 lines join all."""
    if not events:
        return
    text = doc.text
    reporters = {h.person for h in doc.memberships if h.title in doc.lex.word_set(WORDS, "reporting")}
    reporters |= {m.ref for m in doc.mentions(PERSON) if credited(text, m.start)}
    nested = {(m.start, m.end) for m in doc.mentions(PERSON)
              if any(o.start <= m.start and m.end <= o.end for o in doc.mentions(ORGANIZATION))}
    studied = [ev.name + "精神" in text for ev, _, _ in events]     # 传达学习省委十三届三次全会精神: a meeting referred to
    starts = [doc.sentence_span(s)[0] for (_, s, _), st in zip(events, studied) if not st] + [len(text)]
    main_person = _main_person(doc)
    for k, (ev, s, e) in enumerate(events):
        a = doc.sentence_span(s)[0]
        b = next(x for x in starts if x > a) if not studied[k] else doc.sentence_span(s)[1]
        if b <= a:
            b = doc.sentence_span(s)[1]
        own = doc.sentence_span(s)
        spans = _story(doc, s, b, name=ev.name)
        present = set(ev.attendees)      # asked of every person mention: a list of hundreds of names is scanned
        for m in doc.mentions(PERSON):
            announced = False
            cited = text.startswith("总书记", m.end) and not own[0] <= m.start < own[1]
            inside = a <= m.start < b and any(x <= m.start < y for x, y in spans) and (
                not s <= m.start < e or VISITED.search(text, s, m.start))     # 看望慰问老党员张德福: whom it visited
            if inside and m.ref is not None and m.ref not in reporters and not cited and (m.start, m.end) not in nested \
                    and not _commemorated(doc, m.start, m.end) and not _studied(text, m.start, m.end) \
                    and not APPOINTED.search(text, max(0, m.start - 30), m.start) and not KIN_OF.match(text, m.end) \
                    and not (announced := m.end <= s and ANNOUNCED.match(text, e) and SAID.search(text, m.end, s)):
                if m.ref not in present:
                    ev.attendees.append(m.ref)
                    present.add(m.ref)
            if inside and announced and k > 0:
                add_new(events[k - 1][0].attendees, [m.ref])     # the 发布会 where 罗丹 told of the festival
            if inside and m.ref in present:
                spans = _story(doc, s, b, ev.attendees, doc.mentions(PERSON), ev.name)
        ss, se = doc.sentence_span(s)
        if PRONOUN.search(text, ss, se) and not any(ss <= m.start < se for m in doc.mentions(PERSON)):
            before = [m.ref for m in _attending(doc, reporters) if m.end <= ss]
            who = before[-1] if before else main_person
            if who is not None and who not in ev.attendees:
                ev.attendees.append(who)     # 他: the person the text last named
    leaders = _leaders(doc, reporters)
    during = tuple(doc.lex.word_set(WORDS, "during"))
    for ev, _, _ in events:
        if "代表团" in ev.name or ev.name.startswith("会见") or ev.name.endswith(during):
            ev.attendees += [p for p in leaders if p not in ev.attendees]      # 会见代表团一行, the 座谈会 of its visit:
            #                                                                    who led it, too
    _taking_part(doc, events, reporters)


def _attending(doc: Doc, reporters: set) -> list:
    """The person mentions that may attend an event: those that name someone (not 江 of 江主席, nor a name inside a
    doctrine) and no reporter, in the order of the text."""
    return [m for m in doc.mentions(PERSON) if m.ref is not None and m.ref not in reporters]


def _taking_part(doc: Doc, events: list[tuple[EventFact, int, int]], reporters: set) -> None:
    """The persons of a clause ending in 参加, 陪同 or 出席 (市领导李高兴、贺喜灿参加) join the events before it that it
    names or, naming none, all of them; and a visit's talks it names that the text tells of later (…陪同考察并参加座谈。
    ⏎4月16日晚，两地召开座谈会)."""
    text = doc.text
    during = tuple(doc.lex.word_set(WORDS, "during"))
    for ss, se in doc.sentences:
        sent = text[ss:se].strip()
        if not PARTICIPATE.search(sent.rstrip("。；;，,")):
            continue
        people = [m.ref for m in _attending(doc, reporters) if ss <= m.start < se]
        own = [ev.name for ev, s, _ in events if ss <= s < se]
        apart = own and not any(o.endswith(during) for o in own)
        clause = sent.rstrip("。；;，,")
        clause = clause[max((clause.rfind(c) for c in "，,；;"), default=-1) + 1:]
        done = DONE.findall(clause)      # 陪同检查, 陪同考察或参加座谈会: the events so named (参加会见或陪同: any)
        done += AND_DONE.findall(clause)   # 参加考察和座谈: 座谈 too
        named = [ev for ev, s, _ in events if s < ss and any(d in ev.name or ev.name.endswith(d[-2:]) for d in done)] \
            if done and all(len(d) >= 2 for d in done) else []
        if all(ev.name.endswith(during) for ev in named):
            named = []        # 参加座谈会 held during a visit: the visit's too (a visit and its talks are one trip)
        _later_talks(events, se, done, during, people)
        for ev, s, _ in events:
            if apart and all(o not in ev.name and ev.name not in o for o in own):
                continue      # 下午，市长主持召开常务会议，副市长李晓红出席: the afternoon meeting's, not the morning visit's
                #               (but 陪同考察或参加座谈会: a 座谈会 held during the visit, both)
            if named and ev not in named:
                continue      # …检查企业安全生产情况。局长欧阳志远陪同检查: the inspection's, not the meeting's before it
            if s < ss:
                add_new(ev.attendees, people)


def _later_talks(events: list, se: int, done: list[str], during: tuple, people: list) -> None:
    """Give `people` to the talks held during a visit (座谈会, 会见: event_words' during) that `done` names (参加座谈) and
    the text tells of after the clause ending at `se`."""
    for ev, s, _ in events:
        if s >= se and ev.name.endswith(during) and any(len(d) >= 2 and d in ev.name for d in done):
            add_new(ev.attendees, people)


def _leaders(doc: Doc, reporters: set) -> list[EntityRef]:
    """Who led a delegation (固原市委书记王琦率…代表团), with the officials listed right before the last of them by their
    posts alone (市委书记颜金华，市委副书记、市长刘清泉率我市党政代表团: both)."""
    persons = _attending(doc, reporters)
    out = []
    for k, m in enumerate(persons):
        if not LEADS.match(doc.text, m.end):
            continue
        out.append(m.ref)
        j = k
        while j > 0 and _posts_between(doc, persons[j - 1].end, persons[j].start):
            j -= 1
            out.append(persons[j].ref)
    return out


def _posts_between(doc: Doc, a: int, b: int) -> bool:
    """Is text[a:b] a comma and posts alone, no verb (，市委副书记、市长)?"""
    gap = doc.text[a:b]
    return 1 <= len(gap) <= 16 and gap[0] in "，," and clause_end(doc.text, a + 1) >= b and not any(
        t.pos == "v" for t in doc.tokens_in(a + 1, b))


def _commemorated(doc: Doc, start: int, end: int) -> bool:
    """A person the event remembers, not one who was there: 缅怀彭德怀同志, 在彭德怀铜像前, 毛泽东诞辰."""
    text = doc.text
    return bool(REMEMBERED_AFTER.match(text, end)) or text.endswith(doc.lex.kind(WORDS, "remembering"),
                                                                     max(0, start - 4), start)


VISITED = re.compile(r"(?:看望|慰问|走访|探望|拜访|会见)[了]?[\u4e00-\u9fff、]{0,10}$")
KIN_OF = re.compile(r"(?:之|的)(?:儿子|女儿|孙子|孙女|父亲|母亲|妻子|丈夫|后人|后代|遗孀|子|女|孙)")   # 周振华之子周建国: 周建国 came
ANNOUNCED = re.compile(r"(?:将于|将在|拟于|定于|计划于)")       # …龙舟文化节将于6月10日开幕: to be held
SAID = re.compile(r"(?:介绍|表示|说|透露|宣布|称)[，,：:]")     # 副局长罗丹介绍，…: who tells of it, not there yet
APPOINTED = re.compile(r"(?:任命|免去|免除|提名|撤销)[^，,。；！？\n]*$")     # 会议任命张伟为…: whom the meeting appointed


STUDYING = re.compile(r"(?:传达|学习|贯彻|领会|落实|深入学习|认真学习)[^，,。；！？\n]{0,12}$")
STUDIED = re.compile(r"[^，,。；！？\n]{0,40}?(?:精神|讲话|指示|批示|重要论述|思想|回信|贺信)")


def _studied(text: str, start: int, end: int) -> bool:
    """A person whose words the event studies, not one who was there: 传达学习习近平总书记…重要讲话精神
    (EXTRACTION.md: nor does a name inside such a phrase make its speaker an attendee)."""
    return bool(STUDYING.search(text, max(0, start - 14), start)) and bool(STUDIED.match(text, end))


REMEMBERED_AFTER = re.compile(r"(?:同志|先生|烈士|元帅|将军)?(?:的)?(?:革命|英雄|光辉|感人|先进)?(?:铜像|塑像|雕像|遗像|纪念馆|"
                              r"纪念碑|纪念园|故居|旧居|陵园|墓|诞辰|逝世|生平|事迹|故事)")     # (罗荣桓元帅的革命事迹)


PRONOUN = re.compile(r"(?<![其们])(?:他|她)(?!们)")


LEADS = re.compile(r"(?:一行)?(?:(?:率|带领|率领)[^，,。；\n]{0,20}代表团|率队)")      # 固原市委书记王琦率固原市党政代表团


BACK_REFERENCE = re.compile(r"(?:本案|此案|活动中|活动上|会上|会议|大会|此次|本次|仪式上|典礼上|晚会上|开幕式上|演出中|期间|其间|当天|当日|现场|活动现场|随后|会后|"
                            r"座谈中|调研中|会见中|会谈中|"
                            r"[^，。\n]{0,24}(?:出席|参加|陪同|主持|致辞|讲话|列席|就座|旁听|发言|作报告|作说明|作了说明|通报|宣布|随团|推介|揭牌|授牌|剪彩|启动)"
                            r"|[^，。\n]{0,8}(?:现场|活动中|仪式上|期间|其间)[，,]"
                            r"|[^。\n]{0,40}(?:作为[^，。\n]{0,8}代表发言|代表[^，。\n]{1,12}(?:发言|接受|接收|领奖|致辞)|(?:演唱|表演|领唱|朗诵)了|授课|讲课|作了?补充发言|(?:分别|先后|依次)作?[^，。\n]{0,6}发言|代表双方签约|签约|列席会议|主持(?:开幕会|闭幕会|大会|会议)|"
                            r"介绍了?[^，。\n]{0,10}情况|汇报了?|作了?[^，。\n]{0,12}(?:演讲|讲座|总结|表态发言)|鸣枪|颁奖|提出要求|"
                            r"(?:获得|荣获|夺得|摘得)[^，。\n]{0,8}(?:奖|冠军|亚军|季军|第[一二三]名)|夺冠|夺魁|获评|被评为|被授予|向大会作[^，。\n]{0,12}报告)"
                            r"|[^。\n]{0,80}主席台(?:前排)?就座|[^。\n]{0,60}(?:出席|参加|陪同|列席)(?:了)?(?:会议|活动|仪式|开幕式|座谈会)"
                            r"|在[^，。\n]{2,20}[，,])")


def _story(doc: Doc, s: int, limit: int, people=(), mentions=(), name: str = "") -> list[tuple[int, int]]:
    """The stretches of text that tell about the event at `s` (before `limit`): the rest of its paragraph,
    and each later paragraph that refers back to it (活动中…, 会上…, 市领导…参加活动) or opens with one
    of its participants (赖馨正一行先后来到…)."""
    text = doc.text
    end = text.find("\n", s)
    if end < 0 or end >= limit:
        return [(0, limit)]
    out = [(0, end)]
    while 0 <= end < limit:
        nxt = text.find("\n", end + 1)
        stop = nxt if 0 <= nxt < limit else limit
        para = text[end + 1:stop]
        lead = TIME_LEAD.match(para)
        opener = any(m.start == end + 1 + (lead.end() if lead else 0) and m.ref in people for m in mentions)
        post = doc.lex.alternation("titles", doc.lex.titles).match(para)    # 主任医师赵振华、…等15名专家为居民…
        titled = post is not None and any(m.start == end + 1 + post.end() for m in doc.mentions(PERSON))
        if not AFTER_IT.match(para) and (BACK_REFERENCE.match(para) or opener or titled or _tells_of(para, name)):
            out.append((end + 1, stop))
        end = nxt
    return out


AFTER_IT = re.compile(r"[^，,。\n]{0,10}(?:仪式|典礼)(?:结束)?[后前][，,]")     # 签约仪式后，…执教了一节示范课: another occasion
TIME_LEAD = re.compile(r"(?:当天|当日|次日|随后|其后|之后|第二天)?(?:上午|下午|晚上|中午|傍晚)?(?<=[\u4e00-\u9fff])[，,]")


def _tells_of(para: str, name: str) -> bool:
    """Does a paragraph's first sentence tell of the event named `name` by its head word (演练中…, 对演练进行了点评), not
    of what came before or after it (签约仪式后，…执教了一节示范课: another occasion)?"""
    if len(name) < 4:
        return len(name) >= 2 and opened_by(para, name)      # (手术由…主刀: a paragraph opened by the event's name)
    first = re.split(r"[。！？]", para, maxsplit=1)[0]
    return any(not first.startswith(AFTER_OR_BEFORE, k + 2) for k in occurrences(first, name[-2:]))


AFTER_OR_BEFORE = ("后", "前", "结束")


def opened_by(para: str, name: str) -> bool:
    """Does the paragraph open by naming the event (手术由…), not a time after or before it (手术后，…)?"""
    return para.startswith(name) and not para.startswith(AFTER_OR_BEFORE, len(name))


def _is_byline(text: str, pos: int) -> bool:
    head = line_head(text, pos)
    return bool(re.search(r"(本报讯|日报讯|■|记者|通讯员)", head)) and len(head) < 40


def _main_person(doc: Doc) -> EntityRef | None:
    counts = Counter(m.ref for m in doc.mentions(PERSON) if m.ref is not None and not _is_byline(doc.text, m.start))
    if not counts:
        return None
    ref, n = counts.most_common(1)[0]
    return ref if n >= 3 else None
