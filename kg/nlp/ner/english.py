"""Token features for the English entity recogniser.

English marks names by capitals, so the telling signals differ from Indonesian: whether a capitalised word
is also seen in lower case (a common word at the start of a sentence) or only capitalised (a name), word
clusters learnt offline from unlabelled text (``clusters.py``: "Jakarta" and "Canberra" share a cluster even
when only one was in the training data), longer affixes ("-ski", "-stan", "Mc-"), headlines set in
capitals, and the same gazetteer and title-lexicon hits as the Indonesian features.
"""

from __future__ import annotations

from functools import lru_cache

from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.ner.attributes import Feature, Known, known_only
from kg.nlp.ner.features import _known_context_features, _shape, _word_classes, surface_flags, word_pairs
from kg.resources import load_table


def word_features(word: str) -> tuple[str, ...]:
    """Features of a word on its own, without position."""
    lower = word.lower()
    feats = [f"w={lower}", f"sh={_shape(word)}", f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"s4={lower[-4:]}",
             f"p2={lower[:2]}", f"p3={lower[:3]}"]
    feats += surface_flags(word, "-.'")
    feats.extend(_word_classes().get(lower, ()))
    feats.extend(load_clusters("en").features(word))
    return tuple(feats)


def _headline(words: list[str]) -> bool:
    """A headline or dateline set in capitals ("BRUSSELS 1996-08-22"): capitals then say nothing."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return len(letters) > 1 and sum(w.isupper() for w in letters) * 2 > len(letters)


def title_case(words: list[str]) -> bool:
    """A headline in title case ("Jokowi Officially Opens Regional Meeting"): every word of four letters or
    more capitalised, verbs too, but for the prepositions some styles keep in lower case ("Visit to Kuala
    Lumpur from 25-26 January"). A share of capitals is not enough: diplomatic running text lists titles and
    names ("Austin also met with Papua New Guinea's Minister for Defense Win Bakri Daki, Secretary for
    Defense ...") and keeps its verbs and adverbs in lower case, which a title-case headline never does."""
    long = [w for w in words if len(w) > 3 and w.isalpha()]
    lower = _headline_lower()
    return len(long) >= 3 and all(w[:1].isupper() or w in lower for w in long) and any(w[:1].isupper() for w in long)


@lru_cache(maxsize=1)
def _headline_lower() -> frozenset[str]:
    return frozenset(row["word"] for row in load_table("lexicons/en/headline_lower.tsv"))


def _as_running_text(words: list[str]) -> list[str]:
    """A title-case headline with the words running text writes in lower case lowered, so that its
    capitals say what they say in a sentence: "Jokowi officially opens regional meeting"."""
    case = load_clusters("en").case
    return [w.lower() if i and case.get(w.lower()) in ("lower", "mixed") else w for i, w in enumerate(words)]


_known_word_features = known_only(word_features, 200_000)


def sentence_features(words: list[str], known: Known = None) -> list[list[Feature]]:
    """One feature list per word of a pre-tokenised sentence; with ``known`` (the model's attributes, when
    tagging), only the features the model knows, in the same order, the cached ones as bytes."""
    if title_case(words):
        words = _as_running_text(words)
    n = len(words)
    own = [_known_word_features(known, w) for w in words]
    near = [_known_context_features(known, w, "en") for w in words]
    before, after = word_pairs(words, known)
    headline = _headline(words)
    out: list[list[Feature]] = []
    for i in range(n):
        feats: list[Feature] = ["bias", *own[i]]
        if headline:
            feats.append("headline")
        if i == 0:
            feats.append("BOS")
        else:
            feats.extend(near[i - 1][0])
            if before[i - 1]:
                feats.append(before[i - 1])
            if i > 1:
                feats.extend(near[i - 2][2])
        if i == n - 1:
            feats.append("EOS")
        else:
            feats.extend(near[i + 1][1])
            if after[i]:
                feats.append(after[i])
            if i < n - 2:
                feats.extend(near[i + 2][3])
        out.append(feats)
    return out
