"""How a place is named in the graph and recorded in an article: a division by its name under its parents
(青山街道 of 石鼓区 is not 青山街道 of 大武口区), a local place (a venue, a road, a village group) under the place
it lies in. Shared by the place, venue and event extractors."""
from __future__ import annotations

from ..datamodel import PLACE, EntityRef
from ..lexicon.gazetteer import Division, gazetteer
from .doc import Doc
from .geo import Home


def scope(d: Division) -> str:
    """The names above a division, outermost first: 湖南省/衡阳市 for 衡南县."""
    g = gazetteer()
    return "/".join(x.name for x in reversed(g.path(d)[1:]))


def chain_start(doc: Doc, pos: int) -> int:
    """Where the places written right before `pos` begin (谢春燕，衡南县宝盖镇|宝盖村党总支书记, 历任…、渣江镇|镇长)."""
    while (place := next(iter(doc.ending_at(pos, PLACE)), None)) is not None and place.start < pos:
        pos = place.start
    return pos


def division_ref(d: Division) -> EntityRef:
    return EntityRef(PLACE, d.name, scope(d))


def add_division(doc: Doc, d: Division, start: int, end: int, *, claim: bool = True) -> EntityRef | None:
    ref = division_ref(d)
    if doc.add(PLACE, start, end, ref, claim=claim) is None:
        return None
    info = doc.record(ref)
    info.kind = d.kind
    info.code = d.code or None
    parent = gazetteer().parent(d)
    if parent is not None:
        info.parent = division_ref(parent)
    return ref


def add_local(doc: Doc, name: str, start: int, end: int, parent: EntityRef | None, kind: str,
               alias: str | None = None) -> EntityRef | None:
    sc = (f"{parent.scope}/{parent.name}" if parent.scope else parent.name) if parent else ""
    ref = EntityRef(PLACE, name, sc)
    if doc.add(PLACE, start, end, ref, alias=alias) is None:
        return None
    info = doc.record(ref)
    info.kind = kind
    if parent is not None and info.parent is None:
        info.parent = parent
    return ref


def home_ref(home: Home) -> EntityRef | None:
    return division_ref(home.city) if home.city is not None else None
