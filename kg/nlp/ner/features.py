"""Token features for the Indonesian entity recogniser: word form, shape, affixes, lexicon and gazetteer
hits, word clusters (``clusters.py``, ``data/models/clusters-id.tsv``) and neighbours.

The same function serves training and tagging, so a model can never be fed features it was not trained
with. Per-word features are cached by word: news repeats its vocabulary. Tagging time is about half
building features and half crfsuite looking each known feature up (see the README's speed figures).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from kg.nlp.gazetteer import load as load_gazetteer
from kg.nlp.lexicon import load as load_lexicon
from kg.nlp.ner.attributes import Feature, Known, known_only
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.tokens import Token
from kg.resources import function_words, load_table

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
        aliases = entry.aliases
        if entry.type == "Country":
            # Formal names ("Democratic Republic of the Congo", "Federal Republic of ...") would make their common
            # words country-class and blur where event and agreement names end; short names carry the class.
            aliases = [alias for alias in aliases if len(alias.split()) == 1]
        for form in (*entry.labels.values(), *aliases):
            add(form, f"gaz:{entry.type}")
        for adjective in entry.adjectives:
            add(adjective, "gaz:adjective")
    for language in ("id", "en"):
        lex = load_lexicon(language)
        for key in lex.titles:  # a title's connectors ("of the", "in") are no title words
            add(" ".join(word for word in key if word not in function_words()), "title")
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


def word_features(word: str) -> tuple[str, ...]:
    """Features of a word on its own, without position; neighbours reuse a subset of them."""
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}", f"s3={lower[-3:]}", f"s2={lower[-2:]}", f"p3={lower[:3]}",
             f"s4={lower[-4:]}", f"p2={lower[:2]}", f"p4={lower[:4]}"]
    feats += surface_flags(word, "-.")
    feats.extend(_word_classes().get(lower, ()))
    feats.extend(load_clusters("id").features(word))
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


def context_features(word: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The word's features as a neighbour sees them, for the recogniser of either language: one and two to the
    left, one and two to the right (prefixed once here, not per token: tagging speed is feature-building speed)."""
    lower = word.lower()
    shape = _shape(word)
    feats = [f"w={lower}", f"sh={shape}"]
    feats.extend(_word_classes().get(lower, ()))
    feats.extend(load_clusters(language).features(word, short=True))
    return (tuple("-1" + f for f in feats), tuple("+1" + f for f in feats),
            (f"-2w={lower}", f"-2sh={shape}"), (f"+2w={lower}", f"+2sh={shape}"))


def gazetteer_spans(words: list[str]) -> list[str | None]:
    """Per word, where a gazetteer name covers it: "gz=B-Country", "gz=I-Place", ... or None."""
    gaz = load_gazetteer()
    marks: list[str | None] = [None] * len(words)
    tokens: list[Token] = []
    i = 0
    while i < len(words):
        if (words[i].lower(),) not in gaz.prefixes:  # no name starts with this word: skip the matcher
            i += 1
            continue
        tokens = tokens or [Token(0, 0, w) for w in words]
        hit = gaz.match(tokens, i)
        if hit is None:
            i += 1
            continue
        length, entry = hit
        for k in range(i, i + length):
            marks[k] = f"gz={'B' if k == i else 'I'}-{entry.type}"
        i += length
    return marks


_known_word_features = known_only(word_features, 200_000)
_known_context_features = known_only(context_features, 400_000)


def word_pairs(words: list[str], known: Known) -> tuple[list[Feature], list[Feature]]:
    """Each pair of neighbouring words as the second word sees it ("bi-1=...") and as the first does
    ("bi+1=..."); with ``known``, encoded for crfsuite, and empty where the model knows the pair not."""
    pairs = [f"{a.lower()}|{b.lower()}" for a, b in zip(words, words[1:])]
    before: list[Feature] = ["bi-1=" + p for p in pairs]
    after: list[Feature] = ["bi+1=" + p for p in pairs]
    if known is not None:
        before = [f.encode() if f in known else b"" for f in before]  # type: ignore[union-attr]
        after = [f.encode() if f in known else b"" for f in after]  # type: ignore[union-attr]
    return before, after


def sentence_features(words: list[str], known: Known = None) -> list[list[Feature]]:
    """One feature list per word of a pre-tokenised sentence; with ``known`` (the model's attributes, when
    tagging), only the features the model knows, in the same order, the cached ones as bytes."""
    n = len(words)
    gz = gazetteer_spans(words)
    own = [_known_word_features(known, w) for w in words]
    near = [_known_context_features(known, w, "id") for w in words]
    before, after = word_pairs(words, known)
    out: list[list[Feature]] = []
    for i in range(n):
        feats: list[Feature] = ["bias", *own[i]]
        if gz[i]:
            feats.append(gz[i])  # type: ignore[arg-type]
        if i == 0:
            feats.append("BOS")
        else:
            feats += near[i - 1][0]
            if gz[i - 1]:
                feats.append(f"-1{gz[i - 1]}")
            if before[i - 1]:
                feats.append(before[i - 1])
            if i > 1:
                feats += near[i - 2][2]
        if i == n - 1:
            feats.append("EOS")
        else:
            feats += near[i + 1][1]
            if gz[i + 1]:
                feats.append(f"+1{gz[i + 1]}")
            if after[i]:
                feats.append(after[i])
            if i < n - 2:
                feats += near[i + 2][3]
        out.append(feats)
    return out


def featurizer(language: str) -> Callable[[list[str], Known], list[list[Feature]]]:
    """The sentence feature function a language's model was trained with."""
    if language == "en":
        from kg.nlp.ner.english import sentence_features as english

        return english
    return sentence_features
