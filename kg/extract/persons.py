"""Persons beyond title phrases: bylines, credits, leader lists, quoted residents, and every repeat.

Evidence that a surname-shaped word is a person, strongest first: a byline or
photo credit (`本报讯（王苏燕 通讯员 康小军）`, `■张建新 摄`, `本报记者管培文北京报道`,
names closing a report `（周峰乔丽丽）`); a list after 领导 (`市领导张霞、龚学余`); a word that
describes a person just before it (村民, 母亲, 学子) or speech, a form of address
or a pseudonym's mark just after (说, 表示, 先生, （化名）); a person's name on a
studio (`刘晓琼委员工作室`); jieba's name tag on a word the article repeats.
Surnames with honorifics (唐先生) and anonymised names (谭某某) are never
persons, nor names only inside a work's title. Once a name is believed, each of
its occurrences is a mention.
"""
from __future__ import annotations

import re

from ..datamodel import PERSON, PLACE, EntityRef
from .credits import BYLINE_PARENS, CLOSING_BYLINE, CREDIT, PHOTO_CREDITS, SPACED, split_names
from .doc import SLOGAN, Doc, occurrences, within
from .event_names import EVENT_ENDS
from .foreign_names import foreign_end, mostly_transliterated, names_a_place, split_tail
from .names import (
    DOTS,
    FOREIGN,
    HAN,
    HAN_RUN,
    addressed,
    apart_name,
    before_a_post,
    byline_titles,
    common_word,
    foreign_name,
    is_word,
    model_agrees,
    model_reads_whole,
    named_for_a_post,
    person_name,
    read_name,
    read_names,
    surname_length,
    valid_name,
)

NAME = "persons"
REQUIRES = ("role", "place")
ASSIGNS = ("person", "organization", "place")    # organization, place: weak guesses a name overlaps are withdrawn

LEADERS = re.compile(r"(?:[省市县区镇乡]|中央|国家)?(?:领导|负责同志)")
SPEECH = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}地)?(?:说|表示|介绍|指出|强调|认为|告诉|坦言|回忆|解释|感慨|笑着说|称|透露|"
                    r"建议|希望|提出|谈到|说道|补充|答道|回答|一行|等人|同志|家中|家里|老人|主持|出席|讲话|致辞|率队|带队|宣布|会见|"
                    r"调研|看望|慰问|参加|作主旨|作报告|作讲座|主讲|做客|在接受|[（(]化名)")
VISITED_HOME = re.compile(r"(?:家中|家里)")          # 在吴国安家中, 来到谢福生家里: whose home is visited
VISIT_BEFORE = re.compile(r"(?:在|来到|走进|到|前往|赶到)$")
REPORTED = ("报道", "发自", "专电", "电）", "电)")     # after a reporter's name, or the place after it
STUDIO = re.compile(r"(?:委员|代表|劳模|名师|大师|技能大师|专家)?工作室")
WORD_TAGS = ("n", "t", "v", "vn", "a", "ad", "an", "d", "f", "s", "m", "q")     # the tagger's words that are no name
LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9-]{1,19}(?![A-Za-z0-9])")
SURNAME_TITLE = re.compile(r"([\u4e00-\u9fff])(?:主席|总理|副主席|副总理|委员长|总书记|书记|部长|省长|市长)(?![\u4e00-\u9fff]{0,1}[长员])")


def run(doc: Doc) -> None:
    known: set[str] = {m.text for m in doc.mentions(PERSON)}
    _credits(doc, known)
    for m in LEADERS.finditer(doc.text):                # leader lists
        for s, e in read_names(doc, m.end()):
            _believe(doc, s, e, known)
    _visited_homes(doc, known)
    _by_context(doc, known)
    _cut_surnames(doc, known)
    _tagged_names(doc, known)
    _latin_names(doc)
    for m in SURNAME_TITLE.finditer(doc.text):
        # a surname before a leader's title stands for the person (江主席, 李总理): a mention with no entity
        s = m.start(1)
        if m.group(1) in doc.lex.surnames and (s == 0 or not HAN.match(doc.text[s - 1])) and not doc.overlaps(s, s + 1):
            _add(doc, s, s + 1)
    _coordinated(doc, known)
    _repeats(doc, known)
    _in_doctrines(doc)


def _visited_homes(doc: Doc, known: set[str]) -> None:
    """The person whose home is visited (在吴国安家中, 来到谢福生家里), over a weak guess the name overlaps."""
    text = doc.text
    for m in VISITED_HOME.finditer(text):
        for n in (3, 2):
            i = m.start() - n
            if i > 0 and VISIT_BEFORE.search(text, max(0, i - 4), i) and valid_name(text[i:m.start()], doc.lex, tagged=True) \
                    and (doc.drop_weak(i, m.start()) or not doc.overlaps(i, m.start())):
                _believe(doc, i, m.start(), known, strict=True)
                break


def _credits(doc: Doc, known: set[str]) -> None:
    """Bylines and credits: every name-shaped word in them is a person."""
    text = doc.text
    for m in BYLINE_PARENS.finditer(text):
        _names_in_span(doc, m.start(1), m.end(1), known)
    for m in _byline_titled(doc.lex).finditer(text):
        if not any(a <= m.start(1) < b for a, b in ((x.start(1), x.end(1)) for x in BYLINE_PARENS.finditer(text, max(0, m.start() - 20)))):
            _names_in_span(doc, m.start(1), m.end(1), known)
    for m in CREDIT.finditer(text):
        _spaced_names(doc, m.start(1), m.end(1), known)
        _names_in_span(doc, m.start(1), m.end(1), known)
    for pattern in PHOTO_CREDITS:      # （刘芳 摄）, 作者：刘芳, 文/图 刘芳: only names stand there (EXTRACTION.md: persons)
        for m in pattern.finditer(text):
            _spaced_names(doc, m.start(1), m.end(1), known)
            for run in re.finditer(r"[\u4e00-\u9fff]{2,4}", m.group(1)):
                _names_in_run(doc, m.start(1) + run.start(), run.group(), known, after_post=True,
                              alone=run.group() == m.group(1).strip(" \u3000、"))
    _reporters(doc, known)
    for m in CLOSING_BYLINE.finditer(text):
        for a, b in split_names(doc.lex, m.group(1)):
            _believe(doc, m.start(1) + a, m.start(1) + b, known, byline=True)


def _spaced_names(doc: Doc, start: int, end: int, known: set[str]) -> None:
    """Two-character names written with a space in a credit (■曹 辉 摄, （曹 辉 摄）): one person each."""
    for m in SPACED.finditer(doc.text, start, end):
        name = person_name(m.group())
        if doc.text[m.start()] in doc.lex.surnames and valid_name(name, doc.lex, byline=True):
            if _add(doc, m.start(), m.end(), EntityRef(PERSON, name, doc.paper.city)) is not None:
                known.add(name)


def _by_context(doc: Doc, known: set[str]) -> None:
    """A describer before, speech or a form of address after (罗秀高说, 火立新先生), a studio after; or the tagger's
    name seen at least twice."""
    text = doc.text
    for head in _surname_heads(doc.lex).finditer(text):
        i = head.start()
        if doc.overlaps(i, i + 1) or not doc.is_boundary(i):
            continue      # a name starts a token (the cheap question first: most surname characters are inside words)
        n = read_name(doc, i)
        if n is None:
            continue
        name = text[i:i + n]
        if text.startswith("某", i + n):
            continue      # 谭某某: an anonymised name
        tok = doc.token_at(i)
        if named_for_a_post(doc, i, n):
            _believe(doc, i, i + n, known)      # 任命谢爱|华为|局长: the post after it decides, not the tagger's words
            continue
        if _tagged_word(tok, i):
            continue      # 周中做客, 高管只透露: the tagger reads a word there, and a verb after it proves no name
        if (_described(doc, i) or SPEECH.match(text[i + n:i + n + 6]) or STUDIO.match(text, i + n)
                or _addressed(doc, i, n)):
            _believe(doc, i, i + n, known, strict=True)
            continue
        if (tok is not None and tok.start == i and tok.end == i + n and tok.pos in ("nr", "nrfg")
                and _free_count(doc, name) >= 2 and valid_name(name, doc.lex, strict=True)):
            _believe(doc, i, i + n, known, strict=True)


def _tagged_names(doc: Doc, known: set[str]) -> None:
    """The tagger's person names (the model has seen far more names than our rules)."""
    text = doc.text
    for tok in doc.tokens:
        if tok.pos != "nr" or doc.overlaps(tok.start, tok.end) or _doubled(text, tok.start) or _storm(doc, tok.start) \
                or _model_reads_a_thing(doc, tok) \
                or len(tok.word) == 1 and (nxt := doc.token_at(tok.end)) is not None and nxt.pos == "t":
            continue      # (今冬|明|春|火灾: a surname alone, then a time word, starts no name)
        end = foreign_end(doc, tok.end - 1 if tok.word[-1] in DOTS else tok.end)
        while end > tok.start and text[end - 1] in DOTS:
            end -= 1        # 米切尔· at a line's end: the dot leads nowhere
        word = text[tok.start:end]
        dotted = any(c in DOTS for c in word)      # 安吉丽娜·茱莉, 索尔-坎贝尔: a transliterated full name
        if not dotted and end == tok.end and foreign_name(tok.word, doc.lex) and (tail := split_tail(doc, tok.start, end)) > end:
            word = text[tok.start:tail]      # 沙波什|尼科夫: a transliterated name the tagger cut in two
            if _add(doc, tok.start, tail, EntityRef(PERSON, word, doc.paper.city)) is not None:
                known.add(word)
            continue
        if not dotted and len(word) >= 4 and mostly_transliterated(word, doc.lex) \
                and model_reads_whole(doc, tok.start, end, FOREIGN):
            # 范马尔维克, 伊丽莎白: a transliteration the tagger and the model read whole, not 范马尔, 伊丽莎 at its start
            if _add(doc, tok.start, end, EntityRef(PERSON, word, doc.paper.city)) is not None:
                known.add(word)
            continue
        n = None if dotted else read_name(doc, tok.start, tagged=tok.end - tok.start)
        if n is None:
            chinese_shaped = surname_length(text, tok.start, doc.lex) and len(tok.word) <= 3 and not dotted
            if (dotted or foreign_name(tok.word, doc.lex)) and not chinese_shaped and not names_a_place(doc, end):
                # 克林顿, 普里马科夫: the tagger's foreign names (安吉丽娜·茱莉 across its dot); a short one
                # seen once stays a weak mention
                sure = len(word) >= 3 or _free_count(doc, word) >= 2
                _add(doc, tok.start, end, EntityRef(PERSON, word, doc.paper.city), weak=not sure)
                if sure:
                    known.add(word)
            elif model_reads_whole(doc, tok.start, end) and HAN_RUN.fullmatch(word) and not names_a_place(doc, end) \
                    and not any(len(k) > len(word) and k.endswith(word) for k in known):
                # 基辛格, 桥本龙太郎, 才旦卓嘎: the tagger and the model both read a name of no shape our rules know (but
                # 义杰 of 刘义杰 is his given name)
                _add(doc, tok.start, end, EntityRef(PERSON, word, doc.paper.city),
                     weak=len(word) < 3 and _free_count(doc, word) < 2)
            continue
        name = text[tok.start:tok.start + n]
        if name not in known and _a_place_here(doc, name):
            continue        # 海晏 of 海晏县党政代表团: the county named short, not a person
        if n - surname_length(text, tok.start, doc.lex) == 1 and _free_count(doc, name) < 2 and name not in known:
            # a two-character name the tagger alone reads once (康养, 夏商): a weak mention, not yet a person
            if valid_name(name, doc.lex, tagged=True) and not _model_disowns(doc, tok.start, tok.start + n):
                _add(doc, tok.start, tok.start + n, EntityRef(PERSON, name, doc.paper.city), weak=True)
            continue
        _believe(doc, tok.start, tok.start + n, known, tagged=True)


def _model_reads_a_thing(doc: Doc, tok) -> bool:
    """Does the mention model read the tagger's name word as a place or an organization, and its last character end
    an event's name (龙舟赛/nr: the model's place, a race)?"""
    return tok.word[-1] in EVENT_ENDS and any(sp.start == tok.start and sp.end == tok.end and sp.type != PERSON
                                              for sp in doc.model_spans or ())


def _model_disowns(doc: Doc, s: int, e: int) -> bool:
    """Is the tagger's short name a dictionary word the mention model reads no person in (许诺, 何谈, 云天)?"""
    return doc.model_spans is not None and common_word(doc.lex, doc.text[s:e], 50, names_too=True) and not any(
        sp.type == PERSON and sp.start < e and s < sp.end for sp in doc.model_spans)


def _doubled(text: str, s: int) -> bool:
    """Does a doubled phrase start at `s` (许许多多, 林林总总), no name?"""
    return s + 4 <= len(text) and text[s] == text[s + 1] and text[s + 2] == text[s + 3]


def _a_place_here(doc: Doc, name: str) -> bool:
    """Is `name` a place of this article, written whole or without its level word (海晏 of 海晏县)?"""
    return any(m.text == name or (m.text.startswith(name) and m.text[len(name):] in LEVEL_ENDINGS)
               for m in doc.mentions(PLACE))


LEVEL_ENDINGS = ("省", "市", "县", "区", "州", "镇", "乡", "村")


def _latin_names(doc: Doc) -> None:
    """A name in Latin letters: after a word for a person or a post (选手Alex, 创意总监Martin), or before speech
    (Berg先生, Moon表示); short capitals (EA表示, CEO说) are more often a company or a post."""
    text = doc.text
    for m in LATIN.finditer(text):
        word, s, e = m.group(), m.start(), m.end()
        after = text[e:e + 6].lstrip()
        if doc.overlaps(s, e) or word in doc.lex.titles:
            continue
        if _described(doc, s) or doc.lex.ending("title_endings", doc.lex.titles, text, s) or (
                not (word.isupper() and len(word) <= 5) and (
                SPEECH.match(after) or after.startswith(("先生", "女士")))):
            _add(doc, s, e, EntityRef(PERSON, word, doc.paper.city))


def _coordinated(doc: Doc, known: set[str]) -> None:
    """Coordinated with a believed name, after it or before it: 周豪和李婉, 江泽民、李鹏、乔石 (each new name may lead to
    the next)."""
    text, todo = doc.text, list(doc.mentions(PERSON))
    while todo:
        m = todo.pop()
        b = m.start - 1      # 王晓、陈默、谢一鸣当选: the names before a believed one too
        if b > 1 and text[b] in "、和与及" and not any(x.end == b and not x.weak for x in doc.mentions(PERSON, by_start=False)) \
                and (n := _tagged_name_ending(doc, b)) is not None:
            _believe(doc, b - n, b, known, strict=True)
            todo.extend(x for x in doc.mentions(PERSON, by_start=False) if x.start == b - n and not x.weak)
        e = m.end
        if e < len(text) and text[e] in "和与、及":
            n = read_name(doc, e + 1)
            if n and text[e] == "、" and before_a_post(doc, e + 1 + n):
                continue        # 主任医师李强、麻醉科|副主任医师: the next post's unit
            if n and not any(m.start == e + 1 and not m.weak for m in doc.mentions(PERSON, by_start=False)):
                _believe(doc, e + 1, e + 1 + n, known, strict=True)
                todo.extend(m for m in doc.mentions(PERSON, by_start=False) if m.start == e + 1 and not m.weak)


def _tagged_name_ending(doc: Doc, end: int) -> int | None:
    """The length of a name the tagger reads whole (a person's word) ending at `end`, or None."""
    for n in (3, 2):
        t = doc.token_at(end - n) if end - n >= 0 else None
        if t is not None and (t.start, t.end, t.pos) == (end - n, end, "nr") and read_name(doc, end - n) == n:
            return n
    return None


def _repeats(doc: Doc, known: set[str]) -> None:
    """Every occurrence of a believed name."""
    text = doc.text
    for name in sorted(known, key=lambda n: (len(n), n), reverse=True):    # ties in a fixed order
        for s in occurrences(text, name):
            e = s + len(name)
            if e < len(text) and HAN.match(text[e]) and read_name(doc, s) not in (None, len(name)):
                continue   # 朱健 inside a longer name
            _add(doc, s, e, EntityRef(PERSON, name, doc.paper.city))


def _surname_heads(lex) -> re.Pattern:
    """The Chinese characters a surname starts with, as one character class: no name is read at any other offset,
    and the regex passes over the others without a step of Python each."""
    def make() -> re.Pattern:
        heads = {s[:1] for s in lex.surnames | lex.compound_surnames if HAN.match(s[:1])}
        return re.compile("[" + "".join(map(re.escape, sorted(heads))) + "]" if heads else "(?!)")
    return lex.derived("surname_heads", make)


def _cut_surnames(doc: Doc, known: set[str]) -> None:
    """A given name the tagger reads as a name, cut from the surname it reads as a common noun before it, where a
    clause starts (“火|来旺在): the name starts at the surname (but 但|卡卡 is no name, nor 二区|王丽)."""
    lex = doc.lex
    for k, tok in enumerate(doc.tokens):
        if k == 0 or tok.pos != "nr" or len(tok.word) != 2:
            continue
        prev = doc.tokens[k - 1]
        if (prev.end == tok.start and len(prev.word) == 1 and prev.word in lex.surnames and prev.pos.startswith("n")
                and (prev.start == 0 or not HAN.match(doc.text[prev.start - 1])) and not doc.overlaps(prev.start, tok.end)):
            _believe(doc, prev.start, tok.end, known, tagged=True)


def _add(doc: Doc, s: int, e: int, ref: EntityRef | None = None, *, weak: bool = False):
    """Record a person's mention, unless the name is the whole title of a work (《叶问》 names the film), or stands
    only inside titles (《江湖：林月如与李逍遥》; but 《张立群传奇》 names 张立群 where the text speaks of him too), or in a
    title the text starts or ends inside of, cut off from its opening or closing mark (吕正操回忆录》等): what the
    text names there is the work."""
    if within(doc.cut_titles, s, e) or any(a == s and e == b for a, b in doc.titles) or _in_a_road(doc, s, e):
        return None
    if within(doc.titles, s, e) and all(within(doc.titles, k, k + e - s) for k in occurrences(doc.text, doc.text[s:e])):
        return None
    return doc.add(PERSON, s, e, ref, weak=weak)


def _in_a_road(doc: Doc, s: int, e: int) -> bool:
    """Does a road's ending of two characters not a street's begin inside the name, after its first character (连霍|高速,
    沪昆|国道: 霍高 and 霍高速 are no one)?"""
    lex = doc.lex
    endings = lex.derived("long_road_endings", lambda: tuple(x for x in lex.road_suffixes if len(x) >= 2 and x[-1] != "路"))
    return any(doc.text.startswith(endings, k) for k in range(s + 1, e))


def _byline_titled(lex) -> re.Pattern:
    """A byline in brackets that starts with a writer's post: （记者马力）, （实习生李小文 记者金红）."""
    def make() -> re.Pattern:
        alt = "|".join(map(re.escape, sorted(byline_titles(lex), key=len, reverse=True))) or "(?!)"
        return re.compile(
            rf"[（(]((?:本报|{'|'.join(map(re.escape, lex.title_prefixes))})?(?:{alt})[^（()）\n]{{2,40}}?)(?=[（()）])")

    return lex.derived("byline_titled", make)


def _reporters(doc: Doc, known: set[str]) -> None:
    """A reporter's byline: a post, a name, where the report was filed from (本报记者管培文北京报道, 记者李明发自上海,
    特约记者田立伟报道). What follows the name proves where it ends, whatever the tagger reads there."""
    text, filed = doc.text, {m.start: m.end for m in doc.mentions(PLACE)}
    titles = doc.lex.alternation("byline_titles", byline_titles(doc.lex))
    for m in titles.finditer(text):
        for n in (3, 2):
            k = m.end() + n
            if text.startswith(REPORTED, k) or (k in filed and text.startswith(REPORTED, filed[k])):
                _believe(doc, m.end(), k, known, byline=True)
                break


def _names_in_span(doc: Doc, start: int, end: int, known: set[str]) -> None:
    text, lex = doc.text, doc.lex
    titles = lex.alternation("byline_titles", byline_titles(lex))
    after = False         # a post just before, with only names since (记者 乌日娜 其其格)
    for run in re.finditer(r"[\u4e00-\u9fff]+", text[start:end]):
        # a post cuts a run of characters into the names written after it (记者王姝马力 -> 王姝, 马力)
        cuts = [x.span() for x in titles.finditer(run.group())]
        if not cuts:
            after = after and _credited_apart(doc, start + run.start(), run.group(), known)
            if not after:
                _names_in_run(doc, start + run.start(), run.group(), known)
            continue
        after = cuts[-1][1] == len(run.group())
        bounds = [0] + [k for span in cuts for k in span] + [len(run.group())]
        for k in range(0, len(bounds), 2):
            a, b = bounds[k], bounds[k + 1]
            if b - a >= 2:
                _names_in_run(doc, start + run.start() + a, run.group()[a:b], known, after_post=k > 0)


def _credited_apart(doc: Doc, s: int, word: str, known: set[str]) -> bool:
    """Is the word at `s`, written apart after a post in a byline, a name (names.apart_name)? Then it is a person."""
    if apart_name(doc, s) != len(word) or any(not m.weak for m in doc.mentions_in(s, s + len(word), PLACE)):
        return False
    if _add(doc, s, s + len(word), EntityRef(PERSON, word, doc.paper.city)) is not None or word in known:
        known.add(word)
    return True


def _names_in_run(doc: Doc, s0: int, run: str, known: set[str], after_post: bool = False, alone: bool = False) -> None:
    lex = doc.lex
    if after_post and 2 <= len(run) <= 4:
        # right after a post only names stand: one name, or two written together (王姝马力)
        if valid_name(run, lex, byline=True) and not (len(run) == 4 and valid_name(run[:2], lex) and valid_name(run[2:], lex)):
            _believe(doc, s0, s0 + len(run), known, byline=True)
            return
        if alone and len(run) <= 3 and valid_name(run, lex, tagged=True):
            _believe(doc, s0, s0 + len(run), known, tagged=True)      # 作者：王婧: a rare given name, alone in a credit
            return
        if len(run) == 4 and valid_name(run[:2], lex, byline=True) and valid_name(run[2:], lex, byline=True):
            _believe(doc, s0, s0 + 2, known, byline=True)
            _believe(doc, s0 + 2, s0 + 4, known, byline=True)
            return
    for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", run):
        s = s0 + m.start()
        word = m.group()
        if word in lex.titles or word.endswith(("记者", "通讯员", "摄")):
            continue
        if valid_name(word, lex):
            _believe(doc, s, s + len(word), known)


def _split_name(doc: Doc, s: int, e: int) -> bool:
    """jieba often cuts a name into surname + given name (罗/秀高) or glues the given name on: allow those."""
    t = doc.token_at(s)
    return t is not None and t.start == s and (t.end <= e and t.pos.startswith("n") or t.pos == "nr")


def _tagged_word(tok, i: int) -> bool:
    """Does the tagger read a word of two or more characters at `i` that is no name (周中, 高管, 黄牛)?"""
    return tok is not None and tok.start == i and tok.end - tok.start >= 2 and tok.pos in WORD_TAGS


def _addressed(doc: Doc, i: int, n: int) -> bool:
    """Does a form of address follow the full name at i (火立新先生)? Not where the surname ends a word before it
    (营销主管严飞先生 is no 管严飞) or the given name is a surname itself (理财师陈女士 is no 师陈)."""
    text, lex = doc.text, doc.lex
    if not addressed(text, i + n, lex) or (i > 0 and is_word(doc, text[i - 1:i + 1])):
        return False
    return not (n == surname_length(text, i, lex) + 1 and surname_length(text, i + n - 1, lex))


def _storm(doc: Doc, i: int) -> bool:
    """Is the name at offset i quoted right after a storm's word (台风“利奇马”): a storm's name, no person's?"""
    text = doc.text
    return i > 0 and text[i - 1] in "“\"'‘" and doc.lex.ending("storms", doc.lex.kind("person_words", "storm"),
                                                             text, i - 1) is not None


def _described(doc: Doc, i: int) -> bool:
    """Does a word that describes a person (村民, 母亲) end at offset i, and not run on into a longer word with the
    character after it (居民|楼 is a building: 居民楼三楼, 居民楼火灾 name no one)?"""
    word = doc.lex.ending("describers", doc.lex.kind("person_words", "describer"), doc.text, i)
    return word is not None and not common_word(doc.lex, doc.text[i - len(word):i + 1], 10, names_too=True)


def _free_count(doc: Doc, name: str) -> int:
    """Occurrences of `name` not inside another mention (杨梅 inside 杨梅组 does not count)."""
    return sum(1 for k in occurrences(doc.text, name) if not doc.overlaps(k, k + len(name)))


def _believe(doc: Doc, s: int, e: int, known: set[str], *, strict: bool = False, tagged: bool = False,
             byline: bool = False) -> None:
    name = doc.text[s:e]
    if not valid_name(name, doc.lex, strict=strict, tagged=tagged, byline=byline) and not (tagged and model_agrees(doc, s, e - s)):
        return
    if strict and not (doc.is_boundary(s) and doc.is_boundary(e)) and not _split_name(doc, s, e):
        return    # 乐呵(呵): jieba reads a longer word there
    if _add(doc, s, e, EntityRef(PERSON, name, doc.paper.city)) is not None or name in known:
        known.add(name)


DOCTRINE = re.compile(r"(?:新时代中国特色社会主义)?思想|理论|主义|(?<=学..)(?:纪念日|精神|活动|志愿|主题|日|月|”)")  # 学雷锋纪念日


def _in_doctrines(doc: Doc) -> None:
    """A name inside a doctrine's title (邓小平理论, 毛泽东思想, 习近平新时代中国特色社会主义思想) is a mention for `kg ner`,
    never the article's person (EXTRACTION.md: a name only inside a fixed slogan title); one named as a person elsewhere
    in the article stays a person there."""
    people = doc.mentions(PERSON, by_start=False)
    inside = [m for m in people if DOCTRINE.match(doc.text, m.end)]
    elsewhere = {m.ref for m in people if m not in inside}
    for m in inside:
        if m.ref is not None and m.ref not in elsewhere:
            doc.forget(m.ref)
        m.ref, m.value = None, SLOGAN      # a mention that names no one
