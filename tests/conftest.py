"""Shared fixtures: the annotated pages in ../shared, the bundled samples, small article builders."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from kg.datamodel import Article
from kg.extract import extract
from kg.ingest.paper import make_paper

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSKG_SHARED", ROOT.parent / "shared"))
PAGES = SHARED / "eval" / "pages"
GOLD = SHARED / "eval" / "gold"
EVAL_DATES = {"000": None, "001": None, "002": "2020-11-21"}

needs_shared = pytest.mark.skipif(not PAGES.exists(), reason=f"annotated pages not found at {PAGES}")


def page(prefix: str) -> Path:
    return next(PAGES.glob(f"{prefix}_*.txt"))


def gold(prefix: str) -> dict:
    return json.loads((GOLD / f"{prefix}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def hengyang():
    return make_paper("衡阳日报", "衡阳")


@pytest.fixture
def run(hengyang):
    """Extract one snippet as an article of 衡阳日报 dated 2021-01-13."""
    def _run(text: str, issue: date | None = date(2021, 1, 13), paper=None):
        return extract(Article(id="t", text=text, source="test", issue_date=issue, paper=paper or hengyang))
    return _run


@pytest.fixture
def run_tagged(hengyang):
    """Extract the text of (word, part of speech) pairs as an article of 衡阳日报, with those as the tagger's tokens
    and `spans` as the mention model's: where the tagger's reading, not the text, is what a test is about."""
    from kg.extract.tagger import Token
    from kg.lexicon import load

    def _run(words: list[tuple[str, str]], spans: list):
        tokens, k = [], 0
        for w, pos in words:
            tokens.append(Token(w, pos, k, k + len(w)))
            k += len(w)
        text = "".join(w for w, _ in words)
        return extract(Article(id="t", text=text, source="test", paper=hengyang), load(), tokens, spans)
    return _run


def names(ext, type_):
    return {m.ref.name if m.ref else m.text for m in ext.mentions if m.type == type_}


def held(ext) -> set[tuple]:
    """(person, title, organization or None) of each post an extraction holds."""
    return {(m.person.name, m.title, m.org.name if m.org else None) for m in ext.memberships}


# A check of the tests themselves: NEWSKG_EMPTY_EXTRACTOR=persons (or any component's name) runs the suite with that
# component doing nothing, so every test that names it should fail (scripts/empty_extractor.sh lists those that pass).
_EMPTY = os.environ.get("NEWSKG_EMPTY_EXTRACTOR")
if _EMPTY:
    import importlib

    importlib.import_module(f"kg.extract.{_EMPTY}").run = lambda doc: None
