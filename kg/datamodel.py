"""The data model that passes between the pipeline's stages.

An `Article` enters; extractors add `Mention`s (spans of its text) and facts
(`Membership`, `EventFact`, containment pairs) naming entities by an `EntityRef`;
`resolve` merges the refs of a whole build into one `Entity` per real thing;
`rdf` writes those. Nothing here knows about jieba, rdflib or files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PERSON, ORGANIZATION, PLACE, ROLE, EVENT, DATE = "person", "organization", "place", "role", "event", "date"
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE)
MENTION_TYPES = (PERSON, ORGANIZATION, PLACE, ROLE, EVENT, DATE)


@dataclass(frozen=True)
class Paper:
    """The newspaper an article comes from: its name and home city give short forms their meaning."""

    name: str = ""            # 衡阳日报
    city: str = ""            # 衡阳市 (canonical, from the gazetteer)
    province: str = ""        # 湖南省
    org_name: str = ""        # 衡阳日报社: the organization reporters work for
    guessed: bool = False     # named after its city (衡阳 -> 衡阳日报) because no masthead or user named it

    @property
    def city_short(self) -> str:
        return self.city[:-1] if self.city.endswith("市") else self.city


@dataclass
class Article:
    """One article: the unit of provenance."""

    id: str                   # stable: derived from source and position, see ingest.articles
    text: str
    source: str               # file name (or the JSON line's "source")
    title: str = ""
    issue_date: date | None = None
    paper: Paper = field(default_factory=Paper)
    position: int = 0         # order of the article on its page
    kind: str = "article"     # "article", "masthead" or "ad": the last two carry names but no news


@dataclass(frozen=True)
class EntityRef:
    """How an extractor names an entity before resolution: type plus canonical name.

    `scope` separates same-named entities that are known to differ (a person's
    home city); `parent` places a place in its parent (canonical name)."""

    type: str
    name: str
    scope: str = ""


@dataclass
class Mention:
    """A span of an article's text that names something."""

    type: str
    text: str
    start: int
    end: int                  # exclusive
    ref: EntityRef | None = None   # the entity it names, once known
    value: str | None = None       # normalised value: ISO date for dates, bare title for roles
    weak: bool = False             # one piece of evidence only: an entity once corroborated (confirm.py)


@dataclass
class Membership:
    """(person, post, organization): `市委副书记朱健` -> (朱健, 副书记, 中共衡阳市委员会)."""

    person: EntityRef
    title: str                # bare post: 副书记
    org: EntityRef | None     # None when the text names none and none is implied
    title_aliases: set[str] = field(default_factory=set)   # written compounds: 市委副书记
    change: str | None = None           # what the article states happened: appointed, elected or removed
    change_date: str | None = None      # when (YYYY-MM-DD, YYYY-MM or YYYY), when the sentence says


def add_new(items: list, more) -> None:
    """Append to `items` each of `more` it does not hold yet, in order (an event's attendees and organizers as
    mentions of it are merged)."""
    for x in more:
        if x not in items:
            items.append(x)


@dataclass
class EventFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    date: str | None = None   # YYYY-MM-DD, YYYY-MM or YYYY
    place: EntityRef | None = None
    attendees: list[EntityRef] = field(default_factory=list)
    organizers: list[EntityRef] = field(default_factory=list)
    sentence: str = ""        # the sentence that reports it


@dataclass
class EntityInfo:
    """What an extractor knows of one entity inside one article."""

    ref: EntityRef
    aliases: set[str] = field(default_factory=set)
    parent: EntityRef | None = None     # containedInPlace for places, location for organizations
    code: str | None = None             # administrative code of a place, when the gazetteer has one
    kind: str | None = None             # place level (province, city, county, town, village, group, venue, road)


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[EntityRef, EntityInfo] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    events: list[EventFact] = field(default_factory=list)
    sentences: dict[EntityRef, str] = field(default_factory=dict)   # first sentence naming each entity

    def entity(self, ref: EntityRef, alias: str | None = None) -> EntityInfo:
        """The article's record of `ref`, created on first use; `alias` is a surface form."""
        info = self.entities.get(ref)
        if info is None:
            info = self.entities[ref] = EntityInfo(ref)
        if alias and alias != ref.name:
            info.aliases.add(alias)
        return info
