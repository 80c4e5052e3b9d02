"""kg.extract.appointments: posts taken by a person named before the verb, and the appointments, elections and
removals an article states, with their dates."""
import pytest

from conftest import held, names


def _held(ext):
    return {(m.person.name, m.title, m.org.name if m.org else None, m.change, m.change_date) for m in ext.memberships}


def test_appointments_appointed_and_removed_in_one_sentence(run):
    ext = run("1月12日，市人大常委会决定任命李四为市财政局局长，免去王五的市长职务。")
    assert _held(ext) == {("李四", "局长", "衡阳市财政局", "appointed", "2021-01-12"),
                          ("王五", "市长", "衡阳市人民政府", "removed", "2021-01-12")}


@pytest.mark.parametrize("text,change", [
    ("张三当选为市长。", "elected"),
    ("会议选举赵六为市政协主席。", "elected"),
    ("李明被任命为衡南县委书记。", "appointed"),
])
def test_appointments_the_verb_says_what_happened(run, text, change):
    assert {m.change for m in run(text).memberships} == {change}


def test_appointments_holding_a_post_is_no_change(run):
    """担任 says who holds a post, not that anything happened."""
    got = _held(run("罗秀高担任村党支部书记多年。"))
    assert got and all(change is None for *_, change, _day in got)


def test_appointments_a_reporter_takes_no_post_from_新任_or_时任(run):
    # 新任局长刘卫东（原县公路局局长）: 刘卫东 holds both; 时任祁东县县长的刘国强: not the byline's reporter
    got = _held(run("本报讯（记者 刘宇）3月8日，衡南县交通运输局新任局长刘卫东（原县公路局局长）到任。"))
    assert {p for p, *_ in got} == {"刘宇", "刘卫东"} and ("刘宇", "局长") not in {(p, t) for p, t, *_ in got}
    assert ("刘卫东", "局长") in {(p, t) for p, t, *_ in got}
    got = _held(run("本报讯（记者 周敏）时任祁东县县长的刘国强曾主导建设污水处理厂。"))
    assert ("周敏", "县长") not in {(p, t) for p, t, *_ in got}


def test_appointments_a_chain_of_posts_and_a_removal_said_with_其(run):
    # 任中共安化县委委员、常委、书记: all three are hers; 免去其…职务: the post he leaves, said of him
    ext = run("经市委研究决定：刘芳同志任中共安化县委委员、常委、书记；罗建军同志任桃江县人民政府副县长，免去其益阳市水利局副局长职务。")
    got = {(m.person.name, m.title, m.org.name if m.org else None, m.change) for m in ext.memberships}
    assert {("刘芳", t, "中共安化县委员会") for t in ("委员", "常委", "书记")} <= {g[:3] for g in got}
    assert ("罗建军", "副局长", "益阳市水利局", "removed") in got


def test_appointments_the_same_title_at_a_second_body_is_a_second_post(run):
    got = {(m.person.name, m.title, m.org.name if m.org else None, m.change)
           for m in run("任命张海涛为市财政局局长，免去其市审计局局长职务。").memberships}
    assert ("张海涛", "局长", "衡阳市财政局", "appointed") in got and ("张海涛", "局长", "衡阳市审计局", "removed") in got


@pytest.mark.parametrize("text, want", [
    ("任命李卫东、王志明为市财政局副局长。", {("李卫东", "appointed"), ("王志明", "appointed")}),
    ("免去李卫东、王志明的市财政局副局长职务。", {("李卫东", "removed"), ("王志明", "removed")}),
    ("决定任命：张海涛为市财政局局长。", {("张海涛", "appointed")}),
])
def test_appointments_names_listed_or_after_a_colon(run, text, want):
    got = {(m.person.name, m.change) for m in run(text).memberships if m.org and m.org.name == "衡阳市财政局"}
    assert want <= got


@pytest.mark.parametrize("text, want", [
    ("任命王建华为市财政局局长。", ("王建华", "局长", "衡阳市财政局", "appointed")),
    ("会议决定接受赵宏伟辞去衡阳市人民政府副市长职务的请求。", ("赵宏伟", "副市长", "衡阳市人民政府", "removed")),
    ("任命刘卫东为中共衡南县委书记。", ("刘卫东", "书记", "中共衡南县委员会", "appointed")),
])
def test_appointments_a_name_ending_in_华_resignations_and_中共(run, text, want):
    assert want in {(m.person.name, m.title, m.org.name if m.org else None, m.change) for m in run(text).memberships}


def test_appointments_a_proposed_post_is_not_held(run):
    got = {(m.person.name, m.title) for m in run("陈剑锋现任衡阳市交通运输局副局长，拟任衡阳市交通运输局局长。").memberships}
    assert ("陈剑锋", "副局长") in got and ("陈剑锋", "局长") not in got


@pytest.mark.parametrize("text, want", [
    ("任命：\n刘振华为衡阳市人民政府副市长；\n周晓梅（女）为衡阳市教育局局长。",
     {("刘振华", "副市长", "appointed"), ("周晓梅", "局长", "appointed")}),
    ("选举周文军为衡阳市人民政府市长，谢丽娟、黄立明为衡阳市人民代表大会常务委员会副主任。",
     {("周文军", "市长", "elected"), ("谢丽娟", "副主任", "elected"), ("黄立明", "副主任", "elected")}),
    ("免去王建国的衡阳市人民政府副市长职务；李明德的衡阳市教育局局长职务。",
     {("王建国", "副市长", "removed"), ("李明德", "局长", "removed")}),
])
def test_appointments_a_lists_later_items_carry_its_verb(run, text, want):
    assert want <= {(m.person.name, m.title, m.change) for m in run(text).memberships}


def test_appointments_a_profiles_career_steps_are_its_subjects(run):
    """A profile names its person once; each step after it (2011年12月任…, 现任…) has no subject of its own."""
    got = {(p, t, o) for p, t, o, *_ in _held(run(
        "李建华，男，汉族，1970年9月出生，湖南新邵人。2011年12月任市文化旅游广电局副局长，2016年3月起任市审计局"
        "党组成员、副局长。现任市财政局局长。"))}
    assert got == {("李建华", "副局长", "衡阳市文化旅游广电局"), ("李建华", "党组成员", "衡阳市审计局"),
                   ("李建华", "副局长", "衡阳市审计局"), ("李建华", "局长", "衡阳市财政局")}


def test_appointments_a_career_step_needs_its_clause_to_open_with_it(run):
    """任 inside a clause about something else, in a paragraph that opens with no person, is nobody's post."""
    assert _held(run("会上，各单位汇报了工作。2023年任务完成后由市财政局局长审核。")) == set()


def test_appointments_a_career_list_item_that_opens_with_a_place(run):
    got = {(p, t, o) for p, t, o, *_ in _held(run(
        "刘志强历任衡阳县委组织部干部科科长、渣江镇镇长、县农业农村局局长。"))}
    assert {("刘志强", "镇长", "渣江镇人民政府"), ("刘志强", "局长", "衡阳县农业农村局")} <= got


@pytest.mark.parametrize("text, want", [
    ("6月27日，市作家协会换届。王晓、陈默、谢一鸣当选为市作家协会副主席。", {"王晓", "陈默", "谢一鸣"}),
    ("8月14日，市青年企业家协会换届。会议选举张伟、李丹等5人为副会长。", {"张伟", "李丹"}),
])
def test_appointments_names_listed_before_the_verb_or_counted_after_them_each_take_the_post(run, text, want):
    assert {p for p, t, *_ in _held(run(text)) if t in ("副主席", "副会长")} == want



def test_appointments_a_post_after_a_comma_that_ends_its_clause_is_the_same_persons(run):
    """现任市委常委、组织部部长，市委党校校长: the third post, after a comma, is his too; a post with its own holder after
    the comma (，副局长李华主持) is not."""
    got = held(run("周敏现任市委常委、组织部部长，市委党校校长。"))
    assert ("周敏", "校长", "中共衡阳市委党校") in got and ("周敏", "部长", "中共衡阳市委组织部") in got
    got = held(run("5月6日，王明任市审计局局长，副局长李华主持日常工作。"))
    assert ("李华", "副局长", "衡阳市审计局") in got or ("李华", "副局长", None) in got
    assert not any(p == "王明" and t == "副局长" for p, t, _ in got)


def test_appointments_现为_and_被聘为_give_the_post_and_a_chief_statistician_is_one_title(run):
    """现为…副主席 says who holds it, 被聘为 an appointment; 总统计师 is one title (not 总统 and a person 计师)."""
    assert ("高建平", "副主席", "衡阳市工商业联合会") in held(run("5月6日，高建平现为市工商联副主席。"))
    assert ("胡国栋", "名誉会长", None) in held(run("5月6日，胡国栋被聘为名誉会长。"))
    assert ("谭卫国", "总统计师", "衡阳市统计局") in held(run("5月6日，谭卫国任市统计局总统计师。"))


def test_appointments_an_associations_head_and_names_counted_before_the_verb(run):
    """章明轩当选会长 in a story of one 商会: its 会长; 汪丽娜、戴宏伟等8人当选副会长: each named before the count."""
    got = held(run("10月14日，市青年企业家商会召开第三届会员大会。章明轩当选会长，汪丽娜、戴宏伟等8人当选副会长。"))
    assert {("章明轩", "会长"), ("汪丽娜", "副会长"), ("戴宏伟", "副会长")} <= {(p, t) for p, t, o in got if o}


def test_appointments_a_name_ending_in_成_before_为_after_a_verb_of_appointing(run):
    """选举杨志成为秘书长, 任命王建成为副局长: 选举X为Y, so 成 ends the name (the tagger read 杨志|成为); 李明成为一名志愿者
    names no post."""
    assert ("王建成", "副局长") in {(p, t) for p, t, _ in held(run("5月6日，会议任命王建成为市审计局副局长。"))}
    assert ("杨志成", "秘书长") in {(p, t) for p, t, _ in held(run("5月6日，大会选举杨志成为秘书长。"))}


def test_appointments_a_name_given_or_relieved_of_a_post_whatever_words_its_characters_make(run):
    """任命谢爱华为局长: not 华为 the company; 免去向东明的…职务: not 去向 (review round 30c, a notice of appointments)."""
    ext = run("5月6日，市人大常委会任命谢爱华为市生态环境局局长，免去向东明的市商务局副局长职务。")
    assert {("谢爱华", "局长"), ("向东明", "副局长")} <= {(p, t) for p, t, _ in held(ext)}
    assert not any("华为" in n for n in names(ext, "organization"))


def test_appointments_a_career_listed_over_commas(run):
    """历任A，B、C，D、E…等职: every post of the career, though a clause holds two (陆良县委副书记、县长); the chain had
    stopped at the first clause of two posts (review round 22c, an obituary)."""
    got = held(run("刘光荣同志历任陆良县马街公社党委书记，陆良县委副书记、县长，曲靖地委委员、宣传部部长等职。"))
    assert {("刘光荣", "书记", "陆良县马街公社党委"), ("刘光荣", "副书记", "中共陆良县委员会")} <= got
    assert {t for p, t, _ in got if p == "刘光荣"} >= {"县长", "委员", "部长"}


@pytest.mark.parametrize("text, post", [
    ("红星坪村召开党员大会，毛志强当选为村党支部书记。", ("毛志强", "书记", "红星坪村党支部")),
    ("红星坪村召开村民大会，毛志强当选村委会主任。", ("毛志强", "主任", "红星坪村村民委员会")),
    ("衡阳宏达科技有限公司召开董事会，会议决定，聘任徐立峰为公司总经理。", ("徐立峰", "总经理", "衡阳宏达科技有限公司"))])
def test_appointments_a_unit_written_without_its_seat_is_the_one_named_before(run, text, post):
    """当选为村党支部书记 after the village was named: its 党支部, as 村党支部书记毛志强 already was; 为公司总经理: the company
    the article named (review round 23b)."""
    assert post in {(m.person.name, m.title, m.org.name if m.org else None) for m in run(text).memberships}


@pytest.mark.parametrize("text, posts", [
    ("王德山，1933年10月出生。历任隆尧县供销社主任、隆尧县委常委等职。",
     {("王德山", "主任", "隆尧县供销社"), ("王德山", "常委", "中共隆尧县委员会")}),
    ("杨光华历任大理州人民医院外科主任、副院长、院长等职。",
     {("杨光华", "主任", "大理州人民医院外科"), ("杨光华", "副院长", "大理州人民医院"), ("杨光华", "院长", "大理州人民医院")}),
    ("原邢台市人大常委会副主任，离休干部王德山同志因病逝世。", {("王德山", "副主任", "邢台市人民代表大会常务委员会")})])
def test_appointments_a_career_and_an_obituarys_lead(run, text, posts):
    """历任 opening a profile's sentence is the career of the person the paragraph opens with; a 院长 after a ward's 主任 is
    the hospital's (titles.tsv @医院); 原…副主任，离休干部王德山同志 is his former post (review round 23b)."""
    assert {(m.person.name, m.title, m.org.name if m.org else None) for m in run(text).memberships} == posts


def test_appointments_a_town_post_a_deputy_after_the_head_and_a_body_that_names_no_entity(run):
    """曾任都昌县多宝乡副乡长: the township's government; …当选为市文联主席，郑娟当选为副主席: the federation's; 选举李明为县政协
    主席 where the paper's county is unknown: the post, with no organization (review round 30c)."""
    got = held(run("朱德明曾任都昌县多宝乡副乡长，都昌县水利局副局长。"))
    assert ("朱德明", "副乡长", "多宝乡人民政府") in got
    got = held(run("5月6日，杨光辉当选为市文联主席，郑娟当选为副主席。"))
    assert ("郑娟", "副主席", "衡阳市文学艺术界联合会") in got
    from kg.ingest.paper import make_paper

    got = held(run("5月6日，会议选举李明为县政协主席。", paper=make_paper("", "九江")))
    assert ("李明", "主席", None) in got


def test_appointments_one_of_an_organization_s_staff(run):
    """赵宇航是…中心小学的一名体育教师: he holds the post at the school the sentence names (review round 32a); a driver is
    an occupation, held at no organization (occupations.txt)."""
    assert ("赵宇航", "教师", "祥符区仇楼镇中心小学") in held(run("赵宇航是祥符区仇楼镇中心小学的一名体育教师。"))
    assert not run("这名司机叫艾力·买买提，是乌鲁木齐市公交集团出租车分公司的一名驾驶员。").memberships
