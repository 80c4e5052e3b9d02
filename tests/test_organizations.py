import pytest

from conftest import names


@pytest.mark.parametrize("text,canonical,alias", [
    ("市委副书记到会。", "中共衡阳市委员会", "市委"),
    ("市政府召开会议。", "衡阳市人民政府", "市政府"),
    ("市工信局将推进上平台工作。", "衡阳市工业和信息化局", "市工信局"),
    ("省政协举行授牌仪式。", "政协湖南省委员会", "省政协"),
    ("市住保中心积极采取措施。", "衡阳市住房保障服务中心", "市住保中心"),
    ("衡南县委宣传部为杨梅组授牌。", "中共衡南县委宣传部", "衡南县委宣传部"),
    ("市税务局相关负责人表示。", "国家税务总局衡阳市税务局", "市税务局"),
    ("由中国移动提供服务。", "中国移动通信集团有限公司", "中国移动"),
])
def test_organizations_get_full_names_in_paper_context(run, text, canonical, alias):
    ext = run(text)
    assert canonical in names(ext, "organization")
    info = [i for r, i in ext.entities.items() if r.name == canonical][0]
    assert alias in info.aliases


def test_organizations_short_form_is_alias_of_full_name(run):
    ext = run("湖南角山米业有限责任公司研发出新系统。角山米业就是成功典范。")
    orgs = [m for m in ext.mentions if m.type == "organization"]
    assert {m.ref.name for m in orgs} == {"湖南角山米业有限责任公司"}
    assert {m.text for m in orgs} == {"湖南角山米业有限责任公司", "角山米业"}


def test_organizations_list_counted_as_companies(run):
    ext = run("文创联盟由腾讯·大湘网牵头，联合高新区文创、祝融学院、爱迪国际、烟霞文旅4家企业共同成立。")
    assert {"高新区文创", "祝融学院", "爱迪国际", "烟霞文旅"} <= names(ext, "organization")


def test_organizations_not_words_that_end_like_one(run):
    ext = run("开创治理模式新格局，云服务商举办研讨会，全部事项进驻。")
    assert not names(ext, "organization")


def test_organizations_place_named_companies_keep_their_name(run):
    ext = run("长沙银行和湖南用友软件有限公司参与。")
    assert {"长沙银行", "湖南用友软件有限公司"} <= names(ext, "organization")


def test_organizations_body_of_unnamed_county_is_a_mention_without_entity(run):
    ext = run("县委、县政府高度重视此项工作。")
    orgs = [m for m in ext.mentions if m.type == "organization"]
    assert {m.text for m in orgs} == {"县委", "县政府"}
    assert all(m.ref is None for m in orgs)      # which county is not said: no node in the graph
    assert not [r for r in ext.entities if r.type == "organization"]
