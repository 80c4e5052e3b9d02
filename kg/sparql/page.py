"""The query page `kg serve` shows at GET /sparql without a query: an editor prefilled with our prefixes,
the worked queries (`kg.sparql.params.examples`, a click fills the editor and their parameters' fields) and a
Run button that POSTs to /sparql for SPARQL JSON and shows the rows as a table.

One HTML file (page.html) with its style and script inside: it loads nothing from anywhere else. What it
needs from the server is written into it as JSON when the server starts.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..rdf.namespaces import ID, PREFIXES
from .params import Example

TEMPLATE = Path(__file__).with_name("page.html")
START = "SELECT ?name ?title ?organization WHERE {\n  ?m org:member/rdfs:label ?name ;\n     org:role/rdfs:label ?title .\n" \
        "  OPTIONAL { ?m org:organization/rdfs:label ?organization }\n} ORDER BY ?name LIMIT 50\n"


def render(examples: list[Example], source: str) -> bytes:
    """The page, with the worked `examples` and a line saying what is served (`source`)."""
    vocabulary = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in ID)
    data = {"prefixes": {p: str(ns) for p, ns in PREFIXES.items()}, "start": vocabulary + "\n" + START,
            "examples": [e.as_json() for e in examples], "source": source}
    # inside <script>: no "</script>" or "<!--" may appear, so every < is written as \u003c
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return TEMPLATE.read_text(encoding="utf-8").replace("__KG_DATA__", blob).encode("utf-8")
