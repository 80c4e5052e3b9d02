"""Where each kind of fact is found: one component per kind, run in the order registered here.

Each component is a module that declares NAME, REQUIRES and ASSIGNS (what it reads and
writes on the article: `home`, a mention type, `memberships`, `events`; see doc.py) and
`run(doc)`. `PIPELINE` is checked at import: a component may only require what an earlier
one assigns. While a component runs, `Doc` checks each read and write against its
declaration, so an undeclared one fails at once (and in the tests). A new kind of fact,
or a newspaper's own conventions, is a new module added to this list.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType

from ..datamodel import Article, Extraction
from ..lexicon import Lexicon
from ..lexicon import load as load_lexicon
from . import appointments, confirm, dates, events, home, organizations, persons, places, retag, roles, teams
from .doc import KEYS, Doc
from .tagger import Token


@dataclass(frozen=True)
class Component:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    module: ModuleType          # whose `run(doc)` does the work (looked up at each call)
    about: str                  # the first line of its module's docstring

    @cached_property
    def readable(self) -> frozenset[str]:        # made once: Doc checks every read against it
        return frozenset(self.requires) | frozenset(self.assigns)

    @cached_property
    def writable(self) -> frozenset[str]:
        return frozenset(self.assigns)

    @property
    def run(self) -> Callable[[Doc], None]:
        return self.module.run


def component(module: ModuleType) -> Component:
    return Component(module.NAME, tuple(module.REQUIRES), tuple(module.ASSIGNS), module,
                     (module.__doc__ or "").strip().splitlines()[0])


PIPELINE: tuple[Component, ...] = tuple(component(m) for m in (
    retag, home, dates, organizations, teams, places, roles, persons, appointments, events, confirm))


def check_pipeline(pipeline=PIPELINE, given: tuple[str, ...] = ()) -> None:
    """Every name a component requires or assigns is one Doc knows, and what it requires an earlier one assigns."""
    assigned: set[str] = set(given)
    for step in pipeline:
        unknown = (set(step.requires) | set(step.assigns)) - set(KEYS)
        if unknown:
            raise RuntimeError(f"extractor {step.name} declares {sorted(unknown)}, which Doc does not hold")
        missing = set(step.requires) - assigned
        if missing:
            raise RuntimeError(f"extractor {step.name} requires {sorted(missing)} before it runs")
        assigned |= set(step.assigns)


check_pipeline()


def read_many(texts: list[str], lex: Lexicon) -> tuple[list[list[Token]], list[list]]:
    """The tagger's tokens and the mention model's spans of many texts at once: both run faster on a batch
    (sentences of one length share a call), a few hundred characters at a time being mostly overhead."""
    from .mentions import mention_model
    from .retag import model_on
    from .tagger import tagger

    tokens = tagger().tag_many(texts)
    if not model_on():
        return tokens, [None] * len(texts)
    return tokens, mention_model().spans_many(texts, tokens, lex)


def extract(article: Article, lex: Lexicon | None = None, tokens: list[Token] | None = None,
            spans: list | None = None) -> Extraction:
    """Run every component over one article (`tokens`, `spans`: its tagger tokens and the mention model's spans,
    when made together with other articles' by `read_many`)."""
    doc = Doc(article, lex or load_lexicon(), tokens, spans)
    for step in PIPELINE:
        doc.step = step
        step.run(doc)
    doc.step = None
    return doc.ext
