"""What the rest of an article says of a candidate: the first stage's probabilities as the second stage's evidence.

A candidate's own words rarely tell whether it is the fact the article reports or one of its near misses: the
same person is proposed for three bodies, the same body for two events, a spokesman for the meeting he speaks
about. The annotators judge each against the others. So the relation model decides in two stages: a first
logistic regression scores every candidate of the article on its own features, and the second sees, besides
those features, how the candidate ranks among the candidates of the same relation that share its subject or
its object, and how likely each of its arguments is in every other relation and role (is the subject quoted,
does the object sign something). In cross-validation (session 31, on the same candidates) this took claims F1
from 0.7053 to 0.7070 on dev (mean of three assignments) and from 0.596 to 0.598 on the train articles (the
half nobody read 0.584 -> 0.589); pair-level links across relations (co-attendees meeting, members signing)
and ranks across the whole article added nothing and are not used.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.relations import claim_key

EDGES = (0.15, 0.3, 0.5, 0.7)  # probability buckets of the second stage's features
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
    relation that share its subject, and among those that share its object, with how many such pairs there are."""
    keys = [claim_key(c.relation, c.subject, c.object) for c in candidates]
    likeliest: dict[str, dict[str, float]] = defaultdict(dict)  # argument -> "relation.role" -> max probability
    pairs: dict[tuple[str, str, str | None], float] = defaultdict(float)  # claim -> max probability of its candidates
    for c, key in zip(candidates, keys):
        for role, argument in (("s", c.subject), ("o", c.object)):
            if argument is not None:
                slot = f"{c.relation}.{role}"
                likeliest[argument][slot] = max(likeliest[argument].get(slot, -1.0), c.probability)
        pairs[key] = max(pairs[key], c.probability)
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
        out.append(features)
    return out
