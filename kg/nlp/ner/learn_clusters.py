"""Learn the word clusters of the entity recogniser from unlabelled text (see ``clusters.py``).

Usage: python -m kg.nlp.ner.learn_clusters --lang en|id SOURCE ... [--out FILE]
Needs numpy and scipy (not dependencies of kg: the clusters ship as a file; only relearning them needs these).
SOURCE: CoNLL-style files (labels ignored), plain-text articles, or folders of them; files whose name holds
"test" are skipped, so no test split is read even unlabelled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.nlp.ner.clusters import clusters_path, learn, write


def main(argv: list[str] | None = None) -> None:
    from kg.nlp.ner.text import unlabelled_sentences

    parser = argparse.ArgumentParser(description="Learn word clusters for the entity recogniser from unlabelled text.")
    parser.add_argument("--lang", required=True, choices=("en", "id"))
    parser.add_argument("sources", nargs="+", type=Path, help="CoNLL files, .txt articles, or folders of them")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    sentences = list(unlabelled_sentences(args.sources, args.lang))
    tokens = sum(len(s) for s in sentences)
    paths, case = learn(sentences)
    out = args.out or clusters_path(args.lang)
    header = [
        f"Word clusters ({args.lang}) for the entity recogniser: lower-cased word, Brown-like bit string, how the word is",
        "capitalised mid-sentence. Learnt by kg.nlp.ner.clusters (PPMI + SVD + recursive 2-means) from the unlabelled",
        f"tokens of {len(sentences):,} sentences ({tokens:,} tokens); words and bit strings only, no text.",
        "Sources: " + ", ".join("/".join(s.resolve().parts[-3:]) for s in args.sources),
        "licence: CC0 for the clusters; see README 'Data and credits' for the sources' own licences",
    ]
    write(out, paths, case, header)
    print(f"{len(paths):,} words from {tokens:,} tokens -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
