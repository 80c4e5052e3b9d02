"""`kg view` opens a build's graph.html; `kg build` writes graph.html and index.html, --html-max-nodes picks the start."""
import json
import re
import webbrowser

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("viewout")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--html-max-nodes", "25"])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_viz_cli_build_writes_graph_and_overview(built):
    out, output = built
    assert f"wrote {out / 'graph.html'}" in output and f"wrote {out / 'index.html'}" in output
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', (out / "graph.html").read_text(encoding="utf-8"), re.S)[1])
    assert sum(n[6] for n in data["nodes"]) == 25 < len(data["nodes"])
    assert 'href="graph.html#' in (out / "index.html").read_text(encoding="utf-8")


def test_viz_cli_build_no_html_writes_neither(tmp_path):
    res = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--no-html"])
    assert res.exit_code == 0, res.output
    assert not (tmp_path / "graph.html").exists() and not (tmp_path / "index.html").exists()


def test_viz_cli_build_rejects_zero_max_nodes(tmp_path):
    res = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--html-max-nodes", "0"])
    assert res.exit_code == 2 and "--html-max-nodes" in res.output


def test_viz_cli_view_opens_the_page_in_the_browser(built, monkeypatch):
    out, _ = built
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    res = CliRunner().invoke(main, ["view", str(out)])
    assert res.exit_code == 0 and opened == [(out / "graph.html").resolve().as_uri()]
    assert str((out / "graph.html").resolve()) in res.output


def test_viz_cli_view_without_a_browser_prints_the_path(built, monkeypatch):
    out, _ = built
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    res = CliRunner().invoke(main, ["view", str(out)])
    assert res.exit_code == 0 and "no browser" in res.output and str((out / "graph.html").resolve()) in res.output


def test_viz_cli_view_of_a_folder_without_a_graph_is_one_line(tmp_path):
    res = CliRunner().invoke(main, ["view", str(tmp_path)])
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        f"kg: {tmp_path / 'graph.html'}: no such page; build one first with `kg build --out {tmp_path}`"]
