"""Organizations: found by known names, by their endings, by lists, and named canonically.

Four ways in: names known across China (organizations.tsv); a level word or place
followed by a body or department (市委, 衡南县委宣传部, 市工信局: party_bodies.tsv,
departments.tsv); a name ending in an organization suffix (华为技术有限公司,
薇尘公益服务中心), its start found over jieba's tokens; the items of a list
counted as organizations (`A、B、C等7家企业`). Each is then given its full name in
the paper's context, and short forms of a found name (角山米业 for
湖南角山米业有限责任公司) are aliases of the same organization.
"""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION, PERSON, EntityRef, Membership
from ..lexicon import Lexicon
from .doc import MODELLED, Doc, occurrences
from .geo import GOVERNMENT_ENDINGS, LEVEL_WORDS, abbreviation_run, leading_place
from .names import common_word, given_after_a_post, named_for_a_post, valid_name
from .org_edges import (
    counted_items,
    cut_from_a_word,
    left_edge,
    level_start,
    model_end,
    model_orgs_alone,
    model_start,
    own_start,
    shared_endings,
    title_takes,
)
from .org_names import (
    CALLED,
    canonical,
    hanzi_or_mid,
    mention_antecedent,
    named_in_full,
    short_forms,
    unit_after,
    with_term,
)
from .org_patterns import (
    LATIN_NAME,
    NAMED_UNIT,
    army_pattern,
    head_follows,
    known_pattern,
    latin_orgs,
    level_pattern,
    party_pattern,
    post_in,
    suffix_at,
)
from .org_words import (
    SINGLE_SUFFIXES,
    WORDS,
    acceptable,
    bare_department,
    ends_department,
    no_name,
    not_a_name_part,
    tagged_known,
    tagged_whole,
    website,
)
from .papers import named_papers, own_paper
from .teams import cue_pattern
from .venues import held_at, venue_follows

NAME = "organizations"
REQUIRES = ("home", "date")
ASSIGNS = ("organization", "person", "memberships")   # a studio names its person; 政协委员 is a seat

NAME_POS = {"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "vn", "an", "b", "eng", "l", "nnt", "x", "s", "f"}
JOINED = re.compile(r"联合|会同|携手|和|与|及")
STUDIO = re.compile(r"(?:委员|代表|劳模|名师|大师|专家)?工作室$")
WEBSITE = re.compile(r"(?:官方网站|官网|网址)\s*[:：]\s*([\u4e00-\u9fff]{2,12}网)")
ONE_OF = re.compile(r"([\u4e00-\u9fff]{2,6}?)一([\u4e00-\u9fff]{2,3})")
SOURCE_SITE = re.compile(r"来源\s*[:：]\s*([\u4e00-\u9fff]{2,12}(?:网|融媒体中心|新闻中心|广播电视台))")
OUTLET = re.compile(r"(?:^|(?<=[\n\s]))([\u4e00-\u9fff]{1,10}?网)(?=(?:\d{1,2}月\d{1,2}日)?讯)")    # 洛阳网讯, 泉州网2月21日讯


def _of_every_division(doc: Doc, word: str) -> bool:
    """Is `word` a body of all divisions of a level at once (乡镇党委, 县直机关党委: organization_words' levels)?"""
    levels = doc.lex.word_set(WORDS, "levels")
    return any(word.startswith(lv) and (rest := word[len(lv):]) and (
        rest in (*BRANCH_BODIES, *TOWN_BODIES) or rest in doc.lex.party_bodies or rest in doc.lex.word_set(WORDS, "generic")
        or rest.startswith("机关")) for lv in levels)


def _tagged_org(doc: Doc, ti: int, cands: _Candidates) -> tuple[int, int] | None:
    """The tagger's organization (nt) if it ends like one or is known; a bare guess to cands.weak, or cands.cut."""
    tok, text = doc.tokens[ti], doc.text
    s, e = tok.start, tok.end
    prev = doc.tokens[ti - 1] if ti > 0 else None
    if prev is not None and prev.pos == "ns" and len(prev.word) == 1 and prev.end == s \
            and leading_place(text[prev.start:e], doc.home, allow_short=False) is not None:
        s = prev.start          # 常|宁市基层人大: the tagger cut the place's first character off the name
    if text.endswith("第", 0, e) and e - s > 1 and ti + 2 < len(doc.tokens) and doc.tokens[ti + 1].pos == "m" \
            and suffix_at(text, doc.tokens[ti + 2].end, doc.lex):
        e = doc.tokens[ti + 2].end      # 市第|一|中学: the tagger cut the ordinal from the school
    word = text[s:e]
    if word.endswith("讯") and len(word) > 3:          # 衡阳日报讯: the paper's dateline
        e -= 1
        word = word[:-1]
    nxt = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.start == e and nxt.word in TOWN_BODIES and word.endswith(("镇", "乡", "街道")) and any(
            (lp := leading_place(word[k:], doc.home, allow_short=False)) and lp[1] == len(word) - k for k in range(len(word) - 2)):
        e = nxt.end                                      # 衡阳县西渡镇|党委: the tagger cut the town's body in two
        word = text[s:e]
    if len(word) > 3 and word[0] in "经由在对向据被从与和跟同" and word[1] in LEVEL_WORDS:
        s += 1                                           # 经市人民政府研究决定: a preposition, then the body
        word = word[1:]
    if nxt is not None and nxt.start == e and len(word) > 3 and not suffix_at(text, e, doc.lex) \
            and suffix_at(text, e - 1, doc.lex) and common_word(doc.lex, text[e - 1:nxt.end], 50, names_too=True):
        e -= 1                                           # 第一人民医院康|复: the hospital, then 康复
        word = word[:-1]
    cue = _team_cue_in(word, doc.lex)
    if cue >= 2:                                         # 曼联客场防平局, 都灵vsac米兰: the team, then the report
        e = s + cue
        word = word[:cue]
    host = next((h for h in doc.lex.event_hosts if word.endswith(h) and len(word) - len(h) >= 2), None)
    if host is not None:                                 # 广电运通协办: the organizer, then the verb
        e -= len(host)
        word = text[s:e]
    known = known_pattern(doc.lex).match(word)
    if known is not None and known.end() < len(word) and not_a_name_part(word, known.end(), doc.lex):
        e = s + known.end()                              # 招行首建, 京东jd: a known name, then words the tagger ran on
        word = text[s:e]
    post = _post_across(doc, s, e)
    if post is not None and text[post:e] in (*BRANCH_BODIES, "党工委") and text[s:post].endswith(PLACES_WITH_BODIES):
        post = None                                      # 西渡镇党委|书记: the town's own body, not 党委书记 of the town
    if post is not None:                                 # 刑侦大队大队|长: the post 大队长 begins inside the word
        e = post
        word = text[s:e]
    body = level_pattern(doc.lex).match(text, s)
    if body is not None and body.end() < e and not (suffix_at(text, e, doc.lex) or word.endswith(GOVERNMENT_ENDINGS)):
        e = body.end()                                   # 省纪委|会同, 县委|同乡: a body, then words the tagger ran on
        word = text[s:e]
    if word in doc.lex.word_set(WORDS, "unplaced"):
        return s, e       # 人大 alone: some place's congress, a mention (record keeps it off the graph)
    if len(word) < 2 or not hanzi_or_mid(word) or word in doc.lex.word_set(WORDS, "generic") or word.endswith("族"):
        return None       # 满族, 壮族: a people, not an organization
    if _of_every_division(doc, word):
        return None       # 各乡镇党委: the body of every town, no one organization
    if abbreviation_run(word, doc.lex.abbreviations):
        return None       # 中德: two countries (places), not an organization
    for unit in (*BRANCH_BODIES, "党组"):
        if word.endswith(unit) and len(word) > len(unit) + 1 and not word[:-len(unit)].endswith(PLACES_WITH_BODIES) and any(
                text.startswith(unit + rest, e - len(unit)) for rest in ("委员", "书记", "副书记", "成员")):
            e -= len(unit)      # 市工信局党委委员: the post is 党委委员 of 市工信局
            word = text[s:e]
            break
    if word in doc.lex.organizations or suffix_at(text, e, doc.lex) or any(word.endswith(st) for st in doc.lex.party_bodies):
        return s, e       # (no ending of an organization: the tagger's word alone, 曼联, 腾讯互娱, must look like a name)
    if (sum(1 for c in word if "\u4e00" <= c <= "\u9fff") >= 2 and not common_word(doc.lex, word, 20)
            and not leading_place(word, doc.home, allow_short=False)):
        if cut_from_a_word(doc, s, e):
            cands.cut.append((s, e))     # no name, but no room for the model's guess there (于|都中央红军长征出|发)
            return None
        cands.weak.add((s, e))
        return s, e
    return None


LIST_HEAD = re.compile(r"(?:^|(?<=[，,。；;：:\n（(]))(?:[^，,。；;：:\n、（(]{0,4}?)([省市县区])[^，,。；;：:\n、]{1,12}、(?:[^，,。；;：:\n、]{1,12}、)*$")


def _list_level(doc: Doc, s: int) -> str | None:
    """The level word (市, 县) the first item of a 、-list written before `s` starts with, when the list's first item
    is a body of that level (市发改委、财政局、住建局: each the city's)."""
    if s == 0 or doc.text[s - 1] != "、":
        return None
    m = LIST_HEAD.search(doc.text, max(0, s - 60), s)
    return m.group(1) if m is not None else None


def _post_across(doc: Doc, s: int, e: int) -> int | None:
    """Where a post begins that starts in the last two characters of text[s:e] and runs past `e`, leaving two
    characters or more before it; None if there is none. (A longer post inside, 开发区党工委|书记, is the
    organization's own body.)"""
    for start in range(max(s + 2, e - 2), e):          # the longest post first: 大队长, not 队长
        if any(doc.text[start:start + n] in doc.lex.titles for n in range(e - start + 1, e - start + 4)):
            return start
    return None


def _team_cue_in(word: str, lex: Lexicon) -> int:
    """Where the first word of a match report (vs, 客场, 战平: team_cues.tsv) starts in `word`; -1 if none."""
    m = cue_pattern(lex).search(word)
    return m.start() if m else -1


def _names_something(doc: Doc, s: int, e: int) -> bool:
    """Does text[s:e] (the part before 工作室) hold a name: a person, a known organization, a proper noun?"""
    part = doc.text[s:e]
    if part.endswith(("委员", "代表")):
        part = part[:-2]
    known = doc.lex.organizations
    if valid_name(part, doc.lex) or any(part[i:j] in known for i in range(len(part)) for j in range(i + 2, len(part) + 1)):
        return True
    if LATIN_NAME.fullmatch(part):
        return True       # BigHugeGames工作室: a name in Latin letters
    return any(t.pos in ("nr", "nz", "ns", "nt") and s <= t.start and t.end <= s + len(part)
               for t in doc.tokens_in(s, s + len(part)))


class _Candidates:
    """Spans proposed as organizations, each checked and named as it is recorded (`record`)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.found: list[tuple[int, int, str, set[str], bool]] = []
        self.weak: set[tuple[int, int]] = set()       # spans only the tagger proposes, with no ending of a name
        self.unplaced: list[tuple[int, int]] = []     # bodies of a place the article does not name: mentions, no entity
        self.anaphors: list[tuple[int, int]] = []     # an ending alone (公司总经理): the one named before, if any
        self.modelled: set[tuple[int, int]] = set()   # spans only the mention model proposes
        self.cut: list[tuple[int, int]] = []          # the tagger's words cut from a common word (cut_from_a_word)

    def record(self, s: int, e: int, is_weak: bool = False) -> None:
        doc, text, home = self.doc, self.doc.text, self.doc.home
        if named_for_a_post(doc, s - 2, 3):
            return                                       # 任命谢爱|华为局长: the name given the post ends inside it
        if cut := (ms := model_start(doc, s, e)) is not None:
            s = ms                                       # 新|闻出版局, 土地管|理局: the tagger began inside a word
        if text.endswith("共青团", 0, s) and text[s:s + 1] not in "，、":
            s -= 3                                       # 共青团|衡阳市委: the Youth League's committee, not the Party's
        s += own_start(text, s, e, home)       # 拟任|市医疗保障局, 兴平市|陕西兴化化学股份有限公司: a verb, a county, then the name
        surface = text[s:e]
        if ran_on := surface.endswith(("联合", "会同", "携手")) and len(surface) >= 5:
            e, surface = e - 2, surface[:-2]             # 市妇联联合|市人社局: the tagger ran the body on into 联合
        joined = JOINED.search(surface, 2)
        if joined is not None and e - s - joined.end() >= 2 and (
                suffix_at(text, s + joined.start(), doc.lex) or ends_department(surface[:joined.start()], doc.lex)) \
                and (suffix_at(text, e, doc.lex) or ends_department(surface, doc.lex)):
            self.record(s, s + joined.start(), is_weak)      # 市教育局联合市公安局: two bodies, the tagger's one word
            self.record(s + joined.end(), e, is_weak)
            return
        if extended := is_weak and (me := model_end(doc, s, e)) is not None and not title_takes(doc, e, me):
            e, surface = me, text[s:me]                  # 华龙|酒楼: the tagger ended before the name's ending
        modelled = (s, e) in self.modelled
        if leading_place(surface, home) is None:      # 洪宽工业村福建旭成科技公司: the company in the park
            k = next((k for k in range(3, len(surface) - 3)
                      if surface[k - 1] in "村镇乡区园" and leading_place(surface[k:], home) is not None), 0)
            s, surface = s + k, surface[k:]
            if modelled:
                self.modelled.add((s, e))
        if surface in doc.lex.org_suffixes:
            self.anaphors.append((s, e))      # 公司 alone is the company the article named before it
            return
        if surface in doc.lex.word_set(WORDS, "unplaced"):
            self.unplaced.append((s, e))      # 人大, 政协 alone: which place's the name leaves unknown
            return
        if no_name(surface, doc.lex):
            return        # 大会主席团, the model's guess too; “公司+合作社+农户”, …纪念馆等景区: no organization the graph names
        if (one := ONE_OF.fullmatch(surface)) and common_word(doc.lex, one.group(2), 50) \
                and (lp := leading_place(one.group(1), home)) is not None and lp[1] == len(one.group(1)):
            return        # 晋江一小学举办开学典礼: a school in 晋江, no name (but 鲁甸一中 is one)
        if bare_department(surface, doc.lex) and (level := _list_level(doc, s)) is not None \
                and (res := canonical(level + surface, doc, home)) is not None:
            self.found.append((s, e, res[0], res[1] | {surface}, False))     # 市发改委、财政局: the city's 财政局
            return
        if bare_department(surface, doc.lex) and doc.is_boundary(s) and doc.is_boundary(e):
            if not modelled:
                self.unplaced.append((s, e))      # 民政局 alone: some city's bureau, a mention that names no organization
            return
        if bare_department(surface, doc.lex) or surface.endswith(("街道办事处", "村委会", "居委会")):
            return        # 卫健委 alone: some city's; 向阳桥街道办事处 is the town
        core = surface.lstrip("团")        # 团市委: the Youth League's, a body of the level word after 团
        if surface[-1] in SINGLE_SUFFIXES and surface not in doc.lex.organizations and not (
                core[0] in LEVEL_WORDS or surface.startswith(("中共", "政协", "共青团")) or leading_place(surface, home)
                or cut or extended or tagged_whole(doc, s, e) or NAMED_BRANCH.search(surface) or head_follows(doc, surface, e)):
            return        # 全程网办, 平台办: a one-character ending needs a place before it, or the tagger's word
        if len(ev := doc.lex.ending("event_nouns", doc.lex.event_nouns, surface, len(surface)) or "") >= 3 \
                and ev not in doc.lex.word_set(WORDS, "bodies"):
            return        # 衡阳招商推介会: an event, not an organization (but 常委会 is a body)
        if surface.endswith("工作室") and not _names_something(doc, s, e - 3):
            return        # 委员工作室 alone is any member's studio
        if len(surface) <= 3 and not ran_on and not (doc.is_boundary(s) and doc.is_boundary(e)) and not (
                core[0] in "省市县区州" and core[1:] in doc.lex.party_bodies) and not tagged_known(doc, s, e):
            return        # 央行 inside 中央行动 (but 省纪委 is one even where the tagger ran on: 省纪委会同)
        if venue_follows(doc, e) or surface.endswith(("大厅", "服务大厅")):
            return        # part of a venue's name (…中共代表团旧址), or a hall
        if held_at(doc, s, e):
            return        # 在桂林国际会展中心开幕: the venue, a place
        if len(post := doc.lex.ending("titles", doc.lex.titles, surface, len(surface)) or "") >= 2 and post != surface:
            return        # 致公党衡阳市委会主委: an organization and a post, not a name ending in 委
        res = canonical(surface, doc, home)
        if res is None:
            if not modelled:      # the model's guess at a body of no place named is not even a mention
                self.unplaced.append((s, e))      # 县委 with no county named: an organization, but which one is unknown
            return
        name, aliases = res
        self.found.append((s, e, name, aliases, is_weak))


def run(doc: Doc) -> None:
    cands = _Candidates(doc)
    own_paper(doc)
    named_papers(doc)
    _by_names(doc, cands)
    _grassroots(doc, cands)
    _by_endings(doc, cands)
    for s, e in [*counted_items(doc), *latin_orgs(doc)]:      # A、B等3家企业; Valve开发的, THQ旗下, NASA宣布
        cands.record(s, e)
    for sp in model_orgs_alone(doc, cands.found + cands.cut):      # the model's alone: an entity once corroborated
        e = sp.end - 2 if doc.text[sp.end - 2:sp.end] == "党组" and sp.end - sp.start >= 5 \
            and title_takes(doc, sp.end - 2, sp.end) else sp.end
        cands.modelled.add((sp.start, e))       # (…草原局党组|书记: the post is 党组书记, the body the bureau)
        cands.record(sp.start, e, is_weak=True)
    cands.found += shared_endings(doc, cands.found)      # 建华区、龙沙区检察院
    kept = _keep(doc, cands)
    _studios(doc)
    _short_form_mentions(doc, kept)


PLACES_WITH_BODIES = ("村", "社区", "镇", "乡", "街道")
BRANCH_BODIES = ("党支部", "党总支", "党委")          # the party body of a village, a community or a bureau
TOWN_BODIES = ("党委", "党工委", "人民政府", "政府")
GRASSROOTS = re.compile(rf"(?:村|社区)(?:{'|'.join(BRANCH_BODIES)})")
VILLAGE_COMMITTEE = re.compile(r"(村|社区)(?:村委会|居委会|村民委员会|居民委员会)")
TOWN_GOVERNMENT = re.compile(r"[镇乡](?:人民政府|政府)")
NAMED_BRANCH = re.compile(rf"[\u4e00-\u9fff]{GRASSROOTS.pattern}$")      # 梅花村党支部, not 村党支部


def _grassroots(doc: Doc, cands: _Candidates) -> None:
    """A village's or community's party body (梅花村党支部, 潇湘社区党委): an organization of its own, where a
    county's bureau's 党委 is the bureau's (市工信局党委书记 holds 书记 at 市工信局); the village is a place."""
    for m in TOWN_GOVERNMENT.finditer(doc.text):     # 西渡镇人民政府, 北滘镇政府: the town's government
        tok = doc.token_at(m.start())
        if tok is not None and tok.end == m.start() + 1 and tok.start < m.start() and tok.pos in ("ns", "nt", "nz") \
                and all("\u4e00" <= c <= "\u9fff" for c in doc.text[tok.start:m.start()]):
            cands.record(tok.start, m.end())
    for m in VILLAGE_COMMITTEE.finditer(doc.text):   # 梅花村村委会: the village's committee (the village is a place)
        tok = doc.token_at(m.start())
        head = max(tok.start if tok is not None else m.start(), doc.text.rfind("镇", 0, m.start()) + 1,
                   doc.text.rfind("乡", 0, m.start()) + 1)
        village = doc.text[head:m.start() + len(m.group(1))]
        if len(m.group(1)) + 2 <= len(village) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in village):     # (not 社区居委会)
            body = "村民委员会" if m.group(1) == "村" else "居民委员会"
            cands.found.append((head, m.end(), village + body, {doc.text[head:m.end()]}, False))
    for m in GRASSROOTS.finditer(doc.text):
        place_end = m.start() + (1 if doc.text[m.start()] == "村" else 2)
        tok = doc.token_at(place_end - 1)
        if tok is not None and tok.start < m.start() and tok.pos in ("ns", "nt", "nz", "n") \
                and all("\u4e00" <= c <= "\u9fff" for c in doc.text[tok.start:place_end]):
            cands.record(tok.start, m.end())


def _by_names(doc: Doc, cands: _Candidates) -> None:
    """A masthead's website, known names, level-prefixed bodies (市委, 衡南县委宣传部), armed forces (美军, 八路军) and
    leagues named after a country (乌克兰联赛)."""
    text, home = doc.text, doc.home
    for m in WEBSITE.finditer(text):
        cands.record(m.start(1), m.end(1))
    for m in SOURCE_SITE.finditer(text):      # 来源：衡阳县人民政府网: the outlet, whole (not the government in its name)
        if m.group(1).endswith("网"):
            doc.add(ORGANIZATION, m.start(1), m.end(1), EntityRef(ORGANIZATION, m.group(1)))
    for m in OUTLET.finditer(text):       # 洛阳网讯（记者 王莹莹）: the web outlet its dateline names, an organization
        name = m.group(1)
        if name == "本网":                 # 本网讯: the site the page's 来源 line names, if any (九江新闻网)
            if (source := SOURCE_SITE.search(text)) is None:
                continue
            name = source.group(1)
        ref = EntityRef(ORGANIZATION, name)
        doc.add(ORGANIZATION, m.start(1), m.end(1), ref, alias=m.group(1))
    for m in known_pattern(doc.lex).finditer(text):
        s, e = m.span()
        if (t := doc.token_at(s)) is not None and t.start < s and t.pos == "nr":
            continue      # 任命王建|华为…: a known name starting inside a person's, none
        league = doc.lex.org_units.get("league", ())
        if doc.lex.organizations[m.group()].endswith(league) and (tail := next(
                (w for w in league if text.startswith(w, e)), None)) is not None and doc.is_boundary(e + len(tail)):
            e += len(tail)       # 英超联赛: the league's short name and the word league
        cands.record(s, e)
    for m in party_pattern(doc.lex).finditer(text):
        cands.record(*m.span())
    for m in level_pattern(doc.lex).finditer(text):
        s, e = level_start(doc, m, home)
        if m.group("tail") and (not doc.is_boundary(e) or post_in(doc, m.start("tail"), e) or not NAMED_UNIT.fullmatch(
                m.group("tail")) and any(t.pos == "v" for t in doc.tokens_in(m.start("tail"), e - 1))):
            #                                  (市委宣传部|组织全体干部: a verb, then 干部; but 省安委会巡查组)
            e -= len(m.group("tail"))        # 省安委会统一部署: 统一部 is no department; 市公安局|局长肖志刚带领治安支队:
            #                                  a post and its holder, then a unit
        if s > 0 and text[s - 1] in "省市县区" and text[s] in "省市县区":
            continue   # the 市 of 衡阳市委 belongs to the place, found below
        cands.record(s - (text[s - 1:s] == "团" and text[s] in "省市县区"), e)      # 团市委: the Youth League's
    for m in army_pattern(doc.lex).finditer(text):
        s, e = m.span()
        if doc.is_boundary(s) and doc.is_boundary(e) and text[s - 1:s] not in ("某", "该", "各", "老") and not (
                m.group("league") and not m.group("nation")):
            cands.record(s, e)


def _by_endings(doc: Doc, cands: _Candidates) -> None:
    """Names ending in an organization suffix (华为技术有限公司), and the tagger's organization names."""
    text, ends = doc.text, doc.lex.last_chars("org_suffixes", doc.lex.org_suffixes)     # as suffix_at reads them
    for ti, tok in enumerate(doc.tokens):
        if tok.pos == "nt":
            span = _tagged_org(doc, ti, cands)
            if span is not None:
                cands.record(*span, is_weak=span in cands.weak)
        if tok.pos == "nz" and website(doc, tok):
            cands.record(tok.start, tok.end)
        if ends is not None and tok.word[-1] not in ends:
            continue      # what suffix_at answers at once, without its calls, for most tokens
        suf = suffix_at(text, tok.end, doc.lex)
        if suf is None or _post_across(doc, tok.start, tok.end) is not None or (tok.end < len(text) and suffix_at(text, tok.end + 1, doc.lex) and text[tok.end] in "会部室处科"):
            continue
        if len(suf) == 1 and (tok.word != suf and not (tok.pos in ("nt", "nz") or ends_department(tok.word, doc.lex))
                              or common_word(doc.lex, text[tok.end - 2:tok.end], 100, names_too=True)):
            continue      # 格局, 举办, 全部: words that end in 局/办/部 by accident
        if text.startswith("城市", tok.end):
            continue      # 省域副中心城市
        start = left_edge(doc, ti, tok.end - len(suf))
        surface = text[start:tok.end]
        if acceptable(surface, suf, doc.lex):
            cands.record(start, tok.end)


def _keep(doc: Doc, cands: _Candidates) -> list[tuple[str, set[str]]]:
    """Add the candidates as mentions: a branch or department written right after its organization is one with it
    (交通银行深圳分行), the longest of overlapping candidates wins, the tagger's guesses last. Returns (name, aliases)
    of each kept."""
    text, found = doc.text, cands.found
    units = {}
    for s, e, name, _aliases, is_weak in found:
        end = unit_after(doc, e, name, doc.home)
        if end is not None and not title_takes(doc, e, end):      # (安踏集团|董事局主席: the title's board)
            units[(s, end)] = (s, end, name + text[e:end], {text[s:end]}, is_weak)
    found = [f for f in found if (f[0], f[1]) not in units] + list(units.values())
    found = [with_term(doc, *f) for f in found]
    found.sort(key=lambda x: (x[4], -(x[1] - x[0]), x[0]))   # the tagger's guesses last
    kept = []
    legal, names = doc.lex.word_set(WORDS, "legal"), {f[2] for f in found}
    for s, e, name, aliases, is_weak in found:
        if (longer := next((n for n in names if n.startswith(name) and n[len(name):] in legal), None)) is not None:
            name, aliases = longer, aliases | {name}      # 瓯越电气集团 of 瓯越电气集团有限公司: one company
        ref = EntityRef(ORGANIZATION, name)
        if is_weak and any(k[0] != name and (k[0].startswith(name) or name.startswith(k[0])) for k in kept):
            continue          # 爱迪 beside 爱迪国际, 中国电信云 beside 中国电信: the tagger cut a name short or long
        value = MODELLED if is_weak and (s, e) in cands.modelled else None
        if given_after_a_post(doc, s, e):
            continue          # 检察长卫|红军: a name, not the Red Army
        if doc.add(ORGANIZATION, s, e, ref, value, weak=is_weak) is not None:
            if not is_weak:
                doc.record(ref).aliases.update(a for a in aliases if a != name)
            kept.append((name, aliases))
    for s, e in sorted(cands.unplaced, key=lambda x: x[0] - x[1]):
        if not any(a < e and s < b for a, b, *_ in found):
            doc.add(ORGANIZATION, s, e)
    for s, e in cands.anaphors:
        mention_antecedent(doc, s, e)
    return kept


def _studios(doc: Doc) -> None:
    """A studio named after a person (刘晓琼委员工作室) names that person too; in a story about the political
    consultative conference (政协), 委员 there is that person's seat on the city's 政协."""
    city = doc.home.city
    cppcc = "政协" in doc.text and city is not None
    for m in doc.mentions(ORGANIZATION):
        if (st := STUDIO.search(m.text)) and valid_name(m.text[: st.start()], doc.lex):
            person = EntityRef(PERSON, name := m.text[: st.start()], doc.paper.city)
            doc.add(PERSON, m.start, m.start + len(name), person, claim=False)
            if cppcc and st.group().startswith("委员"):
                seat = EntityRef(ORGANIZATION, f"政协{city.name}委员会")
                doc.record(seat).aliases.add(f"{city.name}政协")
                doc.add_membership(Membership(person, "委员", seat, {"政协委员"}))


def _short_form_mentions(doc: Doc, kept: list[tuple[str, set[str]]]) -> None:
    """Short forms of what was found (角山米业, 用友, 大湘网) name the same organization."""
    shorts: dict[str, str] = {}
    for m in CALLED.finditer(doc.text):       # 湖北兴发化工集团股份有限公司（以下简称“兴发集团”）: the text's own short name
        named = next((o for o in doc.ending_at(m.start(), ORGANIZATION) if o.ref is not None), None)
        if named is not None:
            shorts[m.group(1)] = named.ref.name
    for name, _aliases in kept:
        for short in short_forms(name, doc.home, doc.lex):
            if short not in doc.lex.word_set(WORDS, "generic") and short not in doc.lex.organizations:
                shorts.setdefault(short, name)
    orgs = doc.mentions(ORGANIZATION, by_start=False)
    named = {o.ref.name for o in orgs if o.ref is not None}
    for m in orgs:
        if m.ref is not None and m.text not in shorts and (full := named_in_full(doc, m, named)) is not None:
            shorts[m.text] = full       # 国联水产 of 国联水产(湛江)…公司, 市督导组 of 衡阳市…第二督导组
        if m.ref is not None and m.text in shorts and m.ref.name != shorts[m.text]:
            old = m.ref
            m.ref = EntityRef(ORGANIZATION, shorts[m.text])
            doc.record(m.ref, m.text)
            if not any(x.ref == old for x in orgs if x is not m):
                doc.forget(old)
    for short, name in shorts.items():
        for k in occurrences(doc.text, short):
            doc.add(ORGANIZATION, k, k + len(short), EntityRef(ORGANIZATION, name))
