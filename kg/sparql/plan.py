"""How a SELECT is put to Oxigraph: large joins as hash joins, from counts kept with the store.

Oxigraph joins the triple patterns of a query one index lookup per row (a nested loop), about
17 µs a lookup on disk. That is right when one pattern is small (`?p rdfs:label "朱健"@zh`),
and slow when all are large: "every post holding with its person's and organization's names"
makes three lookups for each of 45,000 holdings. Reading each pattern once and joining by
hashing costs about 1 µs a triple read. Oxigraph never chooses that for patterns of one group,
but does join separate subqueries so.

So `planned` estimates each pattern's size from the counts `statistics` takes when a store is
written (triples per predicate, things per class) and, where the hash join costs less, writes
each pattern of the group as its own subquery. The answer is the same (a group of patterns is
the join of its patterns); only the plan changes. A query the planner does not understand, or
whose group has a blank node or a property path, is left as it was written.
"""
from __future__ import annotations

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.namespace import RDF
from rdflib.plugins.sparql.algebra import (
    BGP,
    Join,
    Project,
    ToMultiSet,
    translateAlgebra,
    translateQuery,
    traverse,
)
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from ..rdf.namespaces import with_prefixes

# At 1 million triples (bench/store_bench.py's graph) a lookup took about 17 µs and reading a triple about
# 1 µs; 10 leaves a nested loop in place wherever the two plans are close.
LOOKUP_COST = 10
# A pattern with a named subject or object (not a class) is assumed this small.
BOUND_ROWS = 10

STATISTICS = {
    "predicates": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "classes": "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
}
# The parts of a query the planner rewrites inside; anything else leaves the query as written
# (rdflib writes some back wrongly: GRAPH ?g { ... } loses its graph, HAVING becomes a FILTER, and an
# OPTIONAL loses the FILTER inside it).
_PATTERNS = {"SelectQuery", "Project", "Distinct", "Reduced", "Slice", "OrderBy", "Filter", "Extend",
             "BGP", "Join", "LeftJoin", "Union", "Minus", "ToMultiSet", "Group", "AggregateJoin"}


def statistics(store) -> dict:
    """Triples per predicate and things per class in a pyoxigraph store's default graph."""
    out = {}
    for key, text in STATISTICS.items():
        out[key] = {row[0].value: int(row[1].value) for row in store.query(text)}
    return out


def planned(query: str, stats: dict | None) -> str:
    """`query` with its large joins written as joins of subqueries; `query` itself when nothing gains.

    kg's usual prefixes may be left undeclared, as everywhere in kg.
    """
    if not stats:
        return query
    try:
        parsed = translateQuery(parseQuery(with_prefixes(query)))
    except Exception:       # rdflib's parser is stricter than Oxigraph's in places: Oxigraph decides
        return query
    if parsed.algebra.name != "SelectQuery" or not _understood(parsed.algebra):
        return query
    changed = []

    def split(node):
        if isinstance(node, CompValue) and node.name == "BGP":
            joined = _hash_join(node.triples, stats)
            if joined is not None:
                changed.append(node)
                return joined
        return None

    parsed.algebra = traverse(parsed.algebra, visitPost=split)
    if not changed:
        return query
    try:
        return translateAlgebra(parsed)
    except Exception:
        return query


def _understood(node) -> bool:
    """True when every graph pattern in the query is one the planner rewrites inside (expressions aside)."""
    if not isinstance(node, CompValue):
        return True
    if node.name not in _PATTERNS:
        return False
    if node.name == "Filter" and _over_aggregate(node.p):     # HAVING: rdflib writes it back as a FILTER
        return False
    # OPTIONAL { ... FILTER(?x != ?outer) }: rdflib writes the OPTIONAL back without its filter
    if node.name == "LeftJoin" and getattr(node.get("expr"), "name", "TrueFilter") != "TrueFilter":
        return False
    return all(_understood(node[k]) for k in ("p", "p1", "p2") if k in node)


def _over_aggregate(node) -> bool:
    while isinstance(node, CompValue) and node.name == "Extend":
        node = node.p
    return isinstance(node, CompValue) and node.name == "AggregateJoin"


def _hash_join(triples: list, stats: dict):
    """The patterns as a join of one-pattern subqueries, in an order that keeps each joined to the last;
    None when a nested loop from the smallest pattern costs less (or the group cannot be split)."""
    if len(triples) < 2 or any(isinstance(t, BNode) or not isinstance(t, (URIRef, Literal, Variable))
                               for triple in triples for t in triple):
        return None
    sizes = [_rows(t, stats) for t in triples]
    if min(sizes) * (len(triples) - 1) * LOOKUP_COST <= sum(sizes):
        return None
    order = _connected_order(triples, sizes)
    if order is None:
        return None
    joined = None
    for i in order:
        t = triples[i]
        part = ToMultiSet(Project(BGP([t]), list(dict.fromkeys(x for x in t if isinstance(x, Variable)))))
        joined = part if joined is None else Join(joined, part)
    return joined


def _rows(triple, stats: dict) -> int:
    s, p, o = triple
    if isinstance(p, Variable):
        return BOUND_ROWS if not isinstance(s, Variable) else sum(stats["predicates"].values())
    if p == RDF.type and not isinstance(o, Variable):
        return stats["classes"].get(str(o), 0) if isinstance(s, Variable) else 1
    if not isinstance(s, Variable) or not isinstance(o, Variable):
        return BOUND_ROWS
    return stats["predicates"].get(str(p), 0)


def _connected_order(triples: list, sizes: list[int]) -> list[int] | None:
    """Smallest pattern first, then each time the smallest sharing a variable with those before;
    None when the group falls into parts that share no variable (a cross product: left to Oxigraph).

    Other shapes were timed on the all-holdings join at 1 M triples (2026-12-02, 9-11 alternating
    rounds): each label joined next to the pattern that binds it, nested subqueries projecting only
    what the next join needs, two halves joined by the holding. All came within 15% of this order,
    inside the machine's own noise; none was kept."""
    left = sorted(range(len(triples)), key=lambda i: sizes[i])
    first = left.pop(0)
    order, seen = [first], {x for x in triples[first] if isinstance(x, Variable)}
    while left:
        nxt = next((i for i in left if seen & {x for x in triples[i] if isinstance(x, Variable)}), None)
        if nxt is None:
            return None
        left.remove(nxt)
        order.append(nxt)
        seen |= {x for x in triples[nxt] if isinstance(x, Variable)}
    return order
