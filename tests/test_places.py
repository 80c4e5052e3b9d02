from conftest import names


def _parents(ext):
    return {r.name: (i.parent.name if i.parent else None) for r, i in ext.entities.items() if r.type == "place"}


def test_places_address_chain_is_a_hierarchy(run):
    ext = run("衡南县柞市镇代泉村杨梅组村民亲如一家。")
    parents = _parents(ext)
    assert parents["杨梅组"] == "代泉村"
    assert parents["代泉村"] == "柞市镇"
    assert parents["柞市镇"] == "衡南县"
    assert parents["衡南县"] == "衡阳市"


def test_places_town_missing_from_gazetteer_is_taken_from_its_ending(run):
    ext = run("在衡南县向阳桥街道办事处白洋村大岭山组，组长一边浇水一边点赞。")
    parents = _parents(ext)
    assert parents["向阳桥街道"] == "衡南县"
    assert parents["白洋村"] == "向阳桥街道"
    assert parents["大岭山组"] == "白洋村"


def test_places_group_name_without_context_is_not_taiwan(run):
    ext = run("记者走进这个幸福的杨梅。")
    assert "杨梅市" not in names(ext, "place")


def test_places_short_names_near_home_and_venues(run):
    ext = run("不少市民前往衡阳抗战纪念馆参观。赖某赴珠晖区开展走访，耒阳立足文化禀赋。")
    got = names(ext, "place")
    assert {"衡阳抗战纪念馆", "珠晖区", "耒阳市"} <= got
    assert _parents(ext)["衡阳抗战纪念馆"] == "衡阳市"


def test_places_roads_and_not_generic_roads(run):
    ext = run("位于环城北路三号的写字楼，公路部门将及时处理干线公路问题。")
    got = names(ext, "place")
    assert "环城北路" in got
    assert not {"公路", "干线公路"} & got
