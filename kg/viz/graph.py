"""The knowledge base as a networkx graph: what the HTML view draws and Gephi/Cytoscape read.

Nodes are persons, organizations, places, posts and events; edges are the facts
between them (holds post, in organization, attended, organized, took place in,
inside). Every node carries its type, label, aliases, a plain-text list of its
facts and the articles it came from, so the HTML view needs nothing else.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..model import ORGANIZATION, PERSON, PLACE
from ..rdf.triples import entity_iri, event_iri, holding_iri, post_iri
from ..resolve import KnowledgeBase

TYPE_LABELS = {"person": "人物", "organization": "机构", "place": "地点", "event": "事件", "post": "职务"}


def _article_ref(kb: KnowledgeBase, aid: str) -> dict:
    art = kb.articles[aid]
    return {"id": aid, "title": art.title or art.text[:24], "source": art.source,
            "date": art.issue_date.isoformat() if art.issue_date else ""}


def build_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    facts: dict[str, list[dict]] = defaultdict(list)

    def add_node(node_id: str, type_: str, label: str, **attrs) -> None:
        g.add_node(node_id, type=type_, label=label, **attrs)

    for e in kb.entities.values():
        sources = sorted(e.sources)
        add_node(str(entity_iri(e.ref)), e.type, e.name, aliases=sorted(e.aliases),
                 kind=e.kind or "", sources=[_article_ref(kb, a) for a in sources],
                 sentences=[{"article": a, "text": s} for a, s in sorted(e.sentences.items())],
                 mentions=e.mentions)
    for e in kb.entities.values():
        if e.type == PLACE and e.parent is not None and e.parent in kb.entities:
            src, dst = str(entity_iri(e.ref)), str(entity_iri(e.parent))
            g.add_edge(src, dst, label="隶属于", kind="inside")
            facts[src].append({"kind": "inside", "text": f"位于 {e.parent.name}"})
    for h in kb.holdings.values():
        person = str(entity_iri(h.person))
        post = str(post_iri(h.title))
        if post not in g:
            add_node(post, "post", h.title, aliases=[], kind="", sources=[], sentences=[], mentions=0)
        label = h.title + (f"（{h.org.name}）" if h.org else "")
        dates = sorted(h.dates)
        g.add_edge(person, post, label=label, kind="holds", holding=str(holding_iri(h)),
                   dates=dates, sources=sorted(h.sources))
        if h.org is not None:
            g.add_edge(person, str(entity_iri(h.org)), label=h.title, kind="member")
            facts[str(entity_iri(h.org))].append({"kind": "member", "text": f"{h.person.name}：{h.title}",
                                                  "date": dates[0] if dates else ""})
        facts[person].append({"kind": "holds", "text": f"任 {label}", "date": dates[0] if dates else ""})
    for occ in kb.events:
        ev = str(event_iri(occ))
        add_node(ev, "event", occ.name, aliases=sorted(occ.aliases), kind="", date=occ.date or "",
                 sources=[_article_ref(kb, a) for a in sorted(occ.sources)],
                 sentences=[{"article": a, "text": s} for a, s in sorted(occ.sentences.items())], mentions=0)
        when = occ.date or ""
        if occ.place is not None:
            g.add_edge(ev, str(entity_iri(occ.place)), label="地点", kind="location")
            facts[ev].append({"kind": "location", "text": f"地点 {occ.place.name}"})
            facts[str(entity_iri(occ.place))].append({"kind": "event", "text": f"事件 {occ.name}", "date": when})
        for p in occ.attendees:
            g.add_edge(str(entity_iri(p)), ev, label="参与", kind="attendee")
            facts[str(entity_iri(p))].append({"kind": "event", "text": f"参与 {occ.name}", "date": when})
            facts[ev].append({"kind": "attendee", "text": f"参与者 {p.name}"})
        for o in occ.organizers:
            g.add_edge(str(entity_iri(o)), ev, label="组织", kind="organizer")
            facts[str(entity_iri(o))].append({"kind": "event", "text": f"组织 {occ.name}", "date": when})
            facts[ev].append({"kind": "organizer", "text": f"组织者 {o.name}"})
        if when:
            facts[ev].insert(0, {"kind": "date", "text": f"日期 {when}", "date": when})
    for node, items in facts.items():
        if node in g:
            g.nodes[node]["facts"] = sorted(items, key=lambda f: (f.get("date") or "9999", f["text"]))
    for node in g:
        g.nodes[node].setdefault("facts", [])
    return g


def type_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        counts[data["type"]] += 1
    return dict(counts)


__all__ = ["build_graph", "type_counts", "TYPE_LABELS", "PERSON", "ORGANIZATION"]
