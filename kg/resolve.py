"""Where names are merged: one node per real entity across a whole build.

Extractors name things by `EntityRef` (type, canonical name, scope). Here the refs
of every article meet: equal refs are one entity, carrying every alias and every
article that mentions it. The rules, documented in the README:

- an organization is its canonical name (the level rules already made 市工信局
  and 衡阳市工业和信息化局 one name);
- a place is its name under its parents (青山街道 in 石鼓区 is not 青山街道 in
  大武口区); a place is a node only where some article names it, and it lies in the
  nearest of its ancestors that is one (代泉村 in 衡南县 when 柞市镇 goes unnamed): the
  gazetteer's chain is known, but a place nobody wrote about is not news. The same
  holds for where an organization is and where an event took place;
- a person is a name within a paper's home city: 张伟 of 衡阳日报 and 张伟 of
  湘潭日报 are two people unless they hold the same post in the same organization,
  which is evidence enough to merge them;
- an event is its name and date: the same name on the same day in two articles is
  one event.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .datamodel import (
    ORGANIZATION,
    PERSON,
    PLACE,
    Article,
    EntityRef,
    EventFact,
    Extraction,
    Membership,
    add_new,
)


@dataclass
class Entity:
    ref: EntityRef
    aliases: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)        # article ids
    parent: EntityRef | None = None
    kind: str | None = None
    code: str | None = None
    sentences: dict[str, str] = field(default_factory=dict)   # article id -> a sentence naming it
    mentions: int = 0

    @property
    def type(self) -> str:
        return self.ref.type

    @property
    def name(self) -> str:
        return self.ref.name


@dataclass
class Holding:
    person: EntityRef
    title: str
    org: EntityRef | None
    aliases: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)          # issue dates of the articles that state it
    changes: dict[tuple[str, str | None], set[str]] = field(default_factory=dict)   # (appointed, date) -> article ids


@dataclass
class Occurrence:
    """An event as merged across articles."""

    name: str
    date: str | None
    aliases: set[str] = field(default_factory=set)
    place: EntityRef | None = None
    attendees: list[EntityRef] = field(default_factory=list)
    organizers: list[EntityRef] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    sentences: dict[str, str] = field(default_factory=dict)


@dataclass
class KnowledgeBase:
    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[EntityRef, Entity] = field(default_factory=dict)
    holdings: dict[tuple, Holding] = field(default_factory=dict)
    events: list[Occurrence] = field(default_factory=list)
    _event_index: dict[tuple, Occurrence] = field(default_factory=dict)

    # --- adding one article's extraction ---------------------------------------------------
    def add(self, ext: Extraction) -> None:
        art = ext.article
        self.articles[art.id] = art
        counts: dict[EntityRef, int] = defaultdict(int)
        for m in ext.mentions:
            if m.ref is not None:
                counts[m.ref] += 1
        for ref, info in ext.entities.items():
            e = self._entity(ref)
            e.aliases |= {a for a in info.aliases if a and a != ref.name}
            e.sources.add(art.id)
            e.mentions += counts.get(ref, 0)
            if info.parent is not None and (e.parent is None or _deeper(info.parent, e.parent)):
                e.parent = info.parent
            e.kind = e.kind or info.kind
            e.code = e.code or info.code
            if ref in ext.sentences:
                e.sentences.setdefault(art.id, ext.sentences[ref])
        for mem in ext.memberships:
            self._holding(mem, art)
        for ev in ext.events:
            self._event(ev, art)

    def _entity(self, ref: EntityRef) -> Entity:
        e = self.entities.get(ref)
        if e is None:
            e = self.entities[ref] = Entity(ref)
        return e

    def _named(self, ref: EntityRef | None) -> EntityRef | None:
        """`ref` if some article names it, else the nearest of its ancestors that is named (its scope names them:
        衡阳市 then 湖南省 for 湖南省/衡阳市/衡南县), else None."""
        for _ in range(12):
            if ref is None or ref in self.entities:
                return ref
            ref = _scope_parent(ref)
        return None

    def _holding(self, mem: Membership, art: Article) -> None:
        key = (mem.person, mem.title, mem.org)
        h = self.holdings.get(key)
        if h is None:
            h = self.holdings[key] = Holding(mem.person, mem.title, mem.org)
        h.aliases |= mem.title_aliases
        h.sources.add(art.id)
        if mem.change is not None:
            h.changes.setdefault((mem.change, mem.change_date), set()).add(art.id)
        if art.issue_date:
            h.dates.add(art.issue_date.isoformat())
        self._entity(mem.person).sources.add(art.id)
        if mem.org is not None:
            self._entity(mem.org).sources.add(art.id)

    def _event(self, ev: EventFact, art: Article) -> None:
        key = (ev.name, ev.date)
        occ = self._event_index.get(key)
        if occ is None:
            occ = Occurrence(ev.name, ev.date)
            self._event_index[key] = occ
            self.events.append(occ)
        occ.aliases |= ev.aliases
        occ.place = occ.place or ev.place         # made the nearest named place in finish()
        add_new(occ.attendees, ev.attendees)
        add_new(occ.organizers, ev.organizers)
        occ.sources.add(art.id)
        if ev.sentence:
            occ.sentences.setdefault(art.id, ev.sentence)
        for r in [*ev.attendees, *ev.organizers]:
            self._entity(r).sources.add(art.id)
        if ev.place is not None and ev.place in self.entities:
            self.entities[ev.place].sources.add(art.id)

    # --- after every article ---------------------------------------------------------------
    def finish(self) -> KnowledgeBase:
        """Merge same-named people of different cities who hold the same post; put each place, organization and
        event in the nearest named place; link provinces to 中国."""
        self._merge_people_by_post()
        for e in self.entities.values():
            if e.parent is not None and e.type in (PLACE, ORGANIZATION):
                e.parent = self._named(e.parent)
            elif e.type == PLACE:
                e.parent = self._named(_scope_parent(e.ref))
        for occ in self.events:
            occ.place = self._named(occ.place)
        china = EntityRef(PLACE, "中国")
        if china in self.entities:
            for e in self.entities.values():
                if e.type == PLACE and not e.ref.scope and e.parent is None and e.ref != china and e.kind != "country":
                    if e.name.endswith(("省", "自治区", "市", "特别行政区")):
                        e.parent = china
        return self

    def _merge_people_by_post(self) -> None:
        by_post: dict[tuple, list[EntityRef]] = defaultdict(list)
        for (person, title, org) in self.holdings:
            if org is not None:
                by_post[(person.name, title, org)].append(person)
        rename: dict[EntityRef, EntityRef] = {}
        for refs in by_post.values():
            refs = sorted(set(refs), key=lambda r: r.scope)
            for r in refs[1:]:
                rename[r] = refs[0]
        if not rename:
            return
        for old, new in rename.items():
            src, dst = self.entities.pop(old), self._entity(new)
            dst.aliases |= src.aliases
            dst.sources |= src.sources
            dst.sentences.update(src.sentences)
            dst.mentions += src.mentions
        merged: dict[tuple, Holding] = {}
        for (p, t, o), h in self.holdings.items():
            p = rename.get(p, p)
            key = (p, t, o)
            if key in merged:
                merged[key].aliases |= h.aliases
                merged[key].sources |= h.sources
                merged[key].dates |= h.dates
                for change, aids in h.changes.items():
                    merged[key].changes.setdefault(change, set()).update(aids)
            else:
                h.person = p
                merged[key] = h
        self.holdings = merged
        for occ in self.events:
            occ.attendees = list(dict.fromkeys(rename.get(p, p) for p in occ.attendees))

    # --- reading -------------------------------------------------------------------------
    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == type_]

    def counts(self) -> dict[str, int]:
        return {"persons": len(self.of_type(PERSON)), "organizations": len(self.of_type(ORGANIZATION)),
                "places": len(self.of_type(PLACE)), "posts": len(self.holdings), "events": len(self.events)}


def _scope_parent(ref: EntityRef) -> EntityRef | None:
    parts = [p for p in ref.scope.split("/") if p]
    if not parts:
        return None
    return EntityRef(PLACE, parts[-1], "/".join(parts[:-1]))


def _deeper(a: EntityRef, b: EntityRef) -> bool:
    return a.scope.count("/") > b.scope.count("/") or (a.scope and not b.scope)


def resolve(extractions) -> KnowledgeBase:
    kb = KnowledgeBase()
    for ext in extractions:
        kb.add(ext)
    return kb.finish()
