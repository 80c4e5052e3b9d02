#!/usr/bin/env python3
"""Measure the extractor on annotated real text, held out and tuned, and on public NER benchmarks.
`make eval` runs this and writes its tables into the README's Quality section.

    python scripts/evaluate.py [--shared ../shared] [--out build/eval] [--pages-only] [--json FILE] [--readme]

The annotated data (../shared/eval) is split once, for good (../shared/eval/news/README.md):

- tune: the three pages of 衡阳日报 (000-002) and the odd-numbered news articles (D01, D03, ... F11).
  Rules, lexicon lines and training may look at these, and scripts/eval_diff.py shows their errors.
- check: the even-numbered news articles (D02, ... F12). Only ever scored, here, as totals; nobody reads
  their errors. Their figure is the held-out one.

Every page or article is built on its own with its issue date and city (as `kg build FILE --date D --city C`
would) and each group is scored together by ../shared/eval/score.py. The public benchmarks (CLUENER2020 dev,
MSRA test, People's Daily test; CLUENER train as a second check) go through `kg ner`'s extractor and
../shared/eval/ner_score.py; DuEE dev's real news gives the recall of events of our kinds (scripts/event_recall.py).
Nothing from ../shared is written into the project: graphs and mention files go to --out (under build/, which git
ignores).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import event_recall  # noqa: E402  (scripts/, beside this file)

PAGES = (("000", None), ("001", None), ("002", date(2020, 11, 21)))   # 002 has no masthead: its issue date
NEWS_SETS = ("D", "E", "F")
BENCHMARKS = {"cluener": "benchmarks/cluener2020/dev.json",
              "msra": "benchmarks/msra-ner/msra_test_bio.txt",
              "peoples_daily": "benchmarks/peoples-daily-ner/example.test.txt",
              "cluener_train": "benchmarks/cluener2020/train.json"}
BENCHMARK_TITLES = {"cluener": "CLUENER2020 dev", "msra": "MSRA test", "peoples_daily": "People's Daily test",
                    "cluener_train": "CLUENER2020 train"}
GRAPH_KEYS = ["person", "organization", "place", "role", "role+org", "event", "event.date", "event.place",
              "event.attendee", "contained_in", "provenance"]
README_BEGIN, README_END = "<!-- make eval: begin -->", "<!-- make eval: end -->"


WRITTEN = ROOT / "tests" / "data" / "written_check"      # 24 articles we wrote, held out too (its README.md)


def is_check(name: str) -> bool:
    """D02, E04, ... (even-numbered news articles) are the held-out check half; the articles of WRITTEN are held out
    as well."""
    m = re.fullmatch(r"[A-Z](\d+)(\.\w+)?", Path(name).name)
    return bool(m) and int(m.group(1)) % 2 == 0 or Path(name).resolve().parent == WRITTEN.resolve()


def written_articles() -> list[tuple[Path, Path, date, str]]:
    """(text, gold, issue date, city) of each article of WRITTEN."""
    with (WRITTEN / "sources.tsv").open(encoding="utf-8") as f:
        return [(WRITTEN / row["file"], (WRITTEN / row["file"]).with_suffix(".json"), date.fromisoformat(row["published"]),
                 row["city"]) for row in csv.DictReader(f, delimiter="\t")]


def news_articles(shared: Path, half: str) -> list[tuple[Path, Path, date, str]]:
    """(text, gold, issue date, city) of each news article in `half` ("tune" or "check")."""
    out = []
    for s in NEWS_SETS:
        folder = shared / "eval" / "news" / s
        with (folder / "sources.tsv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if is_check(row["file"]) == (half == "check"):
                    text = folder / row["file"]
                    out.append((text, text.with_suffix(".json"), date.fromisoformat(row["published"]), row["city"]))
    return out


def page_items(shared: Path) -> list[tuple[Path, Path, date | None, str | None]]:
    return [(next((shared / "eval" / "pages").glob(f"{prefix}_*.txt")), shared / "eval" / "gold" / f"{prefix}.json",
             issue, None) for prefix, issue in PAGES]


def build_each(items, out: Path) -> list[str]:
    """Build every (text, gold, date, city) on its own; the GRAPH:GOLD pairs score.py reads."""
    from kg.rdf.triples import graph_of
    from kg.run.build import build_kb

    pairs = []
    for text, gold, issue, city in items:
        kb, summary = build_kb([text], issue_date=issue, city=city)
        for problem in summary.problems:
            if problem.fatal:        # an article the build skipped scores nothing: say so, never silently
                print(f"make eval: {problem}", file=sys.stderr)
        target = out / text.stem
        target.mkdir(parents=True, exist_ok=True)
        graph_of(kb).serialize(target / "graph.ttl", format="turtle")
        pairs.append(f"{target / 'graph.ttl'}:{gold}")
    return pairs


LAYER_TYPES = {"nr": "person", "ns": "place", "nt": "organization"}     # LAC's PER, LOC, ORG as jieba names them


def layer_mentions(text: str, layer: str) -> list[dict]:
    """The mentions one layer alone finds: `lac`, the tagger's person, place and organization words; `model`, the
    trained mention model's persons, organizations, places and posts."""
    from kg.extract.tagger import tagger
    from kg.ingest.readers import scrub
    from kg.ingest.traditional import to_simplified
    from kg.lexicon import load

    tokens = tagger().tag(to_simplified(scrub(text)))
    if layer == "lac":
        found = [(LAYER_TYPES[t.pos], t.start, t.end) for t in tokens if t.pos in LAYER_TYPES]
    elif layer == "model":
        from kg.extract.mentions import mention_model
        found = [(s.type, s.start, s.end) for s in mention_model().spans(to_simplified(scrub(text)), tokens, load())]
    else:
        raise ValueError(f"no layer {layer!r}")
    return [{"type": t, "text": text[s:e], "start": s, "end": e} for t, s, e in found]


def build_layer(items, out: Path, layer: str) -> list[str]:
    """Graphs of what one layer alone finds: an entity per mention (its text as its name), no posts or events."""
    from kg.datamodel import EntityRef, Extraction
    from kg.ingest import read_source
    from kg.rdf.triples import graph_of
    from kg.resolve import resolve

    pairs = []
    for text, gold, issue, city in items:
        exts = []
        for article in read_source(text, issue_date=issue, city=city).articles:
            ext = Extraction(article)
            for m in layer_mentions(article.text, layer):
                if m["type"] in ("person", "organization", "place"):
                    ext.entity(EntityRef(m["type"], m["text"]))
            exts.append(ext)
        target = out / text.stem
        target.mkdir(parents=True, exist_ok=True)
        graph_of(resolve(exts)).serialize(target / "graph.ttl", format="turtle")
        pairs.append(f"{target / 'graph.ttl'}:{gold}")
    return pairs


def score(shared: Path, pairs: list[str]) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--ontology", str(ROOT / "ontology"),
                          *pairs, "--json"], capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def score_pages(shared: Path, out: Path) -> dict:
    return score(shared, build_each(page_items(shared), out))


def score_news(shared: Path, out: Path, half: str) -> dict:
    return score(shared, build_each(news_articles(shared, half), out))


def score_samples(shared: Path, out: Path) -> dict:
    """Our own sample articles (kg/samples) against what their author annotated (tests/data/samples_expected.json).
    Pages built each on its own, JSON lines one by one."""
    from kg.extract import extract
    from kg.ingest import read_source
    from kg.rdf.triples import graph_of
    from kg.resolve import resolve
    from kg.run.build import build_kb, samples_dir

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
    return score(shared, pairs)


def score_benchmark(shared: Path, out: Path, name: str, layer: str | None = None) -> tuple[dict, float, int]:
    """One public benchmark through `kg ner`'s extractor (or one layer alone): its scores, seconds, characters."""
    from kg.extract.ner import BATCH, mentions_of_many

    bench = shared / BENCHMARKS[name]
    scorer = shared / "eval" / "ner_score.py"
    lines = subprocess.run([sys.executable, str(scorer), "prepare", str(bench)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    started = time.perf_counter()
    chars = 0
    path = out / f"{name}{'.' + layer if layer else ''}.mentions.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for k in range(0, len(lines), BATCH):            # as `kg ner` reads them: a batch of lines at a time
            recs = [json.loads(line) for line in lines[k:k + BATCH]]
            chars += sum(len(r["text"]) for r in recs)
            found = [layer_mentions(r["text"], layer) for r in recs] if layer else \
                mentions_of_many([r["text"] for r in recs])
            for rec, mentions in zip(recs, found):
                f.write(json.dumps({"id": rec["id"], "mentions": mentions}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    res = subprocess.run([sys.executable, str(scorer), "score", str(bench), str(path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout), seconds, chars


def score_annotated(shared: Path, out: Path) -> dict:
    """The tune half (pages, odd articles), the check half and our samples, each group scored together; printed."""
    pages = build_each(page_items(shared), out / "tune")
    news_tune = build_each(news_articles(shared, "tune"), out / "tune")
    check = build_each(news_articles(shared, "check"), out / "check")
    report = {"pages": score(shared, pages), "news_tune": score(shared, news_tune),
              "tune": score(shared, pages + news_tune), "check": score(shared, check)}
    for key, title in [("pages", "The three pages of 衡阳日报 (tune)"), ("news_tune", "Odd-numbered news articles (tune)"),
                       ("tune", "Tune half: pages and odd articles"), ("check", "CHECK HALF: even articles, held out")]:
        print(f"{title} (score.py):")
        print(table(report[key], GRAPH_KEYS))
        print(f"macro F1: {report[key]['macro_f1']:.3f}\n")
    report["written"] = score(shared, build_each(written_articles(), out / "written"))
    print("24 ARTICLES WE WROTE, held out (tests/data/written_check, score.py):")
    print(table(report["written"], GRAPH_KEYS))
    print(f"macro F1: {report['written']['macro_f1']:.3f}\n")
    report["samples"] = score_samples(shared, out)
    print("Our sample articles (kg/samples vs tests/data/samples_expected.json, score.py):")
    print(table(report["samples"], ["person", "organization", "place", "role", "event"]))
    print(f"macro F1: {report['samples']['macro_f1']:.3f}")
    return report


def table(result: dict, keys) -> str:
    rows = [f"{'':16}{'P':>7}{'R':>7}{'F1':>7}"]
    for k in keys:
        if k in result:
            x = result[k]
            rows.append(f"{k:16}{x['p']:7.3f}{x['r']:7.3f}{x['f1']:7.3f}")
    return "\n".join(rows)


LAYER_BENCHMARKS = ("cluener", "msra", "peoples_daily")


def score_layer(shared: Path, out: Path, layer: str) -> dict:
    """One layer on the tune half, the check half and the public benchmarks: `lac` or `model` alone (person,
    organization, place), or `rules`, the whole extractor with the model switched off (NEWSKG_MODEL=off)."""
    if layer == "rules":
        os.environ["NEWSKG_MODEL"] = "off"
        try:
            halves = {"tune": score(shared, build_each(page_items(shared) + news_articles(shared, "tune"), out / "tune")),
                      "check": score(shared, build_each(news_articles(shared, "check"), out / "check"))}
            return halves | {n: score_benchmark(shared, out, n)[0] for n in LAYER_BENCHMARKS
                             if (shared / BENCHMARKS[n]).exists()}
        finally:
            del os.environ["NEWSKG_MODEL"]
    report = {"tune": score(shared, build_layer(page_items(shared) + news_articles(shared, "tune"), out / "tune", layer)),
              "check": score(shared, build_layer(news_articles(shared, "check"), out / "check", layer))}
    for name in LAYER_BENCHMARKS:
        if (shared / BENCHMARKS[name]).exists():
            report[name] = score_benchmark(shared, out, name, layer)[0]
    return report


LAYERS = (("lac", "LAC tagger alone"), ("model", "the model alone"), ("before", "rules before #13"),
          ("rules", "rules now, no model"), ("full", "**model + rules (shipped)**"))


def layers_markdown(report: dict) -> str:
    """The table of layers: each column a layer, rows the halves' and benchmarks' F1 per type."""
    cols = [(k, t) for k, t in LAYERS if k in report["layers"]]
    rows = [("check", t) for t in ("person", "organization", "place", "role", "event", "macro_f1")] + \
           [("tune", t) for t in ("person", "organization", "place", "macro_f1")] + \
           [(b, t) for b in LAYER_BENCHMARKS for t in ("person", "organization", "place", "all")] + [("cluener", "role")]
    title = {"check": "check half", "tune": "tune half", **BENCHMARK_TITLES}
    lines = ["| F1 | " + " | ".join(t for _, t in cols) + " |", "|---|" + "---|" * len(cols)]
    for group, key in rows:
        cells = []
        for k, _ in cols:
            x = report["layers"][k].get(group, {}).get(key)
            value = x if isinstance(x, float) else (x or {}).get("f1")
            cells.append("–" if value is None or (k in ("lac", "model") and key in ("role", "event", "macro_f1")
                                                  and group in ("check", "tune")) else f"{value:.3f}")
        lines.append(f"| {title[group]}, {key.replace('macro_f1', 'macro')} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown(report: dict, when: str) -> str:
    """The README's tables: per type, the tuned and the held-out figures side by side; then the benchmarks."""
    cols = [("pages", "3 pages (tune)"), ("news_tune", "18 articles (tune)"), ("tune", "tune half, all"),
            ("check", "**check half (held out)**"), ("written", "24 we wrote (held out)")]
    cols = [(k, t) for k, t in cols if k in report]
    lines = [f"Measured by `make eval` on {when}. F1 per type; P/R and counts are in `build/eval/report.json`.", "",
             "| | " + " | ".join(t for _, t in cols) + " |", "|---|" + "---|" * len(cols)]
    for key in GRAPH_KEYS[:-1]:
        lines.append(f"| {key} | " + " | ".join(f"{report[k][key]['f1']:.3f}" for k, _ in cols) + " |")
    lines.append("| **macro F1** | " + " | ".join(f"**{report[k]['macro_f1']:.3f}**" for k, _ in cols) + " |")
    bench = [n for n in BENCHMARKS if n in report]
    if bench:
        lines += ["", "| F1 | " + " | ".join(BENCHMARK_TITLES[n] for n in bench) + " |", "|---|" + "---|" * len(bench)]
        for key in ["person", "organization", "place", "role", "all"]:
            cells = [f"{report[n][key]['f1']:.3f}" if report[n].get(key, {}).get("tp") else "–" for n in bench]
            lines.append(f"| {key} | " + " | ".join(cells) + " |")
        lines.append("| characters/s, one core | " + " | ".join(f"{report[n + '_chars_per_second']:,}" for n in bench)
                     + " |")
    if "duee_events" in report:
        lines += ["", event_recall.markdown(report["duee_events"])]
    return "\n".join(lines)


def write_pins(report: dict, path: Path = ROOT / "tests" / "quality_pins.json") -> None:
    """The figures tests/test_quality.py holds the extractor to: the pages, the check half, our samples."""
    pins = json.loads(path.read_text(encoding="utf-8"))
    for group in ("pages", "check", "samples"):
        pins[group] = {k: (report[group][k] if k == "macro_f1" else report[group][k]["f1"]) for k in pins[group]}
    path.write_text(json.dumps(pins, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_readme(text: str, readme: Path = ROOT / "README.md") -> None:
    doc = readme.read_text(encoding="utf-8")
    start, end = doc.index(README_BEGIN) + len(README_BEGIN), doc.index(README_END)
    readme.write_text(doc[:start] + "\n" + text + "\n" + doc[end:], encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "eval")
    ap.add_argument("--pages-only", action="store_true", help="the annotated text only, no public benchmarks")
    ap.add_argument("--bench-only", metavar="NAMES", help="only these public benchmarks, comma-separated "
                    f"({', '.join(BENCHMARKS)}), not the annotated text")
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    ap.add_argument("--readme", action="store_true", help="write the tables into README.md's Quality section")
    ap.add_argument("--layer", choices=["lac", "model", "rules"], help="score one layer (`lac`: the tagger's name words; "
                    "`model`: the mention model's spans; `rules`: the extractor without the model), not the "
                    "extractor; into --json's report under layers")
    ap.add_argument("--layers", action="store_true", help="with the full run: score every layer too, for the "
                    "README's table of layers (three more runs)")
    ap.add_argument("--pin", action="store_true",
                    help="write these figures into tests/quality_pins.json (say in the commit why any went down)")
    args = ap.parse_args(argv)
    if not (args.shared / "eval" / "score.py").exists():
        print(f"evaluate: {args.shared}/eval/score.py not found (pass --shared)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    if args.layer:
        report["layers"] = {args.layer: score_layer(args.shared, args.out / args.layer, args.layer)}
        print(json.dumps(report["layers"][args.layer], ensure_ascii=False)[:2000])
        args.pages_only = True
    elif not args.bench_only:
        report.update(score_annotated(args.shared, args.out))
    if not args.pages_only:
        for name in (args.bench_only.split(",") if args.bench_only else BENCHMARKS):
            if not (args.shared / BENCHMARKS[name]).exists():
                continue
            result, seconds, chars = score_benchmark(args.shared, args.out, name)
            report[name] = result
            report[name + "_chars_per_second"] = round(chars / seconds)
            print(f"\n{BENCHMARK_TITLES[name]} (ner_score.py), {chars / seconds:,.0f} characters/s:")
            print(table(result, ["person", "organization", "place", "role", "all"]))
    if not args.pages_only and not args.bench_only and (duee := event_recall.score(args.shared)) is not None:
        report["duee_events"] = duee
        print("\nDuEE dev, real news never tuned on (scripts/event_recall.py): event recall by kind")
        print(event_recall.markdown(duee))
    if args.layers and not args.layer:
        before = json.loads((ROOT / "scripts" / "quality_before.json").read_text(encoding="utf-8"))["layers"]
        report["layers"] = {**before, **{k: score_layer(args.shared, args.out / k, k) for k in ("lac", "model", "rules")},
                            "full": {k: report[k] for k in ("tune", "check", *LAYER_BENCHMARKS) if k in report}}
    when = date.today().isoformat()
    report["date"] = when
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.pin:
        write_pins(report)
        print("wrote tests/quality_pins.json")
    if args.readme:
        write_readme(markdown(report, when) + ("\n\n**Layers**, on the same data (`make eval` scores each):\n\n" +
                                               layers_markdown(report) if "layers" in report else ""))
        print("\nwrote the tables into README.md (Quality)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
