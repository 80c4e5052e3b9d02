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
