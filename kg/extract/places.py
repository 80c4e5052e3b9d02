"""Places: administrative divisions with their hierarchy, venues, roads and countries.

An address chain (`衡南县柞市镇代泉村杨梅组`) is read left to right, each part
checked against the gazetteer as a child of the one before; a part the gazetteer
lacks is still taken when its ending says what it is (向阳桥街道办事处 after a
known county). A lone name is believed when the paper's home makes it likely:
short names (衡阳, 耒阳) and towns only near home, so 杨梅组 is never 台湾省杨梅市.
Venues (衡阳抗战纪念馆) and roads (环城北路) are named by their endings.
Every place records its parent; the resolver adds the chain up to the province.
"""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION, PLACE, EntityRef
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, TOWN, VILLAGE, Division, gazetteer
from .countries import abbreviated, collective, countries, quoted_names, tagged_places
from .doc import Doc, occurrences
from .geo import (
    MAX_NAME,
    Home,
    first_of_pairs,
    is_government_name,
    leading_place,
    longest_after_pair,
    upper_names,
)
from .names import common_word
from .place_refs import add_division, add_local, division_ref, home_ref, scope
from .venues import institutions_held_in, listed_sites, venue_parent, venues_and_roads

NAME = "places"
REQUIRES = ("home", "organization")
ASSIGNS = ("place",)

COUNTED = r"(?![一二三四五六七八九十两几每各该本某][个座]|乡村)"      # 一个贫困乡, 每个村: counted; 乡村振兴: the countryside
NAME_CHAR = r"[^\W\d_A-Za-z到赴至]"        # 金寨县领导到花石乡: no town's name holds a verb of going
TOWN_TAIL = re.compile(COUNTED + NAME_CHAR + r"{1,5}?(?:街道办事处|街道|镇|乡)")
VILLAGE_TAIL = re.compile(COUNTED + NAME_CHAR + r"{1,5}?(?:村委会|村|社区居委会|社区)")
LONE_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,5}(?:社区|村)(?![委民级组里庄])")
MANY_SHARE = 5      # a short name this many divisions share is a kind of place, no one place
GROUP_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,4}?|第?[一二三四五六七八九十\d]{1,3})(?:村民小组|居民小组|组)")
LONE_GROUP = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:村民小组|居民小组)")


def _candidates(text: str, i: int) -> list[tuple[int, tuple[int, ...]]]:
    names = upper_names()
    out = []
    for n in range(min(MAX_NAME, len(text) - i, longest_after_pair().get(text[i:i + 2], 0)), 1, -1):
        ids = names.get(text[i:i + n])
        if ids:
            out.append((n, ids))
    return out


def run(doc: Doc) -> None:
    home: Home = doc.home
    text = doc.text
    _one_in(doc, home)
    venues = venues_and_roads(doc)        # first, so 衡阳抗战纪念馆 is not read as 衡阳 + the rest
    pairs = longest_after_pair()          # no name starts where its first two characters do not
    firsts = first_of_pairs()
    i = 0
    for k in [k for k, c in enumerate(text) if c in firsts and text[k:k + 2] in pairs]:
        if k < i or doc.overlaps(k, k + 1):
            continue
        end = _chain(doc, home, k)
        i = end if end > k else k + 1
    for ref, start, name in venues + institutions_held_in(doc) + listed_sites(doc):
        village = _address_before(doc, home, start, name)
        info = doc.record(ref)
        parent = village or venue_parent(doc, home, start, name, info.kind)
        if info.parent is None or parent != home_ref(home):
            info.parent = parent     # 衡东县罗荣桓故居 … 罗荣桓故居: in 衡东县, as the fuller mention says
    _lone_villages(doc, home)
    _groups(doc, home)
    _repeats(doc)
    _lone_towns(doc, home)
    _home_words(doc, home)
    countries(doc)
    abbreviated(doc)
    collective(doc)
    tagged_places(doc)
    quoted_names(doc)
    _locate_organizations(doc, home)


def _address_before(doc: Doc, home: Home, start: int, name: str) -> EntityRef | None:
    """The divisions a venue's name is written after in full (衡东县|罗荣桓故居, 韶山市韶山乡|毛泽东同志故居): places of
    their own, each in the one before it, as an address is; and a village after a town (荣桓镇南湾村|罗荣桓故居), returned
    as the venue's parent."""
    chain, at = [], 0
    while (lp := leading_place(name[at:], home, allow_short=False)) is not None and at + lp[1] < len(name) - 1 and (
            not chain or (up := gazetteer().parent(lp[0])) is not None and up.id == chain[-1][0].id):
        chain.append((lp[0], at, at + lp[1]))
        at += lp[1]
    for d, a, b in chain:
        add_division(doc, d, start + a, start + b, claim=False)
    village = VILLAGE_TAIL.match(name, at) if chain and chain[-1][0].level == TOWN else None
    if village is not None and len(name) - village.end() >= 3:       # 荣桓镇南湾村|罗荣桓故居: the village too
        known = gazetteer().child(chain[-1][0], village.group())
        return add_division(doc, known, start + at, start + village.end(), claim=False) if known is not None else \
            add_local(doc, village.group(), start + at, start + village.end(), division_ref(chain[-1][0]), "village")
    return None


HOME_WORDS = re.compile(r"(?:我|本)(?P<level>市|县|区)(?![委长民直属级])")


def _home_words(doc: Doc, home: Home) -> None:
    """我市 and 本市 name the paper's city; 我县 and 本区 the county the article is about, when it names one
    (EXTRACTION.md: a place counts where the text names it on its own)."""
    for m in HOME_WORDS.finditer(doc.text):
        d = home.city if m["level"] == "市" else home.county
        if d is not None and not doc.overlaps(*m.span()):
            add_division(doc, d, *m.span())


def _locate_organizations(doc: Doc, home: Home) -> None:
    """An organization is located in the place its name begins with, when the article names that place
    or the organization is a government body of it (衡南县委宣传部 in 衡南县, 市工信局 in 衡阳市). A place
    named only inside an organization's name is no place of the article's: the resolver puts the
    organization in the nearest place some article names."""

    places = {r for r, _ in doc.records(PLACE)}
    for ref, info in doc.records(ORGANIZATION):
        if info.parent is not None:
            continue
        name = ref.name[2:] if ref.name.startswith(("中共", "政协")) else ref.name
        lp = leading_place(name, home, allow_short=False)
        if lp is None:
            continue
        d, n = lp
        pref = division_ref(d)
        if pref in places or is_government_name(name[n:], doc.lex):
            info.parent = pref


ONE_IN = re.compile(r"(?:^|(?<=[\n，,。：:；！？]))([\u4e00-\u9fff]{2,6}?)一(?=[\u4e00-\u9fff]{2})")


def _one_in(doc: Doc, home: Home) -> None:
    """A headline's `X一Y`, a Y in X (包头一小区燃气管道泄漏, 晋江一小学举办开学典礼): X is the place, read whole before the
    tagger's word runs it into the Y (包头一小区)."""
    for m in ONE_IN.finditer(doc.text):
        lp = leading_place(m.group(1), home)
        if lp is not None and lp[1] == len(m.group(1)) and lp[0].level in (PROVINCE, CITY, COUNTY) \
                and not doc.overlaps(m.start(1), m.end(1)):
            add_division(doc, lp[0], m.start(1), m.end(1))


def _lone_villages(doc: Doc, home: Home) -> None:
    """A village or community named alone (到衡都社区开展…) when exactly one of that name lies near home, or in the
    county of the town the sentence named (店门镇党委书记王强在双田村…: 店门镇's 双田村, not 南岳镇's)."""
    if home.city is None:
        return
    area = home.county or home.city
    for m in LONE_VILLAGE.finditer(doc.text):
        for k in range(m.start(), m.end() - 2):
            if doc.overlaps(k, m.end()) or not doc.is_boundary(k):
                continue
            name = doc.text[k:m.end()]
            word = common_word(doc.lex, name[:-2] if name.endswith("社区") else name[:-1], 100)
            town = _town_before(doc, home, k)
            found, elsewhere = _known_villages(name, area, town)
            if len(found) == 1 and not word:
                add_division(doc, found[0], k, m.end())     # not 共建幸福社区: 幸福 is a word
                break
            if elsewhere and not word:      # the gazetteer's 双田村 lies in another county than the town named
                add_local(doc, name, k, m.end(), town, "village")
                break
            head = doc.token_at(k)
            tail = 2 if name.endswith("社区") else 1
            if not found and head is not None and head.start == k and head.pos == "ns" and (
                    head.end == m.end() - tail or head.end == m.end() and len(name) >= 2 + tail) \
                    and name not in doc.lex.place_words.get("not_village", ()) and not name.endswith("乡村") \
                    and not common_word(doc.lex, name[:-tail], 100):       # (和美乡村: the countryside, no 美乡村)
                # 衡都社区, 石桥村: newer than the gazetteer, or too small for it; in the town the sentence named before,
                # or the one the article names in full elsewhere (韶山村 … 韶山市韶山乡韶山村)
                named = next((x.ref for x in doc.mentions(PLACE) if x.ref is not None and x.ref.name == name), None)
                if named is not None:
                    doc.add(PLACE, k, m.end(), named)
                else:
                    add_local(doc, name, k, m.end(), town or division_ref(area), "village")
                break


def _lone_towns(doc: Doc, home: Home) -> None:
    """A town or a subdistrict the gazetteer lacks, the tagger's place word then its level (视高|街道, 新河|镇): a town
    of the home county (or city) the user or the masthead gave."""
    if home.city is None:
        return
    text = doc.text
    for t in doc.tokens:
        level = next((w for w in ("街道", "镇", "乡") if text.startswith(w, t.end)), None) if t.pos == "ns" else None
        if level is not None and t.word.endswith(level) and len(t.word) > len(level) + 1:
            level = ""          # 南屿镇|镇长: the town written with its level, then its head's title
        if level is None or len(t.word) < 2 or VILLAGE_AFTER.match(text, t.end + len(level)) \
                or doc.overlaps(t.start, t.end + len(level)) or common_word(doc.lex, t.word, 100) \
                or doc.ending_at(t.start, PLACE):       # (衡南县向阳桥街道办事处…: the county's, read with it)
            continue
        add_local(doc, t.word + level, t.start, t.end + len(level), division_ref(home.county or home.city), "town")


VILLAGE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:村|社区)")     # (新河镇|新河村: the village's, read by _lone_villages)


def _known_villages(name: str, area: Division, town: EntityRef | None) -> tuple[list[Division], bool]:
    """The gazetteer's villages of `name` near home, or, after a town of the gazetteer, in that town's county (those in
    the town itself when several); and whether the only ones near home lie outside that county. Many villages share
    a name across the country (双田村: nineteen), so the town the sentence named says more than home does."""
    g = gazetteer()
    near = [d for d in g.find(name, short=False) if d.level == VILLAGE and g.is_within(d, area)]
    division = _town_division(town) if town is not None else None
    county = g.parent(division) if division is not None else None
    if county is None:
        return near, False
    found = [d for d in g.find(name, short=False) if d.level == VILLAGE and g.is_within(d, county)]
    if len(found) > 1:
        found = [d for d in found if d.parent == division.id] or found
    return found, bool(near) and not found


def _town_division(ref: EntityRef) -> Division | None:
    """The gazetteer's town named by `ref`, or None for a town it lacks."""
    return next((d for d in gazetteer().find(ref.name, short=False) if d.level == TOWN and division_ref(d) == ref), None)


def _groups(doc: Doc, home: Home) -> None:
    """A villagers' or residents' group after its village (温泉社区第三居民小组) or named alone (来到小海子村民小组): a
    place, in the village, else the town the sentence named, else the article's county or home."""
    for m in LONE_GROUP.finditer(doc.text):
        for k in range(m.start(), m.end() - 5):
            village = next((x.ref for x in doc.ending_at(k, PLACE) if x.ref is not None
                            and (info := doc.info(x.ref)) is not None and info.kind == "village"), None)
            g_ = GROUP_TAIL.fullmatch(doc.text, k, m.end())
            tok = doc.token_at(k)
            if village is not None and g_ is not None and not doc.overlaps(k, m.end()):
                add_local(doc, doc.text[k:m.end()], k, m.end(), village, "group")
                break
            if village is None and doc.is_boundary(k) and tok is not None and tok.start == k and m.end() - k >= 6 \
                    and not tok.pos.startswith(("v", "p", "c", "d", "u", "r", "m")) and not doc.overlaps(k, m.end()):
                parent = _town_before(doc, home, k) or (division_ref(home.county or home.city) if home.city else None)
                add_local(doc, doc.text[k:m.end()], k, m.end(), parent, "group")
                break


def _town_before(doc: Doc, home: Home, pos: int) -> EntityRef | None:
    """The town or street named last before `pos` in its sentence, alone or as the start of a body's name (店门镇党委
    书记王强在双田村…，引导石桥村: 店门镇's)."""
    ss, _ = doc.sentence_span(pos)
    towns = []
    for m in doc.mentions(PLACE, ORGANIZATION):
        if m.ref is None or not (ss <= m.start and m.end <= pos):
            continue
        if m.type == PLACE and (info := doc.info(m.ref)) is not None and info.kind == "town":
            towns.append(m.ref)
        elif m.type == ORGANIZATION and (lp := leading_place(m.text, home, allow_short=False)) is not None \
                and lp[0].level == TOWN and lp[1] < len(m.text):
            towns.append(division_ref(lp[0]))
    return towns[-1] if towns else None


def _repeats(doc: Doc) -> None:
    """A village or group named once in a chain is the same place when named alone later (杨梅组)."""
    local = {m.text: m.ref for m in doc.mentions(PLACE)
             if m.ref is not None and doc.record(m.ref).kind in ("town", "village", "group") and len(m.text) >= 3}
    for text, ref in local.items():
        for k in occurrences(doc.text, text):
            doc.add(PLACE, k, k + len(text), ref)


def _chain(doc: Doc, home: Home, i: int) -> int:
    """Read an address chain starting at `i`; return where it ends (== i if none)."""
    listed = _listed_village(doc, i)
    if listed is not None:
        return listed
    g = gazetteer()
    text = doc.text
    pos = i
    parent: Division | None = None
    parent_ref: EntityRef | None = None
    steps = 0
    while pos < len(text):
        step = _next_division(doc, home, pos, parent)
        if step is None:
            break
        d, n = step
        if doc.overlaps(pos, pos + n):
            break
        ref = add_division(doc, d, pos, pos + n)
        if ref is None:
            break
        parent, parent_ref = d, ref
        pos += n
        steps += 1
        if d.level >= TOWN:
            break
    if parent is None:
        return i
    # below what the gazetteer knows (or beyond its data): towns, villages, groups by their endings
    chain_end = pos
    if text.startswith("的", pos) and parent.level in (COUNTY, TOWN):
        pos += 1            # 宁都县的长胜镇: the town, not 的长胜镇
        if (step := _next_division(doc, home, pos, parent)) is not None and not doc.overlaps(pos, pos + step[1]) \
                and (ref := add_division(doc, step[0], pos, pos + step[1])) is not None:
            parent, parent_ref = step[0], ref       # a town the gazetteer holds, of a county far from home
            pos += step[1]
            chain_end = pos
    if parent.level == COUNTY:
        m = TOWN_TAIL.match(text, pos)
        if m and (text.startswith("村", m.end()) or _a_verb_before(doc, m.start())):
            m = None            # 仁寿县调研乡村振兴工作: 乡村 is the countryside, and no town starts with 调研
        if m and not doc.overlaps(*m.span()) and not g.child(parent, m.group()):
            surface = m.group()
            name = surface[:-3] if surface.endswith("办事处") else surface
            ref = add_local(doc, name, m.start(), m.end(), parent_ref, "town", alias=surface)
            if ref is not None:
                parent_ref, parent = ref, None
                pos = m.end()
    if parent is not None and parent.level in (COUNTY, TOWN) or (parent is None and parent_ref is not None):
        m = VILLAGE_TAIL.match(text, pos)
        if m and not doc.overlaps(*m.span()):
            surface = m.group()
            name = surface[:-3] if surface.endswith(("村委会", "居委会")) else surface
            known = None
            if parent is not None and parent.level == TOWN:
                known = g.child(parent, name)
            elif parent is not None:       # 石鼓区演武坪社区: the town left out
                below = g.descendants(parent, name)
                known = below[0] if len(below) == 1 else None
            if known is not None:
                ref = add_division(doc, known, m.start(), m.end())
                if ref is not None and known.parent != (parent.id if parent is not None else -1):
                    doc.record(ref).parent = parent_ref     # the text's parent, not the town it skipped
            elif (doc.is_boundary(m.start()) or parent is None or parent.level == TOWN) \
                    and not _a_verb_before(doc, m.start()):       # right after its town: 新仁乡化屋村, one word to the tagger
                ref = add_local(doc, name, m.start(), m.end(), parent_ref, "village", alias=surface)
            else:
                ref = None
            if ref is not None:
                parent_ref, parent = ref, None
                pos = m.end()
                g_ = GROUP_TAIL.match(text, pos)
                if g_ and not doc.overlaps(*g_.span()):
                    ref = add_local(doc, g_.group(), g_.start(), g_.end(), parent_ref, "group")
                    if ref is not None:
                        pos = g_.end()
    return pos if pos > chain_end + 1 else chain_end


def _listed_village(doc: Doc, i: int) -> int | None:
    """Where a village listed after one its town was written with ends (柞市镇代泉村、新华村、石桥村: 新华村 and 石桥村 of
    柞市镇 too, not same-named villages of other towns), or None where `i` follows no such village."""
    text = doc.text
    if i < 2 or text[i - 1] != "、":
        return None
    prev = next((m for m in doc.mentions(PLACE) if m.end == i - 1 and m.ref is not None), None)
    info = doc.info(prev.ref) if prev is not None else None
    town = doc.info(info.parent) if info is not None and info.kind == "village" and info.parent is not None else None
    m = VILLAGE_TAIL.match(text, i)
    if town is None or town.kind != "town" or m is None or doc.overlaps(*m.span()) or TOWN_TAIL.match(m.group()):
        return None       # (萱洲镇萱洲村、白果镇岳林村: the next one has its own town)
    surface = m.group()
    name = surface[:-3] if surface.endswith(("村委会", "居委会")) else surface
    division = next((d for d in gazetteer().find(info.parent.name, short=False) if division_ref(d) == info.parent), None)
    known = gazetteer().child(division, name) if division is not None else None
    ref = add_division(doc, known, i, m.end()) if known is not None else \
        add_local(doc, name, i, m.end(), info.parent, "village", alias=surface)
    return m.end() if ref is not None else None


def _a_verb_before(doc: Doc, start: int) -> bool:
    """Does a verb that holds an event, is one or stops its name (举办, 调研, 开展) begin what would be a town's or
    village's name at `start` (石鼓区举办社区运动会: no village 举办社区)?"""
    tok = doc.token_at(start)
    return tok is not None and tok.start == start and (tok.word in doc.lex.event_hosts or doc.lex.is_event_verb(tok.word)
                                                       or tok.word in doc.lex.word_set("event_words", "name_stop")
                                                       or tok.pos in ("c", "p", "d", "u", "r"))      # 和部分乡


def _next_division(doc: Doc, home: Home, pos: int, parent: Division | None) -> tuple[Division, int] | None:
    """The division named at `pos` that fits under `parent` (or stands alone when parent is None)."""
    g = gazetteer()
    text = doc.text
    for n, ids in _candidates(text, pos):
        surface = text[pos:pos + n]
        cands = [g.get(x) for x in ids]
        if parent is not None:
            fit = [d for d in cands if d.id != parent.id and g.is_within(d, parent)]
            if fit:
                return fit[0], n + _former_level(doc, fit[0], surface, pos + n)
            continue
        d = _believe_alone(doc, home, cands, surface, pos, n)
        if d is not None:
            return d, n + _former_level(doc, d, surface, pos + n)
    if parent is not None and parent.level == TOWN:
        return None
    return None


def _former_level(doc: Doc, d: Division, surface: str, end: int) -> int:
    """1 where a county's short name is followed by another level word than its own, the tagger reading the one word:
    the level it had before it became a city or a district (平果|县 is today's 平果市, 大兴|县 大兴区: older pages name
    them so), or one the gazetteer does not have yet (湟中|区 of 湟中县), else 0."""
    text = doc.text
    return int(d.level == COUNTY and surface != d.name and end < len(text) and text[end] in "县市区"
               and not d.name.endswith(text[end]) and (tok := doc.token_at(end)) is not None and tok.end == end + 1
               and tok.start < end)


def _believe_alone(doc: Doc, home: Home, cands: list[Division], surface: str, pos: int, n: int) -> Division | None:
    full = [d for d in cands if d.name == surface]
    short = [d for d in cands if d.name != surface]
    end = pos + n
    if len(full) > 1:
        full = _under_named(doc, full, pos) or full     # 到永兴县调研，先后来到太和镇: 永兴县's 太和镇, not 桂阳县's
    if full:
        d = home.prefer(full)
        if d is None:
            return None
        if d.level == TOWN and not home.within_home(d):
            return None
        if d.level == TOWN and not (doc.is_boundary(pos) and doc.is_boundary(end)):
            return None
        if (tok := doc.token_at(pos)) is not None and tok.start < pos < tok.end < end and not home.within_province(d):
            return None       # 工业集|中区: no far district's name runs across a word's end (but 桂西|田东县 ends one)
        return d
    # a short name: only at token boundaries (a province's also before a noun: 北京奥运会), and only near
    # home unless it names a city or province; never one that many share (经开区, 高新区: zones.py names those)
    if len(short) >= MANY_SHARE:
        return None
    provinces = [x for x in short if x.level == PROVINCE]
    renamed = (tok := doc.token_at(pos)) is not None and tok.end == end + 1 and all(
        _former_level(doc, x, surface, end) for x in short)      # 湟中区, one word: 湟中县 the gazetteer knows, a district now
    if not doc.is_boundary(pos) or not (doc.is_boundary(end) or renamed or provinces and end < len(doc.text)
                                        and doc.text[end] not in "路街村镇乡区县市省"):
        return None
    if end < len(doc.text) and doc.text[end] in "路街村镇乡":
        return None
    if doc.text[pos] in "和与及" and pos > 0 and (prev := doc.token_at(pos - 1)) is not None and prev.end == pos \
            and (prev.pos == "ns" or doc.ending_at(pos, PLACE)):
        return None       # 付洼村和田铺乡: 和 joins two places, no 和田 starts there
    tok = doc.token_at(pos)
    if tok is not None and tok.start == pos and tok.end == end and tok.pos[:1] in ("v", "d", "p", "c", "a"):
        return None       # 应急管理局会同消防部门: 会同 is "together with" there, not 会同县
    d = home.prefer([x for x in short if x.level <= COUNTY])
    if d is None:
        return None
    if d.level == PROVINCE or d.level == CITY or home.within_province(d):
        return d
    return None


def _under_named(doc: Doc, cands: list[Division], pos: int) -> list[Division]:
    """Those of same-named divisions inside the place the text named last before `pos` that holds any of them."""
    g = gazetteer()
    above = [(d, {division_ref(a) for a in g.path(d)[1:]}) for d in cands]
    for m in sorted(doc.mentions(PLACE), key=lambda m: -m.start):
        if m.start >= pos or m.ref is None:
            continue
        inside = [d for d, refs in above if m.ref in refs]
        if inside:
            return inside
    return []


__all__ = ["run", "division_ref", "scope", "VILLAGE"]
