"""The extraction cache: a rebuild reuses every unchanged article, and anything that changes an extraction misses."""
import dataclasses
import pickle
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg.extract
import kg.run.build
import kg.run.cache
import kg.run.parallel
from conftest import ROOT
from kg.cli import main
from kg.datamodel import Article, Extraction
from kg.lexicon import load as load_lexicon
from kg.resolve import KnowledgeBase
from kg.run.build import build_kb, write_outputs
from kg.run.cache import Resolved, article_key, resolved_key, version_key

SAMPLES = ROOT / "kg" / "samples"


@pytest.fixture
def calls(monkeypatch):
    """Counts the articles really extracted (the in-process build calls kg.extract.extract per article)."""
    real = kg.extract.extract
    counter = {"n": 0}

    def counting(article, *args):
        counter["n"] += 1
        return real(article, *args)

    monkeypatch.setattr(kg.extract, "extract", counting)
    return counter


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(SAMPLES, folder)
    return folder


def _build(paths, cache, **kw):
    return build_kb(paths, jobs=1, cache=cache, **kw)


def _outputs(kb, summary, out: Path) -> tuple[set, bytes]:
    write_outputs(kb, out, summary, formats=("nquads",), html=False)
    return set(Graph().parse(out / "graph.ttl")), (out / "graph.nq").read_bytes()


def _new_page(folder: Path) -> Path:
    """A page of another day: the sample page with its date and people changed."""
    text = (SAMPLES / "xiangtan_2023-04-19.txt").read_text(encoding="utf-8")
    text = text.replace("2023年4月19日 星期三", "2023年4月21日 星期五").replace("石晓峰", "石晓林").replace("黄思琪", "黄思雨")
    path = folder / "xiangtan_2023-04-21.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_cache_hit_gives_identical_output_without_extracting(archive, tmp_path, calls):
    cache = tmp_path / "cache"
    kb, first = _build([archive], cache)
    n = calls["n"]
    assert n == first.extracted > 10 and first.cached == 0
    before = _outputs(kb, first, tmp_path / "first")
    kb, second = _build([archive], cache)
    assert calls["n"] == n                            # nothing extracted again
    assert second.cached == n and second.extracted == 0
    assert _outputs(kb, second, tmp_path / "second") == before
    assert not list(cache.rglob("*.tmp"))             # every entry was written whole


def test_cache_new_page_extracts_only_its_articles(archive, tmp_path, calls, monkeypatch):
    cache = tmp_path / "cache"
    _build([archive], cache)
    n = calls["n"]
    page = _new_page(archive)                          # sorts last: the archive so far is resolved already
    folded = []
    real_add = KnowledgeBase.add
    monkeypatch.setattr(KnowledgeBase, "add", lambda kb, ext: folded.append(ext.article.id) or real_add(kb, ext))
    kb, summary = _build([archive], cache)
    new = calls["n"] - n
    assert len(folded) == new                          # this build folded in only the new page's articles
    monkeypatch.setattr(KnowledgeBase, "add", real_add)
    _, alone = build_kb([page], jobs=1)
    assert new == summary.extracted == alone.extracted > 3
    assert summary.cached == n
    kb_full, full = build_kb([archive], jobs=1)
    assert _outputs(kb, summary, tmp_path / "inc") == _outputs(kb_full, full, tmp_path / "full")


def test_cache_unchanged_page_is_not_read_again(archive, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _build([archive], cache)
    read = []
    real = kg.run.build.read_source
    monkeypatch.setattr(kg.run.build, "read_source", lambda path, **kw: read.append(path.name) or real(path, **kw))
    page = _new_page(archive)
    _, summary = _build([archive], cache)
    assert read == [page.name]                        # the other inputs came from the cache, as read before
    assert summary.inputs == 4 and summary.pages == 3


def test_cache_changed_lexicon_file_misses(archive, tmp_path, calls):
    lex = tmp_path / "lexicon"
    lex.mkdir()
    (lex / "titles.tsv").write_text("首席阅读推广人\n", encoding="utf-8")
    cache = tmp_path / "cache"
    _build([archive], cache, lexicon=str(lex))
    n = calls["n"]
    _build([archive], cache, lexicon=str(lex))
    assert calls["n"] == n                            # same lexicon: all cached
    (lex / "titles.tsv").write_text("首席阅读推广人\n首席数据官\n", encoding="utf-8")
    load_lexicon.cache_clear()                        # as a new `kg build` process would read the files afresh
    _, summary = _build([archive], cache, lexicon=str(lex))
    assert calls["n"] == 2 * n and summary.cached == 0


def test_cache_changed_code_misses(tmp_path, monkeypatch):
    fingerprint = load_lexicon().fingerprint
    before = version_key(fingerprint)
    copy = tmp_path / "kg"
    shutil.copytree(kg.run.cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "samples"))
    monkeypatch.setattr(kg.run.cache, "PACKAGE", copy)
    assert version_key(fingerprint) == before         # the copy is the same code
    resolved = resolved_key([SAMPLES], None, None)
    with (copy / "resolve.py").open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert version_key(fingerprint) == before         # extractions stay good
    assert resolved_key([SAMPLES], None, None) != resolved   # a resolved archive does not
    with (copy / "extract" / "persons.py").open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert version_key(fingerprint) != before


def test_cache_key_covers_every_article_field():
    art = Article(id="a", text="市长朱健主持会议。", source="p.txt", title="t", issue_date=date(2021, 1, 13), position=1)
    keys = {article_key(art)}
    for change in ({"text": "市长朱健出席会议。"}, {"issue_date": date(2021, 1, 14)}, {"source": "q.txt"},
                   {"title": "u"}, {"position": 2}, {"paper": dataclasses.replace(art.paper, city="衡阳市")}):
        keys.add(article_key(dataclasses.replace(art, **change)))
    assert len(keys) == 7


def test_cache_no_cache_option_extracts_everything_again(tmp_path, calls):
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(main, ["build", "--out", str(out), "-j", "1", "--no-html"])
    assert res.exit_code == 0, res.output
    n = calls["n"]
    assert (out / ".newskg-cache").is_dir()
    res = runner.invoke(main, ["build", "--out", str(out), "-j", "1", "--no-html"])
    assert calls["n"] == n and f"extracted 0 text block(s) (articles, mastheads, ads), {n} from the cache" in res.output
    res = runner.invoke(main, ["build", "--out", str(out), "-j", "1", "--no-html", "--no-cache"])
    assert res.exit_code == 0, res.output
    assert calls["n"] == 2 * n and f"extracted {n} text block(s) (articles, mastheads, ads), 0 from the cache" in res.output


def test_cache_interrupted_build_resumes(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.run.parallel, "BATCH_CHARS", 1)      # one article per batch, stored as soon as it is done
    cache = tmp_path / "cache"
    real = kg.extract.extract
    done = []

    def interrupted(article, *args):
        if len(done) == 6:
            raise KeyboardInterrupt
        done.append(article.id)
        return real(article, *args)

    monkeypatch.setattr(kg.extract, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _build([archive], cache)
    monkeypatch.setattr(kg.extract, "extract", real)
    kb, resumed = _build([archive], cache)
    assert resumed.cached == 6 and resumed.extracted > 0
    kb_full, full = build_kb([archive], jobs=1)
    assert _outputs(kb, resumed, tmp_path / "resumed") == _outputs(kb_full, full, tmp_path / "full")


def _entries(cache: Path, kind: type) -> list[Path]:
    return [p for p in cache.rglob("*.pkl") if isinstance(pickle.loads(p.read_bytes()), kind)]


def test_cache_damaged_entry_is_extracted_again(archive, tmp_path, calls):
    cache = tmp_path / "cache"
    _build([archive], cache)
    n = calls["n"]
    for resolved in _entries(cache, Resolved):        # without the resolved archive, each article is fetched
        resolved.unlink()
    entry = _entries(cache, Extraction)[0]
    entry.write_bytes(entry.read_bytes()[:40])
    _, summary = _build([archive], cache)
    assert calls["n"] == n + 1 and summary.cached == n - 1
    _, summary = _build([archive], cache)              # and it was rewritten whole
    assert calls["n"] == n + 1 and summary.cached == n


def test_cache_damaged_resolved_archive_falls_back_to_each_article(archive, tmp_path, calls):
    cache = tmp_path / "cache"
    kb, first = _build([archive], cache)
    n = calls["n"]
    [resolved] = _entries(cache, Resolved)
    resolved.write_bytes(resolved.read_bytes()[:100])
    kb2, second = _build([archive], cache)
    assert calls["n"] == n and second.cached == n
    assert _outputs(kb2, second, tmp_path / "second") == _outputs(kb, first, tmp_path / "first")


def test_cache_changed_page_in_the_middle_rebuilds_from_each_article(archive, tmp_path, calls):
    cache = tmp_path / "cache"
    _build([archive], cache)
    n = calls["n"]
    first = archive / "articles.jsonl"                 # the first input: no resolved prefix applies
    first.write_text(first.read_text(encoding="utf-8").replace("邹明远", "邹明达"), encoding="utf-8")
    kb, summary = _build([archive], cache)
    assert 0 < calls["n"] - n == summary.extracted < n
    kb_full, full = build_kb([archive], jobs=1)
    assert _outputs(kb, summary, tmp_path / "inc") == _outputs(kb_full, full, tmp_path / "full")


def test_cache_pages_added_are_extracted_by_a_worker_started_while_the_cache_is_read(archive, tmp_path, monkeypatch):
    import multiprocessing

    import kg.run.parallel

    cache = tmp_path / "cache"
    build_kb([archive], jobs=2, cache=cache)
    started = []
    real_pool = kg.run.parallel.process_pool
    monkeypatch.setattr(kg.run.parallel, "process_pool", lambda jobs, warm_up=None: started.append((jobs, warm_up is not None))
                        or real_pool(jobs, warm_up))
    _new_page(archive)
    kb, summary = build_kb([archive], jobs=2, cache=cache)
    assert started == [(1, True)]                       # one warmed worker, from the start; no pool for one page
    assert summary.extracted > 3 and summary.problems == []
    kb_full, full = build_kb([archive], jobs=1)
    assert _outputs(kb, summary, tmp_path / "inc") == _outputs(kb_full, full, tmp_path / "full")
    started.clear()
    _, same = build_kb([archive], jobs=2, cache=cache)  # nothing new: the worker is stopped, not waited for
    assert started == [(1, True)] and same.extracted == 0 and multiprocessing.active_children() == []


# --- values kept in the user's cache folder (jieba's word tags, the gazetteer's upper names) --------------------

def test_kept_value_is_read_back_not_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKG_CACHE", str(tmp_path))
    made = []

    def make():
        made.append(1)
        return {"衡阳": (1, 2)}
    assert kg.run.cache.kept("names", "v1", make) == {"衡阳": (1, 2)}
    assert kg.run.cache.kept("names", "v1", make) == {"衡阳": (1, 2)} and len(made) == 1
    assert kg.run.cache.kept("names", "v2", make) == {"衡阳": (1, 2)} and len(made) == 2      # a new key: made again
    assert [p.name for p in (tmp_path / "newskg").iterdir()] == ["names-v2.marshal"]      # the old key is gone


def test_kept_value_survives_a_damaged_file_and_a_read_only_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKG_CACHE", str(tmp_path))
    folder = tmp_path / "newskg"
    folder.mkdir()
    (folder / "names-v1.marshal").write_bytes(b"\x00not marshal")
    assert kg.run.cache.kept("names", "v1", lambda: [1, 2]) == [1, 2]
    assert kg.run.cache.kept("names", "v1", lambda: [3]) == [1, 2]             # rewritten whole
    monkeypatch.setenv("NEWSKG_CACHE", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    assert kg.run.cache.kept("names", "v1", lambda: [4]) == [4]                 # nowhere to keep it: still made


def test_word_tags_match_jieba_posseg(tmp_path, monkeypatch):
    import jieba.posseg

    from kg.lexicon import word_tags
    monkeypatch.setenv("NEWSKG_CACHE", str(tmp_path))
    word_tags.cache_clear()
    try:
        assert word_tags() == jieba.posseg.dt.word_tag_tab           # made from jieba.posseg, then kept
        word_tags.cache_clear()
        assert word_tags() == jieba.posseg.dt.word_tag_tab           # read back from the file
        assert len(list((tmp_path / "newskg").glob("jieba-tags-*.marshal"))) == 1
    finally:
        word_tags.cache_clear()
