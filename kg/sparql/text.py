"""Reading a query's text without running it: which form it is, whether it asks for a SERVICE.

The server refuses updates and SERVICE before any work, `kg.sparql.params` finds a query's
`$name` placeholders and `kg.sparql.diagnose` its strings, all outside the query's strings, IRIs
and comments (an IRI may hold '#', a string anything).
"""
from __future__ import annotations

import re

UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")

STRING = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",   # long strings
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",                          # strings
]), re.S)
OPAQUE = re.compile("|".join([
    STRING.pattern,
    r'<[^<>"{}|^`\\\s]*>',                                                      # IRIs
    r"#[^\n]*",                                                                 # comments
]), re.S)
_KEYWORD = re.compile(r"(?<![\w:?$])(" + "|".join(QUERY_FORMS + UPDATE_FORMS) + r")(?![\w:-])", re.I)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


def bare_text(query: str) -> str:
    """`query` with its strings, IRIs and comments blanked out: the same length, so offsets still match."""
    return OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)


def query_form(query: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE, ASK or an update keyword (INSERT, DELETE, LOAD, ...): the first one the text uses."""
    m = _KEYWORD.search(bare_text(query))
    return m.group(1).upper() if m else None


def keyword_offset(query: str) -> int:
    """Where the query's first word that is not a PREFIX or BASE declaration starts (0 for none)."""
    bare = bare_text(query)
    m = re.match(r"\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s+)*", bare, re.I)
    rest = re.compile(r"\S").search(bare, m.end() if m else 0)
    return rest.start() if rest else 0


def uses_service(query: str) -> bool:
    """True when the query asks for a SERVICE (a federated query to another endpoint)."""
    return bool(_SERVICE.search(bare_text(query)))
