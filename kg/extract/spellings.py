"""One person or body spelt two ways in one article: "Dudung Abdurachman" and "Dudung Abdurahman", "Luhut
Pandjaitan" and "Luhut Binsar Panjaitan", "Badan Nasional Penanggulangan Teroris" and "... Terorisme".

News copy spells foreign names by ear and Indonesian ones in the old and the new orthography ("dj"/"j",
"ch"/"h"), and cuts a word short; each spelling was a node of its own and a second, unmatched argument of the
same facts (in the 450 annotated articles about a dozen people and bodies, each one entity in the gold). Two
names are one spelling apart when their words pair up in order, each pair equal or near: the same once accents
are dropped, or one edit apart in words of seven letters or more, or a word of seven letters or more that the
other only lengthens by a letter or two ("Teroris", "Terorisme"). Shorter words must be equal: "Rahman" and
"Rahmat", "Rahim" and "Rahman" are different people. A name that fits two others is left alone, unless they are
forms of one name.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.aliases import move_bodies
from kg.model import AnalyzedArticle
from kg.names import norm_key
from kg.nlp import gazetteer

TYPES = ("Person", "Organization")
LONG = 7  # letters from which a word may be misspelt by one edit or cut short


def unify_spellings(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Mentions rekeyed to the one spelling of their entity the article (or the gazetteer) favours: a listed
    body's, else the most mentioned, else the longest."""
    listed = gazetteer.load().entries
    names: dict[str, tuple[str, ...]] = {}
    types: dict[str, str] = {}
    counts: dict[str, int] = {}
    for m in analyzed.mentions:
        if m.type in TYPES and m.key:
            words = tuple(norm_key(m.name or m.text).split())
            if len(words) > len(names.get(m.key, ())):
                names[m.key] = words
            types[m.key] = m.type
            counts[m.key] = counts.get(m.key, 0) + 1

    def rank(key: str) -> tuple[bool, int, int, str]:
        return key in listed, counts[key], len(names[key]), key

    forms = {key: {words, *(tuple(norm_key(f).split()) for f in _listed_names(listed.get(key)))}
             for key, words in names.items()}
    target: dict[str, str] = {}
    for key, words in names.items():
        if key in listed:
            continue
        found = [k for k in names if k != key and types[k] == types[key]
                 and any(len(other) >= len(words) and _spelt_into(words, other) for other in forms[k])]
        found = _one_of_forms(found, names)
        if len(found) == 1 and (len(names[found[0]]) > len(words) or rank(found[0]) > rank(key)):
            target[key] = found[0]
    for key in list(target):  # a chain A -> B -> C ends at C
        seen = {key}
        while target[key] in target and target[key] not in seen:
            seen.add(target[key])
            target[key] = target[target[key]]
    if not target:
        return analyzed
    mentions = [replace(m, key=target[m.key]) if m.type in TYPES and m.key in target else m for m in analyzed.mentions]
    return replace(analyzed, mentions=move_bodies(mentions, {
        key: found for key, found in target.items() if types[key] == "Organization"}))


def _one_of_forms(found: list[str], names: dict[str, tuple[str, ...]]) -> list[str]:
    """Two names it fits that are forms of one name, the shorter's words inside the longer's in order ("Luhut
    Panjaitan", "Luhut Binsar Panjaitan"), are one target, the longer, as ``unify_people`` makes them next."""
    if len(found) < 2:
        return found
    longest = max(found, key=lambda k: (len(names[k]), k))
    inside = all(k == longest or _inside(names[k], names[longest]) for k in found)
    return [longest] if inside else found


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _listed_names(entry: gazetteer.GazetteerEntry | None) -> list[str]:
    return [*entry.labels.values(), *entry.aliases] if entry is not None else []


def _spelt_into(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words of ``short`` pair up in order with some of ``long``'s, at least one pair only near
    (equal names are one key already; a name inside another is ``unify_people``'s)."""
    k, near = 0, False
    for word in short:
        while k < len(long) and not _near(word, long[k], cut=len(short) > 1):
            k += 1
        if k == len(long):
            return False
        near |= word != long[k]
        k += 1
    return near


def _near(a: str, b: str, cut: bool = True) -> bool:
    """Equal or near; a word cut short (``cut``) only inside a longer name: "Commandos" alone is no "Command"."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < LONG or a[0] != b[0]:
        return False
    if cut and long.startswith(short) and len(long) - len(short) <= 2:
        return True
    return len(long) - len(short) <= 1 and _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[k:] == long[k + 1:]
