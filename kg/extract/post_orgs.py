"""The organization a post implies where the text writes none before it: 市长 the city's government, 西渡镇镇长 the
town's, 院长 the one hospital the article names, 记者 the paper's or the outlet its dateline names; a unit written
without its seat (村委会, 社区党委) the village's or community's the article named; a name written before a
corporate title that no other rule found (爱迪国际董事长: evidence_org). Read by roles.py."""
from __future__ import annotations

import re
from collections import Counter

from ..datamodel import ORGANIZATION, PLACE, ROLE, EntityRef
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, gazetteer
from .doc import Doc
from .geo import Home, leading_place
from .names import HAN_RUN, valid_name
from .org_names import DATELINE, canonical, company_named_first, district_name, mention_antecedent, named_with


def implied_org(doc: Doc, title: str, home: Home | None = None, at: int | None = None) -> tuple[EntityRef | None, bool]:
    """(organization, known) that a title implies by itself: 市长 -> the city's government (`home`'s city: the
    paper's, unless a list of officials is about another); a county head's written at `at`, the county its sentence
    named before it."""
    template = doc.lex.title_org(title)
    if template is None:
        return None, False
    if template == "-":
        return None, True
    if template.startswith("@"):
        return _the_one(doc, doc.lex.title_kinds(title))
    if at is not None and (here := _sentence_county_government(doc, template, at)) is not None:
        return here, True        # 在怀远县分会场，县长孔德胜: the county its sentence named, not home's
    if at is not None and _abroad(doc, at):
        return None, True        # 印度总理瓦杰帕伊: another country's premier, not the State Council's
    paper = doc.paper
    values = {"city": paper.city, "province": paper.province,
              "paper": "" if paper.guessed and "本报" not in doc.text else paper.org_name}   # 记者 X of whom?
    home = home or doc.home
    if home is not None and home.city is not None:
        values["city"] = home.city.name       # a list's other city, or the desk's county-level city (义乌讯)
        if home.city.level == COUNTY and not home.city.name.endswith("市") and (up := gazetteer().parent(home.city)):
            values["city"] = up.name          # a county's or district's outlet (衡南, 南岳): 市长 is its city's
        if title.endswith("州长") and (prefecture := home.by_level_word("州")) is not None:
            values["city"] = prefecture.name  # 副州长 in a county-level city's outlet (延吉): 延边州's
    values["county"] = district_name(home.county) if home.county is not None else ""
    if "{county}" in template and not values["county"] or "{town}" in template:
        return None, False      # 镇长: only the town written before it says which (place_government)
    if any(f"{{{k}}}" in template and not v for k, v in values.items()):
        return None, False
    name = template.format(**values)
    if doc.lex.organizations.get(name):
        name = doc.lex.organizations[name]
    return EntityRef(ORGANIZATION, name), True


def _abroad(doc: Doc, at: int) -> bool:
    """Is a country other than China named right before `at` (印度|总理), or before a city of it (韩国金海市|市长)?"""
    return any(m.ref is not None and m.ref.name not in ("中国", "中华人民共和国")
               and (info := doc.info(m.ref)) is not None and info.kind == "country"
               for e in range(at, max(0, at - 8) - 1, -1) if HAN_RUN.fullmatch(doc.text, e, at) or e == at
               for m in doc.ending_at(e, PLACE))


def _the_one(doc: Doc, endings: tuple[str, ...]) -> tuple[EntityRef | None, bool]:
    """The organization with one of `endings` (医院) the article names most, counting a short form (正元创伤外科医院)
    as the longer name it ends (吕梁正元创伤外科医院); none where two are named equally often."""
    refs = [m.ref for m in named_with(doc, endings)]
    names = {r.name: r for r in refs}
    counts = Counter(max((n for n in names if n.endswith(r.name)), key=len) for r in refs)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None, False
    return names[ranked[0][0]], True


def unit_of_the_one(doc: Doc, ps: int, org: EntityRef | None, os_: int) -> tuple[EntityRef, int] | None:
    """(the unit, where it is written) a post at `ps` is held in, where the words before it name a ward or a workshop
    written alone (麻醉科主任, 铸造分厂厂长, or the tagger's organization 心血管内科) and the article is about one hospital or
    one company: that one's unit, named with it (南阳市中心医院麻醉科, org_units.tsv's ward and works)."""
    units = doc.lex.org_units
    start = os_ if org is not None and org.name == doc.text[os_:ps] else _nouns_before(doc, ps)
    written = doc.text[start:ps]
    for kind in ("ward", "works"):
        ending = next((w for w in units.get(kind, ()) if written.endswith(w)), None)
        if ending is None or len(written) <= len(ending) or written.endswith(NOT_A_UNIT):
            continue
        parent, known = _the_one(doc, tuple(units.get(kind + "_of", ())))
        if known and parent is not None and not written.startswith(parent.name[:2]):
            return EntityRef(ORGANIZATION, parent.name + written), start
    return None


NOT_A_UNIT = ("学科", "本科", "专科", "工科", "文科", "理科", "百科")      # no ward


def _nouns_before(doc: Doc, ps: int) -> int:
    """Where the nouns the tagger writes right before `ps` start (at most six characters back): 心血管|内科."""
    k = doc.token_index(ps - 1)
    start = ps
    while k >= 0 and doc.tokens[k].end == start and doc.tokens[k].pos in ("n", "nz", "nt", "j", "vn") \
            and ps - doc.tokens[k].start <= 6 and doc.tokens[k].word not in ("该院", "本院", "该厂", "本厂"):   # (该院|高压氧科)
        start = doc.tokens[k].start
        k -= 1
    return start


def place_government(doc: Doc, title: str, ps: int) -> tuple[EntityRef, int] | None:
    """(the government, where its place starts) that a head's title implies when a place of that level is written
    right before it, or took the title's first character: 耒阳市副市长, 衡南县县长, 郴州市长, 西渡镇镇长."""
    template = doc.lex.title_org(title) or ""
    slot = next((k for k in ("province", "city", "county", "town") if f"{{{k}}}" in template), None)
    m = next((m for k in (ps, ps + 1) for m in doc.ending_at(k, PLACE) if m.start < ps), None) if slot else None
    if m is None:
        return None
    if slot == "town":          # 西渡镇镇长: the town's government
        info = doc.info(m.ref) if m.ref is not None else None
        if info is None or info.kind != "town" or not m.ref.name.endswith(("镇", "乡")):
            return None
        return EntityRef(ORGANIZATION, template.format(town=m.ref.name)), m.start
    lp = leading_place(doc.text[m.start:m.end], doc.home)
    if lp is None or lp[1] != m.end - m.start:
        return None
    d = lp[0]
    fits = {"province": d.level == PROVINCE, "city": d.name.endswith("市") or d.level == CITY and d.name.endswith(("州", "盟")),
            "county": d.level == COUNTY and d.name.endswith(("县", "区", "旗"))}[slot]
    if not fits:
        return None
    return EntityRef(ORGANIZATION, template.format(**{slot: district_name(d) if slot == "county" else d.name})), m.start


def named_town_government(doc: Doc, title: str, ps: int) -> EntityRef | None:
    """The government a town head's title written alone (镇长) implies: that of the town the article named last before
    it (漳江镇召开推进会。镇党委书记李明主持，镇长石建军讲话), as 镇党委 alone is that town's party committee."""
    template = doc.lex.title_org(title) or ""
    if "{town}" not in template:
        return None
    level = "乡" if "乡" in title else "镇"
    towns = [(m.end, m.ref.name) for m in doc.mentions(PLACE) if m.end <= ps and m.ref is not None
             and m.ref.name.endswith(level) and (info := doc.info(m.ref)) is not None and info.kind == "town"]
    towns += [(m.end, g.group(1)) for m in doc.mentions(ORGANIZATION) if m.end <= ps and m.ref is not None
              and (g := re.fullmatch(rf"(.+{level})人民政府", m.ref.name))]      # 西渡镇人民政府…镇长: that town's
    return EntityRef(ORGANIZATION, template.format(town=max(towns)[1])) if towns else None


def _sentence_county_government(doc: Doc, template: str, ps: int) -> EntityRef | None:
    """The government (by a title's `template`) of the county its sentence named before a county head's title written
    alone at `ps` (在怀远县分会场，县委副书记、县长孔德胜出席: 怀远县's, not the home county's)."""
    if "{county}" not in template:
        return None
    ss, _ = doc.sentence_span(ps)
    counties = [m for m in doc.mentions(PLACE) if ss <= m.start and m.end <= ps and m.ref is not None
                and (info := doc.info(m.ref)) is not None and info.kind == "county" and m.ref.name.endswith(("县", "旗"))]
    if not counties:
        return None
    lp = leading_place(counties[-1].ref.name, doc.home)
    return EntityRef(ORGANIZATION, template.format(county=district_name(lp[0]))) if lp is not None else None


TOWN_COMMITTEE = re.compile(r"^(?:中共)?(.+?[镇乡])(?:党委|委员会)$")


def town_government(doc: Doc, title: str, org: EntityRef | None) -> EntityRef | None:
    """The government a town head's title (镇长) implies when the post before it is at the town's party committee
    (中路铺镇党委副书记、镇长李明; 龙门镇党委书记罗斌，镇长谢文): that town's, not its party committee."""
    template = doc.lex.title_org(title) or ""
    if "{town}" not in template or org is None or (m := TOWN_COMMITTEE.match(org.name)) is None:
        return None
    return EntityRef(ORGANIZATION, template.format(town=m.group(1)))


GRASSROOTS_UNITS = {            # a unit written without its street, community or village -> (the seat's ending, its body)
    "街道办事处": ("街道", "办事处"), "办事处": ("街道", "办事处"), "党工委": ("街道", "党工委"),
    "社区党委": ("社区", "党委"), "社区党总支": ("社区", "党总支"), "社区党支部": ("社区", "党支部"),
    "居委会": ("社区", "居民委员会"), "社区居委会": ("社区", "居民委员会"),
    "村党支部": ("村", "党支部"), "村党总支": ("村", "党总支"), "村党委": ("村", "党委"), "村委会": ("村", "村民委员会"),
    "镇党委": ("镇", "党委"), "乡党委": ("乡", "党委"),
}


SEAT_BODIES = ("", "党支部", "党总支", "党委", "党工委", "办事处", "村民委员会", "居民委员会", "委员会")


def grassroots_unit(doc: Doc, written: str, pos: int) -> EntityRef | None:
    """The body a unit written without its seat (社区党委, 村委会, 街道办事处) before `pos` is: that of the street, community
    or village the article named last before it, alone (在幸福社区，社区党委书记) or in a body's name (桃源县漳江街道党工委书记
    陈飞…，街道办事处主任刘芳); None where it named none."""
    unit = GRASSROOTS_UNITS.get(written)
    if unit is None:
        return None
    ending, body = unit
    seat = re.compile(rf"^(?:中共)?(.+{ending})")
    seats = [(m.end, len(s.group(1)), s.group(1)) for m in doc.mentions(PLACE, ORGANIZATION)
             if m.end <= pos - len(written) and m.ref is not None
             and (s := seat.match(m.ref.name)) is not None and len(s.group(1)) > len(ending)
             and m.ref.name[s.end():] in SEAT_BODIES]      # (not 衡阳市农业农村|局: a bureau, no village)
    return EntityRef(ORGANIZATION, max(seats)[2] + body) if seats else None     # the last named, written in full


def dateline_outlet(doc: Doc, pos: int) -> EntityRef | None:
    """The outlet that opens the dateline a byline at `pos` follows, in brackets or not (红网时刻衡阳3月12日讯(记者
    蒋楠 实习生 陶姗姗): 红网; 中国衡阳新闻网讯 记者梁铨显报道), if the article names it as an organization."""
    text = doc.text
    k = max(text.rfind("(", max(0, pos - 30), pos), text.rfind("（", max(0, pos - 30), pos))
    if k < 1 or any(c in text[k:pos] for c in ")）。，；\n"):
        k = len(text[:pos].rstrip(" \u3000\t"))         # 中国衡阳新闻网讯 记者梁铨显报道: no brackets
        if k < 1 or text[k - 1] not in "讯电":
            return None
    for m in doc.mentions(ORGANIZATION):
        if m.ref is not None and m.end < k and (d := DATELINE.match(text, m.end)) is not None and d.end() == k:
            return m.ref
    return None


OUTLET_ENDINGS = ("网", "报", "报社", "电视台", "广播电视台", "融媒体中心", "新闻中心", "通讯社")
APP = re.compile(r"(?:[·\s]?(?:[\u4e00-\u9fff]{0,4}新闻|时刻|客户端|全媒体))+")


def outlet_before(doc: Doc, pos: int) -> EntityRef | None:
    """The outlet a byline names before its reporter's title at `pos`, with its app or channel between (红网时刻新闻|记者,
    大众网·海报新闻|记者): that outlet."""
    text = doc.text
    for k in range(pos - 1, max(0, pos - 10), -1):
        for m in doc.ending_at(k, ORGANIZATION):
            if m.ref is not None and m.ref.name.endswith(OUTLET_ENDINGS) and APP.fullmatch(text, m.end, pos):
                return m.ref
    return None


def grassroots_post(doc: Doc, title: str, ps: int, org: EntityRef | None, os_: int) -> tuple[EntityRef | None, int, str] | None:
    """(the body, where it is written, the bare title) of a post at a unit written without its seat (社区党委书记, 村委会主任,
    村|党支部书记: 书记 at the village's 党支部) in an article that named the street, community or village before it."""
    text = doc.text
    lead = next((b for b in ("党支部", "党总支", "党委") if title.startswith(b) and title[len(b):] in doc.lex.titles), "")
    if lead and org is None and text.endswith(("村", "社区", "镇", "乡"), 0, ps):
        written = ("社区" if text.endswith("社区", 0, ps) else text[ps - 1]) + lead   # 村党支部书记: 书记 of the 村党支部
        end, title = ps + len(lead), title[len(lead):]
    else:
        written = text[os_:ps] if org is not None else next((w for w in GRASSROOTS_UNITS if text.endswith(w, 0, ps)), "")
        end = ps
    if written not in GRASSROOTS_UNITS:
        return None
    seat = grassroots_unit(doc, written, end)
    if org is not None:
        retarget(doc, os_, org, seat)          # 社区党委 alone: the community's the article named, not a body of its own
    if seat is None:
        return None, ps, title                  # 村委会主任 in no village named: 主任, of no body the graph can name
    doc.record(seat, written)
    return seat, end - len(written), title


def retarget(doc: Doc, start: int, old: EntityRef | None, new: EntityRef | None) -> None:
    """The organization mention at `start` names `new` (None: nothing); `old` keeps its record only if another mention
    names it."""
    orgs = doc.mentions(ORGANIZATION, by_start=False)
    for m in orgs:
        if m.start == start and m.ref == old:
            m.ref = new
    if old is not None and old != new and not any(m.ref == old for m in orgs):
        doc.forget(old)


def office_of(doc: Doc, units: list, ps: int) -> tuple[EntityRef, int] | None:
    """(the office, where it is written) of a post after a post at a body, written with 办公室 alone
    (市政府副秘书长、办公室主任杨光: 主任 of 济宁市人民政府办公室)."""
    if not units or units[-1].org is None or not units[-1].has_own_org:
        return None
    prev, text = units[-1], doc.text
    office = text[prev.end + 1:ps]
    if text[prev.end:prev.end + 1] != "、" or office not in ("办公室", "办公厅"):
        return None
    body = prev.written[:len(prev.written) - len(prev.title)].removesuffix("副").removesuffix("常务")
    res = canonical(body + office, doc, doc.home) if body else None
    if res is None:
        return None
    ref = EntityRef(ORGANIZATION, res[0])
    doc.add(ORGANIZATION, prev.end + 1, ps, ref, claim=False, alias=office)
    return ref, prev.end + 1


QUALIFIER = re.compile(r"(?:[\u4e00-\u9fff]{2,8}(?:区域|地区|大区|片区|分部|事业部))$")


def evidence_org(doc: Doc, start: int, title: str) -> tuple[EntityRef | None, int]:
    """A name before a corporate title that no other rule found: 爱迪国际 in 爱迪国际董事长; or an ending written alone
    before any title (集团党委书记, 分局局长, 公司总经理): the organization named before it with that ending."""
    text = doc.text
    s = start
    while s > 0 and text[s - 1] not in "，,。；;：:、！？\n（）()“”\"' 　" and start - s < 16 \
            and not (text[s - 1] == "兼" and doc.ending_at(s - 1, ROLE)):
        s -= 1            # (国务委员兼|国防部长: a post, then the next one's body)
    seg = text[s:start]
    if seg.endswith(tuple(GRASSROOTS_UNITS)):
        return None, start        # 村委会主任 in no village named (grassroots_post); 向左金文颁发了村委会主任的聘书
    if seg in doc.lex.org_suffixes:
        ref = mention_antecedent(doc, s, start)
        return ref, (s if ref is not None else start)
    if title not in doc.lex.word_set("role_words", "corporate"):
        return None, start
    q = QUALIFIER.search(seg)
    if q:   # 腾讯互娱湖南区域负责人: the qualifier starts at the place name
        for k in range(q.start(), q.end() - 2):
            if leading_place(seg[k:], doc.home) is not None:
                seg = seg[:k]
                break
    i = 0
    while i < len(seg):
        tok = doc.token_at(s + i)
        if tok is None or not (tok.pos.startswith(("v", "p", "c", "d", "u", "r", "m")) and tok.pos != "vn"):
            break
        i = tok.end - s
    k = i
    while k < len(seg):    # past the last function word of two characters, or preposition (力挺10号|队长, 手术由|科主任)
        tok = doc.token_at(s + k)
        if tok is None:
            break
        if tok.pos.startswith(("p", "c", "d", "u", "r", "m", "q")) and (len(tok.word) >= 2 or tok.pos == "p"):
            i = min(len(seg), tok.end - s)
            while i < len(seg):
                t = doc.token_at(s + i)
                if t is None or not (t.pos.startswith(("v", "p", "c", "d", "u", "r", "m")) and t.pos != "vn"):
                    break
                i = t.end - s
        k = max(tok.end - s, k + 1)
    seg = seg[i:]
    if seg.endswith("由") and not seg.endswith("自由"):
        seg = seg[:-1]        # 该案由|副院长陈立群担任审判长: the tagger's 案由 holds the preposition (by), no name
    if seg in doc.lex.org_suffixes:       # 公司总经理: the company named before
        ref = mention_antecedent(doc, s + i, start)
        return ref, (s + i if ref is not None else start)
    if len(seg) < 2 or valid_name(seg, doc.lex) or seg in doc.lex.word_set("organization_words", "generic") or (
            doc.overlaps(s + i, s + i + len(seg)) and not doc.drop_weak(s + i, s + i + len(seg))):
        return None, start        # 大会主席团常务主席: the session's presidium, no organization the graph can name
    if any(w in seg for w in ("相关", "有关", "主要", "部门", "单位", "企业", "该", "各", "的", "等")) or _a_clause(doc, s + i, start):
        return None, start
    if _no_name(doc.tokens_in(s + i, start), start):
        return None, start
    shared = "部" if title.endswith("部长") and not seg.endswith("部") else ""     # 国防|部长: the 部 is the ministry's too
    ref = EntityRef(ORGANIZATION, company_named_first(doc, seg) or seg + shared)     # 国联水产董事长: the company named before
    doc.add(ORGANIZATION, s + i, s + i + len(seg), ref, alias=seg + shared)
    own = its_own(doc, ref, s + i, start)          # 该院骨科主任: the hospital's 骨科
    return (own[0], own[1]) if own is not None else (ref, s + i)


def _no_name(tokens: list, title: int) -> bool:
    """Are the words before a title at `title` no name: ending in a conjunction (老板或|经理), joined by one to a word
    the title cuts (马列著作和毛|主席; 圣多美和普林西比民主统一党 is a name), or with no noun among them (建立健全|董事会)?"""
    joined = any(t.pos == "c" for t in tokens)
    return tokens[-1].pos == "c" or joined and tokens[-1].end > title \
        or all(t.pos.startswith(("a", "v", "d")) and t.pos != "vn" for t in tokens)


def _a_clause(doc: Doc, s: int, e: int) -> bool:
    """Is text[s:e] a clause rather than a name: a person's name and a verb (李卓奇兼任了|总经理, 锦旗献给李素芝|院长),
    or a particle (了, 着, 过) inside?"""
    toks = doc.tokens_in(s, e)
    return any(t.pos == "u" for t in toks) or (
        any(t.pos == "nr" for t in toks) and any(t.pos.startswith("v") and t.pos != "vn" for t in toks))


SELF_NAMED = re.compile(r"(?:该|本)?([局院校所厅委办])(党组|党委)?")


def its_own(doc: Doc, org: EntityRef | None, os_: int, ps: int) -> tuple[EntityRef, int, str] | None:
    """The body a post written with its kind alone belongs to (市财政局…局党组书记, 该局局长, 院党委书记): the last one
    of that kind the article named before it; with the party body written (党组, 党委), which one."""
    text = doc.text
    if org is not None and (m := re.fullmatch(r"(?:该|本)([局院校所])", text[max(0, os_ - 2):os_])) is not None \
            and len(org.name) <= 6 and leading_place(org.name, doc.home) is None:
        named = [x for x in doc.mentions(ORGANIZATION) if x.end <= os_ - 2 and x.ref is not None
                 and x.ref.name.endswith(m.group(1))]        # 该院骨科主任: the hospital's 骨科
        if not named:
            return None
        unit = EntityRef(ORGANIZATION, named[-1].ref.name + org.name)
        doc.record(unit).aliases.add(org.name)
        return unit, os_ - 2, ""
    if org is not None and (m := SELF_NAMED.fullmatch(org.name)) is not None:
        start, kind, party = os_, m.group(1), m.group(2) or ""
    elif org is None and (m := re.search(r"(?:该|本|^[，,。；\n])([局院校所厅委办])$", text[max(0, ps - 2):ps])) is not None:
        start, kind, party = ps - 1 if m.group().startswith(tuple("，,。；\n")) else ps - 2, m.group(1), ""
        #   (该局局长, 院党委书记 at a clause's start)
    else:
        return None
    named = [x for x in doc.mentions(ORGANIZATION) if x.end <= start and x.ref is not None and x.ref.name.endswith(kind)
             and not SELF_NAMED.fullmatch(x.ref.name)]
    return (named[-1].ref, start, party) if named else None


SHARED_HEADS = ("局长", "厅长", "处长", "科长", "所长", "站长")      # 公安局长: the 局 is the bureau's and the post's
#   (部长 too, but a 部 written so is a party department's, read by roles._committees, or a name evidence_org reads)


def shared_body(doc: Doc, title: str, ps: int) -> tuple[EntityRef, int] | None:
    """(the body, where it is written) whose last character is the first of a head's title at `ps` (市公安局长李明: 衡阳市
    公安局, the 局 written once for both): an organization named across it, else the short form from its level
    (省教育厅长: 湖南省教育厅) where the paper's context names it, in place of a name cut before the 厅 (省公安|厅长)."""
    text = doc.text
    if title not in SHARED_HEADS or text[ps - 1:ps] == title[0]:
        return None       # (公安局局长: written twice, the body before it)
    named = next((m for m in doc.ending_at(ps + 1, ORGANIZATION) if m.start < ps and m.ref is not None), None)
    if named is not None:
        if named.weak:            # the model's name, now read with a post: an entity, not a guess the post's mention drops
            named.weak = False
            doc.entity(named)
        return named.ref, named.start
    for k in range(ps - 2, max(0, ps - 8) - 1, -1):
        if text[k] in "省市县区" and (res := canonical(text[k:ps + 1], doc, doc.home)) is not None:
            cut = [m for m in doc.ending_at(ps, ORGANIZATION) if m.start == k]
            if doc.overlaps(k, ps) and not cut:
                return None
            ref = EntityRef(ORGANIZATION, res[0])
            for m in cut:
                retarget(doc, k, m.ref, ref)
            if not cut:
                doc.add(ORGANIZATION, k, ps, ref)
            doc.record(ref).aliases.update(res[1] | {text[k:ps + 1]})
            return ref, k
    return None
