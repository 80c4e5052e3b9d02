"""kg.lexicon: the longest word a text starts or ends with at an offset."""
from kg.lexicon import Lexicon


def test_lexicon_starting_is_the_longest_word_at_an_offset():
    lex = Lexicon()
    words = ["先生", "某某", "某", "总"]
    assert lex.starting("t", words, "王某某说", 1) == "某某"
    assert lex.starting("t", words, "王总说", 1) == "总"
    assert lex.starting("t", words, "李先生", 1) == "先生"
    assert lex.starting("t", words, "李先", 1) is None          # cut off by the text's end
    assert lex.starting("t", words, "王某", 5) is None           # past the end


def test_lexicon_ending_is_the_longest_word_before_an_offset():
    lex = Lexicon()
    words = ["公司", "有限公司", "局"]
    assert lex.ending("e", words, "用友有限公司成立", 6) == "有限公司"
    assert lex.ending("e", words, "税务局长", 3) == "局"
    assert lex.ending("e", words, "税务局长", 4) is None       # no word ends in 长
    assert lex.ending("e", words, "局", 0) is None
    assert lex.ending("empty", ["", "局"], "税务长", 3) == ""   # the empty word ends everywhere


def test_lexicon_starting_takes_the_empty_word_last():
    """A lexicon line with an empty first field makes one (a user's departments.tsv, say): it starts anywhere,
    after every longer word."""
    lex = Lexicon()
    assert lex.starting("empty", ["", "宣传部"], "宣传部长", 0) == "宣传部"
    assert lex.starting("empty", ["", "宣传部"], "组织部", 0) == ""
    assert lex.starting("empty", ["", "宣传部"], "", 0) == ""


def test_lexicon_word_files_extend_from_the_users_folder(tmp_path, run):
    """A line in the user's event_words.tsv reaches the extractor that reads it: 茶叙会 is no event alone."""
    from datetime import date

    from kg.datamodel import Article
    from kg.extract import extract
    from kg.ingest.paper import make_paper
    from kg.lexicon import WORD_FILES, load

    base = load()
    assert all(base.words[name] for name in WORD_FILES)
    assert "召开" in base.word_set("event_words", "name_stop") and "有限公司" in base.kind("organization_words", "legal")
    text = "1月12日，市委书记张霞主持召开工作茶叙会。"
    art = Article(id="t", text=text, source="t", issue_date=date(2021, 1, 13), paper=make_paper("衡阳日报", "衡阳"))
    ours, more = tmp_path / "ours", tmp_path / "more"
    for folder in (ours, more):
        folder.mkdir()
        (folder / "event_triggers.tsv").write_text("noun\t茶叙会\n", encoding="utf-8")
    assert [e.name for e in extract(art, load(str(ours))).events] == ["工作茶叙会"]
    (more / "event_words.tsv").write_text("# ours\nname_stop\t工作\n", encoding="utf-8")
    assert [e.name for e in extract(art, load(str(more))).events] == ["茶叙会"]


def test_lexicon_held_verbs_extend_from_the_users_folder(tmp_path):
    """The verbs that hold an event are one list (event_triggers.tsv, kind held) that every reader of them takes:
    a user's 召集 makes the hotel where a meeting is 召集'd its venue, as 举行 does."""
    from datetime import date

    from kg.datamodel import Article
    from kg.extract import extract
    from kg.ingest.paper import make_paper
    from kg.lexicon import load

    def place(text, lex):
        art = Article(id="t", text=text, source="t", issue_date=date(2024, 3, 12), paper=make_paper("衡阳日报", "衡阳"))
        ev, = extract(art, lex).events
        return ev.place.name

    (tmp_path / "event_triggers.tsv").write_text("held\t召集\n", encoding="utf-8")
    base, ours = load(), load(str(tmp_path))
    assert {"举行", "召开", "举办"} <= set(base.event_held) <= base.event_hosts
    assert "召集" in ours.event_hosts and "召集" not in base.event_hosts
    assert place("3月2日，全县项目推进会在县城华天大酒店举行。县长李华出席。", base) == "华天大酒店"
    assert place("3月2日，全县项目推进会在县城华天大酒店召集。县长李华出席。", base) == "衡阳市"
    assert place("3月2日，全县项目推进会在县城华天大酒店召集。县长李华出席。", ours) == "华天大酒店"
