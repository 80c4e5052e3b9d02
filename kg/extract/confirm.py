"""Weak mentions become entities only when something corroborates them.

Some evidence is enough to report a mention but not to put a node in the graph:
a name the tagger alone proposes once (曼联, 康养). Such mentions are `weak`. A
weak mention names an entity when the article mentions the same thing again, or
when a fact (a post, an event) uses it or it opens a dateline (红网时刻衡阳5月18日讯); otherwise it stays a mention (`kg ner`
reports it) and the graph does without it.
"""
from __future__ import annotations

import re
from collections import Counter

from ..datamodel import MENTION_TYPES, ORGANIZATION, PLACE
from .doc import EVENTS, MEMBERSHIPS, MODELLED, SLOGAN, Doc
from .org_names import DATELINE

NAME = "confirm"
REQUIRES = (*MENTION_TYPES, MEMBERSHIPS, EVENTS, "home")
ASSIGNS = ("person", "organization", "place")     # a weak mention corroborated names its entity


def run(doc: Doc) -> None:
    mentions = doc.mentions(*MENTION_TYPES, by_start=False)
    memberships = doc.memberships
    used = {m.person for m in memberships} | {m.org for m in memberships if m.org is not None}
    for ev in doc.events:
        used.update(ev.attendees)
        used.update(ev.organizers)
        if ev.place is not None:
            used.add(ev.place)
    used.update(m.ref for m in mentions if m.type == ORGANIZATION and DATELINE.match(doc.text, m.end))   # 红网…讯
    used.update(_visited(doc, mentions))
    _short_places(mentions)
    seen = Counter(m.ref for m in mentions if m.ref is not None and m.value != SLOGAN)
    strong_orgs = [r.name for r, _ in doc.records(ORGANIZATION)]
    for m in mentions:
        if m.weak and m.type == "organization" and any(n != m.text and n.startswith(m.text) for n in strong_orgs):
            continue      # 腾讯 beside 腾讯互娱 and 腾讯·大湘网: the brand of those, not another organization
        if m.weak and m.value == SLOGAN:
            continue      # 中国 of 中国式现代化: a slogan's, never the article's place
        if m.weak and m.ref is not None and (seen[m.ref] >= 2 or m.ref in used or doc.info(m.ref) is not None):
            m.weak = False
            doc.entity(m)
            if m.type == "place" and m.value:
                info = doc.record(m.ref)
                info.kind = info.kind or m.value        # what kind of place the weak mention said it was
    for m in mentions:
        if m.weak and m.type == ORGANIZATION and m.value == MODELLED:
            doc.drop_weak(m.start, m.end)     # the model's guess, seen once and used by nothing: not even a mention
    _bare_aliases(doc)


def _bare_aliases(doc: Doc) -> None:
    """A body of another place than the paper's keeps no alias its text wrote bare (市委 of 中共嘉峪关市委员会 in a 天水
    paper): in this paper 市委 names the home city's, and a reader searching it should find that one alone."""
    home = doc.home
    if home is None:
        return
    own = {"市": home.city, "县": home.county, "区": home.county, "省": home.province}

    def keeps(alias: str, name: str) -> bool:
        place = own.get(alias[:1])      # the home division a bare 市…, 县…, 省… names in this paper
        return place is None or place.name in name or bool(place.short) and place.short in name

    for ref, info in doc.records(ORGANIZATION):
        info.aliases = {a for a in info.aliases if keeps(a, ref.name)}


VISIT = re.compile(r"(?:走进|来到|深入|前往|抵达|参观了?|考察了?)$")


def _visited(doc: Doc, mentions: list) -> set:
    """Places the text says someone went to (来到松木经开区, 参观了安吉竹博园和中南百草原): a visited site is a place
    (EXTRACTION.md), even named once."""
    out, last_end = set(), -1
    for m in sorted((m for m in mentions if m.type == PLACE and m.ref is not None), key=lambda m: m.start):
        if VISIT.search(doc.text, max(0, m.start - 3), m.start) or (
                last_end >= 0 and doc.text[last_end:m.start] in ("、", "和", "及")):
            out.add(m.ref)
            last_end = m.end
        else:
            last_end = -1
    return out


def _short_places(mentions: list) -> None:
    """A place the tagger alone proposes whose name ends another place named in the article is that place named
    short: 工业村 and 洪宽工业村 after 福清洪宽工业村 (the longest that ends with it)."""
    places = [m for m in mentions if m.type == "place" and m.ref is not None]
    for m in places:
        if not m.weak or m.ref.scope or len(m.text) < 3:
            continue
        longer = [o for o in places if len(o.text) >= len(m.text) + 2 and o.text.endswith(m.text)]
        if longer:
            m.ref = max(longer, key=lambda o: len(o.text)).ref
