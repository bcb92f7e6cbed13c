"""Choosing the relation model's acceptance thresholds: the pair (for rules' claims, for general candidates)
that maximises claim F1 over all relations together, counted on out-of-fold probabilities of the training
articles (``kg/extract/training.py``)."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import TYPE_CHECKING

from kg.extract.candidates import by_rule
from kg.extract.posts import former_post
from kg.relations import claim_key

if TYPE_CHECKING:
    from kg.extract.training import Candidate

THRESHOLDS = [x / 100 for x in range(6, 97, 3)]
JOINT_ROUNDS = 3  # coordinate-ascent rounds over the relations' thresholds (stable after two)
TOLERANCE = 1.5  # right claims per inner assignment: pairs of thresholds closer than this in F1 are one plateau


def pair_key(c: Candidate) -> tuple[str, str, str | None]:
    """A candidate's fact by the names the claims file gives (the scorer matches names regardless of case)."""
    return claim_key(c.relation, c.subject.lower(), c.object.lower() if c.object else None)


def article_claim(c: Candidate) -> tuple[str | None, ...]:
    """The claim a candidate proposes in its article (its article, then ``pair_key``): the candidates sharing
    one are the instances of one fact, which ``training.claim_weights`` weighs as one."""
    return (str(c.record["doc"]), *pair_key(c))


Counts = dict[tuple[float, float], tuple[int, int]]  # (rule threshold, candidate threshold) -> (right, kept)


def threshold_counts(scored: list[tuple[str, Candidate, float]], single: bool = False) -> Counts:
    """For every pair of thresholds (for rules' claims, for general candidates), the claims kept and how many
    are right: a claim is kept when any of its candidates passes its threshold. For a ``single`` relation only
    the likeliest claim of each subject can be kept, as at prediction."""
    groups: dict[tuple[str, ...], list[tuple[float, bool, bool]]] = defaultdict(list)
    former: set[tuple[str, ...]] = set()  # pairs a candidate gives as a post held before: never the one post
    for doc, c, p in scored:
        groups[(doc, *pair_key(c))].append((p, by_rule(c.claim.rule), c.label))
        if single and former_post(c.claim):
            former.add((doc, *pair_key(c)))
    if single:
        top: dict[tuple[str, ...], tuple[str, ...]] = {}  # (doc, relation, subject) -> its likeliest pair
        for key, group in groups.items():
            best = top.get(key[:3])
            if key not in former and (best is None or max(p for p, _r, _l in group) > max(p for p, _r, _l in groups[best])):
                top[key[:3]] = key
        groups = {key: group for key, group in groups.items() if key in former or top.get(key[:3]) == key}
    # per claim, the best probability among rules' candidates and among general ones
    claims = [(max((p for p, r, _l in g if r), default=-1.0), max((p for p, r, _l in g if not r), default=-1.0),
               any(label for _p, _r, label in g)) for g in groups.values()]
    counts: Counts = {}
    for t_rule in THRESHOLDS:
        for t_cand in THRESHOLDS:
            kept = [right for by_rule, general, right in claims if by_rule >= t_rule or general >= t_cand]
            counts[(t_rule, t_cand)] = (sum(kept), len(kept))
    return counts


def _f1(right: int, kept: int, gold: int) -> float:
    return 2 * right / (kept + gold) if right else 0.0


def best_thresholds(counts: dict[str, Counts], gold_total: dict[str, int],
                    tolerance: float = 0.0) -> dict[str, tuple[float, float]]:
    """The thresholds of every relation that together give the best claim F1 over all relations (micro, the
    figure users and the scorer judge by): each relation's own best first, then coordinate ascent. A relation
    the model separates badly gets a stricter threshold than its own F1 would pick, since each claim it adds
    must be right often enough to lift the F1 of all claims, not only its own.

    ``tolerance`` (right claims, in the units of ``counts``): the pairs whose F1 falls short of the best by
    less than that many right claims are worth form a plateau the inner folds cannot tell apart. Of the
    plateau, the pairs within the same tolerance of the best F1 of the relation's own claims are kept, and
    their centre is chosen (``_plateau_centre``): where the F1 of all claims is flat, the relation's own F1
    is not, and it settles where on the plateau to stand. Its users judge each relation too, and the centre
    alone drifted between far ends of a wide plateau when a few training articles changed: with session 36's
    recogniser changes an attendance threshold went 0.27 -> 0.51 on one fold, moving attends on the train
    articles 0.535 -> 0.495, and the claims F1 of the 410 articles the changes did not reach 0.6516 -> 0.6465;
    with the relation's own F1 deciding, 0.6515 -> 0.6500."""
    choice = {r: max(c, key=lambda t: _f1(*c[t], gold_total.get(r, 0))) for r, c in counts.items()}  # first best
    gold = sum(gold_total.get(r, 0) for r in counts)
    for _round in range(JOINT_ROUNDS):
        for relation, table in counts.items():
            right = sum(counts[r][choice[r]][0] for r in counts if r != relation)
            kept = sum(counts[r][choice[r]][1] for r in counts if r != relation)
            scores = {t: _f1(right + table[t][0], kept + table[t][1], gold) for t in table}
            top = max(scores.values())
            slack = 2 * tolerance / (kept + gold + 1)
            own_gold = gold_total.get(relation, 0)
            own = {t: _f1(*table[t], own_gold) for t in table if scores[t] >= top - slack}
            best = max(own, key=lambda t: (own[t], scores[t]))
            choice[relation] = _plateau_centre(own, 2 * tolerance / (table[best][1] + own_gold + 1))
    return choice


def _plateau_centre(scores: dict[tuple[float, float], float], slack: float) -> tuple[float, float]:
    """Of the pairs scoring within ``slack`` of the best, the one nearest their mean (then the better, then
    the lower). Where F1 is flat, its single best pair jumps between far-apart pairs when a few training
    candidates change, and every article's borderline claims move with it: when nine of the 450 articles
    gained a person (session 34), the exact best moved 255 claims of the 441 others, the centre 178."""
    top = max(scores.values())
    near = [t for t, score in scores.items() if score >= top - slack]
    rule = sum(t[0] for t in near) / len(near)
    general = sum(t[1] for t in near) / len(near)
    return min(near, key=lambda t: ((t[0] - rule) ** 2 + (t[1] - general) ** 2, -scores[t], t))


def inner_assignments(documents: int, folds: int, repeats: int) -> list[list[int]]:
    """Each article's inner fold, once per repeat: by position first, then shuffled with fixed seeds. One
    assignment's thresholds swing with which articles share a fold (a few articles' attendance lists move
    attends by 0.03); counts summed over three assignments choose steadier ones."""
    assignments = [[i % folds for i in range(documents)]]
    for seed in range(1, repeats):
        order = list(range(documents))
        random.Random(seed).shuffle(order)
        fold = [0] * documents
        for position, i in enumerate(order):
            fold[i] = position % folds
        assignments.append(fold)
    return assignments
