"""Transliterated names: where one the tagger read ends, whether it goes on past the tagger's cut, and whether a
place's ending after it makes it part of the place's name. Chinese names are read in names.py; these are the
persons' step's readings of foreign ones (克林顿, 安吉丽娜·茱莉, 沙波什|尼科夫, 范布隆霍斯特)."""
from __future__ import annotations

from .doc import Doc
from .names import DOTS, foreign_name, surname_length, valid_name


def mostly_transliterated(word: str, lex) -> bool:
    """Are three in five of the word's characters or more ones transliterations use often (范马尔维克, 伊丽莎白; not
    刘教清文)? A transliteration often opens like a Chinese name (范, 伊 are surnames)."""
    return sum(lex.translit_chars[c] >= 15 for c in word) >= 0.6 * len(word)


def names_a_place(doc: Doc, end: int) -> bool:
    """Does a venue's or place's ending follow a transliterated name (格拉斯小镇, 盖蒂别墅, 卢浮宫博物馆)? Then the name
    is part of the place's."""
    lex = doc.lex
    words = lex.derived("named_after", lambda: tuple(lex.place_words.get("named_after", ())) + tuple(
        lex.venue_suffixes) + tuple(x for x in lex.org_suffixes if len(x) >= 2))
    return doc.text.startswith(words, end)


def split_tail(doc: Doc, start: int, end: int) -> int:
    """A transliterated name the tagger cut in two (沙波什|尼科夫): the next word, if it is a transliteration too and
    no place's name (克林顿|俄罗斯 are two), continues the name."""
    from ..lexicon.gazetteer import gazetteer
    from .geo import upper_names

    nxt = doc.token_at(end)
    if nxt is None or nxt.start != end or nxt.pos not in ("nr", "ns", "nz") or not 2 <= len(nxt.word) <= 4:
        return end
    whole = doc.text[start:nxt.end]
    if surname_length(nxt.word, 0, doc.lex) and valid_name(nxt.word, doc.lex):
        return end        # 王光英|王维山: Chinese names written together are two
    if (not foreign_name(nxt.word, doc.lex) or not foreign_name(whole, doc.lex) or nxt.word in gazetteer().countries
            or nxt.word in upper_names() or len(whole) > 8 or names_a_place(doc, nxt.end)):
        return end
    return nxt.end


def foreign_end(doc: Doc, end: int) -> int:
    """Where a foreign name ends: on past a dot or hyphen and the transliteration after it."""
    text = doc.text
    while end + 1 < len(text) and text[end] in DOTS:
        k = end + 1
        while k < len(text) and doc.lex.translit_chars[text[k]] >= 5 and not (   # (扬·伊利埃斯库|和|由他率领的)
                (t := doc.token_at(k)) is not None and t.start == k and t.pos in ("c", "p")):
            k += 1
        if k == end + 1:
            break
        end = k
    k = end
    while k < len(text) and doc.lex.translit_chars[text[k]] >= 5 and not doc.is_boundary(k) and k - end < 3:
        k += 1          # 安吉丽|娜: the tagger stopped inside the name
    return k if k == len(text) or doc.is_boundary(k) else end
