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
