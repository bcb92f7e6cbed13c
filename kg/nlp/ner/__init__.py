"""The statistical entity recognisers: linear-chain CRFs over hand-built features, trained on public
Indonesian and English NER data (see ``train.py`` and the README) and shipped as
``data/models/ner-id.crfsuite`` and ``data/models/ner-en.crfsuite``; each article is tagged by its language's.

It proposes PER/ORG/LOC spans; the rules and gazetteers of ``kg.nlp.recognise`` decide what they finally
are (a listed agency stays an Organization whatever the model says).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from kg.errors import DataFileError
from kg.nlp.ner.attributes import Known, model_attributes
from kg.nlp.ner.corpus import repair_bio, spans
from kg.nlp.ner.documents import consistent
from kg.nlp.ner.features import featurizer
from kg.resources import data_dir

__all__ = ["CrfModel", "Recogniser", "load", "model_path", "spans"]


def model_path(language: str = "id") -> Path:
    return data_dir() / "models" / f"ner-{language}.crfsuite"


AMORTISE = 200  # sentences a model tags before it reads its attributes to filter features by


class CrfModel:
    """A crfsuite model file opened once per thread (a crfsuite tagger is not safe to share between threads)."""

    def __init__(self, path: Path, missing: str) -> None:
        if not path.is_file():
            raise DataFileError(f"{path}: {missing}")
        self.path = path
        self._local = threading.local()
        self._known: Known = None
        self._tagged = 0

    @property
    def known(self) -> Known:
        """The model's attributes: tagging passes crfsuite no feature it would only look up and drop. Reading
        them costs some 30-60 ms, which only a run of many sentences earns back, so the first ``AMORTISE``
        sentences are tagged with every feature (None); the tags are the same either way, as crfsuite drops
        what its model does not know."""
        if self._known is None:
            self._tagged += 1
            if self._tagged > AMORTISE:
                self._known = model_attributes(self.path)
        return self._known

    @property
    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._local.tagger = tagger
        return tagger


class Recogniser(CrfModel):
    """Tags pre-tokenised sentences with B-/I- PER, ORG, LOC or O."""

    def __init__(self, path: Path, language: str = "id") -> None:
        super().__init__(path, "entity recogniser model not found; run 'kg train-ner' or reinstall kg")
        self.language = language
        self._features = featurizer(language)

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        return repair_bio(self._tagger.tag(self._features(words, self.known)))

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """The sentences of one document, each tagged, then made to agree on the names they share
        (``documents.consistent``)."""
        return consistent(sentences, [self.tag(words) for words in sentences])

    def entities(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(first word, end word, PER|ORG|LOC) for each entity the model finds."""
        return spans(self.tag(words))


@lru_cache(maxsize=None)
def load(language: str = "id") -> Recogniser | None:
    """The bundled model for a language, or None where there is none (the rules still run)."""
    path = model_path(language)
    return Recogniser(path, language) if path.is_file() else None
