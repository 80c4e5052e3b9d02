"""The trained model's names, read into the tagger's tokens before the rules run.

The tagger (LAC) gives each word a part of speech and marks the names it knows (nr person, ns
place, nt organization); the rules of every later component read those marks. The mention model
(mentions.py, trained on MSRA's news, HanLP's word lists and our tune half) finds names the tagger
cuts or misses: `田宗之出席` where the tagger reads 田宗, `禾丰现代农业产业园`, `嘉峪关城市博物馆`. Each
person or place it finds becomes one token of that kind, and the tagger's tokens it cuts keep the rest of
their text; but a place of the model's over a place word of the tagger's (one it opens with, cuts, or a
dictionary knows: _over_a_place_word) is not read (石塘长青蔬菜基地 over 石塘):
on the held-out check half those cost place 0.806 -> 0.791, while the tune half, which the model was trained
on, gained from them (0.828 -> 0.841). Its organizations and posts are left to the rules: read into the tokens,
its organizations' edges (联合高新区文创, 衡阳爱尔眼科医院医疗队) cost more on the tune half than its new
names gained (organization F1 0.845 -> 0.817 with a model not trained on that half), and posts come from
the title lexicon. So the model proposes and the rules dispose: a name still has to pass them to become an
entity.

    市委副书记田宗之出席  ->  市委|副书记|田宗(nr)|之|出席  becomes  市委|副书记|田宗之(nr)|出席

Before that, with the model or without, a name the tagger ran into the word after it is cut back: 王刚来(nr)|衡|
考察 becomes 王刚(nr)|来|衡|考察 (a visit to 衡, the city by its first character), 李明和(nr)|副市长 becomes 李明(nr)|和|副市长.
"""
from __future__ import annotations

import bisect
import os
from dataclasses import replace

from ..datamodel import PERSON, PLACE
from ..lexicon.gazetteer import gazetteer
from .doc import Doc, tokenizer
from .geo import GOVERNMENT_ENDINGS, upper_names
from .mentions import Span, mention_model
from .names import FOREIGN, foreign_name
from .org_patterns import suffix_at
from .tagger import Token

NAME = "model"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("tokens",)

TAGS = {PERSON: "nr", PLACE: "ns"}
NAME_TAGS = ("nr", "ns", "nt", "nz", "nrt", "nrfg")


def model_on() -> bool:
    """False when NEWSKG_MODEL=off: the rules alone, for measuring what the model adds (evaluate.py --layer rules)."""
    return os.environ.get("NEWSKG_MODEL") != "off"


def run(doc: Doc) -> None:
    came = _for_a_post(_place_given_back(_come_apart(doc.tokens, doc.lex)))
    if came is not doc.tokens:
        doc.retag(came)
    if not model_on():
        doc.model_spans = None
        return
    found = doc.model_spans if doc.model_spans is not None else mention_model().spans(doc.text, doc.tokens, doc.lex)
    found = [_verb_trimmed(s, doc) for s in found]
    doc.model_spans = found
    starts = [t.start for t in doc.tokens]
    spans = [s for s in found if s.type in TAGS and _agrees(s, doc, starts)
             and not (s.type == PLACE and _over_a_place_word(s, doc))]
    if spans:
        doc.retag(_for_a_post(retagged(doc.text, doc.tokens, spans)))


LEVELS = ("省", "市", "县", "区")


def _for_a_post(tokens: list[Token]) -> list[Token]:
    """`tokens` with 为 or 任 given back from the body after a name (王建华|为市财政局 -> 为|市财政局, 谭卫国|任市统计局
    -> 任|市统计局)."""
    def body_after(k: int) -> str:     # the body the verb at k opens: the rest of its token, else the next token
        rest = tokens[k].word[1:]
        return rest or (tokens[k + 1].word if k + 1 < len(tokens) else "")

    cut = [k for k, t in enumerate(tokens) if t.pos == "nt" and t.word[:1] in ("为", "任") and k > 0
           and tokens[k - 1].pos == "nr" and body_after(k)[:1] in LEVELS]
    if not cut:
        return tokens
    out = list(tokens)
    for k in reversed(cut):
        t = tokens[k]
        verb = Token(t.word[0], "p" if t.word[0] == "为" else "v", t.start, t.start + 1)
        out[k:k + 1] = [verb, Token(t.word[1:], "nt", t.start + 1, t.end)] if len(t.word) > 1 else [verb]
    return out     # (王明|任/nt|市发展和改革委员会: 任 alone, a verb all the same)


def _over_a_place_word(span: Span, doc: Doc) -> bool:
    """Does the model's place open with a place word of the tagger's (石塘 of 石塘长青蔬菜基地, 衡都 of 衡都社区, read
    by the rules as a village's or a community's name), cut one (金兰湖 cut to 金兰) or hold one a dictionary knows?
    There the tagger's stands. A fragment inside it the tagger misread as a place (芜湖国|际会展|中心) is no word of
    its own: the model's venue 芜湖国际会展中心 is read."""
    known = tokenizer(doc.lex).word_tag_tab
    return any(t.pos == "ns" and len(t.word) > 1 and (t.start <= span.start or t.end > span.end
                                                      or known.get(t.word) == "ns" or t.word in upper_names())
               for t in doc.tokens_in(span.start, span.end))      # (石|鼓书院: a place of one character is a misreading)


def _verb_trimmed(span: Span, doc: Doc) -> Span:
    """A place of the model's less the tagger's adverbs, prepositions and verbs of going to or looking at a site it
    opens with: 实地|察看|年画产业园 is the park, not the inspection of it (but 共享|智能备料中心 is one name)."""
    if span.type != PLACE:
        return span
    start = span.start
    seeing = doc.lex.place_words.get("site_verb", ())
    for t in doc.tokens_in(span.start, span.end):
        if t.start != start or t.end >= span.end or not (t.pos in ("d", "p") or t.pos == "v" and t.word in seeing):
            break
        start = t.end
    if start == span.start:      # 解|放|平溪: the tagger cut the verb too, and the place after it is a word of its own
        verb = next((w for w in seeing if doc.text.startswith(w, start) and span.end - start - len(w) >= 2), "")
        if verb and any(t.start == start + len(verb) and t.pos == "ns" for t in doc.tokens_in(start, span.end)):
            start += len(verb)
    return span if start == span.start else replace(span, start=start)


COMING = "来到赴莅"
JOINING = "和与及"


def _come_apart(tokens: list[Token], lex) -> list[Token]:
    """`tokens` with a person's name that took in the word after it given it back: the tagger reads 王刚来|衡|考察
    (a place by its first character, then the visit) as 王刚来, and 李明和|副市长王强 as 李明和; they are 王刚|来|衡|考察
    and 李明|和|副市长."""
    out: list[Token] = []
    done = 0
    for k, t in enumerate(tokens):
        if t.pos != "nr" or len(t.word) != 3 or t.word[-1] not in COMING and t.word[-1] not in JOINING:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        coming = t.word[-1] in COMING and nxt is not None and len(nxt.word) == 1 and "\u4e00" <= nxt.word <= "\u9fff" \
            and k + 2 < len(tokens) and lex.is_event_verb(tokens[k + 2].word)
        joining = t.word[-1] in JOINING and nxt is not None and (nxt.word in lex.titles or nxt.pos == "nr")
        if coming or joining:
            out += tokens[done:k]
            out += [Token(t.word[:2], "nr", t.start, t.end - 1), Token(t.word[-1], "c" if joining else "v", t.end - 1, t.end)]
            done = k + 1
    return out + tokens[done:] if done else tokens


FOLLOWED_BY_于 = ("在于", "位于", "处于", "至于", "对于", "关于", "等于", "属于", "由于", "置于")


def _place_given_back(tokens: list[Token]) -> list[Token]:
    """`tokens` with a division's first character 于 given back: the tagger reads 在于|都县第一中学 (在 于都县…) as the
    verb 在于, and the school as 都县第一中学."""
    from .geo import upper_names

    out: list[Token] = []
    done = 0
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.word in FOLLOWED_BY_于 and nxt.start == t.end and any(
                ("于" + nxt.word[:n]) in upper_names() for n in range(2, min(len(nxt.word), 4) + 1)):
            out += tokens[done:k]
            out += [Token(t.word[0], "p", t.start, t.end - 1), Token("于" + nxt.word, nxt.pos, t.end - 1, nxt.end)]
            done = k + 2
    return out + tokens[done:] if done else tokens


SURE = 0.35      # the model's score under which its person must keep to the tagger's word ends


def _agrees(span: Span, doc: Doc, starts: list[int]) -> bool:
    """Is the model's name one the tagger does not contradict? Not a single character (港 of 港澳台: MSRA's habit),
    nor a person over the tagger's place or organization (王府井), nor a place over its person (来旺 of 火来旺), nor a
    place that leaves the tagger's word a people's (朝鲜 of 朝鲜族); but a transliterated name outweighs the tagger
    (_transliterated).
    `starts` are the tokens' starts (in order, the tokens do not overlap): only those the span meets are read."""
    if span.end - span.start < 2:
        return False
    tokens = doc.tokens
    other = ("ns", "nt") if span.type == PERSON else ("nr",)     # a venue the tagger reads as an organization is one
    first = max(bisect.bisect_right(starts, span.start) - 1, 0)
    last = bisect.bisect_left(starts, span.end)
    if span.type == PLACE and any(t.start <= span.start and t.end == span.end + 1 and t.word.endswith("族")
                                  for t in tokens[first:last + 1]):
        return False        # 朝鲜|族: a people, not the country
    met = tokens[first:last]
    if span.type == PLACE and _inside_a_body(span, met, doc):
        return False
    if span.type == PERSON and span.score < SURE and (met[0].start < span.start or met[-1].end > span.end):
        return False        # 瓦斯|爆: an unsure name that cuts the tagger's word is no name
    clashing = [t for t in met if t.start < span.end and span.start < t.end and t.pos in other
                and not _named_for(span, t) and not _named_place(span, t, met)]
    return not clashing or _transliterated(span, clashing, doc)


def _inside_a_body(span: Span, met: list[Token], doc: Doc) -> bool:
    """Is the model's place inside a name the tagger reads as an organization's, which ends like one (湖南省|衡南县粮食局,
    湖北省|宜昌市|夷陵区交通运输局, 美国|政府)? Then it is part of that name, no place of its own (EXTRACTION.md: a
    government body is an organization; People's Daily and MSRA read 美国政府 as the place 美国, CLUENER as a body)."""
    return any(t.pos == "nt" and t.start <= span.start and t.end > span.end
               and (suffix_at(doc.text, t.end, doc.lex) or t.word.endswith(GOVERNMENT_ENDINGS)) for t in met)


def _transliterated(span: Span, words: list[Token], doc: Doc) -> bool:
    """Is the model's name a transliteration it is sure of (a person's of three characters or more), holding the tagger's
    names of another kind (阿拉法特/ns, 韦尔特克/nt, 内|塔/ns|尼亚胡: persons; 雅尔塔/nr, 戈兰/nr: places)? Then the model's
    reading stands; a person's, unless the gazetteer knows the word as a place (巴哈马)."""
    word = doc.text[span.start:span.end]
    if span.end - span.start < (2 if span.type == PLACE else 3) or span.score < FOREIGN or not foreign_name(word, doc.lex) \
            or any(t.start < span.start or t.end > span.end for t in words):
        return False
    return span.type == PLACE or word not in gazetteer().countries and word not in upper_names()


def _named_place(span: Span, t: Token, met: list[Token]) -> bool:
    """Does the model's place run from the tagger's person on over a word of a place's kind (范公/nr 社区: the
    community 范公社区, no person 范公)?"""
    rest = [x for x in met if t.end <= x.start < span.end]
    return span.type == PLACE and t.start == span.start and t.end < span.end and bool(rest) \
        and rest[-1].end == span.end and rest[-1].word in PLACE_KINDS


PLACE_KINDS = ("社区", "村", "镇", "乡", "街道", "小区", "村委会", "居委会")


def _named_for(span: Span, t: Token) -> bool:
    """Does the person's name take the first character of the tagger's place or organization, which is that character
    alone (于建|华/nt|为患者: no 华为), that character and 为 (唐国|华为/nt|患者) or reads on as 为 and a body (任命王建|华为
    市财政局局长: 王建华 为 市财政局)?"""
    return span.type == PERSON and t.start == span.end - 1 and (
        t.end - t.start == 1 or t.word[1:2] == "为" and (t.end - t.start == 2 or t.word[2:3] in LEVELS))


def retagged(text: str, tokens: list[Token], spans: list[Span]) -> list[Token]:
    """`tokens` with each span one token of its kind; a token a span cuts keeps its own tag on the rest."""
    out: list[Token] = []
    k = 0
    for sp in spans:
        while k < len(tokens) and tokens[k].end <= sp.start:
            out.append(tokens[k])
            k += 1
        if k < len(tokens) and tokens[k].start < sp.start:       # the part of a token before the span
            t = tokens[k]
            out.append(Token(text[t.start:sp.start], _rest(t.pos), t.start, sp.start))
        out.append(Token(text[sp.start:sp.end], TAGS[sp.type], sp.start, sp.end))
        while k < len(tokens) and tokens[k].end <= sp.end:
            k += 1
        if k < len(tokens) and tokens[k].start < sp.end:          # the part of a token after the span
            t = tokens[k]
            tokens = tokens[:k] + [Token(text[sp.end:t.end], _rest(t.pos), sp.end, t.end)] + tokens[k + 1:]
    out.extend(tokens[k:])
    return out


def _rest(pos: str) -> str:
    """The tag of what a span leaves of a token: a name's tag does not go to a piece of the name."""
    return "n" if pos in NAME_TAGS else pos
