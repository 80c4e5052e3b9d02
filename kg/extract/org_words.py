"""What an organization's name looks like, word by word: a kind of organization written with common words (贷款公司),
a department with no place (税务局), the rest of a tagger's word after a known name (招行|首建). Read by
organizations.py when it checks a candidate."""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from .doc import Doc
from .geo import LEVEL_WORDS
from .names import common_word
from .org_patterns import suffix_at

WORDS = "organization_words"     # kg/lexicon/organization_words.tsv
SINGLE_SUFFIXES = {"厅", "局", "委", "办", "署", "部", "科", "处"}


def generic_core(core: str, lex: Lexicon) -> bool:
    """Is the part of a name before its ending only common words (贷款公司, 国内银行, 客服中心)?"""
    from .doc import tokenizer

    tok = tokenizer(lex)
    words = list(tok.tokenizer.cut(core, HMM=False))
    return all(tok.word_tag_tab.get(w, "x")[:1] in ("n", "v", "a", "d", "f", "m", "q", "b", "s") and
               tok.word_tag_tab.get(w, "x")[:2] not in ("nr", "ns", "nt", "nz") and
               tok.tokenizer.FREQ.get(w, 0) >= 200 for w in words)


def no_name(surface: str, lex: Lexicon) -> bool:
    """Is `surface`, a candidate, no organization the graph names: a kind of one (大会主席团), not in Chinese
    (“公司+合作社+农户”), a list (…纪念馆等景区) or a place by its ending (小海子村民小组: a group, organization_words'
    place_ending)?"""
    from .org_names import hanzi_or_mid

    return surface in lex.word_set(WORDS, "generic") or not hanzi_or_mid(surface) or "等" in surface[2:-1] \
        or surface.endswith(tuple(lex.word_set(WORDS, "place_ending")))


def bare_department(surface: str, lex: Lexicon) -> bool:
    return surface in lex.departments or surface in lex.departments.values() or surface in (
        "税务局", "公安局", "财政局", "教育局", "卫健局", "运输局", "民政局", "政协", "人大")


def not_a_name_part(word: str, k: int, lex: Lexicon) -> bool:
    """Is the rest of `word` (one word of the tagger's) after a known name ending at `k` no part of an organization's
    name (招行|首建, 招行|信用卡, 京东|jd)? An ending of a name (国务院外办, 联合国安理会) or a unit (致公党中央)
    goes on naming a body; a dictionary word across the known name (北大荒) is another word."""
    from .doc import tokenizer

    rest = word[k:]
    if rest.isascii():
        return rest.isalpha()
    if suffix_at(rest, len(rest), lex) or any(rest.startswith(w) for kind in ("body", "branch", "department", "term")
                                               for w in lex.org_units.get(kind, ())):
        return False
    tok = tokenizer(lex)
    if len(next(iter(tok.tokenizer.cut(word, HMM=False)), "")) > k:
        return False
    if len(rest) == 1:
        return tok.word_tag_tab.get(rest, "x")[:1] in ("p", "c", "d", "u", "v")      # 立博|同赔率
    return all("\u4e00" <= c <= "\u9fff" for c in rest) and not any(
        tok.word_tag_tab.get(w, "x").startswith(("nt", "ns", "nz", "j")) for w in tok.tokenizer.cut(rest, HMM=False))


def ends_department(word: str, lex: Lexicon) -> bool:
    return any(word.endswith(d) for d in lex.departments) or word.endswith(("税务局", "公安局", "财政局", "教育局"))


def acceptable(name: str, suffix: str, lex: Lexicon) -> bool:
    if name in lex.word_set(WORDS, "generic") or len(name) < 2 or name in lex.departments.values() or name in lex.departments:
        return False      # 税务局 alone: some tax bureau, no name
    core = name[: len(name) - len(suffix)]
    if suffix in SINGLE_SUFFIXES and len(core) < 2:
        return False
    if not core:
        return False
    if re.match(r"^[\d一二三四五六七八九十两几多各该本此这那其每]", name):
        return False
    if len(suffix) >= 2 and core[:1] not in LEVEL_WORDS and generic_core(core, lex):
        return False      # 贷款公司, 客服中心: a kind of organization, not one (市…支队 is the city's)
    return True


def tagged_known(doc: Doc, s: int, e: int) -> bool:
    """Is text[s:e] a known name at the start of a word the tagger reads, the rest no part of its name (招行|首建)?"""
    t = doc.token_at(s)
    return (doc.text[s:e] in doc.lex.organizations and t is not None and t.start == s and t.pos in ("nt", "nz")
            and t.end > e and not_a_name_part(t.word, e - s, doc.lex))


def tagged_whole(doc: Doc, s: int, e: int) -> bool:
    t = doc.token_at(s)
    return t is not None and t.start == s and t.end == e and t.pos == "nt"


def website(doc: Doc, tok) -> bool:
    """Is the tagger's proper noun a website's name (天涯网, 中新网): Chinese characters ending in 网, no dictionary word
    (互联网, 局域网)?"""
    word = tok.word
    if tok.start > 0 and doc.text[tok.start - 1] in "·•":
        return False      # 腾讯·大湘网: the website of a company written before it, one name
    return (3 <= len(word) <= 6 and word.endswith("网") and all("\u4e00" <= c <= "\u9fff" for c in word)
            and not common_word(doc.lex, word, 1))
