"""The graph's vocabulary in one place: our ontology's terms and the standard ones we use directly.

`ontology/newskg.ttl` is the source of truth for NKG terms; tests/test_rdf.py checks
that every term named here is declared there. Data IRIs live under BASE, one
namespace per kind so Turtle writes them as valid prefixed names (person:3f2a…).
"""
from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
ORG = Namespace("http://www.w3.org/ns/org#")
BASE = "https://w3id.org/newskg/"


class NKG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Person: object
    Organization: object
    Place: object
    AdministrativeDivision: object
    Venue: object
    Road: object
    Country: object
    Event: object
    Article: object
    Post: object
    PostHolding: object
    divisionLevel: object
    divisionCode: object
    evidence: object
    writtenTitle: object
    sourceFile: object
    positionOnPage: object
    mentionCount: object
    PostChange: object
    changeKind: object


KINDS = ("person", "organization", "place", "event", "article", "post", "holding", "paper")
ID = {kind: Namespace(f"{BASE}id/{kind}/") for kind in KINDS}

PREFIXES = {"nkg": NKG._NS, "schema": SCHEMA, "org": ORG, "prov": PROV, "rdfs": RDFS, "skos": SKOS, "xsd": XSD,
            "time": TIME,
            "owl": OWL, "rdf": RDF, **ID}


def with_prefixes(query: str) -> str:
    """`query` with a PREFIX line for each of ours it does not declare itself."""
    declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([\w-]*):", query)}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return head + query
