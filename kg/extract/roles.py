"""Posts: title phrases read into (person, bare title, organization) memberships.

A title phrase is units `[organization][prefix]title` joined by 、 and followed by
names: `市委副书记、市长朱健` is (市委, 副书记) and (-, 市长) for 朱健. A unit with no
organization takes the previous unit's, unless its title implies its own
(市长 -> the city's 人民政府, 记者 -> the paper); bylines (`本报讯（记者 罗文鹏
通讯员 石虹）`) are phrases too. Titles after a name (`习近平总书记`,
`胡冬（爱迪国际董事长）`) are read as well. The written compound (市委副书记)
is kept as the title's alias.
"""
from __future__ import annotations

import re

from ..datamodel import DATE, ORGANIZATION, PERSON, PLACE, ROLE, EntityRef, Membership
from .doc import Doc
from .event_names import clause_end
from .names import (
    DOTS,
    foreign_name,
    glued_byline_name,
    in_byline,
    person_name,
    read_name,
    read_names,
    valid_name,
)
from .org_names import CALLED, canonical
from .place_refs import chain_start
from .post_orgs import (
    OUTLET_ENDINGS,
    dateline_outlet,
    evidence_org,
    grassroots_post,
    implied_org,
    its_own,
    named_town_government,
    office_of,
    outlet_before,
    place_government,
    retarget,
    shared_body,
    town_government,
    unit_of_the_one,
)
from .role_lists import SUBUNIT, ListPlace, Unit, bare_post

NAME = "roles"
REQUIRES = ("home", "date", "organization", "place")
# organization: a unit written after its organization (南华大学附二医院心内科); place: weak guesses a name overlaps
ASSIGNS = ("role", "person", "memberships", "organization", "place")

SPACES = " \u3000\t"
NOTE = re.compile(r"[（(][^（()）\n，。]{1,8}[）)]")


def _title_pattern(doc: Doc) -> re.Pattern:
    return doc.lex.alternation("titles", doc.lex.titles)      # every post, longest first (names.before_a_post's)


def _titles(doc: Doc) -> list[tuple[int, int, str]]:
    """Every post the text writes, in order: the lexicon's (the tagger's word where a listed post runs into it:
    防卫厅|长官), and the mention model's where a person's name follows and no listed post ends (法官助理冯丽,
    人民监督员吴少波: the open set of job titles no list holds), any listed post inside it giving way (检察官|助理田晓宇
    is one post). Not what the lexicon says is no post (志愿者, 主持人)."""
    listed = [(m.start(), m.end(), m.group()) for m in _title_pattern(doc).finditer(doc.text)]
    for k, (s, e, _) in enumerate(listed):
        if (t := doc.token_at(e - 1)) is not None and t.start > s and t.end > e and t.word in doc.lex.titles:
            listed[k] = (t.start, t.end, t.word)    # 防卫厅|长官周德熙: the tagger's post, not 厅长 across it
    runs: list[list[int]] = []
    for sp in doc.model_spans or ():
        if sp.type != ROLE:
            continue
        if runs and runs[-1][1] == sp.start:
            runs[-1][1] = sp.end           # 检察官|助理: the model's two posts written as one
        else:
            runs.append([sp.start, sp.end])
    ends = {e for _, e, _ in listed}
    not_posts = doc.lex.word_set("role_words", "not_a_post")
    found = [(s, e, doc.text[s:e]) for s, e in runs if e not in ends and 2 <= e - s <= 6
             and doc.text[s:e] not in not_posts and not doc.overlaps(s, e) and read_name(doc, e) is not None]
    return sorted([t for t in listed if not any(s <= t[0] and t[1] <= e for s, e, _ in found)] + found)


def _org_before(doc: Doc, pos: int) -> tuple[EntityRef | None, int]:
    """An organization mention ending at `pos` (and where it starts); an organization followed by one of
    its units (南华大学附二医院 + 心内科) is that unit, a new organization named in full."""
    best = None
    if (short := next((m for m in CALLED.finditer(doc.text, max(0, pos - 24), pos) if m.end() == pos), None)) is not None:
        pos = short.start()       # 德州金宇机械股份有限公司（以下简称“金宇机械”）董事长: the company before its short name
    near = [m for k in range(pos, max(0, pos - 12) - 1, -1) for m in doc.ending_at(k, ORGANIZATION)]
    unit_at = pos
    for m in near:
        if m.ref is None:
            continue
        if m.end == pos:
            return m.ref, m.start
        gap = doc.text[m.end:pos]
        held, _, unit = gap.rpartition("兼")       # 市中医医院|副院长兼|急诊科: a post, then a unit of the same body
        if held and not _title_pattern(doc).fullmatch(held):
            continue
        if SUBUNIT.fullmatch(unit) and not _title_pattern(doc).search(unit) and (best is None or m.end > best.end):
            best, unit_at = m, pos - len(unit)
    if best is not None:
        start = best.start if unit_at == best.end else unit_at      # (兼急诊科: the unit's own words, the body elsewhere)
        ref = EntityRef(ORGANIZATION, best.ref.name + doc.text[unit_at:pos])
        doc.add(ORGANIZATION, start, pos, ref, claim=False)
        doc.record(ref).aliases.add(doc.text[start:pos])
        return ref, start
    return None, pos


def _deputy(doc: Doc, ts: int, te: int) -> bool:
    """Is 代表 at `ts` a deputy's seat: written right after a people's congress the text names (市人大|代表,
    全国人大|代表; EXTRACTION.md: 人大代表 is a role, the congress its organization), or after 人大 and before the
    deputy's name where the text names no congress (区人大代表王军: a deputy all the same; but 区人大代表、区政协委员
    共同参与 names no one)?"""
    return any(o.ref is not None and o.ref.name.endswith("人民代表大会") for o in doc.ending_at(ts, ORGANIZATION)) \
        or doc.text.endswith("人大", 0, ts) and (read_name(doc, te) is not None or _chain_to_a_name(doc, te))


def _chain_to_a_name(doc: Doc, te: int) -> bool:
    """Does another post follow after 、 and run on to a person's name in the clause (乡人大代表、塘源口村党支部书记祝春来)?"""
    if not doc.text.startswith("、", te):
        return False
    end = clause_end(doc.text, te)
    return any(read_name(doc, t.end()) is not None for t in _title_pattern(doc).finditer(doc.text, te, end))


def _deputy_of(doc: Doc, ts: int, title: str) -> tuple[int, str]:
    """The title with the 副 written right before it (副支队长, 副总工程师: the deputy of a post the lexicon lists alone;
    not 正副)."""
    text = doc.text
    if text.endswith("副", 0, ts) and not text.endswith("正副", 0, ts) and not doc.overlaps(ts - 1, ts):
        return ts - 1, "副" + title
    return ts, title


def _straddles(doc: Doc, s: int, e: int) -> bool:
    """Do both ends of text[s:e] fall inside tagger words, two different ones?"""
    a, b = doc.token_at(s), doc.token_at(e - 1)
    return a is not None and b is not None and a is not b and a.start < s and b.end > e


def _modified(doc: Doc, ts: int) -> int:
    """Where the role as written starts: before the words of its line of work or rank (设计总监, 高级策划经理,
    全媒体记者) written right before the post at `ts`."""
    text, ms = doc.text, ts
    while (mod := next((m for m in doc.lex.title_modifiers if text.endswith(m, 0, ms)
                        and not doc.overlaps(ms - len(m), ms)), None)) is not None:
        ms -= len(mod)
    return ms


def _bare(doc: Doc, title: str, tstart: int) -> tuple[str, int]:
    """A title and where its written prefix (全媒体, 第一届) starts."""
    text = doc.text
    p = tstart
    changed = True
    while changed:
        changed = False
        for pre in doc.lex.title_prefixes:
            if text.endswith(pre, 0, p):
                p -= len(pre)
                changed = True
                break
    return title, p


def run(doc: Doc) -> None:
    text = doc.text
    paper_ref = EntityRef(ORGANIZATION, doc.paper.org_name) if doc.paper.org_name else None
    units: list[Unit] = []
    context = ListPlace(doc)
    holders: tuple[int, EntityRef | None] | None = None     # where the last holders' names ended, and their body
    for ts, te, title in _titles(doc):
        if title == "代表" and not _deputy(doc, ts, te):
            continue          # 代表团, 代表…发言: no post; 市人大代表: a deputy to the city's congress
        if doc.overlaps(ts, te) and not _place_took(doc, ts, title):
            inner = next((o.end for o in doc.ending_at_or_in(ts, te, ORGANIZATION)), None)
            if inner is None or text[inner:te] not in doc.lex.titles or doc.overlaps(inner, te):
                continue
            ts, title = inner, text[inner:te]      # 市纪委书记: 书记 after the organization 市纪委
        if te < len(text) and text[te] in "会组室处" and title.endswith(("委员", "主任")):
            continue
        if text.startswith("节", te):
            continue          # 教师节, 记者节: a day, no post
        if _straddles(doc, ts, te):
            continue          # 这部|长篇: the tagger reads two other words across the title
        ts, title = _deputy_of(doc, ts, title)
        ms = _modified(doc, ts)
        _, ps = _bare(doc, title, ms)
        org, os_, title = _written_org(doc, title, units, ps)
        template = doc.lex.title_org(title)
        if org is not None and template == "-" and org.name.endswith(OUTLET_ENDINGS):
            org, os_ = None, ps       # 红网时刻通讯员: a correspondent's unit is not the outlet's (EXTRACTION.md)
        own = org is not None
        doc.add(ROLE, ms, te, value=title)
        if org is None and text.startswith("本报", ps - 2) and template != "-":
            org, os_, own = paper_ref, ps - 2, True
        if org is None and template == "{paper}" and (outlet := outlet_before(doc, ps) or dateline_outlet(doc, ps)):
            org, os_, own = outlet, ps, True      # 红网时刻衡阳3月12日讯(记者 蒋楠: 红网's reporter
        implied, known = implied_org(doc, title, at=ps)
        if not own and not known:
            org, os_ = office_of(doc, units, ps) or evidence_org(doc, ps, title)
            own = org is not None
        unit_start = os_ if own else ps
        if own and units and _joined(text, units[-1].end, os_):
            org = _committees(doc, org, units[-1], os_)       # 县委常委、宣传部部长: the 县委's 宣传部
        if not own:
            org = None
        written = text[unit_start:te]
        unit = Unit(unit_start, te, title, written, org, own)
        # 市委常委、宣传部部长，市委网信办主任刘建华: one chain, no name yet; 县委常委、县纪委书记: bodies no place names
        if units and (_joined(text, units[-1].end, unit.start if own else _unnamed_body(doc, ps))
                      or text[units[-1].end:unit.start] in ("，", ",") and unit.has_own_org):
            if not own:
                if known:
                    unit.org = implied
                else:
                    unit.org = town_government(doc, title, units[-1].org) or kind_above(doc, title, units[-1].org) \
                        or units[-1].org
            units.append(unit)
        else:
            if not own:
                unit.org = implied if known else _listed_body(doc, holders, title, ps) or named_town_government(doc, title, ps)
            units = [unit]
        names, byline = _names_after(doc, title, ts, te)
        if names and byline and title in doc.lex.word_set("role_words", "credit"):
            units = []            # 编辑：冯玉, 编辑 冯玉: a credit, the person holds no post by it
            continue
        if names:
            context.apply(units)
            _emit(doc, units, names)
            context.after(units, names[-1][1])
            holders, units = (names[-1][1], units[-1].org), []
            continue
        # a name before the title: 习近平总书记, 胡冬（爱迪国际董事长）; names counted into it: 刘梦华等20名教师
        before = _name_before(doc, units[0].start, title, te)
        listed = [before] if before is not None else _counted_before(doc, units[0].start)
        if before is not None and text.startswith("、", te) and text[before[1]:units[0].start].endswith(("（", "(")):
            continue              # 王涛（区委常委、常务副区长）: the bracket's chain goes on, and is his
        if listed:
            _emit(doc, units, listed)
            units = []


def kind_above(doc: Doc, title: str, org: EntityRef | None) -> EntityRef | None:
    """The body of the kind a title belongs to (院长: a 医院) that the chain's unit lies in (大理州人民医院外科主任、副院长:
    the hospital's, not the ward's), when the unit is named in full after it."""
    if org is None:
        return None
    for ending in doc.lex.title_kinds(title):
        k = org.name.rfind(ending)
        if k > 0 and k + len(ending) < len(org.name):
            return EntityRef(ORGANIZATION, org.name[:k + len(ending)])
    return None


def _listed_body(doc: Doc, holders: tuple[int, EntityRef | None] | None, title: str, ps: int) -> EntityRef | None:
    """The body of the holders listed just before a post that names none and implies none: the same body after 、
    (八里湖特勤站站长刘国栋、指导员胡海涛); after a comma, where the post is its head by the body's own word
    (九江市消防救援支队…李建刚，支队长周文华)."""
    if holders is None or holders[1] is None:
        return None
    gap, body = doc.text[holders[0]:ps], holders[1]
    if "{" in (doc.lex.title_org(title) or "") and gap in ("、", "，", ","):
        return town_government(doc, title, body)      # 龟山镇党委书记蔡志鹏、镇长陶红: the town's government, or none
    if gap == "、":
        return body
    head = title.removeprefix("常务").removeprefix("副")
    return body if gap in ("，", ",") and len(head) >= 3 and head.endswith("长") and body.name.endswith(head[:-1]) else None


def _names_after(doc: Doc, title: str, ts: int, te: int) -> tuple[list[tuple[int, int]], bool]:
    """The names the title phrase ending at `te` is followed by, and whether they are written as a byline's are
    (记者：张大伟 通讯员：刘芳 with a colon or 记者/张大伟 a slash, 记者 张大伟 with a space)."""
    text = doc.text
    pos, byline = te, False
    if text[te:te + 1] in ("：", ":", "/", "／") and doc.lex.title_org(title) in ("{paper}", "-"):
        pos, byline = pos + 1, True
    while pos < len(text) and text[pos] in SPACES:
        pos, byline = pos + 1, True
    if (note := NOTE.match(text, pos)) is not None and read_name(doc, note.end()):
        pos = note.end()        # 副局长（正科级）唐建国: a note on the post, then its holder
    if text.startswith("的", pos) and THEN_HELD.search(text, max(0, ts - 16), ts) and read_name(doc, pos + 1):
        pos += 1                # 时任县委书记的刘建华: the post he held then
    if (retired := RETIRED.match(text, pos)) is not None and FORMER.search(text, max(0, ts - 20), ts) \
            and read_name(doc, retired.end()):
        pos = retired.end()     # 原邢台市人大常委会副主任，离休干部王德山同志: an obituary's lead, his former post
    bylined = in_byline(text, ts)
    names = read_names(doc, pos, spaces=byline or bylined)
    if not names and byline and not bylined and pos > te and text[te:pos].isspace():
        names = read_names(doc, pos)      # 副市长 何志强参加观摩: a space the page set, then the name in a sentence
    if not names and bylined and (n := glued_byline_name(doc, pos)) is not None:
        names = [(pos, pos + n)]        # （记者商为智实习生陈文波）
    if not names and (tok := doc.token_at(pos)) is not None and tok.start == pos and tok.pos == "nr" \
            and len(tok.word) >= 3 and foreign_name(tok.word, doc.lex) and text[tok.end:tok.end + 1] not in DOTS:
        names = [(pos, tok.end)]        # 国家杜马主席谢列兹尼奥夫: a transliterated name the tagger read whole
    return names, byline


def _body_in_title(doc: Doc, title: str, units: list[Unit], start: int) -> tuple[EntityRef, str] | None:
    """(the body, the bare title) of a title that begins with a party body's stem (政法委书记, 纪委书记): the body of
    the place the phrase's previous unit is written with (区委常委、政法委书记: the 区's), else of the paper's city."""
    lex = doc.lex
    stem = lex.starting("party_bodies", lex.party_bodies, title, 0)
    if stem is None or stem in ("委", "委员会") or title[len(stem):] not in lex.titles:
        return None
    place = "市"
    if units and _joined(doc.text, units[-1].end, start):
        prev = units[-1]
        written = prev.written[:len(prev.written) - len(prev.title)]
        if not written:          # 区委常委 where no county is known: the 区委 mention names no organization
            written = next((m.text for m in doc.ending_at(prev.start, ORGANIZATION)), "")
        place = written.removeprefix("中共").removesuffix("委员会").removesuffix("委") or place
    res = canonical(place + stem, doc, doc.home)
    return (EntityRef(ORGANIZATION, res[0]), title[len(stem):]) if res is not None else None


def _written_org(doc: Doc, title: str, units: list[Unit], ps: int) -> tuple[EntityRef | None, int, str]:
    """(organization, where it is written, bare title) of the title written from `ps`, by what is written before it
    or in it; (None, ps, title) where nothing is."""
    org, os_ = shared_body(doc, title, ps) or _org_before(doc, ps)        # (市公安局长: the 局 the post shares)
    if (unit := grassroots_post(doc, title, ps, org, os_)) is not None:
        return unit
    if org is None and title[:1] == "部":
        org, os_ = _org_before(doc, ps + 1)       # 中共衡阳市委宣传部|长: the 部 is the department's and the title's
    if org is None and (gov := place_government(doc, title, ps)) is not None:
        org, os_ = gov          # 耒阳市副市长: 耒阳市人民政府, not the paper's city's
    if org is None and (split := _body_in_title(doc, title, units, ps)) is not None:
        (org, title), os_ = split, ps          # 区委常委、政法委书记: 书记 of the 区委's 政法委
    if org is None and title.endswith("馆长") and (hall := next(iter(doc.ending_at(ps, PLACE)), None)) is not None \
            and hall.ref is not None and hall.ref.name.endswith("馆"):
        org, os_ = EntityRef(ORGANIZATION, hall.ref.name), hall.start     # 洛阳博物馆馆长: the museum, the body he heads
        doc.add(ORGANIZATION, hall.start, hall.end, org, claim=False)
    if (org is None or org.name == doc.text[os_:ps]) and (unit := unit_of_the_one(doc, ps, org, os_)) is not None:
        retarget(doc, os_, org, unit[0])
        org, os_ = unit         # 麻醉科主任 in a story of one hospital: 南阳市中心医院麻醉科
        doc.record(org, doc.text[os_:ps])
    if (own := its_own(doc, org, os_, ps)) is not None:
        org, os_, party = own
        if party == "党组" and title in ("书记", "副书记"):
            title = "党组" + title          # 局党组书记: 党组书记 of the bureau the article named
    region = doc.home.province if doc.home is not None else None
    if org is None and title in ("主席", "副主席") and doc.text.endswith("自治区", 0, ps) and region is not None \
            and region.name.endswith("自治区"):
        org, os_ = EntityRef(ORGANIZATION, f"{region.name}人民政府"), ps - 3    # 自治区主席: the region's government
    return org, os_, title


def _place_took(doc: Doc, ts: int, title: str) -> bool:
    """Did a place's or organization's name take the first character of the title at `ts` (郴州市|长: the tagger's
    郴州市, then 长; 中共衡阳市委宣传部|长)?"""
    return any(m.start < ts and doc.text[ts] == title[0] for m in doc.ending_at(ts + 1, PLACE, ORGANIZATION))


def _committees(doc: Doc, org: EntityRef, prev: Unit, start: int) -> EntityRef:
    """A party department written bare (宣传部) after a post of a party committee (中共祁东县委员会's 常委) in one
    phrase is that committee's (中共祁东县委宣传部), its mention at `start` too; any other organization is itself."""
    lex = doc.lex
    departments = {k[1:] for k in lex.party_bodies if k.startswith("委") and k.endswith("部")}
    committee = prev.org.name if prev.org is not None else ""
    dept = org.name if org.name in departments else org.name + "部"      # 宣传部长: 宣传 and a 部 shared with 部长
    if dept not in departments or not (committee.startswith("中共") and committee.endswith("委员会")):
        return org
    res = canonical(committee[2:-3] + "委" + dept, doc, doc.home)
    if res is None:
        return org
    dept = EntityRef(ORGANIZATION, res[0])
    retarget(doc, start, org, dept)
    doc.record(dept, org.name)
    return dept


def _unnamed_body(doc: Doc, ps: int) -> int:
    """Where a body of a level no place names is written right before the post at `ps` (县纪委|书记 in a city's paper
    that names no county), else `ps`: a chain of such posts is one (县委常委、县纪委书记、县监委主任王振宇 holds all
    three)."""
    bodies = doc.lex.derived("unnamed_bodies", lambda: re.compile(
        "(?:" + "|".join(sorted(map(re.escape, [*doc.lex.party_bodies, *GRASSROOTS_BODIES]), key=len, reverse=True))
        + ")$"))
    m = bodies.search(doc.text, max(0, ps - 8), ps)
    before = doc.text[m.start() - 1] if m is not None and m.start() > 0 else ""
    if before == "、":
        return m.start()        # 镇党委书记、人大主席, 村党支部书记、村委会主任: the chain's level is the body's
    return m.start() - 1 if before and before in BODY_LEVELS else ps


BODY_LEVELS = "省市县区镇乡"
GRASSROOTS_BODIES = ("村委会", "居委会", "村民委员会", "居民委员会")


def _joined(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end:start]
    return between in ("", "、", "兼", "和", "及")


RETIRED = re.compile(r"[，,](?:离休|退休|老)?干部|[，,]老(?:党员|同志)")
FORMER = re.compile(r"(?:^|[。\n])原[^，,。；\n]*$")      # 原…: a post the sentence opens with, held before
THEN_HELD = re.compile(r"(?:时任|曾任|现任|原任)[^，,。；、\n]*$")
PERSONAL_NOTE = re.compile(r"[（(](?:(?:女|男|[\u4e00-\u9fff]{1,3}族)[，,、]\s*)+$")


def _name_before(doc: Doc, start: int, title: str, end: int) -> tuple[int, int] | None:
    text = doc.text
    start -= next((len(w) for w in ("原", "现任", "时任", "前任") if text.endswith(w, 0, start)), 0)   # 刘卫东（原…局长）
    if (note := PERSONAL_NOTE.search(text, max(0, start - 12), start)) is not None:
        start = note.start() + 1                 # 陈红梅（女，副市长）: a note on the person, then the post
    body = _body_start(doc, chain_start(doc, start))     # 谢春燕，衡南县宝盖镇|宝盖村党总支书记: the places its body
    #                                                       is written after; 国网衡阳供电公司|工会|副主席: the body
    for at in (start, body):
        if at > 0 and text[at - 1] in "（(":       # (何秀英（濂溪街道濂溪社区党委书记）: the places in the bracket too)
            p = at - 1
            for n in (3, 2, 4):
                if p - n >= 0 and read_name(doc, p - n) == n:
                    return p - n, p
            return None
    start = body
    if start > 2 and text[start - 1] in "，,是 　" and text[end:end + 1] in ("。", "，", ",", "；", ";", "\n", ""):
        # 张丽君，市委组织部副部长、市人社局局长。: a sentence that opens with the name, the whole phrase after it;
        # 王海龙　赤峰黄金冶炼有限公司电解车间主任: a list's row, the name, a space, the post to the line's end
        p = start - 1
        while p > 0 and text[p] in " 　" and text[p - 1] in " 　":
            p -= 1
        for n in (3, 2):
            if p - n >= 0 and _opens_sentence(doc, p - n) and read_name(doc, p - n) == n:
                return p - n, p
    if bare_post(title) not in doc.lex.word_set("role_words", "name_first"):
        return None           # (邓国华副市长指出: 市长's deputy)
    for n in (3, 2):
        s = start - n
        if s >= 0 and valid_name(text[s:start], doc.lex):
            tok = doc.token_at(s)
            if tok is not None and tok.start == s and tok.pos.startswith("nr") and tok.end == start:
                return s, start
    return None


def _body_start(doc: Doc, start: int) -> int:
    """Where the nouns written right before a post start, back to a comma (王颖，国网衡阳供电公司工会副主席: the
    company and its union); `start` itself where anything else (a verb, a number) stands between."""
    text = doc.text
    k = max(text.rfind("，", max(0, start - 20), start), text.rfind(",", max(0, start - 20), start))
    if k < 0 or k + 1 == start:
        return start
    i = doc.token_index(k + 1)
    while 0 <= i < len(doc.tokens) and doc.tokens[i].start < start:
        if doc.tokens[i].pos not in BODY_POS:
            return start
        i += 1
    return k + 1


BODY_POS = ("n", "nt", "ns", "nz", "j")


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Does a sentence open at `k`, or only its day before it (4月21日，王颖，…副主席，负责…)?"""
    text = doc.text
    if k == 0 or text[k - 1] in "。！？\n：:；;":
        return True
    return text[k - 1] in "，," and any(m.end == k - 1 and (m.start == 0 or text[m.start - 1] in "。！？\n")
                                       for m in doc.mentions(DATE))


COUNTED = re.compile(r"等\s*(?:\d{1,4}|[一二两三四五六七八九十百]{1,4})\s*[名位]$")


def _counted_before(doc: Doc, start: int) -> list[tuple[int, int]]:
    """The names a count of post holders follows (授予刘梦华、李明等20名教师: 刘梦华 and 李明 are 教师), each where a
    word of the tagger's starts (no 辛格 inside 基辛格等8位前国务卿)."""
    text = doc.text
    m = COUNTED.search(text, max(0, start - 8), start)
    out: list[tuple[int, int]] = []
    p = m.start() if m else -1
    while p > 0:
        n = next((n for n in (3, 2) if p - n >= 0 and read_name(doc, p - n) == n and doc.is_boundary(p - n)), None)
        if n is None:
            break
        out.insert(0, (p - n, p))
        p = p - n - 1 if text[p - n - 1:p - n] in ("、", "，") else 0
    return out


def _emit(doc: Doc, units: list[Unit], names: list[tuple[int, int]]) -> None:
    scope = doc.paper.city
    for s, e in names:
        ref = EntityRef(PERSON, person_name(doc.text[s:e]), scope)
        if doc.add(PERSON, s, e, ref) is None:
            existing = [m for m in doc.mentions(PERSON, by_start=False) if m.start == s and m.end == e]
            if not existing:
                continue
        for u in units:
            if u.title in doc.lex.occupations:
                continue          # 艺术家 is what someone is, not a post they hold
            if u.org is None and any(m.person == ref and m.title == u.title and m.org is not None for m in doc.memberships):
                continue          # 市委书记邓立新…。邓立新书记指出: the post said before with its body
            aliases = {u.written} if u.written != u.title else set()
            doc.add_membership(Membership(ref, u.title, u.org, aliases))
