"""Where an event took place: the most specific place its sentence gives (a venue before a village before a town…),
where the text says it was held (在…举行, or a later sentence of its paragraph: 会议在市会展中心举行), the village the
article last named for 来村里, the county of a county paper's story, the seat of the body acting, else the home city."""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION, PLACE, EntityRef, Mention
from .doc import SLOGAN, Doc
from .event_names import HELD_AT, MOVE
from .geo import OUR_COUNTY
from .place_refs import division_ref

HELD_BEFORE = r"在([^，,。；\n在]{1,20}?)(?:主持|组织|集中)?(?:@)了?$"     # @: the held verbs, right before the name
AT = tuple("在于到赴")       # before the place where something happens (在耒水搁浅)
FROM = ("来自", "家住", "籍贯")      # before a person's home, not where the event is
PLACE_RANK = {"group": 0, "venue": 1, "road": 2, "village": 3, "town": 4, "county": 5, "city": 6, "province": 7, "country": 8}


def _home_of_someone(doc: Doc, m: Mention) -> bool:
    """Is the place at `m` written right after 来自 or 家住, alone or in a chain of places (家住柯桥区|平水镇)?"""
    k = m.start
    while not doc.text.endswith(FROM, 0, k):
        before = next((p for p in doc.ending_at(k, PLACE) if p.start < k), None)
        if before is None:
            return False
        k = before.start
    return True


def _whose(doc: Doc, m: Mention) -> bool:
    """Is the country at `m` only whose someone or something is (会见了来衡考察的德国客商, 日本自民党代理干事长), not
    where anything went or was held (在日本, 赴德国考察)?"""
    info = doc.info(m.ref)
    return (info.kind if info else m.value) == "country" and not MOVE.search(doc.text, max(0, m.start - 3), m.start) \
        and GUESTS.match(doc.text, m.end) is not None


GUESTS = re.compile(r"[^，,。；;\n]{0,16}?(?:一行|代表团|客商|客人|外宾|友人)")     # whom a country's name describes


def _next_sentences(doc: Doc, se: int, n: int = 3) -> list[int]:
    """Where the `n` sentences after the one ending at `se` start, within its paragraph (…表彰大会。会议对10个先进单位
    进行表彰。市长刘建华讲话。会议在衡阳市会展中心举行: where it was held, told last)."""
    end = doc.text.find("\n", se)
    out = [se]
    for a, _b in doc.sentences:
        if a > se and (end < 0 or a < end) and len(out) < n:
            out.append(a)
    return [k for k in out if k < len(doc.text)]


def place_for(doc: Doc, s: int, e: int) -> EntityRef | None:
    ss, se = doc.sentence_span(s)
    places = [m for m in doc.mentions(PLACE) if ss <= m.start < se and m.ref is not None and m.value != SLOGAN
              and not (s <= m.start and m.end <= e and m.value == "area" and doc.text[m.start - 1:m.start] not in AT)
              and not _home_of_someone(doc, m)       # 来自河南街道的崔明哲, 家住柯桥区平水镇的老人: where he comes from
              and not _whose(doc, m)]
    #         (三江口片区综合开发专题会议, 长三角文旅博览会: an area its name is about, not where it is held; 在耒水搁浅 is)
    held = doc.lex.pattern("held_at_after", HELD_AT, doc.lex.event_held, doc.lex.event_opened).match(doc.text, e)
    if held is None:
        held = doc.lex.pattern("held_at_before", HELD_BEFORE, doc.lex.event_held).search(doc.text, max(0, s - 30), s)
    if held is not None and (there := [m for m in places if held.start(1) <= m.start and m.end <= held.end(1)]):
        places = there          # 开工仪式在卧龙区举行, 在延安主持召开座谈会: where the text says it was held, not a place
        #                         in its name or one its sentence names after it (听取了延安市和延川县的工作汇报)
    elif held is None and (there := [m for m in places if doc.text[m.end:s].rstrip("了") in doc.lex.event_held]):
        places = there          # 邬庙村举行村民大会: the place that holds it, written right before the held verb

    def rank(m: Mention) -> tuple[int, int, int]:
        info = doc.info(m.ref)
        kind = (info.kind if info else None) or m.value or "city"
        if kind == "area" and NATURAL.search(m.text):
            kind = "venue"          # 岷江边一小孩不慎落水: the river, not the county around it
        moved = 0 if MOVE.search(doc.text, max(0, m.start - 3), m.start) else 1      # (MOVE ends with 在 too)
        return (PLACE_RANK.get(kind, 6), moved, abs(s - m.end))     # the nearest of equals

    later = next((h for k in _next_sentences(doc, se) if (h := HELD_LATER.match(doc.text, k)) is not None), None)
    there = [m for m in doc.mentions(PLACE) if later.start(1) <= m.start and m.end <= later.end(1)
             and m.ref is not None] if later is not None else []
    best_there = min(there, key=rank) if there else None
    best = min(places, key=rank) if places else None
    if best and not (best_there and rank(best_there)[0] < rank(best)[0]):
        return _toured(doc, best, places) or best.ref
    if best_there:
        return best_there.ref      # …召开常务会议。会议在市会议中心举行: where the next sentence says it was (a venue
        #                           there beats the city or county of the event's own sentence)
    back = HERE_WORD.search(doc.text, ss, se)
    if back:        # 来村里召开: the village the article last named
        level = HERE_WORD_LEVEL[back.group(1)]
        earlier = [m for m in doc.mentions(PLACE) if m.end <= ss and m.ref is not None
                   and (doc.info(m.ref) and doc.info(m.ref).kind == level)]
        if earlier:
            return earlier[-1].ref
    home = doc.home
    if home is not None and home.county is not None and OUR_COUNTY.search(doc.text):
        return division_ref(home.county)          # a county paper's story (我县): the county, not its city
    if (seat := _seat_of_actor(doc, ss, se)) is not None:
        return seat               # 岐山县人大常委会主任刘建军带领检查组…检查: in 岐山县, where the body acting sits
    if home is not None and home.city is not None:
        return division_ref(home.city)
    return None


def _toured(doc: Doc, best: Mention, places: list[Mention]) -> EntityRef | None:
    """Where a tour of several sites took place, `best` one of them listed with another of its kind (深入晋江、石狮两地
    调研, 检查云龙湖、丁万河闸站等重点部位): the nearest place that holds both, else the home city; None if `best` stands
    alone."""
    text, kind = doc.text, (lambda m: (i.kind if (i := doc.info(m.ref)) else None) or m.value)
    listed = [m for m in places if m is not best and m.ref != best.ref and kind(m) == kind(best) != "road"
              and (text[m.end:best.start] in LISTED or text[best.end:m.start] in LISTED)]
    if not listed:
        return None
    other, up = listed[0].ref, best.ref
    for _ in range(8):
        info = doc.info(up)
        if info is None or info.parent is None:
            break
        up = info.parent
        if other == up or place_within(doc, other, up):
            return up
    home = doc.home
    return division_ref(home.city) if home is not None and home.city is not None else None


LISTED = ("、", "和", "及")       # (not 与: 西二环与延安路交叉路口 is one crossing)


def _seat_of_actor(doc: Doc, ss: int, se: int) -> EntityRef | None:
    """The county (or county-level city) the first organization named in the sentence ss..se sits in, when the home
    city holds it: where an event its people lead takes place, the text naming no place of its own."""
    home = doc.home
    if home is None or home.city is None:
        return None
    for m in doc.mentions(ORGANIZATION):
        if ss <= m.start < se and m.ref is not None and (info := doc.info(m.ref)) is not None and info.parent is not None:
            if info.parent.scope.endswith(home.city.name) and info.parent.name.endswith(("县", "市", "区", "旗")):
                return info.parent      # a county of the home city (its scope ends with the city's name)
            return None
    return None


HELD_LATER = re.compile(r"\s*(?:会议|活动|仪式|大会|会上|比赛|典礼|开幕式|座谈会|主会场)(?:在|于|设在)([^，,。；\n]{2,25}?)"
                        r"(?:举行|召开|开幕|举办|进行|。|，)")
NATURAL = re.compile(r"(?:江|河|湖|海|湾|山|岛|峡|溪|水库)$")        # a named river, lake or mountain: where it happened
HERE_WORD = re.compile(r"(?:来|到|回|在|去)(村|镇|乡|社区|县)里")
HERE_WORD_LEVEL = {"村": "village", "社区": "village", "镇": "town", "乡": "town", "县": "county"}


def finer(doc: Doc, a: EntityRef, b: EntityRef) -> bool:
    """Is place `a` a site, village or town and `b` a county or larger (金家村 beside 永吉县, though the gazetteer files
    its town under a zone)? Two tellings of one event: the finer is the place it was held."""
    rank = {r: PLACE_RANK.get((doc.info(r).kind if doc.info(r) else None) or "city", 6) for r in (a, b)}
    return rank[a] <= PLACE_RANK["town"] < rank[b]


def place_within(doc: Doc, a: EntityRef, b: EntityRef) -> bool:
    """Does place `a` lie in place `b`, by the parents the article gives?"""
    for _ in range(8):
        info = doc.info(a)
        if info is None or info.parent is None:
            return False
        a = info.parent
        if a == b:
            return True
    return False


def at_the_scene(doc: Doc, events: list, home: EntityRef | None) -> None:
    """An event its sentence places at the scene of one told before (次日，灯会现场还举办了猜灯谜比赛) is where that one was,
    not the home city its sentence would give."""
    text = doc.text
    for k, (ev, s, _e) in enumerate(events):
        if ev.place is not None and ev.place != home:
            continue
        ss, _ = doc.sentence_span(s)
        p = text.find("现场", ss + 2, s)
        while p >= 0:
            there = next((x.place for x, _, _ in reversed(events[:k]) if x.name.endswith(text[p - 2:p])
                          and x.place is not None and x.place != home), None)
            if there is not None:
                ev.place = there
                break
            p = text.find("现场", p + 2, s)
