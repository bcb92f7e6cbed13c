"""What the relation model sees of a candidate: general, language-neutral evidence of the genre.

Features name the rule that proposed the candidate (if any), the trigger words of the sentence and where they
stand relative to the arguments, the words and punctuation between the arguments, list and coordination
structure, modality, argument types and how each argument was found (name, title, pronoun), and the sentence's
position. None names a person or an article: the model must carry over to text it has not seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kg.extract.candidates import CANDIDATE, by_rule, mentions_of
from kg.extract.scenes import MODAL
from kg.extract.context import SentenceView
from kg.extract.coordination import BETWEEN_WORDS, COORDINATORS, PARTNER
from kg.extract.posts import HOME_RULE, post_kind
from kg.model import Claim, Entity
from kg.nlp import lexicon
from kg.relations import REGISTRY, claim_key

_WORD = re.compile(r"[^\W\d_]+")
WINDOW = 3  # words looked at before the first and after the last argument
BETWEEN = 6  # words between the arguments kept as features (the first and last ones when more)
PARTNER_WORDS = PARTNER | BETWEEN_WORDS | {"and", "dan"}  # the last word before the second argument


@dataclass
class ArticleFacts:
    """What the features need to know of the whole article."""

    language: str
    entities: dict[str, Entity]
    quotes: list[tuple[int, int]]
    sentences: int
    bodies: dict[str, str] = field(default_factory=dict)  # person key -> body of a post the rules gave them
    counts: dict[str, int] = field(default_factory=dict)  # key -> mentions in the article (salience)
    together: dict[frozenset[str], int] = field(default_factory=dict)  # pair of keys -> sentences naming both
    ruled: set[tuple[str, str, str | None]] = field(default_factory=set)  # claim_key of each fact a rule proposed
    attended: frozenset[str] = frozenset()  # events some attendance candidate names
    dateline: str = ""  # the country of the dateline's place ("SINGAPORE:", "Jakarta -"), "" where none
    # body or country -> (person, ``posts.post_kind``) of each post a title gave, to tell whose post is taken
    posts: dict[str, set[tuple[str, tuple[bool, str]]]] = field(default_factory=dict)
    # features of a sentence, an argument or a span, the same for every candidate sharing it: built once per
    # article (an article has some sixty candidates, over a handful of sentences and arguments)
    shared: dict[tuple[object, ...], tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def cosigners(self) -> set[frozenset[str]]:
        """Pairs that sign one agreement by the rules. Annotators read a signing between two bodies as their
        cooperation more often than not, the agreement being one of cooperation ("menandatangani nota
        kesepahaman kerja sama dengan ..."), though a signing alone is none (GUIDELINES): of the pairs of bodies
        that co-sign in the gold of the 450 annotated articles, 176 of 286 cooperate, and among kg's
        cooperation candidates co-signers are right 42% of the time against 9% for the others."""
        signers: dict[str, list[str]] = {}
        for relation, subject, obj in self.ruled:
            if relation == "signs" and obj:
                signers.setdefault(obj, []).append(subject)
        return {frozenset((a, b)) for group in signers.values() for a in group for b in group if a != b}

    @cached_property
    def members_sign(self) -> set[tuple[str, str]]:
        """(body, agreement) where someone posted to the body signs the agreement by the rules: the body signs
        too (GUIDELINES: "the person who signs and the body they sign for each get one"). Of the bodies the rules
        make sign, those whose person signs were right 80% of the time on the annotated articles, the others 42%;
        for countries, 73% against 69%."""
        return {(self.bodies[person], obj) for relation, person, obj in self.ruled
                if relation == "signs" and obj and person in self.bodies}

    @cached_property
    def event_ranks(self) -> dict[str, str]:
        """Each event an attendance candidate names, ranked by how much the article names it (in the buckets
        of the salience features): "top" alone at the highest bucket, "tie" sharing it, else "below"."""
        levels = {key: MENTION_LEVELS.index(_bucket(self.counts.get(key, 0), MENTION_EDGES)) for key in self.attended}
        top = max(levels.values(), default=0)
        alone = sum(1 for v in levels.values() if v == top) == 1
        return {key: "below" if v < top else "top" if alone else "tie" for key, v in levels.items()}

    def country_evidence(self, claim: Claim) -> list[str]:
        """For a post offered to each of the article's countries because its title names none: whether the
        country is the dateline's, and whether another person already holds the same post of it by their
        title ("Minister for Defence X" beside "India's Defence Minister Y": X is not India's). On the 450
        annotated articles, English candidates of the second kind were right 5 times of 38, the others 87 of
        228; those of the dateline's country 9 of 18, of another 5 of 30."""
        where = "none" if not self.dateline else "same" if claim.object == self.dateline else "other"
        out = [f"dateline={where}&lang={self.language}"]
        if claim.role:
            kind = post_kind(claim.role, self.language)
            if any(person != claim.subject and held == kind for person, held in self.posts.get(claim.object or "", ())):
                out.append("post-taken")
        return out

    def memo(self, key: tuple[object, ...], make: Callable[[], list[str]]) -> tuple[str, ...]:
        found = self.shared.get(key)
        if found is None:
            found = self.shared[key] = tuple(make())
        return found


MENTION_EDGES = (1, 2, 4)  # buckets of how often the article names an argument
MENTION_LEVELS = ("1", "2", "4", ">4")


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8, 12, 20)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _nearest(spans: list[tuple[int, int, str]], position: int) -> tuple[int, int, str] | None:
    return min(spans, key=lambda s: abs(s[0] - position)) if spans else None


def features(claim: Claim, view: SentenceView, facts: ArticleFacts) -> list[str]:
    """Sparse binary features of one candidate, as strings."""
    spec = REGISTRY[claim.relation]
    proposed = by_rule(claim.rule)
    if claim.rule.endswith(":across"):
        return _across(claim, facts)
    if claim.rule.endswith((":hearing", ":hearing-half")):
        return _hearing(claim, facts)
    f = ["bias", f"rule={claim.rule if proposed else CANDIDATE}",
         f"lang={facts.language}"]
    if claim.rule.count(":") >= 2:  # a candidate of a kind: "candidate:holds_position:implied-1"
        kind = claim.rule.split(":")[2]
        f += [f"kind={kind}", f"kind={kind}&lang={facts.language}"]
        if claim.role:
            f += [f"role-head={claim.role.split()[0].lower()}", f"role-last={claim.role.split()[-1].lower()}"]
        if claim.relation == "holds_position":
            f += facts.country_evidence(claim)
    elif claim.rule == HOME_RULE:  # a state post given the article's own country: is it taken?
        f += facts.country_evidence(claim)
    if proposed:
        f.append("by-rule")
    own = [t for t in view.triggers if t.relation in spec.triggers]
    f += facts.memo(("triggers", view.sentence.index), lambda: _trigger_words(view))
    if own:
        f.append("own-trigger")
    f += facts.memo(("modal", view.sentence.index), lambda: _modal(view))
    subject = facts.entities.get(claim.subject)
    obj = facts.entities.get(claim.object) if claim.object else None
    f.append(f"stype={subject.type if subject else '?'}")
    f += facts.memo(("s", claim.subject), lambda: _salience("s", claim.subject, subject, facts))
    if claim.object:
        f += facts.memo(("o", claim.object), lambda: _salience("o", claim.object, obj, facts))  # type: ignore[arg-type]
        f.append(f"together={_bucket(facts.together.get(frozenset((claim.subject, claim.object)), 0), (0, 1, 2, 4))}")
    if proposed or claim_key(claim.relation, claim.subject, claim.object) in facts.ruled:
        f.append("ruled-in-article")
    if claim.object:
        f.append(f"otype={obj.type if obj else '?'}")
        f.append(f"types={subject.type if subject else '?'}-{obj.type if obj else '?'}")
        if claim.relation == "attends" and claim.object in facts.attended:
            f += _event_rank(claim, facts)
    index = view.sentence.index
    f += facts.memo(("sentence", index), lambda: [f"sent={_bucket(index, (0, 1, 2, 4, 8))}",
                                                  f"parties={_bucket(len({p.key for p in view.parties}), (1, 2, 3, 4, 6, 9))}"])
    trigger_at = own[0].start if own else None
    s_spans = mentions_of(view, claim.subject)
    s = _nearest(s_spans, trigger_at if trigger_at is not None else view.sentence.start)
    if s is None:
        f.append("subject-elsewhere")
    else:
        f.append(f"shows={s[2]}")
        f += facts.memo(("s-around", index, s[0], s[1]), lambda: _around(view, s[0], s[1], "s"))  # type: ignore[index]
        if any(a <= s[0] < b for a, b in facts.quotes):
            f.append("s-in-quote")
        first = next((p for p in view.parties if p.type == "Person"), None)
        if first is not None and first.key == claim.subject:
            f.append("s-first-person")
        if trigger_at is not None:
            f.append("trig-after-s" if trigger_at >= s[1] else "trig-before-s")
            f.append(f"s-trig-dist={_bucket(_words_between(view, min(s[1], trigger_at), max(s[0], trigger_at)))}")
    if claim.relation == "quoted":
        f += _quote_features(claim, view, facts, s)
        return f
    if not claim.object:
        return f
    if claim.relation in ("meets", "cooperates_with"):
        f += _sides(claim, facts)
    if claim.relation == "signs" and (claim.subject, claim.object) in facts.members_sign:
        f.append(f"member-signs={subject.type if subject else '?'}")  # a body's signal, hardly a country's
    if claim.relation == "cooperates_with" and frozenset((claim.subject, claim.object)) in facts.cosigners:
        f.append("cosigned")
    o_spans = mentions_of(view, claim.object)
    o = _nearest(o_spans, s[0] if s else view.sentence.start)
    if o is None:
        f.append("object-elsewhere")
        return f
    f.append(f"ohows={o[2]}")
    if s is None:
        return f
    first, second = (s, o) if s[0] <= o[0] else (o, s)
    f.append("order=so" if first is s else "order=os")
    gap = _words_between(view, first[1], second[0])
    f.append(f"gap={_bucket(gap)}")
    between = view.words[view.starting_from(first[1]):view.ending_by(second[0])]
    words = between if len(between) <= BETWEEN else between[:BETWEEN // 2] + between[-BETWEEN // 2:]
    f += [f"bw={w}" for w in words]
    if len(between) > BETWEEN:
        f.append("between-long")
    if between and all(w in COORDINATORS for w in between):
        f.append("coordinated")
    f.append(f"commas={_bucket(between.count(','), (0, 1, 2, 4))}")
    if between and between[-1] in PARTNER_WORDS:
        f.append(f"partner-word={between[-1]}")
    f += facts.memo(("pair-around", index, first[0], second[1]), lambda: _around(view, first[0], second[1], "pair"))
    if trigger_at is not None:
        where = "before" if trigger_at < first[0] else "between" if trigger_at < second[0] else "after"
        f.append(f"trig-{where}")
        f.append(f"trig-{where}-{own[0].text}")
    if claim.relation == "holds_position":
        f.append(f"post-known={facts.bodies.get(claim.subject) == claim.object}")
        if claim.role:
            f += ["role", *_role_shape(claim.role, facts.language)]
    return f


def _trigger_words(view: SentenceView) -> list[str]:
    """Each trigger of the sentence, by relation and by word."""
    return [f for t in view.triggers for f in (f"trig={t.relation}", f"tw={t.text}")]


def _modal(view: SentenceView) -> list[str]:
    """The sentence's modal triggers (future, negation, invitation) together, if any."""
    modal = sorted({t.relation for t in view.triggers if t.relation in MODAL})
    return ["modal=" + ",".join(modal)] if modal else []


def _role_shape(role: str, language: str) -> list[str]:
    """Whether the words that tie a person to a body read as a post ("Secretary-General of", "Kepala") or as
    a clause ("stressed that", "said it also acknowledges the"): a title word, and lower-case words that are
    neither title nor role words."""
    titled, others = _post_words(language)
    raw = _WORD.findall(role)
    words = [w.lower() for w in raw]
    out = [f"role-words={_bucket(len(role.split()), (1, 2, 3, 5))}"]
    if any(w in titled for w in words):
        out.append("role-titled")
    loose = sum(1 for w, r in zip(words, raw) if r[:1].islower() and w not in titled and w not in others)
    out.append(f"role-loose={_bucket(loose, (0, 1, 2))}")
    return out


def reads_as_post(features: list[str]) -> bool:
    """Whether a candidate's role, by its shape features, reads as a title: a title word, or no lower-case word
    but linking ones ("CEO", "Kuasa Usaha Ad Interim"). A clause ("said in a Facebook post", "stressed") does
    not. A candidate with no role reads as nothing worse."""
    return "role" not in features or "role-titled" in features or "role-loose=0" in features


@lru_cache(maxsize=None)
def _post_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of the language's titles, and its role and linking words ("of", "for", "the")."""
    lex = lexicon.load(language)
    links = frozenset(lex.role_words) | frozenset({"of", "for", "the", "and", "dan", "bidang", "urusan"})
    titled = frozenset(w for key in [*lex.titles, *lex.ranks] for w in key if w.isalpha()) - links
    return titled, links


def _salience(tag: str, key: str, entity: Entity | None, facts: ArticleFacts) -> list[str]:
    """How often the article names an argument, and how long its name is: the actors a story is about are
    named often, and a "name" of six words is more often a headline fragment than a person."""
    words = len(entity.name.split()) if entity else 0
    return [f"{tag}-mentions={_bucket(facts.counts.get(key, 0), MENTION_EDGES)}",
            f"{tag}-words={_bucket(words, (1, 2, 3, 4))}&{entity.type if entity else '?'}"]


def _event_rank(claim: Claim, facts: ArticleFacts) -> list[str]:
    """Whether an attendance's event is the one the article names most: a report is about one event, and the
    others it names in passing (last year's round, the summit it was held beside) are attended by few of its
    parties. In the 450 annotated articles an attendance of the most named event was right 39-51% of the
    time, of a less named one 20-26%."""
    ranks = facts.event_ranks
    rank = ranks[claim.object or ""]
    return [f"ev-rank={rank}", f"ev-rank={rank}&{claim.rule.split(':')[0]}", f"ev-count={min(len(ranks), 3)}"]


def _sides(claim: Claim, facts: ArticleFacts) -> list[str]:
    """People of one body are one side: "the Indonesian minister met the Indonesian ambassador" is rare."""
    a, b = facts.bodies.get(claim.subject), facts.bodies.get(claim.object or "")
    out = []
    if a and b:
        out.append("same-side" if a == b else "two-sides")
    if claim.object and (facts.bodies.get(claim.subject) == claim.object or facts.bodies.get(claim.object) == claim.subject):
        out.append("member-of-other")
    return out


def _across(claim: Claim, facts: ArticleFacts) -> list[str]:
    """A meeting of two people no sentence names together is judged by what the article says of them: where
    they stand among its people by how often it names them (a meeting told over several sentences is most
    often the one of the person the story is about), their bodies, how long their names are. None of the
    sentence features: learnt from these pairs, the words of meeting sentences would weigh less for the pairs
    a sentence does name (measured: dev meets fell with them)."""
    order = facts.memo(("people-by-mentions",), lambda: sorted(
        (k for k, e in facts.entities.items() if e.type == "Person"), key=lambda k: (-facts.counts.get(k, 0), k)))
    ranks = sorted(order.index(k) if k in order else len(order) for k in (claim.subject, claim.object))
    top, other = _bucket(ranks[0], (0, 1)), _bucket(ranks[1], (1, 2, 3))
    f = ["kind=across", f"kind=across&lang={facts.language}", f"rank-top={top}", f"rank-other={other}",
         f"ranks={top}-{other}", *(f"across&{x}" for x in _sides(claim, facts))]
    for key in (claim.subject, claim.object or ""):  # the two in no order: "p-mentions=4", "p-words=2&Person"
        f += [f"across&{x}" for x in facts.memo(("p", key), lambda: _salience("p", key, facts.entities.get(key), facts))]
    return f


def _hearing(claim: Claim, facts: ArticleFacts) -> list[str]:
    """A pair across a hearing's sides: which of the two are bodies and which people, whether each has a post
    the rules gave, how often the article names each."""
    a, b = facts.entities.get(claim.subject), facts.entities.get(claim.object or "")
    types = "-".join(sorted(e.type if e else "?" for e in (a, b)))
    f = ["kind=hearing", f"hearing&types={types}", f"hearing&told={not claim.rule.endswith('-half')}",
         f"hearing&posted={sum(k in facts.bodies for k in (claim.subject, claim.object or ''))}"]
    for key, entity in ((claim.subject, a), (claim.object or "", b)):
        f += [f"hearing&{x}" for x in facts.memo(("p", key), lambda: _salience("p", key, entity, facts))]
    return f


def _quote_features(claim: Claim, view: SentenceView, facts: ArticleFacts, s: tuple[int, int, str] | None) -> list[str]:
    start, end = view.sentence.start, view.sentence.end
    quotes = [(a, b) for a, b in facts.quotes if a < end and b > start]
    out = [f"quotes={_bucket(len(quotes), (0, 1, 2))}"]
    if s is not None and quotes:
        if any(b <= s[0] for a, b in quotes):
            out.append("after-quote")
        if any(s[1] <= a for a, b in quotes):
            out.append("before-quote")
    return out


def _words_between(view: SentenceView, start: int, end: int) -> int:
    """Tokens inside [start, end)."""
    return max(0, view.ending_by(end) - view.starting_from(start))


def _around(view: SentenceView, start: int, end: int, tag: str) -> list[str]:
    last, first = view.ending_by(start), view.starting_from(end)
    before = view.words[max(0, last - WINDOW):last]
    after = view.words[first:first + WINDOW]
    out = [f"{tag}-b1={before[-1] if before else '<s>'}", f"{tag}-a1={after[0] if after else '</s>'}"]
    out += [f"{tag}-bw={w}" for w in before] + [f"{tag}-aw={w}" for w in after]
    return out

