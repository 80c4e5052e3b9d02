"""Reading archive files: every encoding a Chinese archive uses, traditional characters, bad bytes."""
import codecs
import json
import random
import time
from datetime import date
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PAGES, ROOT, needs_shared
from kg.errors import InputError
from kg.extract.ner import mentions_of
from kg.ingest import expand, read_source
from kg.ingest.readers import clean, decode, plausibility, read_bytes, read_text, shares
from kg.ingest.traditional import to_simplified, traditional_chars
from kg.run.build import build_kb

SAMPLES = ROOT / "kg" / "samples"
S2T = opencc.OpenCC("s2tw")      # Taiwan forms: what Big5 can hold

# our own sentences, in the register of a city paper
LINES = [
    "本报讯（记者 陈晓明）1月12日上午，市委副书记、市长张建华率队到雁峰区调研重点项目建设。",
    "市政府秘书长刘志强参加调研。",
    "全市农村人居环境整治工作推进会召开",
    "衡阳市第十六届人民代表大会第五次会议开幕",
    "“十四五”开局之年，我市经济运行稳中向好。",
    "今日八版",
    "市委书记主持会议",
    "县农业农村局局长",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be"]


def _encoded(text: str, enc: str) -> tuple[str, bytes]:
    """`text` as a file in `enc` would hold it (Big5 files are traditional), and what reading it must give."""
    if enc == "big5":       # what Big5 cannot hold (a few rare hanzi) a Big5 file holds as "?"
        text = S2T.convert(text).encode("big5", errors="replace").decode("big5")
    return text, text.encode(enc)


@pytest.mark.parametrize("enc", ENCODINGS)
@pytest.mark.parametrize("line", LINES, ids=[f"line{i}" for i in range(len(LINES))])
def test_readers_decode_short_lines_in_every_encoding(line, enc):
    text, data = _encoded(line, enc)
    assert decode(data, "x.txt") == text


@pytest.mark.parametrize("enc", ENCODINGS)
def test_readers_decode_whole_sample_page_in_every_encoding(enc):
    page = (SAMPLES / "xiangtan_2023-04-18.txt").read_text(encoding="utf-8")
    text, data = _encoded(page, enc)
    assert decode(data, "x.txt") == text


@needs_shared
@pytest.mark.parametrize("enc", ENCODINGS)
def test_readers_decode_real_pages_and_their_first_lines(enc):
    for path in sorted(PAGES.glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        for chunk in (page, page[:300], *[ln for ln in page.splitlines() if len(ln) >= 12][:20]):
            text, data = _encoded(chunk, enc)
            assert decode(data, path.name) == text, (path.name, enc, chunk[:40])


def test_readers_short_snippets_with_eight_hanzi_decode_right():
    """Random snippets of our sample pages holding 8 hanzi, in every encoding: no wrong guess."""
    pages = [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")]
    rng = random.Random(7)
    wrong, tried = [], 0
    while tried < 200:
        page = rng.choice(pages)
        i = rng.randrange(len(page) - 40)
        hanzi = [j for j in range(i, i + 40) if "\u4e00" <= page[j] <= "\u9fff"]
        if len(hanzi) < 8:
            continue
        chunk = page[i:hanzi[7] + 1]
        tried += 1
        for enc in ENCODINGS:
            text, data = _encoded(chunk, enc)
            if decode(data, "x") != text:
                wrong.append((enc, text))
    assert wrong == []


def test_readers_traditional_file_in_big5_and_utf8_read_as_simplified(tmp_path):
    trad = "衡陽日報\n\n2021年1月13日 星期三\n\n本報訊 市委副書記、市長張建華到衡陽縣調研。\n"
    (tmp_path / "big5.txt").write_bytes(trad.encode("big5"))
    (tmp_path / "utf8.txt").write_text(trad, encoding="utf-8")
    for name in ("big5.txt", "utf8.txt"):
        src = read_source(tmp_path / name)
        assert src.problems == []
        body = "".join(a.text for a in src.articles)
        assert "衡阳县" in body and "张建华" in body and "衡陽" not in body
        assert src.articles[0].paper.name == "衡阳日报" and src.articles[0].issue_date == date(2021, 1, 13)


def test_readers_traditional_and_simplified_pages_give_the_same_entities(tmp_path):
    page = (SAMPLES / "xiangtan_2023-04-18.txt").read_text(encoding="utf-8")
    (tmp_path / "s").mkdir()
    (tmp_path / "t").mkdir()
    (tmp_path / "s" / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "t" / "page.txt").write_bytes(S2T.convert(page).encode("big5", errors="strict"))
    simplified, _ = build_kb([tmp_path / "s"], jobs=1)
    traditional, summary = build_kb([tmp_path / "t"], jobs=1)
    assert summary.problems == []
    assert simplified.counts()["persons"] > 10
    assert simplified.counts() == traditional.counts()
    assert set(simplified.entities) == set(traditional.entities)      # the same IRIs: 湘潭 is 湘潭


def test_traditional_to_simplified_keeps_length_and_simplified_text():
    assert to_simplified("衡陽市委書記、市長") == "衡阳市委书记、市长"
    assert to_simplified("乾隆年間於衡陽") == "乾隆年间于衡阳"     # OpenCC's phrases: 乾隆 stays
    for simplified in ("著名作家著作", "乾坤", "於是", "皇后", "范仲淹在衡阳"):
        assert to_simplified(simplified) == simplified      # simplified text is never touched
    assert traditional_chars("衡阳日报") == set()
    page = (SAMPLES / "xiangtan_2023-04-19.txt").read_text(encoding="utf-8")
    assert to_simplified(page) == page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200))
def test_traditional_to_simplified_never_changes_length(text):
    assert len(to_simplified(text)) == len(text)
    assert len(to_simplified(S2T.convert(text))) == len(S2T.convert(text))


def test_readers_ner_offsets_index_the_traditional_text():
    text = "市委副書記、市長張建華到衡陽縣調研。"
    mentions = mentions_of(text)
    assert {"張建華", "衡陽縣"} <= {m["text"] for m in mentions}
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("data, why", [
    (b"", "is empty"),
    (b"  \n\t \r\n", "is empty"),
    ("  \n ".encode("utf-16"), "is empty"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "looks binary (PDF)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary (PNG image)"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks binary (JPEG image)"),
    (b"PK\x03\x04\x14\x00\x06\x00", "looks binary (ZIP archive)"),
    (b"SQLite format 3\x00\x10\x00", "looks binary (SQLite database)"),
    (b"\x00\x01\x02", "looks binary (NUL bytes)"),
    (b"abc\x00def\x00" * 50, "looks binary (NUL bytes)"),
    (b"\x01\x02\x03\x04\x05 text", "looks binary (control characters)"),
])
def test_readers_refuse_what_is_not_text(data, why):
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert str(e.value.problem) == f"bad.txt: {why}, not text" or str(e.value.problem) == f"bad.txt: {why}"


def test_readers_refuse_random_bytes():
    rng = random.Random(3)
    for n in (64, 3000, 100_000):
        data = bytes(rng.randrange(256) for _ in range(n))
        with pytest.raises(InputError) as e:
            decode(data, "noise.bin")
        assert e.value.problem.source == "noise.bin"
        assert "binary" in e.value.problem.message or "cannot be decoded" in e.value.problem.message


def test_readers_clean_keeps_offsets():
    text = clean("市长\x0b张建华\x1b出席\r\n会议", "x")
    assert text == "市长 张建华 出席\n会议"
    assert clean("a\ud800b" + "市" * 10, "x") == "a\ufffdb" + "市" * 10


def test_readers_plausibility_separates_text_from_mojibake():
    line = LINES[0]
    assert plausibility(line) > 0.95
    assert plausibility(line.encode("gb18030").decode("big5", errors="replace")) < 0.5
    assert plausibility(line.encode("utf-8").decode("utf-16-le", errors="replace")) < 0.2


def test_readers_shares_count_a_traditional_character_only_once_simplified():
    assert shares("衡陽 ab\n") == (1.0, 0.75)          # 陽 is 阳 once simplified; spaces are not counted
    assert shares("衡陽 ab\n衡陽") == (1.0, 4 / 6)      # repeats count again
    assert shares("") == shares(" \n") == (1.0, 1.0)
    assert shares("衡陽鎮﹏ab") == (plausibility("衡陽鎮﹏ab"), plausibility("衡陽鎮﹏ab", simplify=False)) == (5 / 6, 0.5)


def test_readers_read_bytes_problems(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_bytes(tmp_path / "nope.txt", 1)
    with pytest.raises(InputError, match="cannot be read \\(it is a folder\\)"):
        read_bytes(tmp_path, 1)
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(3 * 1024 * 1024)           # sparse: 3 MB that take no disk
    with pytest.raises(InputError, match="big.txt: is larger than 2 MB, the limit for one page"):
        read_bytes(big, 2)
    with pytest.raises(InputError, match="larger than 1 MB"):     # a device is read up to the limit, not forever
        read_bytes(Path("/dev/zero"), 1)


def test_readers_read_text_from_a_pipe(tmp_path):
    import os
    import threading

    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    text = "本报讯 市委书记主持会议。\n"
    data = text.encode("gb18030")

    def write_slowly() -> None:         # two parts, with a pause longer than the reader waits at a time
        with fifo.open("wb", buffering=0) as f:
            f.write(data[:7])
            time.sleep(0.5)
            f.write(data[7:])

    writer = threading.Thread(target=write_slowly)
    writer.start()
    assert read_text(fifo) == text
    writer.join()


def test_ingest_jsonl_bad_lines_named_rest_read(tmp_path):
    lines = [json.dumps({"id": "a", "text": "市委书记主持会议。", "date": "2021-01-13"}, ensure_ascii=False),
             '{"id": "b", "text": "缺一个括号"',
             json.dumps({"id": "c", "text": ""}),
             json.dumps({"id": "d", "text": "出席", "date": "13/01/2021"}),
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "e", "text": "市長\u0000張建華\ud800出席"}),
             ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    src = read_source(path)
    assert [str(p) for p in src.problems] == [
        f"{path}: line 2: not valid JSON (Expecting ',' delimiter)",
        f"{path}: line 3: a JSON line needs a non-empty \"text\" string",
        f"{path}: line 4: \"date\" must be YYYY-MM-DD, got '13/01/2021'",
        f"{path}: line 5: a JSON line needs a non-empty \"text\" string",
    ]
    assert [a.source for a in src.articles] == ["feed.jsonl#a", "feed.jsonl#e"]
    assert src.articles[1].text == "市长 张建华\ufffd出席"       # one for one: offsets kept


def test_ingest_expand_names_what_gives_nothing(tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "p1.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "scans" / ".partial").mkdir()                  # hidden: a copy in progress
    (tmp_path / "scans" / ".partial" / "p2.txt").write_text("市委", encoding="utf-8")
    files, problems = expand([tmp_path / "scans", tmp_path / "missing"])
    assert files == []
    assert [str(p) for p in problems] == [f"{tmp_path / 'scans'}: folder holds no .txt or .jsonl files",
                                          f"{tmp_path / 'missing'}: no such file or folder"]


def test_readers_bom_wins_over_guessing():
    text = "市委书记"
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"), "x") == text
    assert decode(text.encode("utf-32"), "x") == text
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "x") == text


def test_traditional_a_character_whose_simplified_form_few_fonts_hold_is_kept():
    # 蟳埔村 (泉州): t2s gives 𫊻, outside the BMP, which the tagger and most readers do not know
    from kg.ingest.traditional import to_simplified
    assert to_simplified("蟳埔村") == "蟳埔村" and to_simplified("衡陽市") == "衡阳市"


def test_readers_a_city_hint_named_as_its_province_is_is_the_city(tmp_path):
    """--city 吉林 is 吉林市, whose 市委 a page without masthead means; a masthead's 吉林日报 stays the province's."""
    path = tmp_path / "page.txt"
    path.write_text("5月6日，市委召开常委会会议，研究部署防汛工作。", encoding="utf-8")
    assert read_source(path, city="吉林").articles[0].paper.city == "吉林市"
    path.write_text("吉林日报\n2024年5月6日 星期一\n5月5日，省委召开常委会会议。", encoding="utf-8")
    assert read_source(path).articles[0].paper.city == "吉林省"
