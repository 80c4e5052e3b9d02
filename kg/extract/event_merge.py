"""One event per occurrence: the mentions of events an article makes, merged where they tell of one thing (repeats
of a name, a name inside another, the act and its ceremony on one day)."""
from __future__ import annotations

import os
import re

from ..datamodel import EntityRef, EventFact, add_new

ONCE = ("开业", "开工", "投产", "竣工", "通车", "开园", "开馆", "揭牌", "开幕", "闭幕")     # a thing does these once
CEREMONY = re.compile(r"(?:仪式|典礼|庆典)$")
THIS_ONE = ("本届", "本次", "此次")      # 本届大赛: the event the article is about
ANAPHORIC = ("相关", "有关", "该", "此次", "这次", "本次", "上述")     # 相关工作调度会: the 调度会 of that day told again
RITES = ("剪彩", "揭牌", "揭幕", "奠基", "培土")        # what is done at a ceremony
ONE_CASE = (("开庭", "审理", "庭审", "宣判"), ("破获", "抓获"), ("相撞", "追尾", "侧翻", "事故", "车祸"),
            ("起火", "失火", "着火", "火灾", "火情", "大火"))      # a crash, a fire: one, however many words tell it
BATTLES = ("战斗", "战役", "战争", "保卫战", "起义", "会战")


def dice(a: str, b: str) -> float:
    ba = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    bb = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(ba & bb) / (len(ba) + len(bb))


def same_event(a: EventFact, b: EventFact) -> bool:
    """Two mentions in one article are one event: one name inside the other (a short one on the same day), names
    alike, or the same kind of event (its last word) on the same day (相关工作调度会 is the 全市快递行业…调度会 of
    that day)."""
    x, y = a.name, b.name
    if _this_one(x, y) or _this_one(y, x):
        return True          # 本届大赛于8月2日开幕 of the 第三届…职业技能大赛 that closed on the 6th: one contest
    short, long_ = sorted((x, y), key=len)
    if _bare(short, long_):
        return True          # 郑志远主持座谈会 after 对口合作座谈会在宁波召开: that meeting, whatever day its visit lent it
    if a.date and b.date and len(a.date) == len(b.date) == 10 and a.date != b.date:
        return False         # 捐款 on 7月26日 and 捐款 on 8月1日: two occurrences however alike their names
    if x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x)):
        return True
    if _other_in_the_middle(x, y):
        return False         # 解放嵩县的战斗 and 解放郑州的战斗: two battles, however alike and on one day
    if (a.date is None or b.date is None or a.date == b.date and len(a.date) == 10) and (a.date or b.date) and any(
            all(any(w in n for w in steps) for n in (x, y)) for steps in ONE_CASE):
        return True          # 开庭审理…并当庭宣判, 破获…抓获: one trial, one case, told in two verbs on one day, or again
        #                      with no day (…公开开庭审理…。…旁听庭审)
    if any(p == q or min(len(p), len(q)) >= 4 and (p in q or q in p) for p in _joined(x) for q in _joined(y)) \
            and "暨" in x + y and a.date == b.date:
        return True          # 第十五届芒果文化节 (the headline) and 芒果文化节暨农产品交易会 that day: one festival
    if (x in y or y in x) and a.date is not None and a.date == b.date:
        return True          # 运动会 on the day of the 湖南省第十五届运动会开幕式
    d = dice(x, y)
    if d >= 0.6 or (x[-2:] == y[-2:] and d >= 0.45):      # (市委常委会会议 and 市委财经委员会会议: 0.43, two)
        return True
    if a.date is not None and b.date is not None and a.date != b.date:
        return False
    if len(short) >= 3 and long_.endswith(short) and (a.date is None or b.date is None):
        return True          # 副市长何春燕主持推介会, with no day: the 科技城招商推介会 told before
    for rite, other in ((x, y), (y, x)):
        m = CEREMONY.search(rite)
        if m and len(other) >= 2 and (rite[:m.start()].endswith(other[-2:]) or other.endswith(RITES)):
            return True      # 衡阳恒大酒店开业 and 开业仪式 that day, 双方签约 at the 签约仪式: the act and its ceremony;
            #                  为广场竣工剪彩 at the 竣工仪式: what is done at it
    if a.date is None or b.date is None:
        return False
    if len(short) >= 4 and _within(short, long_):
        return True          # 扩大会议 that day is the 市委常委会（扩大）会议
    if x[-2:] == y[-2:] and x[-2:] in ONCE:
        return True          # 万象汇开业 (the headline) and 正式开业 that day: one opening
    return x[-3:] == y[-3:] and (min(len(x), len(y)) <= 5 or any(n.startswith(ANAPHORIC) for n in (x, y)))


def _bare(short: str, long_: str) -> bool:
    """Is `short` a meeting's word alone (座谈会, 发布会) that ends the name `long_` gives in full?"""
    return len(short) == 3 and short.endswith("会") and len(long_) > 3 and long_.endswith(short)


def _joined(name: str) -> list[str]:
    """The events a name joins with 暨 (芒果文化节暨农产品交易会: 芒果文化节, 农产品交易会), or the name alone."""
    return [p for p in name.split("暨") if p]


def _this_one(x: str, y: str) -> bool:
    """Is `x` the article's reference to the event `y` names in full (本届大赛, 本次展会 of …展会)?"""
    return x.startswith(THIS_ONE) and len(x) >= 4 and len(y) > len(x) - 2 and y.endswith(x[2:])


def _other_in_the_middle(x: str, y: str) -> bool:
    """Do two battles' names differ by two words in one place (解放平溪|的战斗 and 解放郑州|的战斗)? Then they name two.
    (Meetings so alike are mostly one: 全市安全生产工作会议 and 全市安全生产电视电话会议.)"""
    if not (x.endswith(BATTLES) and y.endswith(BATTLES)):
        return False
    head = len(os.path.commonprefix([x, y]))
    tail = len(os.path.commonprefix([x[head:][::-1], y[head:][::-1]]))
    return len(x) - head - tail >= 2 and len(y) - head - tail >= 2 and head + tail >= 3


def _within(short: str, long_: str) -> bool:
    """Are the characters of `short` those of `long_`, in order (扩大会议 in 市委常委会（扩大）会议)?"""
    rest = iter(long_)
    return all(c in rest for c in short)


def told_again(a: EventFact, b: EventFact, headline: set[int], generic: frozenset[str] = frozenset(),
               own: dict[int, str] | None = None) -> bool:
    """Is one of the two the headline's event (专家进山村义诊) that the body tells that day (or the headline gives no day)
    under another name ending in its event word, or in that word and a generic one (开展大型义诊活动)? `headline` holds
    the ids of the headline's events. (A 调研 in the headline and the body's 调研座谈会 are two events: the body's ends
    in another word.)"""
    if (id(a) in headline) == (id(b) in headline):
        return False
    told, other = (a, b) if id(a) in headline else (b, a)
    if told.date is not None and not (other.date or "").startswith(told.date):
        return False          # (a headline with no date of its own, or only the year of the body's day, tells of that day)
    name = (own or {}).get(id(told), told.name)       # the headline's own name, not one a body event lent it
    word = name[-2:]
    return len(name) >= 2 and (other.name.endswith(word) or any(other.name.endswith(word + g) for g in generic))


def merge(events: list[EventFact], home: EntityRef | None = None, within=lambda a, b: False,
          headline: set[int] = frozenset(), generic: frozenset[str] = frozenset()) -> list[EventFact]:
    """One event per occurrence: repeats of a name (or a name inside another) in one article merge, and the headline's
    event with the body's that tells it again (told_again).

    The merged event keeps the longest name and the most specific place (延吉市举办… in the headline, 在延吉市人民
    广场举办 in the body); its date is the date of the most fully named mention."""
    out: list[EventFact] = []
    own = {id(e): e.name for e in events if id(e) in headline}
    for ev in events:
        for kept in out:
            if same_event(ev, kept) or told_again(ev, kept, headline, generic, own):
                _absorb(kept, ev, home, within)
                break
        else:
            out.append(ev)
    if len(out) < len(events) and len(out) > 1:
        out = merge(out, home, within, frozenset(), generic)     # 市委常委会 took the lead's name; now 扩大会议 is one with it
        #   (by their names alone: the headline told again once is not told again of every event that day)
    for ev in out:
        ev.aliases.discard(ev.name)
    return out


def _absorb(kept: EventFact, ev: EventFact, home: EntityRef | None, within) -> None:
    """Merge `ev` into `kept`: its name an alias (the longer name the kept one's), the more specific place, the fuller
    date, its attendees and organizers."""
    kept.aliases.add(ev.name)
    kept.aliases |= ev.aliases
    if len(ev.name) > len(kept.name):
        kept.aliases.add(kept.name)
        kept.name, kept.sentence = ev.name, ev.sentence
    if ev.place is not None and (kept.place is None or (kept.place == home and ev.place != home)
                                 or within(ev.place, kept.place)):
        kept.place = ev.place      # a place the text names beats the paper's city, a venue its town
    if _bare(*sorted((kept.name, ev.name), key=len)):
        if len(ev.name) > len(kept.name) and ev.date:
            kept.date = ev.date      # the meeting named in full says its day; its word alone took a visit's
    elif len(ev.date or "") > len(kept.date or "") or ev.date and len(ev.date) == len(kept.date or "") and ev.date < kept.date:
        kept.date = ev.date      # (a contest of several days: its first, EXTRACTION.md)
    add_new(kept.attendees, ev.attendees)
    add_new(kept.organizers, ev.organizers)
