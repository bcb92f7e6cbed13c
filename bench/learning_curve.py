"""How the relation model's cross-validated figures grow with the articles it is trained on.

Usage: python bench/learning_curve.py [--jobs N] [--assignments K] [--fractions 0.125,0.25,0.5,0.75,1]
Reads the 450 annotated articles of ../shared/eval once, as ``bench/decision_cv.py`` does (each with an event
recogniser trained without its group of articles), and cross-validates all of them in 5 document-level folds
under K random assignments (default 6, ``bench/where_it_acts.py``'s seeds). For each held-out fold the relation
model is trained on a fraction of the other four folds' articles, drawn by a seeded shuffle, so that each
smaller training set is part of each larger one and every fraction scores the same held-out articles: the
differences between fractions are paired by assignment. Prints claims F1 (overall, per language and per
relation) for each fraction as the mean over the assignments, with its standard deviation, the gain
per doubling of the training articles between consecutive fractions, and, against the whole of the other
folds, models trained on the articles of the held-out article's own language only (what the other language's
articles add).

Why: the relation model is the stage users judge kg by, and after many sessions of features its
cross-validated figures move by tenths of a point. Whether more annotated articles would move them more is
a question of data, answered by the slope at the right end of the curve. The reading (entities, candidates,
features) stays fixed: the recognisers of events and agreements are trained as ``kg train-relations`` trains
them, so the curve is the relation model's alone. The shipped model trains on all 450 articles, a quarter more
than any fold here; the last doubling's gain says what that quarter is worth. About 8 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor

from kg.extract import training
from decision_cv import claim_measures, read_all  # the 450 articles read as its measures read them
from where_it_acts import FOLDS, assignments  # the same assignments to folds as its paired measure

_STATE: dict[str, object] = {}
OWN = -1.0  # the row of models trained on the articles of the held-out article's own language only


def _curve(seed: int) -> tuple[int, dict[float, list[dict[str, object]]]]:
    """The pooled claims of every article, for each fraction, under assignment ``seed``."""
    documents, totals, fractions = _STATE["documents"], _STATE["totals"], _STATE["fractions"]
    fold = _STATE["assignments"][seed]  # type: ignore[index]
    out: dict[float, list[dict[str, object]]] = defaultdict(list)
    for k in range(FOLDS):
        held = [d for d, f in zip(documents, fold) if f == k]  # type: ignore[call-overload]
        rest = [d for d, f in zip(documents, fold) if f != k]  # type: ignore[call-overload]
        random.Random(1000 + 31 * seed + k).shuffle(rest)  # nested subsets: each fraction a prefix of one shuffle
        for fraction in fractions:  # type: ignore[attr-defined]
            chosen = rest[:max(1, round(fraction * len(rest)))]
            model = training.train(chosen, totals({d.id for d in chosen}))  # type: ignore[operator]
            out[fraction] += training.predict(model, held)
        for language in ("en", "id"):  # the whole of the other folds, in the held-out article's language only
            own = [d for d in rest if d.language == language]
            model = training.train(own, totals({d.id for d in own}))  # type: ignore[operator]
            out[OWN] += training.predict(model, [d for d in held if d.language == language])
    return seed, out


def main() -> None:
    parser = argparse.ArgumentParser(description="The relation model's learning curve, cross-validated.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignments", type=int, default=6)
    parser.add_argument("--fractions", default="0.125,0.25,0.5,0.75,1")
    args = parser.parse_args()
    try:
        fractions = sorted({float(x) for x in args.fractions.split(",")})
    except ValueError:
        fractions = []
    if not fractions or fractions[0] <= 0 or fractions[-1] > 1:
        raise SystemExit("--fractions: numbers in (0, 1], e.g. 0.25,0.5,1")
    if args.assignments < 1 or args.jobs < 1:
        raise SystemExit("--assignments and --jobs: 1 or more")
    scorer, dev, train, gold = read_all(args.jobs)
    documents = dev + train
    _STATE.update(documents=documents, totals=training.claim_totals(gold), fractions=fractions,
                  assignments=assignments(len(documents), args.assignments))
    with ProcessPoolExecutor(args.jobs) as pool:  # forked workers see _STATE as it is now
        curves = dict(pool.map(_curve, range(args.assignments)))

    table = {(seed, f): claim_measures(scorer, gold, documents, curves[seed][f])
             for seed in curves for f in fractions + [OWN]}
    keys = list(table[(0, fractions[0])])
    trained = {f: round(f * len(documents) * (FOLDS - 1) / FOLDS) for f in fractions}
    print(f"{len(documents)} articles, {args.assignments} assignments to {FOLDS} folds; "
          "mean over assignments (standard deviation)")
    print("fraction  articles  " + "  ".join(f"{k:>16}" for k in keys))
    for f in fractions:
        cells = []
        for k in keys:
            values = [table[(s, f)][k] for s in curves]
            sd = statistics.stdev(values) if len(values) > 1 else 0.0
            cells.append(f"{statistics.mean(values):.4f} ({sd:.4f})")
        print(f"{f:8.3f}  {trained[f]:8d}  " + "  ".join(f"{c:>16}" for c in cells))
    print("gain per doubling of the training articles, paired by assignment (mean +- standard deviation)")
    for a, b in zip(fractions, fractions[1:]):
        doublings = math.log2(b / a)
        cells = []
        for k in keys:
            gains = [(table[(s, b)][k] - table[(s, a)][k]) / doublings for s in curves]
            sd = statistics.stdev(gains) if len(gains) > 1 else 0.0
            cells.append(f"{statistics.mean(gains):+.4f}+-{sd:.4f}")
        print(f"{trained[a]:>4} -> {trained[b]:<4}        " + "  ".join(f"{c:>16}" for c in cells))
    print("all the other folds' articles of the held-out article's language only, against both languages (paired)")
    cells = []
    for k in keys:
        own = [table[(s, OWN)][k] for s in curves]
        diff = [o - table[(s, 1.0)][k] for s, o in zip(curves, own)] if 1.0 in fractions else []
        sd = statistics.stdev(diff) if len(diff) > 1 else 0.0
        cells.append(f"{statistics.mean(own):.4f}" + (f" {statistics.mean(diff):+.4f}+-{sd:.4f}" if diff else ""))
    print("own language        " + "  ".join(cells))


if __name__ == "__main__":
    main()
