"""Fuzzing: arbitrary Unicode, control characters, mixed scripts and huge lines into every extractor and
into `kg build`. Nothing may crash, every span must index the text, and every graph must pass the SHACL shapes."""
import json
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import Graph

from conftest import ROOT
from kg.cli import main
from kg.datamodel import MENTION_TYPES, Article, Paper
from kg.extract import extract
from kg.ingest.paper import make_paper
from kg.run.build import build_kb, write_outputs

SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl")
ONTOLOGY = Graph().parse(ROOT / "ontology" / "newskg.ttl")
SAMPLE = (ROOT / "kg" / "samples" / "xiangtan_2023-04-18.txt").read_text(encoding="utf-8")

# pieces of a city paper's language, so the fuzzer reaches the extractors' rules, not only their first test
WORDS = ("市委 书记 副书记 市长 副市长 常委 衡阳 衡阳市 湘潭市 雁峰区 县 区 镇 村 街道 社区 召开 会议 出席 主持 调研 "
         "座谈会 签约仪式 开幕 2021年 1月 13日 12日 昨日 今天 上午 下午 农历 星期三 本报讯 记者 通讯员 有限公司 "
         "人民政府 委员会 局长 主任 政协 人大 中共 在 于 和 及 等 、 ， 。 “ ” （ ） 《 》 —— ■ 张建华 陈晓明 刘志强 "
         "衡陽 書記 市長 會議 區 縣").split()
SCRIPTS = st.sampled_from([
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0xF900, 0xFAFF),    # hanzi, rare and compatibility
    (0x0041, 0x007A), (0x00C0, 0x024F), (0x0400, 0x04FF), (0x0600, 0x06FF),      # Latin, Cyrillic, Arabic
    (0x3040, 0x30FF), (0xAC00, 0xD7A3), (0x1F300, 0x1FAFF), (0x2000, 0x206F),    # kana, Hangul, emoji, punctuation
    (0xFF00, 0xFFEF), (0x3000, 0x303F), (0xE000, 0xF8FF), (0x0300, 0x036F),      # fullwidth, CJK punct., private, combining
])
CONTROLS = st.sampled_from(list("\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\u2028\u2029\u200b\u200d\u202e\ufeff\ufffd\r\t"))


def _script_run(draw_range):
    lo, hi = draw_range
    return st.text(alphabet=st.characters(min_codepoint=lo, max_codepoint=hi, exclude_categories=["Cs"]),
                   min_size=1, max_size=12)


CHUNKS = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
    SCRIPTS.flatmap(_script_run),
    CONTROLS,
    st.just("\n"), st.just("\n\n"),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=8),
    st.integers(0, 10**12).map(str),
)
TEXTS = st.lists(CHUNKS, max_size=120).map("".join)
# one chunk repeated into a long line, no newline in it
LONG_LINES = st.tuples(st.lists(CHUNKS, min_size=1, max_size=6).map(lambda c: "".join(c).replace("\n", " ")),
                       st.integers(50, 600)).map(lambda t: (t[0] * t[1])[:5000])
# a sentence of our sample page with fuzz around and inside it: graphs with people, posts and events
SENTENCES = [ln for ln in SAMPLE.splitlines() if len(ln) > 30]
SEEDED = st.tuples(TEXTS, st.sampled_from(SENTENCES), st.integers(0, 200), TEXTS).map(
    lambda t: t[0] + t[1][:t[2]] + t[3] + t[1][t[2]:])
PAPERS = st.sampled_from([make_paper("衡阳日报", "衡阳"), make_paper("", "湘潭"), Paper()])


def _conforms(g: Graph) -> tuple[bool, str]:
    ok, _, text = validate(g, shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference="rdfs")
    return ok, text


def _check_extraction(text: str, paper: Paper, issue: date | None) -> None:
    ext = extract(Article(id="fuzz", text=text, source="fuzz.txt", issue_date=issue, paper=paper))
    for m in ext.mentions:
        assert m.type in MENTION_TYPES
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        if m.type == "date" and m.value:
            assert len(m.value) in (4, 7, 10) and m.value[:4].isdigit(), m


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXTS, SEEDED), paper=PAPERS, issue=st.one_of(st.none(), st.dates(date(1949, 1, 1), date(2030, 12, 31))))
def test_fuzz_extractors_take_any_text(text, paper, issue):
    _check_extraction(text, paper, issue)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=LONG_LINES, paper=PAPERS)
def test_fuzz_extractors_take_long_lines(text, paper):
    _check_extraction(text, paper, date(2021, 1, 13))


def test_fuzz_extractors_take_a_page_as_one_line():
    line = SAMPLE.replace("\n", "") * 2          # 4,800 characters, no newline: a page whose line breaks were lost
    _check_extraction(line, make_paper("湘潭日报", "湘潭"), date(2023, 4, 18))


def _extracts_within(text_expr: str, seconds: float) -> None:
    """Extract the text `text_expr` makes, in a fresh process: a hang check, not a speed test. The bound is
    about six times what the linear code takes on a slow 2-core machine (10 s with imports and the tagger's
    model); the quadratic code this guards against took minutes on half the text."""
    code = ("from datetime import date; from kg.extract import extract; from kg.datamodel import Article;"
            "from kg.ingest.paper import make_paper;"
            f"extract(Article(id='d', text={text_expr}, source='d', issue_date=date(2021, 1, 13),"
            " paper=make_paper('衡阳日报', '衡阳')))")
    try:
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extracting {text_expr} did not finish in {seconds:g} s")
    assert res.returncode == 0, res.stderr


def test_fuzz_extractors_take_a_long_run_of_digits():
    """A scanned table read as one line of 100,000 digits (once quadratic: 200,000 took over 13 minutes)."""
    _extracts_within("'1' * 100_000", 60)


def test_fuzz_extractors_take_a_long_line_of_titles():
    """A name list OCR'd as one line: 16,000 titles in a row, 64,000 characters."""
    _extracts_within("'市委书记' * 16_000", 60)


# --- kg build: fuzzed feeds and pages, every graph validated -----------------------------------------

RECORDS = st.lists(st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=6), st.integers()), "text": st.one_of(TEXTS, SEEDED)},
    optional={"date": st.one_of(st.dates(date(1949, 1, 1), date(2030, 12, 31)).map(str), st.text(max_size=10)),
              "source": st.one_of(st.sampled_from(["衡阳日报", "湘潭日报", "衡陽日報"]), st.text(max_size=8)),
              "title": st.text(max_size=20)}), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(records=RECORDS, junk=st.lists(st.text(max_size=30), max_size=2))
def test_fuzz_build_any_feed_gives_a_valid_graph(records, junk, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("feed")
    lines = [json.dumps(r, ensure_ascii=bool(len(r["text"]) % 2)) for r in records] + junk
    (tmp / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    kb, summary = build_kb([tmp / "feed.jsonl"], jobs=1)
    assert summary.status in (0, 1, 2)
    assert all(p.source.startswith(str(tmp)) for p in summary.problems)
    if summary.kept == 0:
        return
    write_outputs(kb, tmp / "out", summary, html=True, formats=("nquads",))
    g = Graph().parse(tmp / "out" / "graph.ttl")
    assert len(g) == summary.triples
    ok, report = _conforms(g)
    assert ok, report
    assert (tmp / "out" / "graph.html").stat().st_size > 1000
    event(f"graph validated, {'with' if summary.counts.get('persons') else 'without'} persons")


PAGE_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.tuples(TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le"]))
      .map(lambda t: t[0].encode(t[1], errors="replace")),
    st.tuples(st.sampled_from([SAMPLE[:400], SAMPLE]), TEXTS).map(lambda t: (t[0] + t[1]).encode("utf-8")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=PAGE_BYTES)
def test_fuzz_kg_build_any_page_exits_cleanly(data, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("page")
    (tmp / "page.txt").write_bytes(data)
    res = CliRunner().invoke(main, ["build", str(tmp / "page.txt"), "--out", str(tmp / "out"), "--no-cache",
                                    "-j", "1", "--no-html"])
    assert res.exit_code in (0, 1, 2), res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    if res.exit_code == 2:
        assert res.stderr.splitlines()[-1] == "kg: nothing to build: no input gave an article"
        event(f"refused: {res.stderr.splitlines()[0].split(': ', 2)[-1][:30]}")
        return
    ok, report = _conforms(Graph().parse(tmp / "out" / "graph.ttl"))
    assert ok, report
    event(f"built, exit status {res.exit_code}")
