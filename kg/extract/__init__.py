"""Where each kind of fact is found: one module per kind, run in the order registered here.

Each extractor module declares NAME, REQUIRES (mention types it reads), ASSIGNS
(mention types it adds) and run(doc). `PIPELINE` is checked at import: an
extractor may only require what an earlier one assigns. A new kind of fact, or
a newspaper's own conventions, is a new module added to this list.
"""
from __future__ import annotations

from types import ModuleType

from ..lexicon import Lexicon
from ..lexicon import load as load_lexicon
from ..model import Article, Extraction
from . import appointments, confirm, dates, events, organizations, persons, places, roles, teams
from .doc import Doc
from .tagger import Token

PIPELINE: tuple[ModuleType, ...] = (dates, organizations, teams, places, roles, persons, appointments, events, confirm)


def check_pipeline(pipeline=PIPELINE) -> None:
    assigned: set[str] = set()
    for step in pipeline:
        missing = set(step.REQUIRES) - assigned
        if missing:
            raise RuntimeError(f"extractor {step.NAME} requires {sorted(missing)} before it runs")
        assigned |= set(step.ASSIGNS)


check_pipeline()


def extract(article: Article, lex: Lexicon | None = None, tokens: list[Token] | None = None) -> Extraction:
    """Run every extractor over one article (`tokens`: its tagger tokens, when tagged with other articles)."""
    doc = Doc(article, lex or load_lexicon(), tokens)
    for step in PIPELINE:
        step.run(doc)
    return doc.ext
