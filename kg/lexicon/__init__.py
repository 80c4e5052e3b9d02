"""The domain knowledge the extractors use, read from the data files beside this module.

Each file is plain UTF-8 text, `#` starts a comment line. A user extends the
knowledge for another newspaper by pointing NEWSKG_LEXICON (or `kg build
--lexicon DIR`) at a folder holding files of the same names: their lines are
added to ours (see README, "Extending the lexicons").
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

HERE = Path(__file__).parent
FILES = ("titles.tsv", "title_prefixes.txt", "party_bodies.tsv", "departments.tsv", "organizations.tsv",
         "org_suffixes.txt", "venue_suffixes.txt", "road_suffixes.txt", "event_triggers.tsv", "surnames.txt",
         "not_names.txt", "occupations.txt", "country_abbreviations.tsv", "title_modifiers.txt", "honorifics.txt",
         "org_units.tsv", "team_cues.tsv", "place_words.tsv", "sports_clubs.tsv", "org_cues.tsv", "parties.tsv",
         "event_words.tsv", "organization_words.tsv", "role_words.tsv", "person_words.tsv")
WORD_FILES = ("event_words", "organization_words", "role_words", "person_words")   # kind<TAB>word files


@dataclass(frozen=True)
class PartyBody:
    canonical: str            # template with {place}
    aliases: tuple[str, ...]  # templates with {place}


@dataclass
class Lexicon:
    titles: dict[str, str | None] = field(default_factory=dict)        # title -> implied org template
    occupations: set[str] = field(default_factory=set)                 # titles that are no post (艺术家)
    abbreviations: dict[str, str] = field(default_factory=dict)        # 美 -> 美国, 京 -> 北京
    title_prefixes: list[str] = field(default_factory=list)
    title_modifiers: list[str] = field(default_factory=list)         # 设计 of 设计总监
    party_bodies: dict[str, PartyBody] = field(default_factory=dict)   # stem after a place -> body
    departments: dict[str, str] = field(default_factory=dict)          # short -> full
    organizations: dict[str, str] = field(default_factory=dict)        # any form -> canonical
    org_aliases: dict[str, set[str]] = field(default_factory=dict)     # canonical -> short forms
    org_suffixes: list[str] = field(default_factory=list)              # longest first
    parties: dict[str, str] = field(default_factory=dict)              # 致公党, 中国致公党 -> 中国致公党
    venue_suffixes: list[str] = field(default_factory=list)
    road_suffixes: list[str] = field(default_factory=list)
    event_nouns: list[str] = field(default_factory=list)
    event_verbs: list[str] = field(default_factory=list)
    event_endings: set[str] = field(default_factory=set)           # 赛, 节, 展: 龙舟赛, 邻里节, 书画展 are events
    event_not_endings: set[str] = field(default_factory=set)       # 发展, 环节: such endings of no event
    event_held_endings: set[str] = field(default_factory=set)      # 会, 演: 签售会, 慈善义演 where they are held
    event_hosts: set[str] = field(default_factory=set)                # 举行, 召开: hold an event, name none
    event_held: tuple[str, ...] = ()          # 举行, 召开, 举办: an event is held (also in event_hosts)
    event_opened: tuple[str, ...] = ()        # 开幕, 闭幕, 开班: an event opens or closes
    event_started: tuple[str, ...] = ()       # 开赛, 鸣枪, 揭牌: something starts at a venue
    event_met: tuple[str, ...] = ()           # 会见, 会谈: people meet at a venue (also in event_verbs)
    event_happenings: set[str] = field(default_factory=set)           # 落水, 开工: the verb is the occurrence
    surnames: set[str] = field(default_factory=set)
    compound_surnames: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    honorifics: list[str] = field(default_factory=list)               # 先生, 总: forms of address after a surname
    org_units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # parent/branch/department -> endings
    team_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # before/after -> words beside a team
    org_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)   # after/before/acronym -> words beside a Latin name
    clubs: dict[str, tuple[str, ...]] = field(default_factory=dict)      # country -> its football clubs' names
    place_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # collective/abbreviated/visit/tail -> words
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # event_words -> name_stop -> words
    fingerprint: str = ""     # changes when any file changes: part of the build cache key
    _patterns: dict = field(default_factory=dict, repr=False)

    @cached_property
    def given_chars(self) -> Counter:
        """Given-name characters and how often jieba's dictionary has them."""
        return _name_chars()[0]

    @cached_property
    def translit_chars(self) -> Counter:
        """Characters of transliterated foreign names and how often jieba's dictionary has them."""
        return _name_chars()[1]

    def kind(self, file: str, kind: str) -> tuple[str, ...]:
        """The words of one kind in one of the kind<TAB>word files (event_words: name_stop), longest first."""
        return self.words.get(file, {}).get(kind, ())

    def word_set(self, file: str, kind: str) -> frozenset[str]:
        """`kind` as a set, made once per lexicon: for the membership tests of the extractors' inner loops."""
        return self.derived(("word_set", file, kind), lambda: frozenset(self.kind(file, kind)))

    def title_org(self, title: str) -> str | None:
        """The organization a title implies (titles.tsv); a deputy's not listed (副支队长) is its chief's."""
        if title not in self.titles and title.startswith("副"):
            title = title[1:]
        return self.titles.get(title)

    def title_kinds(self, title: str) -> tuple[str, ...]:
        """The endings of the bodies a title belongs to by kind (titles.tsv's "@医院|卫生院": 院长 of a 医院), else ()."""
        template = self.title_org(title) or ""
        return tuple(template[1:].split("|")) if template.startswith("@") else ()

    def derived(self, key, make):
        """What `make()` returns (a pattern, a word set made from this lexicon's files), made once per lexicon."""
        value = self._patterns.get(key)
        if value is None:
            value = self._patterns[key] = make()
        return value

    def is_event_verb(self, word: str) -> bool:
        """Is `word` one of event_verbs (a set lookup: the list is sorted for patterns)?"""
        return word in self.derived("event_verb_set", lambda: frozenset(self.event_verbs))

    def alternation(self, key: str, words) -> re.Pattern:
        """One compiled regex matching any of `words`, longest first; compiled once per lexicon."""
        return self.pattern(key, "@", words)

    def pattern(self, key: str, template: str, *words) -> re.Pattern:
        """`template` with its `@` replaced by an alternation of all of `words` (lists of words), longest first;
        compiled once per lexicon (events' `在Y召开` from the `held` verbs, and the like)."""
        def make() -> re.Pattern:
            choice = "|".join(map(re.escape, sorted({w for group in words for w in group if w}, key=len, reverse=True)))
            return re.compile(template.replace("@", choice or "(?!)"))
        return self.derived(("pattern", key), make)

    def last_chars(self, key: str, words) -> frozenset | None:
        """The characters `words` end with, as `ending` reads them under `key` (None when the empty word is one:
        it ends anywhere); a loop over many candidates can pass over the rest without calling `ending`."""
        return self.derived(("ending", key), lambda: _ends(words))[1]

    def ending(self, key: str, words, text: str, end: int) -> str | None:
        """The longest of `words` that text[:end] ends with. Most offsets end in a character no word ends in:
        they are answered by one set lookup, not one per word length."""
        table, last = self.derived(("ending", key), lambda: _ends(words))
        if last is not None and 0 < end <= len(text) and text[end - 1] not in last:
            return None
        for n, group in table:
            if n <= end and text[end - n:end] in group:
                return text[end - n:end]
        return None

    def starting(self, key: str, words, text: str, start: int) -> str | None:
        """The longest of `words` that text[start:] starts with: a set lookup per word length, not a comparison
        per word, and one lookup where no word starts with the character there."""
        table, first = self.derived(("starting", key), lambda: _starts(words))
        if first is not None and text[start:start + 1] not in first:
            return None
        for n, group in table:
            if text[start:start + n] in group:
                return text[start:start + n]
        return None


def _lines(name: str, extra: Path | None) -> list[str]:
    out = []
    for folder in (HERE, extra):
        if folder is None:
            continue
        path = folder / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    out.append(line.rstrip("\n"))
    return out


def _fields(line: str) -> list[str]:
    return [f.strip() for f in line.split("\t")]


def _ends(words) -> tuple[list[tuple[int, set[str]]], frozenset | None]:
    """`words` by length, longest first, and the characters they end with (None when the empty word is one)."""
    words = list(words)
    return _by_length(words), (None if "" in words else frozenset(w[-1] for w in words))


def _starts(words) -> tuple[list[tuple[int, set[str]]], frozenset | None]:
    """`words` by length, longest first, and the characters they start with (None when the empty word is one)."""
    words = list(words)
    return _by_length(words), (None if "" in words else frozenset(w[0] for w in words))


def _by_length(words) -> list[tuple[int, set[str]]]:
    """`words` grouped by length, longest first."""
    by_len: dict[int, set] = {}
    for w in words:
        by_len.setdefault(len(w), set()).add(w)
    return sorted(by_len.items(), reverse=True)


def _kinds(name: str, extra: Path | None) -> dict[str, tuple[str, ...]]:
    """A two-column file of `kind<TAB>word` lines: kind -> its words, longest first."""
    out: dict[str, set[str]] = {}
    for line in _lines(name, extra):
        f = _fields(line)
        if len(f) >= 2 and f[1]:
            out.setdefault(f[0], set()).add(f[1])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Each word of jieba's default dictionary -> its part-of-speech tag (nr, ns, v, ...), as jieba.posseg reads
    them. Importing jieba.posseg reads the dictionary's 349,000 lines again (0.6-1 s, paid by every worker at
    start); the table is kept in the user's cache folder instead, under jieba's version and the file's size
    and time."""
    import jieba

    from ..run.cache import kept

    stat = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat()

    def make() -> dict[str, str]:
        import jieba.posseg
        return dict(jieba.posseg.dt.word_tag_tab)
    return kept("jieba-tags", f"{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}", make)


@lru_cache(maxsize=1)
def _name_chars() -> tuple[Counter, Counter]:
    """From jieba's dictionary: how often each character appears in Chinese given names (its `nr` words)
    and in transliterated foreign names (its `nrt`/`nrfg` words)."""
    given: Counter = Counter()
    foreign: Counter = Counter()
    for word, tag in word_tags().items():
        if tag == "nr" and len(word) in (2, 3):
            given.update(word[1:])
        elif tag in ("nrt", "nrfg") and len(word) >= 2:
            foreign.update(word)
    return given, foreign


@lru_cache(maxsize=4)
def load(extra_dir: str | None = None) -> Lexicon:
    extra = Path(extra_dir) if extra_dir else (Path(os.environ["NEWSKG_LEXICON"]) if os.environ.get("NEWSKG_LEXICON") else None)
    lex = Lexicon()
    for line in _lines("titles.tsv", extra):
        f = _fields(line)
        org = f[1] if len(f) > 1 and f[1] else None
        lex.titles[f[0]] = org
    lex.occupations = {o.strip() for o in _lines("occupations.txt", extra)}
    for o in lex.occupations:
        lex.titles.setdefault(o, None)
    for line in _lines("country_abbreviations.tsv", extra):
        f = _fields(line)
        if len(f) >= 2:
            lex.abbreviations[f[0]] = f[1]
    lex.title_modifiers = sorted({m.strip() for m in _lines("title_modifiers.txt", extra)}, key=len, reverse=True)
    lex.title_prefixes = sorted(set(_lines("title_prefixes.txt", extra)), key=len, reverse=True)
    for line in _lines("party_bodies.tsv", extra):
        f = _fields(line)
        aliases = tuple(a for a in (f[2].split(",") if len(f) > 2 else []) if a)
        lex.party_bodies[f[0]] = PartyBody(f[1], aliases)
    for line in _lines("departments.tsv", extra):
        f = _fields(line)
        if len(f) >= 2:
            lex.departments[f[0]] = f[1]
    for line in _lines("organizations.tsv", extra):
        f = _fields(line)
        canonical = f[0]
        shorts = {a for a in (f[1].split(",") if len(f) > 1 else []) if a}
        lex.organizations[canonical] = canonical
        for s in shorts:
            lex.organizations.setdefault(s, canonical)
        lex.org_aliases.setdefault(canonical, set()).update(shorts)
    for line in _lines("parties.tsv", extra):
        f = _fields(line)
        for form in [f[0], *(a for a in (f[1].split(",") if len(f) > 1 else []) if a)]:
            lex.parties[form] = f[0]
    lex.org_suffixes = sorted(set(_lines("org_suffixes.txt", extra)), key=len, reverse=True)
    lex.venue_suffixes = sorted(set(_lines("venue_suffixes.txt", extra)), key=len, reverse=True)
    lex.road_suffixes = sorted(set(_lines("road_suffixes.txt", extra)), key=len, reverse=True)
    triggers = _kinds("event_triggers.tsv", extra)
    lex.event_nouns = list(triggers.get("noun", ()))
    lex.event_held = triggers.get("held", ())
    lex.event_opened = triggers.get("opened", ())
    lex.event_started = triggers.get("started", ())
    lex.event_met = triggers.get("met", ())
    lex.event_hosts = set(triggers.get("host", ())) | set(lex.event_held)
    lex.event_endings = set(triggers.get("ending", ()))
    lex.event_not_endings = set(triggers.get("not_ending", ()))
    lex.event_held_endings = set(triggers.get("held_ending", ())) | lex.event_endings
    lex.event_verbs = sorted({w for kind, words in triggers.items() if kind not in (
                                  "noun", "host", "held", "opened", "started", "ending", "not_ending", "held_ending")
                              for w in words}, key=len, reverse=True)
    lex.event_happenings = set(triggers.get("happen", ()))
    for s in _lines("surnames.txt", extra):
        s = s.strip()
        (lex.compound_surnames if len(s) == 2 else lex.surnames).add(s)
    lex.not_names = {s.strip() for s in _lines("not_names.txt", extra)}
    lex.honorifics = sorted({s.strip() for s in _lines("honorifics.txt", extra)}, key=len, reverse=True)
    lex.org_units = _kinds("org_units.tsv", extra)
    lex.team_cues = _kinds("team_cues.tsv", extra)
    lex.org_cues = _kinds("org_cues.tsv", extra)
    lex.clubs = _kinds("sports_clubs.tsv", extra)
    lex.place_words = _kinds("place_words.tsv", extra)
    lex.words = {name: _kinds(f"{name}.tsv", extra) for name in WORD_FILES}
    digest = hashlib.sha1()
    for name in FILES:
        for line in _lines(name, extra):
            digest.update(line.encode())
    lex.fingerprint = digest.hexdigest()[:12]
    return lex
