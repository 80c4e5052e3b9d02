"""The knowledge base as rows: one plain dict per row of each table of graph.db.

What a researcher filters and counts by is a column of its own, worked out here once:
a place's county and city, followed up through its parents (杨梅组 → 代泉村 → 柞市镇 →
衡南县 → 衡阳市 → 湖南省 gives county 衡南县, city 衡阳市), an event's month and the county
of where it happened, a post's first and last issue and how many articles state it (time
said honestly: `2021-01-13 – 2021-03-02, 4 articles`, never one bare date). Row ids are the
keys of the graph's IRIs (`https://w3id.org/newskg/id/person/3f2a…` is person `3f2a…`), so
they stay the same from build to build, and `graph` is the node's key in graph.html
(`graph.html#person/3f2a…`). Nothing here knows about SQLite (kg.tables.write does).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..datamodel import ORGANIZATION, PERSON, PLACE, EntityRef
from ..rdf.triples import entity_iri, event_iri, holding_iri
from ..resolve import Entity, Holding, KnowledgeBase

LEVELS = ("province", "city", "county", "town", "village")     # the columns a place's ancestors fill
JOIN = "、"                                                     # between names in one cell: 朱健、张霞


def key(iri) -> str:
    """A row's id: the last step of the graph's IRI (a stable hash)."""
    return str(getattr(iri, "value", iri)).rsplit("/", 1)[-1]


def node(iri) -> str:
    """The node's key in graph.html (graph.html#person/3f2a…)."""
    return "/".join(str(getattr(iri, "value", iri)).rsplit("/", 2)[-2:])


class Tables:
    """Every table's rows for one knowledge base; `event_type` names what kind of occurrence an event is."""

    def __init__(self, kb: KnowledgeBase, event_type=lambda name: ""):
        self.kb = kb
        self.event_type = event_type
        self._chains: dict[EntityRef, list[Entity]] = {}

    # --- helpers ---------------------------------------------------------------------------
    def issues(self, aids: Iterable[str]) -> list[str]:
        arts = self.kb.articles
        return sorted({arts[a].issue_date.isoformat() for a in aids if a in arts and arts[a].issue_date})

    def chain(self, ref: EntityRef | None) -> list[Entity]:
        """The place and each place it lies in, innermost first (only places in the graph)."""
        if ref is None or ref not in self.kb.entities:
            return []
        found = self._chains.get(ref)
        if found is None:
            found, seen, e = [], set(), self.kb.entities.get(ref)
            while e is not None and e.ref not in seen and len(found) < 16:
                seen.add(e.ref)
                found.append(e)
                e = self.kb.entities.get(e.parent) if e.parent is not None else None
            self._chains[ref] = found
        return found

    def levels(self, ref: EntityRef | None) -> dict[str, str | None]:
        """{province, city, county, town, village}: the names of the place's ancestors (or itself) at each level.
        A place's scope names all its ancestors, province first (湖南省/衡阳市/衡南县/柞市镇 for 代泉村), whether
        or not an article names them: the graph has only the named ones, the row knows them all."""
        out: dict[str, str | None] = dict.fromkeys(LEVELS)
        if ref is None:
            return out
        for level, name in zip(LEVELS, [p for p in ref.scope.split("/") if p]):
            out[level] = name
        own = self.kb.entities.get(ref)
        level = _level(own) if own is not None else None
        if level in out and out[level] is None:
            out[level] = ref.name
        if out["city"] is None and out["county"] and (out["province"] or "").endswith("市"):
            out["city"] = out["province"]           # 朝阳区 of 北京市: a municipality is its own city
        return out

    def _span(self, aids: Iterable[str]) -> dict:
        days = self.issues(aids)
        return {"first_issue": days[0] if days else None, "last_issue": days[-1] if days else None}

    # --- the tables --------------------------------------------------------------------------
    def articles(self) -> Iterator[dict]:
        for aid, a in sorted(self.kb.articles.items(), key=lambda kv: (kv[1].source, kv[1].position, kv[0])):
            day = a.issue_date.isoformat() if a.issue_date else None
            yield {"id": aid, "date": day, "month": day[:7] if day else None, "paper": a.paper.name or None,
                   "source": a.source, "position": a.position, "headline": a.title or _head(a.text), "kind": a.kind}

    def _counts(self, side: str) -> tuple[Counter, Counter]:
        """How many posts and events each person (side "person") or organization ("org") has: the holdings it is
        the member or organization of, the events it attended or organized."""
        posts = Counter(getattr(h, side) for h in self.kb.holdings.values())
        events = Counter(r for occ in self.kb.events for r in (occ.attendees if side == "person" else occ.organizers))
        return posts, events

    def persons(self) -> Iterator[dict]:
        posts, events = self._counts("person")
        for e in _sorted(self.kb.of_type(PERSON)):
            iri = entity_iri(e.ref)
            yield {"id": key(iri), "name": e.name, "aliases": _names(e.aliases), "posts": posts[e.ref],
                   "events": events[e.ref], "articles": len(e.sources), "mentions": e.mentions,
                   **self._span(e.sources), "graph": node(iri)}

    def organizations(self) -> Iterator[dict]:
        holders, organized = self._counts("org")
        for e in _sorted(self.kb.of_type(ORGANIZATION)):
            iri = entity_iri(e.ref)
            place = e.parent if e.parent in self.kb.entities else None
            lv = self.levels(place)
            yield {"id": key(iri), "name": e.name, "aliases": _names(e.aliases),
                   "place": key(entity_iri(place)) if place else None, "county": lv["county"], "city": lv["city"],
                   "posts": holders[e.ref], "events": organized[e.ref], "articles": len(e.sources),
                   **self._span(e.sources), "graph": node(iri)}

    def places(self) -> Iterator[dict]:
        events = defaultdict(int)
        for occ in self.kb.events:
            if occ.place is not None:
                events[occ.place] += 1
        for e in _sorted(self.kb.of_type(PLACE)):
            iri = entity_iri(e.ref)
            chain = self.chain(e.ref)
            parent = chain[1].ref if len(chain) > 1 else None
            path = [p for p in e.ref.scope.split("/") if p] + [e.name]
            yield {"id": key(iri), "name": e.name, "level": _level(e), "parent": key(entity_iri(parent)) if parent else None,
                   **self.levels(e.ref), "path": " › ".join(path), "code": e.code,
                   "aliases": _names(e.aliases), "events": events[e.ref], "articles": len(e.sources),
                   **self._span(e.sources), "graph": node(iri)}

    def place_ancestors(self) -> Iterator[dict]:
        """Each place with itself (distance 0) and every place it lies in: "in 衡南县" is one join."""
        for e in _sorted(self.kb.of_type(PLACE)):
            pid = key(entity_iri(e.ref))
            for distance, a in enumerate(self.chain(e.ref)):
                yield {"place": pid, "ancestor": key(entity_iri(a.ref)), "level": _level(a), "distance": distance}

    def posts(self) -> Iterator[dict]:
        for h in sorted(self.kb.holdings.values(), key=_holding_order):
            person = entity_iri(h.person)
            yield {"id": key(holding_iri(h)), "person": key(person), "title": h.title,
                   "organization": key(entity_iri(h.org)) if h.org is not None else None,
                   "written_as": _names(h.aliases), "first_issue": min(h.dates) if h.dates else None,
                   "last_issue": max(h.dates) if h.dates else None, "articles": len(h.sources),
                   **_changes(h), "graph": node(person)}

    def events(self) -> Iterator[dict]:
        for occ in sorted(self.kb.events, key=lambda o: (o.date or "9999", o.name)):
            iri = event_iri(occ)
            lv = self.levels(occ.place)
            place = occ.place if occ.place in self.kb.entities else None
            yield {"id": key(iri), "name": occ.name, "type": self.event_type(occ.name) or None, "date": occ.date,
                   "month": occ.date[:7] if occ.date and len(occ.date) >= 7 else None,
                   "year": occ.date[:4] if occ.date else None,
                   "place": key(entity_iri(place)) if place else None, "county": lv["county"], "city": lv["city"],
                   "organizers": JOIN.join(o.name for o in occ.organizers) or None, "attendees": len(occ.attendees),
                   "articles": len(occ.sources), **self._span(occ.sources), "aliases": _names(occ.aliases),
                   "graph": node(iri)}

    def attendance(self) -> Iterator[dict]:
        for occ in self.kb.events:
            ev = key(event_iri(occ))
            for p in occ.attendees:
                yield {"event": ev, "person": key(entity_iri(p))}

    def organizers(self) -> Iterator[dict]:
        for occ in self.kb.events:
            ev = key(event_iri(occ))
            for o in occ.organizers:
                yield {"event": ev, "organization": key(entity_iri(o))}

    def evidence(self) -> Iterator[dict]:
        """One row per thing and article that states it, with the sentence that does (None when the article
        names it only by the way: a county added as a village's parent)."""
        days = {aid: a.issue_date.isoformat() if a.issue_date else None for aid, a in self.kb.articles.items()}
        for type_, name, iri, aliases, graph, said in self._stated():
            subject, graph, aliases = key(iri), graph or node(iri), sorted(aliases)
            for aid, sentence in said:
                yield {"subject": subject, "article": aid, "type": type_, "name": name, "date": days.get(aid),
                       "sentence": sentence or None, "graph": graph, "_aliases": aliases}

    def _stated(self) -> Iterator[tuple]:
        """(type, name, IRI, aliases, graph node or None, [(article, sentence or None)]) of everything stated."""
        for e in _sorted(self.kb.entities.values()):
            yield e.type, e.name, entity_iri(e.ref), e.aliases, None, [(a, e.sentences.get(a)) for a in sorted(e.sources)]
        for occ in sorted(self.kb.events, key=lambda o: (o.date or "9999", o.name)):
            yield "event", occ.name, event_iri(occ), occ.aliases, None, \
                [(a, occ.sentences.get(a)) for a in sorted(occ.sources)]
        for h in sorted(self.kb.holdings.values(), key=_holding_order):
            person = self.kb.entities.get(h.person)
            said = []
            for aid in sorted(h.sources):
                sentence = person.sentences.get(aid) if person is not None else None
                if sentence and not any(t in sentence for t in (h.title, *h.aliases)):
                    sentence = None         # the sentence naming the person does not name the post
                said.append((aid, sentence))
            label = f"{h.person.name} · {h.title}" + (f" · {h.org.name}" if h.org else "")
            yield "post", label, holding_iri(h), (), node(entity_iri(h.person)), said


def _changes(h: Holding) -> dict[str, str | None]:
    """appointed, elected, removed: the date an article states it happened ("stated" when it gives none), else None."""
    out: dict[str, str | None] = dict.fromkeys(("appointed", "elected", "removed"))
    for (kind, day), _aids in sorted(h.changes.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        out[kind] = day or out[kind] or "stated"
    return out


def _level(e: Entity) -> str | None:
    if e.kind:
        return e.kind
    if e.name.endswith(("省", "自治区")):
        return "province"
    return None


def _names(names: Iterable[str]) -> str | None:
    return JOIN.join(sorted(names)) or None


def _head(text: str) -> str:
    head = text.strip().split("\n", 1)[0]
    return head + "…" if head else ""


def _sorted(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e.type, e.name, e.ref.scope))


def _holding_order(h: Holding) -> tuple:
    return (h.person.name, h.person.scope, min(h.dates) if h.dates else "", h.title, h.org.name if h.org else "")


__all__ = ["Tables", "key", "node", "LEVELS"]
