"""The paper's home, read first: which city `市委` and `我市` mean, and which county an article is about.

In 衡阳日报 `市委` is 中共衡阳市委员会; in a story that names 衡南县 most among the home city's
counties, `县委` is 中共衡南县委员会 (geo.article_county); a dateline from a county's desk (眉县讯, 义乌讯) names
the county outright, and a county-level city's desk its 市委 too; a county paper's 莅清 (就我县…) names 清徐县
by its first character (geo.visited_county); a county-level city's own paper (来源：高邮日报) names it as its desk does. Organizations, places, roles and events
all read it; nothing else sets it.
"""
from __future__ import annotations

from ..lexicon.gazetteer import COUNTY
from .doc import Doc
from .geo import Home, article_county, dateline_county, paper_county, visited_county

NAME = "home"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("home",)


def run(doc: Doc) -> None:
    home = Home(doc.paper)
    desk = dateline_county(doc.text, home) or paper_county(doc.paper, home)
    home.county = desk or article_county(doc.text, home) or visited_county(doc.text, home)
    if home.county is None and home.city is not None and home.city.level == COUNTY:
        home.county = home.city      # a county's own paper (石柱): its 县委 and 县长
    if desk is not None and desk.name.endswith("市"):
        home.city = desk        # 义乌讯 in 金华日报: the county-level city's own story, its 市委 and 市长
    doc.home = home
