"""Venues and roads: a name ending in a venue's word (纪念馆, 书院, 产业园: venue_suffixes.txt) or a road's
(路, 大道: road_suffixes.txt), read back over the tokens to where the name starts (衡阳抗战纪念馆, 蒸阳北路), and
the place each lies in. Called by places.py before division names are read, so 衡阳抗战纪念馆 is not 衡阳 + the rest."""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION, PLACE, EntityRef
from ..lexicon import word_tags
from ..lexicon.gazetteer import COUNTY, gazetteer
from .doc import Doc, occurrences
from .geo import Home, leading_county, leading_place
from .names import common_word, valid_name
from .place_refs import division_ref, home_ref, scope
from .zones import SHORT, zone_name

PLACE_POS = {"n", "ns", "nr", "nz", "nt", "j", "vn", "b", "l", "s", "f", "an", "nrt", "x"}


ANY_ZONE = "各全该本两三四五几些个省国家级内外"       # 各经开区, 全省经开区, 两个高新区: any zones, no one zone
LEAD_TRIM = re.compile(r"^(?:在|于|到|至|从|往|赴|去|来|经|沿|位于|前往|来到|走进|东至|西至|南至|北至|东起|西起|起|自|和|与|及)+")


def venues_and_roads(doc: Doc) -> list[tuple[EntityRef, int, str]]:
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
            if start is None and kind == "venue" and _home_zone(doc, m.start(), m.end()):
                start = m.start()
            if start is None:
                continue
            if kind == "road" and start > 0 and text[start - 1] in "和与及" and (t := doc.token_at(start - 1)) is not None \
                    and t.start == start - 1 and t.end > start:
                start -= 1        # 和平南路: 和 begins the tagger's word here, no 和 joining two things
            while kind == "road" and (t := doc.token_at(start)) is not None and t.end <= m.start() - 2 \
                    and t.pos.startswith(("v", "p", "c", "d")) and t.pos != "vn":
                start = t.end     # 驶入解放大道: the road starts after the verb (but 建设南路 is a name)
            written = start
            if kind == "venue" and (after := _division_before(doc, start, m.start())) is not None:
                start = after       # 柯桥区|绍兴奥体中心, 平城区|华严寺广场: the district, then the venue's own name
            end = m.end()
            if kind == "venue":
                end = max((k + len(x) for k in range(m.start() + 1, end)
                           if (x := lex.starting("venue_suffixes", suffixes, text, k))),
                          default=end)        # 工业园|区: the ending 园区 runs past the one matched (工业园)
            while kind == "venue" and (more := _venue_after(doc, end)) is not None:
                end = more          # 隋唐洛阳城国家遗址|公园, 衡阳市体育中心|体育场, 沧州国际饭店|二楼会议室: one venue
            name = text[start:end]
            least = 0 if start == m.start() else 1 if kind == "road" or name[0] in "市县区" else 2   # 市政务服务大厅 is a name
            if len(name) - len(m.group()) < least or doc.overlaps(start, end):
                continue
            if kind == "road" and (_generic_road(doc, name) or (end < len(text) and text[end] in NOT_ROAD_AFTER)
                                   or text[m.start() - 1] == "之") or kind == "venue" and text.startswith(LEVELS, end):
                continue      # 向阳桥街道 is a town, 群众路线 a line, 路面 a surface, 致富之路 a way to wealth; 张广庙镇 a town
            if kind == "venue" and name.startswith(EVERY):
                continue      # 全县病险水库, 各乡镇水库: every one of a kind, no venue's name
            if kind == "venue" and common_word(lex, name[:len(name) - len(m.group())], 100) \
                    and name[0] not in "市县区" and name not in word_tags():
                continue      # 旅游度假区, 文化广场: a kind of venue, no venue's name (but 少林寺, 时代广场, 国家图书馆)
            if kind == "road" and (_read_as_person(doc, start, end) or len(name) == 2 and (
                    tok := doc.token_at(m.start())) is not None and tok.end > m.end() and tok.pos in ("ns", "nt", "nz")):
                continue      # 张路老师: 路 is a given name there, the tagger reads the whole a person's name; 耶路|撒冷:
                #               the tagger's name runs on past a two-character road's ending
            if kind == "road" and (tok := doc.token_at(m.start())) is not None and tok.start < m.start() and (
                    tok.pos.startswith(("v", "d", "a", "m", "p", "c"))
                    or tok.pos == "n" and len(tok.word) == 2 and tok.word != "马路" and common_word(doc.lex, tok.word, 100)):
                continue      # 徒步时迷路, 较大道, 缺少销路: the tagger's word holding the ending is another word
            canonical = name
            if kind == "venue" and (bare := _said_bare(doc, name, start)) is not None:
                canonical = bare                       # 衡东县罗荣桓故居 and 罗荣桓故居 in one article: one venue
            elif kind == "venue" and (zone := zone_name(name, home, text, whole=True)) is not None:
                canonical = zone                       # 宜昌高新区 -> 宜昌高新技术产业开发区, as its bodies are named
            elif name[0] in "市县区" and name[1:2] not in "场区民" and (d := home.by_level_word(name[0])) is not None:
                canonical = d.name + name[1:]          # 市政务服务大厅 -> 衡阳市政务服务大厅
            ref = EntityRef(PLACE, canonical, _venue_scope(home))
            if doc.add(PLACE, start, end, ref, alias=name) is None:
                continue
            doc.record(ref).kind = kind
            if written < start:
                doc.record(ref, text[written:end])      # as written, with its district
            number = re.match(r"[\d一二三四五六七八九十百]+号", text[end:end + 6]) if kind == "road" else None
            if number:
                doc.record(ref).aliases.add(name + number.group())
            out.append((ref, start, name))
    for m in ROUTE.finditer(text):           # 国道318线: a numbered highway, a road (国道 alone is a kind of road)
        ref = EntityRef(PLACE, re.sub(r"\s+", "", m.group()))
        if doc.add(PLACE, m.start(), m.end(), ref) is not None:
            doc.record(ref).kind = "road"
            out.append((ref, m.start(), m.group()))
    return out


EVERY = ("全县", "全市", "全区", "全省", "全镇", "全乡", "各")
ROUTE = re.compile(r"(?:国道|省道|县道)\s*[GSX]?\d{1,4}\s*线|(?<![A-Za-z0-9])[GSX]\d{1,4}线")     # 国道318线, S214线
VISITED = re.compile(r"(?:走进|来到|深入|前往)$")
AT = re.compile(r"(?:在|于)[^，,。；！？\n在于]{0,6}$")
HELD_THERE = r"[^，,。；！？\n]{0,12}?(?:@)"     # @: the held, opened, started and host verbs (在…卫生院开展义诊活动)


def held_at(doc: Doc, s: int, e: int) -> bool:
    """Is text[s:e], a name ending in a venue's word, where the text holds something (在桂林国际会展中心开幕,
    在县城华天大酒店举行)? There it is the venue, a place, though its word also ends organizations' names."""
    return bool(doc.lex.ending("venue_suffixes", doc.lex.venue_suffixes, doc.text, e) and e - s > 2
                and _held_there(doc, s, e))


def _held_there(doc: Doc, s: int, e: int) -> bool:
    """Does the text hold something at text[s:e] (在…X开幕, 在…X举行, 在…X会见)?"""
    text, lex = doc.text, doc.lex
    return bool(AT.search(text, max(0, s - 7), s) and lex.pattern(
        "held_there", HELD_THERE, lex.event_held, lex.event_opened, lex.event_started, lex.event_hosts,
        lex.event_met).match(text, e))


def _venue_scope(home: Home) -> str:
    """The scope of a venue's reference: the home city's (a venue's name says little of where it is)."""
    return f"{scope(home.city)}/{home.city.name}".lstrip("/") if home.city is not None else ""


def institutions_held_in(doc: Doc) -> list[tuple[EntityRef, int, str]]:
    """An institution's grounds where something is held (在岳阳市委党校开班, 在周口金海中学举行, 在市行政中心召开) or
    that someone visits (走进长沙市第一中学): a place, the event's, as well as the organization (a school, a party
    school: place_words' held_in endings).
    Where the text holds nothing there, the name is the organization only."""
    text, home = doc.text, doc.home
    endings = doc.lex.place_words.get("held_in", ())
    out = []
    for m in doc.mentions(ORGANIZATION):
        if m.ref is None or m.weak or not doc.lex.ending("held_in", endings, m.ref.name, len(m.ref.name)):
            continue
        if _held_there(doc, m.start, m.end) or VISITED.search(text, max(0, m.start - 3), m.start):   # 走进…中学: visited
            ref = EntityRef(PLACE, m.ref.name, _venue_scope(home))
            if doc.add(PLACE, m.start, m.end, ref, claim=False, alias=m.text) is not None:
                doc.record(ref).kind = "venue"
                out.append((ref, m.start, m.text))
    return out


def listed_sites(doc: Doc) -> list[tuple[EntityRef, int, str]]:
    """The sites a visit lists before 等地 (先后到寿光蔬菜高科技示范园、…、山东寿光农产品物流园等地考察): each item named
    like a venue, a village, a community or a town is a place, where nothing else was read there."""
    text, out = doc.text, []
    for m in SITES.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            s, e = pos, pos + len(item)
            pos = e + 1
            if doc.overlaps(s, e) or len(item) < 3 or leading_place(item, doc.home) is not None or JOINED.search(item) or not (
                    doc.lex.ending("venue_suffixes", doc.lex.venue_suffixes, item, len(item)) or item.endswith(SITE_ENDS)):
                continue
            ref = EntityRef(PLACE, item, _venue_scope(doc.home))
            if doc.add(PLACE, s, e, ref) is not None:
                doc.record(ref).kind = "venue"
                out.append((ref, s, item))
    return out


SITES = re.compile(r"(?:先后到|先后来到|先后深入|深入|走进|来到|前往|到)((?:[\u4e00-\u9fff]{3,20}、)+[\u4e00-\u9fff]{3,20})等地")
LEVELS = ("镇", "乡", "村", "街道", "社区", "县", "旗")      # after a venue's word, a division named after it (张广庙|镇, 商城|县)
SITE_ENDS = LEVELS + ("园", "园区", "基地", "小区", "景区")
JOINED = re.compile(r"[和及与]")       # 工业园区和平安社区: two sites, or a name holding 和 (和平): neither read


def _read_as_person(doc: Doc, start: int, end: int) -> bool:
    """Does the tagger read the road's ending as part of a person's name shaped like a Chinese one: the whole
    (张路, 王一路), its end (推荐张路老师), or a name running on past it (研究员钱路平)?"""
    t = doc.token_at(end - 1)
    return (t is not None and start <= t.start and end <= t.end and t.pos == "nr"
            and valid_name(t.word, doc.lex, tagged=True))


NOT_ROAD_AFTER = "道区镇乡村办线面段边灯况费网径过上旁途街社子人口滑标牌"      # 广东路街道, 阿热亚路社区: a town, a community; 路子;
#                                                                    撞伤路人, 十字路口, 雨天路滑, 没有路标


ROAD_SPLIT = re.compile(r"(?:东起|西起|南起|北起|东至|西至|南至|北至|经过|途经|位于|沿着|前往|来到|"
                        r"办事处|街道|社区|[起至在到从沿往于和与及的了是为将把对经过村镇乡区县市省他她我你们骑走车、，。；：\s])")


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


def _generic_road(doc: Doc, name: str) -> bool:
    """公路, 干线公路, 新路: words for roads, not a road's name."""
    if name.endswith(doc.lex.place_words.get("generic_road", ())) or name in doc.lex.not_names:
        return True
    return common_word(doc.lex, name, 20) and not name.endswith(("东路", "西路", "南路", "北路", "中路", "大道"))
    #       (a word the dictionary files as a name is a road's name: 解放路, 建设路, 中山路)


FLOOR = re.compile(r"(?:[\d一二三四五六七八九十]{1,3}号?[楼层]|第[\d一二三四五六七八九十]{1,3})$")     # 三楼, 第一(会议室)
FLOOR_AFTER = re.compile(r"[\d一二三四五六七八九十]{1,3}号?[楼层]|第[\d一二三四五六七八九十]{1,3}")


def _said_bare(doc: Doc, name: str, start: int) -> str | None:
    """The venue's name without the county or town written before it (衡东县罗荣桓故居 -> 罗荣桓故居), where the article
    also writes it so; None otherwise."""
    lp = leading_place(name, doc.home, allow_short=False)
    if lp is None or lp[0].level < COUNTY or len(name) - lp[1] < 4:
        return None
    prefix, bare = name[:lp[1]], name[lp[1]:]
    return bare if any(not doc.text.endswith(prefix, 0, k) for k in occurrences(doc.text, bare)) else None


def _venue_after(doc: Doc, e: int) -> int | None:
    """Where a venue's word right after text[:e] (after a floor, perhaps) ends: the venue named on."""
    text = doc.text
    floor = FLOOR_AFTER.match(text, e)
    at = floor.end() if floor is not None else e
    for d in range(0, 4 if floor is not None else 1):     # after a floor, a room's word may have its kind before it
        if d and not HAN_RUN.fullmatch(text, at, at + d):
            break
        word = doc.lex.starting("venue_suffixes", doc.lex.venue_suffixes, text, at + d)
        if word and (d == 0 or word.endswith(ROOM_ENDINGS)):
            return at + d + len(word)       # 一楼|多功能|报告厅
    return None


ROOM_ENDINGS = ("厅", "室", "馆")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def venue_follows(doc: Doc, e: int) -> bool:
    """Does a venue's word follow text[:e], at once or after a floor (市应急管理局|会议室, 市行政中心|二楼会议室)?
    Then the name before it is part of the venue's."""
    return _venue_after(doc, e) is not None


def _home_zone(doc: Doc, s: int, e: int) -> bool:
    """Is text[s:e] a zone's short kind written alone (在经开区调研, 高新区管委会), the home city's zone (浏阳经济技术开发区
    in a 浏阳 paper: zones.zone_name), as its bodies written alone are? A paper writes another city's with the city
    (长沙经开区); 各经开区, 全省经开区 are any zones."""
    return doc.text[s:e] in SHORT and doc.home.city is not None and doc.is_boundary(s) and doc.is_boundary(e) \
        and (s == 0 or doc.text[s - 1] not in ANY_ZONE)


def _venue_start(doc: Doc, suffix_start: int, kind: str) -> int | None:
    """Walk left from a venue or road ending over place-like tokens; None if nothing names it."""
    text = doc.text
    i = doc.token_index(suffix_start)
    if i < 0:
        return None
    tok = doc.tokens[i]
    start = tok.start if tok.start < suffix_start else suffix_start
    j = i if tok.start < suffix_start else i - 1
    floor = FLOOR.search(text, max(0, suffix_start - 6), suffix_start) if kind == "venue" else None
    if floor is not None and start == suffix_start and (k := doc.token_index(floor.start())) > 0 \
            and doc.tokens[k].start == floor.start():
        start, j = floor.start(), k - 1        # 市行政中心二楼会议室: the floor is part of the room's name
    limit = 4 if kind == "road" else 20
    while j >= 0:
        t = doc.tokens[j]
        if t.end <= start - 1 or suffix_start - t.start > limit:
            break
        if t.start < start:
            if not all("\u4e00" <= c <= "\u9fff" for c in t.word) or t.word in doc.lex.place_words.get("not_venue_head", ()):
                break
            if not (t.pos in PLACE_POS or t.pos.startswith("n")):
                # a verb inside a venue's name that opens with a place (南岳游击干部训练班旧址)
                if not (kind == "venue" and t.pos == "v" and len(t.word) == 2 and j > 0
                        and doc.tokens[j - 1].pos == "ns" and doc.tokens[j - 1].end == t.start
                        and t.word not in doc.lex.event_hosts and not t.word.endswith(("在", "到", "于"))
                        and not doc.lex.is_event_verb(t.word)):       # (恩阳区|调研|园区: a visit, no venue)
                    break     # 湘潭|举行|…产业园, 秦州区|还在|天水市伏羲广场: no name
            if doc.overlaps(t.start, t.end) and not _is_place_mention(doc, t.start, t.end):
                break
            start = t.start
        j -= 1
    trimmed = LEAD_TRIM.sub("", text[start:suffix_start])
    start = suffix_start - len(trimmed)
    if floor is not None and start < floor.start() and text[start] not in "市县区" \
            and common_word(doc.lex, text[start:floor.start()], 100):
        return None         # 办公楼９楼会议厅: a floor of a building the text does not name
    if start >= suffix_start and kind == "venue":
        return None
    return start


def _division_before(doc: Doc, start: int, suffix_start: int) -> int | None:
    """Where a venue's own name starts after the county or town written first (柯桥区绍兴奥体中心, 伊滨区洛阳智能装备
    产业园, 平城区华严寺广场): when what follows the division names a place or is no common word (not 柯桥区人民广场)."""
    n = leading_county(doc.text[start:suffix_start], doc.home)
    if not n:
        return None
    rest = doc.text[start + n:suffix_start]
    if len(rest) < 2 or not (leading_place(rest, doc.home, allow_short=False) or not common_word(doc.lex, rest, 100)):
        return None
    return start + n


def _is_place_mention(doc: Doc, s: int, e: int) -> bool:
    return any(m.start <= s and e <= m.end for m in doc.mentions(PLACE, by_start=False))


def venue_parent(doc: Doc, home: Home, start: int, name: str, kind: str | None) -> EntityRef | None:
    """A venue's or road's parent: the place just before it (青山街道办事处易赖街), for a venue the place its
    name begins with (衡阳抗战纪念馆), else home. A road named after a city (延安路) is still a home road."""
    text = doc.text
    for m in doc.mentions(PLACE, by_start=False):
        if m.ref is not None and m.end <= start and text[m.end:start] in ("", "的", "境内", "境内的", "办事处", "村委会", "居委会"):
            return m.ref       # 车江镇斗山桥水库, 位于衡南县车江镇的斗山桥水库
    if name[0] in "市县区" and (d := home.by_level_word(name[0])) is not None:
        return division_ref(d)
    lp = leading_place(name, home) if kind == "venue" else None
    if lp is None or lp[1] >= len(name):
        return home_ref(home)
    d, at = lp
    while (inner := leading_place(name[at:], home, allow_short=False)) is not None and at + inner[1] < len(name) \
            and (up := gazetteer().parent(inner[0])) is not None and up.id == d.id:
        d, at = inner[0], at + inner[1]        # 桂林市阳朔县遇龙河景区: in 阳朔县, the innermost named
    return division_ref(d)
