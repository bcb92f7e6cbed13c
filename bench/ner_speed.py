"""Entity recogniser speed: model load time and tagging rate on one core, in tokens per second, per language.

Usage: python bench/ner_speed.py [--lang id|en|both] [CONLL_FILE ...]
Tags the dev splits of ../shared/ner (Indonesian) and ../shared/ner-en (English), or the files given, with
the bundled model, through the same path as ``kg tag --conll``, three times, and prints the best rate.
Word-feature caches are cleared first so the figure includes feature extraction from cold; the load time
covers the gazetteers, lexicons and word clusters the features read, and opening the model. Times are CPU
time of the process (on the shared development machine, wall time measures the neighbours' work too).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from kg.nlp.ner import Recogniser, model_path
from kg.nlp.ner.corpus import read_conll, tag_lines

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_FILES = {
    "id": [SHARED / "ner" / "nerui" / "dev.tsv", SHARED / "ner" / "idner2k" / "dev.txt", SHARED / "ner" / "nergrit" / "dev.txt"],
    "en": [SHARED / "ner-en" / "conll2003" / "dev.txt", SHARED / "ner-en" / "wikigold" / "dev.txt",
           SHARED / "ner-en" / "multiner" / "dev.txt"],
}


def _caches(language: str) -> list:
    from kg.nlp.ner import english, features

    module = english if language == "en" else features
    return [features._shape, module._known_word_features, features._known_context_features]  # the caches tagging reads


def bench(language: str, files: list[Path]) -> None:
    from kg.nlp.ner.clusters import load as load_clusters
    from kg.nlp.ner.features import _word_classes

    files = [f for f in files if f.is_file()]
    if not files:
        print(f"{language}: no CoNLL files (pass some, or put the NER data in ../shared)")
        return
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    tokens = sum(len(rows) for f in files for rows in read_conll(f, lenient=True))
    _word_classes.cache_clear()
    load_clusters.cache_clear()
    started = time.process_time()
    recogniser = Recogniser(model_path(language), language)
    recogniser.tag(["Jakarta"])  # reads the gazetteers, lexicons and clusters and opens the model
    load = time.process_time() - started
    best = float("inf")
    for _ in range(3):
        for cache in _caches(language):
            cache.cache_clear()
        started = time.process_time()  # CPU time: on a shared machine, wall time measures the neighbours
        for _line in tag_lines(lines, recogniser.tag_document):
            pass
        best = min(best, time.process_time() - started)
    path = model_path(language)
    print(f"{language}: model {path.name} ({path.stat().st_size / 1e6:.1f} MB); load {load * 1000:.0f} ms; "
          f"tagged {tokens:,} tokens in {best:.2f} s = {tokens / best:,.0f} tokens/s on one core (CPU time, cold caches)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Entity recogniser load time and tagging rate.")
    parser.add_argument("--lang", choices=("id", "en", "both"), default="both")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    for language in (("id", "en") if args.lang == "both" else (args.lang,)):
        bench(language, args.files or DEV_FILES[language])


if __name__ == "__main__":
    main()
