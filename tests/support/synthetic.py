"""Synthetic knowledge bases of a chosen size, shaped like a city paper's archive.

For measuring and testing the graph view at 500, 5,000 or 50,000 nodes without
real text: made-up people hold posts in made-up organizations and attend events
in a tree of made-up places, with a few officials far better connected than the
rest, as in a real archive. Every fact has an article and a sentence (ours).
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate

from kg.datamodel import ORGANIZATION, PERSON, PLACE, Article, EntityRef, Paper
from kg.resolve import Entity, Holding, KnowledgeBase, Occurrence

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明军伟平红志强文海东晓丽敏静涛春芳勇杰辉峰宇鹏飞云霞波琴玲林斌刚磊超娟燕慧宁新民福安庆长永跃祥瑞"
FIELDS = "工业 农业 交通 教育 卫生 文化 商务 财政 水利 林业 科技 民政 司法 审计 统计 体育 旅游 住建 环保 应急".split()
ORG_KINDS = "局 委员会 办公室 中心 公司 协会 学校 医院".split()
TITLES = ("书记 副书记 市长 副市长 主任 副主任 局长 副局长 主席 副主席 部长 副部长 院长 校长 董事长 总经理 "
          "秘书长 处长 科长 所长 站长 队长 厅长 县长 区长 镇长 乡长 村支书 委员 常委").split()
EVENT_KINDS = "调研 座谈会 推进会 签约仪式 现场会 表彰大会 培训班 启动仪式 观摩会 工作会议".split()
PLACE_SUFFIXES = ("县", "区", "镇", "乡", "村", "街道", "社区", "园区")


def synthetic_kb(n_nodes: int, seed: int = 1) -> KnowledgeBase:
    """A KnowledgeBase whose graph (build_graph) has about `n_nodes` nodes."""
    rng = random.Random(seed)
    kb = KnowledgeBase()
    paper = Paper(name="示例日报", city="示例市", province="示例省", org_name="示例日报社")
    n_people, n_orgs, n_places = int(n_nodes * 0.36), int(n_nodes * 0.22), int(n_nodes * 0.14)
    n_titles = min(len(TITLES), max(3, n_nodes // 100))
    start = date(2012, 1, 1)
    next_article = iter(range(10**9))

    def article(day: date, subject: str) -> str:
        aid = f"syn{next(next_article):08d}"
        kb.articles[aid] = Article(id=aid, text=f"本报讯 {subject}。", source=f"synthetic/{day.isoformat()}.txt",
                                   title=subject[:24], issue_date=day, paper=paper)
        return aid

    def entity(ref: EntityRef, aid: str, sentence: str, kind: str | None = None, parent=None) -> Entity:
        e = kb.entities.get(ref) or kb.entities.setdefault(ref, Entity(ref, kind=kind, parent=parent))
        e.sources.add(aid)
        e.sentences.setdefault(aid, sentence)
        e.mentions += 1
        return e

    def unique_names(count: int, make) -> list[str]:
        seen: dict[str, None] = {}
        while len(seen) < count:
            name = make()
            if name in seen:
                name += str(len(seen))
            seen[name] = None
        return list(seen)

    # places: one city, counties under it, towns under those, villages under towns
    root = EntityRef(PLACE, "示例市")
    places = [root]
    aid0 = article(start, "示例市概况")
    entity(root, aid0, "示例市位于示例省。", kind="city")
    for i, name in enumerate(unique_names(max(0, n_places - 1), lambda: rng.choice(GIVEN) + rng.choice(GIVEN))):
        parent = places[rng.randrange(max(1, len(places) // 3 + 1))] if i > 3 else root
        level = min(len(PLACE_SUFFIXES) - 1, i.bit_length() // 3)
        ref = EntityRef(PLACE, name + PLACE_SUFFIXES[level], scope=parent.name)
        entity(ref, aid0, f"{ref.name}隶属{parent.name}。", kind="town", parent=parent)
        places.append(ref)
    orgs = [EntityRef(ORGANIZATION, n) for n in unique_names(
        n_orgs, lambda: "示例市" + rng.choice(FIELDS) + rng.choice(GIVEN) + rng.choice(ORG_KINDS))]
    people = [EntityRef(PERSON, n, scope="示例市") for n in unique_names(
        n_people, lambda: rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))]
    # a few officials appear everywhere: popularity falls off like a power law (cumulative weights)
    weights = list(accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(people))))
    org_weights = list(accumulate(1.0 / (i + 1) ** 0.7 for i in range(len(orgs))))
    titles = TITLES[:n_titles]
    seen_events: set[tuple[str, date]] = set()
    for i, person in enumerate(people):
        for _ in range(1 + (i < len(people) // 10)):
            org, title = rng.choices(orgs, cum_weights=org_weights)[0], rng.choice(titles)
            day = start + timedelta(days=rng.randrange(3650))
            aid = article(day, f"{org.name}{title}{person.name}")
            sentence = f"{org.name}{title}{person.name}出席会议。"
            entity(person, aid, sentence)
            entity(org, aid, sentence)
            h = kb.holdings.setdefault((person, title, org), Holding(person, title, org))
            h.sources.add(aid)
            h.dates.add(day.isoformat())
    n_posts = len({t for _, t, _ in kb.holdings})
    while len(kb.entities) + n_posts + len(kb.events) < n_nodes:   # events (and their organizers) fill the rest
        day = start + timedelta(days=rng.randrange(3650))
        place = rng.choice(places)
        name = f"{place.name}{rng.choice(FIELDS)}{rng.choice(EVENT_KINDS)}"
        while (name, day) in seen_events:
            name += "（续）"
        seen_events.add((name, day))
        attendees = list(dict.fromkeys(rng.choices(people, cum_weights=weights, k=rng.randint(1, 6))))
        organizers = rng.sample(orgs, k=min(len(orgs), rng.randint(0, 2)))
        aid = article(day, name)
        sentence = f"{day.month}月{day.day}日，{'、'.join(p.name for p in attendees)}在{place.name}出席{name}。"
        occ = Occurrence(name=name, date=day.isoformat(), place=place, attendees=attendees, organizers=organizers)
        occ.sources.add(aid)
        occ.sentences[aid] = sentence
        kb.events.append(occ)
        for ref in [place, *attendees, *organizers]:
            entity(ref, aid, sentence)
    return kb
