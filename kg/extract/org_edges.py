"""Where an organization's name starts and what a counted list holds (organizations.py reads them): the left edge over
the tagger's nouns (衡阳市|住房保障服务中心), a level body after its place (衡阳市委, not 光山县召开|县委), the model's name
where the tagger began inside a word (新|闻出版局), and the items of a list counted as organizations (A、B等3家企业)."""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION
from ..lexicon import Lexicon
from ..lexicon.gazetteer import COUNTY, gazetteer
from .doc import Doc
from .geo import Home, is_government_name, leading_county, leading_place
from .names import common_word
from .org_names import canonical, hanzi_or_mid
from .org_patterns import suffix_at
from .org_words import WORDS

COUNTED_ITEM = re.compile(r"[一二三四五六七八九十两几每各该某][个家所座位]")
FUNCTION_POS = ("f", "p", "c", "u", "d", "r", "m", "q")
LIST_TAIL = re.compile(r"(?:等|共|共计|合计)?\s*(?<![\d一二三四五六七八九十两])(?:\d{1,6}|[一二三四五六七八九十两]{1,4})\s*(?:家|个)\s*"
                       r"(?:[\u4e00-\u9fff]{0,6}?)"
                       r"(?:企业|公司|银行|单位|机构|医院|学校|服务商|平台|合作社|商会|协会|媒体)")


def level_start(doc: Doc, m: re.Match, home: Home) -> tuple[int, int]:
    """Where a level-pattern match really starts: at a real place name, else at its level word (落实市委 -> 市委)."""
    text = m.group()
    body = text[2:] if text.startswith(("中共", "政协")) else text
    k = m.start("level") - m.start()     # the level word before the body (副市长王晓峰率市住建局: the second 市)
    lp = leading_place(body, home)
    b0 = m.start() + len(text) - len(body)       # where the body's text (after 中共, 政协) starts
    if lp is not None and not _verb_between(doc, b0 + lp[1], m.start() + k):
        return m.span()                  # the place, then the body (衡阳市委, 北京市崇文区人民政府; not 光山县召开|县委)
    for j in range(1, k - 1):       # 会见了长沙市委: the pattern started early, the place starts later
        lp = leading_place(text[j:], home, allow_short=False)
        if lp is not None and (j + lp[1] in (k, k + 1) or j + lp[1] < k and doc.is_boundary(m.start() + j)
                               and not _verb_between(doc, m.start() + j + lp[1], m.start() + k)):
            return m.start() + j, m.end()        # (由北京市崇文区人民政府: from 北京市, a district between)
    return m.start() + k, m.end()


def _verb_between(doc: Doc, s: int, e: int) -> bool:
    """Does a verb or preposition of the tagger's stand in text[s:e]?"""
    return any(t.start >= s and t.pos.startswith(("v", "p")) and t.pos != "vn" for t in doc.tokens_in(s, e))


NOUNISH = ("n", "nz", "ns", "nt", "nr", "vn", "an", "b", "s")


def left_edge(doc: Doc, end_token: int, suffix_start: int) -> int:
    """Where an organization name ending at token `end_token` starts: left over noun-like tokens only."""
    toks = doc.tokens
    stop, verbish = doc.lex.word_set(WORDS, "name_stop"), doc.lex.kind(WORDS, "verbish")
    i = end_token
    start = toks[i].start
    while i - 1 >= 0:
        t = toks[i - 1]
        if t.word == "和" and i >= 2 and doc.text[toks[i - 2].start:toks[end_token].end].endswith(_and_departments(doc.lex)):
            i -= 1                # 沂南县文化|和|旅游局: 文化和旅游局 is one department's name
            start = t.start
            continue
        if t.word in stop or not hanzi_or_mid(t.word) or suffix_start - t.start > 24:
            break
        if len(t.word) == 1 and i >= 2 and toks[i - 2].word in ("该", "本", "其", "此") and toks[i - 2].end == t.start:
            break         # 该局|南城派出所: the bureau named before, no part of this name
        if len(t.word) == 1 and i >= 2 and len(toks[i - 2].word) == 1 and toks[i - 2].pos == "v" \
                and common_word(doc.lex, doc.text[t.start - 1:t.end], 100):
            break         # 会|同|嶂石岩村人民调解委员会: the tagger cut the verb 会同, no part of the name
        if any(v in t.word for v in verbish):
            break
        ordinal = t.pos == "m" and t.word.startswith("第")
        if not (t.pos in NOUNISH or ordinal or t.word == "·") or t.end != start:
            break         # not a noun, or a line break between
        if re.search(r"[路街巷号]$", t.word) and len(t.word) >= 3 and not t.word.endswith(("公路", "道路")):
            break         # an address before the name
        i -= 1
        start = t.start
    return start


def _and_departments(lex: Lexicon) -> tuple[str, ...]:
    """Departments' full names written with 和 (文化和旅游局, 住房和城乡建设局: departments.tsv)."""
    return lex.derived("and_departments", lambda: tuple(sorted({f for f in lex.departments.values() if "和" in f})))


def cut_word_start(doc: Doc, s: int, e: int) -> int | None:
    """Where the mention model's organization ending at `e` starts, when the tagger's word text[s:e] starts inside
    a common word (新闻 of 新|闻出版局, 管理 of 土地管|理局) and the model's name takes that word in whole."""
    if s == 0 or not common_word(doc.lex, doc.text[s - 1:s + 1], 150, names_too=True) or (
            (prev := doc.token_at(s - 1)) is not None and prev.pos.startswith(FUNCTION_POS)):
        return None       # 商场中|海尔: a word of place (中) before the name
    ms = next((sp.start for sp in doc.model_spans_ending(ORGANIZATION, e) if sp.start < s), None)
    if ms is None or (first := doc.token_at(ms)) is None or first.start != ms \
            or len(doc.tokens_in(ms, s)) > (8 if first.pos == "ns" else 4):
        return None       # the model's name starts where a word of the tagger's does, at most four words before (eight
    return ms             # from a place: 锡林浩特市森林草原防灭火指|挥部); (市|见义勇|为|基|金会: the tagger's words cut the
    #                       idiom and the foundation both)


HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def model_start(doc: Doc, s: int, e: int) -> int | None:
    """Where the organization the rules read at text[s:e] starts by the mention model's reading (cut_word_start,
    model_edge), or None where the rules' start stands."""
    ms = cut_word_start(doc, s, e)
    return ms if ms is not None else model_edge(doc, s, e)


def cut_from_a_word(doc: Doc, s: int, e: int) -> bool:
    """Does the tagger's word begin or end inside a common word (从一|个, 学|习党, 竞技俱|乐部, 马竞客|场)?"""
    text = doc.text
    return (s > 0 and common_word(doc.lex, text[s - 1:s + 1], 100)) or \
        (e < len(text) and common_word(doc.lex, text[e - 1:e + 1], 100))


def title_takes(doc: Doc, s: int, e: int) -> bool:
    """Does a title start at `s` and run past `e` (安踏集团|董事局主席: the unit 董事局 is the title's, not the
    company's board)?"""
    lex = doc.lex
    return bool((t := lex.starting("titles", lex.titles, doc.text, s)) and s + len(t) > e)


def model_end(doc: Doc, s: int, e: int) -> int | None:
    """Where the tagger's guess at an organization, text[s:e], ends by the mention model's reading, where its span runs
    on past e to the end of a word, at most four characters, and ends like an organization (幸福工程组|委会,
    伊图里河铁路|分局, 华龙|酒楼: the tagger cut the name before its ending), else None. A name with its own ending
    stands (公路管理处|党支部: a unit, then its own unit), and a host's verb is no ending (人民政府|主办)."""
    text = doc.text
    if suffix_at(text, e, doc.lex) is not None:
        return None
    sp = next((sp for sp in doc.model_spans or () if sp.type == ORGANIZATION and sp.start <= s < e < sp.end), None)
    if sp is None or sp.end - e > 4 or not doc.is_boundary(sp.end) or suffix_at(text, sp.end, doc.lex) is None \
            or any(text.endswith(h, e, sp.end) for h in doc.lex.event_hosts):
        return None
    return sp.end


LEAD_VERB = re.compile(r"(?<=[拟现曾兼调转升出])任(?=[省市县区])|(?:联合|会同|携手)(?=[省市县区])")


def lead_verb(text: str, s: int, e: int) -> int:
    """How many characters of a verb open the span text[s:e] before a level word starts the body (拟任|市医疗保障局,
    市场监管局联合|县公安局: the tagger's one word), else 0."""
    m = LEAD_VERB.match(text, s)
    return m.end() - s if m is not None and e - m.end() >= 3 else 0


def own_start(text: str, s: int, e: int, home: Home) -> int:
    """How many characters open an organization's span text[s:e] before its own name: a verb (lead_verb), then a county
    before a name that opens with a province or city (county_prefix)."""
    k = lead_verb(text, s, e)
    return k + county_prefix(text[s + k:e], home)


def county_prefix(surface: str, home: Home) -> int:
    """The length of a county or town written before an organization's own name that opens with a province or city
    (兴平市|陕西兴化化学股份有限公司, 秦都区|陕西北元化工集团), else 0: 兴平市人民医院 is the county's own."""
    n = leading_county(surface, home)
    up = leading_place(surface[n:], home) if n else None
    return n if up is not None and up[0].level < COUNTY and len(surface) - n - up[1] >= 2 else 0


def model_orgs_alone(doc: Doc, found: list) -> list:
    """The mention model's organizations that overlap none of the rules' candidates `found` ((start, end, …) each):
    what the candidates cover is marked in one pass, not scanned once per model span."""
    covered = bytearray(len(doc.text) + 1)
    for a, b, *_ in found:
        covered[a:b] = b"\x01" * (b - a)
    return [sp for sp in doc.model_spans or () if sp.type == ORGANIZATION and not any(covered[sp.start:sp.end])]


def model_edge(doc: Doc, s: int, e: int) -> int | None:
    """Where the mention model's organization ending at `e` starts, where it differs from the rules' start `s` only
    by names the tagger marks (坡|仔村党支部, 务川|仡佬族苗族自治县委: the village's or the county's first word, which the
    rules left out) or by common words (项目投资方|湖北楚天智造科技有限公司: who the company is, no part of its name)."""
    ms = next((sp.start for sp in doc.model_spans_ending(ORGANIZATION, e) if sp.start != s and abs(sp.start - s) <= 6),
              None)
    if ms is None or not doc.is_boundary(ms):
        return None
    gap = doc.tokens_in(min(ms, s), max(ms, s))
    if not gap or gap[0].start != min(ms, s) or gap[-1].end != max(ms, s):
        return None
    if ms < s and s - ms <= 4 and all(t.pos in ("nt", "ns", "nz") for t in gap) and HAN_ONLY.fullmatch(doc.text, ms, s):
        return ms         # (巴勒莫vs|雷吉纳: two teams; 交行|工行: two banks, the tagger's abbreviations)
    if ms < s and _country_cut(doc.text, ms, s):
        return ms         # 大胜保|加利亚队: the tagger read the country's first character as a verb
    if ms > s and all(t.pos in ("n", "vn", "v") for t in gap):
        return ms
    return None


def _country_cut(text: str, ms: int, s: int) -> bool:
    """Does a country's name start at `ms` and run past `s` (保加利亚 of 保|加利亚队, 立陶宛 of 立|陶宛队)?"""
    countries = gazetteer().countries
    return any(n in countries for k in range(s + 1, min(ms + 8, len(text)) + 1) if len(n := text[ms:k]) >= 2)


def list_items(doc: Doc, tail: int) -> list[tuple[int, int]]:
    """Spans of the 、-separated items that end at offset `tail`."""
    text = doc.text
    s = tail
    while s > 0 and text[s - 1] not in "，,。；;：:！？\n（）()“”":
        s -= 1
        if tail - s > 120:
            return []
    items, pos = [], s
    for part in re.split(r"(、|和|及|与)", text[s:tail]):
        if part in ("、", "和", "及", "与"):
            pos += len(part)
            continue
        a, b = pos, pos + len(part)
        pos = b
        # trim a leading verb (联合高新区文创 -> 高新区文创)
        while a < b:
            t = doc.token_at(a)
            if t is None or not (t.pos.startswith(("v", "p", "c", "d")) and t.pos != "vn") or t.end >= b:
                break
            a = t.end
        if 2 <= b - a <= 12 and "的" not in text[a:b] and not COUNTED_ITEM.match(text, a, b):
            # 人大常委会任命的两院: a phrase; 一个单位: a counted thing; no name
            items.append((a, b))
    posts = doc.lex.alternation("titles", doc.lex.titles)
    if any(posts.search(text, a, b) for a, b in items):
        return []         # 党工委副书记、管委会主任许晓东分别与三家企业: officials listed, no organizations
    return items if len(items) >= 2 else []


def counted_items(doc: Doc) -> list[tuple[int, int]]:
    """The items of every list counted as organizations (A、B等3家企业)."""
    return [span for m in LIST_TAIL.finditer(doc.text) for span in list_items(doc, m.start())]


def shared_endings(doc: Doc, found: list[tuple]) -> list[tuple]:
    """The bodies a list of places shares the ending of with its last (建华区、龙沙区检察院: 建华区's procuratorate too,
    not the place 建华区), as candidates of the shape of `found`'s (start, end, name, aliases, weak): each item before
    the body, 、 between, a division of the level of the body's place written whole."""
    text, home, out = doc.text, doc.home, []
    for s, e, _name, _aliases, weak in found:
        body = text[s + 2:e] if text.startswith(("中共", "政协"), s) else text[s:e]
        lp = leading_place(body, home, allow_short=False)
        if weak or lp is None or not is_government_name(body[lp[1]:], doc.lex) or body != text[e - len(body):e]:
            continue
        at = s
        while at > 1 and text[at - 1] == "、":
            k = at - 1
            while k > 0 and at - 1 - k < 8 and "\u4e00" <= text[k - 1] <= "\u9fff":
                k -= 1
            item = next(((j, d) for j in range(k, at - 2) if (d := leading_place(text[j:at - 1], home, allow_short=False))
                         is not None and d[1] == at - 1 - j and d[0].level == lp[0].level and doc.is_boundary(j)), None)
            res = canonical(text[item[0]:at - 1] + body[lp[1]:], doc, home) if item is not None else None
            if res is None:
                break
            out.append((item[0], at - 1, res[0], res[1], False))
            at = item[0]
    return out
