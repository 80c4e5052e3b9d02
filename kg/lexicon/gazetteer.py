"""China's administrative divisions, five levels deep, read from the jionlp package's data.

jionlp (PyPI, maintained) ships `dictionary/china_location.zip`: every province,
city, county, town (乡镇街道) and village (村/社区) with codes down to county
level. We read that file directly (importing jionlp itself is slow and noisy)
into an indexed SQLite file in the user's cache, once per jionlp version, so a
build opens it in milliseconds and holds only what it looks up. Countries come from jionlp's world_location.txt.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Messages

PROVINCE, CITY, COUNTY, TOWN, VILLAGE = range(5)
LEVEL_NAMES = ("province", "city", "county", "town", "village")
CACHE_FORMAT = 4


@dataclass(frozen=True)
class Division:
    id: int
    name: str          # full name: 衡南县
    short: str         # 衡南 (province, city, county, town); "" for villages
    level: int
    parent: int        # id of the parent division, -1 for provinces
    code: str          # administrative code (down to county level), else ""

    @property
    def kind(self) -> str:
        return LEVEL_NAMES[self.level]


def _jionlp_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(Messages.E024.format(package="jionlp"))
    return Path(list(spec.submodule_search_locations)[0])


def jionlp_version() -> str:
    return importlib.metadata.version("jionlp")


def _cache_path() -> Path:
    from ..run.cache import user_dir

    return user_dir() / f"gazetteer-{jionlp_version()}-{CACHE_FORMAT}.sqlite"


def _town_short(name: str) -> str:
    for suffix in ("街道办事处", "街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def _parse(text: str) -> tuple[list, list, list, list, list]:
    names, shorts, levels, parents, codes = [], [], [], [], []
    stack: list[int] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        cols = line.strip("\t").split("\t")
        name = cols[0].strip()
        code = cols[1].strip() if len(cols) > 1 else ""
        short = cols[2].strip() if len(cols) > 2 else (_town_short(name) if depth == TOWN else "")
        del stack[depth:]
        parent = stack[-1] if stack else -1
        names.append(name)
        shorts.append(short)
        levels.append(depth)
        parents.append(parent)
        codes.append(code)
        stack.append(len(names) - 1)
    return names, shorts, levels, parents, codes


def _build_db(path: Path) -> None:
    """Parse jionlp's tree once into an indexed SQLite file (about 2 s, 40 MB)."""
    with zipfile.ZipFile(_jionlp_dir() / "dictionary" / "china_location.zip") as z:
        member = next(n for n in z.namelist() if n.endswith(".txt"))
        text = io.TextIOWrapper(z.open(member), encoding="utf-8").read()
    rows = zip(range(10**9), *_parse(text))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    con.executescript("""
        CREATE TABLE division (id INTEGER PRIMARY KEY, name TEXT, short TEXT, level INT, parent INT, code TEXT);
    """)
    con.executemany("INSERT INTO division VALUES (?,?,?,?,?,?)", rows)
    con.executescript("""
        CREATE INDEX by_name ON division(name);
        CREATE INDEX by_short ON division(short);
        CREATE INDEX by_parent ON division(parent, name);
    """)
    con.commit()
    con.close()
    os.replace(tmp, path)


def _connect() -> sqlite3.Connection:
    path = _cache_path()
    if not path.exists():
        try:
            _build_db(path)
        except OSError:
            path = Path(tempfile.mkdtemp()) / path.name   # read-only cache dir: build in a temp dir
            _build_db(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


class Gazetteer:
    """Lookups over the division tree: by name, by parent and name, and up the tree."""

    def __init__(self):
        self._con = _connect()
        self.countries = _countries()

    @lru_cache(maxsize=200_000)  # noqa: B019 -- one Gazetteer per process (see gazetteer())
    def get(self, i: int) -> Division:
        row = self._con.execute("SELECT id, name, short, level, parent, code FROM division WHERE id=?", (i,)).fetchone()
        return Division(*row)

    def _rows(self, sql: str, args: tuple) -> list[Division]:
        return [Division(*r) for r in self._con.execute(sql, args)]

    @lru_cache(maxsize=100_000)  # noqa: B019 -- one Gazetteer per process
    def find(self, name: str, *, short: bool = True) -> tuple[Division, ...]:
        """Divisions whose full name (or, with `short`, short name) is `name`; 直辖市 echoes dropped."""
        cols = "SELECT id, name, short, level, parent, code FROM division"
        found = self._rows(f"{cols} WHERE name=?", (name,))
        if short:
            found += self._rows(f"{cols} WHERE short=? AND name!=?", (name, name))
        return tuple(d for d in found if not self._is_echo(d))

    def _is_echo(self, d: Division) -> bool:
        return d.level == CITY and d.parent >= 0 and self.get(d.parent).name == d.name

    @lru_cache(maxsize=100_000)  # noqa: B019 -- one Gazetteer per process
    def child(self, parent: Division | None, name: str) -> Division | None:
        """The division called `name` (full, or short for counties and towns) directly under `parent`."""
        pid = parent.id if parent else -1
        sql = ("SELECT id, name, short, level, parent, code FROM division WHERE parent=? AND (name=? "
               "OR (short=? AND level>=2))")
        found = self._rows(sql, (pid, name, name))
        if not found and parent is not None and parent.level == PROVINCE:
            # 直辖市: the city level repeats the province (北京市/北京市/海淀区)
            echo = self._rows("SELECT id, name, short, level, parent, code FROM division WHERE parent=? AND name=?",
                              (pid, parent.name))
            if echo:
                return self.child(echo[0], name)
        return found[0] if found else None

    def children(self, parent: Division) -> tuple[Division, ...]:
        """The divisions directly under `parent`."""
        return self._rows("SELECT id, name, short, level, parent, code FROM division WHERE parent=?", (parent.id,))

    def descendants(self, ancestor: Division, name: str, *, short: bool = False) -> list[Division]:
        """Divisions named `name` anywhere below `ancestor`."""
        return [d for d in self.find(name, short=short) if d.id != ancestor.id and self.is_within(d, ancestor)]

    def parent(self, d: Division) -> Division | None:
        if d.parent < 0:
            return None
        p = self.get(d.parent)
        return self.get(p.parent) if self._is_echo(p) else p      # 綦江区 is 重庆市's, not its city-level echo's

    def path(self, d: Division) -> list[Division]:
        """`d` and its ancestors, innermost first."""
        out = [d]
        while (p := self.parent(out[-1])) is not None:
            out.append(p)
        return out

    def is_within(self, d: Division, ancestor: Division) -> bool:
        return any(x.id == ancestor.id for x in self.path(d))


def _countries() -> dict[str, str]:
    """Country short and full names -> the short name used as canonical (中国, 日本)."""
    out: dict[str, str] = {}
    path = _jionlp_dir() / "dictionary" / "world_location.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0] and not cols[0].endswith(":"):
            out[cols[0]] = cols[0]
            out[cols[1]] = cols[0]
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
