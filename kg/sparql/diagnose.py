"""What to tell someone whose query did not parse, or found nothing: one readable line each.

A parse error names the line and column of the query as written, with what was expected there
in a few words rather than the parser's grammar (Oxigraph lists character classes, rdflib says
"Expected SelectQuery, found end of text"):

    query line 4, column 1: the query ends before it is complete: a closing } is missing

A SELECT that found no rows while it holds a string without a language tag, which the graph has
as a name tagged @zh (`?p rdfs:label "朱健"` for `"朱健"@zh`), gets a note saying so.
"""
from __future__ import annotations

import re

from ..errors import Messages
from ..rdf.namespaces import ID, PREFIXES
from .text import STRING, bare_text, keyword_offset, query_form

# Oxigraph: "error at 4:1: expected one of ",", ".", "}", [_]"
_OX_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SPARQL_12 = {"{|", "~", "<<", "<<("}      # SPARQL 1.2 tokens Oxigraph offers too: noise to a 1.1 user


def syntax_message(query: str, error: str | Exception) -> str:
    """The one-line message for a query that does not parse: Oxigraph's error text, or rdflib's ParseException."""
    line = column = None
    expected = ""
    if isinstance(error, Exception) and hasattr(error, "lineno") and hasattr(error, "col"):     # pyparsing
        line, column, expected = error.lineno, error.col, str(getattr(error, "msg", "") or "")
    else:
        m = _OX_POSITION.match(str(error).strip())
        if m:
            line, column, expected = int(m.group(1)), int(m.group(2)), m.group(3)
    if line is None:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return Messages.E203.format(why=first)
    line, column, what = _explain(query, line, column, expected)
    return Messages.E202.format(line=line, column=column, what=what)


def _explain(query: str, line: int, column: int, expected: str) -> tuple[int, int, str]:
    if query_form(query) is None:
        return (*_position(query, keyword_offset(query)),
                "a query starts with SELECT, CONSTRUCT, DESCRIBE or ASK (after any PREFIX lines)")
    unclosed = _unclosed_string(query)
    if unclosed is not None:
        return (*_position(query, unclosed), "this string is never closed (its closing quote is missing)")
    lines = query.split("\n")
    offset = min(len(query), sum(len(x) + 1 for x in lines[:line - 1]) + column - 1)
    bare = bare_text(query)
    if not bare[offset:].strip():
        for opening, closing in (("{", "}"), ("(", ")"), ("[", "]")):
            if bare.count(opening) > bare.count(closing):
                return line, column, f"the query ends before it is complete: a closing {closing} is missing"
    near = re.match(r"\S{1,30}", query[offset:])
    if "Prefix not found" in expected:
        name = re.search(r"([^\s:{}();,.]*):[^\s:]*$", query[:offset].rstrip())
        prefix = f"{name.group(1)}:" if name else "a prefix"
        if name:
            line, column = _position(query, name.start(1))
        ours = " ".join(p + ":" for p in PREFIXES if p not in ID)
        return line, column, (f"unknown prefix {prefix} (declare it: PREFIX {prefix} <...>; kg declares {ours} "
                              "and the id/ ones for you)")
    if "IRI parsing failed" in expected:
        return line, column, "not a valid IRI" + (f" (near {near.group(0)!r})" if near else "")
    # Oxigraph names the furthest point one of its rules read to, often past the mistake (the end of the
    # query, for `FILTER(?n = )`); rdflib's parser names the start of the part it cannot read: the earlier wins
    better = _rdflib_offset(query)
    if better is not None and better < offset:
        offset, expected = better, ""
        line, column = _position(query, offset)
    if not bare[offset:].strip():
        return line, column, "the query ends before it is complete" + _expected(expected)
    near = re.match(r"\S{1,30}", query[offset:])
    return line, column, "the query cannot be read from here" + (f" (near {near.group(0)!r})" if near else "") \
        + _expected(expected)


def _unclosed_string(query: str) -> int | None:
    """Where a string that is never closed starts: a quote outside every string, IRI and comment."""
    m = re.search("[\"']", bare_text(query))
    return m.start() if m else None


def _rdflib_offset(query: str) -> int | None:
    """Where rdflib's parser stops reading `query` (a character offset), or None when it reads it all."""
    from rdflib.plugins.sparql.parser import parseQuery
    try:
        parseQuery(query)
    except Exception as e:
        loc = getattr(e, "loc", None)
        return loc if isinstance(loc, int) else None
    return None


def _expected(expected: str) -> str:
    """`expected one of ",", ".", "}", [_]` as `: expected , . }` (tokens only, no grammar)."""
    tokens = [t for t in _QUOTED.findall(expected) if t not in _SPARQL_12]
    return f": expected {' '.join(tokens)}" if tokens else ""


def _position(query: str, offset: int) -> tuple[int, int]:
    before = query[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


# --- the @zh note ----------------------------------------------------------------------------------

_SKIP = re.compile(r'<[^<>"{}|^`\\\s]*>|#[^\n]*')      # IRIs and comments, which may hold a quote
_MAX_LITERALS = 20


def plain_literals(query: str) -> list[str]:
    """The string literals in `query` with neither a language tag nor a datatype, as written (quotes included)."""
    found: dict[str, None] = {}
    pos = 0
    while len(found) < _MAX_LITERALS:
        s, skip = STRING.search(query, pos), _SKIP.search(query, pos)
        if s is None:
            break
        if skip is not None and skip.start() < s.start():
            pos = skip.end()
            continue
        after = query[s.end():].lstrip()
        if not after.startswith(("@", "^^")) and s.end() - s.start() > 2:
            found[s.group(0)] = None
        pos = s.end()
    return list(found)


def zh_note(source, query: str) -> str | None:
    """For a SELECT that found no rows: a note naming the plain strings it holds that are @zh names in `source`
    (an rdfs:label or skos:altLabel), or None."""
    literals = plain_literals(query)
    if not literals:
        return None
    values = " ".join(f"({i} {lit}@zh)" for i, lit in enumerate(literals))
    ask = (f"SELECT DISTINCT ?i WHERE {{ VALUES (?i ?l) {{ {values} }} "
           "?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l }")
    try:
        hits = sorted(int(row[0]) for row in source.query(ask))
    except Exception:      # a note is a courtesy: it never turns an answer into an error
        return None
    if not hits:
        return None
    found = [literals[i] for i in hits]
    return Messages.E220.format(found=", ".join(found), are="is" if len(found) == 1 else "are", example=found[0])
