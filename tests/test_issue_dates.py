"""Issue dates per file: a date in the file's name, a `--dates` table, and which wins over what."""
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import UsageError
from kg.ingest.issue_dates import FROM_NAME, FROM_OPTION, FROM_TABLE, IssueDates, date_in_name

PAGE_WITHOUT_MASTHEAD = """市住房保障服务中心开展走访

本报讯（记者 罗文鹏）昨日，市委副书记、市长朱健到衡南县调研。
"""


@pytest.mark.parametrize("name, day", [
    ("2021-01-13_page3.txt", date(2021, 1, 13)),
    ("衡阳日报20210113_03.txt", date(2021, 1, 13)),
    ("p_2021_01_13.jsonl", date(2021, 1, 13)),
    ("2021.01.13.txt", date(2021, 1, 13)),
    ("002_387b9c43cd86da72.txt", None),          # a hash, not a date
    ("a20210113.txt", None),                      # glued to Latin letters: part of a code
    ("2021-02-30_page1.txt", None),               # no such day
    ("202101131.txt", None),                      # a longer number
])
def test_issue_dates_date_in_name(name, day):
    assert date_in_name(Path(name)) == day


def test_issue_dates_table_line_wins_over_name_and_option(tmp_path):
    table = tmp_path / "dates.tsv"
    table.write_text("# file\tdate\n2021-01-13_p1.txt\t2021-01-14\n\nsub/p2.txt\t2020-11-21\n", encoding="utf-8")
    days = IssueDates.read(table, default=date(2000, 1, 1))
    assert days.of(tmp_path / "x" / "2021-01-13_p1.txt") == (date(2021, 1, 14), FROM_TABLE)   # a name: any folder
    assert days.of(tmp_path / "sub" / "p2.txt") == (date(2020, 11, 21), FROM_TABLE)          # a path: from the table
    assert days.of(tmp_path / "other" / "p2.txt") == (date(2000, 1, 1), FROM_OPTION)
    assert days.of(tmp_path / "2021-03-02_p9.txt") == (date(2021, 3, 2), FROM_NAME)


def test_issue_dates_header_line_is_skipped(tmp_path):
    table = tmp_path / "dates.tsv"
    table.write_text("file\tdate\np.txt\t2021-01-13\n", encoding="utf-8")
    assert IssueDates.read(table).date_for(Path("p.txt")) == date(2021, 1, 13)


@pytest.mark.parametrize("text, message", [
    ("p.txt\t2021-13-01\n", "dates.tsv: line 1: expected a file name, a tab and an issue date like 2021-01-13, "
                            "got 'p.txt\\t2021-13-01'"),
    ("p.txt 2021-01-13\n", "dates.tsv: line 1: expected a file name, a tab and an issue date like 2021-01-13, "
                           "got 'p.txt 2021-01-13'"),
    ("# dates\np.txt\t2021-01-13\np.txt\t2021-01-14\n",
     "dates.tsv: line 3: p.txt is given two dates, 2021-01-13 (line 2) and 2021-01-14"),
])
def test_issue_dates_bad_line_is_one_error_naming_file_and_line(tmp_path, text, message):
    table = tmp_path / "dates.tsv"
    table.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as e:
        IssueDates.read(table)
    assert str(e.value) == f"{tmp_path}/{message}"


def test_issue_dates_cli_bad_table_exits_2_with_one_line(tmp_path):
    (tmp_path / "dates.tsv").write_text("p.txt\tyesterday\n", encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text(PAGE_WITHOUT_MASTHEAD, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(page), "--dates", str(tmp_path / "dates.tsv"),
                                    "--out", str(tmp_path / "out"), "-j", "1"])
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: {tmp_path}/dates.tsv: line 1: expected a file name, a tab and an "
                                       "issue date like 2021-01-13, got 'p.txt\\tyesterday'"]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_issue_dates_masthead_wins_with_a_note(tmp_path):
    from kg.run.build import build_kb

    page = tmp_path / "2023-04-17_page.txt"          # the masthead inside says 2023-04-18
    page.write_bytes((Path(__file__).parents[1] / "kg" / "samples" / "xiangtan_2023-04-18.txt").read_bytes())
    table = tmp_path / "dates.tsv"
    table.write_text(f"{page.name}\t2023-04-16\n", encoding="utf-8")
    kb, summary = build_kb([page], jobs=1)
    assert {a.issue_date for a in kb.articles.values()} == {date(2023, 4, 18)}
    assert not [n for n in summary.notes if "masthead's issue date" in n.message]     # a name: no note
    kb, summary = build_kb([page], dates=table, jobs=1)
    assert {a.issue_date for a in kb.articles.values()} == {date(2023, 4, 18)}
    assert [str(n) for n in summary.notes if "masthead's issue date" in n.message] == [
        f"{page}: the masthead's issue date 2023-04-18 is used, not 2023-04-16 from the --dates table"]
