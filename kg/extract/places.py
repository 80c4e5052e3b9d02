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
from functools import lru_cache

from ..datamodel import ORGANIZATION, PLACE, EntityRef
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, TOWN, VILLAGE, Division, gazetteer
from .doc import Doc, occurrences
from .geo import MAX_NAME, Home, abbreviation_run, is_government_name, leading_place, upper_names
from .names import common_word, valid_name

NAME = "places"
REQUIRES = ("home", "organization")
ASSIGNS = ("place",)

TOWN_TAIL = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:街道办事处|街道|镇|乡)")
VILLAGE_TAIL = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:村委会|村|社区居委会|社区)")
LONE_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,5}(?:社区|村)(?![委民级组里庄])")
GROUP_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,4}?|第?[一二三四五六七八九十\d]{1,3})(?:村民小组|组)")
PLACE_POS = {"n", "ns", "nr", "nz", "nt", "j", "vn", "b", "l", "s", "f", "an", "nrt", "x"}
LEAD_TRIM = re.compile(r"^(?:在|于|到|至|从|往|赴|去|来|经|沿|位于|前往|来到|走进|东至|西至|南至|北至|东起|西起|起|自|和|与|及)+")
NOT_VENUE_HEAD = set("的 了 和 与 及 在 是 将 把 被 对 为 等 这 那 该 其 各 每 一 全 本 新 大 小 多".split())


def scope(d: Division) -> str:
    """The names above a division, outermost first: 湖南省/衡阳市 for 衡南县."""
    g = gazetteer()
    return "/".join(x.name for x in reversed(g.path(d)[1:]))


def division_ref(d: Division) -> EntityRef:
    return EntityRef(PLACE, d.name, scope(d))


def _add_division(doc: Doc, d: Division, start: int, end: int) -> EntityRef | None:
    ref = division_ref(d)
    if doc.add(PLACE, start, end, ref) is None:
        return None
    info = doc.record(ref)
    info.kind = d.kind
    info.code = d.code or None
    parent = gazetteer().parent(d)
    if parent is not None:
        info.parent = division_ref(parent)
    return ref


def _add_local(doc: Doc, name: str, start: int, end: int, parent: EntityRef | None, kind: str,
               alias: str | None = None) -> EntityRef | None:
    sc = (f"{parent.scope}/{parent.name}" if parent.scope else parent.name) if parent else ""
    ref = EntityRef(PLACE, name, sc)
    if doc.add(PLACE, start, end, ref, alias=alias) is None:
        return None
    info = doc.record(ref)
    info.kind = kind
    if parent is not None and info.parent is None:
        info.parent = parent
    return ref


@lru_cache(maxsize=1)
def longest_after_pair() -> dict[str, int]:
    """The first two characters of the names of provinces, cities, counties and towns -> the longest such name's
    length: most offsets start no name and are passed over with one lookup, not one per length."""
    out: dict[str, int] = {}
    for name in upper_names():
        if len(name) > out.get(name[:2], 0):
            out[name[:2]] = len(name)
    return out


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
    venues = _venues_and_roads(doc)        # first, so 衡阳抗战纪念馆 is not read as 衡阳 + the rest
    pairs = longest_after_pair()          # no name starts where its first two characters do not
    i = 0
    while i < len(text):
        if text[i:i + 2] not in pairs or doc.overlaps(i, i + 1):
            i += 1
            continue
        end = _chain(doc, home, i)
        i = end if end > i else i + 1
    for ref, start, name in venues:
        doc.record(ref).parent = _venue_parent(doc, home, start, name, doc.record(ref).kind)
    _lone_villages(doc, home)
    _repeats(doc)
    _countries(doc)
    _abbreviated(doc)
    _collective(doc)
    _tagged_places(doc)
    _locate_organizations(doc, home)


def _locate_organizations(doc: Doc, home: Home) -> None:
    """An organization is located in the place its name begins with, when the article names that place
    or the organization is a government body of it (衡南县委宣传部 in 衡南县, 市工信局 in 衡阳市)."""

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
            if pref not in places:
                place = doc.record(pref)
                place.kind = d.kind
                parent = gazetteer().parent(d)
                place.parent = division_ref(parent) if parent is not None else None


def _lone_villages(doc: Doc, home: Home) -> None:
    """A village or community named alone (到衡都社区开展…) when exactly one of that name lies near home."""
    if home.city is None:
        return
    g = gazetteer()
    area = home.county or home.city
    for m in LONE_VILLAGE.finditer(doc.text):
        for k in range(m.start(), m.end() - 2):
            if doc.overlaps(k, m.end()) or not doc.is_boundary(k):
                continue
            name = doc.text[k:m.end()]
            found = [d for d in g.find(name, short=False) if d.level == VILLAGE and g.is_within(d, area)]
            if len(found) == 1 and not common_word(doc.lex, name[:-2] if name.endswith("社区") else name[:-1], 100):
                _add_division(doc, found[0], k, m.end())     # not 共建幸福社区: 幸福 is a word
                break
            head = doc.token_at(k)
            if (not found and name.endswith("社区") and head is not None and head.start == k
                    and head.end == m.end() - 2 and head.pos == "ns"):
                _add_local(doc, name, k, m.end(), division_ref(area), "village")   # 衡都社区: newer than the gazetteer
                break


def _repeats(doc: Doc) -> None:
    """A village or group named once in a chain is the same place when named alone later (杨梅组)."""
    local = {m.text: m.ref for m in doc.mentions(PLACE)
             if m.ref is not None and doc.record(m.ref).kind in ("town", "village", "group") and len(m.text) >= 3}
    for text, ref in local.items():
        for k in occurrences(doc.text, text):
            doc.add(PLACE, k, k + len(text), ref)


def _chain(doc: Doc, home: Home, i: int) -> int:
    """Read an address chain starting at `i`; return where it ends (== i if none)."""
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
        ref = _add_division(doc, d, pos, pos + n)
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
    if parent.level == COUNTY:
        m = TOWN_TAIL.match(text, pos)
        if m and not doc.overlaps(*m.span()) and not g.child(parent, m.group()):
            surface = m.group()
            name = surface[:-3] if surface.endswith("办事处") else surface
            ref = _add_local(doc, name, m.start(), m.end(), parent_ref, "town", alias=surface)
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
                ref = _add_division(doc, known, m.start(), m.end())
                if ref is not None and known.parent != (parent.id if parent is not None else -1):
                    doc.record(ref).parent = parent_ref     # the text's parent, not the town it skipped
            elif doc.is_boundary(m.start()):
                ref = _add_local(doc, name, m.start(), m.end(), parent_ref, "village", alias=surface)
            else:
                ref = None
            if ref is not None:
                parent_ref, parent = ref, None
                pos = m.end()
                g_ = GROUP_TAIL.match(text, pos)
                if g_ and not doc.overlaps(*g_.span()):
                    ref = _add_local(doc, g_.group(), g_.start(), g_.end(), parent_ref, "group")
                    if ref is not None:
                        pos = g_.end()
    return pos


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
                return fit[0], n
            continue
        d = _believe_alone(doc, home, cands, surface, pos, n)
        if d is not None:
            return d, n
    if parent is not None and parent.level == TOWN:
        return None
    return None


def _believe_alone(doc: Doc, home: Home, cands: list[Division], surface: str, pos: int, n: int) -> Division | None:
    full = [d for d in cands if d.name == surface]
    short = [d for d in cands if d.name != surface]
    end = pos + n
    if full:
        d = home.prefer(full)
        if d is None:
            return None
        if d.level == TOWN and not home.within_home(d):
            return None
        if d.level == TOWN and not (doc.is_boundary(pos) and doc.is_boundary(end)):
            return None
        return d
    # a short name: only at token boundaries (a province's also before a noun: 北京奥运会), and only near
    # home unless it names a city or province
    provinces = [x for x in short if x.level == PROVINCE]
    if not doc.is_boundary(pos) or not (doc.is_boundary(end) or provinces and end < len(doc.text)
                                        and doc.text[end] not in "路街村镇乡区县市省"):
        return None
    if end < len(doc.text) and doc.text[end] in "路街村镇乡":
        return None
    d = home.prefer([x for x in short if x.level <= COUNTY])
    if d is None:
        return None
    if d.level == PROVINCE or d.level == CITY or home.within_province(d):
        return d
    return None


def _home_ref(home: Home) -> EntityRef | None:
    return division_ref(home.city) if home.city is not None else None


def _venues_and_roads(doc: Doc) -> list[tuple[EntityRef, int, str]]:
    text = doc.text
    lex = doc.lex
    home: Home = doc.home
    out = []
    for suffixes, kind in ((lex.venue_suffixes, "venue"), (lex.road_suffixes, "road")):
        pattern = lex.alternation(kind + "_suffixes", suffixes)
        for m in pattern.finditer(text):
            if doc.overlaps(m.start(), m.end()):
                continue
            start = _venue_start(doc, m.start(), kind) if kind == "venue" else _road_start(text, m.start())
            if start is None:
                continue
            end = m.end()
            name = text[start:end]
            least = 1 if kind == "road" or name[0] in "市县区" else 2      # 市政务服务大厅 is a name
            if len(name) - len(m.group()) < least or doc.overlaps(start, end):
                continue
            if kind == "road" and (_generic_road(doc, name) or (end < len(text) and text[end] in NOT_ROAD_AFTER)):
                continue      # 向阳桥街道 is a town, 群众路线 a line, 路面 a surface
            if kind == "road" and _read_as_person(doc, start, end):
                continue      # 张路老师: 路 is a given name there, the tagger reads the whole a person's name
            canonical = name
            if name[0] in "市县区" and name[1:2] not in "场区" and (d := home.by_level_word(name[0])) is not None:
                canonical = d.name + name[1:]          # 市政务服务大厅 -> 衡阳市政务服务大厅
            sc = f"{scope(home.city)}/{home.city.name}".lstrip("/") if home.city is not None else ""
            ref = EntityRef(PLACE, canonical, sc)
            if doc.add(PLACE, start, end, ref, alias=name) is None:
                continue
            doc.record(ref).kind = kind
            number = re.match(r"[\d一二三四五六七八九十百]+号", text[end:end + 6]) if kind == "road" else None
            if number:
                doc.record(ref).aliases.add(name + number.group())
            out.append((ref, start, name))
    return out


def _read_as_person(doc: Doc, start: int, end: int) -> bool:
    """Does the tagger read the road's ending as part of a person's name shaped like a Chinese one: the whole
    (张路, 王一路), its end (推荐张路老师), or a name running on past it (研究员钱路平)?"""
    t = doc.token_at(end - 1)
    return (t is not None and start <= t.start and end <= t.end and t.pos == "nr"
            and valid_name(t.word, doc.lex, tagged=True))


NOT_ROAD_AFTER = "道区镇乡村办线面段边灯况费网径过上旁"
ROAD_SPLIT = re.compile(r"(?:东起|西起|南起|北起|东至|西至|南至|北至|经过|途经|位于|沿着|前往|来到|"
                        r"办事处|街道|社区|[起至在到从沿往于和与及的是为将把对经过村镇乡区县市省他她我你们骑走车、，。；：\s])")


def _road_start(text: str, suffix_start: int) -> int | None:
    """A road's name is the last stretch of up to four Han characters before its ending, cut at a preposition,
    a verb of direction or a place's ending (起建设南路 -> 建设南路, 经过向阳南路 -> 向阳南路)."""
    s = suffix_start
    while s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and suffix_start - s < 8:
        s -= 1
    run = text[s:suffix_start]
    cut = 0
    for m in ROAD_SPLIT.finditer(run):
        cut = m.end()
    head = run[cut:][-4:]
    return suffix_start - len(head) if head else None


GENERIC_ROADS = ("公路", "道路", "铁路", "线路", "马路", "出路", "思路", "网路", "新路", "老路", "套路", "门路", "水路", "陆路",
                 "大街小巷", "街巷", "街道", "一路", "沿路", "半路", "去路", "来路", "退路", "后路", "小路", "大路", "高速")


def _generic_road(doc: Doc, name: str) -> bool:
    """公路, 干线公路, 新路: words for roads, not a road's name."""
    if name.endswith(GENERIC_ROADS) or name in doc.lex.not_names:
        return True
    return common_word(doc.lex, name, 20, names_too=True) and not name.endswith(("东路", "西路", "南路", "北路", "中路", "大道"))


def _venue_start(doc: Doc, suffix_start: int, kind: str) -> int | None:
    """Walk left from a venue or road ending over place-like tokens; None if nothing names it."""
    text = doc.text
    i = doc.token_index(suffix_start)
    if i < 0:
        return None
    tok = doc.tokens[i]
    start = tok.start if tok.start < suffix_start else suffix_start
    j = i if tok.start < suffix_start else i - 1
    limit = 4 if kind == "road" else 20
    while j >= 0:
        t = doc.tokens[j]
        if t.end <= start - 1 or suffix_start - t.start > limit:
            break
        if t.start < start:
            if not all("\u4e00" <= c <= "\u9fff" for c in t.word) or t.word in NOT_VENUE_HEAD:
                break
            if not (t.pos in PLACE_POS or t.pos.startswith("n")):
                # a verb inside a venue's name that opens with a place (南岳游击干部训练班旧址)
                if not (kind == "venue" and t.pos == "v" and len(t.word) == 2 and j > 0
                        and doc.tokens[j - 1].pos == "ns" and doc.tokens[j - 1].end == t.start
                        and t.word not in doc.lex.event_hosts):       # 湘潭|举行|…产业园 is no name
                    break
            if doc.overlaps(t.start, t.end) and not _is_place_mention(doc, t.start, t.end):
                break
            start = t.start
        j -= 1
    trimmed = LEAD_TRIM.sub("", text[start:suffix_start])
    start = suffix_start - len(trimmed)
    if start >= suffix_start and kind == "venue":
        return None
    return start


def _is_place_mention(doc: Doc, s: int, e: int) -> bool:
    return any(m.start <= s and e <= m.end for m in doc.mentions(PLACE, by_start=False))


def _venue_parent(doc: Doc, home: Home, start: int, name: str, kind: str | None) -> EntityRef | None:
    """A venue's or road's parent: the place just before it (青山街道办事处易赖街), for a venue the place its
    name begins with (衡阳抗战纪念馆), else home. A road named after a city (延安路) is still a home road."""
    text = doc.text
    for m in doc.mentions(PLACE, by_start=False):
        if m.ref is not None and m.end <= start and text[m.end:start] in ("", "办事处", "村委会", "居委会"):
            return m.ref
    if name[0] in "市县区" and (d := home.by_level_word(name[0])) is not None:
        return division_ref(d)
    lp = leading_place(name, home) if kind == "venue" else None
    if lp is not None and lp[1] < len(name):
        return division_ref(lp[0])
    return _home_ref(home)


GEO_ENDING = re.compile(r"(?:州|岛|群岛|半岛|山|山脉|湖|河|江|海|湾|洲|峰|岭|峡|谷|港|湾|盆地|平原|高原|草原|沙漠|国)$")


def _tagged_places(doc: Doc) -> None:
    """The tagger's places the gazetteer does not hold (洛杉矶, 亚太, 喀喇昆仑山): weak mentions, kept when a
    dictionary knows the word as a place or its ending is a geographic one. A generic tail is no part of the
    name (亚太地区 -> 亚太)."""
    from .doc import tokenizer

    tok = tokenizer(doc.lex)
    tails = doc.lex.place_words.get("tail", ())
    for t in doc.tokens:
        if t.pos != "ns" or len(t.word) < 2 or doc.overlaps(t.start, t.end):
            continue
        if not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in t.word):
            continue
        word, end = t.word, t.end
        tail = next((x for x in tails if word.endswith(x) and len(word) - len(x) >= 2), None)
        if tail is not None:
            word, end = word[:-len(tail)], end - len(tail)
        known = tok.word_tag_tab.get(word) == "ns"
        if known or GEO_ENDING.search(word) or tail is not None:
            doc.add(PLACE, t.start, end, EntityRef(PLACE, word, ""), value="area", weak=True)


def _abbreviated(doc: Doc) -> None:
    """One-character place names in their usual settings: pairs before a word of relations (中美关系,
    中俄两国) or read by the tagger as one word (中德, 港澳台), each a place of its own; a side (中方, 美方);
    after a verb of travel or dealing (访华, 驻美, 对台); inside set words (华侨, 台胞, 抗日: place_words.tsv).
    Weak mentions."""
    abbr = doc.lex.abbreviations
    chars = "".join(abbr)
    pair = doc.lex.derived("abbr_pairs", lambda: re.compile(rf"[{chars}]{{2,3}}(?={PAIR_AFTER})"))
    text = doc.text
    spans = []
    for m in pair.finditer(text):
        if len(set(m.group())) == len(m.group()):
            spans.extend(range(m.start(), m.end()))
    for t in doc.tokens:
        if t.pos in ("ns", "nt", "nz", "j") and abbreviation_run(t.word, abbr):
            spans.extend(range(t.start, t.end))
    for m in re.finditer(rf"([{chars}])方", text):
        k = m.start(1)
        t = doc.token_at(k)
        if doc.is_boundary(k) and t is not None and t.end in (k + 1, k + 2) and (
                m.end() == len(text) or not "\u4e00" <= text[m.end()] <= "\u9fff" or doc.is_boundary(m.end())):
            spans.append(k)       # 同美方签署, 委员会中方主席: not 地方, 双方, 东方
    visit = "".join(doc.lex.place_words.get("visit", ()))
    for m in re.finditer(rf"(?<=[{visit}])[{chars}]|(?<=[在旅])华|(?<=晋)京", text):
        k = m.start()
        t = doc.token_at(k)
        if t is not None and t.end == k + 1 and t.start in (k - 1, k) and doc.is_boundary(k - 1):
            spans.append(k)       # 访美, 驻港, 对华; not 对法律, 来日方长, 采访中
    marked = doc.lex.derived("abbreviated_marks", lambda: [_marks(w) for w in doc.lex.place_words.get("abbreviated", ())])
    for plain, marks in marked:
        for k in occurrences(text, plain):
            if doc.is_boundary(k) or doc.token_at(k) is not None and doc.token_at(k).start == k:
                spans.extend(k + i for i in marks if text[k + i] in abbr)
    for k in sorted(set(spans)):
        if not doc.overlaps(k, k + 1):
            doc.add(PLACE, k, k + 1, EntityRef(PLACE, abbr[text[k]], ""), value="country", weak=True)


def _marks(word: str) -> tuple[str, list[int]]:
    """A place_words.tsv word with its abbreviating characters in brackets ([华]侨, 抗[日]): the plain word, and
    where in it each bracketed character stands."""
    return word.replace("[", "").replace("]", ""), [i - 2 * word[:i].count("[") for i, c in enumerate(word) if c == "["]


def _collective(doc: Doc) -> None:
    """Names of a whole region or land (两岸 for the mainland and Taiwan, 中华, 大陆): mentions that name no one
    node, unless a noun before makes the word generic (湘江两岸, 非洲大陆)."""
    words = doc.lex.place_words.get("collective", ())
    if not words:
        return
    text = doc.text
    for m in doc.lex.alternation("collective_places", words).finditer(text):
        s, e = m.span()
        t = doc.token_at(s)
        if doc.overlaps(s, e) or t is None or t.start != s or t.end != e and not common_word(doc.lex, t.word, 1,
                                                                                             names_too=True):
            continue      # 中华民族 is a word, 中华粮网 a name
        i = doc.token_index(s)
        before = doc.tokens[i - 1] if i > 0 else None
        if before is not None and before.end == s and before.pos in ("n", "ns", "nz", "nt", "nr", "s", "f", "a", "j"):
            continue
        doc.add(PLACE, s, e)


PAIR_AFTER = ("关系|两国|三国|双方|合作|友好|会谈|边界|边境|建交|贸易|经贸|首脑|联合|峰会|战略|之间|交流|谈判|对话|协定|"
              "条约|友谊|外长|领导人|贸易额|经济|两岸|人民")


def _countries(doc: Doc) -> None:
    countries = gazetteer().countries
    text = doc.text
    for m in doc.lex.alternation("countries", (n for n in countries if len(n) >= 2)).finditer(text):
        if doc.overlaps(m.start(), m.end()) or not (doc.is_boundary(m.start()) and doc.is_boundary(m.end())):
            continue
        if text.startswith("人民", m.end()):
            continue          # 中国人民抗日战争胜利纪念日: part of a name, not the country
        ref = EntityRef(PLACE, countries[m.group()])
        if doc.add(PLACE, m.start(), m.end(), ref) is not None:
            doc.record(ref).kind = "country"


__all__ = ["run", "division_ref", "scope", "VILLAGE"]
