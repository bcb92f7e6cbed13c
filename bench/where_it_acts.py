"""Where a change acts: the articles two versions of kg read differently, scored apart from those read alike.

Usage: python bench/where_it_acts.py BASE [HEAD] [--jobs N]
BASE and HEAD are git revisions of this repository (HEAD: the working tree as it is). Each version reads the
450 annotated articles of ../shared/eval as ``bench/decision_cv.py`` does (each with an event recogniser
trained without its group of articles) and cross-validates its own relation model: dev in
``kg train-relations --cv 5``'s folds with train always in training, and train in 5 folds with dev always in.
An article is read differently when its entities or its candidate claims (with their rules and features)
differ between the versions. Prints claims and entities F1 of the changed and of the unchanged articles,
under each version's model, and the entities renamed, with whether the annotators' names match each name.

Why: a change retrains the relation model, and retraining alone moves one assignment's claims F1 by about
+-0.005 (README, "How much of a change is noise"), the size of most changes' effect. The unchanged
articles show that swing; the changed ones show what the change does. About 7 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FOLDS = 5


def _side(out: Path, jobs: int) -> None:
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
    readings = {}
    for d in dev + train:
        entities = sorted((str(e["name"]), str(e["type"])) for e in d.entities)
        candidates = sorted((c.relation, c.subject, c.object or "", c.claim.rule, tuple(sorted(c.features)))
                            for c in d.candidates)
        digest = hashlib.sha1(repr((entities, candidates)).encode()).hexdigest()
        forms = [(str(e["name"]), str(e["type"]), tuple(sorted([*e["aliases"], e["name"]]))) for e in d.entities]
        readings[d.id] = (digest, forms)
    with out.open("wb") as fh:
        pickle.dump({"readings": readings, "records": records, "dev": [d.id for d in dev]}, fh)


def _read(root: Path, jobs: int, scratch: Path, name: str) -> dict:
    out = scratch / f"{name}.pickle"
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--side", str(out), "--jobs", str(jobs)],
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
    parser.add_argument("--side", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side is not None:
        _side(args.side, args.jobs)
        return
    if args.base is None:
        parser.error("give the revision to compare with (BASE)")
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
            before = _read(base_root, args.jobs, scratch, "base")
            after = _read(head_root, args.jobs, scratch, "head")
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
    print("entities renamed (article, before -> after, whether the annotators' names match each):")
    for i in sorted(changed):
        old = {(t, forms): n for n, t, forms in before["readings"][i][1]}  # one entity: its type and all its names
        new = {(t, forms): n for n, t, forms in after["readings"][i][1]}
        for key in sorted(set(old) & set(new)):
            if old[key] != new[key]:
                g = gold[i]
                print(f"  {i}: {old[key]} ({g.match(old[key], key[0]) is not None}) -> "
                      f"{new[key]} ({g.match(new[key], key[0]) is not None})")


if __name__ == "__main__":
    main()
