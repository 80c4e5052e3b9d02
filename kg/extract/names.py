"""Is this a Chinese personal name, and how long is it? Shared by the role and person extractors.

A name is a surname (surnames.txt) and one or two given-name characters. Where it
ends is the hard part: `朱健出席` is 朱健, `罗秀高会心一笑` is 罗秀高. We ask, in
order: does jieba tag a name token there; does the article use the two-character
form elsewhere; does a common word start at the third character (出席, 欣喜); is
the third character one given names use (counted from jieba's dictionary).
"""
from __future__ import annotations

import re

from .doc import Doc, line_head, occurrences, tokenizer

HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
SAID = "称说道"        # verbs of saying a name is written before with no space (李明称，)
# characters that follow a name far more often than they end one
STOP_AFTER = set("出在说表介主率等参指强要对和与同为是的了带到来去赴先后又也都还就将已被向从以把给让作讲听看调视慰会宣致发"
                 "提希认解告称坦走一围笑曾便即并所这那其之而及或但却则再很最更均共各每个位名次年月日时分号岁")
MIN_GIVEN = 3      # a given-name character seen fewer times than this in jieba's names is not believed


def surname_length(text: str, i: int, lex) -> int:
    return 2 if text[i:i + 2] in lex.compound_surnames else int(text[i:i + 1] in lex.surnames)


def plausible_given(chars: str, lex, minimum: int = MIN_GIVEN) -> bool:
    return bool(chars) and all(HAN.match(c) and lex.given_chars[c] >= minimum for c in chars)


NOT_GIVEN = set("了着过的地得们个这那些每各该此与和及或在于为以被把将向从对也都就还又再很更最所之而等我你您")
NEVER_GIVEN = set("了着过的地得们这那些每该此我你您")     # even in a name the tagger reads (王为民, 张之洞 have the others)
COUNTING = set("多两几数一二三四五六七八九十百千万0123456789０１２３４５６７８９")     # 6楼|住户: a floor, no 楼住户
FUNCTION_POS = ("d", "p", "c", "u", "r")        # the tagger's adverbs, prepositions, …: 都悉数, 向你 start no name


def is_word(doc: Doc, word: str, min_freq: int = 50) -> bool:
    freq = tokenizer(doc.lex).tokenizer.FREQ.get(word, 0)
    return freq >= min_freq


PROPER_TAGS = ("nr", "ns", "nt", "nz", "j")


def common_word(lex, word: str, min_freq: int = 50, *, names_too: bool = False) -> bool:
    """Is `word` a dictionary word that is not a name of anything (高兴, 母亲, 格局)? With `names_too`,
    any frequent dictionary word counts (党委 is a word even if the dictionary files it as a name)."""
    tok = tokenizer(lex)
    tag = tok.word_tag_tab.get(word)
    if tag is None or tok.tokenizer.FREQ.get(word, 0) < min_freq:
        return False
    return names_too or not tag.startswith(PROPER_TAGS)


def valid_name(name: str, lex, *, strict: bool = False, tagged: bool = False, byline: bool = False) -> bool:
    """Could `name`, standing alone, be a person's full name?

    `strict` is for weak evidence: the given name must not itself be a common word (孩子, 时间).
    `tagged` (the tagger read a name there) accepts rarer given-name characters (许珂).
    `byline` (the name follows 记者 in a byline, where only names stand) accepts a name that is also a
    dictionary word (记者马力)."""
    cache = lex._patterns.setdefault("valid_name", {})
    key = (name, strict, tagged, byline)
    if key not in cache:
        cache[key] = _valid_name(name, lex, strict, tagged, byline)
    return cache[key]


def _valid_name(name: str, lex, strict: bool, tagged: bool, byline: bool = False) -> bool:
    if not 2 <= len(name) <= 4 or (name in lex.not_names and not byline) or name in lex.titles:
        return False
    s = 2 if name[:2] in lex.compound_surnames else (1 if name[:1] in lex.surnames else 0)
    if not s or not 1 <= len(name) - s <= 2:
        return False
    given = name[s:]
    loose = tagged or byline         # where only a name can stand, 为 and 之 are a name's (商为智)
    if any(c in (NEVER_GIVEN if loose else NOT_GIVEN) for c in given) or not plausible_given(given, lex, 0 if tagged else MIN_GIVEN):
        return False
    if given in lex.titles and given not in lex.occupations:
        return False          # 向记者, 王主任: a post, not a given name (谭明星 may be)
    if len(given) == 2 and (lex.is_event_verb(given) or given in lex.event_started) and given != "成立":
        return False          # 耒水河段|鸣枪: what is done, not a given name
    if len(given) == 1 and given in "其乃即亦":
        return False          # 向其介绍: 其 ends no two-character name
    if not byline and (common_word(lex, name, 200 if tagged else 50) or (
            len(name) == 3 and common_word(lex, name[:2], 200) and not _family_given(name))):
        return False
    if any(name[s:].startswith(h) for h in ("先生", "女士", "小姐", "某")):
        return False
    if strict and len(given) == 2 and common_word(lex, given, 200):
        return False
    return True


def given_after_a_post(doc: Doc, s: int, e: int) -> bool:
    """Is text[s:e] the given name of a person written right after a post, the tagger reading the surname alone and
    the given name as a word of its own (检察长卫|红军, 局长万|中华)?"""
    i, lex = s - 1, doc.lex
    tok = doc.token_at(i) if i > 0 else None
    return tok is not None and tok.start == i and tok.end == s and tok.pos == "nr" and e - s <= 2 \
        and lex.ending("titles", lex.titles, doc.text, i) is not None and read_name(doc, i) == e - i


def _ends_in_he(doc: Doc, i: int, n: int) -> bool:
    """Is the 和 ending three characters at `i` a given name's, since a verb follows it and no second name (副市长孟庆和
    出席会议, 孟庆和指出: not 孟庆 and someone)?"""
    text = doc.text
    nxt = doc.token_at(i + n)
    return n == 3 and text[i + 2] == "和" and nxt is not None and nxt.start == i + n and nxt.pos.startswith("v") \
        and (nxt.pos != "vn" or text[nxt.end:nxt.end + 1] in ("", "，", "。", "；")) \
        and valid_name(text[i:i + 2], doc.lex) and read_name(doc, i + n) is None        # (孟庆和致辞。)


def named_for_a_post(doc: Doc, i: int, n: int) -> bool:
    """Is the three-character name at `i` written right after a verb of appointing or removing and before the post it
    is given or loses (选举杨志成为秘书长, 任命谢爱华为局长: not X 成为 or 华为 the company; 免去向东明的副局长职务: not 去向)?"""
    text = doc.text
    if n != 3 or i < 0 or APPOINTING.search(text, max(0, i - 6), i) is None or not valid_name(text[i:i + n], doc.lex):
        return False
    clause = re.split(r"[，,。；;、\n]", text[i + n + 1:i + n + 25], maxsplit=1)[0]
    if text.startswith("的", i + n):
        return "职务" in clause
    return text.startswith("为", i + n) and doc.lex.alternation("titles", doc.lex.titles).search(clause[:16]) is not None
    #                                                                                        (为市审计局副局长)


APPOINTING = re.compile(r"(?:任命|选举|提名|聘任|聘请|推选|增补|补选|免去|免除|撤销)[：:]?$")


def model_agrees(doc: Doc, i: int, n: int) -> bool:
    """Do the tagger and the mention model both read the three characters at `i` as one person's name (程志远, though
    程志 is a dictionary word)? Then a name its first two characters make a word still stands."""
    name = doc.text[i:i + n]
    return n == 3 and name not in doc.lex.not_names and valid_name(name, doc.lex, byline=True) \
        and _modelled_person(doc, i, i + n, AGREED)


def _modelled_person(doc: Doc, s: int, e: int, score: float) -> bool:
    """Does the mention model read text[s:e], exactly, as a person's name with `score` at least?"""
    return any(sp.type == "person" and sp.start == s and sp.end == e and sp.score >= score for sp in doc.model_spans or ())


AGREED = 0.8         # the model's score at which its reading confirms the tagger's
FOREIGN = 0.5        # the model's score at which its reading of a transliterated name outweighs the tagger's


def model_reads_whole(doc: Doc, s: int, e: int, score: float = AGREED) -> bool:
    """Does the mention model read the tagger's whole name word at s..e as one person's name, with `score` at least
    (基辛格, 桥本龙太郎, 才旦卓嘎, 眭录明: names of a shape our rules do not read)? Not a word the lexicon says is no name,
    nor a surname and a form of address (周叔, 陈妈妈)."""
    k = surname_length(doc.text, s, doc.lex)
    if k and _honorific_after(doc.text, s + k, doc.lex, one_char=True, place_tail=False):
        return False
    return e - s >= 2 and doc.text[s:e] not in doc.lex.not_names and _modelled_person(doc, s, e, score)


def _family_given(name: str) -> bool:
    """Is `name` X家Y, a given name opening with 家 (黄家军, 王家明), though X家 is a word (the X family)? Not where Y
    ends a place's name (王家村, 李家湾)."""
    return name[1] == "家" and name[2] not in "村庄湾坪屯寨组店铺坡冲垸岭沟塘桥港湖山"


def read_name(doc: Doc, i: int, *, strict_end: bool = False, tagged: int = 0) -> int | None:
    """The length of the personal name starting at offset `i`, or None if none starts there.

    With `strict_end`, the name must be followed by a non-Han character (bylines); `tagged` is the
    length of a name the tagger read there, which admits rarer given-name characters."""
    text, lex = doc.text, doc.lex
    s = surname_length(text, i, lex)
    if not s:
        return None
    tok = doc.token_at(i)
    # 张路老师: a name whose given name starts with a road's ending (路, 街), read whole (蒋村 stays a village)
    whole = tok is not None and tok.start == i and tok.pos == "nr" and tok.end - i in (s + 1, s + 2) and (
        tok.end == len(text) or text[tok.end] not in PLACE_TAIL) and text[i + s] in lex.road_suffixes
    if _honorific_after(text, i + s, lex, place_tail=not whole):
        return None
    if i > 0 and text[i - 1] in COUNTING and tok is not None and tok.start == i and tok.end == i + s:
        return None           # 多张银行卡, 两张照片: a measure word after a number, the tagger's surname alone
    if s == 1 and named_for_a_post(doc, i, 3):
        return 3              # 任命谢爱|华为|局长: the post after it decides, whatever the tagger read
    if not tagged:
        tagged = _tagged_at(doc, i, s, tok, strict_end)
        if tagged is None:
            return None
    if not strict_end and (_word_then_verb(doc, i, s, tok) or _coming_home(doc, i)):
        return None           # 负责人谈|发展, 来宁|考察: a one-character word, then a verb the tagger reads whole
    if tagged <= s + 1 and _honorific_after(text, i + s, lex, one_char=True, place_tail=not whole):
        return None           # 王总, 李董: a surname and a form of address
    if tagged > s + 2 and (foreign_name(text[i:i + tagged], lex) or "·" in text[i:i + tagged]):
        return None           # the tagger reads a transliterated name here (斯图尔特, 安吉丽娜·茱莉)
    options = [n for n in (s + 2, s + 1) if i + n <= len(text) and HAN_RUN.fullmatch(text, i, i + n)]
    options = [n for n in options if named_for_a_post(doc, i, n) or (
        valid_name(text[i:i + n], lex, tagged=bool(tagged) and n <= tagged)
        or n == tagged and model_agrees(doc, i, n) or _ends_in_he(doc, i, n))
        and not _title_runs_on(text, i + s, i + n, lex) and not _verb_runs_on(doc, i + n - 1, i + n)]
    if not options:
        return None
    if strict_end:
        for n in options:
            if i + n == len(text) or not HAN.match(text[i + n]):
                return n
        return None
    if len(options) == 1:
        return options[0]
    long_, short = options
    if _ends_in_he(doc, i, long_) or named_for_a_post(doc, i, long_):
        return long_
    if any(_place_tail(text, k, lex) for k in (i + short, i + long_)):
        return None           # 杨梅组, 高峰村: a place named like a person
    # a name jieba's dictionary knows (邓小平) is not cut by the word after it (平和)
    tag_tab = tokenizer(lex).word_tag_tab
    if tag_tab.get(text[i:i + long_], "").startswith("nr") and tokenizer(lex).tokenizer.FREQ.get(text[i:i + long_], 0) >= 3:
        return long_
    if text[i + short] in SAID and (tok := doc.token_at(i)) is not None and tok.start == i and tok.end == i + short:
        return short          # 李明|称，: the tagger's name, then the verb of saying
    if i + long_ == len(text) or not HAN.match(text[i + long_]):
        return long_          # nothing follows the long form to steal its last character
    # an honorific after the name ends it (邓小平先生, 陈志先生), even where the tagger reads on (陈志先|生); so
    # does the surname said again with a form of address (刘宏刘总, 孙琳孙女士)
    if _surname_again(text, i, short, lex):
        return short
    for n in (short, long_):  # 潘刚|鸣枪, 王强|作动员讲话; 陈明远|作专题讲座: a verb the name ends before
        if lex.starting("name_enders", lex.kind("person_words", "after"), text, i + n):
            return n
    if _honorific_after(text, i + long_, lex, place_tail=False):
        return long_
    if _honorific_after(text, i + short, lex, place_tail=False):
        return short
    # the article's other uses decide: 赖馨正 written five times is not 赖馨 before 正要求
    two, third = text[i:i + short], text[i + short]
    followers = [text[k + len(two):k + len(two) + 1] for k in occurrences(text, two)]
    if len(followers) >= 2 and len(set(followers)) == 1 and followers[0] == third and not _always_short(doc, two):
        return long_
    if len(set(followers)) > 1 and third in followers and followers.count(third) < len(followers) and tagged != long_:
        return short
    return _by_the_words(doc, i, s, short, long_, tagged)


def _by_the_words(doc: Doc, i: int, s: int, short: int, long_: int, tagged: int) -> int:
    """The long or the short reading of a name at `i` by the words around it, the tagger's reading first."""
    text = doc.text
    after = text[i + short:i + short + 2]
    if s == 2 and is_word(doc, text[i + 2:i + 4]) and _word_starts(doc, i + long_):
        return long_          # 欧阳|建国|出席: a compound surname, a given name that is a word, and a word after it
    if tagged == long_ and not _in_name_run(doc, i, long_) and (_word_starts(doc, i + long_) or not is_word(doc, after)):
        return long_          # the tagger's name, and a word after it: 黄福华|表示 (but 彭振|欣喜地)
    tok = doc.token_at(i)
    if tok is not None and tok.start == i and tok.pos.startswith("nr") and len(tok.word) in (long_, short):
        if len(tok.word) == long_ and not is_word(doc, after, 200):
            return long_
        if len(tok.word) == short:
            return short
    if text[i + short] in STOP_AFTER:
        return short
    if is_word(doc, after) or is_word(doc, text[i + short:i + short + 3]):
        return short
    return long_


def _word_then_verb(doc: Doc, i: int, s: int, tok) -> bool:
    """Does the tagger read the surname at `i` as a word of its own and the would-be given name after it as a
    common verb (谈|发展, 宁|考察)?"""
    given = doc.token_at(i + s)
    return given is not None and given.start == i + s and given.end - given.start == 2 and given.pos in ("v", "vn") \
        and tok is not None and tok.end == i + s and common_word(doc.lex, given.word, 200)


def _coming_home(doc: Doc, i: int) -> bool:
    """Is text[i:] a verb of coming and the home city by its first character (来岳考察, 来常调研 in papers of 岳阳 and
    常德), no name?"""
    city = doc.paper.city or ""
    return bool(city) and doc.text[i:i + 1] in "来到赴莅抵回" and doc.text[i + 1:i + 2] == city[0]


def _always_short(doc: Doc, two: str) -> bool:
    """Does the tagger read `two` as a whole name wherever it is written (陈立|主持 … 陈立|主持: the same verb after
    each, not a name of three)?"""
    for k in occurrences(doc.text, two):
        tok = doc.token_at(k)
        if tok is None or tok.start != k or tok.end != k + len(two) or not tok.pos.startswith("nr"):
            return False
    return True


def _verb_runs_on(doc: Doc, last: int, end: int) -> bool:
    """Does the tagger read a verb starting at the name's last character and running past its end (高峰|出席会议: no
    高峰出)?"""
    t = doc.token_at(last)
    return t is not None and t.start == last and t.end > end and t.pos == "v" and last > 0 and doc.is_boundary(last) \
        and is_word(doc, t.word[:2], 200)         # (袁阔|成封: the tagger's misreading, no word: 袁阔成 stands)


def _title_runs_on(text: str, given: int, end: int, lex) -> bool:
    """Does a post start where the given name would and run past its end (王主任向|记者: no 向记; 周|院长: no 周院)?"""
    m = lex.alternation("titles", lex.titles).match(text, given)
    return m is not None and m.end() > end


def _word_starts(doc: Doc, k: int) -> bool:
    """Does a word (or a character that follows names: 说, 在) start at offset k?"""
    text = doc.text
    return k >= len(text) or not HAN.match(text[k]) or text[k] in STOP_AFTER or is_word(doc, text[k:k + 2]) or \
        is_word(doc, text[k:k + 3])


def _noun_at(doc: Doc, offset: int) -> bool:
    """A noun of the tagger's at `offset`, not a common word after a preposition (向|群众: to the public, no 向群众)."""
    nxt = doc.token_at(offset)
    return nxt is not None and nxt.start == offset and nxt.pos.startswith("n") and not (
        nxt.pos == "n" and (prev := doc.token_at(offset - 1)) is not None and prev.pos == "p"
        and common_word(doc.lex, nxt.word, 1000))


def _in_name_run(doc: Doc, i: int, n: int) -> bool:
    """Is the name at i..i+n one of names written together with no separator (李鹏乔石李瑞环)? There the
    tagger's boundaries are unreliable."""
    before = doc.token_at(i - 1) if i > 0 else None
    after = doc.token_at(i + n)
    return (before is not None and before.pos == "nr" and before.end == i) or (
        after is not None and after.pos == "nr" and after.start == i + n)


PLACE_TAIL = "组村镇乡路街"   # never the empty string: callers test slices


def _place_tail(text: str, k: int, lex) -> bool:
    """Does a place's ending stand at offset k (杨梅组, 高峰村), not the first character of a verb (王强组织召开, 路过)?"""
    return k < len(text) and text[k] in PLACE_TAIL and not tokenizer(lex).word_tag_tab.get(text[k:k + 2], "").startswith("v")


def _honorific_after(text: str, end: int, lex, *, one_char: bool = False, place_tail: bool = True) -> bool:
    """Does a form of address (先生, 阿姨, 某; with `one_char` also 总, 董) or (with `place_tail`) a place's ending follow?"""
    if place_tail and _place_tail(text, end, lex):
        return True       # 杨梅组, 高峰村: a place named like a person
    if one_char:
        return lex.starting("honorifics", lex.honorifics, text, end) is not None
    return lex.starting("honorifics_long", _long_honorifics(lex), text, end) is not None


def _long_honorifics(lex) -> list[str]:
    """The forms of address that follow a name without `one_char`: two or more characters, and 某."""
    return lex.derived("honorifics_long_words", lambda: [h for h in lex.honorifics if len(h) > 1 or h == "某"])


def addressed(text: str, end: int, lex) -> bool:
    """Does a form of address of two or more characters follow a full name (王军先生, 赵敏女士, 张路老师)? Then the
    name is a person's."""
    return _honorific_after(text, end, lex, place_tail=False) and not text.startswith("某", end)   # 王某: anonymised


def _surname_again(text: str, i: int, short: int, lex) -> bool:
    """Does the name's surname follow it again with a form of address (刘宏刘总, 孙琳孙女士)? Then the name is the
    short one."""
    s = surname_length(text, i, lex)
    return text[i + short:i + short + s] == text[i:i + s] and _honorific_after(
        text, i + short + s, lex, one_char=True, place_tail=False)


DOTS = "·•‧-－"        # between the parts of a transliterated name


def foreign_name(word: str, lex) -> bool:
    """A transliterated name (克林顿, 普里马科夫, 帕巴拉·格列朗杰): every character one that transliterations use."""
    chars = word.replace("·", "").replace("-", "")
    return (2 <= len(chars) <= 12 and all(lex.translit_chars[c] >= 5 for c in chars)
            and word not in lex.not_names and not common_word(lex, word, 20))


PADDED = re.compile(r"([\u4e00-\u9fff])(?:\u3000|  )([\u4e00-\u9fff])")
SPACED = re.compile(r"[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff])")


def _spaced_name(doc: Doc, i: int) -> int | None:
    """A two-character name a byline pads to the width of three (记者 陈 静): its length in the text, or None."""
    text = doc.text
    if SPACED.match(text, i) and text[i] in doc.lex.surnames and valid_name(text[i] + text[i + 2], doc.lex):
        return 3
    return None


APART = re.compile(r"[\u4e00-\u9fff]{2,4}(?=[ \u3000\t）)]|$)")
FILED = ("报道", "发自", "专电", "撰文", "撰稿", "整理", "报", "摄", "讯", "电")       # where a byline says the report was filed or who took it


def apart_name(doc: Doc, i: int) -> int | None:
    """A word a byline writes apart after a post is a name, whatever its shape (记者 才让卓玛, 通讯员 阿依古丽, 记者 乌日娜
    其其格): its length, or None where it is a dictionary word, a body or where the report was filed (北京报道)."""
    m = APART.match(doc.text, i)
    if m is None or i == 0 or doc.text[i - 1] not in " \u3000\t" or not in_byline(doc.text, i):
        return None
    word = m.group()
    if common_word(doc.lex, word, 50, names_too=True) or word.endswith(FILED) or word in doc.lex.titles \
            or doc.lex.ending("org_suffixes", doc.lex.org_suffixes, word, len(word)):
        return None
    return len(word)


def person_name(surface: str) -> str:
    """A name as the graph holds it: without the spaces a byline pads it with (陈 静 -> 陈静)."""
    return "".join(surface.split())


def _tagged_at(doc: Doc, i: int, s: int, tok, strict_end: bool) -> int | None:
    """The length of the name the tagger reads at `i` (0 where it reads none), or None where what it reads there
    rules a name out."""
    if tok is None or tok.start != i:
        return 0
    if tok.pos == "nr":
        return tok.end - tok.start
    if tok.pos in ("p", "c") and (nxt := doc.token_at(tok.end)) is not None and nxt.start == tok.end \
            and nxt.pos == "nr" and len(nxt.word) >= 2 and surname_length(doc.text, tok.end, doc.lex):
        return None           # 由|王芳|主持, 向|李明|表示: a preposition, then a name of its own
    if tok.pos in FUNCTION_POS and not strict_end and not _noun_at(doc, tok.end):
        if not _titled_then_verb(doc, i, s):
            return None       # 都悉数, 向你; but 曾/世民, 曾/高/峰: the tagger read the given name alone
        return s + 2          # 市委书记曾从钦出席: a name after a post, then a verb
    if tok.pos == "v" and tok.end - i >= s + 1 and not strict_end:
        return None           # 选手晋升相应等级: the tagger reads a verb where a surname starts
    return 0


def _titled_then_verb(doc: Doc, i: int, s: int) -> bool:
    """Is text[i:] a surname the tagger reads as a function word, right after a post, with a two-character given name
    it reads a character at a time and then a verb (市委书记曾|从|钦|出席会议)? There it is a name."""
    text, lex = doc.text, doc.lex
    end = i + s + 2
    nxt = doc.token_at(end) if end < len(text) else None
    given = doc.token_at(i + s)
    if given is None or given.start != i + s or given.end - given.start != 1:
        return False        # 选手都|悉数|到场: the tagger reads the would-be given name as a word
    return (lex.ending("titles", lex.titles, text, i) is not None and nxt is not None and nxt.start == end
            and nxt.pos.startswith("v") and valid_name(text[i:end], lex, tagged=True))


def before_a_post(doc: Doc, pos: int) -> bool:
    """Does a post's title start at `pos`? A list item it follows is that post's unit (麻醉科|副主任医师), no name."""
    return doc.lex.alternation("titles", doc.lex.titles).match(doc.text, pos) is not None


def byline_titles(lex) -> tuple[str, ...]:
    """The posts a byline names its writers by (记者, 通讯员): titles.tsv's posts at the paper itself or at none
    (made once per lexicon: every byline test asks)."""
    return lex.derived("byline_titles", lambda: tuple(t for t, org in lex.titles.items() if org in ("{paper}", "-")))


def glued_byline_name(doc: Doc, i: int) -> int | None:
    """The length of a name at `i` written straight before the next writer's post of a byline (记者商为智|实习生陈文波),
    where only a name can stand, whatever its characters; None if there is none."""
    titles = doc.lex.alternation("byline_titles", byline_titles(doc.lex))
    return next((n for n in (3, 2) if titles.match(doc.text, i + n) and valid_name(doc.text[i:i + n], doc.lex, byline=True)),
                None)


def read_names(doc: Doc, i: int, *, spaces: bool = False) -> list[tuple[int, int]]:
    """Names in a list starting at `i`: 张霞、龚学余 (and, with `spaces`, 石虹 朱柯名)."""
    text = doc.text
    out = []
    pos = i
    while pos < len(text):
        n = read_name(doc, pos, strict_end=spaces)
        if n is None and spaces:
            n = _spaced_name(doc, pos) or apart_name(doc, pos)
        if n is None and (padded := PADDED.match(doc.text, pos)) and valid_name(padded[1] + padded[2], doc.lex):
            n = padded.end() - pos     # 市委书记陈　华出席: a page pads a two-character name to three with a wide space
        if n is None and (tok := doc.token_at(pos)) is not None and tok.start == pos and tok.pos == "nr" \
                and "·" in tok.word:
            n = len(tok.word)       # 市长买合木提·吐尔逊: a name of two parts (the model's, read into the tokens)
        if n is None:
            break
        if out and (before_a_post(doc, pos + n) or len(doc.lex.starting("titles", doc.lex.titles, text, pos) or "") > n):
            break         # 主任医师李强、麻醉科|副主任医师张敏: the next post's unit, no name; 校长王志坚、党委书记贺丽: a
            #               post of its own (党委书 is no name)
        out.append((pos, pos + n))
        pos += n
        if pos < len(text) and text[pos] == "、":
            pos += 1
            continue
        if spaces and pos < len(text) and text[pos] in " \u3000\t":
            nxt = pos
            while nxt < len(text) and text[nxt] in " \u3000\t":
                nxt += 1
            if nxt < len(text) and (read_name(doc, nxt, strict_end=True) or apart_name(doc, nxt)):
                pos = nxt
                continue
        break
    return out


BYLINE_MARK = re.compile(r"(?:本报讯|日报讯|■|^\s*[（(])")


def in_byline(text: str, pos: int) -> bool:
    """Is `pos` in a byline: near its line's start, after 本报讯, ■ or an opening bracket, with no sentence begun
    and no bracket closed since (本报讯（记者 罗文鹏 通讯员 石虹）; not 本报讯 1月12日，市长朱健…, nor
    本报讯（记者 成雪）衡阳县西渡镇党委书记陈小兵到…)."""
    head = line_head(text, pos)
    marks = list(BYLINE_MARK.finditer(head))
    return len(head) < 40 and bool(marks) and not re.search(r"[，,。；;：:）)]", head[marks[-1].end():])
