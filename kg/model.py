"""The extraction model: plain dataclasses passed from one pipeline stage to the next.

Offsets are character offsets into ``Article.text`` (the cleaned body), so every mention, date and claim
can be traced back to the exact sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Event", "Agreement")


@dataclass(frozen=True)
class Article:
    """One news article as ingested: cleaned body text plus what is known about it."""

    id: str
    text: str
    source: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str = "id"
    dateline_place: str | None = None
    content_hash: str = ""


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its character offsets into the article text."""

    start: int
    end: int
    text: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its tokens, made once by the nlp stage (``split_sentences``) for every
    pass and stage after it."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list, repr=False, compare=False)  # read, never changed


@dataclass(frozen=True)
class TimeExpr:
    """A date in the text at the precision it states: ``2021-11-11``, ``2021-04``, ``2021`` or ``--11-11``."""

    start: int
    end: int
    text: str
    value: str
    sentence: int


@dataclass
class Mention:
    """A span naming an entity, or a post title, or a pronoun; ``key`` links mentions of one entity."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES, or "Title" / "Pronoun"
    sentence: int
    key: str = ""  # gazetteer key or normalised name; filled by the nlp stage where known
    name: str = ""  # the name as it should be shown (titles and degrees stripped)
    rule: str = ""
    role: str = ""  # for a Person introduced by a title: the title as written
    body: str = ""  # for a Person introduced by a title: key of the body named in or after the title


@dataclass
class AnalyzedArticle:
    """The nlp stage's output: sentences, mentions and dates of one article."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    times: list[TimeExpr]
    quotes: list[tuple[int, int]] = field(default_factory=list)  # spans of quoted speech


@dataclass
class Entity:
    """One real-world thing named in an article: the node that mentions resolve to."""

    key: str  # stable across articles for actors (people, bodies, countries, places)
    type: str
    name: str  # canonical name for this article's language
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    aliases: list[str] = field(default_factory=list)
    wikidata: str = ""
    iso: str = ""
    date: str | None = None  # for events and agreements: when they took place or were signed
    place: str | None = None  # entity key of the place


@dataclass(frozen=True)
class Evidence:
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Claim:
    """One fact with its evidence, the rule that produced it and how sure that rule is."""

    relation: str
    subject: str  # entity key
    object: str | None  # entity key, None for quoted
    evidence: Evidence
    rule: str
    confidence: float
    role: str | None = None
    date: str | None = None
    place: str | None = None  # entity key
    quote: str | None = None
    title: str | None = None  # a post's title as written before the person's name elsewhere in the article


@dataclass
class ExtractedArticle:
    """The extract stage's output: resolved entities and claims of one article."""

    article: Article
    sentences: list[Sentence]
    entities: dict[str, Entity]
    claims: list[Claim]
