"""The trained decision over relation candidates: two logistic regressions per relation, stored as plain JSON.

The model file (``data/models/relations.json``) holds, per relation, the weights of the first stage (each
candidate on its own features), the weights of the second (its features and what the first stage says of the
article's other candidates, ``kg/extract/stacking.py``) and the acceptance thresholds chosen by
cross-validation on the training articles, and the name model whose ranks of countries are features of posts
(``kg/extract/name_origin.py``); scoring is sums of weights and a logistic, so a build needs no learning
library. ``kg train-relations`` writes the file (``kg/extract/training.py``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from kg.errors import DataFileError
from kg.extract import name_origin
from kg.extract.name_origin import NameOrigin
from kg.extract.stacking import FirstStage, article_features
from kg.resources import data_dir

MODEL_FILE = "models/relations.json"


def _logistic(bias: float, weights: dict[str, float], features: list[str]) -> float:
    """fsum: the sum of a set's weights must not depend on the order Python's hashing iterates the set in, or
    two candidates with the same features would rank apart in one process and tie in another (``stacking``),
    and the same training would write different models."""
    score = bias + math.fsum(map(weights.get, set(features), repeat(0.0)))  # map: no Python frame per feature
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class Stage:
    """A logistic regression's bias and weights: a relation's first stage, over a candidate's own features."""

    bias: float
    weights: dict[str, float]

    def probability(self, features: list[str]) -> float:
        return _logistic(self.bias, self.weights, features)


@dataclass(frozen=True)
class RelationWeights:
    bias: float
    threshold: float  # for a claim a rule proposed
    weights: dict[str, float]
    candidate_threshold: float = 0.5  # for a general candidate no rule proposed
    first: Stage | None = None  # none: the candidate is judged on its own features alone

    def probability(self, features: list[str]) -> float:
        return _logistic(self.bias, self.weights, features)


@dataclass(frozen=True)
class RelationModel:
    relations: dict[str, RelationWeights]
    trained_on: str = ""
    origin: NameOrigin | None = None  # whose country a name reads as (``name_origin``): evidence for posts

    def probabilities(self, candidates: list[tuple[str, str, str | None, list[str]]]) -> list[float | None]:
        """The probability of each of an article's candidates (relation, subject, object, features), None for a
        relation the model does not know: the first stage scores each alone, the second sees its features and
        what the first says of the others (``stacking.article_features``)."""
        if self.origin is not None:
            more = name_origin.features(self.origin, [(r, s, o) for r, s, o, _f in candidates])
            candidates = [(r, s, o, f + extra) if extra else (r, s, o, f)
                          for (r, s, o, f), extra in zip(candidates, more)]
        known = [k for k, c in enumerate(candidates) if c[0] in self.relations]
        first = []
        for k in known:
            relation, subject, obj, features = candidates[k]
            stage = self.relations[relation].first
            first.append(FirstStage(relation, subject, obj, (stage or self.relations[relation]).probability(features)))
        out: list[float | None] = [None] * len(candidates)
        for k, stage_one, more in zip(known, first, article_features(first)):
            weights = self.relations[stage_one.relation]
            out[k] = weights.probability(candidates[k][3] + more) if weights.first else stage_one.probability
        return out

    def accepts(self, relation: str, probability: float, by_rule: bool) -> bool:
        """Rules and general candidates get thresholds of their own: a rule's proposal has already passed a
        pattern of the genre, so less evidence is needed to keep it than to add a pair no rule saw."""
        weights = self.relations[relation]
        return probability >= (weights.threshold if by_rule else weights.candidate_threshold)

    def to_json(self) -> str:
        def stage(w: Stage | RelationWeights) -> dict[str, object]:
            return {"bias": w.bias, "weights": {k: w.weights[k] for k in sorted(w.weights)}}

        payload: dict[str, object] = {"format": 2, "trained_on": self.trained_on, "relations": {
            name: {"threshold": w.threshold, "candidate_threshold": w.candidate_threshold, **stage(w),
                   **({"first": stage(w.first)} if w.first else {})}
            for name, w in sorted(self.relations.items())}}
        if self.origin is not None:
            payload["origin"] = self.origin.to_dict()
        return json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str, origin: str = "") -> RelationModel:
        try:
            payload = json.loads(text)
            relations = {name: RelationWeights(float(r["bias"]), float(r["threshold"]), _weights(r),
                                               float(r.get("candidate_threshold", r["threshold"])),
                                               Stage(float(r["first"]["bias"]), _weights(r["first"])) if "first" in r else None)
                         for name, r in payload["relations"].items()}
            names = NameOrigin.from_dict(payload["origin"]) if "origin" in payload else None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"{origin}: not a relation model ({exc}); rebuild it with kg train-relations") from exc
        return cls(relations, payload.get("trained_on", ""), names)


def _weights(stage: dict[str, object]) -> dict[str, float]:
    return {k: float(v) for k, v in stage["weights"].items()}  # type: ignore[union-attr]


def model_path() -> Path:
    return data_dir() / MODEL_FILE


@lru_cache(maxsize=1)
def load() -> RelationModel | None:
    """The bundled model, or None where it has not been trained (the rules' verdicts then stand alone)."""
    path = model_path()
    if not path.is_file():
        return None
    return RelationModel.from_json(path.read_text(encoding="utf-8"), str(path))


LIST_PEOPLE = 3  # people a sentence's meeting pairs must join for them to be read as one list of principals


@dataclass(frozen=True)
class Pairing:
    """A meeting candidate between two people, as ``whole_lists`` sees it."""

    sentence: int
    people: frozenset[str]
    accepted: bool
    two_sides: bool  # the two hold posts of different bodies (the feature "two-sides")


def whole_lists(pairings: list[Pairing]) -> set[int]:
    """The positions of pairings to accept because their sentence lists the principals of one meeting: when
    the model accepts at least half of the pairs among three or more people of a sentence, the annotators pair
    them all (GUIDELINES: one claim per pair of principals; in a coordination meeting each body is its own
    side), so the rest of the list joins them, each pair across sides only. A decision per pair misses pairs
    of a long list ("Hadir dalam rapat ini A, B, C, D, E, serta F") whose words between say little; in
    cross-validation on the dev articles this step took Indonesian meetings from 0.480 to 0.497 F1 with
    English ones unchanged (0.672 / 0.670)."""
    by_sentence: dict[int, list[int]] = {}
    for k, p in enumerate(pairings):
        by_sentence.setdefault(p.sentence, []).append(k)
    out: set[int] = set()
    for positions in by_sentence.values():
        people = {person for k in positions for person in pairings[k].people}
        accepted = sum(pairings[k].accepted for k in positions)
        if len(people) >= LIST_PEOPLE and 2 * accepted >= len(positions):
            out |= {k for k in positions if pairings[k].two_sides and not pairings[k].accepted}
    return out
