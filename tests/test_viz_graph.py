"""kg.viz.graph: the knowledge base as a networkx graph, each node carrying its facts; support.synthetic."""
import pytest

from kg.viz.graph import TYPES, build_graph, node_key, type_counts
from support.synthetic import synthetic_kb
from viz_kb import A1, A2, MARKUP_ALIAS, S1, S2, small_kb


@pytest.fixture(scope="module")
def g():
    return build_graph(small_kb())


def by_label(g, label):
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)


def facts(g, label, kind):
    return [(g.nodes[f["ref"]]["label"], f) for f in g.nodes[by_label(g, label)]["facts"] if f["kind"] == kind]


def test_viz_graph_counts_every_type(g):
    assert type_counts(g) == {"person": 6, "organization": 3, "place": 3, "post": 3, "event": 3}
    assert all(d["type"] in TYPES and d["label"] for _, d in g.nodes(data=True))


def test_viz_graph_person_posts_carry_organization_and_dates(g):
    posts = {label: (f["org"], f["date"], g.nodes[f["org_ref"]]["label"]) for label, f in facts(g, "张三", "holds")}
    assert posts == {"市长": ("示例市人民政府", "2021-01-13", "示例市人民政府"),
                     "副书记": ("中共示例市委员会", "2021-03-03", "中共示例市委员会")}


def test_viz_graph_person_events_and_their_dates(g):
    assert [(label, f["date"]) for label, f in facts(g, "张三", "attended")] == [
        ("项目签约仪式", "2021-01-12"), ("产业座谈会", "2021-03-02")]


def test_viz_graph_facts_are_in_date_order(g):
    dates = [f["date"] for f in g.nodes[by_label(g, "张三")]["facts"]]
    assert dates == sorted(dates)


def test_viz_graph_event_has_place_attendees_organizers(g):
    assert [label for label, _ in facts(g, "项目签约仪式", "location")] == ["示例县"]
    assert sorted(label for label, _ in facts(g, "项目签约仪式", "attendee")) == ["张三", "李四"]
    assert [label for label, _ in facts(g, "项目签约仪式", "organizer")] == ["示例市人民政府"]
    assert g.nodes[by_label(g, "项目签约仪式")]["date"] == "2021-01-12"


def test_viz_graph_places_inside_each_other_both_ways(g):
    assert [label for label, _ in facts(g, "示例县", "inside")] == ["示例市"]
    assert [label for label, _ in facts(g, "示例市", "contains")] == ["示例县"]


def test_viz_graph_organization_members_and_post_holders(g):
    assert [(label, f["title"]) for label, f in facts(g, "示例市人民政府", "member")] == [("张三", "市长")]
    assert [(label, f["org"]) for label, f in facts(g, "局长", "holder")] == [("李四", "示例市工业和信息化局")]


def test_viz_graph_sentences_name_their_articles(g):
    d = g.nodes[by_label(g, "张三")]
    assert d["sentences"] == [{"article": A1, "text": S1}, {"article": A2, "text": S2}]
    assert [(s["id"], s["date"], s["title"]) for s in d["sources"]] == [
        (A1, "2021-01-13", "项目签约仪式在示例县举行"), (A2, "2021-03-03", "全市产业座谈会召开")]
    assert MARKUP_ALIAS in g.nodes[by_label(g, "示例市工业和信息化局")]["aliases"]


def test_viz_graph_node_keys_are_unique_and_short(g):
    keys = [node_key(n) for n in g]
    assert len(set(keys)) == len(keys)
    assert all(k.count("/") == 1 and k.split("/")[0] in TYPES for k in keys)


@pytest.mark.parametrize("n", [500, 5000])
def test_viz_synthetic_kb_has_the_size_asked_for(n):
    g = build_graph(synthetic_kb(n))
    counts = type_counts(g)
    assert g.number_of_nodes() == n and set(counts) == set(TYPES)
    degrees = sorted((d for _, d in g.degree), reverse=True)
    assert degrees[0] > 8 * (sum(degrees) / len(degrees))   # a few hubs, as in a real archive


def deeper_kb():
    """small_kb with a chain under 示例县 as a real page names it (示例镇 > 代泉村 > 杨梅组), an event in 杨梅组, a
    party committee in 示例镇 whose secretary is 王五, and a masthead: what a county's panel must roll up."""
    from datetime import date

    from kg.datamodel import ORGANIZATION, PLACE, Article, EntityRef
    from kg.resolve import Entity, Holding, Occurrence
    from viz_kb import COUNTY, PAPER, P

    kb = small_kb()
    town = EntityRef(PLACE, "示例镇", scope="示例省/示例市/示例县")
    village = EntityRef(PLACE, "代泉村", scope="示例省/示例市/示例县/示例镇")
    group = EntityRef(PLACE, "杨梅组", scope="示例省/示例市/示例县/示例镇/代泉村")
    party = EntityRef(ORGANIZATION, "中共示例镇委员会")
    for ref, parent, kind in [(town, COUNTY, "town"), (village, town, "village"), (group, village, "group"),
                              (party, town, None)]:
        kb.entities[ref] = Entity(ref, sources={A2}, parent=parent, kind=kind, sentences={A2: S2}, mentions=1)
    kb.holdings[(P["王五"], "书记", party)] = Holding(P["王五"], "书记", party, aliases={"镇党委书记"},
                                                      sources={A2}, dates={"2021-03-03"})
    kb.events.append(Occurrence(name="授牌仪式", date="2021-01-03", place=group, attendees=[P["王五"]],
                                sources={A2}, sentences={A2: S2}))
    kb.articles["mast"] = Article(id="mast", text="示例日报", source="sample_2021-03-03.txt", kind="masthead",
                                  issue_date=date(2021, 3, 3), paper=PAPER)
    return kb


def within(g, label):
    return [g.nodes[n]["label"] for n in g.nodes[by_label(g, label)].get("within", [])]


def test_viz_graph_place_rolls_up_the_events_and_organizations_inside_it():
    g = build_graph(deeper_kb())
    # 示例县's own event is its fact, not rolled up; what lies inside, at any depth, is: events by date, then bodies
    assert [label for label, _ in facts(g, "示例县", "event")] == ["项目签约仪式"]
    assert within(g, "示例县") == ["授牌仪式", "中共示例镇委员会"]
    assert within(g, "示例市") == ["授牌仪式", "项目签约仪式", "中共示例镇委员会"]
    assert within(g, "示例省") == within(g, "示例市")
    assert within(g, "代泉村") == ["授牌仪式"] and within(g, "杨梅组") == []


def test_viz_graph_organization_lies_in_its_place():
    g = build_graph(deeper_kb())
    assert [label for label, _ in facts(g, "中共示例镇委员会", "located")] == ["示例镇"]
    assert [label for label, _ in facts(g, "示例镇", "organization")] == ["中共示例镇委员会"]
    org, town = by_label(g, "中共示例镇委员会"), by_label(g, "示例镇")
    assert [d["kind"] for d in g.get_edge_data(org, town).values()] == ["located"]


def test_viz_graph_person_appeared_with_those_at_the_same_events(g):
    together = {g.nodes[n]["label"]: [(g.nodes[m]["label"], k) for m, k in d.get("together", [])]
                for n, d in g.nodes(data=True) if d["type"] == "person"}
    # 张三 and 李四 were at both the signing and the forum, 王五 at the forum only; 周八 was at nothing
    assert together == {"张三": [("李四", 2), ("王五", 1)], "李四": [("张三", 2), ("王五", 1)],
                        "王五": [("张三", 1), ("李四", 1)], "赵六": [("孙七", 1)], "孙七": [("赵六", 1)], "周八": []}


def test_viz_graph_post_held_carries_its_issues_not_a_term():
    kb = deeper_kb()
    h = next(h for h in kb.holdings.values() if h.title == "市长")
    h.sources.add(A2)
    h.dates.add("2021-03-03")
    g = build_graph(kb)
    (_, f), = [x for x in facts(g, "张三", "holds") if x[0] == "市长"]
    assert (f["date"], f["until"], f["dates"], f["articles"], f["stated"]) == (
        "2021-01-13", "2021-03-03", ["2021-01-13", "2021-03-03"], 2, {})
    assert [f["written"] for label, f in facts(g, "王五", "holds")] == [["镇党委书记"]]
    (_, m), = facts(g, "中共示例镇委员会", "member")
    assert (m["title"], m["articles"], m["dates"]) == ("书记", 1, ["2021-03-03"])


def test_viz_graph_post_held_shows_a_date_its_text_states():
    """An appointment an article states (Holding.changes) shows with its date, labelled."""
    kb = small_kb()
    h = next(h for h in kb.holdings.values() if h.title == "市长")
    h.changes[("appointed", "2021-01-05")] = set(h.sources)
    g = build_graph(kb)
    (_, f), = [x for x in facts(g, "张三", "holds") if x[0] == "市长"]
    assert f["stated"] == {"appointed": "2021-01-05"}
    assert [f["stated"] for _, f in facts(g, "示例市人民政府", "member")] == [{"appointed": "2021-01-05"}]


def test_viz_graph_counts_articles_not_mastheads():
    g = build_graph(deeper_kb())
    assert g.graph["articles"] == 2 and g.graph["issues"] == ["2021-01-13", "2021-03-03"]
