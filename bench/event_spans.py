"""Event and agreement names, cross-validated: the head-word rules alone, the trained recogniser alone, and
the two merged as ``kg build`` merges them (``kg.nlp.occasions``).

Usage: python bench/event_spans.py [FOLDS]
Reads ../shared/eval/dev and ../shared/eval/train; in each of FOLDS (default 5) document-level folds of dev, a
recogniser trained on the other folds and all of train tags the held-out articles. Scored against the
annotated names located in the text (exact spans, pooled over folds). The rules' names are the head-word
chunks the recogniser also sees as features. About 5 minutes on one core.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from kg.nlp.ner import event_corpus
from kg.nlp.ner.corpus import spans
from kg.nlp.ner.events import EventRecogniser
from kg.nlp.occasions import TYPES, merge, name_end, name_start, whole_brackets

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> None:
    folds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not (EVAL / "dev").is_dir():
        sys.exit(f"{EVAL}/dev: annotated articles not found")
    dev = event_corpus.read_folders([EVAL / "dev"])
    extra = event_corpus.read_folders([EVAL / "train"]) if (EVAL / "train").is_dir() else []
    counts = {name: (Counter(), Counter(), Counter()) for name in ("rules", "model", "merged")}
    upper = {v: k for k, v in TYPES.items()}
    with tempfile.TemporaryDirectory() as scratch:
        for k in range(folds):
            model = Path(scratch) / f"fold{k}.crfsuite"
            event_corpus.train([d for i, d in enumerate(dev) if i % folds != k] + extra, model)
            recogniser = EventRecogniser(model)
            for doc in (d for i, d in enumerate(dev) if i % folds == k):
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
            print(f"fold {k + 1}/{folds} done", file=sys.stderr)
    print(f"{len(dev)} dev articles in {folds} folds, {len(extra)} training-only articles in every fold")
    print(f"{'system':<8} {'type':<10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (tp, fp, fn) in counts.items():
        for kind in ("EVENT", "AGREEMENT"):
            p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 0.0
            r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{name:<8} {kind:<10} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
