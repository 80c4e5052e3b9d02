from conftest import names


def test_persons_leader_list_and_repeats(run):
    ext = run("市领导张霞、龚学余参加活动。随后，张霞主持召开座谈会。")
    got = [m.text for m in ext.mentions if m.type == "person"]
    assert got.count("张霞") == 2 and "龚学余" in got


def test_persons_residents_described_by_kin_or_speech(run):
    ext = run("64岁的村民罗秀高会心一笑。罗秀高87岁的母亲刘慈凤乐呵呵地说。")
    assert {"罗秀高", "刘慈凤"} <= names(ext, "person")
    assert "乐呵" not in names(ext, "person")


def test_persons_not_honorifics_or_anonymised(run):
    ext = run("市民唐先生高兴地对笔者说，李女士也来了，谭某某被查处。")
    assert not names(ext, "person")


def test_persons_byline_without_title(run):
    ext = run("本报讯（王苏华 通讯员 康小明）1月11日，笔者获悉。")
    assert {"王苏华", "康小明"} <= names(ext, "person")


def test_persons_name_length_follows_context(run):
    ext = run("随后，朱健主持召开座谈会。彭振欣喜地告诉记者。")
    assert {"朱健", "彭振"} <= names(ext, "person")
