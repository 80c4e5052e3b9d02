"""graph.db: the tables a build writes beside graph.ttl, what their rows know, search, and atomic writes."""
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Graph, Literal, URIRef

from kg.cli import main
from kg.tables.rows import Tables
from kg.tables.search import index_text, pieces

# Two pages of 衡阳日报 without a masthead: their issue dates are in their file names.
PAGE_1 = """衡南县授牌首批新时代文明实践试点示范点

本报讯（记者 张建新 通讯员 石虹）1月3日，衡南县委宣传部为柞市镇代泉村杨梅组授牌“衡南县首批新时代文明实践试点示范点”。

文创联盟成立

本报讯（记者 罗文鹏）1月12日，衡阳文创联盟成立大会举行。市委副书记、市长朱健出席并宣布成立。市工信局局长彭振森参加。
"""
PAGE_2 = """全市优化营商环境工作推进会召开

本报讯（记者 罗文鹏）3月1日，全市优化营商环境工作推进会召开。市委副书记、市长朱健出席并讲话，副市长张霞主持。
"""
TABLES = {"articles", "persons", "organizations", "places", "place_ancestors", "posts", "events", "attendance",
          "organizers", "sentences", "evidence", "sentences_fts"}


def build(args: list[str]):
    res = CliRunner().invoke(main, ["build", *args, "-j", "1"])
    assert res.exit_code == 0, res.output
    return res


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    (folder / "2021-01-13_p1.txt").write_text(PAGE_1, encoding="utf-8")
    (folder / "2021-03-02_p2.txt").write_text(PAGE_2, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(pages, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    res = build([str(pages), "--city", "衡阳", "--out", str(out)])
    return out, res.output


@pytest.fixture
def db(built):
    conn = sqlite3.connect(built[0] / "graph.db")
    yield conn
    conn.close()


def one(db, sql: str, *params):
    rows = db.execute(sql, params).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_tables_build_writes_every_table(built, db):
    out, output = built
    assert f"wrote {out / 'graph.db'}" in output
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert TABLES <= names
    persons = output.split("persons ", 1)[1].split(",", 1)[0]
    assert one(db, "SELECT count(*) FROM persons")[0] == int(persons)
    fks = {(r[3], r[2]) for r in db.execute("PRAGMA foreign_key_list(posts)")}
    assert fks == {("person", "persons"), ("organization", "organizations")}
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_tables_village_row_knows_its_county_and_city(db):
    row = one(db, "SELECT level, town, village, county, city, province, path FROM places WHERE name = '杨梅组'")
    assert row == ("group", "柞市镇", "代泉村", "衡南县", "衡阳市", "湖南省", "湖南省 › 衡阳市 › 衡南县 › 柞市镇 › 代泉村 › 杨梅组")
    ancestors = db.execute("""SELECT a.name, pa.level, pa.distance FROM place_ancestors pa
                              JOIN places p ON p.id = pa.place JOIN places a ON a.id = pa.ancestor
                              WHERE p.name = '杨梅组' ORDER BY pa.distance""").fetchall()
    # the places an article names are rows; 衡阳市 and 湖南省 are named by none here, so only the columns know them
    assert ancestors == [("杨梅组", "group", 0), ("代泉村", "village", 1), ("柞市镇", "town", 2), ("衡南县", "county", 3)]
    assert one(db, "SELECT county, city FROM places WHERE name = '衡南县'") == ("衡南县", "衡阳市")   # a county is its own


def test_tables_event_has_month_place_county_and_city(db):
    row = one(db, """SELECT e.date, e.month, p.name, e.county, e.city, e.organizers, e.type FROM events e
                     JOIN places p ON p.id = e.place WHERE e.name LIKE '授牌%'""")
    assert row[:5] == ("2021-01-03", "2021-01", "杨梅组", "衡南县", "衡阳市") and row[6] == "授牌"
    assert "中共衡南县委宣传部" in row[5].split("、")


def test_tables_post_says_first_and_last_issue_and_articles(db):
    row = one(db, """SELECT po.title, o.name, po.first_issue, po.last_issue, po.articles FROM posts po
                     JOIN persons p ON p.id = po.person JOIN organizations o ON o.id = po.organization
                     WHERE p.name = '罗文鹏'""")
    assert row == ("记者", "衡阳日报社", "2021-01-13", "2021-03-02", 2)


def test_tables_dates_come_from_file_names(db):
    assert db.execute("SELECT source, date FROM articles ORDER BY source, position").fetchall() == [
        ("2021-01-13_p1.txt", "2021-01-13"), ("2021-01-13_p1.txt", "2021-01-13"), ("2021-03-02_p2.txt", "2021-03-02")]


def test_tables_dates_come_from_a_dates_table(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE_2, encoding="utf-8")
    (tmp_path / "dates.tsv").write_text("p.txt\t2021-03-02\n", encoding="utf-8")
    build([str(tmp_path / "p.txt"), "--dates", str(tmp_path / "dates.tsv"), "--city", "衡阳", "--out", str(tmp_path)])
    conn = sqlite3.connect(tmp_path / "graph.db")
    assert conn.execute("SELECT date FROM articles").fetchall() == [("2021-03-02",)]
    assert conn.execute("SELECT date, month FROM events").fetchall() == [("2021-03-01", "2021-03")]   # 3月1日, that year


@pytest.mark.parametrize("query, found", [
    ("朱健", "市委副书记、市长朱健出席并宣布成立。"),            # two characters, anywhere
    ("杨梅组", "衡南县委宣传部为柞市镇代泉村杨梅组授牌"),
    ("衡阳市工业和信息化局", "市工信局局长彭振森参加。"),        # a long name, whole, where the sentence states it
    ("市工信局", "市工信局局长彭振森参加。"),                    # its alias
    ("营商 环境", "3月1日，全市优化营商环境工作推进会召开。"),     # a longer word as its pieces
])
def test_tables_search_finds_the_evidence_sentence(db, query, found):
    match = " ".join(f'"{w}"' for w in query.split())       # as Datasette's search box puts it
    texts = {r[0] for r in db.execute("SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                                      "WHERE sentences_fts MATCH ?", (match,))}
    assert any(found in t for t in texts), texts
    assert db.execute("SELECT count(*) FROM evidence WHERE sentence IN (SELECT rowid FROM sentences_fts "
                      "WHERE sentences_fts MATCH ?)", (match,)).fetchone()[0] >= 1


def test_tables_search_pieces():
    assert pieces("到衡南县调研SUV") == ["到衡", "衡南", "南县", "县调", "调研", "到衡南", "衡南县", "南县调", "县调研", "suv"]
    assert index_text("彭振森参加", ["衡阳市工业和信息化局", "彭振森"]).split()[0] == "衡阳市工业和信息化局"


def test_tables_ids_are_the_graph_iri_keys(built, db):
    out, _ = built
    pid, graph = one(db, "SELECT id, graph FROM persons WHERE name = '罗文鹏'")
    assert graph == f"person/{pid}"
    graph_ttl = Graph().parse(out / "graph.ttl")
    assert (URIRef(f"https://w3id.org/newskg/id/person/{pid}"), RDFS.label, Literal("罗文鹏", lang="zh")) in graph_ttl
    every_sentence = one(db, "SELECT count(*) FROM evidence e LEFT JOIN sentences s ON s.id = e.sentence "
                             "WHERE e.sentence IS NOT NULL AND s.id IS NULL")
    assert every_sentence == (0,)


def test_tables_rebuild_keeps_ids_and_follows_the_graph(pages, tmp_path):
    out = tmp_path / "out"
    build([str(pages / "2021-01-13_p1.txt"), "--city", "衡阳", "--out", str(out)])
    first = sqlite3.connect(out / "graph.db")
    before = dict(first.execute("SELECT name, id FROM persons"))
    assert first.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    first.close()
    build([str(pages / "2021-01-13_p1.txt"), str(pages / "2021-03-02_p2.txt"), "--city", "衡阳", "--out", str(out)])
    second = sqlite3.connect(out / "graph.db")     # from the cache: the extraction is reused, the tables rewritten
    after = dict(second.execute("SELECT name, id FROM persons"))
    assert {n: after[n] for n in before} == before and "张霞" in after
    assert second.execute("SELECT count(*) FROM articles").fetchone() == (3,)


def test_tables_same_knowledge_base_same_file(tmp_path):
    from kg.run.build import build_kb
    from kg.tables import write_tables

    kb, _ = build_kb(None, jobs=1)
    write_tables(kb, tmp_path / "a.db")
    write_tables(kb, tmp_path / "b.db")
    assert (tmp_path / "a.db").read_bytes() == (tmp_path / "b.db").read_bytes()


# --- atomic: a failed or interrupted build leaves the previous graph.db -------------------------------------

@pytest.fixture
def previous(pages, tmp_path):
    out = tmp_path / "out"
    build([str(pages / "2021-01-13_p1.txt"), "--city", "衡阳", "--out", str(out)])
    return out, {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def _unchanged(out: Path, before: dict) -> None:
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_tables_failed_build_leaves_the_previous_graph_db(previous, pages, monkeypatch):
    out, before = previous

    def broken(*a, **k):
        raise RuntimeError("the overview could not be rendered")

    monkeypatch.setattr("kg.viz.pages.render_overview", broken)
    res = CliRunner().invoke(main, ["build", str(pages), "--city", "衡阳", "--out", str(out), "-j", "1"])
    assert res.exit_code == 2 and "RuntimeError" in res.stderr
    _unchanged(out, before)


def test_tables_failed_db_write_names_graph_db_and_leaves_every_output(previous, pages, monkeypatch):
    out, before = previous

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")
        yield

    monkeypatch.setattr(Tables, "evidence", full)
    res = CliRunner().invoke(main, ["build", str(pages), "--city", "衡阳", "--out", str(out), "-j", "1"])
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: {out / 'graph.db'}: cannot be written (database or disk is full); "
                                       "the previous outputs are left as they were"]
    _unchanged(out, before)


def test_tables_interrupted_while_writing_leaves_the_previous_outputs(previous, pages, monkeypatch):
    """graph.db is written by a forked process (kg.run.aside) while this one makes graph.html: a Ctrl-C taken
    here meanwhile stops the child halfway through graph.db and leaves every previous output."""
    out, before = previous

    def slow(self):                 # the child, still writing graph.db when the Ctrl-C comes
        time.sleep(60)
        yield

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Tables, "evidence", slow)
    monkeypatch.setattr("kg.outputs.html.write", interrupted)
    started = time.perf_counter()
    res = CliRunner().invoke(main, ["build", str(pages), "--city", "衡阳", "--out", str(out), "-j", "1"])
    assert res.exit_code == 130 and time.perf_counter() - started < 30
    assert res.stderr.strip() == "kg: interrupted; the previous outputs are left as they were"
    _unchanged(out, before)


def test_tables_post_says_when_an_article_states_an_appointment(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "date": "2021-03-02", "text": "2月26日，市人大常委会决定任命彭振森为市财政局局长。"}\n'
                    '{"id": "2", "date": "2021-03-03", "text": "市财政局局长彭振森出席。"}\n', encoding="utf-8")
    build([str(feed), "--city", "衡阳", "--out", str(tmp_path / "out")])
    with sqlite3.connect(tmp_path / "out" / "graph.db") as db:
        row = one(db, """SELECT po.title, o.name, po.first_issue, po.last_issue, po.appointed, po.elected, po.removed
                         FROM posts po JOIN persons p ON p.id = po.person JOIN organizations o ON o.id = po.organization
                         WHERE p.name = '彭振森'""")
    assert row == ("局长", "衡阳市财政局", "2021-03-02", "2021-03-03", "2021-02-26", None, None)
