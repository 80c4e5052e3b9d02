"""Cut a page of OCR text into articles.

A page is lines: headlines (short, no closing punctuation), bylines (`本报讯（记者 X）`,
`衡阳日报讯`, `■本报记者 X`), body paragraphs (often cut mid-sentence by a column
break), photo credits, jump lines (`（下转第四版①）`) and advertisements. An article
starts at a byline, with the headline lines just above it as its title, or at a
headline group that follows a finished paragraph and leads into a long one.
Paragraphs cut by a column break are joined back; advertisements are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

TERMINAL = "。！？!?…"
CLOSERS = "”」』）)》"
BYLINE = re.compile(r"^\s*(?:本报(?:[\u4e00-\u9fff]{1,6}?)?(?:\d{1,2}月\d{1,2}日)?讯|[\u4e00-\u9fff]{2,8}(?:日报|晚报|新闻网)讯|新华社|据新华社|【(?!字体)[^】]{1,10}】)")
# a web page's furniture under its headline: 发布时间：… 来源：… 作者：…, 【字体：大 中 小】, 2023-05-20 09:45 来源：…
FURNITURE = re.compile(r"^\s*(?:(?:发布时间|发布日期|刊发日期|时间|日期|来源|作者|浏览次数|点击数)\s*[:：]|【?字体\s*[:：]|"
                       r"\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2})")
CREDIT = re.compile(r"^\s*■")                          # ■本报记者 张建新 / ■谢丹 / ■张建新 摄
INTERVIEW = re.compile(r"^\s*——\s*访")                  # ——访衡阳市委副书记……
JUMP = re.compile(r"[（(]\s*(?:下转|上接|转)第?[一二三四五六七八九十\d]+版[^）)]{0,4}[）)]")
RELATED = re.compile(r"^\s*(?:>>|》》)?\s*相关(?:新闻|链接|阅读)\s*$")
AD = re.compile(r"招租|对外出租|房屋出租|出售|转让|零售价|促销|优惠价|招商热线|订购热线|咨询热线|欢迎垂询|COMPANY|LIMITED")
PHONE = re.compile(r"(?:电话|热线|联系人)\s*[:：]?\s*\d{6,}|\d{11}")
# an editors' footer, no part of the article (EXTRACTION.md): 责任编辑：蒋丽 版式：邓晖 校对：易小华, 【编辑：黄佳】【审核：周立新】
# (编辑 X alone is a credit: a person)
EDITOR = r"(?:本版)?(?:责任编辑|责编|美编|版式|校对|组版|值班编辑|一审|二审|三审|终审|审核|审校|监制)"
EDITOR_NAME = r"\s*[:：]?\s*[\u4e00-\u9fff]{2,4}"
FOOTER = re.compile(rf"(?:(?:{EDITOR}{EDITOR_NAME}|[【\[](?:编辑|{EDITOR}){EDITOR_NAME}[】\]])\s*)+")
PAGE_LINE = re.compile(r"(?:第\s*[A-Z]?\d{1,3}\s*版|[A-Z]?\d{1,2})(?:\s*[：:]?\s*[\u4e00-\u9fff]{1,6})?")   # 第A2版：要闻, 04 城市
HEADLINE_MAX = 42
SIGNED_ON = re.compile(r"^(?:[^\s，。]{2,30}\s+)?\d{4}年\d{1,2}月\d{1,2}日$")      # the date under a signature that closes an article


@dataclass
class Piece:
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)   # photo credits, kept out of the paragraphs they cut

    @property
    def text(self) -> str:
        return "\n".join(self.title + self.body + self.credits)


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(CLOSERS)
    return bool(s) and s[-1] in TERMINAL


ATTRIBUTION = re.compile(r"^[（(](?:据|来源|稿件来源|本文来源)[^）)]{1,20}[）)]$")   # （据新华网）


def _is_credit(line: str) -> bool:
    return ("■" in line and line.rstrip().endswith("摄") and len(line) <= 60) or bool(ATTRIBUTION.match(line))


LEADS_ON = re.compile(r"[：:]$|^[\u4e00-\u9fff]{1,4}人[：:]")     # a line that leads on to what follows


def _is_headline(line: str) -> bool:
    s = line.strip()
    return (0 < len(s) <= HEADLINE_MAX and not _ends_sentence(s) and "。" not in s and not BYLINE.match(s)
            and not CREDIT.match(s) and not _is_credit(s))


def _is_start(line: str) -> bool:
    return bool(BYLINE.match(line) or INTERVIEW.match(line) or (CREDIT.match(line) and not _is_credit(line)))


def _is_ad(piece: Piece) -> bool:
    text = piece.text
    if any(BYLINE.match(line) or CREDIT.match(line) for line in piece.title + piece.body):
        return False
    if NOTICE_TITLE.fullmatch("".join(piece.title).strip()):
        return True        # 遗失声明, 招聘启事, 寻人启事, 拍卖公告: a notice reports nothing
    ads = len(AD.findall(text))
    phones = len(PHONE.findall(text))
    return ads >= 1 and (phones >= 1 or len(text) < 200)


def split_page(text: str) -> list[tuple[str, str, str]]:
    """(title, text, kind) of each piece of the page, in page order; `text` starts with the title and
    `kind` is "article" or "ad" (an advertisement names companies and places but reports nothing)."""
    lines = [JUMP.sub("", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not RELATED.match(ln) and not FOOTER.fullmatch(ln) and not PAGE_LINE.fullmatch(ln)]
    pieces: list[Piece] = []
    cur: Piece | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_headline(line):
            j = i
            while j < len(lines) and _is_headline(lines[j]) and j - i < 5:
                j += 1
            headed = j < len(lines) and (_is_start(lines[j]) or j == i + 1 and not _cut_off(line) and len(lines[j]) >= 50)
            if cur is not None and cur.body and _cut_off(cur.body[-1]) and not headed:
                cur.body[-1] += line       # 区委书记郑 | 晓峰出席并讲话，区委副书记、区长: a column break, no headline
                i += 1
                continue
            signed = next((k for k in range(j - 1, i - 1, -1) if SIGNED_ON.match(lines[k])), None)
            if signed is not None and cur is not None and cur.body and signed + 1 < j:
                cur.body.extend(lines[i:signed + 1])    # 中共…纪检监察组 / 2020年11月17日: the last article's signature
                i = signed + 1
                continue
            nxt = lines[j] if j < len(lines) else ""
            prev_done = cur is None or not cur.body or _ends_sentence(cur.body[-1])
            ad_title = prev_done and bool(AD.search(" ".join(lines[i:j])))
            if (not _is_start(nxt) and not ad_title and cur is not None and _is_feature(cur)
                    and not NOTICE.search(" ".join(lines[i:j])) and all(len(x) <= 24 for x in lines[i:j])):
                cur.body.extend(lines[i:j])      # a feature's subheading (从“军官”到“村官”): the story goes on
                i = j
                continue
            notice = prev_done and bool(NOTICE_TITLE.fullmatch("".join(lines[i:j])))       # 遗失声明, however short
            if _is_start(nxt) or ad_title or notice or (prev_done and len(nxt) >= 50 and not _is_headline(nxt)
                                                         and not LEADS_ON.search(lines[j - 1])):
                #   (…人事任免事项：, 发布人：陈德兵（副县长） before a paragraph: the article's own line, leading on)
                stolen = _steal_headline(cur) if cur is not None and _is_start(nxt) else []
                cur = Piece(title=stolen + lines[i:j])
                pieces.append(cur)
                i = j
                continue
            if cur is None:
                cur = Piece()
                pieces.append(cur)
            cur.body.extend(lines[i:j])
            i = j
            continue
        if _is_credit(line) and cur is not None:
            cur.credits.append(line)
            i += 1
            continue
        if _is_start(line) and (cur is None or any(not FURNITURE.match(b) for b in cur.body)):   # not after furniture
            title = _steal_headline(cur) if cur is not None else []
            cur = Piece(title=title)
            pieces.append(cur)
        elif cur is None:
            cur = Piece()
            pieces.append(cur)
        if cur.body and _continues(cur.body[-1], line):
            cur.body[-1] += line
        else:
            cur.body.append(line)
        i += 1
    out = []
    for p in pieces:
        if not p.body:
            continue
        title = "".join(p.title) if len(p.title) > 1 and all(len(t) < 12 for t in p.title) else " ".join(p.title)
        if _is_ad(p) and (cut := _ad_tail(p)) is not None:
            article, ad = Piece(p.title, p.body[:cut]), Piece([], p.body[cut:], p.credits)
            out.append((title, article.text, "article"))
            out.append((ad.body[0], ad.text, "ad"))
            continue
        out.append((title, p.text, "ad" if _is_ad(p) else "article"))
    return out


def _ad_tail(piece: Piece) -> int | None:
    """Where an advertisement printed under an article begins (the brand line before its first ad line),
    if the piece opens with real news: a paragraph that ends a sentence before any ad line."""
    first_ad = next((k for k, line in enumerate(piece.body) if AD.search(line)), None)
    if first_ad is None:
        return None
    news = [k for k, line in enumerate(piece.body[:first_ad]) if len(line) >= 40 and _ends_sentence(line)]
    if not news:
        return None
    cut = first_ad - 1 if first_ad - 1 > news[-1] and _is_headline(piece.body[first_ad - 1]) else first_ad
    return cut if cut > news[-1] else None


NOTICE_TITLE = re.compile(r"[\u4e00-\u9fff（）()]{0,12}(?:遗失声明|作废声明|声明|招聘启事|招聘公告|寻人启事|启事|拍卖公告|公告)")
NOTICE = re.compile(r"公告|通知|启事|声明|通告|招聘|讣告|相关新闻|链接")


def _is_feature(piece: Piece) -> bool:
    """A feature story: a ■ byline among its first lines, or a ——记/——访 kicker in its title."""
    head = piece.title + piece.body[:2]
    return any(CREDIT.match(x) and not _is_credit(x) for x in head) or any(
        x.lstrip().startswith(("——记", "——访")) for x in piece.title)


def _steal_headline(piece: Piece) -> list[str]:
    """Short lines at the end of an article that open with a headline belong to the next article."""
    k = len(piece.body)
    while k > 0 and len(piece.body[k - 1]) <= HEADLINE_MAX and len(piece.body) - k < 3 \
            and not SIGNED_ON.match(piece.body[k - 1]):
        k -= 1                      # (a signature and its date close the article: they stay)
    tail = piece.body[k:]
    if tail and k > 0 and _is_headline(tail[0]):
        del piece.body[k:]
        return tail
    return []


def _continues(previous: str, line: str) -> bool:
    """Is `line` the rest of `previous`, cut by a column break?"""
    return (_cut_off(previous) and not _is_start(line) and not _is_headline(line)
            and not (previous[-1].isdigit() and line[:1].isdigit()))     # 浏览量：512 | 9月19日: two numbers, two lines


def _cut_off(line: str) -> bool:
    """Does a body line stop mid-sentence (a column break): long, or a sentence begun in it (株洲新闻网讯（记者 刘晓峰）
    6月6日，市长), and no closing punctuation or colon?"""
    return not _ends_sentence(line) and line[-1] not in "：:—" and (len(line) > 30 or "，" in line)
