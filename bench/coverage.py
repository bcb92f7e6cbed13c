"""Claims coverage: the share of gold claims whose arguments are both among the entities kg finds (issue 15's
measure: no relation model can recover a claim whose argument is missing), per relation, and the arguments
most often missing.

Usage: python bench/coverage.py [dev|train|all] [RELATION]
Reads ../shared/eval/dev and ../shared/eval/train as ``kg train-relations`` does: each article with an event
recogniser trained without its group of articles, so no article's events are found by a model that learnt
them. An entity counts as found when the scorer (``score.py``) matches one of kg's names to it. Lists the
missing arguments of RELATION (default attends). About 4 minutes on 2 cores.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from kg.extract import training

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "dev"
    relation = sys.argv[2] if len(sys.argv) > 2 else "attends"
    if not (EVAL / "dev").is_dir():
        sys.exit(f"{EVAL}/dev: annotated articles not found")
    scorer = training.load_scorer(EVAL / "dev")
    gold = scorer.load_gold([str(EVAL / "dev"), str(EVAL / "train")])
    dev, extra = training.articles(EVAL / "dev"), training.articles(EVAL / "train")
    with tempfile.TemporaryDirectory() as scratch:
        events = training.event_recognisers(dev, extra, training.EVENT_GROUPS, Path(scratch), 2,
                                            lambda line: print(line, file=sys.stderr))
        documents = []  # each folder read on its own: the group of an article is its position in its folder
        for name, paths in (("dev", dev), ("train", extra)):
            if which in (name, "all"):
                documents += training.read_documents(paths, 2, events)
    total, covered, missing = Counter(), Counter(), Counter()
    for document in documents:
        g = gold[document.id]
        found = {g.match(e["name"], e["type"]) for e in document.entities} - {None}
        for rel, subject, obj in g.claims:
            total[rel] += 1
            if subject in found and (obj is None or obj in found):
                covered[rel] += 1
            elif rel == relation:
                for x in (subject, obj):
                    if x is not None and x not in found:
                        missing[(document.id, g.entities[x]["type"], g.entities[x]["name"])] += 1
    print(f"{len(documents)} articles ({which}); gold claims with both arguments among kg's entities:")
    for rel in sorted(total):
        print(f"  {rel:<16} {covered[rel]:>5} / {total[rel]:<5} {covered[rel] / total[rel]:.3f}")
    print(f"  {'all':<16} {sum(covered.values()):>5} / {sum(total.values()):<5} "
          f"{sum(covered.values()) / sum(total.values()):.3f}")
    print(f"missing arguments of {relation} (claims lost, article, type, gold name):")
    for (doc, etype, name), n in sorted(missing.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {n:>3} {doc} {etype} {name}")


if __name__ == "__main__":
    main()
