"""Unlabelled sentences for learning word clusters: the tokens of CoNLL-style files (labels ignored) and of
plain-text articles, split and tokenised as the nlp stage does."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from kg.nlp.ner.corpus import read_conll
from kg.nlp.tokens import split_sentences, tokenize

_CONLL = (".conll", ".conllu", ".iob2", ".tsv")


def _files(sources: Iterable[Path], language: str) -> Iterator[Path]:
    for source in sources:
        if source.is_file():
            yield source
            continue
        for path in sorted(source.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or "test" in path.name:
                continue  # no test split of any set, not even unlabelled
            if path.suffix == ".txt" and path.name.startswith(("en-", "id-")) and not path.name.startswith(f"{language}-"):
                continue  # articles named by their language ("en-001.txt"): only the language learnt
            if path.suffix in _CONLL or path.suffix == ".txt":
                yield path


def _is_conll(path: Path) -> bool:
    if path.suffix in _CONLL:
        return True
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = [line for _, line in zip(range(40), handle) if line.strip()]
    return bool(head) and sum(len(line.split()) <= 5 for line in head) > 0.9 * len(head)


def unlabelled_sentences(sources: Iterable[Path], language: str) -> Iterator[list[str]]:
    for path in _files(sources, language):
        if _is_conll(path):
            for rows in read_conll(path, comments=True, lenient=True):
                column = 1 if len(rows[0]) >= 3 and rows[0][0].isdigit() else 0  # UD / UNER: index first
                words = [row[column] for row in rows if row[0] != "-DOCSTART-" and (column == 0 or row[0].isdigit())]
                if words:
                    yield words
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
            for sentence in split_sentences(text):
                words = [t.text for t in tokenize(sentence.text)]
                if words:
                    yield words
