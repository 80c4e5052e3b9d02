"""Sports teams: a name written beside the words of a match report is a club or a side, an organization.

Match reports name teams the way other stories name people and cities: `切尔西vs阿森纳`,
`做客罗马`, `米兰主场`, `战平拉齐奥`. The words that mark a team are data (team_cues.tsv):
`before` ones precede it, `after` ones follow it, and `result` ones (击败, 不敌) precede it.
Players are beaten and play at home too, so only `vs` and 对阵 make a team of a name shaped like
a Chinese person's (张三在主场活动上讲话 names a person). Names of
divisions and countries are left to the place extractor. Once a team is found, its other
occurrences in the article are the team as well.
"""
from __future__ import annotations

import re

from ..datamodel import DATE, ORGANIZATION, EntityRef
from ..lexicon.gazetteer import gazetteer
from .countries import country_pattern
from .doc import Doc, occurrences
from .geo import upper_names
from .names import HAN, common_word, foreign_name, surname_length, valid_name

NAME = "teams"
REQUIRES = ("date", "organization")
ASSIGNS = ("organization",)

TEAM_POS = ("nr", "ns", "nt", "nz", "j", "n", "nrt", "nrfg")


def cue_pattern(lex):
    """Any word of team_cues.tsv, whatever its kind: where a match report's words are."""
    return lex.derived("team_cue_pattern", lambda: lex.alternation(
        "team_cues", [w for kind, words in lex.team_cues.items() if kind not in ("record", "context") for w in words]))


def record_pattern(lex):
    """A won-drawn-lost count right after a team (桑普3胜2平1负): a number and a `record` word of team_cues.tsv."""
    def make() -> re.Pattern:
        words = "|".join(map(re.escape, lex.team_cues.get("record", ()))) or "(?!)"
        return re.compile(rf"\d{{1,2}}(?:{words})(?:\d{{1,2}}(?:{words}))+")

    return lex.derived("team_record", make)


def run(doc: Doc) -> None:
    cues = doc.lex.team_cues
    if not cues:
        return
    text = doc.text
    found: set[str] = set()
    # a club known by name (sports_clubs.tsv), in a sentence about a match; clubs written together (热刺维拉) are apart
    clubs = [m.span() for m in club_pattern(doc.lex).finditer(text)]
    starts, ends = {a for a, _ in clubs}, {b for _, b in clubs}
    for a, b in clubs:
        if a not in ends and b in starts:      # the tagger's guess over a run of clubs (热刺维拉) gives way to each
            while b in starts:
                b = next(y for x, y in clubs if x == b)
            doc.drop_weak(a, b)
    for s, e in clubs:
        if not (s == 0 or doc.is_boundary(s) or not HAN.match(text[s - 1]) or s in ends):
            continue
        if not (e == len(text) or doc.is_boundary(e) or not HAN.match(text[e]) or e in starts):
            continue      # 罗马尼亚: a longer word
        if (not doc.overlaps(s, e) or all(x.weak for x in doc.mentions_in(s, e, DATE, ORGANIZATION))) and _about_a_match(doc, s):
            _claim(doc, s, e, found)
    for m in cue_pattern(doc.lex).finditer(text):
        word = m.group()
        spans = []
        if word in cues.get("after", ()):
            spans.append((_token_ending(doc, m.start()), word))
        if word in cues.get("before", ()) or word in cues.get("result", ()):
            spans.append((_token_starting(doc, m.end()), word))
        for span, cue in spans:
            if span is not None and _team_name(doc, *span, person_shaped_ok=cue.lower() == "vs" or cue == "对阵"):
                _claim(doc, *span, found)
    for m in record_pattern(doc.lex).finditer(text):
        span = _token_ending(doc, m.start())
        if span is not None and _team_name(doc, *span, person_shaped_ok=True):
            _claim(doc, *span, found)
    for s, e in _national_teams(doc):
        _claim(doc, s, e, found)
    _coordinated(doc, found)
    for name in sorted(found, key=len, reverse=True):     # the same team named again without a cue
        for k in occurrences(text, name):
            if doc.is_boundary(k) and doc.is_boundary(k + len(name)):
                doc.add(ORGANIZATION, k, k + len(name), EntityRef(ORGANIZATION, name))


NATIONAL = re.compile(r"(?:国家|男子|女子|男|女)?队")


def _national_teams(doc: Doc) -> list[tuple[int, int]]:
    """A country's side (中国队, 印尼女队, 保加利亚国家队) where the tagger wrote the country apart from 队, and the word
    ends there (中国|队员 is a player)."""
    text = doc.text
    out = []
    for m in country_pattern(doc.lex).finditer(text):
        if (t := NATIONAL.match(text, m.end())) and doc.is_boundary(m.start()) and doc.is_boundary(t.end()) \
                and (not doc.overlaps(m.start(), t.end())
                     or all(x.weak for x in doc.mentions_in(m.start(), t.end(), DATE, ORGANIZATION))):
            out.append((m.start(), t.end()))
    return out


def _claim(doc: Doc, s: int, e: int, found: set[str]):
    """text[s:e] is a team: the weak guesses over it give way, and its name is looked for again (see run)."""
    name = doc.text[s:e]
    found.add(name)
    doc.drop_weak(s, e)
    return doc.add(ORGANIZATION, s, e, EntityRef(ORGANIZATION, name))


COORDINATION = ("、", "和", "与", "及", "对", "vs", "VS", "Vs")


def _coordinated(doc: Doc, found: set[str]) -> None:
    """Names written in a list or a pairing with a club (皇马、比利亚雷亚尔和马洛卡, 利兹和热刺, 勒沃对拜仁) are clubs too,
    if they are transliterated names (a Chinese person's name beside a club stays a person's). 和 and 与 join a player
    to his club as well, so they count only in a sentence about a match."""
    text = doc.text
    clubs = doc.lex.derived("club_names", lambda: {c.lower() for names in doc.lex.clubs.values() for c in names})
    todo = [m for m in doc.mentions(ORGANIZATION) if m.text in found or m.text.lower().rstrip("队") in clubs]
    seen = {(m.start, m.end) for m in todo}
    while todo:
        m = todo.pop()
        for sep in COORDINATION:
            for span in (_token_starting(doc, m.end + len(sep)) if text.startswith(sep, m.end) else None,
                         _token_ending(doc, m.start - len(sep)) if text.endswith(sep, 0, m.start) else None):
                if span is None or span in seen:
                    continue
                if sep in ("和", "与", "及") and not _about_a_match(doc, m.start):
                    continue
                word = text[span[0]:span[1]]
                if not foreign_name(word, doc.lex) or not _team_name(doc, *span, person_shaped_ok=False):
                    continue
                seen.add(span)
                new = _claim(doc, *span, found)
                if new is not None:
                    todo.append(new)


def club_pattern(lex):
    """Any club of sports_clubs.tsv, in any letter case (ac米兰), with the word 队 written after it (布莱克本队)."""
    def make() -> re.Pattern:
        names = sorted({c for names in lex.clubs.values() for c in names}, key=len, reverse=True)
        # the first letters as a class up front: re passes over other offsets at once only when no name begins with
        # a cased letter (ac米兰 does), else each offset tried every name (a sixth of the time, same matches)
        first = f"(?=[{''.join(sorted({re.escape(n[0]) for n in names}))}])" if names else ""
        return re.compile(rf"{first}(?:{'|'.join(map(re.escape, names)) or '(?!)'})队?", re.IGNORECASE)

    return lex.derived("clubs", make)


def _about_a_match(doc: Doc, pos: int) -> bool:
    """Does the sentence around `pos` read as a match report: a context or cue word (team_cues.tsv) in it? (Two
    clubs alone are not enough: 巴塞罗那 and 马拉加 are cities too.)"""
    s, e = doc.sentence_span(pos)
    sentence = doc.text[s:e]
    cues = doc.lex.team_cues
    return any(w in sentence for kind in ("context", "before", "after", "result") for w in cues.get(kind, ()))


def _token_ending(doc: Doc, end: int) -> tuple[int, int] | None:
    """The tagger's word ending at `end`, or the head of a name it ran on into the cue (曼联|客场防平局)."""
    t = doc.token_at(end - 1) if end > 0 else None
    if t is None or t.end != end and not (t.pos in ("nt", "nr", "nz") and end - t.start >= 2):
        return None
    return t.start, end


def _token_starting(doc: Doc, start: int) -> tuple[int, int] | None:
    t = doc.token_at(start)
    return (t.start, t.end) if t is not None and t.start == start else None


def _team_name(doc: Doc, s: int, e: int, *, person_shaped_ok: bool) -> bool:
    word = doc.text[s:e]
    if not 2 <= len(word) <= 8 or not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in word):
        return False
    tok = doc.token_at(s)
    if tok is None or tok.pos not in TEAM_POS or common_word(doc.lex, word, 50):
        return False          # 主队, 对手, 球队: words for a side, not its name
    if word in upper_names() or word in gazetteer().countries or word in doc.lex.titles \
            or word in doc.lex.abbreviations.values():
        return False          # 意大利, 上海, 欧洲 (击败欧洲冠军…): a place (or its side) is the place extractor's
    if (not person_shaped_ok and tok.pos not in ("ns", "nt") and surname_length(word, 0, doc.lex)
            and valid_name(word, doc.lex, tagged=tok.pos == "nr")):
        return False          # 李娜击败…: players are beaten too (罗马 the tagger reads as a place or team)
    return not doc.overlaps(s, e) or all(m.weak for m in doc.mentions_in(s, e, DATE, ORGANIZATION))
