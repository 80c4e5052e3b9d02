import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--format", "nquads", "--format", "json-ld"])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_cli_build_samples_writes_files_and_summary(built):
    out, output = built
    assert "persons" in output and "graph.ttl" in output
    for name in ("graph.ttl", "graph.html", "graph.nq", "graph.jsonld"):
        assert (out / name).stat().st_size > 1000


def test_cli_query_select_table_csv_json(built):
    out, _ = built
    q = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    runner = CliRunner()
    table = runner.invoke(main, ["query", q, "--graph", str(out / "graph.ttl")])
    assert table.exit_code == 0 and "邹明远" in table.output and "rows)" in table.output
    csv = runner.invoke(main, ["query", q, "--graph", str(out / "graph.ttl"), "--format", "csv"])
    assert csv.output.splitlines()[0] == "name"
    js = json.loads(runner.invoke(main, ["query", q, "--graph", str(out / "graph.ttl"), "--format", "json"]).output)
    assert any(b["name"]["value"] == "邹明远" for b in js["results"]["bindings"])


def test_cli_query_ask_construct_and_file(built, tmp_path):
    out, _ = built
    runner = CliRunner()
    ask = runner.invoke(main, ["query", "ASK { ?m org:member ?p ; org:role ?r . ?r rdfs:label \"市长\"@zh }",
                               "--graph", str(out / "graph.ttl")])
    assert ask.output.strip() == "yes"
    rq = tmp_path / "q.rq"
    rq.write_text("CONSTRUCT { ?e schema:startDate ?d } WHERE { ?e a schema:Event ; schema:startDate ?d }", encoding="utf-8")
    con = runner.invoke(main, ["query", str(rq), "--graph", str(out / "graph.ttl")])
    assert con.exit_code == 0 and "schema:startDate" in con.output


def test_cli_query_errors_are_one_line(built, tmp_path):
    out, _ = built
    runner = CliRunner()
    bad = runner.invoke(main, ["query", "SELEKT nothing", "--graph", str(out / "graph.ttl")])
    assert bad.exit_code == 2 and bad.output.startswith("kg: query line 1, column 1: a query starts with SELECT")
    assert len(bad.output.strip().splitlines()) == 1
    missing = runner.invoke(main, ["query", "ASK {}", "--graph", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 2 and "no such graph file" in missing.output


def test_cli_ner_contract(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "市委副书记、市长邹明远出席。"}\nnot json\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["ner", str(src), "--city", "衡阳"])
    assert res.exit_code == 1                       # one bad line
    line = json.loads(res.stdout.splitlines()[0])
    assert line["id"] == "a"
    spans = {(m["type"], m["text"]) for m in line["mentions"]}
    assert {("person", "邹明远"), ("role", "市长"), ("organization", "市委")} <= spans
    for m in line["mentions"]:
        assert "市委副书记、市长邹明远出席。"[m["start"]:m["end"]] == m["text"]


def test_cli_build_missing_and_empty_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), str(empty), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2
    assert "nope.txt: no such file or folder" in res.output and "empty.txt: is empty" in res.output
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_cli_build_skips_bad_input_keeps_good(tmp_path):
    good = Path(__file__).resolve().parents[1] / "kg" / "samples" / "xiangtan_2023-04-18.txt"
    shutil.copy(good, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"),
                                    "--out", str(tmp_path / "o"), "--no-html"])
    assert res.exit_code == 1
    assert "bad.txt: looks binary (PDF)" in res.output
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_cli_help_lists_each_commands_whole_description():
    res = CliRunner().invoke(main, ["--help"], terminal_width=80)
    assert res.exit_code == 0
    listing = " ".join(res.output.split("Commands:")[1].split())        # wrapped lines joined
    for name, cmd in main.commands.items():
        first = " ".join(cmd.help.split("\n\n")[0].split())
        assert f"{name} {first}" in listing, name
    assert "..." not in res.output.split("Commands:")[1]
