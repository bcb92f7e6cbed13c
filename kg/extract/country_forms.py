"""One body named with and without its country, or in two spellings: "Indonesia's Corruption Eradication
Commission" and "Corruption Eradication Commission", "Japan Coast Guard" and "Japanese Coast Guard",
"Organisation" and "Organization of Islamic Cooperation"; "Kepolisian RI" and the listed "Kepolisian Republik
Indonesia". A short form of ``aliases``, kept apart as it reads
the gazetteer's countries, their adjectives and possessives, and the spelling lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from kg.names import norm_key
from kg.nlp import gazetteer, lexicon

Form = tuple[str, ...]


def country_named(key: str, forms: dict[str, set[Form]], cores: dict[str, set[tuple[str, Form]]],
                  listed: set[str]) -> str | None:
    """The body ``key`` is the same as, named with and without its country before it (as a name, an
    adjective or a possessive) or in two spellings: the listed (gazetteer) body, else the form with the
    country. A name without a country that two countries' bodies share ("the National Police" beside the Thai
    and the Philippine National Police) is left alone. ``forms``: each entity's names as words; ``cores``:
    each body's ``country_core`` forms, both built once per article."""
    if key not in cores:
        return None
    mine = cores[key]
    gaz = gazetteer.load()

    def rank(k: str) -> tuple[bool, int, str]:  # the form with a country, then the longest, is the one kept
        return any(c for c, _core in cores[k]), max(len(f) for f in forms[k]), k

    found = []
    for k, theirs in cores.items():
        if k == key:
            continue
        home = f"country:{gaz.entries[k].country.lower()}" if k in listed else ""  # a listed body's own country
        if any(core == own and len(core) >= 2 and (country == c or not c or (not country and (k not in listed or home == c)))
               for country, core in theirs for c, own in mine) and (k in listed or rank(k) > rank(key)):
            found.append(k)
    return found[0] if len(set(found)) == 1 else None


def country_core(form: Form) -> tuple[str, Form]:
    """A body's name as (the key of the country it opens with or "", the rest in one spelling)."""
    countries = _country_words()
    for n in (3, 2, 1):
        head = form[:n - 1] if n >= 2 and form[n - 1:n] == ("s",) else form[:n]  # "indonesia s": a possessive
        if len(form) > n and head in countries:
            return countries[head], tuple(_american(w) for w in form[n:])
    return "", tuple(_american(w) for w in form)


@lru_cache(maxsize=1)
def _country_words() -> dict[Form, str]:
    """Every name, alias and adjective of a gazetteer country, as words."""
    out: dict[Form, str] = {}
    for entry in gazetteer.load().entries.values():
        if entry.type == "Country":
            for name in [*entry.labels.values(), *entry.aliases, *entry.adjectives]:
                out.setdefault(tuple(norm_key(name).split()), entry.key)
    out.pop((), None)
    return out


def _american(word: str) -> str:
    spelled = lexicon.spellings().get(word, word)
    return spelled[:-7] + "ization" if spelled.endswith("isation") else spelled


HOME = frozenset({"ri", "republik indonesia", "indonesia"})  # the home country of Indonesian news: a body's own
HOME_FORMS = ("republik indonesia", "ri", "indonesia")  # the forms tried in the gazetteer, the formal one first


def home_tails(words: Form, keep: int = 1) -> Iterator[int]:
    """How many last words of a name give its home country ("Republik Indonesia", then "RI", "Indonesia"),
    longest first, leaving at least ``keep`` words of the name before them."""
    return (n for n in (2, 1) if len(words) - n >= keep and " ".join(words[-n:]) in HOME)


def home_listed(forms: set[Form], gaz: gazetteer.Gazetteer) -> str | None:
    """The listed body a name denotes that gives its home country in another form than the gazetteer's:
    "Kepolisian RI" and "Kepolisian Indonesia" are "Kepolisian Republik Indonesia", Polri, where the article
    names it no other way. None for a name whose form without the country is the listed one (the gazetteer
    found those)."""
    for form in sorted(forms):
        for n in home_tails(form):
            head = " ".join(form[:-n])
            found = [gaz.by_alias(f"{head} {home}") for home in HOME_FORMS]
            listed = next((e for e in found if e is not None and e.type == "Organization"), None)
            if listed is not None:
                return listed.key
    return None
