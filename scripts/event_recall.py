"""Event recall on real news nobody here tuned on: DuEE 1.0's dev sentences (Baidu; internal evaluation only).

DuEE marks, in 1,492 news sentences, the events of 65 kinds with the word that tells each (its trigger). Some of those
kinds are events as EXTRACTION.md counts them (accidents, trials, openings and closings, meetings, contests, launches,
parades); most are not (deaths, marriages, share prices, hires). For each DuEE event of a kind that counts, this asks
whether the extractor, given the sentence as an article, made an event whose name is written in the trigger's clause
(between two of ，。；！？) or contains the trigger. DuEE does not mark every event of our kinds, so this is recall only;
beside it stands how many events the extractor made in the sentences where DuEE marks none of those kinds (some are
right: a meeting beside a death). Each sentence is built with no city and the issue date 2020-06-01; DuEE gives
neither, so happenings the extractor dates by a day in their sentence are missed where the sentence names none.

Nothing of DuEE is written into the project; scripts/evaluate.py reports the figures (`make eval`).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

DATA = "benchmarks/duee-1.0/duee_dev.json"
KINDS = {                     # DuEE's event types that EXTRACTION.md counts as events, by what they are
    "accident": ("灾害/意外-车祸", "灾害/意外-起火", "灾害/意外-坠机", "灾害/意外-坍/垮塌", "灾害/意外-爆炸"),
    "meeting or ceremony": ("组织行为-开幕", "组织行为-闭幕", "交往-会见"),
    "trial": ("司法行为-开庭",),
    "contest": ("竞赛行为-胜负", "竞赛行为-夺冠", "竞赛行为-晋级"),
    "launch": ("产品行为-发布",),
    "parade": ("组织行为-游行",),
}
KIND_OF = {t: k for k, types in KINDS.items() for t in types}
CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")


def _clause(text: str, at: int) -> tuple[int, int]:
    return next(((m.start(), m.end()) for m in CLAUSE.finditer(text) if m.start() <= at < m.end()), (at, at + 1))


def _found(text: str, trigger: str, at: int, names: list[str]) -> bool:
    """Is an event named in the trigger's clause, or named with the trigger in it?"""
    cs, ce = _clause(text, at)
    return any(trigger in n or (k := text.find(n, cs)) != -1 and k < ce for n in names)


def score(shared: Path) -> dict | None:
    """{kind: {"found", "events"}} over DuEE's events of our kinds, "all" their sum, and "made_elsewhere": events the
    extractor made in the sentences with none (and how many sentences those are). None where DuEE is not there."""
    from kg.datamodel import Article, Paper
    from kg.extract import extract, read_many
    from kg.extract.ner import BATCH
    from kg.lexicon import load

    path = shared / DATA
    if not path.exists():
        return None
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lex = load()
    texts = [r["text"] for r in records]
    found, total = Counter(), Counter()
    elsewhere = sentences = 0
    for k in range(0, len(texts), BATCH):        # as `kg ner` reads lines: the tagger and the model run on a batch
        tokens, spans = read_many(texts[k:k + BATCH], lex)
        for r, t, s in zip(records[k:k + BATCH], tokens, spans):
            ext = extract(Article(id=r["id"], text=r["text"], source="duee", paper=Paper(), issue_date=date(2020, 6, 1)),
                          lex, t, s)
            names = [n for ev in ext.events for n in (ev.name, *ev.aliases)]
            ours = [e for e in r["event_list"] if e["event_type"] in KIND_OF]
            if not ours:
                elsewhere += len(ext.events)
                sentences += 1
            for e in ours:
                kind = KIND_OF[e["event_type"]]
                total[kind] += 1
                found[kind] += _found(r["text"], e["trigger"], e["trigger_start_index"], names)
    out = {kind: {"found": found[kind], "events": total[kind]} for kind in KINDS}
    out["all"] = {"found": sum(found.values()), "events": sum(total.values())}
    out["made_elsewhere"] = {"events": elsewhere, "sentences": sentences}
    return out


def markdown(result: dict) -> str:
    """The README's table: recall per kind."""
    rows = ["| DuEE dev, events of our kinds | found / marked | recall |", "|---|---|---|"]
    for kind in (*KINDS, "all"):
        x = result[kind]
        rows.append(f"| {kind} | {x['found']} / {x['events']} | {x['found'] / max(1, x['events']):.3f} |")
    m = result["made_elsewhere"]
    rows.append(f"| events made in the {m['sentences']:,} sentences DuEE marks none of our kinds in | {m['events']} | – |")
    return "\n".join(rows)
