"""The knowledge base as a networkx graph: what the HTML view draws and Gephi/Cytoscape read.

Nodes are persons, organizations, places, posts and events, keyed by their IRI;
edges are the facts between them (holds post, member of organization, attended,
organized, took place in, inside, located in). Every node carries its type, label,
aliases, the facts it takes part in (each naming the node at its other end) and the
articles and sentences it came from, so the HTML view needs nothing else. Two things
are gathered ahead for reading: a place's `within` (the events and organizations of
every place inside it: 衡南县 holds the event of its 杨梅组, four levels down) and a
person's `together` (who attended the same events, and how many).

A post held carries the issues that mention it, not a term of office: `dates` (the
issue dates of the articles that state it) and `articles` (how many). Where the data
model gives a holding a date the text states (任命 2021-01-05), it is carried under
`stated`, by what happened (STATED), for the panel to show labelled as such.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..datamodel import ORGANIZATION, PLACE
from ..rdf.triples import entity_iri, event_iri, holding_iri, post_iri
from ..resolve import KnowledgeBase

TYPES = ("person", "organization", "place", "event", "post")
TYPE_LABELS = {"person": "人物", "organization": "机构", "place": "地点", "event": "事件", "post": "职务"}
# a Holding's attributes that hold a date its text states (ISO), should the data model carry them
STATED = ("appointed", "elected", "removed")


def _iri(ref) -> str:
    return entity_iri(ref).value



def node_key(iri: str) -> str:
    """The short, URL-safe name of a node used in links (graph.html#person/3f2a…): its IRI's last two steps."""
    return "/".join(str(iri).rstrip("/").rsplit("/", 2)[-2:])


def article_ref(kb: KnowledgeBase, aid: str) -> dict:
    art = kb.articles[aid]
    title = art.title or art.text.strip().split("\n", 1)[0][:24]
    return {"id": aid, "title": title, "source": art.source,
            "date": art.issue_date.isoformat() if art.issue_date else "", "kind": art.kind}


def build_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    facts: dict[str, list[dict]] = defaultdict(list)

    def fact(node: str, kind: str, text: str, date: str = "", ref: str | None = None, **extra) -> None:
        facts[node].append({"kind": kind, "text": text, "date": date, "ref": ref, **extra})

    def sentences(items: dict[str, str]) -> list[dict]:
        return [{"article": a, "text": s} for a, s in sorted(items.items())]

    refs: dict[str, dict] = {}      # one (read-only) dict per article, shared by every node it supports

    def sources(aids) -> list[dict]:
        return [refs.get(a) or refs.setdefault(a, article_ref(kb, a)) for a in sorted(aids)]

    for e in kb.entities.values():
        g.add_node(_iri(e.ref), type=e.type, label=e.name, aliases=sorted(e.aliases), kind=e.kind or "",
                   sources=sources(e.sources), sentences=sentences(e.sentences),
                   mentions=e.mentions)
    for e in kb.entities.values():
        if e.type in (PLACE, ORGANIZATION) and e.parent is not None and e.parent in kb.entities:
            src, dst = _iri(e.ref), _iri(e.parent)
            if e.type == PLACE:
                g.add_edge(src, dst, label="隶属于", kind="inside")
                fact(src, "inside", e.parent.name, ref=dst)
                fact(dst, "contains", e.name, ref=src)
            else:
                g.add_edge(src, dst, label="位于", kind="located")
                fact(src, "located", e.parent.name, ref=dst)
                fact(dst, "organization", e.name, ref=src)
    for h in kb.holdings.values():
        person, post = _iri(h.person), post_iri(h.title).value
        if post not in g:
            g.add_node(post, type="post", label=h.title, aliases=[], kind="", sources=[], sentences=[], mentions=0)
        dates = sorted(h.dates)
        first, last = (dates[0], dates[-1]) if dates else ("", "")
        org_name = h.org.name if h.org else ""
        g.add_edge(person, post, label=h.title + (f"（{org_name}）" if org_name else ""), kind="holds",
                   holding=holding_iri(h).value, dates=dates, sources=sorted(h.sources))
        org = _iri(h.org) if h.org is not None else None
        said = {"until": last, "dates": dates, "articles": len(h.sources), "stated": stated(h)}
        fact(person, "holds", h.title, first, post, org=org_name, org_ref=org, written=sorted(h.aliases), **said)
        fact(post, "holder", h.person.name, first, person, org=org_name, org_ref=org, **said)
        if org is not None:
            g.add_edge(person, org, label=h.title, kind="member")
            fact(org, "member", h.person.name, first, person, title=h.title, **said)
    for occ in kb.events:
        ev, when = event_iri(occ).value, occ.date or ""
        g.add_node(ev, type="event", label=occ.name, aliases=sorted(occ.aliases), kind="", date=when,
                   sources=sources(occ.sources), sentences=sentences(occ.sentences),
                   mentions=0)
        place = _iri(occ.place) if occ.place is not None else None
        if place is not None:
            g.add_edge(ev, place, label="地点", kind="location")
            fact(ev, "location", occ.place.name, when, place)
            fact(place, "event", occ.name, when, ev)
        for p in occ.attendees:
            g.add_edge(_iri(p), ev, label="参与", kind="attendee")
            fact(_iri(p), "attended", occ.name, when, ev)
            fact(ev, "attendee", p.name, when, _iri(p))
        for o in occ.organizers:
            g.add_edge(_iri(o), ev, label="组织", kind="organizer")
            fact(_iri(o), "organized", occ.name, when, ev)
            fact(ev, "organizer", o.name, when, _iri(o))
    for node in g:
        g.nodes[node]["facts"] = sorted(facts.get(node, []), key=lambda f: (f["date"] or "9999", f["kind"], f["text"]))
    _roll_up(g)
    _together(g, kb)
    arts = [a for a in kb.articles.values() if a.kind == "article"]
    issues = sorted(a.issue_date.isoformat() for a in arts if a.issue_date)
    # what the pages count as the build's articles: the summary's count (no mastheads, no ads)
    g.graph.update(articles=len(arts), issues=[issues[0], issues[-1]] if issues else [])
    return g


def stated(h) -> dict[str, str]:
    """What the articles state happened to a holding (appointed, elected, removed: Holding.changes) and when, the
    date where a sentence gives one, else 'stated'."""
    out: dict[str, str] = {}
    for (kind, day), _aids in sorted(getattr(h, "changes", {}).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if kind in STATED:
            out[kind] = day or out.get(kind) or "stated"
    return out


def _roll_up(g: nx.MultiDiGraph) -> None:
    """Each place's `within`: the events and organizations of the places inside it, at any depth (not its own,
    which are its facts), events by date then organizations by name."""
    children: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        if d["type"] == PLACE:
            children[n] = [f["ref"] for f in d["facts"] if f["kind"] == "contains"]
    for place, kids in children.items():
        if not kids:
            continue
        seen, stack, events, orgs = {place}, list(kids), [], []
        while stack:
            inner = stack.pop()
            if inner in seen:       # a containment cycle in bad data must not loop
                continue
            seen.add(inner)
            stack.extend(children.get(inner, ()))
            for f in g.nodes[inner]["facts"]:
                if f["kind"] == "event":
                    events.append((f["date"] or "9999", f["text"], f["ref"]))
                elif f["kind"] == "organization":
                    orgs.append((f["text"], f["ref"]))
        g.nodes[place]["within"] = [e[-1] for e in sorted(set(events))] + [o[-1] for o in sorted(set(orgs))]


def _together(g: nx.MultiDiGraph, kb: KnowledgeBase) -> None:
    """Each person's `together`: (person, number of events both attended), most shared first, then by name."""
    shared: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    iris: dict = {}
    for occ in kb.events:
        people = sorted({iris.get(p) or iris.setdefault(p, _iri(p)) for p in occ.attendees} & g.nodes.keys())
        for a in people:
            for b in people:
                if a != b:
                    shared[a][b] += 1
    for person, others in shared.items():
        g.nodes[person]["together"] = sorted(others.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"], kv[0]))


def type_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        counts[data["type"]] += 1
    return dict(counts)


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with the attributes GEXF and GraphML can hold (strings and numbers), for kg.outputs."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, label=d["label"], type=d["type"], aliases="、".join(d.get("aliases", [])),
                     kind=d.get("kind", ""), date=d.get("date", ""), mentions=int(d.get("mentions", 0)),
                     sources=len(d.get("sources", [])))
    for u, v, d in g.edges(data=True):
        out.add_edge(u, v, label=d.get("label", ""), kind=d.get("kind", ""))
    return out
