"""Which paper a page comes from, and so which city its 市委 and 我市 mean.

In order: the masthead (衡阳日报, 中共衡阳市委机关报), the user's --city, and
last the city the text itself names most often (with 我市 present), which the
build reports so the user can correct it.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..datamodel import Paper
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, gazetteer

SHORT_CITY = re.compile(r"[\u4e00-\u9fff]{2,}")


def resolve_city(hint: str, *, city: bool = False) -> tuple[str, str] | None:
    """(city, province) canonical names for a hint like 衡阳, 衡阳市 or 耒阳; None if unknown. With `city` (the user gave
    the hint as the paper's city), a city named as its province is (吉林: 吉林市, whose short name the gazetteer leaves to
    吉林省) is the city; a masthead's 吉林日报 is the province's paper."""
    if not hint:
        return None
    g = gazetteer()
    found = [d for d in g.find(hint) if d.level in (CITY, COUNTY, PROVINCE)]
    if city:
        found += [d for d in g.find(hint + "市", short=False) if d.level == CITY and d not in found]
    if not found:
        return None
    found.sort(key=lambda d: (d.level != CITY, d.level != COUNTY, d.level))
    d = found[0]
    path = g.path(d)
    province = next((x.name for x in path if x.level == PROVINCE), d.name)
    return d.name, province


def make_paper(name: str, city_hint: str, *, given: bool = False) -> Paper | None:
    """The paper called `name` of the city `city_hint` names; `given`: the user gave that city (--city), not a masthead."""
    resolved = resolve_city(city_hint, city=given)
    if resolved is None:
        return Paper(name=name, org_name=f"{name}社" if name else "") if name else None
    city, province = resolved
    short = city[:-1] if city.endswith("市") and len(city) > 2 else city
    guessed = not name          # the city's 日报, named by no masthead or user
    name = name or f"{short}日报"
    return Paper(name=name, city=city, province=province, org_name=f"{name}社", guessed=guessed)


@lru_cache(maxsize=1)
def _city_shorts() -> dict[str, str]:
    g = gazetteer()
    rows = g._con.execute("SELECT name, short FROM division WHERE level=?", (CITY,))
    return {short: name for name, short in rows if short and len(short) >= 2}


def infer_city(text: str) -> str | None:
    """The prefecture-level city a page without masthead is most likely about, or None."""
    if "我市" not in text and "本市" not in text and "市委" not in text:
        return None
    shorts = _city_shorts()
    counts = Counter()
    for short, name in shorts.items():
        n = text.count(short)
        if n:
            counts[name] += n
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    second = rest[0][1] if rest else 0
    return best if n >= 3 and n >= 2 * second else None
