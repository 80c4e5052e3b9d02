"""The paper's home, read first: which city `市委` and `我市` mean, and which county an article is about.

In 衡阳日报 `市委` is 中共衡阳市委员会; in a story that names 衡南县 most among the home city's
counties, `县委` is 中共衡南县委员会 (geo.article_county). Organizations, places, roles and events
all read it; nothing else sets it.
"""
from __future__ import annotations

from .doc import Doc
from .geo import Home, article_county

NAME = "home"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("home",)


def run(doc: Doc) -> None:
    home = Home(doc.paper)
    home.county = article_county(doc.text, home)
    doc.home = home
