"""The knowledge base as RDF: stable IRIs, labels in @zh, every node tied to its articles.

IRIs are hashes of what makes a thing itself (a person's name and home city, an
organization's canonical name, a place's name under its parents, an event's name
and date), so the same thing gets the same IRI in every build. Each triple is
produced with the article that supports it, which is what N-Quads' named graphs
need; the Turtle graph is the union.

Terms are pyoxigraph's, which its serializers and store take as they are: an archive
has hundreds of thousands of triples, and making each term first in rdflib and then
converting it cost more than all the rest of writing graph.ttl. `graph_of` gives an
rdflib graph, for the formats only rdflib writes and for graphs that fit in memory.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from ..datamodel import ORGANIZATION, PERSON, PLACE, EntityRef
from ..resolve import Entity, Holding, KnowledgeBase, Occurrence
from .namespaces import ID, NKG, ORG, PREFIXES, SCHEMA, TIME


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


# The vocabulary as pyoxigraph terms, made once (rdflib's namespace lookups are slow in a loop).
TYPE, LABEL, ALT_LABEL, DERIVED_FROM = _n(RDF.type), _n(RDFS.label), _n(SKOS.altLabel), _n(PROV.wasDerivedFrom)
EVIDENCE, SOURCE_FILE, POSITION, MENTIONS = _n(NKG.evidence), _n(NKG.sourceFile), _n(NKG.positionOnPage), \
    _n(NKG.mentionCount)
LEVEL, CODE, WRITTEN_TITLE = _n(NKG.divisionLevel), _n(NKG.divisionCode), _n(NKG.writtenTitle)
HEADLINE, PUBLISHED, PART_OF, CONTAINED_IN = _n(SCHEMA.headline), _n(SCHEMA.datePublished), _n(SCHEMA.isPartOf), \
    _n(SCHEMA.containedInPlace)
LOCATION, START_DATE, ATTENDEE, ORGANIZER = _n(SCHEMA.location), _n(SCHEMA.startDate), _n(SCHEMA.attendee), \
    _n(SCHEMA.organizer)
MEMBER, ROLE, ORGANIZATION_OF = _n(ORG.member), _n(ORG.role), _n(ORG.organization)
MEMBER_DURING, INTERVAL, BEGINNING, END = _n(ORG.memberDuring), _n(TIME.Interval), _n(TIME.hasBeginning), _n(TIME.hasEnd)
CHANGE_CLASSES, CHANGE_KIND = (_n(NKG.PostChange), _n(TIME.Instant)), _n(NKG.changeKind)
IN_XSD = {10: _n(TIME.inXSDDate), 7: _n(TIME.inXSDgYearMonth), 4: _n(TIME.inXSDgYear)}
ARTICLE_CLASSES = (_n(NKG.Article), _n(SCHEMA.NewsArticle))
NEWSPAPER, POST_CLASSES = _n(SCHEMA.Newspaper), (_n(NKG.Post), _n(ORG.Role))
HOLDING_CLASSES, EVENT_CLASSES = (_n(NKG.PostHolding), _n(ORG.Membership)), (_n(NKG.Event), _n(SCHEMA.Event))
PLACE_CLASSES = (_n(NKG.Place), _n(SCHEMA.Place))
PLACE_CLASS = {"venue": _n(NKG.Venue), "road": _n(NKG.Road), "country": _n(NKG.Country), "area": _n(NKG.Place)}
DIVISION = _n(NKG.AdministrativeDivision)
TYPE_CLASSES = {PERSON: (_n(NKG.Person), _n(SCHEMA.Person)),
                ORGANIZATION: (_n(NKG.Organization), _n(SCHEMA.Organization), _n(ORG.Organization))}
XSD_DATE, XSD_INTEGER = _n(XSD.date), _n(XSD.integer)
DATE_TYPES = {10: XSD_DATE, 7: _n(XSD.gYearMonth), 4: _n(XSD.gYear)}
XSD_STRING = str(XSD.string)


def _h(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _id(kind: str, key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{ID[kind]}{key}")


@lru_cache(maxsize=1 << 16)
def entity_iri(ref: EntityRef) -> ox.NamedNode:
    return _id(ref.type, _h(ref.type, ref.name, ref.scope))


@lru_cache(maxsize=1 << 16)
def article_iri(article_id: str) -> ox.NamedNode:
    return _id("article", article_id)


@lru_cache(maxsize=1 << 12)
def paper_iri(name: str) -> ox.NamedNode:
    return _id("paper", _h(name))


def post_iri(title: str) -> ox.NamedNode:
    return _id("post", _h(title))


def holding_iri(h: Holding) -> ox.NamedNode:
    org = h.org.name if h.org else ""
    return _id("holding", _h(h.person.name, h.person.scope, h.title, org))


def event_iri(occ: Occurrence) -> ox.NamedNode:
    return _id("event", _h(occ.name, occ.date or ""))


@lru_cache(maxsize=1 << 16)     # the sentence that names five people is one literal, made once
def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=DATE_TYPES.get(len(value), DATE_TYPES[4]))


def integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD_INTEGER)


Quad = tuple[ox.NamedNode, ox.NamedNode, object, str]   # (s, p, o, article id)


def quads_of(kb: KnowledgeBase, *, once: bool = False) -> Iterator[Quad]:
    """Every triple of the graph with the article that supports it.

    once: what several articles state alike comes with the first of them only, so each triple of the
    union graph (graph.ttl) is yielded about once; per-article facts (provenance, evidence) still each come."""
    for aid, art in kb.articles.items():
        a = article_iri(aid)
        for cls in ARTICLE_CLASSES:
            yield a, TYPE, cls, aid
        yield a, SOURCE_FILE, ox.Literal(art.source), aid
        yield a, POSITION, integer(art.position), aid
        if art.title:
            yield a, HEADLINE, zh(art.title), aid
        if art.issue_date:
            yield a, PUBLISHED, ox.Literal(art.issue_date.isoformat(), datatype=XSD_DATE), aid
        if art.paper.name:
            paper = paper_iri(art.paper.name)
            yield a, PART_OF, paper, aid
            yield paper, TYPE, NEWSPAPER, aid
            yield paper, LABEL, zh(art.paper.name), aid
    for e in kb.entities.values():
        yield from _entity(kb, e, once)
    titles: dict[str, set[str]] = {}
    for h in kb.holdings.values():
        titles.setdefault(h.title, set()).update(h.sources)
        yield from _holding(h, once)
    for title, sources in titles.items():
        p = post_iri(title)
        for aid in sorted(sources)[:1] if once else sorted(sources):
            for cls in POST_CLASSES:
                yield p, TYPE, cls, aid
            yield p, LABEL, zh(title), aid
    for occ in kb.events:
        yield from _event(occ, once)


def _entity(kb: KnowledgeBase, e: Entity, once: bool = False) -> Iterator[Quad]:
    n = entity_iri(e.ref)
    if e.type == PLACE:
        classes = [*PLACE_CLASSES, PLACE_CLASS.get(e.kind or "", DIVISION)]
    else:
        classes = list(TYPE_CLASSES[e.type])
    # What every supporting article states alike is made once (an archive has entities in thousands of articles).
    head = [(TYPE, cls) for cls in classes] + [(LABEL, zh(e.name))]
    tail = [(ALT_LABEL, zh(alias)) for alias in sorted(e.aliases)]
    if e.type == PLACE:
        if e.parent is not None and e.parent in kb.entities:
            tail.append((CONTAINED_IN, entity_iri(e.parent)))
        if e.kind:
            tail.append((LEVEL, ox.Literal(e.kind)))
        if e.code:
            tail.append((CODE, ox.Literal(e.code)))
    if e.type == ORGANIZATION and e.parent is not None and e.parent in kb.entities:
        tail.append((LOCATION, entity_iri(e.parent)))
    for aid in sorted(e.sources):
        for p, o in head:
            yield n, p, o, aid
        yield n, DERIVED_FROM, article_iri(aid), aid
        for p, o in tail:
            yield n, p, o, aid
        if aid in e.sentences:
            yield n, EVIDENCE, zh(e.sentences[aid]), aid
        if once:
            head = tail = []
    if e.mentions:
        first = min(e.sources)
        yield n, MENTIONS, integer(e.mentions), first


def _holding(h: Holding, once: bool = False) -> Iterator[Quad]:
    m = holding_iri(h)
    same = [(TYPE, cls) for cls in HOLDING_CLASSES]
    same += [(MEMBER, entity_iri(h.person)), (ROLE, post_iri(h.title))]
    if h.org is not None:
        same.append((ORGANIZATION_OF, entity_iri(h.org)))
    label = f"{h.person.name} · {h.title}" + (f" · {h.org.name}" if h.org else "")
    same.append((LABEL, zh(label)))
    same += [(WRITTEN_TITLE, zh(alias)) for alias in sorted(h.aliases)]
    for aid in sorted(h.sources):
        for p, o in same:
            yield m, p, o, aid
        yield m, DERIVED_FROM, article_iri(aid), aid
        if once:
            same = []
    yield from _changes(h, m, once)


def _changes(h: Holding, m: ox.NamedNode, once: bool) -> Iterator[Quad]:
    """An appointment, election or removal the articles state: the holding's org:memberDuring interval begins (or,
    for a removal, ends) at a nkg:PostChange, dated where the article dates it."""
    if not h.changes:
        return
    during = ox.NamedNode(m.value + "-during")
    first = min(aid for aids in h.changes.values() for aid in aids)
    yield m, MEMBER_DURING, during, first
    yield during, TYPE, INTERVAL, first
    for (kind, day), aids in sorted(h.changes.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        change = ox.NamedNode(f"{m.value}-{kind}" + (f"-{day}" if day else ""))
        for n, aid in enumerate(sorted(aids)):
            if n == 0 or not once:
                yield during, END if kind == "removed" else BEGINNING, change, aid
                for cls in CHANGE_CLASSES:
                    yield change, TYPE, cls, aid
                yield change, CHANGE_KIND, ox.Literal(kind), aid
                if day:
                    yield change, IN_XSD.get(len(day), IN_XSD[4]), date_literal(day), aid
            yield change, DERIVED_FROM, article_iri(aid), aid


def _event(occ: Occurrence, once: bool = False) -> Iterator[Quad]:
    ev = event_iri(occ)
    same = [(TYPE, cls) for cls in EVENT_CLASSES] + [(LABEL, zh(occ.name))]
    same += [(ALT_LABEL, zh(alias)) for alias in sorted(occ.aliases)]
    if occ.date:
        same.append((START_DATE, date_literal(occ.date)))
    if occ.place is not None:
        same.append((LOCATION, entity_iri(occ.place)))
    same += [(ATTENDEE, entity_iri(p)) for p in occ.attendees]
    same += [(ORGANIZER, entity_iri(o)) for o in occ.organizers]
    for aid in sorted(occ.sources):
        for p, o in same:
            yield ev, p, o, aid
        yield ev, DERIVED_FROM, article_iri(aid), aid
        if aid in occ.sentences:
            yield ev, EVIDENCE, zh(occ.sentences[aid]), aid
        if once:
            same = []


def bind(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def rdflib_term(t) -> URIRef | Literal | BNode:
    """A pyoxigraph term as rdflib's."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        return Literal(t.value) if datatype == XSD_STRING else Literal(t.value, datatype=URIRef(datatype))
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    return Literal(str(t))      # an RDF-star quoted triple (from a store query): shown as text


def graph_of(kb: KnowledgeBase) -> Graph:
    """The union graph in rdflib, for graphs that fit in memory."""
    g = bind(Graph())
    for s, p, o, _aid in quads_of(kb, once=True):
        g.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return g
