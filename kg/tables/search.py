"""What the full-text index of graph.db holds for a sentence: Chinese cut into pieces SQLite can match.

SQLite's FTS5 splits text into words at spaces and punctuation, and Chinese has neither between
words: `市委副书记、市长朱健昨日到衡南县调研` would be two "words", and a search for 朱健 would
find nothing. So the index is given, for each run of Chinese characters, every piece of two and
three characters (朱健, 健昨, 衡南县, …), Latin words and numbers as they are, and the names
of the things the sentence states whole (衡阳市工业和信息化局, and its alias 市工信局). Datasette's
search box and `sentences_fts MATCH '衡南县'` then find a word of two or three characters wherever
it is written, and a longer name where the sentence states something of it; a longer word that
is no name is found as its pieces: `乡村 振兴`. The tables show the sentence itself: the pieces
are in the index only (an FTS5 table with `content="sentences"`; `sqlite-utils rebuild-fts` would
index the plain sentences instead, so graph.db is rebuilt by `kg build`, never in place).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain

GRAMS = 3           # pieces of 2..GRAMS characters: a query this long matches anywhere (one character: too many)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
OTHER = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")


def pieces(text: str, grams: int = GRAMS) -> list[str]:
    """Every 2..grams-character piece of each Chinese run (a run of one character as it is), and each Latin word
    or number, once each, in order."""
    found: list = []
    for run in HAN.findall(text):
        if len(run) == 1:
            found.append([run])
        for n in range(2, grams + 1):
            found.append([run[i:i + n] for i in range(len(run) - n + 1)])
    found.append([w.lower() for w in OTHER.findall(text)])
    return list(dict.fromkeys(chain.from_iterable(found)))


def wholes(names: Iterable[str]) -> list[str]:
    """The names longer than a piece, which the index holds whole (sorted: the same build, the same file)."""
    return sorted(n for n in set(names) if n and len(n) > GRAMS)


def index_text(text: str | None, names: Iterable[str] = ()) -> str:
    """The text FTS5 indexes: the names whole, then the pieces, separated by spaces."""
    return " ".join([*wholes(names), *pieces(text or "")])
