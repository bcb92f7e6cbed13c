"""One place named with and without its kind, or with the city after a venue: "Kabupaten Badung" and "Badung",
"Pulau Nusakambangan" and "Nusakambangan", "Istana Merdeka Jakarta" and "Istana Merdeka".

News names a regency, island or strait with its kind once and without it after, and the recogniser runs a
venue on into the city named after it; each form was a node of its own (on the 450 annotated articles about
a dozen places, each one entity in the gold). A place's words inside exactly one other place's, the rest
being kind words (``lexicons/place_kinds.tsv``) or a listed place at the end, are that place. Two places the
gazetteer lists stay apart ("Bandung" and "Kabupaten Bandung" are a city and a regency), and so does a name
inside two others.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extract.aliases import cut_to
from kg.model import AnalyzedArticle, Mention
from kg.names import norm_key
from kg.nlp import gazetteer
from kg.resources import load_table


def unify_places(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Mentions of a place rekeyed to the one place their names are forms of; a venue named with its city after
    it is shown without the city."""
    gaz = gazetteer.load()
    names: dict[str, tuple[str, ...]] = {}
    written: dict[str, str] = {}  # key -> its longest name as written
    for m in analyzed.mentions:
        if m.type == "Place" and m.key:
            words = tuple(norm_key(m.name or m.text).split())
            if len(words) > len(names.get(m.key, ())):
                names[m.key], written[m.key] = words, m.name or m.text
    target: dict[str, str] = {}
    shown: dict[str, str] = {}  # key -> the name of the venue it names with the city after it
    for key, words in names.items():
        wider = [k for k, other in names.items() if k != key and _form_of(words, other, gaz)]
        if len(wider) != 1 or (key in gaz.entries and wider[0] in gaz.entries):
            continue
        other = names[wider[0]]
        if other[:len(words)] == words and _listed_place(other[len(words):], gaz):
            if wider[0] not in gaz.entries:  # a listed name ("DKI Jakarta") is no venue run on into its city
                target[wider[0]], shown[wider[0]] = key, written[key]  # "Istana Merdeka Jakarta" is "Istana Merdeka"
        else:
            target[key] = wider[0]  # "Badung" is "Kabupaten Badung"
    target = {k: v for k, v in target.items() if v not in target}  # no chains: a place in two pairs stays
    if not target:
        return analyzed
    return replace(analyzed, mentions=[_cut(replace(m, key=target[m.key]), shown[m.key]) if m.key in shown
                                       else replace(m, key=target[m.key]) if m.type == "Place" and m.key in target
                                       else m for m in analyzed.mentions])


def _cut(m: Mention, name: str) -> Mention:
    """A venue's mention without the city the recogniser ran it on into: the span ends where the venue's name
    does ("Istana Merdeka Jakarta" -> "Istana Merdeka"); a mention not written so is shown by the name."""
    cut = cut_to(m, {tuple(norm_key(name).split())})
    return cut if cut is not m else replace(m, name=name)


def _form_of(short: tuple[str, ...], long: tuple[str, ...], gaz: gazetteer.Gazetteer) -> bool:
    """``long`` is ``short`` with kind words around it, or with a listed place after it."""
    if len(long) <= len(short):
        return False
    for start in range(len(long) - len(short) + 1):
        if long[start:start + len(short)] == short:
            rest = long[:start] + long[start + len(short):]
            if all(w in _kinds() for w in rest) or (start == 0 and _listed_place(rest, gaz)):
                return True
    return False


def _listed_place(words: tuple[str, ...], gaz: gazetteer.Gazetteer) -> bool:
    entry = gaz.by_alias(" ".join(words)) if words else None
    return entry is not None and entry.type == "Place"


@lru_cache(maxsize=1)
def _kinds() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in load_table("lexicons/place_kinds.tsv"))
