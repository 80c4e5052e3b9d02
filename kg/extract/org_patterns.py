"""The patterns organizations are found by, made once per lexicon: known names (organizations.tsv), a level word
or place before a body (市委, 衡南县委宣传部: party_bodies.tsv, departments.tsv), armed forces and leagues after a
country (美军, 乌克兰联赛: org_units.tsv)."""
from __future__ import annotations

import re

from ..lexicon import Lexicon


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
                r"[^\W\d_在的和与对为从向把被将了是有等关于加强推进开展]{2,10}?(?:部|处|科|支队|大队)(?:[一二三四五六七八九十]队)?)?")
        return re.compile(rf"(?:中共|政协)?(?:[\u4e00-\u9fff]{{2,6}}?)?(?P<level>[省市县区])(?:{alt})(?!员){tail}")
    return lex.derived("org_level", make)


def suffix_at(text: str, end: int, lex: Lexicon) -> str | None:
    return lex.ending("org_suffixes", lex.org_suffixes, text, end)
