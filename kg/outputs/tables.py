"""graph.db: the facts as SQLite tables for Datasette (`kg browse`), written by kg/tables."""
from __future__ import annotations

from pathlib import Path

from ..tables import DB, write_tables


def write(kb, out: Path, options=None) -> list[Path]:
    return [write_tables(kb, out / DB)]
