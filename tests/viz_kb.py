"""A small knowledge base written by hand for the graph-view tests: every fact in it is known.

示例市 paper, two articles. 张三 is 市长 of 示例市人民政府 (stated 2021-01-13) and 副书记 of
中共示例市委员会 (stated 2021-03-03); he attended the 项目签约仪式 in 示例县 (2021-01-12), which
示例市人民政府 organized, with 李四, 局长 of 示例市工业和信息化局 (whose alias carries markup to
prove the page escapes it). 李四 and 王五 attended the 产业座谈会 (2021-03-02). 赵六 and 孙七 only
attended the 读书会 (2021-03, month only) and 周八 nothing: two more pieces of the graph.
"""
from __future__ import annotations

from datetime import date

from kg.datamodel import ORGANIZATION, PERSON, PLACE, Article, EntityRef, Paper
from kg.resolve import Entity, Holding, KnowledgeBase, Occurrence

PAPER = Paper(name="示例日报", city="示例市", province="示例省", org_name="示例日报社")
A1, A2 = "art0001", "art0002"
S1 = "1月12日，市委副书记、市长张三，市工信局局长李四在示例县出席项目签约仪式。"
S2 = "3月2日，市委副书记张三在产业座谈会上讲话，李四、王五参加。"
MARKUP_ALIAS = "工信</script><b>局"

P = {name: EntityRef(PERSON, name, scope="示例市") for name in ("张三", "李四", "王五", "赵六", "孙七", "周八")}
GOV = EntityRef(ORGANIZATION, "示例市人民政府")
CPC = EntityRef(ORGANIZATION, "中共示例市委员会")
IND = EntityRef(ORGANIZATION, "示例市工业和信息化局")
PROVINCE = EntityRef(PLACE, "示例省")
CITY = EntityRef(PLACE, "示例市", scope="示例省")
COUNTY = EntityRef(PLACE, "示例县", scope="示例省/示例市")


def small_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.articles[A1] = Article(id=A1, text="本报讯 " + S1, source="sample_2021-01-13.txt", title="项目签约仪式在示例县举行",
                              issue_date=date(2021, 1, 13), paper=PAPER)
    kb.articles[A2] = Article(id=A2, text="本报讯 " + S2, source="sample_2021-03-03.txt", title="全市产业座谈会召开",
                              issue_date=date(2021, 3, 3), paper=PAPER)

    def entity(ref, sentences: dict, aliases=(), parent=None, kind=None):
        kb.entities[ref] = Entity(ref, aliases=set(aliases), sources=set(sentences), parent=parent, kind=kind,
                                  sentences=dict(sentences), mentions=len(sentences))

    entity(P["张三"], {A1: S1, A2: S2})
    entity(P["李四"], {A1: S1, A2: S2})
    entity(P["王五"], {A2: S2})
    entity(P["赵六"], {A2: S2})
    entity(P["孙七"], {A2: S2})
    entity(P["周八"], {A2: S2})
    entity(GOV, {A1: S1}, aliases=("市政府",))
    entity(CPC, {A2: S2}, aliases=("市委",))
    entity(IND, {A1: S1}, aliases=("市工信局", MARKUP_ALIAS))
    entity(PROVINCE, {A1: S1}, kind="province")
    entity(CITY, {A1: S1}, parent=PROVINCE, kind="city")
    entity(COUNTY, {A1: S1}, parent=CITY, kind="county")
    for person, title, org, aid, day in [(P["张三"], "市长", GOV, A1, "2021-01-13"),
                                         (P["张三"], "副书记", CPC, A2, "2021-03-03"),
                                         (P["李四"], "局长", IND, A1, "2021-01-13")]:
        kb.holdings[(person, title, org)] = Holding(person, title, org, sources={aid}, dates={day})
    kb.events.append(Occurrence(name="项目签约仪式", date="2021-01-12", place=COUNTY, attendees=[P["张三"], P["李四"]],
                                organizers=[GOV], sources={A1}, sentences={A1: S1}))
    kb.events.append(Occurrence(name="产业座谈会", date="2021-03-02", attendees=[P["张三"], P["李四"], P["王五"]],
                                sources={A2}, sentences={A2: S2}))
    # 赵六 and 孙七 only share an event with each other: a second piece of the graph
    kb.events.append(Occurrence(name="读书会", date="2021-03", attendees=[P["赵六"], P["孙七"]],
                                sources={A2}, sentences={A2: S2}))
    return kb
