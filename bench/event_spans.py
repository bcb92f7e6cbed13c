"""Event and agreement names, cross-validated: the head-word rules alone, the trained recogniser alone, and
the two merged as ``kg build`` merges them (``kg.nlp.occasions``).

Usage: python bench/event_spans.py [FOLDS] [--fractions F,...] [--jobs N]
Reads ../shared/eval/dev and ../shared/eval/train; in each of FOLDS (default 5) document-level folds of dev, a
recogniser trained on the other folds and all of train tags the held-out articles. Scored against the
annotated names located in the text (exact spans, pooled over folds). The rules' names are the head-word
chunks the recogniser also sees as features. About 5 minutes on one core. ``--fractions`` draws a learning
curve instead: each fold's recogniser trained on those fractions of its training articles (nested subsets of
one seeded shuffle), the merged names' figures per fraction.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.nlp.ner import event_corpus
from kg.nlp.ner.corpus import spans
from kg.nlp.ner.events import EventRecogniser
from kg.nlp.occasions import TYPES, merge, name_end, name_start, whole_brackets

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _tally(recogniser: EventRecogniser, documents: list, counts: dict) -> None:
    """Add one fold's names to ``counts`` (system -> true positives, false positives, false negatives by type):
    the rules' names, the recogniser's, and the two merged as ``kg build`` merges them."""
    upper = {v: k for k, v in TYPES.items()}
    for doc in documents:
        for words, tags, chunks in doc.sentences:
            gold = set(spans(tags))
            rules = {(s, e, upper[t]) for s, e, t in spans(chunks) if t in upper}
            found = {}
            for s, e, t in recogniser.entities(words, doc.language, chunks):
                e = name_end(words, s, e)
                s = name_start(words, s, e)
                s, e = whole_brackets(words, s, e, [(a, b) for a, b, _t in rules])
                if e > s:
                    found[(s, e)] = t
            others = [(s, e) for s, e, t in spans(chunks) if t not in upper]
            kept, replaced = merge(list(found), [(s, e) for s, e, _t in rules], others)
            merged = {(s, e, found[(s, e)]) for s, e in kept} | {r for r in rules if r[:2] not in replaced}
            for name, system in (("rules", rules), ("model", {(s, e, t) for (s, e), t in found.items()}),
                                 ("merged", merged)):
                tp, fp, fn = counts[name]
                tp.update(t for *_x, t in system & gold)
                fp.update(t for *_x, t in system - gold)
                fn.update(t for *_x, t in gold - system)


def _f1(tp: Counter, fp: Counter, fn: Counter, kind: str) -> tuple[float, float, float]:
    p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 0.0
    r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _train(spec: tuple[list, Path]) -> Path:
    event_corpus.train(*spec)
    return spec[1]


def main() -> None:
    parser = argparse.ArgumentParser(description="Event and agreement names, cross-validated.")
    parser.add_argument("folds", nargs="?", type=int, default=5)
    parser.add_argument("--fractions", help="a learning curve: train on these fractions of each fold's training "
                        "articles (nested), e.g. 0.25,0.5,1; prints the merged names' figures per fraction")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    folds = args.folds
    if not (EVAL / "dev").is_dir():
        sys.exit(f"{EVAL}/dev: annotated articles not found")
    dev = event_corpus.read_folders([EVAL / "dev"])
    extra = event_corpus.read_folders([EVAL / "train"]) if (EVAL / "train").is_dir() else []
    try:
        fractions = sorted({float(x) for x in args.fractions.split(",")}) if args.fractions else [1.0]
    except ValueError:
        fractions = []
    if not fractions or fractions[0] <= 0 or fractions[-1] > 1:
        sys.exit("--fractions: numbers in (0, 1], e.g. 0.25,0.5,1")
    counts = {f: {name: (Counter(), Counter(), Counter()) for name in ("rules", "model", "merged")} for f in fractions}
    with tempfile.TemporaryDirectory() as scratch:
        specs, where = [], []
        for k in range(folds):
            pool_k = [d for i, d in enumerate(dev) if i % folds != k] + extra
            if args.fractions:  # nested subsets: each fraction a prefix of one seeded shuffle of the fold's articles
                random.Random(1000 + k).shuffle(pool_k)
            for f in fractions:
                chosen = pool_k[:max(1, round(f * len(pool_k)))]
                specs.append((chosen, Path(scratch) / f"fold{k}-{f}.crfsuite"))
                where.append((k, f, len(chosen)))
        with ProcessPoolExecutor(args.jobs) as pool:
            models = list(pool.map(_train, specs))
        sizes: dict[float, list[int]] = {}
        for (k, f, n), model in zip(where, models):
            _tally(EventRecogniser(model), [d for i, d in enumerate(dev) if i % folds == k], counts[f])
            sizes.setdefault(f, []).append(n)
    print(f"{len(dev)} dev articles in {folds} folds, {len(extra)} training-only articles in every fold")
    if not args.fractions:
        print(f"{'system':<8} {'type':<10} {'P':>6} {'R':>6} {'F1':>6}")
        for name, (tp, fp, fn) in counts[1.0].items():
            for kind in ("EVENT", "AGREEMENT"):
                p, r, f1 = _f1(tp, fp, fn, kind)
                print(f"{name:<8} {kind:<10} {p:6.3f} {r:6.3f} {f1:6.3f}")
        return
    print("the merged names (rules and recogniser, as kg build merges them), by the articles each fold trained on")
    print(f"{'fraction':>8} {'articles':>8} {'EVENT P':>8} {'R':>6} {'F1':>6} {'AGREEMENT P':>12} {'R':>6} {'F1':>6}")
    for f in fractions:
        tp, fp, fn = counts[f]["merged"]
        cells = [x for kind in ("EVENT", "AGREEMENT") for x in _f1(tp, fp, fn, kind)]
        print(f"{f:8.3f} {round(sum(sizes[f]) / len(sizes[f])):8d} " + " ".join(
            f"{c:{w}.3f}" for c, w in zip(cells, (8, 6, 6, 12, 6, 6))))


if __name__ == "__main__":
    main()
