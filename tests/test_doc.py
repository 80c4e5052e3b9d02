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
