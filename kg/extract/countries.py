"""Countries and places written without a place's ending: country names (中国, 俄罗斯), one-character names in
their usual settings (中美关系, 访华, 港澳台: country_abbreviations.tsv), collective names (两岸, 东盟:
place_words.tsv) and the tagger's other place words. Called by places.py after division names are read."""
from __future__ import annotations

import re

from ..datamodel import PLACE, EntityRef
from ..lexicon.gazetteer import gazetteer
from .doc import SLOGAN, Doc, occurrences, within
from .geo import abbreviation_run
from .names import common_word

KINDS = re.compile(r"(?:大|小|中小|大中|大中小|各|特大|超大)?(?:城市|城镇|乡村|农村)")
GEO_ENDING = re.compile(r"(?:州|岛|群岛|半岛|山|山脉|湖|河|江|海|湾|洲|峰|岭|峡|谷|港|湾|盆地|平原|高原|草原|沙漠|国)$")


def _slogans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of the slogans and set phrases a country's name is part of (中国式现代化, 健康中国: place_words' slogan)."""
    words = doc.lex.place_words.get("slogan", ())
    return [m.span() for m in doc.lex.alternation("slogans", words).finditer(doc.text)] if words else []


def tagged_places(doc: Doc) -> None:
    """The tagger's places the gazetteer does not hold (洛杉矶, 亚太, 喀喇昆仑山): weak mentions, kept when a
    dictionary knows the word as a place or its ending is a geographic one. A generic tail is no part of the
    name (亚太地区 -> 亚太)."""
    from .doc import tokenizer

    tok = tokenizer(doc.lex)
    tails = doc.lex.place_words.get("tail", ())
    collective = set(doc.lex.place_words.get("collective", ()))       # 两岸: collective() decides those
    modelled = {(s.start, s.end) for s in doc.model_spans or () if s.type == PLACE
                and doc.text[s.start:s.end] not in collective}
    inside = _slogans(doc)
    for t in doc.tokens:
        if t.pos != "ns" or len(t.word) < 2 or doc.overlaps(t.start, t.end):
            continue
        if not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in t.word) or KINDS.fullmatch(t.word):
            continue          # (大城市, 中小城镇: kinds of place the dictionary tags as places; 汉城市 is Seoul)
        word, end = t.word, t.end
        tail = next((x for x in tails if word.endswith(x) and len(word) - len(x) >= 2), None)
        if tail is not None:
            word, end = word[:-len(tail)], end - len(tail)
        known = tok.word_tag_tab.get(word) == "ns"
        if known or GEO_ENDING.search(word) or tail is not None or (t.start, t.end) in modelled:
            slogan = within(inside, t.start, end)
            doc.add(PLACE, t.start, end, EntityRef(PLACE, word, ""), value=SLOGAN if slogan else "area", weak=True)


def abbreviated(doc: Doc) -> None:
    """One-character place names in their usual settings: pairs before a word of relations (中美关系,
    中俄两国) or read by the tagger as one word (中德, 港澳台), each a place of its own; a side (中方, 美方);
    after a verb of travel or dealing (访华, 驻美, 对台); inside set words (华侨, 台胞, 抗日: place_words.tsv).
    Weak mentions."""
    abbr = doc.lex.abbreviations
    chars = "".join(abbr)
    pair = doc.lex.derived("abbr_pairs", lambda: re.compile(rf"[{chars}]{{2,3}}(?={PAIR_AFTER})"))
    text = doc.text
    spans = []
    for m in pair.finditer(text):
        if len({abbr[c] for c in m.group()}) == len(m.group()):    # 中美 two places; 中华(人民) one, no pair
            spans.extend(range(m.start(), m.end()))
    for t in doc.tokens:
        if t.pos in ("ns", "nt", "nz", "j") and abbreviation_run(t.word, abbr) and not _region(doc, t.word):
            spans.extend(range(t.start, t.end))
    for m in re.finditer(rf"([{chars}])方", text):
        k = m.start(1)
        t = doc.token_at(k)
        if doc.is_boundary(k) and t is not None and t.end in (k + 1, k + 2) and (
                m.end() == len(text) or not "\u4e00" <= text[m.end()] <= "\u9fff" or doc.is_boundary(m.end())):
            spans.append(k)       # 同美方签署, 委员会中方主席: not 地方, 双方, 东方
    visit = "".join(doc.lex.place_words.get("visit", ()))
    for m in re.finditer(rf"(?<=[{visit}])[{chars}]|(?<=[在旅])华|(?<=[晋在])京", text):
        k = m.start()
        t = doc.token_at(k)
        if t is not None and t.end == k + 1 and t.start in (k - 1, k) and doc.is_boundary(k - 1):
            spans.append(k)       # 访美, 驻港, 对华; not 对法律, 来日方长, 采访中
    marked = doc.lex.derived("abbreviated_marks", lambda: [_marks(w) for w in doc.lex.place_words.get("abbreviated", ())])
    for plain, marks in marked:
        for k in occurrences(text, plain):
            if doc.is_boundary(k) or doc.token_at(k) is not None and doc.token_at(k).start == k:
                spans.extend(k + i for i in marks if text[k + i] in abbr)
    for k in sorted(set(spans)):
        if not doc.overlaps(k, k + 1):
            doc.add(PLACE, k, k + 1, EntityRef(PLACE, abbr[text[k]], ""), value="country", weak=True)


def _region(doc: Doc, word: str) -> bool:
    """Is `word`, though made of countries' one-character names, a region's name a dictionary knows well (中亚, 中东,
    南亚), not a pair (中美, 中俄)?"""
    from .doc import tokenizer

    tok = tokenizer(doc.lex)
    return tok.word_tag_tab.get(word) == "ns" and tok.tokenizer.FREQ.get(word, 0) >= 500


def _marks(word: str) -> tuple[str, list[int]]:
    """A place_words.tsv word with its abbreviating characters in brackets ([华]侨, 抗[日]): the plain word, and
    where in it each bracketed character stands."""
    return word.replace("[", "").replace("]", ""), [i - 2 * word[:i].count("[") for i, c in enumerate(word) if c == "["]


def collective(doc: Doc) -> None:
    """Names of a whole region or land (两岸 for the mainland and Taiwan, 中华, 大陆): mentions that name no one
    node, unless a noun before makes the word generic (湘江两岸, 非洲大陆)."""
    words = doc.lex.place_words.get("collective", ())
    if not words:
        return
    text = doc.text
    for m in doc.lex.alternation("collective_places", words).finditer(text):
        s, e = m.span()
        t = doc.token_at(s)
        if within(doc.titles, s, e):
            continue      # 《中华人民共和国民法通则》: a law's title
        if doc.overlaps(s, e) or t is None or t.start != s or t.end != e and not common_word(doc.lex, t.word, 1,
                                                                                             names_too=True):
            continue      # 中华民族 is a word, 中华粮网 a name
        i = doc.token_index(s)
        before = doc.tokens[i - 1] if i > 0 else None
        if before is not None and before.end == s and before.pos in ("n", "ns", "nz", "nt", "nr", "s", "f", "a", "j"):
            continue
        doc.add(PLACE, s, e)


PAIR_AFTER = ("关系|两国|三国|双方|合作|友好|会谈|边界|边境|建交|贸易|经贸|首脑|联合|峰会|战略|之间|交流|谈判|对话|协定|"
              "条约|友谊|外长|领导人|贸易额|经济|两岸|人民")


def country_pattern(lex):
    """The names of countries (two characters or more) as one pattern, built once per lexicon."""
    return lex.alternation("countries", (n for n in gazetteer().countries if len(n) >= 2))


def countries(doc: Doc) -> None:
    countries = gazetteer().countries
    text = doc.text
    inside = _slogans(doc)
    for m in country_pattern(doc.lex).finditer(text):
        if doc.overlaps(m.start(), m.end()) or not (doc.is_boundary(m.start()) and doc.is_boundary(m.end())):
            continue
        if within(doc.titles, m.start(), m.end()):
            continue      # 《中华人民共和国农业法》: a law's title, no place of the article
        if within(inside, m.start(), m.end()):
            doc.add(PLACE, m.start(), m.end(), EntityRef(PLACE, countries[m.group()]), value=SLOGAN, weak=True)
            continue      # 中国式现代化, 健康中国: a slogan, no place of the article's (a mention for kg ner)
        if text.startswith("人民", m.end()):
            continue          # 中国人民抗日战争胜利纪念日: part of a name, not the country
        ref = EntityRef(PLACE, countries[m.group()])
        if doc.add(PLACE, m.start(), m.end(), ref) is not None:
            doc.record(ref).kind = "country"


QUOTED_SLOGAN = re.compile(r"“([^“”\n]{4,30})”(?=主题|系列|专题|活动|宣传)|“([^“”\n]{3,30}?(?:节|日|周|月|赛|杯|行动|工程))”")


def quoted_names(doc: Doc) -> None:
    """A place named only inside a quoted slogan or event's name (“建设法治太原”主题活动, “中国农民丰收节”) is no place of
    the article (EXTRACTION.md: places): its mentions there stay mentions, of no entity."""
    spans = [m.span(1) if m.group(1) else m.span(2) for m in QUOTED_SLOGAN.finditer(doc.text)]
    if not spans:
        return
    places = doc.mentions(PLACE)
    quoted = [m for m in places if not m.weak and within(spans, m.start, m.end)]
    for m in quoted:
        m.weak, m.value = True, SLOGAN
    for ref in {m.ref for m in quoted if m.ref is not None}:
        if not any(x.ref == ref and not x.weak for x in places):
            doc.forget(ref)
