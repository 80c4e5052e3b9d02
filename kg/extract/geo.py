"""Place names as other extractors need them: the paper's home, and a place at the head of a name.

`市委` means the home city's committee, `县委` the county the article is about;
`衡南县委宣传部` and `湖南用友软件有限公司` begin with a place. These helpers
answer such questions from the gazetteer for the organization, place and role
extractors alike.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..datamodel import Paper
from ..lexicon import Lexicon
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, TOWN, Division, gazetteer

LEVEL_WORDS = {"省": PROVINCE, "市": CITY, "州": CITY, "县": COUNTY, "区": COUNTY}
HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def upper_names() -> dict[str, tuple[int, ...]]:
    """Full and short names of provinces, cities and counties, and full names of towns -> division ids. Kept
    in the user's cache folder (reading 40,000 divisions took each worker 0.3 s at start), under the
    gazetteer's version and the extraction code's."""
    from ..lexicon.gazetteer import CACHE_FORMAT, jionlp_version
    from ..run.cache import code_version, kept

    def make() -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for i, name, short, level in gazetteer()._con.execute("SELECT id, name, short, level FROM division WHERE level<=3"):
            if len(name) >= 2:
                out.setdefault(name, []).append(i)
            if short and len(short) >= 2 and level <= COUNTY:
                out.setdefault(short, []).append(i)
                if name.endswith(("自治州", "自治县")):     # 大理州, 湘西州, 芷江县: the short name and its level word
                    out.setdefault(short + name[-1], []).append(i)
        return {k: tuple(v) for k, v in out.items()}
    return kept("upper-names", f"{jionlp_version()}-{CACHE_FORMAT}-{code_version()}", make)


MAX_NAME = 12


class Home:
    """The paper's home city and province as divisions, and the article's county."""

    def __init__(self, paper: Paper):
        g = gazetteer()
        named = g.find(paper.city, short=False) if paper.city else ()
        # a city, else a county-level one, else a municipality (重庆, 天津: the paper's city for 市委 and 区委)
        self.city = _pick(named, CITY) or _pick(named, COUNTY) or _pick(named, PROVINCE)
        self.province = _pick(g.find(paper.province, short=False), PROVINCE) if paper.province else None
        self.county: Division | None = None

    def within_home(self, d: Division) -> bool:
        g = gazetteer()
        return self.city is not None and g.is_within(d, self.city)

    def within_province(self, d: Division) -> bool:
        g = gazetteer()
        return self.province is not None and g.is_within(d, self.province)

    def prefer(self, candidates) -> Division | None:
        """Among same-named divisions, the one a reader of this paper means."""
        if not candidates:
            return None
        cands = list(candidates)
        cands.sort(key=lambda d: (not self.within_home(d), not self.within_province(d), d.level))
        best = cands[0]
        if len(cands) > 1 and not self.within_province(best) and best.level >= COUNTY:
            same = [d for d in cands if d.level == best.level]
            if len(same) > 1:
                return None      # an out-of-province county or town with namesakes: no guess
        return best

    def by_level_word(self, word: str) -> Division | None:
        level = LEVEL_WORDS.get(word)
        if level == PROVINCE:
            return self.province
        if level == CITY:
            if self.city is not None and self.city.level == COUNTY and not self.city.name.endswith("市"):
                return gazetteer().parent(self.city)      # 市 in a county's own paper (石柱): the city above it
            if word == "州" and self.city is not None and self.city.level == COUNTY \
                    and (up := gazetteer().parent(self.city)) is not None and up.name.endswith("州"):
                return up                 # 州委 in a county-level city's paper (延吉): its prefecture's, 延边州's
            return self.city
        if level == COUNTY:
            return self.county
        return None


def _pick(cands, level: int) -> Division | None:
    for d in cands:
        if d.level == level:
            return d
    return None


@lru_cache(maxsize=1)
def longest_after_pair() -> dict[str, int]:
    """The first two characters of the names of provinces, cities, counties and towns -> the longest such name's
    length: most offsets start no name and are passed over with one lookup, not one per length."""
    out: dict[str, int] = {}
    for name in upper_names():
        if len(name) > out.get(name[:2], 0):
            out[name[:2]] = len(name)
    return out


@lru_cache(maxsize=1)
def first_of_pairs() -> frozenset[str]:
    """The characters a name of longest_after_pair begins with: a loop over a text's characters tests these first."""
    return frozenset(p[0] for p in longest_after_pair())


def leading_county(text: str, home: Home) -> int:
    """The length of a county or town written in full at the start of `text` (柯桥区, 兴平市, 漳江镇), else 0."""
    lp = leading_place(text, home, allow_short=False)
    return lp[1] if lp is not None and lp[0].level in (COUNTY, TOWN) else 0


def leading_place(text: str, home: Home, *, allow_short: bool = True) -> tuple[Division, int] | None:
    """The division named at the start of `text` (longest name first) and its length."""
    names = upper_names()
    g = gazetteer()
    for n in range(min(MAX_NAME, len(text), longest_after_pair().get(text[:2], 0)), 1, -1):
        ids = names.get(text[:n])
        if not ids:
            continue
        cands = [g.get(i) for i in ids]
        if text[n:n + 1] == "级":
            cands = [d for d in cands if d.name == text[:n]]      # 市中|级人民法院: the city's intermediate court, no 市中区
        if not allow_short:
            cands = [d for d in cands if d.name == text[:n]]
        cands = [d for d in cands if d.level <= COUNTY or (d.level == TOWN and d.name == text[:n])]
        # a short county name far from home is a word, not a place (南华 of 南华大学 is not 云南's 南华县)
        cands = [d for d in cands if d.name == text[:n] or d.level <= CITY or home.within_province(d)]
        d = home.prefer(cands)
        if d is not None:
            return d, n
    return None


GENERIC_AREAS = {"城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "全县", "本县", "该县", "我县"}


def article_county(text: str, home: Home) -> Division | None:
    """The county-level division of the home city the article names most, if any."""
    if home.city is None:
        return None
    g = gazetteer()
    counts: Counter = Counter()
    names = upper_names()
    for m in re.finditer(r"[县区市]", text):          # every name that ends at each: 到衡东县 is 衡东县
        for n in range(15, 1, -1):              # up to 双江拉祜族佤族布朗族傣族自治县, down to 攸县, 眉县
            if n == 2 and text[m.end() - 2:m.end()] in GENERIC_AREAS:
                continue
            found = [d for i in names.get(text[max(0, m.end() - n):m.end()], ()) if (d := g.get(i)).level == COUNTY
                     and home.within_home(d)] if m.end() >= n else []
            if found:
                counts[found[0].id] += 1
                break
    if not counts:
        return None
    return g.get(counts.most_common(1)[0][0])


DESK = re.compile(r"(?:^|\n)\s*([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?讯")


def dateline_county(text: str, home: Home) -> Division | None:
    """The county-level division of the home city whose desk the article's dateline names (眉县讯, 融水讯, 义乌讯 in a
    paper of 宝鸡, 柳州, 金华): the county the story is about, whatever else it names."""
    if home.city is None:
        return None
    m = DESK.search(text[:300])
    if m is None:
        return None
    found = [d for d in gazetteer().find(m.group(1)) if d.level == COUNTY and home.within_home(d)]
    return found[0] if len(found) == 1 else None


def paper_county(paper, home: Home) -> Division | None:
    """The county-level division of the home city whose own paper the masthead or source line names (高邮日报, 岳西报
    with the user's city 扬州, 安庆): its stories' 市委 and 县委 are its own (EXTRACTION.md: the outlet's own area)."""
    if home.city is None or not paper.name or paper.guessed:
        return None
    hint = re.sub(r"(?:日报|晚报|报)$", "", paper.name)
    if home.city.name.startswith(hint) or (home.province is not None and home.province.name.startswith(hint)):
        return None       # 衡阳日报: the city's own paper (no 衡阳县), 湖南日报 the province's
    found = [d for d in gazetteer().find(hint) if d.level == COUNTY and home.within_home(d)] if len(hint) >= 2 else []
    return found[0] if len(found) == 1 else None


OUR_COUNTY = re.compile(r"我县|本县")      # a county paper speaking of its own county
COME_SHORT = re.compile(r"(?:莅|来|抵)([\u4e00-\u9fff])(?=[，,。；\s]|调研|督导|检查|考察|视察|指导)")


def visited_county(text: str, home: Home) -> Division | None:
    """The county of the home city that a county paper's story names by its first character after a verb of coming
    (督导组莅清，就我县安全生产工作进行督导: 清徐县 in a paper of 太原), where the article speaks of 我县."""
    if home.city is None or not OUR_COUNTY.search(text):
        return None
    counties = [d for d in gazetteer().children(home.city) if d.level == COUNTY]
    for m in COME_SHORT.finditer(text[:400]):
        found = [d for d in counties if (d.short or d.name)[:1] == m.group(1)]
        if len(found) == 1:
            return found[0]
    return None


def abbreviation_run(word: str, abbr) -> bool:
    """Is `word` two to five one-character names of different places side by side (中美, 港澳台; not 中华)?"""
    return 2 <= len(word) <= 5 and all(c in abbr for c in word) and len({abbr[c] for c in word}) == len(word)


GOVERNMENT_ENDINGS = ("局", "委", "办", "厅", "部", "政府", "委员会", "办公室", "中心", "支队", "大队", "法院", "检察院", "政协",
                      "人大", "人大常委会", "纪委", "监委", "工委", "党校", "工会", "妇联", "团委", "残联", "科协", "文联")


def is_government_name(rest: str, lex: Lexicon) -> bool:
    """Is `rest` (an organization's name after its place) a party or government body?"""
    return is_government(rest, lex) or rest in ("委员会", "委")


def is_government(rest: str, lex: Lexicon) -> bool:
    """Does `rest` start with a party body or department, or end like a government body (…局, …委员会)?"""
    return (any(rest.startswith(stem) for stem in lex.party_bodies) or any(rest.startswith(d) for d in lex.departments)
            or rest.endswith(GOVERNMENT_ENDINGS))
