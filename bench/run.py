"""`make bench`: how fast the build is, how much memory it holds and how much a rebuild reuses.

A synthetic archive is made from our own sample articles (kg/samples) and, when
present, the annotated pages in ../shared/eval/pages: copy k of each input has
its issue dates moved k weeks on, some given-name characters rotated and its
numbers changed, so every article is new to the cache and names vary as in a real
archive. Then, each build in a fresh process (peak RSS is the process's own and
its workers'):

- 1x, 10x and 100x the corpus, on every core: characters and articles per second,
  peak RSS, and the ratio to jieba.posseg over the same text in the same run (our
  largest build and jieba's alternate, three rounds, medians);
- a 1,000-page archive built in full, then again after adding one page (the
  incremental ratio), and again unchanged (the median of three of each);
- `kg query` on that archive's graph.ttl (about 200,000 triples), a fresh process
  each time as a user runs it: a selective worked query and the all-holdings join,
  against the same queries as `kg query` ran them before it used Oxigraph (rdflib);
- where the time goes: cProfile of a serial build, by module and by function;
- the store table, from bench/store_bench.py when it is there.

Prints the tables and writes bench/RESULTS.md.

    .venv/bin/python bench/run.py [--scales 1,10,100] [--pages 1000] [--rounds 3] [--quick] [--out bench/RESULTS.md]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSKG_SHARED", ROOT.parent / "shared"))
PAGES = SHARED / "eval" / "pages"
HAN = re.compile(r"[\u4e00-\u9fff]")
NAME_CHARS = "琪峰慧琴博雅振彬婷嘉璐瑶昊轩怡淑鹏翔磊倩颖莉娜钰"    # rotated: mostly seen in given names
FULL_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
REPEAT = 3                  # runs of each short rebuild
QUERIES = {                 # kg query's arguments, timed on the 1,000-page archive's graph.ttl
    "selective: queries/posts_of_person.rq --param person=邹明远":
        [str(ROOT / "queries" / "posts_of_person.rq"), "--param", "person=邹明远"],
    "all holdings with person and organization names":
        ["SELECT ?person ?org WHERE { ?m org:member ?p ; org:organization ?o . "
         "?p rdfs:label ?person . ?o rdfs:label ?org }"],
}
NUMBER = re.compile(r"(?<![\d.])(\d{2,4})(?![\d年月日号.])")


# --- the synthetic archive ------------------------------------------------------------------------------

def base_inputs() -> list[Path]:
    samples = ROOT / "kg" / "samples"
    found = sorted(samples.glob("*.txt")) + sorted(samples.glob("*.jsonl"))
    return found + (sorted(PAGES.glob("*.txt")) if PAGES.exists() else [])


def _shift(m: re.Match, k: int) -> str:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"])) + timedelta(weeks=k)   # whole weeks keep the weekday
    except ValueError:
        return m.group(0)
    return f"{d.year}年{d.month}月{d.day}日"


def perturb(text: str, k: int) -> str:
    """Copy k of a text: dates k weeks later, given-name characters rotated by k, numbers plus k."""
    if k == 0:
        return text
    r = k % len(NAME_CHARS)
    text = text.translate(str.maketrans(NAME_CHARS, NAME_CHARS[r:] + NAME_CHARS[:r]))
    text = FULL_DATE.sub(lambda m: _shift(m, k), text)
    return NUMBER.sub(lambda m: str(int(m.group(1)) + k), text)


def perturb_jsonl(text: str, k: int) -> str:
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        rec["text"] = perturb(rec["text"], k)
        if rec.get("date"):
            rec["date"] = (date.fromisoformat(rec["date"][:10]) + timedelta(weeks=k)).isoformat()
        rec["id"] = f"{rec.get('id', '')}-{k}"
        out.append(json.dumps(rec, ensure_ascii=False))
    return "\n".join(out) + "\n"


def add_files(folder: Path, bases: list[Path], start: int, stop: int) -> None:
    """Files start..stop-1 of the archive: file i is base i mod len(bases), copy i // len(bases)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, stop):
        base, k = bases[i % len(bases)], i // len(bases)
        text = base.read_text(encoding="utf-8")
        text = perturb_jsonl(text, k) if base.suffix == ".jsonl" else perturb(text, k)
        (folder / f"{i:05d}_{base.stem}{base.suffix}").write_text(text, encoding="utf-8")


def article_texts(folder: Path) -> list[str]:
    from kg.ingest import expand, read_source

    files, _ = expand([folder])
    return [a.text for f in files for a in read_source(f).articles]


# --- one build, in its own process ---------------------------------------------------------------------

def once(argv: list[str]) -> None:
    """`run.py --once ARCHIVE OUT [--jobs N] [--cache DIR] [--no-cache]`: build, write, print JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("archive", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--no-cache", action="store_true")
    a = ap.parse_args(argv)
    from kg.run.build import build_kb, write_outputs

    t0 = time.perf_counter()
    kb, summary = build_kb([a.archive], jobs=a.jobs, cache=a.cache, reuse_cache=not a.no_cache, progress=False)
    t1 = time.perf_counter()
    rss_resolved = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_outputs(kb, a.out, summary)
    t2 = time.perf_counter()
    print(json.dumps({"extract_resolve": t1 - t0, "write": t2 - t1, "total": t2 - t0, "pages": summary.pages,
                      "inputs": summary.inputs, "articles": summary.extracted + summary.cached,
                      "extracted": summary.extracted, "cached": summary.cached, "workers": summary.workers,
                      "triples": summary.triples, "entities": sum(summary.counts.values()),
                      "rss_resolved_mb": rss_resolved,
                      "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def build(archive: Path, out: Path, *opts: str) -> dict:
    started = time.perf_counter()
    res = subprocess.run([sys.executable, __file__, "--once", str(archive), str(out), *opts],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"bench build failed:\n{res.stderr[-3000:]}")
    stats = json.loads(res.stdout.strip().splitlines()[-1])
    stats["wall"] = time.perf_counter() - started          # with the interpreter's start and imports
    return stats


def rdflib_query(argv: list[str]) -> None:
    """`run.py --rdflib-query GRAPH QUERY [--param N=V ...]`: the query as `kg query` ran it before Oxigraph
    (graph.ttl parsed by rdflib, evaluated by rdflib), its rows printed as CSV."""
    from kg.sparql.params import bind, parse_assignments
    from kg.sparql.query import format_result, load_graph, run_query

    graph, text, *rest = argv
    text = Path(text).read_text(encoding="utf-8") if text.endswith(".rq") else text
    text = bind(text, parse_assignments(rest[1::2])).text
    sys.stdout.write(format_result(run_query(load_graph(Path(graph)), text), "csv"))


def query_seconds(graph: Path, args: list[str], engine: str) -> tuple[float, int]:
    """Wall seconds of one query in a fresh process, start to exit, and the rows it printed."""
    cmd = ([sys.executable, "-m", "kg.cli", "query", *args, "--graph", str(graph), "--format", "csv"]
           if engine == "kg" else [sys.executable, __file__, "--rdflib-query", str(graph), *args])
    started = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if res.returncode != 0:
        raise SystemExit(f"bench query failed: {' '.join(cmd)}\n{res.stderr[-2000:]}")
    return seconds, len(res.stdout.strip().splitlines()) - 1


def median(runs: list[dict]) -> dict:
    """The run of median total time."""
    return sorted(runs, key=lambda r: r["total"])[len(runs) // 2]


# --- jieba over the same text --------------------------------------------------------------------------

def _jieba_init() -> None:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(jieba.posseg.cut("预热"))


def _posseg(texts: list[str]) -> int:
    import jieba.posseg

    return sum(1 for t in texts for _ in jieba.posseg.cut(t))


def _cut(texts: list[str]) -> int:
    import jieba

    return sum(1 for t in texts for _ in jieba.cut(t))


def jieba_seconds(texts: list[str], fn, procs: int) -> float:
    """Seconds for `fn` over the texts, tagger loaded beforehand, in `procs` processes."""
    if procs == 1:
        _jieba_init()
        t = time.perf_counter()
        fn(texts)
        return time.perf_counter() - t
    chunks = [texts[i::procs * 8] for i in range(procs * 8)]
    with get_context("spawn").Pool(procs, initializer=_jieba_init) as pool:
        pool.map(_jieba_noop, range(procs * 4))            # every worker up before the clock starts
        t = time.perf_counter()
        pool.map(fn, chunks)
        return time.perf_counter() - t


def _jieba_noop(_: int) -> None:
    time.sleep(0.05)


# --- where the time goes -------------------------------------------------------------------------------

def profile(paths: list[Path]) -> tuple[float, list[tuple[str, float]], list[tuple[str, float, float]]]:
    """A serial in-process build (tokenizer and gazetteer already loaded): self time by module and by function."""
    from kg.run.build import build_kb

    build_kb(paths, jobs=1)                                  # load everything once, outside the profile
    prof = cProfile.Profile()
    prof.enable()
    build_kb(paths, jobs=1)
    prof.disable()
    st = pstats.Stats(prof).stats
    total = sum(v[2] for v in st.values())
    by_module: dict[str, float] = {}
    funcs = []
    for (file, _line, func), (_, _, tt, ct, _) in st.items():
        mod = _module(file)
        by_module[mod] = by_module.get(mod, 0.0) + tt
        funcs.append((f"{mod}:{func}", tt, ct))
    mods = sorted(by_module.items(), key=lambda kv: -kv[1])
    funcs.sort(key=lambda f: -f[1])
    return total, mods, funcs


def _module(file: str) -> str:
    if file == "~":
        return "built-in"
    p = file.replace("\\", "/")
    for marker in ("/site-packages/", "/kg/"):
        if marker in p:
            rest = p.split(marker, 1)[1]
            return ("kg/" + rest) if marker == "/kg/" else rest.split("/")[0] + "/" + rest.split("/")[-1]
    return "python:" + Path(p).name if p.startswith("/") else p


# --- the report ----------------------------------------------------------------------------------------

def table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100", help="archive sizes as multiples of the corpus")
    ap.add_argument("--pages", type=int, default=1000, help="archive size for the incremental rebuild")
    ap.add_argument("--jobs", type=int, help="worker processes (default: every core)")
    ap.add_argument("--quick", action="store_true", help="1x, 5x and a 60-page archive: a smoke run")
    ap.add_argument("--no-store", action="store_true", help="skip bench/store_bench.py")
    ap.add_argument("--rounds", type=int, default=3, help="alternating runs of our largest build and jieba.posseg")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    a = ap.parse_args(argv)
    scales = [1, 5] if a.quick else [int(s) for s in a.scales.split(",")]
    pages = 60 if a.quick else a.pages
    rounds = 1 if a.quick else a.rounds
    jobs = ["--jobs", str(a.jobs)] if a.jobs else []
    from kg.run.parallel import default_jobs

    cores = a.jobs or default_jobs()
    bases = base_inputs()
    load_start = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    report = [f"# Build benchmark\n\n{machine()}; extraction on {cores} worker processes. "
              f"Corpus (1x): {len(bases)} input files ({', '.join(b.name for b in bases)}). "
              f"Made by `make bench` ({time.strftime('%Y-%m-%d')}).\n"]
    try:
        # 1. scale: 1x, 10x, 100x -----------------------------------------------------------------
        rows, speed = [], []
        for x in scales:
            archive = work / f"x{x}"
            add_files(archive, bases, 0, x * len(bases))
            texts = article_texts(archive)
            chars, han = sum(map(len, texts)), sum(len(HAN.findall(t)) for t in texts)
            print(f"[{x}x] building {x * len(bases)} files, {chars:,} characters ...", flush=True)
            s = build(archive, work / f"out{x}", *jobs)
            rows.append([f"{x}x", s["inputs"], s["articles"], f"{chars:,}", f"{s['total']:.1f}",
                         f"{s['extract_resolve']:.1f} + {s['write']:.1f}", f"{han / s['total']:,.0f}",
                         f"{s['articles'] / s['total']:.1f}", f"{s['triples']:,}", f"{s['rss_resolved_mb']:.0f}",
                         f"{s['rss_main_mb']:.0f}", f"{s['rss_worker_mb']:.0f}"])
            speed.append((x, texts, han, s))
            print("   ", rows[-1], flush=True)
        report.append("## Build speed and memory\n\nEach build in a fresh process, cache off, writing graph.ttl and "
                      "graph.html. Peak RSS of the main process (reading and resolving; then writing) and of the "
                      "largest worker (extracting; 0 when the build is small enough to run in one process).\n")
        report.append(table(["archive", "files", "articles", "characters", "build s", "extract+resolve s + write s",
                             "Han chars/s", "articles/s", "triples", "main MB, resolved", "main MB, written",
                             "worker MB"], rows))

        # 2. against jieba.posseg over the largest archive's text, in alternating rounds ----------------
        x, texts, han, s = speed[-1]
        ours, pos1s = [s["total"]], []
        for r in range(rounds):     # jieba's own time moves by a third between runs here: pair them, take medians
            if r:
                print(f"[jieba] our {x}x build again ({r + 1}/{rounds}) ...", flush=True)
                ours.append(build(work / f"x{x}", work / f"out{x}", *jobs)["total"])
            print(f"[jieba] posseg over the {x}x text ({r + 1}/{rounds}) ...", flush=True)
            pos1s.append(jieba_seconds(texts, _posseg, 1))
        print(f"[jieba] posseg on {cores} processes and cut over the {x}x text ...", flush=True)
        posn = jieba_seconds(texts, _posseg, cores) if cores > 1 else pos1s[0]
        cut1 = jieba_seconds(texts, _cut, 1)
        mine, pos1 = statistics.median(ours), statistics.median(pos1s)
        report.append(f"\n## Against jieba over the same text ({x}x, {han:,} Han characters)\n")
        report.append(table(["", "seconds", "Han chars/s", "our build / this"], [
            [f"our build ({cores} processes, end to end)", f"{mine:.1f}", f"{han / mine:,.0f}", "1.00"],
            ["jieba.posseg, 1 process", f"{pos1:.1f}", f"{han / pos1:,.0f}", f"{mine / pos1:.2f}"],
            [f"jieba.posseg, {cores} processes", f"{posn:.1f}", f"{han / posn:,.0f}", f"{mine / posn:.2f}"],
            ["jieba.cut, 1 process", f"{cut1:.1f}", f"{han / cut1:,.0f}", f"{mine / cut1:.2f}"]]))
        pairs = ", ".join(f"{o:.1f} / {p:.1f} s ({o / p:.2f}×)" for o, p in zip(ours, pos1s))
        report.append(f"\nOur build and jieba.posseg on 1 process are the medians of {rounds} alternating rounds "
                      f"(ours / jieba's: {pairs}). jieba's times exclude loading its dictionary; ours include "
                      "starting the workers, reading, resolving and writing graph.ttl and graph.html.")

        # 3. incremental -------------------------------------------------------------------------------
        archive, cache = work / "archive", work / "cache"
        add_files(archive, bases, 0, pages)
        print(f"[incremental] full build of {pages} files ...", flush=True)
        full = build(archive, work / "out-inc", "--cache", str(cache), *jobs)
        added, same = [], []
        for r in range(REPEAT):         # short builds on a shared machine are noisy: the median of a few
            add_files(archive, bases, pages + r, pages + r + 1)
            print(f"[incremental] one page added ({r + 1}/{REPEAT}) ...", flush=True)
            added.append(build(archive, work / "out-inc", "--cache", str(cache), *jobs))
        for r in range(REPEAT):
            print(f"[incremental] nothing changed ({r + 1}/{REPEAT}) ...", flush=True)
            same.append(build(archive, work / "out-inc", "--cache", str(cache), *jobs))
        inc, same = median(added), median(same)
        report.append(f"\n## Incremental rebuild ({pages}-file archive)\n\nEach in a fresh process with the "
                      f"cache of the builds before; the rebuilds are the median of {REPEAT} (for each, a new page "
                      "is added at the end of the archive, as a new issue's pages sort).\n")
        report.append(table(["build", "articles extracted", "from cache", "seconds (extract+resolve + write)",
                             "full / this"], [
            [f"full ({pages} files, empty cache)", full["extracted"], full["cached"],
             f"{full['total']:.1f} ({full['extract_resolve']:.1f} + {full['write']:.1f})", "1.0"],
            ["one page added", inc["extracted"], inc["cached"],
             f"{inc['total']:.1f} ({inc['extract_resolve']:.1f} + {inc['write']:.1f})",
             f"{full['total'] / inc['total']:.1f}"],
            ["nothing changed", same["extracted"], same["cached"],
             f"{same['total']:.1f} ({same['extract_resolve']:.1f} + {same['write']:.1f})",
             f"{full['total'] / same['total']:.1f}"]]))

        # 4. kg query on the archive's graph.ttl ------------------------------------------------------------
        graph = work / "out-inc" / "graph.ttl"
        qrows = []
        for title, args in QUERIES.items():
            print(f"[query] {title} ...", flush=True)
            ours = [query_seconds(graph, args, "kg") for _ in range(REPEAT)]
            before = [query_seconds(graph, args, "rdflib") for _ in range(1 if a.quick else REPEAT)]
            assert {n for _, n in ours} == {n for _, n in before}, (title, ours, before)
            t_ours, t_before = (statistics.median(t for t, _ in runs) for runs in (ours, before))
            qrows.append([title, ours[0][1], f"{t_ours:.2f} ({min(t for t, _ in ours):.2f}–"
                          f"{max(t for t, _ in ours):.2f})", f"{t_before:.2f}", f"{t_before / t_ours:.1f}×"])
        report.append(f"\n## kg query on the {pages}-file archive's graph.ttl ({same['triples']:,} triples)\n\n"
                      f"Each a fresh process, start to exit, as a user runs it (median of {REPEAT}, fastest–slowest): "
                      "graph.ttl loaded into Oxigraph in memory and queried there, against the same query as "
                      "`kg query` ran it before (rdflib parsing graph.ttl and evaluating; "
                      f"median of {1 if a.quick else REPEAT}). CSV out.\n")
        report.append(table(["query", "rows", "kg query s", "before (rdflib) s", "faster"], qrows))

        # 5. profile -------------------------------------------------------------------------------------
        print("[profile] serial build of 1x ...", flush=True)
        total, mods, funcs = profile([work / "x1"])
        report.append("\n## Where a build spends its time\n\ncProfile of a serial build of 1x (tokenizer, lexicon "
                      f"and gazetteer loaded beforehand): {total:.2f} s of self time.\n")
        report.append(table(["module", "self time s", "share"],
                            [[m, f"{t:.2f}", f"{t / total:.0%}"] for m, t in mods[:12]]))
        report.append("")
        report.append(table(["function", "self time s", "share", "with callees s"],
                            [[f, f"{t:.2f}", f"{t / total:.1%}", f"{c:.2f}"] for f, t, c in funcs[:20]]))
        ext = sorted(((f, c) for f, _, c in funcs if f.startswith("kg/extract/") and f.endswith(":run")),
                     key=lambda kv: -kv[1])
        report.append("\nEach extractor's `run`, with what it calls (tokenizing happens inside the first that asks):\n")
        report.append(table(["extractor", "seconds", "share"], [[f, f"{c:.2f}", f"{c / total:.0%}"] for f, c in ext]))

        # 6. the store ----------------------------------------------------------------------------------
        store_bench = ROOT / "bench" / "store_bench.py"
        if store_bench.exists() and not a.no_store:
            print("[store] bench/store_bench.py ...", flush=True)
            store_md = work / "STORE.md"
            args = ["--triples", "100000"] if a.quick else []
            res = subprocess.run([sys.executable, str(store_bench), "--out", str(store_md), *args],
                                 capture_output=True, text=True)
            if res.returncode == 0 and store_md.exists():
                report.append("\n## The store (from bench/store_bench.py)\n")
                report.append(store_md.read_text(encoding="utf-8").split("\n", 1)[1].strip())
            else:
                report.append(f"\n## The store\n\nbench/store_bench.py failed: {res.stderr.strip()[-500:]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0]
    report[0] = report[0].rstrip("\n") + (f" Load average {load_start:.1f} at the start, {load:.1f} at the end "
                                         f"({os.cpu_count()} cores): on a busy machine every figure runs high.\n")
    text = "\n".join(report) + "\n"
    a.out.write_text(text, encoding="utf-8")
    print("\n" + text)
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--once":
        once(sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "--rdflib-query":
        rdflib_query(sys.argv[2:])
    else:
        sys.exit(main())
