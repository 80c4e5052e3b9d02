"""Newspapers named in title marks: 《光明日报》, 《湘南晚报》 are organizations (EXTRACTION.md counts newspapers).

A paper is named as the article's own paper is (`make_paper`): its 报社, with the title as written an
alias, so 《湘南日报》 here and 湘南日报社 elsewhere are one organization. Words that end in 报 but name a
kind of document (《情况通报》, 《工作简报》) are not papers.
"""
from __future__ import annotations

import re

from ..datamodel import ORGANIZATION, EntityRef
from .doc import Doc
from .names import common_word

TITLED = re.compile(r"《([\u4e00-\u9fff]{1,10}报)》")
DOCUMENTS = ("通报", "简报", "公报", "汇报", "快报", "情报", "喜报", "捷报", "海报", "战报", "年报", "月报", "举报",
             "电报", "申报", "预报", "板报", "墙报")


def named_papers(doc: Doc) -> None:
    """Add each newspaper written in title marks as the organization 《X报》 names, X报社."""
    for m in TITLED.finditer(doc.text):
        title = m.group(1)
        if len(title) < 3 or len(title) >= 4 and title.endswith(DOCUMENTS) or common_word(doc.lex, title, 20):
            continue      # 《工作简报》 (but 《文汇报》 is 文汇|报)
        ref = EntityRef(ORGANIZATION, f"{title}社")
        if doc.add(ORGANIZATION, m.start(1), m.end(1), ref) is not None:
            doc.record(ref).aliases.add(title)
