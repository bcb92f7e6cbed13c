"""Relation candidates: every pair of mentions a relation's argument types allow, in a sentence or carried over
from the sentences just before it.

The rules of ``relations.py`` say what the genre usually means; they are high-precision but miss what they were
not written for ("held a courtesy call", "audiensi", lists of attending ministers). So the rules' claims are
candidates like any other pair, with their verdict as one feature among many, and a trained model decides
(``decision.py``). A candidate is a ``Claim`` whose rule is ``candidate:RELATION`` when no rule proposed it.
Meetings told over several sentences (a scene, two sides, a hearing) are ``scenes.py``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from kg.extract.context import PARTY_TYPES, SentenceView, party_keys
from kg.extract.coordination import held_events
from kg.extract.relations import names_a_side, refusals, told_again, witness, witnessed
from kg.model import Claim, Mention
from kg.nlp.lexicon import EventReferences
from kg.nlp import gazetteer
from kg.extract.scenes import CANDIDATE, Scene, people_of
from kg.relations import REGISTRY, claim_key
from kg.resources import function_words

MAX_ROLE = 5  # words of a post's title found between a person and a body
CARRY = 2  # sentences after an event or agreement is named in which "the meeting", "MoU tersebut" may refer to it
RULED = frozenset({"listed", "subjectless"})  # kinds of a scene's pairs proposed as a rule's claims
AGAIN = "told-again"  # the kind of a meeting candidate whose sentence refers back to a meeting told before


@dataclass
class Carried:
    """The event and agreement named last, and the sentence that named them; a sentence further on takes them
    when it points back to one ("the meeting", "pertemuan tersebut", "MoU ini")."""

    event_words: frozenset[str] = frozenset()  # lower-case words of event heads and meeting nouns
    agreement_words: frozenset[str] = frozenset()  # lower-case words of agreement heads
    references: EventReferences = EventReferences({}, frozenset(), frozenset())  # "the" before, "tersebut" after
    event: str | None = None
    event_sentence: int = -10
    agreement: str | None = None
    agreement_sentence: int = -10
    scene: Scene = field(default_factory=Scene)

    def update(self, view: SentenceView) -> None:
        back = self.points_back(view, self.event_words)
        self.scene.update(view, back)
        held = held_events(view)  # not "ahead of the 12th ADMM"
        if held:
            self.event, self.event_sentence = held[-1].key, view.sentence.index
        elif self.event is not None and back and not view.events:
            self.event_sentence = view.sentence.index
        if view.agreements:
            self.agreement, self.agreement_sentence = view.agreements[-1].key, view.sentence.index
        elif self.agreement is not None and self.points_back(view, self.agreement_words):
            self.agreement_sentence = view.sentence.index

    def event_near(self, view: SentenceView) -> tuple[str, str] | None:
        """The event the sentence may speak of, and how it was reached: "near" or "referred"."""
        return self._near(view, self.event, self.event_sentence, self.event_words)

    def agreement_near(self, view: SentenceView) -> tuple[str, str] | None:
        return self._near(view, self.agreement, self.agreement_sentence, self.agreement_words)

    def _near(self, view: SentenceView, key: str | None, named: int, heads: frozenset[str]) -> tuple[str, str] | None:
        if key is None:
            return None
        if view.sentence.index - named <= CARRY:
            return key, "near"
        return (key, "referred") if self.points_back(view, heads) else None

    def points_back(self, view: SentenceView, heads: frozenset[str]) -> bool:
        """A head word with a pointing word on its side, next to it or one word away ("the meeting", "the
        bilateral meeting", "MoU tersebut", "pertemuan puncak itu")."""
        words = view.words
        before, after = self.references.before, self.references.after
        for k, word in enumerate(words):
            if word not in heads:
                continue
            if any(0 <= j < len(words) and words[j] in before and _between_is_word(words[j + 1:k]) for j in (k - 1, k - 2)):
                return True
            if any(j < len(words) and words[j] in after and _between_is_word(words[k + 1:j]) for j in (k + 1, k + 2)):
                return True
        return False


def _between_is_word(words: list[str]) -> bool:
    """Nothing, or one word, stands between a head and its pointer: no punctuation, no second pointer."""
    return all(w[:1].isalnum() for w in words)


def by_rule(rule: str) -> bool:
    """A claim one of the rules proposed, not a general candidate."""
    return not rule.startswith(CANDIDATE)


def _anchor(view: SentenceView, relation: str) -> int:
    """Where a candidate's date is looked for: its relation's first trigger, else the sentence start."""
    triggers = REGISTRY[relation].triggers
    first = next((t for t in view.triggers if t.relation in triggers), None)
    return first.start if first else view.sentence.start


def propose(view: SentenceView, carried: Carried, rule_claims: list[Claim]) -> list[Claim]:
    """Candidates of one sentence that no rule proposed there, as claims with ``candidate:RELATION`` rules."""
    taken = {claim_key(c.relation, c.subject, c.object) for c in rule_claims}
    refused = refusals(view)
    again = told_again(view)
    place = view.place()
    out: list[Claim] = []
    for relation, subject, obj, kind in _pairs(view, carried):
        key = claim_key(relation, subject, obj)
        if key in taken or subject == obj or relation in refused:
            continue
        if again and relation == "meets":
            kind = AGAIN
        taken.add(key)
        spec = REGISTRY[relation]
        date = view.time_near(_anchor(view, relation)) if spec.dated else None
        role = _role(view, subject, obj) if relation == "holds_position" and obj else None
        rule = (f"{relation}:{kind}" if kind in RULED else f"{CANDIDATE}:{relation}:{kind}") if kind else f"{CANDIDATE}:{relation}"
        out.append(Claim(relation, subject, obj, view.evidence(), rule, 0.0,
                         date=date, place=place if spec.dated else None, role=role))
    return out


def _pairs(view: SentenceView, carried: Carried) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(relation, subject, object, kind): kind "referred" for an event or agreement named further back that
    the sentence points to."""
    parties = view.parties
    actors = party_keys(parties, PARTY_TYPES)
    bodies = party_keys(parties, ("Organization", "Country"))
    people = people_of(view)
    for a, b in combinations(actors, 2):
        yield "meets", a, b, None
    event_near = carried.event_near(view)
    points_back = carried.points_back(view, carried.event_words)
    for a, b, kind in carried.scene.pairs(view, points_back, event_near is not None):
        yield "meets", a, b, kind
    for a, b in combinations(bodies, 2):
        yield "cooperates_with", a, b, None
    for person in people:
        yield "quoted", person, None, None
        for body in bodies:
            yield "holds_position", person, body, None
    held = held_events(view)
    events = _named_or_carried(held, event_near) if held or not view.events else []
    agreements = _named_or_carried(view.agreements, carried.agreement_near(view))
    attendees = party_keys([p for p in parties if not names_a_side(view, p)], PARTY_TYPES, None)
    for actor in attendees:
        for event, kind in events:
            yield "attends", actor, event, kind
    if not agreements:
        return  # most sentences: no signing to look for witnesses of
    spans = witnessed(view)
    signers = party_keys([p for p in parties if not witness(p, spans)], PARTY_TYPES, None)  # GUIDELINES: witnesses do not sign
    for actor in signers:
        for agreement, kind in agreements:
            yield "signs", actor, agreement, kind


def _named_or_carried(named: list[Mention], carried: tuple[str, str] | None) -> list[tuple[str, str | None]]:
    """The sentence's own events (or agreements), else the one carried to it, "referred" when it was reached
    by pointing back past CARRY sentences."""
    if named:
        return [(key, None) for key in dict.fromkeys(m.key for m in named)]
    if carried is None:
        return []
    return [(carried[0], "referred" if carried[1] == "referred" else None)]


def _role(view: SentenceView, person: str, body: str) -> str | None:
    """The words that tie a person to a body, as the post's title: "X, Kepala BNPT" and "Kepala BNPT X" give
    "Kepala" (GUIDELINES: the role is the title as written, without the body)."""
    people = [p for p in view.parties if p.key == person]
    bodies = [p for p in view.parties if p.key == body]
    if not people or not bodies:
        return None
    p, b = min(((p, b) for p in people for b in bodies), key=lambda pb: abs(pb[0].start - pb[1].start))
    tokens = view.tokens  # in order and never overlapping: the ones between two offsets are a slice
    if b.start > p.end:
        words = [t.text for t in tokens[view.starting_from(p.end):view.ending_by(b.start)] if t.is_word]
    else:
        words = [t.text for t in tokens[:view.ending_by(b.start)] if t.is_word][-MAX_ROLE:]
        while words and not words[0][:1].isupper():
            words = words[1:]
    words = words[:MAX_ROLE]
    while words and words[-1].lower() in function_words():
        words.pop()  # "X, deputy commander of the Vietnam Coast Guard": the role is "deputy commander"
    return " ".join(words) or None



MAX_COUNTRIES = 3  # the article's most named countries tried as the body of a post that names none


def implied_posts(mentions: list[Mention], views: list[SentenceView], claims: list[Claim],
                  others: dict[str, set[str]]) -> list[Claim]:
    """A post whose title names no body ("Defence Minister Ng Eng Hen", "Presiden Joko Widodo") belongs to a
    country the article implies (GUIDELINES: a minister's post belongs to the country): one candidate per
    country among the article's most named, for the model to choose with the country's rank as evidence. A
    rule's post to the country of the person's counterparts (``others``, from ``counterparts``) is no post: it
    is dropped, and the person is offered the other countries."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type == "Country":
            counts[m.key] = counts.get(m.key, 0) + 1
    countries = sorted(counts, key=lambda k: (-counts[k], k))[:MAX_COUNTRIES]
    posted = {c.subject for c in claims if c.relation == "holds_position" and by_rule(c.rule)
              and c.object not in others.get(c.subject, ())}  # a rule gave a post
    posted |= {m.key for m in mentions if m.body}  # or a title named the body
    chosen: dict[str, Mention] = {}  # per person, the first mention with a title ("President X"), else the first
    for m in mentions:
        if m.type == "Person" and m.key not in posted and (m.key not in chosen or (m.role and not chosen[m.key].role)):
            chosen[m.key] = m
    out: list[Claim] = []
    for m in chosen.values():
        view = views[m.sentence]
        for rank, country in enumerate(countries, 1):
            kind = "implied" if m.role else "untitled"
            out.append(Claim("holds_position", m.key, country, view.evidence(), f"{CANDIDATE}:holds_position:{kind}-{rank}",
                             0.0, role=m.role or None))
    return out


def counterparts(views: list[SentenceView], words: frozenset[str], plural: frozenset[str]) -> dict[str, set[str]]:
    """Per person, the countries of their counterparts, whose posts they do not hold: "Ng Eng Hen met his
    Indonesian counterpart", "Menhan bertemu mitranya dari Singapura" (``words``: "counterpart", "mitranya").
    A plural (``plural``: "counterparts") speaks for every person named before it in the sentence: "Foreign
    minister X, attorney-general Y, and home affairs minister Z have met with their Indonesian counterparts"."""
    gaz = gazetteer.load()
    out: dict[str, set[str]] = {}
    for view in views:
        tokens = view.tokens
        for k, token in enumerate(tokens):
            word = token.text.lower()
            if word not in words and word not in plural:
                continue
            owner = gaz.owner(tokens[k - 1].text) if k else ""  # "his Indonesian counterpart"
            country = owner if owner.startswith("country:") else None
            if country is None and k + 2 < len(tokens) and tokens[k + 1].text.lower() in ("dari", "from"):
                found = gaz.match(tokens, k + 2)  # "mitranya dari Singapura"
                country = found[1].key if found and found[1].type == "Country" else None
            if country is None:
                continue
            before = [p for p in view.parties if p.type == "Person" and p.end <= token.start]
            for person in (before if word in plural else before[-1:]):
                out.setdefault(person.key, set()).add(country)
    return out


def mentions_of(view: SentenceView, key: str) -> list[tuple[int, int, str]]:
    """(start, end, how) of each mention of ``key`` in the sentence: parties, events and agreements."""
    spans = [(p.start, p.end, p.rule) for p in view.parties if p.key == key]
    spans += [(m.start, m.end, m.rule or "name") for m in _named(view) if m.key == key]
    return sorted(spans)


def _named(view: SentenceView) -> list[Mention]:
    return [*view.events, *view.agreements]
