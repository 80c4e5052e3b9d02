"""How an organization found in the text is named: its full name in the paper's context, and its short forms.

`市工信局` in 衡阳日报 is 衡阳市工业和信息化局, `县委` in a story about 衡南县 is 中共衡南县委员会,
`政协湖南省委员会` is also 湖南省政协 (party_bodies.tsv, departments.tsv); a branch written after its
bank is one organization (交通银行深圳分行); 湖南角山米业有限责任公司 is also 角山米业; a body elected
for numbered terms keeps its term in the mention (第九届全国人民代表大会), not in its name.
"""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION
from ..lexicon import Lexicon
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, gazetteer
from .doc import Doc
from .geo import GOVERNMENT_ENDINGS, LEVEL_WORDS, Home, is_government, leading_place
from .org_patterns import known_pattern, suffix_at
from .zones import zone_body

DATELINE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日)?(?:讯|电)(?![员息])")     # 红网时刻衡阳5月18日讯


PARTY_TERM = re.compile(r"(?<=[省市县区州])第[一二三四五六七八九十百]{1,4}届(?=委员会$)")


CALLED = re.compile(r"[（(](?:以下)?简称[“\"‘]?([\u4e00-\u9fffA-Za-z]{2,10}?)[”\"’]?[）)]")   # （以下简称“兴发集团”）


BARE_TOWN_BODIES = ("党委", "政府", "人民政府")     # a town's bodies written with 镇 or 乡 alone (镇党委); cf. organizations.TOWN_BODIES


def _known(surface: str, lex) -> str | None:
    """The full name of an organization known across China (organizations.tsv) written `surface`, or written after
    the country (中国全国人大常委会, 中国国务院: the national body)."""
    if surface in lex.organizations:
        return lex.organizations[surface]
    return lex.organizations.get(surface[2:]) if surface.startswith("中国") else None


def canonical(surface: str, doc: Doc, home: Home) -> tuple[str, set[str]] | None:
    """The full name of an organization written `surface` in this paper's context, and its other forms.

    None when the surface depends on a context the article does not give (县委 with no county)."""
    lex = doc.lex
    if (name := _known(surface, lex)) is not None:
        return name, set(lex.org_aliases.get(name, ())) | {surface}
    plain = PARTY_TERM.sub("", surface.replace("中国共产党", "中共", 1) if surface.startswith("中国共产党") else surface)
    if plain != surface and (res := canonical(plain, doc, home)) is not None:
        return res[0], res[1] | {surface}      # 中国共产党株洲市第十三届委员会: 中共株洲市委员会, its term written
    committee = party_committee(surface, doc, home) or zone_body(surface, doc, home)
    if committee is not None:
        return committee
    league = 3 if surface.startswith("共青团") else 1 if surface[:1] == "团" and len(surface) > 1 and surface[1] in "省市县区" else 0
    if league and (party := canonical(surface[league:], doc, home)) \
            and party[0].startswith("中共") and party[0].endswith("委员会"):
        name = "共青团" + party[0].removeprefix("中共")       # 团市委, 共青团衡阳市委: the Youth League's, not the Party's
        return name, {surface}
    body = surface
    if body.startswith("政协") and body.endswith("委员会") and (lp := leading_place(body[2:], home)) is not None:
        place = lp[0].name
        return f"政协{place}委员会", {surface, f"{place}政协"}       # 政协湖南省委员会
    if body.startswith("中共"):
        body = body[2:]
    place, n, written = None, 0, ""
    lp = leading_place(body, home)
    if body.startswith("自治区") and home.province is not None and home.province.name.endswith("自治区"):
        place, n = home.province, 3     # 自治区党委 in a paper of 内蒙古: the region's, as 省委 is a province's
    elif body[:1] in LEVEL_WORDS and (lp is None or lp[1] == 1):
        place, n = home.by_level_word(body[0]), 1
        if place is None:
            return None
    elif lp is not None:
        place, n = lp
        while (inner := leading_place(body[n:], home, allow_short=False)) is not None and n + inner[1] < len(body) \
                and inner[0].level in (CITY, COUNTY) and (up := gazetteer().parent(inner[0])) is not None \
                and up.id == place.id:
            place, n = inner[0], n + inner[1]     # 重庆市渝北区委: 渝北区's, the innermost place written
        written = body[:n]
    if place is None:          # (镇党委, 镇政府 alone: which town's the name leaves unknown, as 县委's county)
        return None if body[:1] in "镇乡" and body[1:] in BARE_TOWN_BODIES else (surface, {surface})
    rest = body[n:]
    if rest.startswith("党委") and place.name.endswith("自治区"):
        rest = rest[1:]                 # 自治区党委: the region's 委, as 省委 is a province's
    if rest[:1] in ("县", "区") and written and written != place.name and not place.name.endswith(rest[0]):
        return None                     # 朝阳区委 is no 朝阳市's: another place, which the name leaves unknown
    if len(rest) > 1 and rest[0] in "省市县区州盟旗" and place.name.endswith(rest[0]) and (
            written and written != place.name or lex.starting("party_bodies", lex.party_bodies, rest, 1)):
        rest = rest[1:]                 # 海北州委, 寻甸县卫生健康局, 海北藏族自治州州委: the level word said again
    if not rest:
        return None                     # a bare place is not an organization
    full_place = district_name(place)
    aliases = {surface}
    if written and not is_government(rest, lex):
        return surface, aliases         # 湖南用友软件有限公司, 长沙银行: the place is part of the name
    # 衡阳市委 -> 市 + 委: a city written in full keeps its level word; 衡阳委 never occurs
    stem = lex.starting("party_bodies", lex.party_bodies, rest, 0)
    if stem is not None:
        pb = lex.party_bodies[stem]
        remainder = rest[len(stem):]
        canon = pb.canonical.format(place=full_place) + department_name(remainder, lex, full_place, stem)
        if remainder and pb.canonical == "中共{place}委员会":
            # (only the party committee's units are written so: a 工委's keep its full name, 中共衡阳市直属机关工作委员会
            # 机关党支部, and so do the congress's and the conference's, 衡阳市人民代表大会常务委员会办公室)
            canon = canon[: -len(remainder) - 3] + "委" + remainder       # 中共四川省委第三巡视组, 中共曲靖市委机构编制委员会办公室
        aliases |= {a.format(place=full_place) + remainder for a in pb.aliases}
        if full_place != place.name:        # 中共衡阳市蒸湘区委员会 is also 中共蒸湘区委员会
            aliases |= {pb.canonical.format(place=place.name) + remainder}
        if remainder:
            aliases.add(f"{full_place}{stem}{remainder}")
        return canon, aliases
    expanded = department_name(rest, lex, full_place)
    if "{place}" in expanded:
        expanded = expanded.format(place=full_place)
        return expanded, aliases
    canon = full_place + expanded
    if expanded != rest:
        aliases.add(full_place + rest)
    return canon, aliases


def named_with(doc: Doc, endings: tuple[str, ...]) -> list:
    """The article's organization mentions (strong, named) whose name ends with one of `endings` and is more than
    the ending itself (福建旭成科技公司, not 公司), by where they start."""
    return [m for m in doc.mentions(ORGANIZATION) if m.ref is not None and not m.weak
            and m.ref.name.endswith(endings) and m.ref.name not in endings]


def antecedent(doc: Doc, at: int, ending: str):
    """The organization an ending written alone before `at`'s title stands for (公司 in 公司总经理王铮): the last one
    named before it with that ending (福建旭成科技公司), or None."""
    before = [m for m in named_with(doc, (ending,)) if m.end <= at]
    if not before and ending in ("集团", "总公司"):       # 集团党委书记 after 湘潭产业投资发展集团有限公司: that group
        before = [m for m in named_with(doc, tuple(ending + f for f in ("有限公司", "有限责任公司", "股份有限公司")))
                  if m.end <= at]
    return before[-1].ref if before else None


def mention_antecedent(doc: Doc, s: int, e: int):
    """The organization the ending text[s:e] written alone stands for (`antecedent`), made the mention there unless
    that span is taken (公司 is no name of it: the full name is its alias); None if there is none."""
    ref = antecedent(doc, s, doc.text[s:e])
    if ref is not None and not doc.overlaps(s, e):
        doc.add(ORGANIZATION, s, e, ref, alias=ref.name)
    return ref


def district_name(d) -> str:
    """How a place's bodies are named: a city's district with its city first (中共衡阳市蒸湘区委员会, 衡阳市蒸湘区人民政府),
    as their official names are; anything else by its own name (中共衡南县委员会)."""
    if d.level == COUNTY and d.name.endswith("区") and (parent := gazetteer().parent(d)) is not None \
            and parent.level in (CITY, PROVINCE) and parent.name.endswith("市"):      # 重庆市綦江区 too
        return parent.name + d.name
    return d.name


PARTY_COMMITTEE_TAILS = ("委员会", "委会", "委")
UNIT_TAIL = re.compile(r"(?<=局|司|团|院|队)(?=[\u4e00-\u9fff]{2,}(?:派出所|分局|大队|支队|中队|分公司|分行|支行|法庭)$)")
UNIT_AFTER = ("局", "公司", "集团", "法院", "支队")


def party_committee(surface: str, doc: Doc, home: Home) -> tuple[str, set[str]] | None:
    """A party's committee of a place (parties.tsv): 致公党湖南省委会 -> 中国致公党湖南省委员会."""
    lex = doc.lex
    party = lex.starting("parties", lex.parties, surface, 0)
    if party is None:
        return None
    rest = surface[len(party):]
    lp = leading_place(rest, home)
    if lp is None or rest[lp[1]:] not in PARTY_COMMITTEE_TAILS:
        return None
    place, full = lp[0].name, lex.parties[party]
    return f"{full}{place}委员会", {surface, f"{party}{place}委员会", f"{party}{place}委会"}


def department_name(rest: str, lex: Lexicon, place: str, body: str = "") -> str:
    """`rest` with the short form it starts with in full (工信局 -> 工业和信息化局), written after `body` (公安局|刑侦支队:
    刑事侦查支队, the 公安局 its full form opens with said once)."""
    short = lex.starting("departments", lex.departments, rest, 0)
    if short is None:
        return rest
    full = lex.departments[short].removeprefix(body) if body else lex.departments[short]
    if rest.startswith(full):
        return rest           # written in full already (卫生健康委员会, not 卫生健康委 + 员会)
    if "{place}" in full:
        return full.format(place=place) + rest[len(short):]
    return full + rest[len(short):]


TERM = re.compile(r"第?[一二三四五六七八九十]{1,3}届$")


def with_term(doc: Doc, s: int, e: int, name: str, aliases: set[str], is_weak: bool):
    """A body elected for numbered terms written with its term (第九届全国人民代表大会, 十三届市人大常委会) is
    named with it: the term is part of the mention, the organization stays the body."""
    m = TERM.search(doc.text, max(0, s - 4), s)
    if m is None or is_weak or not name.endswith(doc.lex.org_units.get("term", ())):
        return s, e, name, aliases, is_weak
    text, start = doc.text, m.start()
    for k in range(min(start, 8), 1, -1):         # 衡南县第十八届人大常委会: the county's, its place before the term
        lp = leading_place(text[start - k:start], doc.home)
        if lp is not None and lp[1] == k and (res := canonical(text[start - k:start] + text[s:e], doc, doc.home)):
            return start - k, e, res[0], aliases | res[1] | {text[s:e]}, is_weak
    if start > 0 and text[start - 1] in "省市县区" and (res := canonical(text[start - 1] + text[s:e], doc, doc.home)):
        return start - 1, e, res[0], aliases | res[1] | {text[s:e]}, is_weak       # 市十八届人大常委会: the city's
    return start, e, name, aliases | {text[s:e]}, is_weak


UNIT_INSIDE = ("n", "nz", "vn", "an", "b", "s", "j", "nt")


def unit_after(doc: Doc, e: int, name: str, home: Home) -> int | None:
    """Where a branch or department of organization `name` (ending at `e`) ends, if one follows it:
    a branch after its place (深圳分行, 总行) or a department named by its ending (经济犯罪侦查局)."""
    units, text = doc.lex.org_units, doc.text
    if not name.endswith(units.get("parent", ())) or e >= len(text):
        return None
    for k in range(e, min(len(text), e + 8)):
        w = doc.lex.starting("org_branches", units.get("branch", ()), text, k)
        if w is not None:
            place = text[e:k]
            lp = leading_place(place, home) if place else None
            if not place or lp is not None and lp[1] == len(place):
                return k + len(w)
            break
        if not "\u4e00" <= text[k] <= "\u9fff":
            break
    m = doc.lex.alternation("org_departments", units.get("department", ())).search(text, e + 2, e + 14)
    if m is None or not doc.is_boundary(m.end()) or text[e] in "省市县区" or leading_place(text[e:m.end()], home):
        return None
    if len(suffix_at(text, m.end(), doc.lex) or "") > len(m.group()):
        return None       # 雪山公司甲方与泰和友联公司: the 司 of another 公司, no department
    if known_pattern(doc.lex).match(text, e) or text.startswith(("国家", "中国", "中共", "中央", "全国", "国务院"), e):
        return None       # 财政部国家税务总局: two bodies side by side
    k = e
    while k < m.start():
        t = doc.token_at(k)
        if t is None or not hanzi_or_mid(t.word) or t.word in doc.lex.titles:
            return None
        if t.pos not in UNIT_INSIDE and not (t.word in ("与", "和") and k > e):
            return None   # 商务部部长钟山说…局: not a department's name
        k = t.end
    return m.end()


NUMBERED_SCHOOL = re.compile(r"(?:.+?省)?(?P<place>[\u4e00-\u9fff]{2,4}?)[市县区]第(?P<n>[一二三四五六七八九十]{1,3})(?P<kind>中学|小学)$")


AFFILIATED_HOSPITAL = re.compile(r"([\u4e00-\u9fff]{2,6}?)大学附属第([一二三四五六七八九十])医院")


def short_forms(name: str, home: Home, lex: Lexicon) -> list[str]:
    out = []
    school = NUMBERED_SCHOOL.fullmatch(name)
    if school is not None:              # 湖南省怀化市第三中学 -> 怀化三中, 鲁甸县第一中学 -> 鲁甸一中
        out.append(school.group("place") + school.group("n") + school.group("kind")[0])
    hospital = AFFILIATED_HOSPITAL.fullmatch(name)
    if hospital is not None:            # 南华大学附属第一医院 -> 南华附一医院, 南华附一
        out += [hospital.group(1) + "附" + hospital.group(2) + end for end in ("医院", "院", "")]
    for unit in UNIT_TAIL.finditer(name):     # 登封市公安局嵩阳派出所 -> 嵩阳派出所: the unit, written alone (and
        if name.endswith(UNIT_AFTER, 0, unit.start()):     # …公安局七里河分局西站派出所 -> 西站派出所 too)
            out.append(name[unit.start():])
    if "·" in name:
        out.append(name.split("·")[-1])
        out.append(name.replace("·", ""))
    core = name
    lp = leading_place(core, home)
    if lp and lp[1] < len(core) - 2:
        core = core[lp[1]:]
        if len(core) >= 4 and not core.endswith(GOVERNMENT_ENDINGS):
            out.append(core)          # 衡阳文创联盟 -> 文创联盟
        rest = core
        while (lp := leading_place(rest, home)) and lp[1] < len(rest) - 2:
            out.append(rest)          # 南宁市青秀区新竹街道人民调解委员会 -> 新竹街道人民调解委员会: a place still names it
            rest = rest[lp[1]:]
    for legal in lex.kind("organization_words", "legal"):
        if core.endswith(legal) and len(core) > len(legal) + 1:
            core = core[: -len(legal)]
            out.append(core)
            if legal.startswith("集团") and legal != "集团":
                out.append(core + "集团")      # 中国建材集团有限公司 -> 中国建材, 中国建材集团
            break
    else:
        return [s for s in out if len(s) >= 2]
    for trade in lex.kind("organization_words", "trade"):
        if core.endswith(trade) and len(core) - len(trade) >= 2:
            out.append(core[: -len(trade)])
    if legal.endswith("公司"):           # 华为技术有限公司 -> 华为公司, 华为技术公司
        out += [f"{s}公司" for s in out if s.startswith(core[:2]) and not s.endswith(("公司", "集团")) and len(s) >= 2]
        if len(core) >= 4:
            out.append(core[:2] + "公司")     # 衡阳瑞达电源有限公司 -> 瑞达公司: its brand and the word company
    if (legal.startswith("集团") or core.endswith("集团")) and len(core) >= 4:
        out.append(core[:2] + "集团")         # 湖南华菱钢铁集团有限责任公司 -> 华菱集团
    return [s for s in out if len(s) >= 2 and s != name]


def company_named_first(doc: Doc, short: str) -> str | None:
    """The one company the article named in full whose name, its place left off, begins with `short` (国联水产 after
    湛江国联水产开发股份有限公司): the company named short. None where none, or two, do."""
    if len(short) < 4 or short.endswith(GOVERNMENT_ENDINGS):
        return None
    fulls = set()
    for ref, _info in doc.records(ORGANIZATION):
        if ref.name == short or not ref.name.endswith(("公司", "集团")):
            continue        # asked of every organization mention: the place is looked up only for a company's name
        lp = leading_place(ref.name, doc.home)
        if (ref.name[lp[1]:] if lp else ref.name).startswith(short):
            fulls.add(ref.name)
    return fulls.pop() if len(fulls) == 1 else None


def hanzi_or_mid(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c == "·" or c.isascii() and c.isalnum() for c in word)


def one_of_its_kind(doc: Doc, name: str, names: set[str]) -> str | None:
    """The one organization of `names` (those the article names) that a name of a place and a team's kind alone writes
    short (衡阳市督导组, of 市督导组: 衡阳市扫黑除恶专项斗争第二督导组), else None."""
    lp = leading_place(name, doc.home)
    kind = name[lp[1]:] if lp is not None else name
    if not 2 <= len(kind) <= 4 or not kind.endswith(("组", "队")):
        return None
    others = {n for n in names if n != name and n.endswith(kind) and len(n) - len(kind) >= 5
              and (lp is None or n.startswith(name[:lp[1]]))}
    return others.pop() if len(others) == 1 else None


def named_in_full(doc: Doc, m, names: set[str]) -> str | None:
    """The full name the article gives the organization mention `m` writes short: a company named first in full
    (company_named_first), or the one team of its kind (one_of_its_kind); `names`: the names the article's mentions hold."""
    return company_named_first(doc, m.text) or one_of_its_kind(doc, m.ref.name, names)
