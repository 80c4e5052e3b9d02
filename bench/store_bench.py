"""The store against rdflib's memory store at archive size, in one run: load, Turtle out, and four queries.

A synthetic graph shaped like ours (articles, persons, organizations, places, posts, post
holdings, events, in our vocabulary and IRI scheme, names made from our surname lexicon)
is written as N-Triples, then loaded and queried by rdflib's memory store, by pyoxigraph
on disk, through `kg.sparql.store` (the same Oxigraph store, answers converted to rdflib terms, as
`kg query --store` does for a table) and by `kg serve --store` over HTTP. Prints a table
and writes bench/STORE.md.

    .venv/bin/python bench/store_bench.py [--triples 1000000] [--repeat 3] [--serve-repeat 7] [--out bench/STORE.md]
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.rdf.namespaces import ID, NKG, ORG, PREFIXES, SCHEMA  # noqa: E402
from kg.sparql import plan as store_plan  # noqa: E402
from kg.sparql.query import run_query  # noqa: E402
from kg.sparql.store import GraphStore, write_store  # noqa: E402

GIVEN = "明远振东文博雅琴国庆慧英建林志强海燕丽华军红梅晓峰春生秋月德彭伟芳新民卫东建华玉兰桂英"
PLACES = "湘潭衡阳株洲岳塘雨湖韶山湘乡石鼓雁峰珠晖蒸湘南岳耒阳常宁祁东衡南衡山"
ORG_KINDS = ["人民政府", "发展和改革委员会", "工业和信息化局", "教育局", "卫生健康委员会", "农业农村局", "商务局",
             "有限公司", "人民医院", "中学"]
EVENTS = ["座谈会", "调研", "签约仪式", "推进会", "工作会议", "开幕式", "培训班", "表彰大会"]

QUERIES = {
    "2-hop join: posts with person and organization names (all holdings)": """
        SELECT ?person ?org WHERE {
          ?m org:member ?p ; org:organization ?o .
          ?p rdfs:label ?person . ?o rdfs:label ?org }""",
    "3-way join: who held which post where, with names": """
        SELECT ?person ?post ?org WHERE {
          ?m org:member ?p ; org:role ?r ; org:organization ?o .
          ?p rdfs:label ?person . ?r rdfs:label ?post . ?o rdfs:label ?org }""",
    "2-hop join: who attended events with one person": """
        SELECT DISTINCT ?name WHERE {
          ?e schema:attendee ?p , ?q . ?p rdfs:label "%s"@zh .
          ?q rdfs:label ?name FILTER(?q != ?p) }""",
    "COUNT/GROUP BY: things per class": """
        SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)""",
    "label-regex FILTER: persons named 欧阳… or …明远": """
        SELECT ?p ?name WHERE { ?p a nkg:Person ; rdfs:label ?name FILTER(REGEX(?name, "^欧阳|明远$")) }""",
}


def iri(ns, key: int) -> str:
    return f"<{ns}{key:016x}>"


def zh(text: str) -> str:
    return f'"{text}"@zh'


def typed(value: str, dt) -> str:
    return f'"{value}"^^<{dt}>'


class Synth:
    """Writes a graph of about `target` triples, in the proportions of a built archive, as N-Triples."""

    def __init__(self, target: int, seed: int = 7):
        self.rnd = random.Random(seed)
        lines = (ROOT / "kg" / "lexicon" / "surnames.txt").read_text(encoding="utf-8").splitlines()
        self.surnames = [s.strip() for s in lines if s.strip() and not s.startswith("#")]
        scale = target / 875_000        # these counts give about 875,000 triples
        self.n = {"article": int(20_000 * scale), "person": int(30_000 * scale), "organization": int(8_000 * scale),
                  "place": int(3_000 * scale), "holding": int(40_000 * scale), "event": int(15_000 * scale)}
        self.n_posts = 200
        self.lines = 0
        self.sample_person = ""

    def name(self) -> str:
        r = self.rnd
        return r.choice(self.surnames) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def write(self, path: Path) -> int:
        r, n = self.rnd, self.n
        a = lambda: iri(ID["article"], r.randrange(n["article"]))  # noqa: E731
        t = RDF.type
        with path.open("w", encoding="utf-8") as f:
            def emit(s, p, o):
                f.write(f"{s} <{p}> {o} .\n")
                self.lines += 1
            for i in range(n["article"]):
                s = iri(ID["article"], i)
                for c in (NKG.Article, SCHEMA.NewsArticle):
                    emit(s, t, f"<{c}>")
                emit(s, NKG.sourceFile, f'"pages/{i // 40:05d}.txt"')
                emit(s, NKG.positionOnPage, typed(str(i % 40), XSD.integer))
                emit(s, SCHEMA.headline, zh(self.rnd.choice(PLACES[::2]) + "市" + self.rnd.choice(EVENTS)))
                emit(s, SCHEMA.datePublished, typed(f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", XSD.date))
                emit(s, SCHEMA.isPartOf, iri(ID["paper"], i % 3))
            for i in range(n["place"]):
                s = iri(ID["place"], i)
                for c in (NKG.Place, SCHEMA.Place, NKG.AdministrativeDivision):
                    emit(s, t, f"<{c}>")
                emit(s, RDFS.label, zh(PLACES[2 * (i % 18):2 * (i % 18) + 2] + ("县", "区", "镇", "街道")[i % 4] + str(i)))
                if i >= 20:
                    emit(s, SCHEMA.containedInPlace, iri(ID["place"], i % 20))
                emit(s, NKG.divisionLevel, '"county"')
                emit(s, PROV.wasDerivedFrom, a())
            for i in range(n["organization"]):
                s = iri(ID["organization"], i)
                for c in (NKG.Organization, SCHEMA.Organization, ORG.Organization):
                    emit(s, t, f"<{c}>")
                name = PLACES[2 * (i % 18):2 * (i % 18) + 2] + "市" + ORG_KINDS[i % len(ORG_KINDS)] + str(i)
                emit(s, RDFS.label, zh(name))
                emit(s, SKOS.altLabel, zh(name[2:]))
                emit(s, SCHEMA.location, iri(ID["place"], i % n["place"]))
                for _ in range(2):
                    emit(s, PROV.wasDerivedFrom, a())
            for i in range(self.n_posts):
                s = iri(ID["post"], i)
                emit(s, t, f"<{NKG.Post}>")
                emit(s, t, f"<{ORG.Role}>")
                emit(s, RDFS.label, zh(("副", "")[i % 2] + ("市长", "书记", "局长", "主任", "县长", "院长")[i % 6] + str(i)))
            for i in range(n["person"]):
                s = iri(ID["person"], i)
                name = self.name()
                if i == 0:
                    self.sample_person = name
                for c in (NKG.Person, SCHEMA.Person):
                    emit(s, t, f"<{c}>")
                emit(s, RDFS.label, zh(name))
                if i % 3 == 0:
                    emit(s, SKOS.altLabel, zh(name[0] + "同志"))
                for _ in range(1 + i % 3):
                    emit(s, PROV.wasDerivedFrom, a())
                emit(s, NKG.evidence, zh(f"{name}出席会议并讲话。"))
            for i in range(n["holding"]):
                s = iri(ID["holding"], i)
                emit(s, t, f"<{NKG.PostHolding}>")
                emit(s, t, f"<{ORG.Membership}>")
                emit(s, ORG.member, iri(ID["person"], r.randrange(n["person"])))
                emit(s, ORG.role, iri(ID["post"], r.randrange(self.n_posts)))
                emit(s, ORG.organization, iri(ID["organization"], r.randrange(n["organization"])))
                emit(s, RDFS.label, zh(f"任职{i}"))
                emit(s, PROV.wasDerivedFrom, a())
            for i in range(n["event"]):
                s = iri(ID["event"], i)
                emit(s, t, f"<{NKG.Event}>")
                emit(s, t, f"<{SCHEMA.Event}>")
                emit(s, RDFS.label, zh(PLACES[2 * (i % 18):2 * (i % 18) + 2] + EVENTS[i % len(EVENTS)] + str(i)))
                emit(s, SCHEMA.startDate, typed(f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", XSD.date))
                emit(s, SCHEMA.location, iri(ID["place"], r.randrange(n["place"])))
                people = {0} if i % 50 == 0 else set()
                people |= {r.randrange(n["person"]) for _ in range(r.randint(2, 6))}
                for p in sorted(people):
                    emit(s, SCHEMA.attendee, iri(ID["person"], p))
                emit(s, SCHEMA.organizer, iri(ID["organization"], r.randrange(n["organization"])))
                emit(s, PROV.wasDerivedFrom, a())
                emit(s, NKG.evidence, zh("会议强调，要狠抓落实。"))
        return self.lines


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    times, out = runs(fn, repeat)
    return statistics.median(times), out


def runs(fn, repeat: int) -> tuple[list[float], object]:
    """The seconds of each of `repeat` runs of fn, and its last answer."""
    times, out = [], None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return times, out


class Server:
    """`kg serve --store` in its own process, one worker, asked over HTTP as a SPARQL client would."""

    def __init__(self, store: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                                      "--workers", "1", "--max-rows", "10000000", "--timeout", "600"],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        line = self.proc.stdout.readline()
        if "serving" not in line:
            raise RuntimeError(f"kg serve did not start: {line!r}")
        self.endpoint = line.split(" at ")[1].split(",")[0]

    def fetch(self, query: str) -> bytes:
        req = urllib.request.Request(self.endpoint + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.read()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query (the median is shown)")
    ap.add_argument("--serve-repeat", type=int, default=7,
                    help="runs of each query over HTTP (the median, fastest and slowest are shown): "
                         "the column the issue's goal is read from, on a machine whose speed wanders")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "STORE.md")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="kg-store-bench-"))
    load_before = os.getloadavg()[0]
    rows: list[tuple[str, ...]] = []      # what, rdflib, pyoxigraph, planned, kg.sparql.store, kg serve, rows

    def fmt(s):
        return f"{s:.3f} s" if s < 1 else f"{s:.2f} s"
    try:
        nt = work / "graph.nt"
        synth = Synth(args.triples)
        secs, n = timed(lambda: synth.write(nt))
        print(f"generated {n:,} triples ({nt.stat().st_size / 1e6:.0f} MB of N-Triples) in {secs:.1f} s", flush=True)

        t_rdf, g = timed(lambda: Graph().parse(nt, format="nt"))
        print(f"rdflib loaded {len(g):,} triples in {t_rdf:.1f} s", flush=True)
        ox_store = ox.Store(str(work / "ox"))
        t_ox, _ = timed(lambda: ox_store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
        print(f"pyoxigraph bulk-loaded in {t_ox:.1f} s", flush=True)
        # What `kg build --store` does: pyoxigraph terms (as kg.rdf.triples makes them) into a new store, plus a
        # named graph per article.
        triples = [(q.subject, q.predicate, q.object) for q in ox_store]
        named = ((s, p, o, ox.NamedNode(f"{ID['article']}{int(s.value[-8:], 16) % synth.n['article']:016x}"))
                 for s, p, o in triples)
        t_kg, info = timed(lambda: write_store(triples, named, work / "kgstore"))
        print(f"kg.sparql.store wrote the store (union + article graphs) in {t_kg:.1f} s", flush=True)
        rows.append((f"load {len(g):,} triples (N-Triples file)", fmt(t_rdf), fmt(t_ox), "",
                     f"{t_kg:.2f} s (from pyoxigraph terms, + {info['article_quads']:,} article quads)", "", ""))

        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True)
        t_rdf_out, _ = timed(lambda: g.serialize(destination=str(work / "rdflib.ttl"), format="turtle"))
        print(f"rdflib wrote Turtle in {t_rdf_out:.1f} s", flush=True)
        t_ox_out, _ = timed(lambda: ox_store.dump(str(work / "ox.ttl"), format=ox.RdfFormat.TURTLE,
                                                  from_graph=ox.DefaultGraph(),
                                                  prefixes={p: str(ns) for p, ns in PREFIXES.items()}))
        rows.append(("write Turtle", fmt(t_rdf_out), fmt(t_ox_out), "", "", "", ""))

        kg_store = GraphStore(work / "kgstore")
        server = Server(work / "kgstore")
        ox_prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        ox_stats = store_plan.statistics(ox_store)
        for title, text in QUERIES.items():
            q = text % synth.sample_person if "%s" in text else text
            rep_rdf = 1 if " join: posts" in title or title.startswith("3-way") else args.repeat
            t_a, n_a = timed(lambda q=q: len(list(run_query(g, q))), rep_rdf)
            t_b, n_b = timed(lambda q=q: len(list(ox_store.query(q, prefixes=ox_prefixes))), args.repeat)
            t_p, n_p = timed(lambda q=q: len(list(ox_store.query(store_plan.planned(q, ox_stats), prefixes=ox_prefixes))),
                             args.repeat)
            t_c, n_c = timed(lambda q=q: len(list(run_query(kg_store, q))), args.repeat)
            t_hs, body = runs(lambda q=q: server.fetch(q), args.serve_repeat)
            t_h = statistics.median(t_hs)
            n_h = len(json.loads(body)["results"]["bindings"])
            assert n_a == n_b == n_p == n_c == n_h, (title, n_a, n_b, n_p, n_c, n_h)
            rows.append((title, fmt(t_a), fmt(t_b), fmt(t_p), fmt(t_c),
                         f"{fmt(t_h)} ({fmt(min(t_hs))}–{fmt(max(t_hs))})", f"{n_a:,}"))
            print(f"{title}: rdflib {t_a:.2f} s, pyoxigraph {t_b:.3f} s (planned {t_p:.3f} s), kg.sparql.store {t_c:.3f} s, "
                  f"kg serve {t_h:.3f} s, {n_a:,} rows",
                  flush=True)
        server.stop()
        store_mb = sum(f.stat().st_size for f in (work / "kgstore").rglob("*") if f.is_file()) / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)

    head = ("", "rdflib memory store", "pyoxigraph (on disk), as written", "pyoxigraph, as kg.sparql.plan plans it",
            "kg.sparql.store, rows as rdflib terms (run_query)", "kg serve --store, over HTTP (JSON)", "rows")
    table = [head, ("---",) * len(head), *rows]
    md = "\n".join("| " + " | ".join(r) + " |" for r in table)
    note = (f"Measured by `bench/store_bench.py --triples {args.triples}` on {platform.machine()}, "
            f"Python {platform.python_version()}, rdflib {__import__('rdflib').__version__}, "
            f"pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else '?'}; queries are the median of "
            f"{args.repeat} runs (the all-holdings joins on rdflib: one run), each reading every row. "
            "pyoxigraph runs each query as written, then as `kg/sparql/plan.py` plans it (large joins as hash "
            "joins of one-pattern subqueries, from predicate and class counts); kg.sparql.store plans it the same way "
            "and also converts every term of every row to rdflib's (kg.sparql.query.run_query, which CONSTRUCT and "
            "library callers use). "
            "`kg serve --store` (one worker) is timed from the HTTP request to the last byte of the SPARQL JSON "
            "results, which Oxigraph writes itself, as it does for every `kg query --store` SELECT: the median of "
            f"{args.serve_repeat} runs, with the fastest and the slowest in brackets. "
            f"Store folder {store_mb:.0f} MB; peak RSS of the run {peak_rss_mb():.0f} MB (rdflib's graph dominates). "
            f"Load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
            f"({os.cpu_count()} cores): figures taken on a busy machine run high.")
    print()
    print(md)
    print()
    print(note)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# The store against rdflib's memory store\n\n" + md + "\n\n" + note + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
