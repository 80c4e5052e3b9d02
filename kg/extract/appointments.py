"""Posts taken by a named person earlier in the sentence: `刘某担任市直工委机关党支部组织委员`.

Title phrases (roles.py) read names that follow a title. This step reads the
other order: a person (or 他/她, the person the article is about), then a verb of
taking office (担任, 出任, 兼任, 当选, 履新, 任命为), then a title with or without its
organization. It runs after persons.py so every name the article holds is known.
"""
from __future__ import annotations

import re
from collections import Counter

from ..datamodel import ORGANIZATION, PERSON, ROLE, EntityRef, Membership
from .doc import Doc
from .roles import _implied_org, _org_before

NAME = "appointments"
REQUIRES = ("home", "organization", "role", "person", "memberships")
ASSIGNS = ("memberships", "organization")    # organization: a unit written after its organization (roles._org_before)

TAKE = re.compile(r"(?:担任|出任|兼任|转任|升任|调任|就任|当选为|当选|被任命为|任命为|被选为|履新|任)")
GAP = re.compile(r"[\u4e00-\u9fff]{0,8}")      # a modifier between the verb and the post: 疫情防控 联络员
PRONOUN = re.compile(r"(?:他|她)")


def run(doc: Doc) -> None:
    text = doc.text
    held = {(m.person, m.title) for m in doc.memberships}
    persons = doc.mentions(PERSON)
    main = _main_person(doc)
    for role in doc.mentions(ROLE):
        title = role.value or role.text
        if doc.lex.title_org(title) == "-" and title in ("记者", "通讯员"):
            continue
        org, org_start = _org_before(doc, role.start)
        head = org_start if org is not None else role.start
        s0, _ = doc.sentence_span(role.start)
        verbs = [v for v in TAKE.finditer(text, max(s0, head - 12), head) if GAP.fullmatch(text, v.end(), head)]
        if not verbs:
            continue
        verb = verbs[-1]
        before = [p for p in persons if s0 <= p.start and p.end <= verb.start()]
        person = before[-1].ref if before else None
        if person is None and main is not None and PRONOUN.search(text, s0, verb.start()):
            person = main
        if person is None or (person, title) in held:
            continue
        if org is None:
            implied, known = _implied_org(doc, title)
            org = implied if known else None
        written = text[verb.end():role.end]
        doc.add_membership(Membership(person, title, org, {written} if written != title else set()))
        held.add((person, title))


def _main_person(doc: Doc) -> EntityRef | None:
    counts = Counter(m.ref for m in doc.mentions(PERSON) if m.ref is not None)
    if not counts:
        return None
    ref, n = counts.most_common(1)[0]
    return ref if n >= 3 else None


__all__ = ["run", "ORGANIZATION"]
