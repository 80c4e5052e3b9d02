"""Issue dates per input file, for pages whose masthead gives none.

An archive's pages often come without a masthead (an inner page, a scan cut below it) but
with their date somewhere else. Two ways to give it, file by file:

- in the file's name: `2021-01-13_page3.txt`, `衡阳日报20210113_03.txt`, `2021_01_13.jsonl`;
- in a table given with `kg build --dates FILE.tsv`, one line per file, a tab between:

      # file                      issue date
      002_387b9c43cd86da72.txt    2020-11-21
      2020/11/p4.txt              2020-11-21

  A name with no `/` matches every input file of that name; a path is read from the
  table's own folder. Blank lines and lines starting with `#` are skipped.

Which date an article gets: the page's masthead date always (it is what the paper printed,
and a file name or a table line can be off by one page); else the table's line for its file;
else a date in its file name; else `--date`. A JSON line's own "date" wins the same way.
When a masthead overrides a table's line for its file, the build says so in a note.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError, Messages, Problem, UsageError
from .readers import read_text

# 2021-01-13, 2021_01_13, 2021.01.13, 20210113: not inside a longer number or a word of Latin letters (a hash)
IN_NAME = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?![0-9])")
FROM_TABLE, FROM_NAME, FROM_OPTION = "--dates table", "file name", "--date"


def date_in_name(path: Path) -> date | None:
    """The issue date written in a file's name (its stem), if there is a real one."""
    for m in IN_NAME.finditer(path.stem):
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:          # 2021-02-30: not a date
            continue
    return None


@dataclass
class IssueDates:
    """The date each input file's articles get when its masthead gives none, and where it came from."""

    default: date | None = None                                  # --date
    by_name: dict[str, date] = field(default_factory=dict)      # lines naming a file
    by_path: dict[Path, date] = field(default_factory=dict)     # lines giving a path (resolved)

    @classmethod
    def read(cls, table: Path | None, default: date | None = None) -> IssueDates:
        """The `--dates` table; a line that is not `FILE<TAB>YYYY-MM-DD` is a UsageError naming it."""
        days = cls(default)
        if table is None:
            return days
        try:
            text = read_text(Path(table), kind="dates table")
        except InputError as e:
            raise UsageError(str(e.problem)) from None
        seen: dict[str, tuple[date, int]] = {}
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.rstrip("\r").split("\t")]
            day = _iso(parts[1]) if len(parts) == 2 and parts[0] else None
            if day is None:
                if n == 1 and len(parts) == 2 and parts[1].lower() in ("date", "issue_date", "日期"):
                    continue            # a header line
                raise UsageError(str(Problem(str(table), Messages.E030.format(line=n, text=line.strip()[:60]))))
            name = parts[0]
            if name in seen and seen[name][0] != day:
                first, at = seen[name]
                raise UsageError(str(Problem(str(table), Messages.E031.format(
                    line=n, name=name, first=first, first_line=at, second=day))))
            seen[name] = (day, n)
            if "/" in name:
                days.by_path[(Path(table).parent / name).resolve()] = day
            else:
                days.by_name[name] = day
        return days

    def of(self, path: Path) -> tuple[date | None, str]:
        """(date, where it came from) for one input file: its table line, else its name, else --date."""
        if self.by_path:
            day = self.by_path.get(path.resolve())
            if day is not None:
                return day, FROM_TABLE
        day = self.by_name.get(path.name)
        if day is not None:
            return day, FROM_TABLE
        day = date_in_name(path)
        if day is not None:
            return day, FROM_NAME
        return self.default, FROM_OPTION

    def date_for(self, path: Path) -> date | None:
        return self.of(path)[0]

    def overridden(self, path: Path, articles) -> Problem | None:
        """A note when the masthead gave `path`'s articles another date than its line in the table did (not when
        it differs from a date in the file name: an archive's names can be its own, a scan's or a copy's)."""
        day, how = self.of(path)
        if day is None or how != FROM_TABLE:
            return None
        printed = {a.issue_date for a in articles if a.issue_date is not None and a.issue_date != day}
        if not printed:
            return None
        return Problem(str(path), Messages.W104.format(printed=min(printed), given=day, how=how), fatal=False)


def _iso(text: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
