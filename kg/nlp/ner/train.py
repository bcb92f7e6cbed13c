"""Training and evaluating the entity recogniser on the public Indonesian NER sets.

Reproducible: a fixed corpus order, fixed hyper-parameters and crfsuite's deterministic optimisers give
the same model from the same data. Test splits are never read: only ``train`` and ``dev`` files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pycrfsuite

from kg.errors import InputError
from kg.nlp.ner.corpus import Score, Sentence, labelled_sentences, load_label_map, repair_bio, score
from kg.nlp.ner.features import sentence_features

# dataset name in label_map.tsv -> (folder, train file, dev file)
DATASETS = {
    "nerui": ("nerui", "train.tsv", "dev.tsv"),
    "idner2k": ("idner2k", "train.txt", "dev.txt"),
    "nergrit": ("nergrit", "train.txt", "dev.txt"),
}
ALGORITHMS = {
    # L-BFGS with elastic-net regularisation: L1 keeps the model small.
    "lbfgs": {"c1": 0.02, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True},
    # averaged perceptron: the classic structured-perceptron baseline.
    "ap": {"max_iterations": 30, "feature.possible_transitions": True},
}


@dataclass
class Corpus:
    train: list[Sentence]
    dev: dict[str, list[Sentence]]


def load_corpus(root: Path, names: list[str]) -> Corpus:
    if not (root / "label_map.tsv").is_file():
        raise InputError(f"{root}: not an NER data folder (no label_map.tsv)")
    label_map = load_label_map(root / "label_map.tsv")
    train: list[Sentence] = []
    dev: dict[str, list[Sentence]] = {}
    for name in names:
        if name not in DATASETS:
            raise InputError(f"unknown NER dataset {name!r}; choose from {', '.join(DATASETS)}")
        folder, train_file, dev_file = DATASETS[name]
        train.extend(labelled_sentences(root / folder / train_file, label_map[name]))
        dev[name] = labelled_sentences(root / folder / dev_file, label_map[name])
    return Corpus(train, dev)


def train(corpus: Corpus, out: Path, *, algorithm: str = "lbfgs", log: Callable[[str], None] = print) -> float:
    """Train a model into ``out`` and return the seconds it took."""
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for words, tags in corpus.train:
        trainer.append(sentence_features(words), tags)
    trainer.set_params(ALGORITHMS[algorithm])
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    trainer.train(str(tmp))
    tmp.replace(out)
    seconds = time.perf_counter() - started
    log(f"trained {algorithm} on {len(corpus.train)} sentences in {seconds:.0f} s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)")
    return seconds


def evaluate(model: Path, sentences: list[Sentence]) -> Score:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    predicted = [repair_bio(tagger.tag(sentence_features(words))) for words, _ in sentences]
    return score([tags for _, tags in sentences], predicted)


def report(name: str, result: Score) -> list[str]:
    lines = []
    for kind in ("PER", "ORG", "LOC", None):
        p, r, f = result.prf(kind)
        lines.append(f"{name:10} {kind or 'micro':6} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return lines
