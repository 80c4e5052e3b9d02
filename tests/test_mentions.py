"""The shipped mention model: it loads, finds names and posts in local news, and is cheap and safe to run."""
from __future__ import annotations

import numpy as np
import pytest

from kg.extract.mention_features import MODEL_DIR, N_LEXICON_BITS, TITLE, features, word_matches
from kg.extract.mentions import MentionModel, Span, mention_model, segments
from kg.extract.tagger import Token, tagger
from kg.lexicon import load

BUDGET_MB = 20


@pytest.fixture(scope="module")
def lex():
    return load()


def found(text: str, lex) -> set[tuple[str, str]]:
    return {(s.type, text[s.start:s.end]) for s in mention_model().spans(text, tagger().tag(text), lex)}


@pytest.mark.parametrize("text, expected", [
    ("衡南县人民医院院长李建华昨日到柞市镇卫生院调研。",
     {("organization", "衡南县人民医院"), ("role", "院长"), ("person", "李建华")}),
    ("市委副书记、市长王志强在雁峰区调研老旧小区改造工作。",
     {("role", "副书记"), ("role", "市长"), ("person", "王志强"), ("place", "雁峰区")}),
    ("湖南恒达建材有限公司董事长刘春梅表示，公司将在常宁市新建一条生产线。",
     {("organization", "湖南恒达建材有限公司"), ("role", "董事长"), ("person", "刘春梅"), ("place", "常宁市")}),
    ("本报记者 陈晓东 通讯员 赵敏",
     {("role", "记者"), ("person", "陈晓东"), ("role", "通讯员"), ("person", "赵敏")}),
])
def test_mentions_model_finds_people_posts_organizations_places(text, expected, lex):
    assert expected <= found(text, lex)


def test_mentions_spans_many_is_spans_of_each(lex):
    texts = ["衡南县人民医院院长李建华昨日到柞市镇卫生院调研。", "", "本报记者 陈晓东\n通讯员 赵敏", "市长王志强在雁峰区调研。" * 20]
    tokens = tagger().tag_many(texts)
    model = mention_model()
    together = model.spans_many(texts, tokens, lex)
    alone = [model.spans(t, k, lex) for t, k in zip(texts, tokens)]
    key = lambda spans: [(s.type, s.start, s.end) for s in spans]    # noqa: E731
    assert [key(s) for s in together] == [key(s) for s in alone]
    # a batch's shape changes how the matrix products round: the scores agree to float32's precision
    assert [s.score for s in together[0]] == pytest.approx([s.score for s in alone[0]], abs=1e-5)
    assert together[0] and all(isinstance(s, Span) and 0 < s.score <= 1 for s in together[0])
    long = together[3]
    assert len({texts[3][s.start:s.end] for s in long if s.type == "person"}) == 1 and len(long) >= 40


@pytest.mark.parametrize("text", ["", "！！！，。……", "ABC def 123 (x)", "\n\n\n", "　", "a" * 500, "，" * 400])
def test_mentions_odd_text_gives_no_crash(text, lex):
    spans = mention_model().spans(text, tagger().tag(text), lex)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert not any(s.type == "person" for s in spans)


def test_mentions_features_are_deterministic(lex):
    text = "市委副书记、市长王志强在雁峰区调研。"
    model = mention_model()
    tokens = tagger().tag(text)
    first = features(text, tokens, model.vocab, model.words(lex), lex)
    again = features(text, list(tokens), model.vocab, model.words(lex), lex)
    for a, b in zip(first, again):
        assert np.array_equal(a, b)
    chars, bigrams, token_tags, bits = first
    assert chars.shape == token_tags.shape == (len(text),) and bits.shape == (len(text), N_LEXICON_BITS)
    assert bigrams.shape == (len(text), 2) and (bigrams[1:, 0] == bigrams[:-1, 1]).all()
    assert (chars > 1).all()                       # every character here is in the vocabulary
    assert (token_tags > 0).all()                  # and in a token


def test_mentions_words_are_matched_per_token():
    tokens = [Token("衡南县", "ns", 0, 3), Token("人民医院", "nt", 3, 7), Token("市委副书记", "n", 7, 12)]
    words = {"副书记": TITLE, "人民": 0, "人民医院": 1, "衡南县人民医院": 2, "衡南县": 0, "衡南县人民": 0}
    assert sorted(word_matches(tokens, words)) == [(0, 7, 2), (3, 7, 1), (9, 12, TITLE)]
    assert list(word_matches([Token("民医", "n", 0, 2)], {"民医院": 1})) == []   # never inside a token


def test_mentions_segments_cover_sentences_and_cap_length():
    text = "第一句。第二句！\n\n" + "长" * 400
    spans = segments(text)
    assert [text[s:e] for s, e in spans[:2]] == ["第一句。", "第二句！"]
    assert all(e - s <= 150 for s, e in spans) and spans[-1][1] == len(text)


def test_mentions_model_files_are_under_budget_and_load():
    files = {p.name: p.stat().st_size for p in MODEL_DIR.iterdir()}
    assert {"weights.npz", "vocab.json", "words.tsv.gz", "MODEL_CARD.md"} <= set(files)
    assert sum(files.values()) < BUDGET_MB * 1024 * 1024
    model = MentionModel.load()
    assert {t.partition("-")[2] for t in model.tags} == {"", "PER", "ORG", "LOC", "TITLE"}
    assert len(model.vocab) > 3000 and len(model.shipped) > 50000
