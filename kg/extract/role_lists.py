"""The lists of officials a title phrase may belong to (roles.py reads the phrases): the place a list is about, so
that `嘉峪关市委书记马光明，市委副书记、市长郑亚军`'s second 市委 and 市长 are 嘉峪关's; the body a head's deputies and
the units he leads are of (市人大常委会主任谭卫国主持会议，副主任陈立平; 市公安局局长肖志刚带领治安支队支队长王振宇)."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from ..datamodel import ORGANIZATION, EntityRef
from ..lexicon.gazetteer import CITY, COUNTY, PROVINCE, Division
from .doc import Doc
from .geo import Home, leading_place
from .org_names import canonical
from .post_orgs import implied_org, retarget, town_government

SUBUNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:科|处|室|部|中心|党支部|党总支|支部|分会|分院|研究所|队)$")


@dataclass
class Unit:
    start: int              # where the unit's text starts (its organization, or prefix, or title)
    end: int                # end of the title
    title: str              # bare title
    written: str            # as written: 市委副书记
    org: EntityRef | None
    has_own_org: bool


class ListPlace:
    """The place a list of officials is about: in `嘉峪关市委书记马光明，市委副书记、市长郑亚军` the second 市委
    and 市长 are 嘉峪关's, not the paper's city's. A title phrase whose organization names a place other than
    home sets it; the next phrase, when only a comma, 、 or 和 stands between the names before it and itself, has
    its bare 市委, 县政府 and implied 市长 read there, and its corporate posts written bare (总经理) the
    organization a post before them was written with; anything else between ends the list."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.place = None           # the Division the list is about
        self.org = None             # the organization a post of the list was last written with
        self.end = -1               # where the last names of the list ended
        self.titles: set[str] = set()   # the posts held there (厅长: a 副厅长 after it is of that body too)

    def apply(self, units: list[Unit]) -> None:
        """Read the bare bodies and implied organizations of a phrase's units at the list's place, or at the place
        a unit of the phrase itself is written with (汉中市委副书记、市长王建军)."""
        doc, text = self.doc, self.doc.text
        if units and self.org is not None:
            self._led_unit(units[0])
        continues = bool(units) and text[self.end:units[0].start] in ("，", ",", "、", "和", "与", "及")
        deputies = bool(units) and DEPUTIES.fullmatch(text, self.end, units[0].start) is not None
        if not continues and not self._county_city_sentence(units):
            self.place = None           # 长沙市委书记李四一行，市长王五陪同: 王五 is home's
            if not deputies:
                self.org = None
        corporate = doc.lex.word_set("role_words", "corporate") | doc.lex.word_set("role_words", "rank")
        for u in units:
            if u.has_own_org or u.org is not None or not (continues or deputies):
                continue
            if self.org is not None and (u.title in corporate or bare_post(u.title) in self.titles):
                u.org = self.org       # 衡钢有限公司董事长张国华、总经理李明远; 人大常委会主任X主持会议，副主任A
            elif continues:
                u.org = town_government(doc, u.title, self.org)       # 龙门镇党委书记罗斌，镇长谢文
        place = next((d for d in map(self._explicit, units) if d is not None), None)
        if place is None and any(map(self._home_written, units)):
            self.place = None         # 衡阳市委书记刘建新，赣州市委副书记、市长张小军 in a 赣州 paper: 赣州's 市长
        place = place or self.place or self._body_city_before(units)
        if place is None:
            return
        home = _home_at(doc.home, place)
        moved: dict[EntityRef, EntityRef] = {}
        for u in units:
            if self._explicit(u) is not None:
                continue
            surface = text[u.start:u.end - len(u.title)] if u.has_own_org else ""
            if surface[:1] in "省市县区" and surface.rstrip("副") not in ("", "省", "市", "县", "区"):
                res = canonical(surface.rstrip("副常务"), doc, home)
                if res is not None:
                    there = EntityRef(ORGANIZATION, res[0])
                    retarget(self.doc, u.start, u.org, there)
                    moved[u.org], u.org = there, there
                    doc.record(u.org, surface.rstrip("副常务"))
            elif u.org in moved:
                u.org = moved[u.org]        # 市农业农村局党组成员、副局长: the second post's body is the first's, read there
            elif not u.has_own_org:
                implied, known = implied_org(doc, u.title, home)
                if known and implied is not None:
                    u.org = implied

    def _led_unit(self, u: Unit) -> None:
        """A unit of the body the head before named, led or accompanied by him (市公安局局长肖志刚带领治安支队支队长王振宇:
        衡阳市公安局治安支队; 市中级人民法院院长谢文涛带领执行局局长王强: the court's 执行局)."""
        text = self.doc.text
        m = LED.fullmatch(text, self.end, u.start)
        if m is None:
            return
        unit = m.group(1) if not u.has_own_org else text[u.start:u.end - len(u.title)]
        bare = u.org is None or u.org.name == unit
        if bare and unit and (SUBUNIT.fullmatch(unit) or unit.endswith(("局", "庭", "所", "站"))) and len(unit) >= 2 \
                and leading_place(unit, self.doc.home) is None:
            u.org, u.has_own_org = EntityRef(ORGANIZATION, self.org.name + unit), True
            self.doc.record(u.org).aliases.add(unit)

    def after(self, units: list[Unit], names_end: int) -> None:
        explicit = next((d for d in map(self._explicit, units) if d is not None), None)
        self.place = explicit or self.place
        owned = next((u for u in units if u.has_own_org and u.org is not None), None)
        if owned is not None:
            self.org = owned.org
            self.titles = {bare_post(u.title) for u in units if u.org == owned.org}
        self.end = names_end

    def _county_city_sentence(self, units: list[Unit]) -> bool:
        """Is the list's place a county-level city named earlier in this sentence (耒阳市委书记A主持会议，市委副书记、
        市长B讲话: the sentence names 耒阳市, so its 市委 is 耒阳's: EXTRACTION.md)?"""
        d = self.place
        return bool(units) and d is not None and d.level == COUNTY and d.name.endswith("市") and self.end >= 0 \
            and not re.search(r"[。！？；\n]", self.doc.text[self.end:units[0].start])

    def _body_city_before(self, units: list[Unit]) -> Division | None:
        """The county-level city whose body the sentence named last before the phrase, as a body written with a place
        (冷水江市委召开常委会扩大会议，市委书记吴坤主持: the sentence names 冷水江市, so its 市委 is 冷水江's, not the
        prefecture's: EXTRACTION.md); None when that body is another place's or home's."""
        doc = self.doc
        if not units or doc.home.city is None:
            return None
        ss, _ = doc.sentence_span(units[0].start)
        last = None
        for m in doc.mentions(ORGANIZATION):
            if m.ref is None or not (ss <= m.start and m.end <= units[0].start):
                continue
            body = m.text[2:] if m.text.startswith(("中共", "政协")) else m.text
            lp = leading_place(body, doc.home, allow_short=False)
            if lp is not None and lp[1] < len(body):      # (冷水江市人民医院 is the city's hospital, not its 市委)
                last = lp[0] if doc.lex.starting("party_bodies", doc.lex.party_bodies, body[lp[1]:], 0) else None
        if last is None or last.level != COUNTY or not last.name.endswith("市") or last == doc.home.city:
            return None
        return last

    def _written_place(self, u: Unit) -> tuple[str, tuple | None]:
        """(the unit's body as written, without 中共 or 政协; the division it opens with and its length, or None)."""
        if not u.has_own_org or u.org is None:
            return "", None
        written = self.doc.text[u.start:u.end]
        body = written[2:] if written.startswith(("中共", "政协")) else written
        return body, leading_place(body, self.doc.home, allow_short=False)

    def _home_written(self, u: Unit) -> bool:
        """Is a unit's organization written with the home city's name (赣州市委 in a 赣州 paper)?"""
        lp = self._written_place(u)[1] if self.doc.home.city is not None else None
        return lp is not None and lp[0] == self.doc.home.city

    def _explicit(self, u: Unit):
        """The city or county a unit's organization is written with, when it is not home (嘉峪关市委)."""
        body, lp = self._written_place(u)
        home = self.doc.home
        if lp is not None and lp[0].level == PROVINCE and not lp[0].name.endswith("市"):
            inner = leading_place(body[lp[1]:], home, allow_short=False)
            lp = inner if inner is not None and inner[0].level in (CITY, COUNTY) else lp   # 浙江省杭州市委: 杭州's
        if lp is None or lp[0].level not in (CITY, COUNTY) and not lp[0].name.endswith("市") or lp[0] == home.city:
            return None         # (上海市委, a municipality's, counts as a city's)
        if lp[0] == home.county and not lp[0].name.endswith("市"):
            return None         # 祁东县委书记A，县长B reads home's county anyway; a county-level city's 市委 would not
        return lp[0]


LED = re.compile(r"(?:带领|率领|率|陪同|和|与)([\u4e00-\u9fff]{0,8}?)")      # …局长肖志刚带领|治安支队支队长
DEPUTIES = re.compile(r"[^，,。；;！？\n]{0,8}[，,。]")      # 主任黄建国主持会议(并讲话)，副主任陈国华 (or 。副主任…): the head's deputies


def bare_post(title: str) -> str:
    """副厅长 and 厅长 are posts of one body: the title without its deputy's words."""
    return title.removeprefix("常务").removeprefix("第一").removeprefix("副")


def _home_at(home: Home, d) -> Home:
    """`home` with `d` as its city (or county): where a list of officials from elsewhere reads 市委 and 市长."""
    other = copy.copy(home)
    if d.level == CITY:
        other.city, other.county = d, None
    else:
        other.county = d
        if d.name.endswith("市"):
            other.city = d          # 耒阳市委书记A，市委副书记、市长B: a county-level city's 市委 and 市长
    return other
