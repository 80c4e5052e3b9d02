"""The knowledge base as RDF: stable IRIs, labels in @zh, every node tied to its articles.

IRIs are hashes of what makes a thing itself (a person's name and home city, an
organization's canonical name, a place's name under its parents, an event's name
and date), so the same thing gets the same IRI in every build. Each triple is
produced with the article that supports it, which is what N-Quads' named graphs
need; the Turtle graph is the union.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from ..model import ORGANIZATION, PERSON, PLACE, EntityRef
from ..resolve import Entity, Holding, KnowledgeBase, Occurrence
from .namespaces import ID, NKG, ORG, PREFIXES, SCHEMA

PLACE_CLASS = {"venue": NKG.Venue, "road": NKG.Road, "country": NKG.Country, "area": NKG.Place}
TYPE_CLASSES = {PERSON: (NKG.Person, SCHEMA.Person), ORGANIZATION: (NKG.Organization, SCHEMA.Organization, ORG.Organization)}


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)
def entity_iri(ref: EntityRef) -> URIRef:
    return ID[ref.type][_h(ref.type, ref.name, ref.scope)]


@lru_cache(maxsize=1 << 16)
def article_iri(article_id: str) -> URIRef:
    return ID["article"][article_id]


def post_iri(title: str) -> URIRef:
    return ID["post"][_h(title)]


def holding_iri(h: Holding) -> URIRef:
    org = h.org.name if h.org else ""
    return ID["holding"][_h(h.person.name, h.person.scope, h.title, org)]


def event_iri(occ: Occurrence) -> URIRef:
    return ID["event"][_h(occ.name, occ.date or "")]


@lru_cache(maxsize=1 << 16)     # the sentence that names five people is one literal, made once
def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def date_literal(value: str) -> Literal:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


Quad = tuple[URIRef, URIRef, object, str]   # (s, p, o, article id)


def quads_of(kb: KnowledgeBase, *, once: bool = False) -> Iterator[Quad]:
    """Every triple of the graph with the article that supports it.

    once: what several articles state alike comes with the first of them only, so each triple of the
    union graph (graph.ttl) is yielded about once; per-article facts (provenance, evidence) still each come."""
    for aid, art in kb.articles.items():
        a = article_iri(aid)
        for cls in (NKG.Article, SCHEMA.NewsArticle):
            yield a, RDF.type, cls, aid
        yield a, NKG.sourceFile, Literal(art.source), aid
        yield a, NKG.positionOnPage, Literal(art.position), aid
        if art.title:
            yield a, SCHEMA.headline, zh(art.title), aid
        if art.issue_date:
            yield a, SCHEMA.datePublished, Literal(art.issue_date.isoformat(), datatype=XSD.date), aid
        if art.paper.name:
            yield a, SCHEMA.isPartOf, ID["paper"][_h(art.paper.name)], aid
            yield ID["paper"][_h(art.paper.name)], RDF.type, SCHEMA.Newspaper, aid
            yield ID["paper"][_h(art.paper.name)], RDFS.label, zh(art.paper.name), aid
    for e in kb.entities.values():
        yield from _entity(kb, e, once)
    titles: dict[str, set[str]] = {}
    for h in kb.holdings.values():
        titles.setdefault(h.title, set()).update(h.sources)
        yield from _holding(h, once)
    for title, sources in titles.items():
        p = post_iri(title)
        for aid in sorted(sources)[:1] if once else sorted(sources):
            yield p, RDF.type, NKG.Post, aid
            yield p, RDF.type, ORG.Role, aid
            yield p, RDFS.label, zh(title), aid
    for occ in kb.events:
        yield from _event(occ, once)


def _entity(kb: KnowledgeBase, e: Entity, once: bool = False) -> Iterator[Quad]:
    n = entity_iri(e.ref)
    if e.type == PLACE:
        classes = [NKG.Place, SCHEMA.Place, PLACE_CLASS.get(e.kind or "", NKG.AdministrativeDivision)]
    else:
        classes = list(TYPE_CLASSES[e.type])
    # What every supporting article states alike is made once (an archive has entities in thousands of articles).
    head = [(RDF.type, cls) for cls in classes] + [(RDFS.label, zh(e.name))]
    tail = [(SKOS.altLabel, zh(alias)) for alias in sorted(e.aliases)]
    if e.type == PLACE:
        if e.parent is not None and e.parent in kb.entities:
            tail.append((SCHEMA.containedInPlace, entity_iri(e.parent)))
        if e.kind:
            tail.append((NKG.divisionLevel, Literal(e.kind)))
        if e.code:
            tail.append((NKG.divisionCode, Literal(e.code)))
    if e.type == ORGANIZATION and e.parent is not None and e.parent in kb.entities:
        tail.append((SCHEMA.location, entity_iri(e.parent)))
    for aid in sorted(e.sources):
        for p, o in head:
            yield n, p, o, aid
        yield n, PROV.wasDerivedFrom, article_iri(aid), aid
        for p, o in tail:
            yield n, p, o, aid
        if aid in e.sentences:
            yield n, NKG.evidence, zh(e.sentences[aid]), aid
        if once:
            head = tail = []
    if e.mentions:
        first = min(e.sources)
        yield n, NKG.mentionCount, Literal(e.mentions), first


def _holding(h: Holding, once: bool = False) -> Iterator[Quad]:
    m = holding_iri(h)
    same = [(RDF.type, NKG.PostHolding), (RDF.type, ORG.Membership), (ORG.member, entity_iri(h.person)),
            (ORG.role, post_iri(h.title))]
    if h.org is not None:
        same.append((ORG.organization, entity_iri(h.org)))
    label = f"{h.person.name} · {h.title}" + (f" · {h.org.name}" if h.org else "")
    same.append((RDFS.label, zh(label)))
    same += [(NKG.writtenTitle, zh(alias)) for alias in sorted(h.aliases)]
    for aid in sorted(h.sources):
        for p, o in same:
            yield m, p, o, aid
        yield m, PROV.wasDerivedFrom, article_iri(aid), aid
        if once:
            same = []


def _event(occ: Occurrence, once: bool = False) -> Iterator[Quad]:
    ev = event_iri(occ)
    same = [(RDF.type, NKG.Event), (RDF.type, SCHEMA.Event), (RDFS.label, zh(occ.name))]
    same += [(SKOS.altLabel, zh(alias)) for alias in sorted(occ.aliases)]
    if occ.date:
        same.append((SCHEMA.startDate, date_literal(occ.date)))
    if occ.place is not None:
        same.append((SCHEMA.location, entity_iri(occ.place)))
    same += [(SCHEMA.attendee, entity_iri(p)) for p in occ.attendees]
    same += [(SCHEMA.organizer, entity_iri(o)) for o in occ.organizers]
    for aid in sorted(occ.sources):
        for p, o in same:
            yield ev, p, o, aid
        yield ev, PROV.wasDerivedFrom, article_iri(aid), aid
        if aid in occ.sentences:
            yield ev, NKG.evidence, zh(occ.sentences[aid]), aid
        if once:
            same = []


def bind(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def graph_of(kb: KnowledgeBase) -> Graph:
    g = bind(Graph())
    for s, p, o, _aid in quads_of(kb):
        g.add((s, p, o))
    return g
