"""graph.db: the facts as SQLite tables for Datasette (`kg browse`), written by kg/tables."""
from __future__ import annotations

from pathlib import Path

from ..run.aside import aside as in_fork
from ..tables import DB, write_tables
from ..tables.write import fill_file


def write(kb, out: Path, options=None) -> list[Path]:
    return [write_tables(kb, out / DB)]


def aside(kb, out: Path):
    """A context manager: graph.db is written by a forked process beside the block (kg.run.aside)."""
    return in_fork(lambda tmp: fill_file(kb, tmp, out / DB), out / DB)
