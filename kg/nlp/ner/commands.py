"""What ``kg tag`` and ``kg train-ner`` do, kept out of the CLI module so that it stays a thin layer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, TextIO

from kg.errors import FormatError, InputError, KgError

LANGUAGES = ("id", "en")


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise FormatError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    return language


def tag(conll: Path, language: str, out: TextIO) -> None:
    """Each line of a CoNLL-style file (or standard input for '-') with its predicted BIO tag appended."""
    from kg.nlp.ner import load
    from kg.nlp.ner.corpus import tag_lines

    recogniser = load(_language(language))
    if recogniser is None:
        raise KgError(f"no {language} entity recogniser model is installed; run 'kg train-ner --lang {language}'")
    if str(conll) == "-":
        source: TextIO = sys.stdin
    elif not conll.is_file():
        raise InputError(f"{conll}: no such file")
    else:
        source = conll.open(encoding="utf-8", errors="replace", newline="")
    try:
        for line in tag_lines(source, recogniser.tag_document):
            out.write(line + "\n")
    finally:
        if source is not sys.stdin:
            source.close()


def train_ner(language: str, data: Path | None, datasets: str | None, algorithm: str, out: Path | None,
              final: bool, echo: Callable[[str], None]) -> None:
    """Train on the train splits, print dev P/R/F1 per set and type, then (``final``) retrain on train + dev
    of the sets trained on for the shipped model. Dev-only sets are scored, never trained on."""
    from kg.nlp.ner import model_path
    from kg.nlp.ner.train import ALGORITHMS, DEFAULT_DATA, DEFAULT_SETS, evaluate, load_corpus, report, train

    language = _language(language)
    if algorithm not in ALGORITHMS:
        raise FormatError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    root = data if data is not None else DEFAULT_DATA[language]
    if not root.is_dir():
        raise InputError(f"{root}: no such NER data folder (pass --data)")
    target = out or model_path(language)
    names = [name.strip() for name in (datasets or DEFAULT_SETS[language]).split(",") if name.strip()]
    corpus = load_corpus(root, names, language)
    if not corpus.train:
        raise InputError(f"{root}: no training sentences in {', '.join(names)}")
    scratch = target.with_name(f".{target.name}.dev")
    train(corpus, scratch, algorithm=algorithm, log=echo)
    for name, sentences in corpus.dev.items():
        documents = corpus.dev_documents.get(name)
        whole = documents is not None and len(documents) < len(sentences)  # documents of several sentences
        label = name + ("" if name in names else " (dev only)")
        for line in report(label, evaluate(scratch, sentences, language, documents if whole else None)):
            echo(line)  # as `kg tag` reads the file: a document's names agree
        if whole:
            echo(report(f"{label} sentence by sentence", evaluate(scratch, sentences, language))[-1])
    if final:
        corpus.train = corpus.train + [s for name in names for s in corpus.dev[name]]
        train(corpus, target, algorithm=algorithm, log=echo)
        scratch.unlink()
    else:
        scratch.replace(target)
