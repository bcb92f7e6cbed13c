"""Held-out test scores of the bundled entity recogniser: exact-span P/R/F1 per set and type.

Usage: python bench/ner_test.py [--lang id|en] [--data DIR] [NAME=FILE ...]
Scores ``data/models/ner-<lang>.crfsuite`` on each set's test split: ``DIR/<set>/test.<ext>`` (the dev file's
name with "dev" turned into "test", e.g. ../shared/ner/nerui/test.tsv) where it is there, or the files named
as NAME=FILE (NAME a set of kg.nlp.ner.train.DATASETS, for its label mapping and columns). Training never
reads test splits (``kg train-ner`` scores dev only); run this once per shipped model, not to tune on. A file with
``-DOCSTART-`` documents is scored as ``kg tag`` reads it: each document's names made to agree.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.nlp.ner import model_path
from kg.nlp.ner.corpus import labelled_documents, load_label_map
from kg.nlp.ner.train import DATASETS, DEFAULT_DATA, evaluate, report


def test_files(root: Path, language: str, named: list[str]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for name, dataset in DATASETS[language].items():
        path = root / dataset.folder / dataset.dev.replace("dev", "test")
        if path.is_file():
            files[name] = path
    for item in named:
        name, _, file = item.partition("=")
        if name not in DATASETS[language] or not file:
            raise SystemExit(f"{item}: expected NAME=FILE with NAME one of {', '.join(DATASETS[language])}")
        files[name] = Path(file)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description="Test-split scores of the bundled entity recogniser.")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--data", type=Path, default=None, help="NER data folder with label_map.tsv")
    parser.add_argument("--model", type=Path, default=None, help="model to score (default: the bundled one)")
    parser.add_argument("files", nargs="*", help="NAME=FILE test files beyond those found in --data")
    args = parser.parse_args()
    root = args.data or Path(__file__).resolve().parents[1] / DEFAULT_DATA[args.lang]
    label_map = load_label_map(root / "label_map.tsv")
    files = test_files(root, args.lang, args.files)
    if not files:
        raise SystemExit(f"{root}: no test split found; name them as NAME=FILE")
    model = args.model or model_path(args.lang)
    for name, path in files.items():
        dataset = DATASETS[args.lang][name]
        documents = labelled_documents(path, label_map.get(name, {}), token_column=dataset.token_column,
                                       tag_column=dataset.tag_column, comments=dataset.comments)
        sentences = [s for document in documents for s in document]
        whole = len(documents) < len(sentences)  # documents of several sentences: scored as `kg tag` reads them
        print(f"{name}: {path} ({len(sentences)} sentences" + (f", {len(documents)} documents)" if whole else ")"))
        for line in report(name, evaluate(model, sentences, args.lang, [len(d) for d in documents] if whole else None)):
            print(line)


if __name__ == "__main__":
    main()
