"""Words that the entity recognisers' training data never has in a person's name, learnt from its labels.

A title's rules take the capitalised words after a title for its holder's name. Government reports and tables
capitalise every word, so "District Secretary Introduction", "Chief Accountant" and "Chief Internal Auditor"
named people "Introduction", "Accountant" and "Auditor". Case habits cannot tell these from a surname (the
reports capitalise "accountant" as often as news does "Bishop"); the labels can: across the English NER train
splits "auditor" is capitalised outside any name 35 times and never inside a person's, "bishop" is a person's
name once. A word capitalised mid-sentence outside every entity at least ``MIN_SEEN`` times and never inside
a person's name is such a word (``never_names``); ``title_names.no_name_after`` reads them.

Learning is a count over the labelled train splits the recogniser is trained on (no test split, no dev split),
deterministic, and runs with ``python -m kg.nlp.ner.learn_name_words --lang en [NER_DATA]``; the result is a word
list in ``data/models/`` (words only, no text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from kg.nlp.ner.corpus import Sentence
from kg.resources import data_dir

MIN_SEEN = 5  # capitalised outside any entity at least this often (rarer words say too little either way)


def words_path(language: str) -> Path:
    return data_dir() / "models" / f"never-names-{language}.tsv"


def learn(sentences: Iterable[Sentence]) -> list[str]:
    """The lower-cased words written with a capital mid-sentence outside any entity at least ``MIN_SEEN``
    times and never inside a person's name, sorted. A sentence's first word is capitalised whatever it is, so
    it counts only when it is inside a person's name."""
    outside: Counter[str] = Counter()
    in_person: set[str] = set()
    for words, tags in sentences:
        for i, (word, tag) in enumerate(zip(words, tags)):
            low = word.lower()
            if tag.endswith("-PER"):
                in_person.add(low)
            elif tag == "O" and i > 0 and word[:1].isupper() and word.isalpha():
                outside[low] += 1
    return sorted(w for w, n in outside.items() if n >= MIN_SEEN and w not in in_person)


@lru_cache(maxsize=None)
def never_names(language: str) -> frozenset[str]:
    """The bundled words of a language; none where no file is shipped (the title rules then read as before)."""
    path = words_path(language)
    if not path.is_file():
        return frozenset()
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return frozenset(rows[1:])  # below the column's name, "word"


def write(path: Path, words: list[str], header: list[str]) -> None:
    lines = [f"# {line}" for line in header] + ["word", *words]
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
