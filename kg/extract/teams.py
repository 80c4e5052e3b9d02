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

from ..gazetteer import gazetteer
from ..model import ORGANIZATION, EntityRef
from .doc import Doc, occurrences
from .geo import upper_names
from .names import common_word, surname_length, valid_name

NAME = "teams"
REQUIRES = ("organization",)
ASSIGNS = ("organization",)

TEAM_POS = ("nr", "ns", "nt", "nz", "j", "n", "nrt", "nrfg")


def cue_pattern(lex):
    """Any word of team_cues.tsv, whatever its kind: where a match report's words are."""
    return lex.alternation("team_cues", [w for words in lex.team_cues.values() for w in words])


def run(doc: Doc) -> None:
    cues = doc.lex.team_cues
    if not cues:
        return
    text = doc.text
    found: set[str] = set()
    for m in cue_pattern(doc.lex).finditer(text):
        word = m.group()
        spans = []
        if word in cues.get("after", ()):
            spans.append((_token_ending(doc, m.start()), word))
        if word in cues.get("before", ()) or word in cues.get("result", ()):
            spans.append((_token_starting(doc, m.end()), word))
        for span, cue in spans:
            if span is not None and _team_name(doc, *span, person_shaped_ok=cue.lower() == "vs" or cue == "对阵"):
                found.add(text[span[0]:span[1]])
                doc.drop_weak(*span)
                doc.add(ORGANIZATION, *span, EntityRef(ORGANIZATION, text[span[0]:span[1]]))
    for name in sorted(found, key=len, reverse=True):     # the same team named again without a cue
        for k in occurrences(text, name):
            if doc.is_boundary(k) and doc.is_boundary(k + len(name)):
                doc.add(ORGANIZATION, k, k + len(name), EntityRef(ORGANIZATION, name))


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
    if word in upper_names() or word in gazetteer().countries or word in doc.lex.titles:
        return False          # 意大利, 上海: a place (or its side) is the place extractor's
    if (not person_shaped_ok and tok.pos not in ("ns", "nt") and surname_length(word, 0, doc.lex)
            and valid_name(word, doc.lex, tagged=tok.pos == "nr")):
        return False          # 李娜击败…: players are beaten too (罗马 the tagger reads as a place or team)
    return not doc.overlaps(s, e) or all(m.weak for m in doc.mentions_in(s, e))
