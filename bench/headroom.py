"""Where the relation model's decisions lose most: what a perfect decision on one part of the candidates gains.

Usage: python bench/headroom.py [--jobs N] [--assignments K] [--first-seed S] [--parts meets,meets:id,...]

Reads the 450 annotated articles of ../shared/eval once, as ``bench/decision_cv.py`` does, and cross-validates
all of them in 5 document-level folds under K random assignments (default 2; ``bench/where_it_acts.py``'s
seeds S, S + 1, ...), once with the shipped features and once per part with one more feature on that part's
candidates: their own label ("oracle=True" / "oracle=False"). The model learns to follow it, so the
difference is about what a decision that knew the answer would gain on that part, with the candidates, the
entities, the thresholds and the choice among a claim's candidates as they are. A part is
``RELATION[:LANGUAGE][:OBJECT]``: a relation, optionally the articles of one language ("en", "id") and the
candidates whose object is of one kind ("country", "org", "person", "event", "agreement"); by default every
relation, and each in each language.

Prints claims F1 of the shipped model (mean over the assignments) and each part's difference from it,
paired by assignment (mean +- standard deviation), overall, per language and per relation. What no part
gains, no decision can: it is lost to the candidates (a pair never proposed) or to the entities (an argument
never found), which ``bench/coverage.py`` counts.

Why: sessions 58-64 measured many features whose signal was plain in the counts (an English post offered to the
country of the article's news site was right 62 times of 106, to another 29 of 167) and which moved claims by
less than the measure's noise. Before adding evidence for a decision it is worth knowing what the best decision
on that part is worth. Session 64, seeds 0-1 (12 minutes for the eighteen default parts), against claims 0.681:
meets +0.053 (Indonesian meets alone +0.036, English +0.012), holds_position +0.049 (Indonesian +0.025, English
+0.023; English posts to a country alone, ``--parts holds_position:en:country``, +0.018, which is English claims
+0.055), attends +0.041, cooperates_with +0.028, signs +0.023, quoted +0.013. Each relation's own F1 with a
perfect decision: holds_position 0.755 -> 0.910, meets 0.586 -> 0.872, signs 0.635 -> 0.841, attends 0.592 ->
0.839, cooperates_with 0.571 -> 0.896, quoted 0.874 -> 0.992.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from kg.extract import training
from kg.relations import REGISTRY
from decision_cv import claim_measures, print_paired, read_all  # the 450 articles read as its measures read them
from where_it_acts import FOLDS, assignments  # the same assignments to folds as its paired measure

LANGUAGES = ("en", "id")
OBJECTS = {"country": "country:", "org": "org", "person": "person:", "event": "event:", "agreement": "agreement:"}
_STATE: dict[str, object] = {}


def parse_part(part: str) -> tuple[str, str | None, str | None]:
    """"holds_position:en:country" -> (relation, language, object kind); raises ValueError when unknown."""
    relation, *rest = part.split(":")
    if relation not in REGISTRY:
        raise ValueError(part)
    language = next((p for p in rest if p in LANGUAGES), None)
    kind = next((p for p in rest if p in OBJECTS), None)
    if len(rest) != (language is not None) + (kind is not None):
        raise ValueError(part)
    return relation, language, kind


def _told(document: training.Document, part: str | None) -> training.Document:
    """The document with its candidates of ``part`` told their label (``None``: as shipped)."""
    if part is None:
        return document
    relation, language, kind = parse_part(part)
    if language and document.language != language:
        return document
    prefix = OBJECTS[kind] if kind else ""
    return replace(document, candidates=[
        replace(c, features=c.features + [f"oracle={c.label}"])
        if c.relation == relation and (c.claim.object or "").startswith(prefix) else c
        for c in document.candidates])


def _run(spec: tuple[str | None, int]) -> tuple[str | None, int, list[dict[str, object]]]:
    part, seed = spec
    documents = [_told(d, part) for d in _STATE["documents"]]  # type: ignore[attr-defined]
    return part, seed, training.cross_validate(documents, [], _STATE["totals"], FOLDS,  # type: ignore[arg-type]
                                               _STATE["assignments"][seed])  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description="What a perfect decision on one part of the candidates gains.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--assignments", type=int, default=2)
    parser.add_argument("--first-seed", type=int, default=0, help="seed of the first assignment")
    parser.add_argument("--parts", default="", help="RELATION[:LANGUAGE][:OBJECT], comma-separated; by default "
                                                    "every relation, and each in each language")
    args = parser.parse_args()
    parts = [p for p in args.parts.split(",") if p] or [
        f"{r}{':' + lang if lang else ''}" for r in REGISTRY for lang in (None, *LANGUAGES)]
    try:
        for part in parts:
            parse_part(part)
    except ValueError as bad:
        raise SystemExit(f"--parts: {bad} is not RELATION[:LANGUAGE][:OBJECT] (relations: {', '.join(REGISTRY)}; "
                         f"languages: {', '.join(LANGUAGES)}; objects: {', '.join(OBJECTS)})") from None
    if args.assignments < 2 or args.jobs < 1 or args.first_seed < 0:
        raise SystemExit("--assignments: 2 or more; --jobs: 1 or more; --first-seed: 0 or more")
    scorer, dev, train, gold = read_all(args.jobs)
    documents = dev + train
    _STATE.update(documents=documents, totals=training.claim_totals(gold),
                  assignments=assignments(len(documents), args.assignments, first=args.first_seed))
    seeds = range(args.assignments)
    with ProcessPoolExecutor(args.jobs) as pool:  # forked workers see _STATE as it is now
        runs = list(pool.map(_run, [(p, s) for p in [None, *parts] for s in seeds]))

    table = {(part, seed): claim_measures(scorer, gold, documents, records) for part, seed, records in runs}
    print(f"{len(documents)} articles, {args.assignments} assignments to {FOLDS} folds (seeds {args.first_seed}-"
          f"{args.first_seed + args.assignments - 1}); claims F1 as shipped (mean over assignments), and what "
          "a decision told the answer on each part gains, paired by assignment")
    print_paired([(part or "shipped", [table[(part, s)] for s in seeds]) for part in [None, *parts]])


if __name__ == "__main__":
    main()
