"""Newspapers, organizations as EXTRACTION.md counts them: the article's own (本报, its masthead's name) and those
named in title marks (《光明日报》, 《湘南晚报》).

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


def own_paper(doc: Doc) -> None:
    """The paper itself (本报, 衡阳日报), when the masthead or the user named it."""
    if doc.paper.org_name:
        paper_ref = EntityRef(ORGANIZATION, doc.paper.org_name)
        kind = next((k for k in ("日报", "晚报", "都市报") if doc.paper.name.endswith(k)), "本报")   # 晚报记者 X
        own = rf"(?:本报(?=[\u4e00-\u9fff]{{1,6}}?(?:\d{{1,2}}月\d{{1,2}}日)?讯)|(?:本报|(?<![\u4e00-\u9fff]){kind})(?=讯|记者|首席记者|评论员|通讯员|特约|全媒体|摄影))"
        for m in re.finditer(rf"{re.escape(doc.paper.name)}社?|{own}", doc.text):
            if doc.add(ORGANIZATION, m.start(), m.end(), paper_ref) is not None:
                doc.record(paper_ref).aliases.update({doc.paper.name, m.group()} - {doc.paper.org_name})
