#!/usr/bin/env python3
"""kg ner's speed on one core and where its time goes: the tagger (LAC), the mention model, the rules.

    python bench/ner_speed.py [--shared ../shared] [--repeat 3]

Reads CLUENER2020 dev and MSRA test's sentences (../shared/benchmarks, read in place) in batches of 64 lines, as
`kg ner` does, in this one process with numpy and ONNX Runtime on one thread each; writes bench/NER.md.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = {"CLUENER2020 dev": "benchmarks/cluener2020/dev.json", "MSRA test": "benchmarks/msra-ner/msra_test_bio.txt"}


def sentences(shared: Path, rel: str) -> list[str]:
    out = subprocess.run([sys.executable, str(shared / "eval" / "ner_score.py"), "prepare", str(shared / rel)],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["text"] for line in out.splitlines()]


def timed(texts: list[str]) -> dict[str, float]:
    """Seconds in the tagger, the model and the rules, over `texts` in batches of kg ner's size."""
    from kg.datamodel import Article, Paper
    from kg.extract import extract
    from kg.extract.mentions import mention_model
    from kg.extract.ner import BATCH
    from kg.extract.tagger import tagger
    from kg.lexicon import load

    lex = load()
    spent = {"tagger": 0.0, "model": 0.0, "rules": 0.0}
    for k in range(0, len(texts), BATCH):
        batch = texts[k:k + BATCH]
        t0 = time.perf_counter()
        tokens = tagger().tag_many(batch)
        t1 = time.perf_counter()
        spans = mention_model().spans_many(batch, tokens, lex)
        t2 = time.perf_counter()
        for text, tok, sp in zip(batch, tokens, spans):
            extract(Article(id="b", text=text, source="b", paper=Paper()), lex, tok, sp)
        t3 = time.perf_counter()
        spent["tagger"] += t1 - t0
        spent["model"] += t2 - t1
        spent["rules"] += t3 - t2
    return spent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    timed(["衡阳市委副书记、市长朱健在雁峰区调研。"])          # load the tagger, the model, the lexicons
    rows = []
    for name, rel in SETS.items():
        texts = sentences(args.shared, rel)
        chars = sum(map(len, texts))
        runs = [timed(texts) for _ in range(args.repeat)]
        total = statistics.median(sum(r.values()) for r in runs)
        share = {k: statistics.median(r[k] for r in runs) / total for k in runs[0]}
        rows.append((name, len(texts), chars, chars / total, share))
        print(f"{name}: {chars / total:,.0f} characters/s; tagger {share['tagger']:.0%}, model {share['model']:.0%}, "
              f"rules {share['rules']:.0%}", flush=True)
    lines = [f"# kg ner on one core ({date.today().isoformat()})", "",
             f"`python bench/ner_speed.py` (part of `make bench`) on {platform.machine()}, Python "
             f"{platform.python_version()}: each set's sentences in batches of 64 lines, as `kg ner` reads them, "
             f"median of {args.repeat} runs; the share of time in the tagger (LAC on ONNX Runtime), the mention "
             "model (numpy) and the rules (every component after them).", "",
             "| set | sentences | characters | characters/s | tagger | model | rules |", "|---|---|---|---|---|---|---|"]
    for name, n, chars, speed, share in rows:
        lines.append(f"| {name} | {n:,} | {chars:,} | {speed:,.0f} | {share['tagger']:.0%} | {share['model']:.0%} | "
                     f"{share['rules']:.0%} |")
    (ROOT / "bench" / "NER.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote bench/NER.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
