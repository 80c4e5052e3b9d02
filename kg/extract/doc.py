"""The article as the extractors see it: text, tokens, sentences, and what is found so far.

One `Doc` per article. Extractors read the text and earlier extractors' findings, and
add their own through `Doc.add`, which refuses a span that overlaps one already claimed
(the earlier, more specific extractor wins).

What an extractor finds lives under a few names, the ones extractors declare they
require and assign (kg/extract/__init__.py): `home` (the paper's home city and the
article's county), a mention type (`date`, `organization`, `place`, `role`, `person`,
`event`: its mentions and its entities' records), `memberships` and `events` (facts).
While an extractor runs (`Doc.step`), every read and write through the methods below is
checked against what it declared: an undeclared one raises `UndeclaredAccess`.
"""
from __future__ import annotations

import bisect
import marshal
import re
import tempfile
import threading
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import jieba

from ..datamodel import (
    MENTION_TYPES,
    Article,
    EntityInfo,
    EntityRef,
    EventFact,
    Extraction,
    Membership,
    Mention,
)
from ..lexicon import Lexicon, word_tags
from .tagger import Token, tagger

SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’」』）)]*")
MODELLED = "model"      # Mention.value of an organization only the mention model proposes (organizations.py)
SLOGAN = "slogan"       # Mention.value of a country's name inside a slogan (中国式现代化): a mention, never an entity
WORK_TITLE = re.compile(r"《[^《》\n]{1,40}》")
_tokenizer_lock = threading.Lock()
_tokenizers: dict[str, Dictionary] = {}


class _Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer, reading the default dictionary's prefix table from jieba's own cache file in one read.
    jieba reads it with marshal.load on the open file, a small read for each of its 500,000 entries: 1.4 s
    against 0.5 s, paid by every worker at start. Without the cache (a first run), jieba builds and writes it."""

    def initialize(self, dictionary=None) -> None:
        if dictionary is None and self.dictionary is jieba.DEFAULT_DICT and not self.initialized:
            cache = Path(self.tmp_dir or tempfile.gettempdir()) / (self.cache_file or "jieba.cache")
            try:
                self.FREQ, self.total = marshal.loads(cache.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                pass                # absent or damaged: jieba rebuilds it
            else:
                self.initialized = True
                return
        super().initialize(dictionary)


class Dictionary(NamedTuple):
    """jieba's dictionary as the extractors read it: its tokenizer (word frequencies, `cut`) knowing our titles
    and organization names, and each default word's part-of-speech tag (`word_tag_tab`, as jieba.posseg's)."""
    tokenizer: jieba.Tokenizer
    word_tag_tab: dict[str, str]


def tokenizer(lex: Lexicon) -> Dictionary:
    """jieba's dictionary with our titles and organization names, one per lexicon."""
    with _tokenizer_lock:
        tok = _tokenizers.get(lex.fingerprint)
        if tok is None:
            jieba.setLogLevel(60)
            base = _Tokenizer()
            base.initialize()
            for title in lex.titles:
                base.add_word(title, 2000, "nnt")
            for name in lex.organizations:
                if len(name) >= 3:
                    base.add_word(name, 2000, "nt")
            tok = _tokenizers[lex.fingerprint] = Dictionary(base, word_tags())
        return tok


def line_head(text: str, pos: int, limit: int = 80) -> str:
    """The text from the start of `pos`'s line to `pos`, at most `limit` characters: bylines and credits sit
    near a line's start, and a line of thousands of characters is not searched back each time."""
    return text[max(text.rfind("\n", max(0, pos - limit), pos) + 1, pos - limit):pos]


def within(spans, start: int, end: int) -> bool:
    """Does text[start:end] lie inside one of `spans` (titles of works, slogans)?"""
    return any(a <= start and end <= b for a, b in spans)


def occurrences(text: str, word: str):
    """Start offsets of every occurrence of `word` in `text` (no regex: names differ per article)."""
    if not word:
        return
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


HOME, MEMBERSHIPS, EVENTS, TOKENS = "home", "memberships", "events", "tokens"
KEYS = (TOKENS, HOME, *MENTION_TYPES, MEMBERSHIPS, EVENTS)     # what an extractor may require and assign


class UndeclaredAccess(RuntimeError):
    """An extractor read or wrote something it did not declare: a bug in that extractor's declaration."""


class Doc:
    step = None                 # the extractor running (kg.extract.Component), whose declaration is checked

    def __init__(self, article: Article, lex: Lexicon, tokens: list[Token] | None = None, spans: list | None = None):
        """`tokens`: the tagger's tokens of the article when tagged with others (Tagger.tag_many), else made here;
        `spans`: the mention model's, when run with others (MentionModel.spans_many), else made by retag.py."""
        if tokens is not None:
            self.tokens = tokens
        self.model_spans = spans
        self.article = article
        self.text = article.text
        self.lex = lex
        self.paper = article.paper
        self.ext = Extraction(article)
        self._claimed: list[tuple[int, int]] = []     # sorted, non-overlapping spans of mentions
        self._by_end: dict[int, list[Mention]] = {}   # mentions by where they end
        self._of_types: dict[tuple, list[Mention]] = {}   # `mentions` answers, until the mentions change
        self._home = None
        self._model_index: tuple | None = None        # (the model_spans indexed, {(type, end): spans})

    # --- what the running extractor declared ----------------------------------------------
    def _check(self, keys, write: bool = False) -> None:
        step = self.step
        if step is None:
            return
        allowed = step.writable if write else step.readable
        if not allowed.issuperset(keys):
            bad = [k for k in keys if k not in allowed]
            verb = "writes" if write else "reads"
            raise UndeclaredAccess(f"extractor {step.name} {verb} {', '.join(sorted(set(bad)))}, which it does not "
                                   f"declare ({'ASSIGNS' if write else 'REQUIRES or ASSIGNS'})")

    @property
    def home(self):
        """The paper's home city and province, and the county the article is about (geo.Home)."""
        self._check((HOME,))
        return self._home

    @home.setter
    def home(self, value) -> None:
        self._check((HOME,), write=True)
        self._home = value

    def model_spans_ending(self, type_: str, end: int) -> list:
        """The mention model's spans of `type_` that end at `end`, from an index made once per reading of them."""
        spans = self.model_spans or ()
        if self._model_index is None or self._model_index[0] is not spans:
            index: dict[tuple[str, int], list] = {}
            for sp in spans:
                index.setdefault((sp.type, sp.end), []).append(sp)
            self._model_index = (spans, index)
        return self._model_index[1].get((type_, end), [])

    # --- tokens and sentences -------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[Token]:
        return tagger().tag(self.text)

    def retag(self, tokens: list[Token]) -> None:
        """Replace the tagger's tokens (the model's names read into them: retag.py). No token is empty: every rule
        may read a token's first and last character."""
        self._check((TOKENS,), write=True)
        self.tokens = [t for t in tokens if t.end > t.start]
        self.__dict__.pop("_token_starts", None)

    @cached_property
    def titles(self) -> list[tuple[int, int]]:
        """Spans of the titles of works, inside their marks (《叶问》)."""
        return [(m.start() + 1, m.end() - 1) for m in WORK_TITLE.finditer(self.text)]

    @cached_property
    def cut_titles(self) -> list[tuple[int, int]]:
        """Spans of a title cut off by the text's start (…回忆录》) or end (《…): a fragment of a longer text."""
        text, spans = self.text, []
        first_close, first_open = text.find("》"), text.find("《")
        if first_close >= 0 and (first_open < 0 or first_close < first_open) and "\n" not in text[:first_close]:
            spans.append((0, first_close))
        last_open, last_close = text.rfind("《"), text.rfind("》")
        if last_open > last_close and "\n" not in text[last_open:]:
            spans.append((last_open + 1, len(text)))
        return spans

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, offset: int) -> Token | None:
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap text[start:end], in order."""
        first = max(bisect.bisect_right(self._token_starts, start) - 1, 0)
        last = bisect.bisect_left(self._token_starts, end)
        return [t for t in self.tokens[first:last] if t.start < end and start < t.end]

    def token_index(self, offset: int) -> int:
        return bisect.bisect_right(self._token_starts, offset) - 1

    def is_boundary(self, offset: int) -> bool:
        """Does a token start (or the text or a line end) at `offset`?"""
        if offset <= 0 or offset >= len(self.text) or self.text[offset].isspace() or self.text[offset - 1].isspace():
            return True
        i = bisect.bisect_left(self._token_starts, offset)
        return i < len(self._token_starts) and self._token_starts[i] == offset

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in SENTENCE_END.finditer(self.text):
            if m.end() > start:
                out.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            out.append((start, len(self.text)))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def sentence_text(self, offset: int) -> str:
        s, e = self.sentence_span(offset)
        return self.text[s:e].strip()

    # --- mentions -------------------------------------------------------------------------
    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._claimed, (start, -1))
        for j in (i - 1, i):
            if 0 <= j < len(self._claimed):
                s, e = self._claimed[j]
                if s < end and start < e:
                    return True
        return False

    def add(self, type_: str, start: int, end: int, ref: EntityRef | None = None, value: str | None = None,
            *, claim: bool = True, alias: str | None = None, weak: bool = False) -> Mention | None:
        """Record a mention of text[start:end]; None if it overlaps a claimed span.

        A `weak` mention (one source of evidence, seen once) is reported as a mention but names
        no entity until confirm.py finds it corroborated."""
        self._check((type_,), write=True)
        if start >= end:
            return None
        if claim and self.overlaps(start, end) and (weak or not self.drop_weak(start, end)):
            return None          # taken; stronger evidence replaces only weak mentions it covers
        m = Mention(type_, self.text[start:end], start, end, ref, value, weak=weak)
        self.ext.mentions.append(m)
        self._of_types.clear()
        self._by_end.setdefault(end, []).append(m)
        if claim:
            bisect.insort(self._claimed, (start, end))
        if ref is not None and not weak:
            self.entity(m, alias)
        return m

    def drop_weak(self, start: int, end: int) -> bool:
        """Withdraw the weak mentions inside [start, end) so stronger evidence can claim the span;
        False (and nothing withdrawn) if a strong mention overlaps it."""
        inside = [m for m in self.ext.mentions if m.start < end and start < m.end]
        if any(not m.weak or (m.start < start or m.end > end) and m.value != MODELLED for m in inside):
            return False          # the model's guess alone gives way even where it runs past the span
        if self.step is not None and any(m.type not in self.step.assigns for m in inside):
            return False          # a kind this extractor does not write is not its to withdraw (a place inside an
        #                           organization the model guessed: 龙凤村 of 龙凤村党总支)
        self._of_types.clear()
        for m in inside:
            self.ext.mentions.remove(m)
            self._by_end[m.end].remove(m)
            if (m.start, m.end) in self._claimed:
                self._claimed.remove((m.start, m.end))
        return True

    def entity(self, m: Mention, alias: str | None = None) -> None:
        """Make the entity a mention names part of the article's facts."""
        self.record(m.ref, alias if alias is not None else m.text)
        self.ext.sentences.setdefault(m.ref, self.sentence_text(m.start))

    def ending_at(self, end: int, *types: str) -> list[Mention]:
        """Mentions of `types` that end at offset `end`."""
        self._check(types)
        return [m for m in self._by_end.get(end, []) if m.type in types]

    def ending_at_or_in(self, start: int, end: int, *types: str) -> list[Mention]:
        """Mentions of `types` that begin before `start` and end inside (start, end): 市纪委 in 市纪委书记."""
        self._check(types)
        return [m for k in range(start + 1, end) for m in self._by_end.get(k, []) if m.type in types and m.start < start]

    def mentions(self, *types: str, by_start: bool = True) -> list[Mention]:
        """The mentions of `types` (each a declared read), by where they start, else in the order they were found."""
        if not types:
            raise UndeclaredAccess("Doc.mentions names the types it reads")
        self._check(types)
        key = (types, by_start)
        found = self._of_types.get(key)
        if found is None:        # kept until a mention is added or withdrawn
            found = [m for m in self.ext.mentions if m.type in types]
            if by_start:
                found.sort(key=lambda m: m.start)
            self._of_types[key] = found
        return list(found)

    def mentions_in(self, start: int, end: int, *types: str) -> list[Mention]:
        return [m for m in self.mentions(*types) if start <= m.start and m.end <= end]

    # --- entities and facts ------------------------------------------------------------------
    def record(self, ref: EntityRef, alias: str | None = None) -> EntityInfo:
        """The article's record of the entity `ref`: made by an extractor that assigns its type, amended by one that
        reads it. `alias` is a surface form."""
        self._check((ref.type,), write=ref not in self.ext.entities)
        return self.ext.entity(ref, alias)

    def info(self, ref: EntityRef) -> EntityInfo | None:
        """The article's record of `ref`, if it has one."""
        self._check((ref.type,))
        return self.ext.entities.get(ref)

    def records(self, *types: str) -> list[tuple[EntityRef, EntityInfo]]:
        """Every entity record of `types`, in the order they were made."""
        self._check(types)
        return [(r, i) for r, i in self.ext.entities.items() if r.type in types]

    def forget(self, ref: EntityRef) -> None:
        """Drop the record of an entity no mention names any longer."""
        self._check((ref.type,), write=True)
        self.ext.entities.pop(ref, None)

    @property
    def memberships(self) -> list[Membership]:
        self._check((MEMBERSHIPS,))
        return list(self.ext.memberships)

    def add_membership(self, membership: Membership) -> None:
        self._check((MEMBERSHIPS,), write=True)
        self.ext.memberships.append(membership)

    @property
    def events(self) -> list[EventFact]:
        self._check((EVENTS,))
        return list(self.ext.events)

    def add_events(self, events: list[EventFact]) -> None:
        self._check((EVENTS,), write=True)
        self.ext.events.extend(events)
