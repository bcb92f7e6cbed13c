"""The relation model's four cross-validated measures, as the README and docs/relation-model-log.md report them.

Usage: python bench/decision_cv.py [--jobs N] [--save DIR]
Reads the 450 annotated articles of ../shared/eval/dev and ../shared/eval/train once, as ``kg train-relations``
does (each read with an event recogniser trained without its group of articles), then prints:

- dev: claims F1 of three assignments of the 122 dev articles to 5 folds, train always in training, and their
  mean. The first assignment is ``kg train-relations --cv 5``'s (article i in fold i % 5); the second and third
  put article i in fold ``p[i] % 5``, p a shuffle of the positions by ``random.Random(1)`` and ``(2)``.
- train: the 328 train articles in 5 folds (article i in fold i % 5), dev always in training, and two subsets:
  B, the articles with odd file numbers, and "unread 75", odd in file number and in sorted position, whose
  errors nobody read.

One assignment moves by about +-0.005 between equivalent runs, so a change is worth landing when it moves the
four together. About 5 minutes on 2 cores. ``--save DIR`` writes the pooled claims (``dev0.jsonl``,
``train.jsonl``) for reading errors.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

from kg.extract import training

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
FOLDS = 5
_STATE: dict[str, object] = {}


def _cross_validated(spec: tuple[str, tuple[int, ...]]) -> tuple[str, tuple[int, ...], list[dict[str, object]]]:
    """Claims of every article of one set under ``training.cross_validate``: dev in the given assignment to
    folds with train always in training, or train (article i in fold i % 5) with dev always in."""
    kind, assignment = spec
    dev, train, totals = _STATE["dev"], _STATE["train"], _STATE["totals"]
    held, extra = (dev, train) if kind == "dev" else (train, dev)
    records = training.cross_validate(held, extra, totals, FOLDS, list(assignment) or None)  # type: ignore[arg-type]
    return kind, assignment, records


def _number(doc_id: str) -> int:
    return int(re.search(r"(\d+)$", doc_id).group(1))  # type: ignore[union-attr]


def read_all(jobs: int) -> tuple[ModuleType, list[training.Document], list[training.Document], dict]:
    """The scorer, the dev and train articles read and labelled as ``kg train-relations`` reads them, and
    their gold: what the benchmarks that cross-validate the relation model start from."""
    if not (EVAL / "dev").is_dir() or not (EVAL / "train").is_dir():
        raise SystemExit(f"{EVAL}: the annotated articles (dev/ and train/) are not there")
    scorer = training.load_scorer(EVAL / "dev")
    dev, train = training.read_annotated(scorer, EVAL / "dev", EVAL / "train", jobs,
                                         lambda line: print(line, flush=True))
    return scorer, dev, train, scorer.load_gold([str(EVAL / "dev"), str(EVAL / "train")])


def claim_measures(scorer: ModuleType, gold: dict, documents: list[training.Document],
                   records: list[dict[str, object]]) -> dict[str, float]:
    """Claims F1 of pooled claims-file records over ``documents``: all ("claims"), each relation, and each
    language as kg read it ("en", "id"): the row the benchmarks that pair assignments compare."""
    return part_measures(scorer, gold, {"claims": [d.id for d in documents],
                                        "en": [d.id for d in documents if d.language == "en"],
                                        "id": [d.id for d in documents if d.language != "en"]}, records)


def print_paired(rows: list[tuple[str, list[dict[str, float]]]]) -> None:
    """The table of the benchmarks that pair assignments: the first row's measures (mean over the
    assignments), then each other row's difference from it, assignment by assignment (mean +- standard
    deviation). ``rows``: (label, the ``claim_measures`` of each assignment, in the same order)."""
    (base_label, base), others = rows[0], rows[1:]
    keys = list(base[0])
    width = max(12, *(len(label) for label, _ in rows))
    print(f"{'':{width}}" + "  ".join(f"{k:>16}" for k in keys))
    print(f"{base_label:{width}}" + "  ".join(f"{statistics.mean(m[k] for m in base):>16.4f}" for k in keys))
    for label, measures in others:
        cells = []
        for k in keys:
            diff = [m[k] - b[k] for m, b in zip(measures, base)]
            cells.append(f"{statistics.mean(diff):+.4f}+-{statistics.stdev(diff):.4f}")
        print(f"{label:{width}}" + "  ".join(f"{c:>16}" for c in cells), flush=True)


def part_measures(scorer: ModuleType, gold: dict, parts: dict[str, list[str]],
                  records: list[dict[str, object]]) -> dict[str, float]:
    """Claims F1 of pooled claims-file records over each part's articles (by id), and each relation's over the
    first part's, after it."""
    system: dict[str, dict[str, list]] = defaultdict(lambda: {"entity": [], "claim": []})
    for r in records:
        system[str(r["doc"])][str(r["kind"])].append(r)
    out: dict[str, float] = {}
    for k, (name, ids) in enumerate(parts.items()):
        scored = scorer.score({i: gold[i] for i in ids}, system)
        out[name] = scored["claims"][2]
        if k == 0:
            out.update({relation: v[2] for relation, v in scored["relations"].items()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="The relation model's cross-validated measures.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--save", type=Path, help="write the pooled claims of the first dev assignment and of train")
    args = parser.parse_args()
    scorer, dev, train, gold = read_all(args.jobs)
    _STATE.update(dev=dev, train=train, totals=training.claim_totals(gold))

    assignments = [tuple(i % FOLDS for i in range(len(dev)))]
    for seed in (1, 2):
        order = list(range(len(dev)))
        random.Random(seed).shuffle(order)
        assignments.append(tuple(order[i] % FOLDS for i in range(len(dev))))
    specs = [("train", ())] + [("dev", a) for a in assignments]  # the longest first
    with ProcessPoolExecutor(args.jobs) as pool:  # forked workers see _STATE as it is now
        pooled = {(kind, assignment): records for kind, assignment, records in pool.map(_cross_validated, specs)}

    def score(records: list[dict[str, object]], ids: list[str]) -> dict:
        system: dict[str, dict[str, list]] = defaultdict(lambda: {"entity": [], "claim": []})
        for r in records:
            system[str(r["doc"])][str(r["kind"])].append(r)
        return scorer.score({i: gold[i] for i in ids}, system)

    def relations(result: dict) -> str:
        return "  ".join(f"{name} {v[2]:.3f}" for name, v in result["relations"].items())

    figures = [score(pooled[("dev", a)], [d.id for d in dev]) for a in assignments]
    f1 = [r["claims"][2] for r in figures]
    print(f"dev, first assignment: {relations(figures[0])}  entities {figures[0]['entities'][2]:.3f}")
    print(f"dev claims F1: {f1[0]:.3f} {f1[1]:.3f} {f1[2]:.3f}  mean of three {sum(f1) / 3:.4f}")
    ids = [d.id for d in train]
    b = [i for i in ids if _number(i) % 2]
    unread = [i for p, i in enumerate(ids) if _number(i) % 2 and p % 2]
    records = pooled[("train", ())]
    whole = score(records, ids)
    date_ok, date_n = whole["qualifiers"]["date"]
    print(f"train: {relations(whole)}  entities {whole['entities'][2]:.3f}  date {date_ok}/{date_n}")
    p, r, f = whole["claims"]
    print(f"train claims F1: {f:.3f} (P {p:.3f} R {r:.3f})  B ({len(b)}) {score(records, b)['claims'][2]:.3f}  "
          f"unread {len(unread)} {score(records, unread)['claims'][2]:.3f}")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        training.write_jsonl(pooled[("dev", assignments[0])], args.save / "dev0.jsonl")
        training.write_jsonl(records, args.save / "train.jsonl")


if __name__ == "__main__":
    main()
