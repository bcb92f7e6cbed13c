"""What the relation rules see of one sentence: its parties in order, its triggers, dates and places."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.coref import PersonRef
from kg.model import AnalyzedArticle, Evidence, Mention, Sentence, TimeExpr
from kg.nlp.lexicon import Lexicon
from kg.nlp.tokens import Token, tokenize

PARTY_TYPES = ("Person", "Organization", "Country")
LOCATIVE = frozenset({"di", "in", "at", "ke"})


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    key: str
    type: str
    rule: str  # gazetteer | title-body | name | title | pronoun | ...


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    relation: str
    text: str


@dataclass
class SentenceView:
    sentence: Sentence
    tokens: list[Token]
    parties: list[Party]
    events: list[Mention]
    agreements: list[Mention]
    places: list[Mention]
    times: list[TimeExpr]
    triggers: list[Trigger] = field(default_factory=list)

    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(s.index, s.start, s.end, s.text)

    def has(self, relation: str) -> bool:
        return any(t.relation == relation for t in self.triggers)

    def first(self, relation: str) -> Trigger | None:
        return next((t for t in self.triggers if t.relation == relation), None)

    def word_before(self, position: int) -> str:
        before = [t for t in self.tokens if t.end <= position]
        return before[-1].text.lower() if before else ""

    def word_after(self, position: int) -> str:
        after = [t for t in self.tokens if t.start >= position]
        return after[0].text.lower() if after else ""

    def time_near(self, position: int) -> str | None:
        if not self.times:
            return None
        return min(self.times, key=lambda t: abs(t.start - position)).value

    def place(self) -> str | None:
        """The first place a locative names ("di Jakarta", "in Jakarta")."""
        return next((m.key for m in self.places if self.word_before(m.start) in LOCATIVE), None)


def build_views(analyzed: AnalyzedArticle, refs: list[PersonRef], lex: Lexicon) -> list[SentenceView]:
    views: list[SentenceView] = []
    entity_mentions = [m for m in analyzed.mentions if m.type not in ("Title", "Pronoun")]
    covered = [(m.start, m.end) for m in analyzed.mentions]
    for sentence in analyzed.sentences:
        inside = [m for m in entity_mentions if m.sentence == sentence.index]
        parties = [Party(m.start, m.end, m.key, m.type, m.rule) for m in inside if m.type in ("Organization", "Country")]
        parties += [Party(r.start, r.end, r.key, "Person", r.how) for r in refs if r.sentence == sentence.index]
        parties.sort(key=lambda p: p.start)
        tokens = tokenize(sentence.text, sentence.start)
        view = SentenceView(
            sentence, tokens, parties,
            events=[m for m in inside if m.type == "Event"],
            agreements=[m for m in inside if m.type == "Agreement"],
            places=[m for m in inside if m.type in ("Place", "Country")],
            times=[t for t in analyzed.times if t.sentence == sentence.index],
        )
        view.triggers = _triggers(tokens, lex, covered)
        views.append(view)
    return views


def _triggers(tokens: list[Token], lex: Lexicon, covered: list[tuple[int, int]]) -> list[Trigger]:
    """Trigger phrases, longest first, outside entity mentions."""
    found: list[Trigger] = []
    prefixes = lex.trigger_prefixes
    words = [t.text.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        best = 0
        for n in range(1, len(tokens) - i + 1):
            key = tuple(words[i:i + n])
            if key not in prefixes:
                break
            if key in lex.triggers:
                start, end = tokens[i].start, tokens[i + n - 1].end
                if not any(a <= start and end <= b for a, b in covered):
                    best = n
        if best:
            key = tuple(words[i:i + best])
            found.append(Trigger(tokens[i].start, tokens[i + best - 1].end, lex.triggers[key], " ".join(key)))
            i += best
        else:
            i += 1
    return found
