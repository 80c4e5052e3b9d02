"""kg.resolve: one node per real entity across a build, from extractions made by hand (no tagger)."""
from datetime import date

from kg.datamodel import (
    ORGANIZATION,
    PERSON,
    PLACE,
    Article,
    EntityRef,
    EventFact,
    Extraction,
    Membership,
    Paper,
)
from kg.resolve import resolve

HENGYANG = Paper("衡阳日报", "衡阳市", "湖南省", "衡阳日报社")
XIANGTAN = Paper("湘潭日报", "湘潭市", "湖南省", "湘潭日报社")


def article(aid: str, paper: Paper = HENGYANG, issue: date = date(2021, 1, 13)) -> Extraction:
    return Extraction(Article(id=aid, text="…", source=f"{aid}.txt", issue_date=issue, paper=paper))


def person(name: str, paper: Paper = HENGYANG) -> EntityRef:
    return EntityRef(PERSON, name, paper.city)


def with_person(ext: Extraction, ref: EntityRef, alias: str | None = None) -> Extraction:
    ext.entity(ref, alias)
    return ext


def test_resolve_same_name_same_city_is_one_person():
    a = with_person(article("a1"), person("朱健"))
    b = with_person(article("a2", issue=date(2021, 3, 2)), person("朱健"))
    kb = resolve([a, b])
    people = kb.of_type(PERSON)
    assert len(people) == 1 and people[0].sources == {"a1", "a2"}


def test_resolve_same_name_other_city_is_another_person():
    kb = resolve([with_person(article("a1"), person("张伟")), with_person(article("b1", XIANGTAN), person("张伟", XIANGTAN))])
    assert len(kb.of_type(PERSON)) == 2


def test_resolve_same_post_across_cities_merges_the_person():
    """张伟 of 衡阳日报 and 张伟 of 湘潭日报 holding the same post in the same organization are one person."""
    org = EntityRef(ORGANIZATION, "湖南省人民政府")
    a = with_person(article("a1"), person("张伟"))
    a.memberships.append(Membership(person("张伟"), "副省长", org))
    b = with_person(article("b1", XIANGTAN), person("张伟", XIANGTAN))
    b.memberships.append(Membership(person("张伟", XIANGTAN), "副省长", org))
    ev = EventFact("全省工作会议", date="2021-01-10", attendees=[person("张伟", XIANGTAN)])
    b.events.append(ev)
    kb = resolve([a, b])
    people = kb.of_type(PERSON)
    assert len(people) == 1 and people[0].sources == {"a1", "b1"}
    assert len(kb.holdings) == 1 and next(iter(kb.holdings.values())).sources == {"a1", "b1"}
    assert kb.events[0].attendees == [people[0].ref]


def test_resolve_other_post_across_cities_does_not_merge():
    a = with_person(article("a1"), person("张伟"))
    a.memberships.append(Membership(person("张伟"), "局长", EntityRef(ORGANIZATION, "衡阳市财政局")))
    b = with_person(article("b1", XIANGTAN), person("张伟", XIANGTAN))
    b.memberships.append(Membership(person("张伟", XIANGTAN), "局长", EntityRef(ORGANIZATION, "湘潭市财政局")))
    assert len(resolve([a, b]).of_type(PERSON)) == 2


def test_resolve_event_of_same_name_and_date_across_articles_is_one():
    a, b, c = article("a1"), article("a2"), article("a3")
    a.events.append(EventFact("衡阳文创联盟成立大会", date="2021-01-12", attendees=[person("朱健")]))
    b.events.append(EventFact("衡阳文创联盟成立大会", date="2021-01-12", attendees=[person("王军辉")],
                              aliases={"文创联盟成立大会"}))
    c.events.append(EventFact("衡阳文创联盟成立大会", date="2022-01-12"))      # next year's is another
    kb = resolve([a, b, c])
    assert len(kb.events) == 2
    first = next(e for e in kb.events if e.date == "2021-01-12")
    assert first.sources == {"a1", "a2"} and [p.name for p in first.attendees] == ["朱健", "王军辉"]
    assert first.aliases == {"文创联盟成立大会"}


def test_resolve_aliases_of_one_organization_gather():
    ref = EntityRef(ORGANIZATION, "衡阳市工业和信息化局")
    a, b = article("a1"), article("a2")
    a.entity(ref, "市工信局")
    b.entity(ref, "衡阳市工信局")
    b.entity(ref, "衡阳市工业和信息化局")        # its own name is no alias
    org = resolve([a, b]).entities[ref]
    assert org.aliases == {"市工信局", "衡阳市工信局"} and org.sources == {"a1", "a2"}


def test_resolve_post_keeps_the_issues_that_state_it():
    org = EntityRef(ORGANIZATION, "衡阳市人民政府")
    exts = []
    for aid, day in (("a1", date(2021, 1, 13)), ("a2", date(2021, 3, 2)), ("a3", date(2021, 2, 1))):
        ext = with_person(article(aid, issue=day), person("朱健"))
        ext.memberships.append(Membership(person("朱健"), "市长", org, {"衡阳市市长"} if aid == "a2" else set()))
        exts.append(ext)
    h = next(iter(resolve(exts).holdings.values()))
    assert h.dates == {"2021-01-13", "2021-03-02", "2021-02-01"} and h.sources == {"a1", "a2", "a3"}
    assert h.aliases == {"衡阳市市长"}


def test_resolve_place_in_the_nearest_named_place():
    """A place nobody names is no node: 代泉村 lies in 衡南县 when 柞市镇 goes unnamed, and 衡南县 in no place when
    neither 衡阳市 nor 湖南省 is named; an organization and an event likewise."""
    county = EntityRef(PLACE, "衡南县", "湖南省/衡阳市")
    town = EntityRef(PLACE, "柞市镇", "湖南省/衡阳市/衡南县")
    village = EntityRef(PLACE, "代泉村", "湖南省/衡阳市/衡南县/柞市镇")
    org = EntityRef(ORGANIZATION, "柞市镇人民政府")
    ext = article("a1")
    ext.entity(county)
    ext.entity(village).parent = town
    ext.entity(org).parent = town
    ext.events.append(EventFact("调研", date="2021-01-12", place=town))
    kb = resolve([ext])
    assert town not in kb.entities and EntityRef(PLACE, "衡阳市", "湖南省") not in kb.entities
    assert kb.entities[village].parent == county and kb.entities[org].parent == county
    assert kb.entities[county].parent is None and kb.events[0].place == county
    other = article("a2")
    other.entity(town).parent = county
    kb = resolve([ext, other])          # named in another article: it is the village's place again
    assert kb.entities[village].parent == town and kb.events[0].place == town
