"""The training data of the mention model, read in place from ../shared (nothing of it is copied here).

Used by scripts/train_mentions.py. What it may read, and nothing else:

- MSRA NER train (SIGHAN 2006): one character per line, BIO tags PER/LOC/ORG; posts get TITLE
  from the title lists below wherever they match outside a labelled name (weak labels);
- HanLP 1.x word lists (Apache-2.0): organization names, place names, posts (`nnt`, less the
  words that are no post) and organization endings (`nis`), written as the shipped
  kg/models/mentions/words.tsv.gz;
- the tune half of our annotated text: the three pages and the odd-numbered news articles, their
  gold names projected onto the text, longest first, never overlapping. The even-numbered
  articles are the held-out check half: never opened here.

    >>> spans_of_bio(["B-PER", "I-PER", "O", "B-LOC"])
    [('PER', 0, 2), ('LOC', 3, 4)]
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from kg.extract.mention_features import MAX_WORD, TITLE, word_matches
from kg.lexicon import Lexicon

# HanLP's `nnt` words that name no post one holds in an organization (people by what they are, ranks in a
# story, things mis-tagged): they are left out of the title list.
NOT_POSTS = set("""
一把手 二把手 专家 主力 主角 举人 代理人 代表 代言人 会员 作者 使者 侍从 侍者 供应商 候选人 僧人 党员 共产党员
公职 军人 农民 农工 冠军 前卫 中后卫 后卫 中锋 前锋 助手 博士 博士后 博士生 商人 团员 士兵 大学生 学员 学生 学堂
学者 宝洁 实习生 小生 工人 师生员工 干部 成员 成員 战士 承包商 承销商 故事片 机关报 校名 法人 泗州 洗马 烈士 爵士
监护人 知名人士 知青 研究生 硕士 硕士生 社员 科夫 练习生 组员 组织者 职工 舞者 船厂 艺人 见习生 证人 证婚人 译者
设计者 进修生 进士 配角 间谍 随从 雇员 骑兵 高职 要职 要员 高官 首脑 领导人 领导干部 领导者 领袖 长老 女一号 男一号
男主角 女主角 替身 自诉人 辩护人 管理者 经营者 企业经营者 经营管理者 名医 名师 司令部 总编室 总裁班 教职 军职 副职
副手 师傅 打手 护航舰 演唱者 操作者 驾驶者 研究者 编者 审稿人 劳动模范 劳模 学徒 巫女 女祭司 高工 球员 队员 器乐
国君 皇帝 王后 女王 国王 君主 城主 盟主 帮主 堂主 教主 舵主 掌门 掌门人 统治者 幕僚 开路先锋 旗手 火炬手 门卫 官吏
官员 官长 将领 将官 武将 武士 小吏 小工 杂役 衙役 管家 保姆 保镖 保镳 打手 头目 首领 合伙人 投手 棋手 车手 车模
空姐 模特儿 伴娘 伴郎 信徒 军师 国师 大师 名医 公务员 教师 老师 医生 护士 警察 律师 工程师 会计 厨师 司机 水手
""".split())
PAGES = ("000", "001", "002")
TUNE_ARTICLES = [f"{folder}{n:02d}" for folder in "DEF" for n in range(1, 12, 2)]   # odd numbers only


def spans_of_bio(tags: list[str]) -> list[tuple[str, int, int]]:
    out, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        head, _, label = tag.partition("-")
        if start is not None and (head != "I" or label != kind):
            out.append((kind, start, i))
            start = kind = None
        if head == "B" or (head == "I" and start is None):
            start, kind = i, label
    return out


def read_msra(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(sentence, [(type, start, end)]) per sentence of a one-character-per-line BIO file."""
    out, chars, tags = [], [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0])
            tags.append(parts[-1])
        elif chars:
            out.append(("".join(chars), spans_of_bio(tags)))
            chars, tags = [], []
    return out


def project(text: str, names: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """Every occurrence of each (type, name) in `text`, longest first, none overlapping one taken before."""
    found = []
    for kind, name in set(names):
        i = text.find(name) if name else -1
        while i >= 0:
            found.append((-len(name), i, kind))
            i = text.find(name, i + 1)
    taken = bytearray(len(text))
    out = []
    for neg, i, kind in sorted(found):
        if not any(taken[i:i - neg]):
            taken[i:i - neg] = b"\x01" * -neg
            out.append((kind, i, i - neg))
    return sorted(out, key=lambda s: s[1])


def gold_names(gold: dict) -> list[tuple[str, str]]:
    names = []
    for key, kind in (("persons", "PER"), ("organizations", "ORG"), ("places", "LOC")):
        for entity in gold.get(key, []):
            names += [(kind, n) for n in [entity["name"], *entity.get("aliases", [])]]
    names += [("TITLE", r["title"]) for r in gold.get("roles", []) if r.get("title")]
    return names


def read_tune_half(shared: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(text, projected gold spans) of the three pages and the odd-numbered news articles."""
    pairs = [(next((shared / "eval/pages").glob(f"{p}_*.txt")), shared / f"eval/gold/{p}.json") for p in PAGES]
    pairs += [(shared / f"eval/news/{a[0]}/{a}.txt", shared / f"eval/news/{a[0]}/{a}.json") for a in TUNE_ARTICLES]
    out = []
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        out.append((text, project(text, gold_names(json.loads(gold_path.read_text(encoding="utf-8"))))))
    return out


def hanlp_words(folder: Path) -> dict[str, set[str]]:
    """kind -> words, from HanLP's organization and place lists and its core dictionary's nnt and nis words."""
    orgs = {line.split()[0] for line in _lines(folder / "机构名词典.txt") if line.split()}
    places = {line.strip() for line in _lines(folder / "全国地名大全.txt") if line.strip()}
    posts, suffixes = set(), set()
    for line in _lines(folder / "CoreNatureDictionary.txt"):
        f = line.split("\t")
        tags = f[1::2]
        if "nnt" in tags and f[0] not in NOT_POSTS:
            posts.add(f[0])
        if "nis" in tags:
            suffixes.add(f[0])
    keep = lambda ws: {w for w in ws if 2 <= len(w) <= MAX_WORD}   # noqa: E731
    return {"org": keep(orgs), "place": keep(places), "title": keep(posts), "org_suffix": keep(suffixes)}


def write_words(words: dict[str, set[str]], path: Path) -> None:
    """The lists as sorted `word<TAB>kind` lines, gzip'd with no time stamp (same lists, same bytes)."""
    text = "".join(f"{w}\t{kind}\n" for kind in sorted(words) for w in sorted(words[kind]))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def title_words(lex: Lexicon, hanlp: dict[str, set[str]]) -> dict[str, int]:
    return {w: TITLE for w in [*lex.titles, *hanlp["title"]] if w}


def weak_titles(tokens, titles: dict[str, int], spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """TITLE spans where a post ends where a token ends, longest first, clear of `spans` and of each other."""
    found = sorted(((s, e) for s, e, _ in word_matches(tokens, titles)), key=lambda x: (x[0] - x[1], x[0]))
    taken = set()
    for _, s, e in spans:
        taken.update(range(s, e))
    out = []
    for s, e in found:
        if not taken.intersection(range(s, e)):
            taken.update(range(s, e))
            out.append(("TITLE", s, e))
    return out


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()
