"""Learn the words that never name a person from the entity recognisers' labelled train splits (``name_words.py``).

Usage: python -m kg.nlp.ner.learn_name_words --lang en|id [NER_DATA] [--sets A,B] [--out FILE]
NER_DATA defaults to the recogniser's own folder (../shared/ner-en, ../shared/ner), the sets to those it is
trained on; only their train splits are counted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.nlp.ner.name_words import MIN_SEEN, learn, words_path, write


def main(argv: list[str] | None = None) -> None:
    from kg.errors import InputError
    from kg.nlp.ner.train import DEFAULT_DATA, DEFAULT_SETS, load_corpus

    parser = argparse.ArgumentParser(description="Learn the words that never name a person from labelled NER data.")
    parser.add_argument("--lang", required=True, choices=("en", "id"))
    parser.add_argument("data", nargs="?", type=Path, default=None, help="NER data folder (default: the recogniser's)")
    parser.add_argument("--sets", default=None, help="comma-separated train sets (default: the recogniser's)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.data or DEFAULT_DATA[args.lang]
    sets = (args.sets or DEFAULT_SETS[args.lang]).split(",")
    try:
        corpus = load_corpus(root, sets, args.lang, dev_only=False)
    except InputError as exc:  # a folder that is not NER data: one message and status 2, as the kg commands give
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    words = learn(corpus.train)
    out = args.out or words_path(args.lang)
    header = [
        f"Words ({args.lang}) that the entity recognisers' training data capitalises mid-sentence outside any name at",
        f"least {MIN_SEEN} times and never has in a person's name (kg.nlp.ner.learn_name_words), from the train splits of",
        f"{', '.join(sets)} ({len(corpus.train):,} sentences); lower-cased words only, no text.",
        "licence: CC0 for the list; see README 'Data and credits' for the sources' own licences",
    ]
    write(out, words, header)
    print(f"{len(words):,} words -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
