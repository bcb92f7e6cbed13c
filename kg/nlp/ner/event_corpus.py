"""Training data for the event and agreement recogniser: the annotated articles' event and agreement names
(and aliases), located in the article text as kg reads it, as BIO-tagged sentences; training; and a
document-level cross-validation that scores the spans the model finds against the located names.

Names are located exactly and only on token boundaries; the longest name wins where two overlap. A name the
annotators listed in another spelling than the text's stays untagged, so recall measured here is a little
pessimistic, the same for every model compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import pycrfsuite

from kg.nlp.gazetteer import load as load_gazetteer
from kg.nlp.lexicon import load as load_lexicon
from kg.nlp.heads import head_chunks
from kg.nlp.ner.corpus import Score, score
from kg.nlp.ner.events import EventRecogniser, chunk_tags, sentence_features
from kg.nlp.tokens import split_sentences, tokenize

TYPES = {"Event": "EVENT", "Agreement": "AGREEMENT"}
PARAMS = {"c1": 0.0, "c2": 0.2, "max_iterations": 1000, "feature.minfreq": 2, "feature.possible_transitions": True}


@dataclass
class Document:
    id: str
    language: str
    sentences: list[tuple[list[str], list[str], list[str]]]  # words, BIO tags, the head-word rules' tags


def _tags(words: list[tuple[int, int]], names: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(words)
    starts = {s: i for i, (s, _e) in enumerate(words)}
    ends = {e: i for i, (_s, e) in enumerate(words)}
    for start, end, kind in sorted(names, key=lambda n: n[0] - n[1]):
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None or any(t != "O" for t in tags[first:last + 1]):
            continue
        tags[first] = "B-" + kind
        for k in range(first + 1, last + 1):
            tags[k] = "I-" + kind
    return tags


def read_document(path: Path) -> Document | None:
    """One annotated article (``X.txt`` beside its gold ``X.json``) as tagged sentences."""
    from kg import ingest

    gold_path = path.with_suffix(".json")
    if not gold_path.is_file():
        return None
    articles = list(ingest.run([path], ingest.Skipped()))
    if not articles:
        return None
    article = articles[0]
    lex, gaz = load_lexicon(article.language), load_gazetteer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    forms = sorted({(form, TYPES[e["type"]]) for e in gold.get("entities", []) if e.get("type") in TYPES
                    for form in [e["name"], *e.get("aliases", [])] if len(form) > 1}, key=lambda f: -len(f[0]))
    sentences = []
    for sentence in split_sentences(article.text):
        tokens = tokenize(sentence.text)
        names = []
        for form, kind in forms:
            at = sentence.text.find(form)
            while at >= 0:
                names.append((at, at + len(form), kind))
                at = sentence.text.find(form, at + 1)
        tags = _tags([(t.start, t.end) for t in tokens], names)
        sentences.append(([t.text for t in tokens], tags, chunk_tags(len(tokens), head_chunks(tokens, lex, gaz))))
    return Document(article.id, article.language, sentences)


def read_folders(folders: Iterable[Path]) -> list[Document]:
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    return [d for d in map(read_document, paths) if d is not None]


def train(documents: list[Document], out: Path) -> None:
    """A deterministic model: fixed document order, L-BFGS from zero."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in documents:
        for words, tags, chunks in doc.sentences:
            if words:
                trainer.append(sentence_features(words, doc.language, chunks), tags)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def evaluate(model: Path, documents: list[Document]) -> Score:
    recogniser = EventRecogniser(model)
    gold, predicted = [], []
    for doc in documents:
        for words, tags, chunks in doc.sentences:
            gold.append(tags)
            predicted.append(recogniser.tag(words, doc.language, chunks))
    return score(gold, predicted)


def cross_validate(dev: list[Document], extra: list[Document], folds: int, scratch: Path,
                   log: Callable[[str], None] = lambda _l: None) -> Score:
    """Document-level folds of ``dev``; ``extra`` always in training; scores pooled over the folds."""
    from collections import Counter

    total = Score(Counter(), Counter(), Counter())
    for k in range(folds):
        held = [d for i, d in enumerate(dev) if i % folds == k]
        model = scratch / f"events-fold{k}.crfsuite"
        train([d for i, d in enumerate(dev) if i % folds != k] + extra, model)
        result = evaluate(model, held)
        total.tp.update(result.tp)
        total.fp.update(result.fp)
        total.fn.update(result.fn)
        log(f"fold {k + 1}/{folds}: F1 {result.prf()[2]:.3f}")
    return total


def run(data: Path, extra: Path | None, *, folds: int, out: Path | None,
        echo: Callable[[str], None] = print) -> None:
    """What ``kg train-events`` does: cross-validated span figures (``folds`` > 1), then the shipped model
    trained on every annotated article (``out``)."""
    import tempfile

    from kg.errors import InputError

    for folder in (data, extra):
        if folder is not None and not folder.is_dir():
            raise InputError(f"{folder}: no such folder of annotated articles")
    dev = read_folders([data])
    more = read_folders([extra]) if extra else []
    if not dev:
        raise InputError(f"{data}: no annotated articles (*.txt with gold *.json) found")
    located = sum(1 for d in dev + more for _w, tags, _c in d.sentences for t in tags if t.startswith("B-"))
    echo(f"{len(dev)} + {len(more)} articles, {located} event and agreement names located in their text")
    if folds > 1:
        with tempfile.TemporaryDirectory() as scratch:
            result = cross_validate(dev, more, folds, Path(scratch), log=echo)
        echo(f"{folds}-fold cross-validation over {data.name}/ ({extra.name if extra else '-'}/ in every fold), exact spans:")
        echo(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'found':>6}")
        for kind in ("EVENT", "AGREEMENT", None):
            p, r, f = result.prf(kind)
            found = result.tp[kind] if kind else sum(result.tp.values())
            echo(f"{kind or 'all':<10} {p:6.3f} {r:6.3f} {f:6.3f} {found:6d}")
    if out is not None:
        tmp = out.with_name(f".{out.name}.tmp")
        train(dev + more, tmp)
        tmp.replace(out)
        echo(f"model written to {out}")
