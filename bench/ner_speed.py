"""Entity recogniser speed: model load time and tagging rate on one core, in tokens per second.

Usage: python bench/ner_speed.py [CONLL_FILE ...]
Tags the dev splits of ../shared/ner (or the files given) with the bundled model, through the same path
as ``kg tag --conll``, three times, and prints the best rate. Word-feature caches are cleared first so the
figure includes feature extraction from cold.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from kg.nlp.ner import Recogniser, model_path
from kg.nlp.ner.corpus import read_conll, tag_lines
from kg.nlp.ner.features import _context_features, _word_classes, word_features

NER = Path(__file__).resolve().parents[2] / "shared" / "ner"


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    files = [Path(p) for p in sys.argv[1:]] or [NER / "nerui" / "dev.tsv", NER / "idner2k" / "dev.txt", NER / "nergrit" / "dev.txt"]
    files = [f for f in files if f.is_file()]
    if not files:
        sys.exit("no CoNLL files: pass some, or put the NER data at ../shared/ner")
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    tokens = sum(len(rows) for f in files for rows in read_conll(f))
    started = time.perf_counter()
    _word_classes()  # gazetteers and lexicons the features look words up in
    recogniser = Recogniser(model_path("id"))
    recogniser.tag(["Jakarta"])
    load = time.perf_counter() - started
    best = float("inf")
    for _ in range(3):
        word_features.cache_clear()
        _context_features.cache_clear()
        started = time.perf_counter()
        for _line in tag_lines(lines, recogniser.tag):
            pass
        best = min(best, time.perf_counter() - started)
    print(f"model: {model_path('id')} ({model_path('id').stat().st_size / 1e6:.1f} MB)")
    print(f"load: {load * 1000:.0f} ms")
    print(f"tagged: {tokens} tokens in {best:.2f} s = {tokens / best:,.0f} tokens/s on one core (cold feature cache)")


if __name__ == "__main__":
    main()
