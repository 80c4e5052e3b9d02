"""Entity mentions for benchmark scoring: JSON lines in, one JSON line of mentions out per line.

Input lines are {"id": ..., "text": ...}; output lines are
{"id": ..., "mentions": [{"type", "text", "start", "end"}]} with character
offsets and `end` exclusive, the contract ../shared/eval/ner_score.py reads.
Traditional characters are read as simplified (one for one), and each mention's
"text" is the span of the line as given.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..datamodel import Article, Paper
from ..errors import Messages, Problem, describe
from ..ingest.paper import make_paper
from ..ingest.readers import scrub
from ..ingest.traditional import to_simplified
from ..lexicon import load as load_lexicon
from . import extract


def mentions_of(text: str, paper: Paper | None = None) -> list[dict]:
    ext = extract(Article(id="ner", text=to_simplified(scrub(text)), source="ner", paper=paper or Paper()), load_lexicon())
    out = []
    seen = set()
    for m in sorted(ext.mentions, key=lambda m: (m.start, -m.end)):
        key = (m.type, m.start, m.end)
        if key in seen:
            continue
        seen.add(key)
        out.append({"type": m.type, "text": text[m.start:m.end], "start": m.start, "end": m.end})
    return out


def run_lines(lines: Iterable[str], source: str, city: str | None = None) -> Iterator[str | Problem]:
    """One output line per valid input line; a Problem for each bad one."""
    paper = make_paper("", city) if city else None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(source, Messages.E005.format(line=n, why=e.msg))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield Problem(source, Messages.E006.format(line=n))
            continue
        try:
            mentions = mentions_of(rec["text"], paper)
        except Exception as e:      # a bug in an extractor costs this line, not the run
            yield Problem(source, Messages.E016.format(line=n, error=describe(e)))
            continue
        yield json.dumps({"id": rec.get("id", str(n)), "mentions": mentions}, ensure_ascii=False)
