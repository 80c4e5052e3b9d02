#!/usr/bin/env python3
"""Measure the extractor: the annotated pages with ../shared/eval/score.py, and the public NER
benchmarks (CLUENER2020 dev, MSRA test) with ../shared/eval/ner_score.py. `make eval` runs this.
CLUENER's train split (8x dev) is scored too, as a second check: a rule that only fits dev shows as a
gain on dev and none on train. (Train was held out until 2026-12-01; the person rules of 2026-12-02
were chosen from errors common to both, see the README.)

    python scripts/evaluate.py [--shared ../shared] [--out build/eval] [--pages-only] [--json FILE]

Each page is built on its own (as `kg build` would) and all are scored together. The benchmark
texts are run through the same extractor `kg ner` uses. Nothing from ../shared is written into the
project: the graphs and mention files go to --out (under build/, which git ignores).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = (("000", None), ("001", None), ("002", date(2020, 11, 21)))   # 002 has no masthead: its issue date
BENCHMARKS = {"cluener": "benchmarks/cluener2020/dev.json", "msra": "benchmarks/msra-ner/msra_test_bio.txt",
              "cluener_train": "benchmarks/cluener2020/train.json"}


def build_pages(shared: Path, out: Path) -> list[str]:
    from kg.build import build_kb
    from kg.rdf.triples import graph_of

    pairs = []
    for prefix, issue in PAGES:
        page = next((shared / "eval" / "pages").glob(f"{prefix}_*.txt"))
        kb, _ = build_kb([page], issue_date=issue)
        target = out / prefix
        target.mkdir(parents=True, exist_ok=True)
        graph_of(kb).serialize(target / "graph.ttl", format="turtle")
        pairs.append(f"{target / 'graph.ttl'}:{shared / 'eval' / 'gold' / (prefix + '.json')}")
    return pairs


def score_pages(shared: Path, out: Path) -> dict:
    pairs = build_pages(shared, out)
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--ontology", str(ROOT / "ontology"),
                          *pairs, "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def score_samples(shared: Path, out: Path) -> dict:
    """Our own sample articles (kg/samples) against what their author annotated (tests/data/samples_expected.json).
    A second view, on text no rule was tuned on: pages built each on its own, JSON lines one by one."""
    from kg.build import build_kb, samples_dir
    from kg.extract import extract
    from kg.ingest import read_source
    from kg.rdf.triples import graph_of
    from kg.resolve import resolve

    gold = json.loads((ROOT / "tests" / "data" / "samples_expected.json").read_text(encoding="utf-8"))
    target = out / "samples"
    target.mkdir(parents=True, exist_ok=True)
    graphs = {}
    for page in sorted(samples_dir().glob("*.txt")):
        graphs[page.name] = graph_of(build_kb([page])[0])
    for article in read_source(samples_dir() / "articles.jsonl").articles:
        graphs[article.source.split("#", 1)[1]] = graph_of(resolve([extract(article)]))
    pairs = []
    for key, g in graphs.items():
        if key in gold:
            g.serialize(target / f"{key}.ttl", format="turtle")
            (target / f"{key}.json").write_text(json.dumps(gold[key], ensure_ascii=False), encoding="utf-8")
            pairs.append(f"{target / (key + '.ttl')}:{target / (key + '.json')}")
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--ontology", str(ROOT / "ontology"),
                          *pairs, "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def score_benchmark(shared: Path, out: Path, name: str) -> tuple[dict, float, int]:
    from kg.ner import mentions_of

    bench = shared / BENCHMARKS[name]
    scorer = shared / "eval" / "ner_score.py"
    lines = subprocess.run([sys.executable, str(scorer), "prepare", str(bench)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    started = time.perf_counter()
    chars = 0
    path = out / f"{name}.mentions.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            rec = json.loads(line)
            chars += len(rec["text"])
            f.write(json.dumps({"id": rec["id"], "mentions": mentions_of(rec["text"])}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    res = subprocess.run([sys.executable, str(scorer), "score", str(bench), str(path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout), seconds, chars


def table(result: dict, keys) -> str:
    rows = [f"{'':16}{'P':>7}{'R':>7}{'F1':>7}"]
    for k in keys:
        if k in result:
            x = result[k]
            rows.append(f"{k:16}{x['p']:7.3f}{x['r']:7.3f}{x['f1']:7.3f}")
    return "\n".join(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "eval")
    ap.add_argument("--pages-only", action="store_true")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "score.py").exists():
        print(f"evaluate: {args.shared}/eval/score.py not found (pass --shared)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    report = {"pages": score_pages(args.shared, args.out)}
    print("Annotated pages (../shared/eval, score.py):")
    print(table(report["pages"], ["person", "organization", "place", "role", "role+org", "event", "event.date",
                                  "event.place", "event.attendee", "contained_in", "provenance"]))
    print(f"macro F1: {report['pages']['macro_f1']:.3f}")
    report["samples"] = score_samples(args.shared, args.out)
    print("\nOur sample articles (kg/samples vs tests/data/samples_expected.json, score.py):")
    print(table(report["samples"], ["person", "organization", "place", "role", "event"]))
    print(f"macro F1: {report['samples']['macro_f1']:.3f}")
    if not args.pages_only:
        for name in BENCHMARKS:
            if not (args.shared / BENCHMARKS[name]).exists():
                continue
            result, seconds, chars = score_benchmark(args.shared, args.out, name)
            report[name] = result
            report[name + "_chars_per_second"] = round(chars / seconds)
            print(f"\n{name} (ner_score.py), {chars / seconds:,.0f} characters/s:")
            print(table(result, ["person", "organization", "place", "role", "all"]))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
