import pytest


def _roles(ext):
    return {(m.person.name, m.title, m.org.name if m.org else None) for m in ext.memberships}


@pytest.mark.parametrize("text,expected", [
    ("市委副书记、市长邹明远出席并宣布成立。",
     {("邹明远", "副书记", "中共衡阳市委员会"), ("邹明远", "市长", "衡阳市人民政府")}),
    ("市工信局党委委员、副局长彭振海介绍。",
     {("彭振海", "党委委员", "衡阳市工业和信息化局"), ("彭振海", "副局长", "衡阳市工业和信息化局")}),
    ("爱迪国际董事长胡春围绕主题作主旨演讲。", {("胡春", "董事长", "爱迪国际")}),
    ("本报讯（记者 罗文华 通讯员 石红 朱可明）1月12日上午，大会举行。",
     {("罗文华", "记者", "衡阳日报社"), ("石红", "通讯员", None), ("朱可明", "通讯员", None)}),
    ("■本报记者 张建华\n不在自家开伙。", {("张建华", "记者", "衡阳日报社")}),
    ("衡阳市委副书记、耒阳市委书记赖正明", {("赖正明", "副书记", "中共衡阳市委员会"), ("赖正明", "书记", "中共耒阳市委员会")}),
    ("为认真贯彻落实习近平总书记视察湖南提出的要求", {("习近平", "总书记", "中国共产党中央委员会")}),
])
def test_roles_title_phrases(run, text, expected):
    assert _roles(run(text)) == expected


def test_roles_written_compound_is_alias(run):
    ext = run("市委副书记、市长邹明远出席。")
    aliases = {a for m in ext.memberships for a in m.title_aliases}
    assert "市委副书记" in aliases


def test_roles_shared_title_list(run):
    ext = run("市政协副主席蒋梅、罗德勤参加活动。")
    assert {("蒋梅", "副主席"), ("罗德勤", "副主席")} <= {(m.person.name, m.title) for m in ext.memberships}


def test_roles_title_in_brackets_after_name(run):
    ext = run("聂云舟（爱迪国际董事长）现场挥毫。")
    assert ("聂云舟", "董事长", "爱迪国际") in _roles(ext)


def test_roles_no_organization_made_of_words_before_a_title(run):
    ext = run("布莱恩本周不得不再次出面力挺10号队长。")
    assert not {m.text for m in ext.mentions if m.type == "organization"}
    assert "队长" in {m.text for m in ext.mentions if m.type == "role"}
