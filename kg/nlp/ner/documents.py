"""One name, one label through a document: what the recogniser found in one sentence it finds in the others.

A CRF tags each sentence alone, so a name it reads in a sentence that introduces it ("Tiger Woods carded a
65", "the Bremen Boatmen") can go untagged where the same words come back with less context ("Woods was
second", a results table, a headline). A news document seldom uses one capitalised name for two things, so
within a document (a ``-DOCSTART-`` block of a CoNLL file) a run of capitalised words the recogniser left
untagged takes the label those same words have elsewhere in the document, and a person's last name takes the
person's label ("Woods" after "Tiger Woods"). Where words are tagged with two labels in one document, the
tags stay as they are: on CoNLL-2003's dev split, making such names agree cost more than it gained.

Measured on the dev splits with the model trained on the train splits only (as ``kg train-ner --lang en``
prints them): CoNLL-2003 (216 documents) F1 0.895 -> 0.900, WikiGold (14) 0.570 -> 0.590; sets without
documents (tweets, sentence samples, the Indonesian sets) are read sentence by sentence as before. In ``kg
build`` the mention rules already resolve a name told again, and this agreement over an article moved nothing
that matters (README, the English model), so only ``kg tag`` and ``kg train-ner`` use it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.nlp.ner.corpus import spans

_LINKS = frozenset({"of", "&"})  # inside a capitalised name: "Bank of England", "Procter & Gamble"; "and" joins two


def consistent(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """The tags of one document's sentences (``tags[k]`` for the words ``sentences[k]``), each run of
    capitalised words tagged O labelled as the document labels those words elsewhere: the label of most of
    their spans, else PER where they are the last name of a person's span. A document of one sentence keeps
    the sentence's own tags: ``kg tag`` reads a file without documents so, a sentence at a time."""
    if len(sentences) < 2:
        return [list(found) for found in tags]
    labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    surnames: set[tuple[str, ...]] = set()
    for words, found in zip(sentences, tags):
        for start, end, kind in spans(found):
            labels[tuple(words[start:end])][kind] += 1
            if kind == "PER" and end - start >= 2:
                surnames.add((words[end - 1],))
    if not labels:
        return [list(found) for found in tags]
    out = []
    for words, found in zip(sentences, tags):
        found = list(found)
        for start, end in _untagged_names(words, found):
            name = tuple(words[start:end])
            kind = labels[name].most_common(1)[0][0] if name in labels else "PER" if name in surnames else ""
            if kind:
                found[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        out.append(found)
    return out


def _untagged_names(words: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each longest run of capitalised words tagged O, linking words inside allowed."""
    runs = []
    k, n = 0, len(words)
    while k < n:
        if tags[k] != "O" or not _capitalised(words[k]):
            k += 1
            continue
        end = k + 1
        while end < n and tags[end] == "O" and (
                _capitalised(words[end])
                or (words[end] in _LINKS and end + 1 < n and tags[end + 1] == "O" and _capitalised(words[end + 1]))):
            end += 1
        runs.append((k, end))
        k = end
    return runs


def _capitalised(word: str) -> bool:
    return word[:1].isupper()
