"""Token features for the entity recogniser: word form, shape, affixes, neighbours and lexicon hits.

The same function serves training and tagging, so a model can never be fed features it was not trained
with. Per-word features are cached by word: news repeats its vocabulary, and feature extraction, not the
CRF, is what costs time when tagging.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from kg.nlp.gazetteer import load as load_gazetteer
from kg.nlp.lexicon import load as load_lexicon
from kg.resources import load_table

_SHAPE_RUN = re.compile(r"(.)\1+")
_TRANSLATE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxxdddddddddd",
)


def _two(match: re.Match[str]) -> str:
    return match.group(1) * 2


@lru_cache(maxsize=200_000)
def _shape(word: str) -> str:
    shape = word.translate(_TRANSLATE)
    if not shape.isascii():
        shape = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUN.sub(_two, shape)[:6]  # a function, not the template r"\1\1": the template is slow to expand


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    """Lower-cased word -> classes it belongs to in the bundled gazetteers and lexicons."""
    classes: dict[str, set[str]] = {}

    def add(phrase: str, label: str) -> None:
        for word in re.findall(r"[^\W_]+", phrase.lower()):
            classes.setdefault(word, set()).add(label)

    gaz = load_gazetteer()
    for entry in gaz.entries.values():
        for form in (*entry.labels.values(), *entry.aliases):
            add(form, f"gaz:{entry.type}")
        for adjective in entry.adjectives:
            add(adjective, "gaz:adjective")
    for language in ("id", "en"):
        lex = load_lexicon(language)
        for key in lex.titles:
            add(" ".join(key), "title")
        for key in lex.ranks:
            add(" ".join(key), "rank")
        for key in lex.degrees:
            add(" ".join(key), "degree")
        for word in lex.role_words:
            add(word, "role")
        for key, (etype, _position) in lex.heads.items():
            add(" ".join(key), f"head:{etype}")
    for row in load_table("lexicons/ner/person_cues.tsv"):
        add(row["word"], "cue:" + row["cue"])
    return {word: tuple(sorted(labels)) for word, labels in classes.items()}


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Features of a word on its own, without position; neighbours reuse a subset of them."""
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}", f"s3={lower[-3:]}", f"s2={lower[-2:]}", f"p3={lower[:3]}"]
    feats += surface_flags(word, "-.")
    feats.extend(_word_classes().get(lower, ()))
    return tuple(feats)


def surface_flags(word: str, punctuation: str) -> list[str]:
    """Capitalisation, digits, inner punctuation and length of a word, for the recogniser of either language."""
    flags = []
    if word[:1].isupper():
        flags.append("cap")
        if word.isupper() and len(word) > 1:
            flags.append("upper")
    if any(c.isdigit() for c in word):
        flags.append("digit")
    if any(c in word for c in punctuation):
        flags.append("punct-in")
    if len(word) == 1:
        flags.append("len1")
    return flags


@lru_cache(maxsize=200_000)
def _context_features(word: str) -> tuple[str, ...]:
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}"]
    feats.extend(_word_classes().get(lower, ()))
    return tuple(feats)


def sentence_features(words: list[str]) -> list[list[str]]:
    """One feature list per word of a pre-tokenised sentence."""
    n = len(words)
    own = [word_features(w) for w in words]
    near = [_context_features(w) for w in words]
    lowers = [w.lower() for w in words]
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *own[i]]
        if i == 0:
            feats.append("BOS")
        else:
            feats.extend("-1" + f for f in near[i - 1])
            feats.append(f"bi-1={lowers[i - 1]}|{lowers[i]}")
            if i > 1:
                feats.append(f"-2w={lowers[i - 2]}")
                feats.append(f"-2sh={near[i - 2][1]}")
        if i == n - 1:
            feats.append("EOS")
        else:
            feats.extend("+1" + f for f in near[i + 1])
            feats.append(f"bi+1={lowers[i]}|{lowers[i + 1]}")
            if i < n - 2:
                feats.append(f"+2w={lowers[i + 2]}")
                feats.append(f"+2sh={near[i + 2][1]}")
        out.append(feats)
    return out


def featurizer(language: str) -> Callable[[list[str]], list[list[str]]]:
    """The sentence feature function a language's model was trained with."""
    if language == "en":
        from kg.nlp.ner.english import sentence_features as english

        return english
    return sentence_features
