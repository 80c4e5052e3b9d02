"""kg.rdf: the triples each fact becomes, IRIs that stay the same across builds, and a vocabulary the ontology declares."""
import hashlib
import os
import subprocess
import sys
from datetime import date

import rdflib
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from conftest import ROOT
from kg.datamodel import (
    ORGANIZATION,
    PERSON,
    PLACE,
    Article,
    EntityRef,
    EventFact,
    Extraction,
    Membership,
    Paper,
)
from kg.rdf.namespaces import NKG, ORG, SCHEMA
from kg.rdf.triples import entity_iri, graph_of
from kg.resolve import resolve

PAPER = Paper("衡阳日报", "衡阳市", "湖南省", "衡阳日报社")
ZHU = EntityRef(PERSON, "朱健", "衡阳市")
GOV = EntityRef(ORGANIZATION, "衡阳市人民政府")
COUNTY = EntityRef(PLACE, "衡南县", "湖南省/衡阳市")


def small_graph() -> rdflib.Graph:
    ext = Extraction(Article(id="a1", text="…", source="000.txt", title="衡南县调研", issue_date=date(2021, 1, 13),
                             paper=PAPER))
    ext.entity(ZHU)
    ext.entity(GOV, "市政府")
    ext.entity(COUNTY).kind = "county"
    ext.memberships.append(Membership(ZHU, "市长", GOV, {"衡阳市市长"}))
    ext.events.append(EventFact("调研乡村振兴工作", date="2021-01", place=COUNTY, attendees=[ZHU], organizers=[GOV],
                                sentence="朱健到衡南县调研乡村振兴工作。"))
    ext.sentences[ZHU] = "市长朱健到衡南县调研。"
    return graph_of(resolve([ext]))


def node(g: rdflib.Graph, ref: EntityRef) -> rdflib.URIRef:
    return rdflib.URIRef(entity_iri(ref).value)


def test_rdf_entity_triples():
    g = small_graph()
    zhu, gov = node(g, ZHU), node(g, GOV)
    assert {SCHEMA.Person, NKG.Person} <= set(g.objects(zhu, RDF.type))
    assert g.value(zhu, RDFS.label) == rdflib.Literal("朱健", lang="zh")
    assert g.value(zhu, NKG.evidence) == rdflib.Literal("市长朱健到衡南县调研。", lang="zh")
    assert set(g.objects(gov, SKOS.altLabel)) == {rdflib.Literal("市政府", lang="zh")}
    article = next(g.subjects(RDF.type, SCHEMA.NewsArticle))
    assert g.value(article, SCHEMA.datePublished) == rdflib.Literal("2021-01-13", datatype=XSD.date)
    assert all((n, PROV.wasDerivedFrom, article) in g for n in (zhu, gov, node(g, COUNTY)))


def test_rdf_post_holding_triples():
    g = small_graph()
    holding = next(g.subjects(RDF.type, ORG.Membership))
    assert g.value(holding, ORG.member) == node(g, ZHU)
    assert g.value(holding, ORG.organization) == node(g, GOV)
    post = g.value(holding, ORG.role)
    assert (post, RDF.type, ORG.Role) in g and g.value(post, RDFS.label) == rdflib.Literal("市长", lang="zh")
    assert g.value(holding, NKG.writtenTitle) == rdflib.Literal("衡阳市市长", lang="zh")
    assert g.value(holding, PROV.wasDerivedFrom) is not None


def test_rdf_event_triples():
    g = small_graph()
    ev = next(g.subjects(RDF.type, SCHEMA.Event))
    assert g.value(ev, SCHEMA.startDate) == rdflib.Literal("2021-01", datatype=XSD.gYearMonth)
    assert g.value(ev, SCHEMA.location) == node(g, COUNTY)
    assert set(g.objects(ev, SCHEMA.attendee)) == {node(g, ZHU)}
    assert set(g.objects(ev, SCHEMA.organizer)) == {node(g, GOV)}
    assert g.value(ev, NKG.evidence) == rdflib.Literal("朱健到衡南县调研乡村振兴工作。", lang="zh")


def test_rdf_iris_are_stable_across_builds_and_processes():
    """A person is their name within the home city, hashed the same way in every build: links from other data
    and graphs built on other days keep pointing at the same node."""
    key = "person\x1f朱健\x1f衡阳市".encode()
    assert entity_iri(ZHU).value == "https://w3id.org/newskg/id/person/" + hashlib.sha1(key).hexdigest()[:16]
    code = ("import sys; sys.path.insert(0, 'tests'); from test_rdf import small_graph; "
            "print('\\n'.join(sorted(small_graph().serialize(format='nt').splitlines())))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "tests")}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1 and runs.pop().count("\n") > 30


def test_rdf_every_term_is_declared_in_the_ontology():
    onto = rdflib.Graph().parse(ROOT / "ontology" / "newskg.ttl")
    for name in NKG.__annotations__:
        term = NKG[name]
        assert (term, RDF.type, None) in onto, f"nkg:{name} is not declared in ontology/newskg.ttl"
        assert (term, RDFS.label, None) in onto and (term, RDFS.comment, None) in onto


def test_rdf_stated_appointment_is_the_holdings_member_during():
    ext = Extraction(Article(id="a1", text="…", source="000.txt", issue_date=date(2021, 1, 13), paper=PAPER))
    ext.entity(ZHU)
    ext.entity(GOV)
    ext.memberships.append(Membership(ZHU, "市长", GOV, change="appointed", change_date="2021-01-12"))
    g = graph_of(resolve([ext]))
    TIME = rdflib.Namespace("http://www.w3.org/2006/time#")
    holding = next(g.subjects(RDF.type, ORG.Membership))
    during = g.value(holding, ORG.memberDuring)
    change = g.value(during, TIME.hasBeginning)
    assert (during, RDF.type, TIME.Interval) in g and (change, RDF.type, NKG.PostChange) in g
    assert g.value(change, NKG.changeKind) == rdflib.Literal("appointed")
    assert g.value(change, TIME.inXSDDate) == rdflib.Literal("2021-01-12", datatype=XSD.date)
    assert g.value(change, PROV.wasDerivedFrom) is not None
