"""What the rest of an article says of a candidate: the first stage's probabilities as the second stage's evidence.

A candidate's own words rarely tell whether it is the fact the article reports or one of its near misses: the
same person is proposed for three bodies, the same body for two events, a spokesman for the meeting he speaks
about. The annotators judge each against the others. So the relation model decides in two stages: a first
logistic regression scores every candidate of the article on its own features, and the second sees, besides
those features, how the candidate ranks among the candidates of the same relation that share its subject or
its object, and how likely each of its arguments is in every other relation and role (is the subject quoted,
does the object sign something), and, for a meeting, which sides its two parties are on by the posts the
first stage believes (rules give a body only to a title before a name). In cross-validation (session 31, on
the same candidates) the two stages took claims F1 from 0.7053 to 0.7070 on dev (mean of three assignments)
and from 0.596 to 0.598 on the train articles (the half nobody read 0.584 -> 0.589); the sides (session 32)
from 0.7052 to 0.7075 on dev (``bench/decision_cv.py``'s assignments) and from 0.598 to 0.599 on train (B
0.589 -> 0.590, unread 75 0.578 -> 0.581). Paired over six assignments of the 450 articles to folds (session
58, ``bench/where_it_acts.py``'s measure), the model without the second stage loses 0.0038 +- 0.0012 claims
F1. Pair-level links across relations (co-attendees meeting, members signing), ranks across the whole article
and the likeliest other party of an attendance in the same sentence added nothing and are not used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.relations import REGISTRY, claim_key

EDGES = (0.15, 0.3, 0.5, 0.7)  # probability buckets of the second stage's features
POSTED = 0.3  # first-stage probability from which a person's likeliest post says which side they are on
MOST_RANK = 2  # ranks at or past this one are one feature
MOST_PAIRS = 4  # a subject's or object's pair count at or past this one is one feature


@dataclass(frozen=True)
class FirstStage:
    """One candidate as the second stage sees the others: its arguments (entity keys or names, consistently)
    and the first stage's probability."""

    relation: str
    subject: str
    object: str | None
    probability: float


def _bucket(p: float) -> str:
    return str(sum(p >= edge for edge in EDGES))


def article_features(candidates: list[FirstStage]) -> list[list[str]]:
    """The second stage's extra features of each candidate, in order: for each argument, its likeliest
    first-stage probability in every other relation and role; the candidate's rank among the pairs of its
    relation that share its subject, and among those that share its object, with how many such pairs there are;
    for a symmetric relation (a meeting), the sides of its two parties (``_sides``)."""
    keys = [claim_key(c.relation, c.subject, c.object) for c in candidates]
    likeliest: dict[str, dict[str, float]] = defaultdict(dict)  # argument -> "relation.role" -> max probability
    pairs: dict[tuple[str, str, str | None], float] = defaultdict(float)  # claim -> max probability of its candidates
    for c, key in zip(candidates, keys):
        for role, argument in (("s", c.subject), ("o", c.object)):
            if argument is not None:
                slot = f"{c.relation}.{role}"
                likeliest[argument][slot] = max(likeliest[argument].get(slot, -1.0), c.probability)
        pairs[key] = max(pairs[key], c.probability)
    posts = _posts(candidates)
    sharing: dict[tuple[str, str, str], dict[tuple[str, str, str | None], float]] = defaultdict(dict)
    for c, key in zip(candidates, keys):
        sharing[("s", c.relation, c.subject)][key] = pairs[key]
        if c.object is not None:
            sharing[("o", c.relation, c.object)][key] = pairs[key]
    out: list[list[str]] = []
    for c, key in zip(candidates, keys):
        features: list[str] = []
        for role, argument in (("s", c.subject), ("o", c.object)):
            if argument is None:
                continue
            own = f"{c.relation}.{role}"
            features += [f"st:{role}:{slot}={_bucket(p)}" for slot, p in likeliest[argument].items() if slot != own]
        for role, argument in (("s", c.subject), ("o", c.object)):
            if argument is None:
                continue
            table = sharing[(role, c.relation, argument)]
            ranked = sorted(table.values(), reverse=True)
            features.append(f"st:rank{role}={min(ranked.index(table[key]), MOST_RANK)}")
            features.append(f"st:n{role}={min(len(ranked), MOST_PAIRS)}")
        if REGISTRY[c.relation].symmetric and c.object is not None:
            features += _sides(c, posts)
        out.append(features)
    return out


def _posts(candidates: list[FirstStage]) -> dict[str, str]:
    """Each person's likeliest body by the first stage's posts (a ``single`` relation: one post a person),
    where it is likely enough to say which side of a meeting the person is on."""
    best: dict[str, tuple[float, str]] = {}
    for c in candidates:
        if REGISTRY[c.relation].single and c.object is not None and c.probability >= POSTED:
            if c.probability > best.get(c.subject, (-1.0, ""))[0]:
                best[c.subject] = (c.probability, c.object)
    return {person: body for person, (_p, body) in best.items()}


def _sides(c: FirstStage, posts: dict[str, str]) -> list[str]:
    """Which sides the two parties of a meeting are on, by the posts the first stage believes: the rules give
    a body only to a title before a name, so a list under one title ("Hadir Kepala BNN X, Sekretaris Utama Y,
    Deputi Z") left most pairs of one side unmarked, and each was judged as a meeting of two sides."""
    a, b = posts.get(c.subject), posts.get(c.object or "")
    out = []
    if a and b:
        out.append("st:sides=same" if a == b else "st:sides=two")
    elif a or b:
        out.append("st:sides=one")
    if a == c.object or b == c.subject:
        out.append("st:sides=member")
    return out
