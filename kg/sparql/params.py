"""Parameters of a query: the worked queries in queries/ take their names from the asker.

A query declares each parameter in a comment line, its type, its default (optional) and what it
is, and uses it as `$name` where a term goes:

    # $person: name = 邹明远   whose posts: a person's name as the paper writes it
    # $month: month = ""      the month, as 2023-04 ("" for any month)
    SELECT ?title WHERE { ?p rdfs:label|skos:altLabel $person . ... }

`kg query FILE.rq --param person=朱健` (repeatable) and `kg serve`'s `$person=朱健` (a form or URL
field) give the values; a parameter not given takes its default. Each value is checked against
its type and written into the query as one term, never as query text:

    name      a name, tagged @zh as every name in the graph is       "朱健"@zh
    text      a string without a language tag (for CONTAINS, REGEX)  "工信局"
    date      YYYY-MM-DD                                              "2023-04-17"^^xsd:date
    month     YYYY-MM, or "" for none (compared as text)              "2023-04"
    integer   a whole number (LIMIT $limit)                           20
    iri       an IRI                                                  <https://w3id.org/newskg/id/person/...>

A string is written between double quotes with `"` escaped as `\\"`; a value holding a backslash
or a control character is refused, so the only escape in the query is `\\"` and no value can end
its string early, whichever way an engine reads `\\u0022`. In a query that declares parameters,
every `$word` outside strings, IRIs and comments must be a declared one; in a query that declares
none, `$x` is an ordinary SPARQL variable and there is nothing to give.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import Messages, UsageError
from .text import OPAQUE

TYPES = ("name", "text", "date", "month", "integer", "iri")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DECLARATION = re.compile(r"^\s*#\s*\$(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>[\w-]+)"
                          r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|\S+))?(?P<help>.*)$")
_PLACEHOLDER = re.compile(r"\$(\w+)")
_REFUSED = re.compile(r"[\\\x00-\x1f\x7f]")
_IRI_REFUSED = re.compile(r'[<>"{}|^`\\\s\x00-\x20]')


class ParameterError(UsageError):
    """A parameter given wrongly (unknown, missing, not of its type): the asker's mistake, shown in one line."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None         # None: the parameter must be given
    help: str = ""
    line: int = 0

    def term(self, value: str) -> str:
        """`value` as a SPARQL term of this parameter's type; ParameterError when it is not one."""
        kind = self.type
        if kind == "integer":
            if not re.fullmatch(r"[+-]?\d{1,18}", value.strip()):
                raise ParameterError(Messages.E213.format(name=self.name, value=value, kind="a whole number"))
            return str(int(value))
        if _REFUSED.search(value):
            raise ParameterError(Messages.E214.format(name=self.name))
        if kind == "iri":
            if not re.match(r"[A-Za-z][\w+.-]*:", value) or _IRI_REFUSED.search(value):
                raise ParameterError(Messages.E213.format(name=self.name, value=value, kind="an IRI"))
            return f"<{value}>"
        if kind == "date":
            try:
                date.fromisoformat(value)
                ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
            except ValueError:
                ok = False
            if not ok:
                raise ParameterError(Messages.E213.format(name=self.name, value=value, kind="a date like 2021-01-13"))
            return f'"{value}"^^<{_XSD}date>'
        if kind == "month" and value and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            raise ParameterError(Messages.E213.format(name=self.name, value=value, kind="a month like 2021-01"))
        quoted = '"' + value.replace('"', '\\"') + '"'
        return quoted + "@zh" if kind == "name" else quoted


@dataclass
class Bound:
    """A query with its parameters put in: the text to run, and which parameters kept their defaults."""
    text: str
    defaults: dict[str, str] = field(default_factory=dict)


def declarations(query: str) -> list[Parameter]:
    """The parameters `query` declares, in order; ParameterError for a declaration of an unknown type."""
    found: dict[str, Parameter] = {}
    for number, line in enumerate(query.split("\n"), 1):
        m = _DECLARATION.match(line)
        if not m:
            continue
        if m["type"] not in TYPES:
            raise ParameterError(Messages.E215.format(line=number, text=line.strip(), types=", ".join(TYPES)))
        default = m["default"]
        if default is not None and default.startswith('"'):
            default = json.loads(default)
        found.setdefault(m["name"], Parameter(m["name"], m["type"], default, m["help"].strip(), number))
    return list(found.values())


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """`--param name=value` options as {name: value} (a leading $ is allowed); ParameterError for a bad one."""
    out: dict[str, str] = {}
    for item in items:
        name, eq, value = item.partition("=")
        name = name.strip().lstrip("$")
        if not eq or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ParameterError(Messages.E217.format(text=item))
        if name in out:
            raise ParameterError(Messages.E218.format(name=name))
        out[name] = value
    return out


def bind(query: str, values: Mapping[str, str] | None = None) -> Bound:
    """`query` with each declared `$name` replaced by its value's term (`values`, else the default)."""
    values = dict(values or {})
    params = {p.name: p for p in declarations(query)}
    for name in values:
        if name not in params:
            if not params:
                raise ParameterError(Messages.E211.format(name=name))
            raise ParameterError(Messages.E210.format(name=name, known=", ".join(params)))
    if not params:
        return Bound(query)
    terms, defaults = {}, {}
    for name, p in params.items():
        if name in values:
            terms[name] = p.term(values[name])
        elif p.default is not None:
            terms[name] = p.term(p.default)
            defaults[name] = p.default
        else:
            raise ParameterError(Messages.E212.format(name=name, help=p.help or p.type))

    def put(m: re.Match) -> str:
        name = m.group(1)
        if name not in terms:
            line = query.count("\n", 0, m.start()) + 1
            raise ParameterError(Messages.E216.format(line=line, name=name))
        return terms[name]

    out, pos = [], 0
    for m in OPAQUE.finditer(query):        # placeholders only between strings, IRIs and comments
        out.append(_PLACEHOLDER.sub(put, query[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_PLACEHOLDER.sub(put, query[pos:]))
    return Bound("".join(out), defaults)


# --- the worked queries ------------------------------------------------------------------------------

@dataclass
class Example:
    """A worked query file: its name (the file's stem), what it answers (its first comment), its parameters."""
    name: str
    title: str
    text: str
    parameters: list[Parameter]

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "text": self.text,
                "parameters": [{"name": p.name, "type": p.type, "default": p.default, "help": p.help}
                               for p in self.parameters]}


def examples(folder: Path | None) -> list[Example]:
    """The worked queries (*.rq) in `folder`, by name; a file that does not declare its parameters well is left out."""
    if folder is None or not Path(folder).is_dir():
        return []
    out = []
    for path in sorted(Path(folder).glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
            params = declarations(text)
        except (OSError, UnicodeDecodeError, ParameterError):
            continue
        first = next((ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("#")), "")
        out.append(Example(path.stem, first or path.stem, text, params))
    return out


def default_folder() -> Path | None:
    """The project's queries/ folder, beside the kg package in a source checkout (what `make install` gives)."""
    here = Path(__file__).resolve().parents[2] / "queries"
    return here if here.is_dir() else None
