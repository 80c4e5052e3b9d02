"""Posts a person takes or leaves as the article states it: appointments, elections, removals.

`刘某担任市直工委机关党支部组织委员`, `张三当选为市长`, `任命李四为市财政局局长`, `免去王五的市长职务`.

Title phrases (roles.py) read names that follow a title. This step reads the other orders: a person (or
他/她, the person the article is about), then a verb of taking office (担任, 出任, 当选, 任命为), then a
title with or without its organization; and a verb of appointing or removing (任命, 免去), then a person,
then the post (为…, 的…职务). Where the verb states a change (任命, 当选, 免去; not 担任, which says who
holds a post), the membership says which, with the sentence's date: W3C ORG's org:memberDuring in the
graph (kg.rdf.triples). It runs after persons.py so every name the article holds is known.
"""
from __future__ import annotations

import re
from collections import Counter

from ..datamodel import DATE, ORGANIZATION, PERSON, ROLE, EntityRef, Membership
from .doc import Doc
from .event_names import clause_start
from .org_names import mention_antecedent
from .place_refs import chain_start
from .post_orgs import grassroots_post, implied_org, named_town_government, place_government
from .roles import _org_before, kind_above

NAME = "appointments"
REQUIRES = ("home", "date", "organization", "place", "role", "person", "memberships")
ASSIGNS = ("memberships", "organization")    # organization: a unit written after its organization (roles._org_before)

TAKE = re.compile(r"(?:担任|出任|兼任|转任|升任|调任|就任|当选为|当选|被任命为|任命为|被选为|被聘为|受聘为|现为|履新|"
                  r"(?<![时新主聘责信放拟])任|辞去)")   # not 时任X的Y, 主任, 聘任, 责任, 信任, 拟任
GAP = re.compile(r"[\u4e00-\u9fff]{0,8}")      # a modifier between the verb and the post: 疫情防控 联络员
PRONOUN = re.compile(r"(?:他|她)")
# verbs before the person: 任命李四为…, 免去王五的…职务, 选举赵六为…
ACT = re.compile(r"(?:决定任命|提请任命|任命|聘任|聘请|提名|选举|免去|免除|撤销)[：:]?$")     # (决定任命：张海涛为…)
ACT_GAP = re.compile(r"(?:同志)?(?:[（(](?:女|男|[\u4e00-\u9fff]{1,3}族)[）)])?(?:等\d{1,3}[人名](?:同志)?)?(?:为|的|担任)?(?:中共)?")   # 李秀英（女）为
CHANGES = (("removed", ("免去", "免除", "撤销", "辞去", "卸任")), ("elected", ("当选", "选举", "选为")),
           ("appointed", ("任命", "聘任", "聘请", "聘为", "提名", "出任", "履新", "就任")))


def change_of(verb: str) -> str | None:
    """appointed, elected, removed: what a verb says happened (担任 and 兼任 say only who holds the post)."""
    return next((kind for kind, words in CHANGES if any(w in verb for w in words)), None)


def run(doc: Doc) -> None:
    text = doc.text
    held = {(m.person, m.title, m.org): m for m in doc.memberships}
    persons = doc.mentions(PERSON)
    main = _main_person(doc)
    last = None           # (where the last post read ended, its holder, change, organization, title)
    for role in doc.mentions(ROLE):
        title = role.value or role.text
        if doc.lex.title_org(title) == "-" and title in ("记者", "通讯员"):
            continue
        if any(p.start == role.end for p in persons):
            continue        # 新任局长刘卫东: the title phrase's own holder follows it (roles.py)
        org, org_start = _org_before(doc, role.start)
        if org is None and (ending := _ending_before(doc, role.start)):
            org = mention_antecedent(doc, role.start - len(ending), role.start)      # 聘任徐立峰为公司总经理
            org_start = role.start - len(ending) if org is not None else role.start
        s0, _ = doc.sentence_span(role.start)
        one_of = _one_of(doc, s0, role.start) if org is None and title not in doc.lex.occupations else None
        if one_of is not None:
            org, org_start = one_of.ref, one_of.start       # 赵宇航是…中心小学的一名体育教师: the school's teacher
        head = org_start if org is not None else next((m.start for m in doc.ending_at(role.start, ORGANIZATION)), role.start)
        #   (选举李明为县政协主席 in a paper whose county is unknown: a body named, though it names no entity)
        verbs = [v for v in TAKE.finditer(text, max(s0, head - 12), head) if GAP.fullmatch(text, v.end(), head)] \
            or ([IS.match(text, head - 1)] if one_of is not None else [])
        person = verb_end = kind = None
        listed: list[EntityRef] = []
        acted = _acted_on(doc, persons, s0, head)
        placed, head = head, chain_start(doc, head)     # 历任…科长、渣江镇|镇长: the chain's next post opens with its place
        if last is not None and (text[last[0]:head] == "、" or text[last[0]:head] in ("，", ",") and _post_alone(text, role.end)):
            person, verb_end, kind = last[1], head, last[2]      # 任中共安化县委委员、常委、书记: his, each of them;
            #                                                      现任市委常委、组织部部长，市委党校校长: the third too
            if org is None and not implied_org(doc, title)[1]:
                org = named_town_government(doc, title, placed) if placed > head else \
                    kind_above(doc, title, last[3]) or last[3]     # …外科主任、副院长: the hospital's
        elif acted is not None:
            person, verb_end, kind, listed = acted
        elif last is not None and last[2] is not None and (item := _next_item(doc, persons, last[0], head)) is not None:
            person, verb_end, listed = item        # 任命：张三为…；李四为…: the verb carried over the list's items
            kind = last[2]
        elif verbs:
            verb = verbs[-1]
            before = [p for p in persons if s0 <= p.start and p.end <= verb.start()]
            person = before[-1].ref if before else None
            k = len(before) - 1
            while person is not None and k > 0 and text[before[k - 1].end:before[k].start] in ("、", "和") \
                    and COUNTED_GAP.fullmatch(text, before[-1].end, verb.start()):
                k -= 1
                listed.insert(0, before[k].ref)      # 王晓、陈默、谢一鸣当选为…副主席: each of them
            if person is None and main is not None and PRONOUN.search(text, s0, verb.start()):
                person = main
            if person is None and not before and CAREER_STEP.fullmatch(text, clause_start(text, verb.start()),
                                                                       verb.start()):
                person = _profile_subject(doc, persons, verb.start()) or main
            verb_end, kind = verb.end(), change_of(verb.group())
        if person is None:
            continue
        if org is None and last is not None and last[3] is not None and last[0] >= s0 and title == "副" + last[4]:
            org = last[3]               # 杨光辉当选为市文联主席，郑娟、何志强当选为副主席: that body's
        if org is None and (governed := place_government(doc, title, role.start)) is not None:
            org = governed[0]           # 曾任都昌县多宝乡副乡长: the government of the place written before the title
        if org is None and (grassroots := grassroots_post(doc, role.text, role.start, None, role.start)) is not None:
            org = grassroots[0]         # 当选为村党支部书记: the 党支部 of the village the article named
        if org is None:
            implied, known = implied_org(doc, title)
            org = implied if known else None
        written = text[verb_end:role.end].removeprefix("为")
        m = held.get((person, title, org)) or next(           # (局长 of 市财政局 and of 市审计局: two posts)
            (h for (p, t, o), h in held.items() if p == person and t == title and (org is None or o is None)), None)
        if m is None:
            m = held[(person, title, org)] = Membership(person, title, org, {written} if written != title else set())
            doc.add_membership(m)
        if kind is not None and m.change is None:
            m.change, m.change_date = kind, _sentence_date(doc, role.start)
        for other in listed:
            if (other, title, org) not in held:
                held[(other, title, org)] = Membership(other, title, org, set(m.title_aliases), kind,
                                                       m.change_date if kind else None)
                doc.add_membership(held[(other, title, org)])
        last = (role.end, person, kind, org, title)


IS = re.compile(r"是")
ONE_OF = re.compile(r"的(?:一名|一位)?$")


def _one_of(doc: Doc, s0: int, pos: int):
    """The organization mention of `…是ORG的一名TITLE` (是乌鲁木齐市公交集团出租车分公司的一名驾驶员), the title at `pos`."""
    of = ONE_OF.search(doc.text, max(s0, pos - 3), pos)
    if of is None:
        return None
    return next((m for m in doc.ending_at(of.start(), ORGANIZATION) if m.ref is not None
                 and doc.text.endswith("是", 0, m.start)), None)


def _ending_before(doc: Doc, pos: int) -> str:
    """An organization's ending written alone right before a post after 为 (为公司总经理, 为医院院长): the body the article
    named with it."""
    return next((w for w in ("公司", "集团", "医院", "学校") if doc.text.endswith("为" + w, 0, pos)), "")


def _post_alone(text: str, end: int) -> bool:
    """Does the post ending at `end` end its clause (…部长，市委党校校长。) or run on to another post (历任…，陆良县委
    副书记、县长，…副专员等职), no verb or name of its own after it?"""
    return end == len(text) or text[end] in "。；;，,\n、" or text.startswith("等职", end)


COUNTED_GAP = re.compile(r"(?:等\s*(?:\d{1,4}|[一二两三四五六七八九十百]{1,4})\s*[人名位](?:同志)?)?")    # 汪丽娜、戴宏伟等8人当选


HEADED = re.compile(r"(?:决定任命|任命|免去|选举)[：:]\s*$")
ITEM_BREAK = re.compile(r"(?:职务|的职务)?[；;，,\s]*")


def _next_item(doc: Doc, persons, prev_end: int, head: int) -> tuple[EntityRef, int, list] | None:
    """(person, where the post's words start, others listed with them) of a list's next item after a post that
    ended at `prev_end` (…为衡阳市人民政府副市长；周晓梅（女）为…, 免去王建国的…职务；李明德的…职务): names, then 为 or
    的 and the post at `head`, with only a break between the items."""
    text = doc.text
    names = [p for p in persons if prev_end <= p.start and p.end <= head and p.ref is not None]
    if not names or not ITEM_BREAK.fullmatch(text, prev_end, names[0].start):
        return None
    if any(text[a.end:b.start] != "、" for a, b in zip(names, names[1:])):
        return None
    gap = ACT_GAP.fullmatch(text, names[-1].end, head)
    if gap is None or gap.end() == names[-1].end and not text.startswith(("为", "的"), names[-1].end):
        return None
    return names[-1].ref, gap.end(), [p.ref for p in names[:-1]]


def _acted_on(doc: Doc, persons, s0: int, head: int) -> tuple[EntityRef, int, str | None, list] | None:
    """(person, where the post's words start, change) for 任命李四为…局长 and 免去王五的市长职务: a verb, the person
    right after it, then 为/的 and the post at `head`."""
    text = doc.text
    before = [p for p in persons if s0 <= p.start and p.end <= head and p.ref is not None]
    for k in range(len(before) - 1, -1, -1):
        p = before[k]
        gap = ACT_GAP.fullmatch(text, p.end, head)
        if gap is None:
            continue
        first = k          # 任命李卫东、王志明为…: the names listed after the verb, each
        while first > 0 and text[before[first - 1].end:before[first].start] == "、":
            first -= 1
        act = ACT.search(text, max(s0, before[first].start - 7), before[first].start) or HEADED.search(
            text, max(0, before[first].start - 9), before[first].start)       # 任命：\n刘振华为…: a list under its verb
        if act is not None:
            listed = [q.ref for q in before[first:k]]
            return p.ref, gap.end(), change_of(act.group()), listed
    for m in re.finditer(r"(免去|免除|撤销)其", text[s0:head]):
        gap = ACT_GAP.fullmatch(text, s0 + m.end(), head)
        earlier = [p for p in before if p.end <= s0 + m.start()]
        if gap is not None and earlier:
            return earlier[-1].ref, gap.end(), change_of(m.group(1)), []     # 罗建军同志任…，免去其…副局长职务
    return None


# a career's step with no subject of its own: 2011年12月任…, 2016年3月起任…, 现任…, 此后任…
CAREER_STEP = re.compile(r"(?:(?:\d{4}年|同年)(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起|开始|至今|后)?|现|此后|其后|后|又|历|曾|先后)?")
PROFILED = re.compile(r"(?:同志)?[，,（(]")       # 李建华，男，1970年9月出生: a paragraph about him


def _profile_subject(doc: Doc, persons, pos: int) -> EntityRef | None:
    """The person a profile's paragraph opens with (李建华，男，1970年9月出生。2011年12月任…: his career)."""
    text = doc.text
    start = text.rfind("\n", 0, pos) + 1
    while start < pos and text[start] in " \u3000\t":
        start += 1
    first = next((p for p in persons if p.start == start and p.end <= pos and p.ref is not None), None)
    return first.ref if first is not None and PROFILED.match(text, first.end) else None


def _sentence_date(doc: Doc, pos: int) -> str | None:
    ss, se = doc.sentence_span(pos)
    dates = [m.value for m in doc.mentions(DATE) if ss <= m.start < se and m.value]
    return max(dates, key=len) if dates else None


def _main_person(doc: Doc) -> EntityRef | None:
    counts = Counter(m.ref for m in doc.mentions(PERSON) if m.ref is not None)
    if not counts:
        return None
    ref, n = counts.most_common(1)[0]
    return ref if n >= 3 else None


__all__ = ["run", "change_of", "ORGANIZATION"]
