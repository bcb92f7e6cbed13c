"""The statistical recogniser of named events and agreements, a CRF trained on kg's own annotated articles.

The public NER sets tag no events or agreements, and the head-word rules (``kg.nlp.heads``) miss names
whose head is not in the lexicon or that contain a body's name ("21st Global Counterterrorism Forum
Coordination Committee Meeting"), and cut names that go on in lower case. The annotated news articles of
``../shared/eval`` name about 500 events and agreements in their text: located there, they give BIO training
data in the genre kg reads (``event_corpus.py``). One model serves both languages: the head words, ordinals and
"ke-N" suffixes that mark these names are shared across them more than they differ.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.nlp.ner import CrfModel
from kg.nlp.ner.attributes import Feature, Known, known_only
from kg.nlp.ner.corpus import repair_bio, spans
from kg.nlp.ner.features import _shape, _word_classes, surface_flags, word_pairs
from kg.nlp.tokens import YEAR
from kg.resources import data_dir

__all__ = ["EventRecogniser", "chunk_tags", "load", "model_path", "sentence_features"]

_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|ke-?\d+|first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth|inaugural|pertama|kedua|ketiga|keempat|kelima)$", re.IGNORECASE)


def model_path() -> Path:
    return data_dir() / "models" / "events.crfsuite"


def word_features(word: str) -> tuple[str, ...]:
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}", f"s3={lower[-3:]}", f"p3={lower[:3]}"]
    feats += surface_flags(word, "-.'/+")
    if _ORDINAL.match(word):
        feats.append("ordinal")
    if YEAR.match(word):
        feats.append("year")
    feats.extend(_word_classes().get(lower, ()))
    return tuple(feats)


def _near(word: str) -> tuple[tuple[str, ...], ...]:
    """The word's features as each neighbour sees them, prefixed once here rather than per token: one and two
    words to the left and right in full, three words away only the first (the word itself)."""
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}"]
    if _ORDINAL.match(word):
        feats.append("ordinal")
    feats.extend(c for c in _word_classes().get(lower, ()) if c.startswith(("head:", "gaz:")))
    return (tuple("-1" + f for f in feats), tuple("+1" + f for f in feats), tuple("-2" + f for f in feats),
            tuple("+2" + f for f in feats), ("-3" + feats[0],), ("+3" + feats[0],))


_EDGES = (("-1BOS", "+1EOS"), ("-2BOS", "+2EOS"), ("-3BOS", "+3EOS"))


_known_word_features = known_only(word_features, 100_000)
_known_near = known_only(_near, 100_000)


def sentence_features(words: list[str], language: str = "id", chunks: list[str] | None = None,
                      known: Known = None) -> list[list[Feature]]:
    """One feature list per word; three words either side, since event names are long and their head
    word ("Meeting", "Rapat") may stand at either end. ``chunks`` gives each word's place in the names the
    head-word rules found (``B-Event``, ``I-Organization``, ``O``): the model learns when to trust them.
    With ``known`` (the model's attributes, when tagging), only the features the model knows, in the same order,
    the cached ones as bytes."""
    n = len(words)
    own = [_known_word_features(known, w) for w in words]
    near = [_known_near(known, w) for w in words]
    before, after = word_pairs(words, known)
    lang = f"lang={language}"
    hc = [_chunk_features(c, language, known) for c in chunks] if chunks is not None else []
    out: list[list[Feature]] = []
    for i in range(n):
        feats: list[Feature] = ["bias", lang, *own[i]]
        if chunks is not None:
            feats.extend(hc[i][0])
            if i + 1 < n:
                feats.extend(hc[i + 1][1])
            if i:
                feats.extend(hc[i - 1][2])
        for d in (1, 2, 3):
            left, right = _EDGES[d - 1]
            if i - d >= 0:
                feats.extend(near[i - d][2 * d - 2])
            else:
                feats.append(left)
            if i + d < n:
                feats.extend(near[i + d][2 * d - 1])
            else:
                feats.append(right)
        if i and before[i - 1]:
            feats.append(before[i - 1])
        if i + 1 < n and after[i]:
            feats.append(after[i])
        out.append(feats)
    return out


@lru_cache(maxsize=64)
def _chunk_features(chunk: str, language: str, known: Known) -> tuple[tuple[Feature, ...], ...]:
    """A head-word chunk tag's features as its own word sees them, as the word before it does and as the word
    after it does; a sentence repeats a few tags ("O" mostly), so they are made and filtered once."""
    parts = ((f"hc={chunk}", f"hc={chunk}|{language}"), (f"+1hc={chunk}",), (f"-1hc={chunk}",))
    if known is None:
        return parts
    return tuple(tuple(f.encode() for f in part if f in known) for part in parts)


class EventRecogniser(CrfModel):
    """Tags pre-tokenised sentences with B-/I- EVENT, AGREEMENT or O.

    Every attribute the model knows is passed to crfsuite, however small its weight. Leaving out those under
    0.01 for every label (two thirds of them) made tagging a quarter faster and changed no tag of the bundled
    model on the 5,180 sentences of the annotated articles, but it changed one of a fold model's: and as the
    leaving out starts only after ``AMORTISE`` sentences, that tag depended on which articles a worker had read
    before, so two runs of ``kg train-relations`` read one article differently."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "event recogniser model not found; run 'kg train-events' or reinstall kg")

    def tag(self, words: list[str], language: str = "id", chunks: list[str] | None = None) -> list[str]:
        if not words:
            return []
        return repair_bio(self._tagger.tag(sentence_features(words, language, chunks, self.known)))

    def entities(self, words: list[str], language: str = "id",
                 chunks: list[str] | None = None) -> list[tuple[int, int, str]]:
        return spans(self.tag(words, language, chunks))


def chunk_tags(length: int, chunks: dict[int, tuple[int, str, str]]) -> list[str]:
    """The head-word rules' names of a sentence of ``length`` tokens (``head_chunks``) as one BIO tag per token
    (``B-Event``, ``I-Organization``)."""
    tags = ["O"] * length
    for start, (n, _key, etype) in chunks.items():
        tags[start] = "B-" + etype
        for k in range(start + 1, start + n):
            tags[k] = "I-" + etype
    return tags


@lru_cache(maxsize=None)
def load(path: Path | None = None) -> EventRecogniser | None:
    """The bundled model (or the one at ``path``), or None where there is none (the head-word rules still run)."""
    path = path or model_path()
    return EventRecogniser(path) if path.is_file() else None
