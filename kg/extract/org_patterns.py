"""The patterns organizations are found by, made once per lexicon: known names (organizations.tsv), a level word
or place before a body (市委, 衡南县委宣传部: party_bodies.tsv, departments.tsv), armed forces and leagues after a
country (美军, 乌克兰联赛: org_units.tsv); and names in Latin letters the words beside them make a company."""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from .doc import Doc


def known_pattern(lex: Lexicon) -> re.Pattern:
    return lex.alternation("org_known", (n for n in lex.organizations if len(n) >= 2))


def army_pattern(lex: Lexicon) -> re.Pattern:
    """A country and an army word (美军, 印度海军, 苏联军方), an army named alone (八路军, 空军), or a country and a
    league (乌克兰联赛): org_units.tsv's army, army_prefix, army_named and league words."""
    def make() -> re.Pattern:
        from ..lexicon.gazetteer import gazetteer

        units = lex.org_units
        countries = {c for c in gazetteer().countries if len(c) >= 2}
        prefixes = {a for a, full in lex.abbreviations.items() if gazetteer().countries.get(full) and a != "中"}
        prefixes |= set(units.get("army_prefix", ()))

        def alt(words):
            return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
        return re.compile(
            first_of(countries | prefixes, units.get("army_named", ())) +
            rf"(?:(?P<nation>{alt(countries | prefixes)})(?:(?P<army>{alt(units.get('army', ()))})|(?P<league>{alt(units.get('league', ()))}))"
            rf"|(?:{alt(units.get('army_named', ()))})(?:{alt(w for w in units.get('army', ()) if w != '军')})?)")
    return lex.derived("org_army", make)


def first_of(*alternatives) -> str:
    """A lookahead for the characters a match can start with, when it starts with a word of one of `alternatives`:
    the regex engine tries each of hundreds of country names at every offset, the lookahead one character class.
    Empty when a list is empty or holds the empty word (a match may then start anywhere)."""
    words = [list(a) for a in alternatives]
    if not all(words) or not all(w for ws in words for w in ws):
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for ws in words for w in ws})) + "])"


def party_pattern(lex: Lexicon) -> re.Pattern:
    """A party, a place and a committee (致公党湖南省委会, 九三学社衡阳市委): parties.tsv."""
    def make() -> re.Pattern:
        parties = "|".join(map(re.escape, sorted(lex.parties, key=len, reverse=True))) or "(?!)"
        return re.compile(rf"(?:{parties})[\u4e00-\u9fff]{{2,8}}?[省市县区州](?:委员会|委会|委)")
    return lex.derived("org_party", make)


def level_pattern(lex: Lexicon) -> re.Pattern:
    """Level word (or 中共 + place) + a body stem, optionally + department: 市委, 县委宣传部, 省政协办公厅."""
    def make() -> re.Pattern:
        stems = sorted(set(lex.party_bodies) | set(lex.departments), key=len, reverse=True)
        alt = "|".join(map(re.escape, stems))
        tail = (r"(?P<tail>办公厅|办公室|组织部|宣传部|统战部|机关党委|机关党支部|巡查组|考核组|督查组|检查组|工作组|"
                r"(?:第[一二三四五六七八九十]{1,3})?(?:巡视组|巡察组|督导组)|"
                r"[^\W\d_在的和与对为从向把被将了是有等关于加强推进开展]{2,10}?(?:部|处|科|支队|大队)(?:[一二三四五六七八九十]队)?)?")
        return re.compile(rf"(?:中共|政协)?(?:[\u4e00-\u9fff]{{2,6}}?)?(?P<level>[省市县区])(?:{alt})(?!员){tail}")
    return lex.derived("org_level", make)


def suffix_at(text: str, end: int, lex: Lexicon) -> str | None:
    return lex.ending("org_suffixes", lex.org_suffixes, text, end)


LATIN_NAME = re.compile(r"(?<![A-Za-z0-9.@/_-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?(?![A-Za-z0-9.@/_-])")


def latin_orgs(doc: Doc) -> list[tuple[int, int]]:
    """Names in Latin letters that the words beside them make a company or body (org_cues.tsv): a unit word
    after the name, which the name takes in (Valve公司, BigHugeGames工作室), a company's
    word after the name (Valve开发的, THQ旗下) or before it (开发商Relic, 评级组织ESRB), or, for a name in
    capitals, a company's way of speaking after it (NASA宣布, EA表示)."""
    cues = doc.lex.org_cues
    if not cues:
        return []
    text = doc.text
    out = []
    posts = doc.lex.derived("latin_titles", lambda: {t.lower() for t in doc.lex.titles if t.isascii()})
    for m in LATIN_NAME.finditer(text):
        s, e = m.span()
        word = m.group()
        if len(word) < 2 or word.lower() in posts:
            continue      # CEO, dj: a post
        after = text[e:e + 4]
        before = text[max(0, s - 5):s].rstrip("“\"「")
        acronym = word.isupper() and len(word) <= 6
        hit = any(after.startswith(w) and not after[len(w):].startswith(("者", "商", "人员", "员")) for w in cues.get("after", ()))
        hit = hit or any(before.endswith(w) for w in cues.get("before", ()))
        hit = hit or (acronym and any(after.startswith(w) for w in cues.get("acronym", ())))
        unit = next((w for w in cues.get("unit", ()) if after.startswith(w)), None)
        if unit is not None:
            out.append((s, e + len(unit)))
        elif hit:
            out.append((s, e))
    return out


def post_in(doc: Doc, s: int, e: int) -> bool:
    """Does text[s:e] run over a post and what its holder does (局长肖志刚带领…, 常委肖志刚率…)?"""
    found = doc.lex.alternation("titles", doc.lex.titles).search(doc.text, s, e)
    return found is not None and any(doc.text.find(v, found.end(), e) >= 0 for v in LEADING)


NAMED_UNIT = re.compile(r"办公厅|办公室|组织部|宣传部|统战部|机关党委|机关党支部|[巡考督检]查组|工作组|"
                        r"(?:第[一二三四五六七八九十]{1,3})?(?:巡视组|巡察组|督导组)")
LEADING = ("带领", "带队", "陪同", "率", "和", "与", "及")


def head_follows(doc: Doc, surface: str, e: int) -> bool:
    """Is the name followed by the post of its head, named by its own ending (新闻出版署|署长, 信访办|办主任), with no
    person's name the tagger reads inside it (冯志明|乌审旗建设局|局长)?"""
    return len(surface) >= 4 and doc.text.startswith(surface[-1], e) and any(
        doc.text.startswith(t, e) for t in (surface[-1] + "长", "副" + surface[-1] + "长", surface[-1] + "主任")) \
        and not any(t.pos == "nr" for t in doc.tokens_in(e - len(surface), e))
