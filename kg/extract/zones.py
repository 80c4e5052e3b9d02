"""Development zones and their bodies: how a zone is named (宜昌高新区 is 宜昌高新技术产业开发区, 市北经济开发区 in a
paper of 日照 is 日照市北经济开发区) and its two bodies, the 管委会 (宣城经济技术开发区管理委员会) and the party's 党工委
(中共宣城经济技术开发区工作委员会), written with the zone or alone where the article is about one zone
(经开区党工委书记汪涛出席，管委会主任牛建军). Read by org_names.canonical and venues."""
from __future__ import annotations

import re

from .doc import Doc
from .geo import Home, leading_place, upper_names

KINDS = r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区"
SHORT = {"高新区": "高新技术产业开发区", "经开区": "经济技术开发区"}
FULLER = ("经济技术开发区", "经济开发区", "高新技术产业开发区")     # what a bare 开发区 may be short for
ZONE = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{KINDS})")
BODY = re.compile(rf"^(?:中共)?(?P<zone>[\u4e00-\u9fff]{{0,6}}?(?:{KINDS}))?(?P<body>党工委|工委|工作委员会|管委会|管理委员会)$")
BODIES = {"党工委": "party", "工委": "party", "工作委员会": "party", "管委会": "office", "管理委员会": "office"}


def zone_name(written: str, home: Home, text: str = "", *, whole: bool = False) -> str | None:
    """The name of a zone written `written` (宜昌高新区, 经开区, 市开发区) in a paper of `home`'s city: the short kind said in
    full, and the city first where the text leaves it out or writes only its level word. None for a zone named after
    no place when `written` is its whole name (松柏经开区, 花桥经济开发区: their own names, not the city's zone)."""
    m = re.fullmatch(rf"(?P<place>[\u4e00-\u9fff]{{0,6}}?)(?P<kind>{KINDS})", written)
    if m is None:
        return None
    place, kind = _place_part(m.group("place"), home), SHORT.get(m.group("kind"), m.group("kind"))
    if kind == "开发区" and m.group("place") and text:
        kind = next((k for k in FULLER if m.group("place") + k in text), kind)    # 市北开发区 of 市北经济开发区 named
    if whole and m.group("place") and not place:
        return None
    city = home.city.name if home.city is not None else ""
    if place == "市" and city and kind in SHORT.values():
        place = city.removesuffix("市")        # 市经开区 -> 浏阳经济技术开发区, as 宜昌市高新区 below
    elif place.startswith("市") and city:
        place = city + place[1:]              # 市北经济开发区 -> 日照市北经济开发区; 市开发区 -> 宣城市开发区
    elif not place and city:
        place = city.removesuffix("市")        # 高新区 in 宜昌 -> 宜昌高新技术产业开发区
    elif city and place == city.removesuffix("市") + "市":
        place = place[:-1]                    # 宜昌市高新区 -> 宜昌高新技术产业开发区
    if not place:
        return None
    national = place + "国家" + kind
    return national if national in text else place + kind     # 保定高新区 of the 保定国家高新技术产业开发区 named


def _place_part(prefix: str, home: Home) -> str:
    """The place a zone's name opens with, and the zone's own words after it (包头稀土 of 包头稀土高新区); else the
    longest end of `prefix` that is a place read whole (宜昌 of 召开宜昌), or a level word and what follows it (市北)."""
    lead = leading_place(prefix, home) if prefix else None
    if lead is not None and lead[1] < len(prefix):
        return prefix         # 包头稀土高新区: the place and the zone's own words after it
    for k in range(len(prefix)):
        rest = prefix[k:]
        lp = leading_place(rest, home)
        if rest[0] == "市" or lp is not None and lp[1] == len(rest):
            return rest
    names = upper_names()
    return next((prefix[k:] for k in range(len(prefix) - 1) if prefix[k:] in names), "")
    #      (平湖经济技术开发区 in an 安庆 paper: a place of another province by its short name, no zone of 安庆's)


def zone_body(surface: str, doc: Doc, home: Home) -> tuple[str, set[str]] | None:
    """The full name of a zone's body written `surface` (高新区党工委, 经开区管委会, 管委会 alone), and `surface` as its
    alias; None where it is no zone's body, or names none and the article names no zone."""
    m = BODY.match(surface)
    if m is None:
        return None
    written = m.group("zone") or _article_zone(doc)
    zone = zone_name(written, home, doc.text) if written else None
    if zone is None:
        return None
    if BODIES[m.group("body")] == "party":
        return f"中共{zone}工作委员会", {surface}
    return f"{zone}管理委员会", {surface}


def _article_zone(doc: Doc) -> str | None:
    """The zone the article names first (a 管委会 written alone is its)."""
    m = ZONE.search(doc.text)
    if m is None:
        return None
    return m.group()
