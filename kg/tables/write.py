"""graph.db: the knowledge base as SQLite tables, written with sqlite-utils, for Datasette and SQL.

`kg build` writes it beside graph.ttl, from the same knowledge base and in the same all-or-nothing
step (kg.rdf.write): a failed or interrupted build leaves the previous graph.db, whole. A rebuild
writes it afresh, so it always says what graph.ttl says. For example, on the three pages of
衡阳日报 in ../shared:

    sqlite> SELECT name, level, county, city, path FROM places WHERE name = '杨梅组';
    杨梅组|group|衡南县|衡阳市|中国 › 湖南省 › 衡阳市 › 衡南县 › 柞市镇 › 代泉村 › 杨梅组

Tables (the columns are described in kg/tables/metadata.yml, which Datasette shows):
articles; persons, organizations, places (+ place_ancestors: each place with every place it lies
in); posts (who held which post in which organization, first and last issue, how many articles);
events (+ attendance, organizers); evidence (each thing with each article that states it and the
sentence that does) and sentences (each once, searchable through sentences_fts, see kg.tables.search).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from ..errors import Messages, OutputError, Problem
from ..rdf.write import atomic_path
from ..resolve import KnowledgeBase
from .rows import Tables
from .search import pieces, wholes

DB = "graph.db"
FTS = "sentences_fts"



def columns(spec: str) -> dict[str, type]:
    """`"id name posts:int"` -> {"id": str, "name": str, "posts": int}: text unless said otherwise."""
    return {c.split(":")[0]: int if c.endswith(":int") else str for c in spec.split()}


# name: (columns in order, primary key, foreign keys, indexes). Created in this order (a foreign key's table first).
SCHEMA: dict[str, tuple[dict, object, list, list]] = {
    "articles": (columns("id date month paper source position:int headline kind"),
                 "id", [], [["date"], ["month"], ["source"], ["kind"]]),
    "places": (columns("id name level parent province city county town village path code aliases events:int "
                       "articles:int first_issue last_issue graph"),
               "id", [("parent", "places", "id")], [["name"], ["level"], ["parent"], ["city"], ["county"]]),
    "place_ancestors": (columns("place ancestor level distance:int"), ("place", "ancestor"),
                        [("place", "places", "id"), ("ancestor", "places", "id")], [["ancestor"]]),
    "persons": (columns("id name aliases posts:int events:int articles:int mentions:int first_issue last_issue graph"),
                "id", [], [["name"]]),
    "organizations": (columns("id name aliases place county city posts:int events:int articles:int first_issue "
                              "last_issue graph"),
                      "id", [("place", "places", "id")], [["name"], ["place"], ["city"], ["county"]]),
    "posts": (columns("id person title organization written_as first_issue last_issue articles:int appointed elected "
                      "removed graph"),
              "id", [("person", "persons", "id"), ("organization", "organizations", "id")],
              [["person"], ["title"], ["organization"], ["first_issue"]]),
    "events": (columns("id name type date month year place county city organizers attendees:int articles:int "
                       "first_issue last_issue aliases graph"),
               "id", [("place", "places", "id")], [["date"], ["month"], ["year"], ["type"], ["place"], ["county"], ["city"]]),
    "attendance": (columns("event person"), ("event", "person"),
                   [("event", "events", "id"), ("person", "persons", "id")], [["person"]]),
    "organizers": (columns("event organization"), ("event", "organization"),
                   [("event", "events", "id"), ("organization", "organizations", "id")], [["organization"]]),
    "sentences": (columns("id:int article text"), "id", [("article", "articles", "id")], [["article"]]),
    "evidence": (columns("subject article type name date sentence:int graph"), ("subject", "article"),
                 [("article", "articles", "id"), ("sentence", "sentences", "id")], [["type"], ["article"], ["sentence"]]),
}


def write_tables(kb: KnowledgeBase, path: Path, *, event_type: Callable[[str], str] | None = None) -> Path:
    """Write graph.db at `path` (atomically: a temporary file renamed into place, with the build's other files).

    An SQLite error (a full disk) is an OutputError naming the file, as for every other output."""
    with atomic_path(path) as tmp:
        fill_file(kb, tmp, path, event_type=event_type)
    return path


def fill_file(kb: KnowledgeBase, tmp: Path, path: Path, *, event_type: Callable[[str], str] | None = None) -> None:
    """The tables into the new SQLite file `tmp` (to become `path`, which an error names)."""
    if event_type is None:
        event_type = _event_type()
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")     # a temporary file: atomic_path flushes and renames it
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -65536")       # 64 MB: the evidence table's indexes are made in memory
        _fill(sqlite_utils.Database(conn), Tables(kb, event_type))
        conn.commit()
    except sqlite3.Error as e:
        raise OutputError(str(Problem(str(path), Messages.E012.format(why=str(e).lower())))) from e
    finally:
        conn.close()


def _fill(db: sqlite_utils.Database, tables: Tables) -> None:
    for name, (columns, pk, fks, _) in SCHEMA.items():
        db[name].create(columns, pk=pk, foreign_keys=fks)
        if name == "evidence":
            _evidence(db, tables.evidence())
        elif name != "sentences":           # filled with the evidence
            db[name].insert_all(getattr(tables, name)(), batch_size=2000)
    for name, (_, _, _, indexes) in SCHEMA.items():
        for cols in indexes:
            db[name].create_index(cols)
    db.analyze()


def _evidence(db: sqlite_utils.Database, rows: Iterable[dict]) -> None:
    """The evidence rows, each sentence once in `sentences`, and what the full-text index holds for each.

    An archive has a hundred thousand evidence rows and a tenth as many sentences: they are inserted with
    the connection's executemany (sqlite-utils made the tables; its insert_all took three times as long)."""
    ids: dict[tuple[str, str], int] = {}            # (article, sentence) -> its id in `sentences`
    names: dict[int, set[str]] = {}                 # sentence id -> the names of the things it states
    cols = list(SCHEMA["evidence"][0])
    insert = f'INSERT INTO evidence ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'
    batch: list[tuple] = []
    for row in rows:
        aliases, text = row.pop("_aliases"), row["sentence"]
        if text is not None:
            sid = ids.setdefault((row["article"], text), len(ids) + 1)
            names.setdefault(sid, set()).update([row["name"], *aliases])
            row["sentence"] = sid
        batch.append(tuple(row[c] for c in cols))
        if len(batch) >= 5000:
            db.conn.executemany(insert, batch)
            batch.clear()
    db.conn.executemany(insert, batch)
    db.conn.executemany("INSERT INTO sentences (id, article, text) VALUES (?, ?, ?)",
                        ((sid, article, text) for (article, text), sid in ids.items()))
    db.execute(f'CREATE VIRTUAL TABLE "{FTS}" USING fts5(text, content="sentences", content_rowid="id")')
    cut = lru_cache(maxsize=1 << 14)(pieces)         # the same sentence in many articles (a reprinted notice)
    db.conn.executemany(f'INSERT INTO "{FTS}" (rowid, text) VALUES (?, ?)',
                        ((sid, " ".join([*wholes(names[sid]), *cut(text)])) for (_, text), sid in ids.items()))


def _event_type(lexicon: str | None = None) -> Callable[[str], str]:
    """What kind of occurrence an event is: the trigger word that makes it one (座谈会, 调研), from the lexicon."""
    from ..lexicon import load

    lex = load(lexicon)
    nouns = sorted(set(lex.event_nouns), key=len, reverse=True)
    words = sorted(set(lex.event_nouns) | set(lex.event_verbs), key=len, reverse=True)

    def event_type(name: str) -> str:
        for w in nouns:                 # 文创联盟座谈会: named by the noun it ends in
            if name.endswith(w):
                return w
        found = [(name.rfind(w) + len(w), len(w), w) for w in words if w in name]
        return max(found)[2] if found else ""     # 到衡南县调研: the trigger that ends last, the longest there

    return event_type
