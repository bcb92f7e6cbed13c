"""Where a change acts: the articles two versions of kg read differently, scored apart from those read alike.

Usage: python bench/where_it_acts.py BASE [HEAD] [--jobs N] [--assignments K] [--first-seed S]
BASE and HEAD are git revisions of this repository (HEAD: the working tree as it is). Each version reads the
450 annotated articles of ../shared/eval as ``bench/decision_cv.py`` does (each with an event recogniser
trained without its group of articles) and cross-validates its own relation model: dev in
``kg train-relations --cv 5``'s folds with train always in training, and train in 5 folds with dev always in.
An article is read differently when its entities or its candidate claims (with their rules and features)
differ between the versions. Prints claims and entities F1 of the changed and of the unchanged articles,
under each version's model, and the entities renamed, with whether the annotators' names match each name.

Why: a change retrains the relation model, and retraining alone moves one assignment's claims F1 by about
+-0.005 (README, "How much of a change is noise"), the size of most changes' effect. The unchanged
articles show that swing; the changed ones show what the change does.

A change of a feature many candidates have reads most articles differently, and a change of the training
(a parameter) reads none differently: either way the split says nothing. So each version also cross-validates
all 450 articles under K random assignments to 5 folds, the same K assignments for both (``--assignments``,
default 6; seeds S, S + 1, ..., ``--first-seed``, default 0), and the differences are paired by assignment:
their mean and standard deviation, overall, per language and per relation. Which fold an article falls in
moves claims F1 by more than most changes do, and pairing cancels it: on session 58's variants the K
differences' standard deviation was 0.0012-0.0027 overall. That standard deviation understates how far the
mean of six moves with the choice of the six: in session 61 one comparison (``bench/objectives.py``'s noisy-or
objective) gave +0.0025 +- 0.0014 on the default six assignments (seeds 0-5) and -0.0018 +- 0.0026 on six
others, and the weighting session 60 kept for +0.0041 +- 0.0019 on six assignments that had also chosen among
its variants measures +0.0011 +- 0.0018 on twelve. Read a mean difference within about 0.003 at K = 6 as none,
and confirm a chosen variant on assignments that did not choose it. About 12 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FOLDS = 5


def assignments(documents: int, count: int, folds: int = FOLDS, first: int = 0) -> list[list[int]]:
    """``count`` assignments of ``documents`` to ``folds`` folds of sizes within one, each shuffled by its seed
    (``first``, ``first`` + 1, ...), as ``kg.extract.thresholds.inner_assignments`` shuffles; here, not imported,
    because each side runs the ``kg`` of its own revision and older ones may not have it."""
    out = []
    for seed in range(first, first + count):
        order = list(range(documents))
        random.Random(seed).shuffle(order)
        fold = [0] * documents
        for position, document in enumerate(order):
            fold[document] = position % folds
        out.append(fold)
    return out


_STATE: dict = {}  # what the worker processes of ``_side`` cross-validate (inherited when they are forked)


def _pooled(fold: list[int]) -> list[dict]:
    from kg.extract import training

    return training.cross_validate(_STATE["documents"], [], _STATE["totals"], FOLDS, fold)


def _side(out: Path, jobs: int, count: int, first: int) -> None:
    """Run inside one version (its root first on sys.path): read, label, cross-validate, write what the parent
    compares."""
    from kg.extract import training

    scorer = training.load_scorer(EVAL / "dev")
    dev_paths, train_paths = training.articles(EVAL / "dev"), training.articles(EVAL / "train")
    with tempfile.TemporaryDirectory() as scratch:
        events = training.event_recognisers(dev_paths, train_paths, training.EVENT_GROUPS, Path(scratch), jobs,
                                            lambda line: None)
        dev = training.read_documents(dev_paths, jobs, events)
        train = training.read_documents(train_paths, jobs, events)
    training.label(dev, scorer, [EVAL / "dev"])
    training.label(train, scorer, [EVAL / "train"])
    totals = training.claim_totals(scorer.load_gold([str(EVAL / "dev"), str(EVAL / "train")]))
    records = training.cross_validate(dev, train, totals, FOLDS) + training.cross_validate(train, dev, totals, FOLDS)
    _STATE.update(documents=dev + train, totals=totals)
    with ProcessPoolExecutor(jobs) as pool:
        paired = list(pool.map(_pooled, assignments(len(dev) + len(train), count, first=first)))
    readings = {}
    for d in dev + train:
        entities = sorted((str(e["name"]), str(e["type"])) for e in d.entities)
        candidates = sorted((c.relation, c.subject, c.object or "", c.claim.rule, tuple(sorted(c.features)))
                            for c in d.candidates)
        digest = hashlib.sha1(repr((entities, candidates)).encode()).hexdigest()
        forms = [(str(e["name"]), str(e["type"]), tuple(sorted([*e["aliases"], e["name"]]))) for e in d.entities]
        readings[d.id] = (digest, forms)
    with out.open("wb") as fh:
        pickle.dump({"readings": readings, "records": records, "dev": [d.id for d in dev], "paired": paired}, fh)


def _read(root: Path, jobs: int, count: int, first: int, scratch: Path, name: str) -> dict:
    out = scratch / f"{name}.pickle"
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--side", str(out), "--jobs", str(jobs),
                    "--assignments", str(count), "--first-seed", str(first)],
                   cwd=root, env=env, check=True)
    with out.open("rb") as fh:
        return pickle.load(fh)


def _checkout(revision: str, scratch: Path) -> Path:
    where = scratch / f"tree-{revision.replace('/', '_')}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(where), revision], check=True)
    return where


def main() -> None:
    parser = argparse.ArgumentParser(description="Articles two versions read differently, scored apart.")
    parser.add_argument("base", nargs="?", help="git revision of the version before the change")
    parser.add_argument("head", nargs="?", help="git revision of the version after it (default: the working tree)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignments", type=int, default=6, help="paired assignments of the 450 articles (0: none)")
    parser.add_argument("--first-seed", type=int, default=0, help="seed of the first paired assignment")
    parser.add_argument("--side", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side is not None:
        _side(args.side, args.jobs, args.assignments, args.first_seed)
        return
    if args.base is None:
        parser.error("give the revision to compare with (BASE)")
    if args.assignments == 1 or args.assignments < 0:
        parser.error("--assignments: 0, or two or more (a standard deviation needs two)")
    if args.first_seed < 0:
        parser.error("--first-seed: 0 or more")
    if not (EVAL / "dev").is_dir() or not (EVAL / "train").is_dir():
        raise SystemExit(f"{EVAL}: the annotated articles (dev/ and train/) are not there")
    sys.path.insert(0, str(ROOT))
    from kg.extract import training

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        trees = []
        try:
            base_root = _checkout(args.base, scratch)
            trees.append(base_root)
            head_root = _checkout(args.head, scratch) if args.head else ROOT
            if args.head:
                trees.append(head_root)
            before = _read(base_root, args.jobs, args.assignments, args.first_seed, scratch, "base")
            after = _read(head_root, args.jobs, args.assignments, args.first_seed, scratch, "head")
        finally:
            for tree in trees:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    scorer = training.load_scorer(EVAL / "dev")
    gold = scorer.load_gold([str(EVAL / "dev"), str(EVAL / "train")])

    def system(records: list[dict]) -> dict:
        out: dict = defaultdict(lambda: {"entity": [], "claim": []})
        for r in records:
            out[str(r["doc"])][str(r["kind"])].append(r)
        return out

    systems = system(before["records"]), system(after["records"])
    dev_ids = set(before["dev"])
    ids = sorted(set(before["readings"]) & set(after["readings"]))
    changed = {i for i in ids if before["readings"][i][0] != after["readings"][i][0]}
    print(f"{len(changed)} of {len(ids)} articles read differently")
    for part, members in (("dev", [i for i in ids if i in dev_ids]), ("train", [i for i in ids if i not in dev_ids])):
        for label, chosen in (("changed", [i for i in members if i in changed]),
                              ("unchanged", [i for i in members if i not in changed])):
            if not chosen:
                continue
            a, b = (scorer.score({i: gold[i] for i in chosen}, s) for s in systems)
            print(f"  {part} {label} ({len(chosen)}): claims {a['claims'][2]:.4f} -> {b['claims'][2]:.4f}, "
                  f"entities {a['entities'][2]:.4f} -> {b['entities'][2]:.4f}")
    if before["paired"]:
        _print_paired(scorer, gold, ids, before["paired"], after["paired"], args.first_seed)
    print("entities renamed (article, before -> after, whether the annotators' names match each):")
    for i in sorted(changed):
        old = {(t, forms): n for n, t, forms in before["readings"][i][1]}  # one entity: its type and all its names
        new = {(t, forms): n for n, t, forms in after["readings"][i][1]}
        for key in sorted(set(old) & set(new)):
            if old[key] != new[key]:
                g = gold[i]
                print(f"  {i}: {old[key]} ({g.match(old[key], key[0]) is not None}) -> "
                      f"{new[key]} ({g.match(new[key], key[0]) is not None})")


def _print_paired(scorer, gold, ids: list[str],  # type: ignore[no-untyped-def]
                  before: list[list[dict]], after: list[list[dict]], first: int) -> None:
    """Claims F1 of the base under each assignment, and the head's difference from it, assignment by assignment."""
    from decision_cv import part_measures  # here, not at the top: it imports kg, which --side takes from its tree

    parts = {"claims": ids, "English": [i for i in ids if i.startswith("en")],
             "Indonesian": [i for i in ids if not i.startswith("en")]}
    old, new = ([part_measures(scorer, gold, parts, r) for r in runs] for runs in (before, after))
    print(f"paired over {len(old)} assignments (seeds {first}-{first + len(old) - 1}) "
          f"of the {len(ids)} articles to {FOLDS} folds "
          "(base mean; the head's difference: mean +- standard deviation):")
    for key in old[0]:
        differences = [n[key] - o[key] for o, n in zip(old, new)]
        print(f"  {key:16} {statistics.mean(o[key] for o in old):.4f}  "
              f"{statistics.mean(differences):+.4f} +- {statistics.stdev(differences):.4f}")


if __name__ == "__main__":
    main()
