#!/usr/bin/env python3
"""What the graph got wrong on annotated pages: false positives and misses per type, for tuning by hand.

    python scripts/eval_diff.py build/eval/000/graph.ttl:../shared/eval/gold/000.json [...] [--type person]

Only for the tune half: a gold file of the check half (an even-numbered news article, D02 ... F12) is refused,
since those are only ever scored (../shared/eval/news/README.md). Reads the graph the same way ../shared/eval/score.py does (labels, aliases, types) and prints, per page and
type, the graph nodes no gold entity names (FP), gold entities no node names (FN), and role pairs both ways.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import ROOT, is_check  # noqa: E402

Q = """PREFIX schema: <https://schema.org/> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
TYPES = {"person": ("schema:Person", "persons"), "organization": ("schema:Organization", "organizations"),
         "place": ("schema:Place", "places")}


def norm(s) -> str:
    return "".join(unicodedata.normalize("NFKC", str(s)).split())


def tune_pairs(which: str, shared: Path = ROOT.parent / "shared") -> list[str]:
    """GRAPH:GOLD of the tune half as scripts/evaluate.py left them under build/eval/tune."""
    out = []
    for graph in sorted((ROOT / "build" / "eval" / "tune").glob("*/graph.ttl")):
        name = graph.parent.name
        page = name[:3].isdigit()
        if which == "pages" and not page or which == "news" and page:
            continue
        gold = shared / "eval" / "gold" / f"{name[:3]}.json" if page else shared / "eval" / "news" / name[0] / f"{name}.json"
        out.append(f"{graph}:{gold}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("--tune", nargs="?", const="all", choices=["all", "pages", "news"],
                    help="every tune-half graph `make eval` left in build/eval/tune (or only the pages, or the news)")
    ap.add_argument("--type", action="append")
    args = ap.parse_args(argv)
    if args.tune:
        args.pairs += tune_pairs(args.tune)
    held_out = [p for p in args.pairs if is_check(p.rsplit(":", 1)[1])]
    if held_out:
        print(f"eval_diff: {held_out[0].rsplit(':', 1)[1]} is held out (the check half, or the articles we wrote): "
              "it is only ever scored (scripts/evaluate.py), never read for errors", file=sys.stderr)
        return 2
    for pair in args.pairs:
        gpath, gold_path = pair.rsplit(":", 1)
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        g = rdflib.Graph().parse(gpath)
        labels = defaultdict(set)
        for n, lab in g.query(Q + "SELECT ?n ?l WHERE { { ?n rdfs:label ?l } UNION { ?n skos:altLabel ?l } }"):
            labels[n].add(norm(lab))
        print(f"=== {gpath}")
        for t, (cls, key) in TYPES.items():
            if args.type and t not in args.type:
                continue
            nodes = {r[0] for r in g.query(Q + f"SELECT DISTINCT ?n WHERE {{ ?n a {cls} }}")}
            forms = {norm(e["name"]): {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])} for e in gold[key]}
            hit = set()
            fps = []
            for n in nodes:
                m = [c for c, f in forms.items() if labels[n] & f]
                if m:
                    if m[0] in hit:
                        fps.append("DUP " + min(labels[n], key=len))
                    hit.add(m[0])
                else:
                    fps.append(min(labels[n], key=len) if labels[n] else str(n))
            print(f"  {t} FP: {sorted(fps)}")
            print(f"  {t} FN: {sorted(set(forms) - hit)}")
        if not args.type or "role" in args.type:
            pred = set()
            for p, t, o in g.query(Q + """SELECT ?p ?t ?o WHERE { ?m org:member/rdfs:label ?p ; org:role/rdfs:label ?t .
                                          OPTIONAL { ?m org:organization/rdfs:label ?o } }"""):
                pred.add((str(p), str(t), str(o) if o else None))
            goldr = {(r["person"], r["title"], r.get("org")) for r in gold["roles"]}
            print(f"  role FP: {sorted(pred - goldr, key=str)}")
            print(f"  role FN: {sorted(goldr - pred, key=str)}")
        if not args.type or "event" in args.type:
            evs = defaultdict(lambda: {"date": set(), "place": set(), "att": set()})
            for e, n in g.query(Q + "SELECT ?e ?n WHERE { ?e a schema:Event ; rdfs:label ?n }"):
                evs[(e, str(n))]
            for prop, key in (("schema:startDate", "date"), ("schema:location/rdfs:label", "place"),
                              ("schema:attendee/rdfs:label", "att")):
                for e, n, v in g.query(Q + f"SELECT ?e ?n ?v WHERE {{ ?e a schema:Event ; rdfs:label ?n ; {prop} ?v }}"):
                    evs[(e, str(n))][key].add(str(v))
            print("  events (graph):")
            for (_, n), d in sorted(evs.items(), key=lambda kv: kv[0][1]):
                print(f"    {n} | {','.join(d['date'])} | {','.join(d['place'])} | {','.join(sorted(d['att']))}")
            print("  events (gold):")
            for e in gold["events"]:
                print(f"    {e['name']} | {e['date']} | {e['place']} | {','.join(e['attendees'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
