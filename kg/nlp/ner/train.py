"""Training and evaluating the entity recognisers on the public NER sets (Indonesian and English).

Reproducible: a fixed corpus order, fixed hyper-parameters and crfsuite's deterministic optimisers give
the same model from the same data. Test splits are never read: only ``train`` and ``dev`` files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pycrfsuite

from kg.errors import InputError
from kg.nlp.ner.corpus import Score, Sentence, labelled_documents, load_label_map, repair_bio, score
from kg.nlp.ner.documents import consistent
from kg.nlp.ner.features import featurizer


@dataclass(frozen=True)
class Dataset:
    folder: str
    train: str | None  # None: a dev set only (UNER English-EWT: its train file is not here)
    dev: str
    token_column: int = 0
    tag_column: int = -1
    comments: bool = False


# per language: dataset name in label_map.tsv -> where its files are and how they are laid out
DATASETS: dict[str, dict[str, Dataset]] = {
    "id": {
        "nerui": Dataset("nerui", "train.tsv", "dev.tsv"),
        "idner2k": Dataset("idner2k", "train.txt", "dev.txt"),
        "nergrit": Dataset("nergrit", "train.txt", "dev.txt"),
    },
    "en": {
        "conll2003": Dataset("conll2003", "train.txt", "dev.txt"),
        "wikigold": Dataset("wikigold", "train.txt", "dev.txt"),
        "btc": Dataset("btc", "train.tsv", "dev.tsv"),
        "multiner": Dataset("multiner", "train.txt", "dev.txt"),
        "crossner-politics": Dataset("crossner-politics", "train.tsv", "dev.tsv"),
        "uner-ewt": Dataset("uner-ewt", None, "dev.iob2", token_column=1, tag_column=2, comments=True),
    },
}
DEFAULT_DATA = {"id": Path("../shared/ner"), "en": Path("../shared/ner-en")}
DEFAULT_SETS = {"id": "nerui,idner2k", "en": "conll2003,wikigold,btc,multiner,crossner-politics"}
ALGORITHMS = {
    # L-BFGS with elastic-net regularisation: L1 keeps the model small.
    "lbfgs": {"c1": 0.02, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True},
    # averaged perceptron: the classic structured-perceptron baseline.
    "ap": {"max_iterations": 30, "feature.possible_transitions": True},
}
# per-language overrides of the L-BFGS parameters (chosen on the dev sets; see the README's model card)
LANGUAGE_PARAMS: dict[str, dict[str, dict[str, object]]] = {"en": {"lbfgs": {"c1": 0.05, "c2": 0.01}}}


@dataclass
class Corpus:
    language: str
    train: list[Sentence]
    dev: dict[str, list[Sentence]]
    trained_on: list[str] = field(default_factory=list)
    dev_documents: dict[str, list[int]] = field(default_factory=dict)  # set -> sentences of each dev document


def load_corpus(root: Path, names: list[str], language: str = "id", *, dev_only: bool = True) -> Corpus:
    """Train splits of ``names``; dev splits of ``names`` and, with ``dev_only``, of the sets that only have one."""
    if language not in DATASETS:
        raise InputError(f"no entity recogniser for language {language!r}; choose from {', '.join(DATASETS)}")
    if not (root / "label_map.tsv").is_file():
        raise InputError(f"{root}: not an NER data folder (no label_map.tsv)")
    label_map = load_label_map(root / "label_map.tsv")
    known = DATASETS[language]
    train: list[Sentence] = []
    dev: dict[str, list[Sentence]] = {}
    dev_documents: dict[str, list[int]] = {}
    for name in names:
        if name not in known:
            raise InputError(f"unknown {language} NER dataset {name!r}; choose from {', '.join(known)}")
        if known[name].train is None:
            raise InputError(f"{name} has no train split here; it serves as a dev set only")
    extra = [n for n, d in known.items()  # dev-only sets are scored where their file is there
             if d.train is None and n not in names and (root / d.folder / d.dev).is_file()] if dev_only else []
    for name in [*names, *extra]:
        dataset = known[name]
        folder = root / dataset.folder

        def read(file: str) -> list[list[Sentence]]:
            path = folder / file
            if not path.is_file():
                raise InputError(f"{path}: NER data file not found")
            return labelled_documents(path, label_map.get(name, {}), token_column=dataset.token_column,
                                      tag_column=dataset.tag_column, comments=dataset.comments)

        if name in names and dataset.train:
            train.extend(s for document in read(dataset.train) for s in document)
        documents = read(dataset.dev)
        dev[name] = [s for document in documents for s in document]
        dev_documents[name] = [len(document) for document in documents]
    return Corpus(language, train, dev, list(names), dev_documents)


def params(algorithm: str, language: str) -> dict[str, object]:
    return {**ALGORITHMS[algorithm], **LANGUAGE_PARAMS.get(language, {}).get(algorithm, {})}


def train(corpus: Corpus, out: Path, *, algorithm: str = "lbfgs", log: Callable[[str], None] = print,
          overrides: dict[str, object] | None = None) -> float:
    """Train a model into ``out`` and return the seconds it took."""
    started = time.perf_counter()
    features = featurizer(corpus.language)
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for words, tags in corpus.train:
        trainer.append(features(words), tags)
    trainer.set_params({**params(algorithm, corpus.language), **(overrides or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    trainer.train(str(tmp))
    tmp.replace(out)
    seconds = time.perf_counter() - started
    log(f"trained {algorithm} on {len(corpus.train)} sentences in {seconds:.0f} s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)")
    return seconds


def evaluate(model: Path, sentences: list[Sentence], language: str = "id", documents: list[int] | None = None) -> Score:
    """Exact-span scores of ``model`` on ``sentences``; with ``documents`` (how many of the sentences, in
    order, each document holds) as ``kg tag`` reads a file with document breaks: the names of each document
    made to agree (``documents.consistent``)."""
    features = featurizer(language)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    predicted = [repair_bio(tagger.tag(features(words))) for words, _ in sentences]
    if documents is not None:
        agreed: list[list[str]] = []
        for size in documents:
            start = len(agreed)
            agreed += consistent([words for words, _ in sentences[start:start + size]], predicted[start:start + size])
        predicted = agreed
    return score([tags for _, tags in sentences], predicted)


def report(name: str, result: Score) -> list[str]:
    lines = []
    for kind in ("PER", "ORG", "LOC", None):
        p, r, f = result.prf(kind)
        lines.append(f"{name:18} {kind or 'micro':6} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return lines
