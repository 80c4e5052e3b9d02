"""kg.extract.doc: the jieba tokenizer the extractors share."""
import jieba

from kg.extract.doc import _Tokenizer


def test_doc_tokenizer_reads_jiebas_cache_and_makes_it_when_absent_or_damaged(tmp_path):
    first = _Tokenizer()
    first.tmp_dir = str(tmp_path)          # no cache here yet: jieba builds the table and writes it
    first.initialize()
    cache = tmp_path / "jieba.cache"
    assert cache.stat().st_size > 1_000_000

    second = _Tokenizer()
    second.tmp_dir = str(tmp_path)         # read back in one go
    second.initialize()
    assert second.initialized and second.FREQ == first.FREQ and second.total == first.total
    assert list(jieba.Tokenizer.cut(second, "衡阳市委书记调研")) == list(jieba.Tokenizer.cut(first, "衡阳市委书记调研"))

    cache.write_bytes(b"\x00not marshal")
    third = _Tokenizer()
    third.tmp_dir = str(tmp_path)          # damaged: jieba rebuilds it
    third.initialize()
    assert third.FREQ == first.FREQ


def test_doc_retag_drops_empty_tokens():
    """A rule that cuts a token where it ends leaves no empty token behind: every rule may read a token's last
    character (an empty one once crashed a whole article, review round 23b)."""
    from datetime import date

    from kg.datamodel import Article
    from kg.extract import Doc, load_lexicon
    from kg.extract.tagger import Token
    from kg.ingest.paper import make_paper

    doc = Doc(Article(id="t", text="王明任", source="t", paper=make_paper("", "衡阳"), issue_date=date(2024, 1, 1)),
              load_lexicon(), [Token("王明", "nr", 0, 2), Token("任", "v", 2, 3)], [])
    doc.retag([Token("王明", "nr", 0, 2), Token("任", "v", 2, 3), Token("", "nt", 3, 3)])
    assert [t.word for t in doc.tokens] == ["王明", "任"]
