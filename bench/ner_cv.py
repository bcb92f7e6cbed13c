"""Cross-validated entity F1 of the Indonesian recogniser's recipe on the train splits of its news sets.

Usage: python bench/ner_cv.py [--data DIR] [--sets nerui,idner2k] [--targets nerui,idner2k] [--folds 5]

The dev splits are small (NER-UI's is 170 sentences) and the features were chosen on them: NER-UI dev reads
0.888 while the maintainers' held-out NER-UI test read 0.844 for a model with dev 0.878. Scoring each target
set's train split in sentence folds, with the other training sets always in, gives a figure from ten times
the sentences that no choice was made on. A target outside ``--sets`` is scored whole by a model trained on
``--sets`` alone (how a set nobody trained on fares). Trains ``folds`` models per target in temporary files
(about 40 s each here, two at a time); prints pooled exact-span F1, overall and per type.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.nlp.ner.corpus import Score
from kg.nlp.ner.train import DEFAULT_DATA, Corpus, evaluate, load_corpus, train


def _fold(args: tuple[Path, list[str], str, int, int, str]) -> Score:
    root, sets, target, k, folds, scratch = args
    training = [s for name in sets if name != target for s in load_corpus(root, [name], "id").train]
    sentences = load_corpus(root, [target], "id").train
    held = [s for i, s in enumerate(sentences) if i % folds == k]
    if target in sets:
        training += [s for i, s in enumerate(sentences) if i % folds != k]
    model = Path(scratch) / f"{target}-{k}.crfsuite"
    train(Corpus("id", training, {}), model, log=lambda _line: None)
    return evaluate(model, held, "id")


def main() -> None:
    parser = argparse.ArgumentParser(description="Cross-validated F1 of the Indonesian recogniser on train splits.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA["id"], help="NER data folder with label_map.tsv")
    parser.add_argument("--sets", default="nerui,idner2k", help="sets trained on (as kg train-ner --datasets)")
    parser.add_argument("--targets", default="nerui,idner2k", help="sets whose train splits are scored")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not (args.data / "label_map.tsv").is_file():
        print(f"{args.data}: no NER data here (../shared/ner); nothing to measure")
        sys.exit(0)
    sets = [s for s in args.sets.split(",") if s]
    targets = [t for t in args.targets.split(",") if t]
    with tempfile.TemporaryDirectory() as scratch, ProcessPoolExecutor(2) as pool:
        jobs = [(args.data, sets, t, k, args.folds if t in sets else 1, scratch)
                for t in targets for k in range(args.folds if t in sets else 1)]
        scores = list(pool.map(_fold, jobs))
    print(f"trained on {', '.join(sets)}; {args.folds} folds of each target's train split (others always in)")
    for target in targets:
        tp, fp, fn = Counter(), Counter(), Counter()
        for (_root, _sets, t, *_rest), s in zip(jobs, scores):
            if t == target:
                tp.update(s.tp)
                fp.update(s.fp)
                fn.update(s.fn)
        pooled = Score(tp, fp, fn)
        p, r, f = pooled.prf(None)
        kinds = "  ".join(f"{kind} {pooled.prf(kind)[2]:.3f}" for kind in ("PER", "ORG", "LOC"))
        how = "cross-validated" if target in sets else "never trained on"
        print(f"{target:10} {how:16} P {p:.3f}  R {r:.3f}  F1 {f:.4f}   {kinds}")


if __name__ == "__main__":
    main()
