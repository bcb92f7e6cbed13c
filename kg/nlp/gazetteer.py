"""The gazetteers of countries, organisations and places as one phrase index over tokens.

A phrase matches on its tokens with full stops ignored ("Dalam.Negeri" = "Dalam Negeri"); an alias in
capitals ("AS", "BIN") matches only in capitals, so the Indonesian word "as" or the English "bin" is never a
country or an agency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.names import norm_key
from kg.nlp.tokens import Token, tokenize
from kg.resources import load_table, split_list


@dataclass
class GazetteerEntry:
    key: str
    type: str
    labels: dict[str, str]  # language -> canonical name
    aliases: list[str] = field(default_factory=list)
    iso: str = ""
    wikidata: str = ""
    country: str = ""
    adjectives: list[str] = field(default_factory=list)
    kind: str = ""  # a place's kind: "province", "city", ...
    suffixed: list[tuple[str, ...]] = field(default_factory=list)  # its names with its country's suffix, as written

    @property
    def country_key(self) -> str:
        """The key of the country the entry is, or that its place or body belongs to ("country:id" for Jakarta
        and for Indonesia); "" where the gazetteer lists none."""
        if self.type == "Country":
            return self.key
        return f"country:{self.country.lower()}" if self.country else ""


POSSESSIVE = ("'s", "’s")


def without_possessive(word: str) -> str:
    """"Australia's" -> "Australia"; a word not in the possessive stays as it is."""
    return word[:-2] if word.endswith(POSSESSIVE) else word


def phrase_prefixes(phrases: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Every leading part of every phrase: a longest-match scan stops at the first span no phrase starts with."""
    return frozenset(key[:n] for key in phrases for n in range(1, len(key) + 1))


def token_key(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokens if t.text != ".")


@dataclass
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    phrases: dict[tuple[str, ...], list[tuple[str, bool]]]  # token key -> [(entry key, case-sensitive)]
    longest: int
    adjectives: dict[str, str] = field(default_factory=dict)  # "indonesian" -> country key
    prefixes: frozenset[tuple[str, ...]] = frozenset()  # every leading part of every phrase, to stop early
    state_forms: frozenset[tuple[str, ...]] = frozenset()  # "kerajaan", "republic of": before a country's name
    form_starts: frozenset[str] = frozenset()  # their first words, to try them only there
    branch_prefixes: frozenset[tuple[str, ...]] = frozenset()  # "pengurus wilayah", "kanwil": a province's office
    branch_levels: frozenset[tuple[str, ...]] = frozenset()  # "provinsi": between a body and its province
    # memos of pure look-ups: an entry's names as written (for exact aliases), and by_alias answers
    _forms: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict, repr=False, compare=False)
    _aliases: dict[str, GazetteerEntry | None] = field(default_factory=dict, repr=False, compare=False)

    def match(self, tokens: list[Token], i: int) -> tuple[int, GazetteerEntry] | None:
        """The longest entry starting at token ``i``: (number of tokens consumed, entry)."""
        best = self._listed(tokens, i)
        formal = self._formal(tokens, i) if tokens[i].is_cap and tokens[i].text.lower() in self.form_starts else None
        return formal if formal and (best is None or formal[0] > best[0]) else best

    def _listed(self, tokens: list[Token], i: int) -> tuple[int, GazetteerEntry] | None:
        """The longest entry whose name or alias starts at token ``i``."""
        if not tokens[i].is_cap and not tokens[i].text[:1].isdigit():
            return None
        best: tuple[int, GazetteerEntry] | None = None
        limit = min(len(tokens), i + self.longest * 2)
        words: list[str] = []
        for j in range(i + 1, limit + 1):
            span_end = tokens[j - 1]
            if span_end.text == ".":
                continue
            word = span_end.text.lower()
            key_words = (*words, word)
            if key_words not in self.prefixes:
                bare = without_possessive(word)
                if words and bare != word:  # "Papua New Guinea's army": a name of several words in the possessive
                    found = self._entry((*words, bare), tokens[i:j], possessive=True)
                    best = (j - i, found) if found else best
                break  # no phrase goes on like this: stop growing the span
            words.append(word)
            found = self._entry(key_words, tokens[i:j]) if key_words in self.phrases else None
            best = (j - i, found) if found else best
        return best

    def _formal(self, tokens: list[Token], i: int) -> tuple[int, GazetteerEntry] | None:
        """A country by its formal name ("Kerajaan Belanda", "Republik Demokratik Timor-Leste", "Kingdom of
        the Netherlands"): a state form of ``gazetteers/state_forms.tsv``, then the country's name. A phrase
        that is another entry's own name keeps it ("Republic of China" is Taiwan's)."""
        best = None
        for n in range(1, 5):
            if i + n >= len(tokens) or token_key(tokens[i:i + n]) not in self.state_forms:
                continue
            at = i + n + (tokens[i + n].text.lower() == "the")
            found = self._listed(tokens, at) if at < len(tokens) else None  # forms do not chain
            if found and found[1].type == "Country":
                best = (at - i + found[0], found[1])
        return best

    def _entry(self, key_words: tuple[str, ...], span: list[Token], possessive: bool = False) -> GazetteerEntry | None:
        for key, exact in self.phrases.get(key_words, ()):
            if exact:  # an alias in capitals matches only as written
                written = [t.text for t in span if t.text != "."]
                if possessive:
                    written[-1] = without_possessive(written[-1])
                if tuple(written) not in self._written(key):
                    continue
            return self.entries[key]
        return None

    def _written(self, key: str) -> frozenset[tuple[str, ...]]:
        """The entry's names as written, each as its tokens without full stops."""
        forms = self._forms.get(key)
        if forms is None:
            entry = self.entries[key]
            forms = self._forms[key] = frozenset([*(tuple(t.text for t in tokenize(form) if t.text != ".")
                                                    for form in [*entry.labels.values(), *entry.aliases]),
                                                  *entry.suffixed])
        return forms

    def owner(self, word: str) -> str:
        """The key of the country or body one word names as an owner: a possessive of a listed country or body
        ("Australia's", "BNPT's") or a country's adjective ("Indonesian"); "" for any other word."""
        bare = without_possessive(word)
        entry = self.by_alias(bare) if bare != word else None
        if entry is not None and entry.type in ("Organization", "Country"):
            return entry.key
        return self.adjectives.get(word.lower(), "")

    def by_alias(self, name: str) -> GazetteerEntry | None:
        if name in self._aliases:
            return self._aliases[name]
        found = None
        for key, _exact in self.phrases.get(token_key(tokenize(name)), ()):
            found = self.entries[key]
            break
        if len(self._aliases) < 100_000:
            self._aliases[name] = found
        return found


def _is_exact(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    entries: dict[str, GazetteerEntry] = {}
    for row in load_table("gazetteers/countries.tsv"):
        key = f"country:{row['iso'].lower()}"
        entries[key] = GazetteerEntry(
            key, "Country", {"id": row["name_id"], "en": row["name_en"]}, split_list(row["aliases"]),
            iso=row["iso"], wikidata=row["wikidata"], adjectives=split_list(row["adjectives"]),
        )
    for row in load_table("gazetteers/organizations.tsv"):
        key = f"org:{norm_key(row['name_id'])}"
        entries[key] = GazetteerEntry(
            key, "Organization", {"id": row["name_id"], "en": row["name_en"] or row["name_id"]},
            split_list(row["aliases"]), wikidata=row["wikidata"], country=row["country"],
        )
    for row in load_table("gazetteers/places.tsv"):
        key = f"place:{norm_key(row['name'])}"
        entries[key] = GazetteerEntry(
            key, "Place", {"id": row["name"], "en": row["name"]}, split_list(row["aliases"]),
            wikidata=row["wikidata"], country=row["country"], kind=row["kind"],
        )
    phrases: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
    for key, entry in entries.items():
        for form in sorted({*entry.labels.values(), *entry.aliases}):  # sorted: the same index in every process
            toks = token_key(tokenize(form))
            if toks:
                _index(phrases, toks, key, form)
    _with_suffixes(entries, phrases)
    longest = max(len(k) for k in phrases)
    adjectives = {a.lower(): key for key, entry in entries.items() for a in entry.adjectives}
    forms = frozenset(token_key(tokenize(row["form"])) for row in load_table("gazetteers/state_forms.tsv"))
    branch_words = load_table("gazetteers/branch_words.tsv")
    return Gazetteer(entries, phrases, longest, adjectives, phrase_prefixes(phrases), forms,
                     frozenset(form[0] for form in forms),
                     frozenset(token_key(tokenize(row["form"])) for row in branch_words if row["place"] == "before"),
                     frozenset(token_key(tokenize(row["form"])) for row in branch_words if row["place"] == "between"))


def _with_suffixes(entries: dict[str, GazetteerEntry], phrases: dict[tuple[str, ...], list[tuple[str, bool]]]) -> None:
    """A body's names followed by a suffix its country's press writes after them (``country_suffixes.tsv``:
    "BNN RI", "Kementerian Kesehatan Republik Indonesia") name the body: without them the suffix read as the
    country, a party beside the body ("BNN RI menandatangani ...": Indonesia signing), and an unlisted form with
    the suffix ("Kementerian Kesehatan RI") as a body of its own. A phrase that already names an entry keeps it.
    The forms go into the index only, not among the body's aliases, which every article's graph repeats."""
    suffixes: dict[str, list[list[Token]]] = {}
    for row in load_table("gazetteers/country_suffixes.tsv"):
        suffixes.setdefault(row["country"], []).append(tokenize(row["suffix"]))
    taken = set(phrases)
    for key, entry in entries.items():
        if entry.type != "Organization" or entry.country not in suffixes:
            continue
        for form in sorted({*entry.labels.values(), *entry.aliases}):
            tokens = tokenize(form)
            for suffix in suffixes[entry.country]:
                toks = token_key([*tokens, *suffix])
                if toks not in taken and _index(phrases, toks, key, form):
                    entry.suffixed.append(tuple(t.text for t in [*tokens, *suffix] if t.text != "."))


def _index(phrases: dict[tuple[str, ...], list[tuple[str, bool]]], toks: tuple[str, ...], key: str, form: str) -> bool:
    """Index ``toks`` as a name of entry ``key`` (written ``form``) unless it already is one; whether it was added."""
    slot = phrases.setdefault(toks, [])
    if any(k == key for k, _ in slot):
        return False
    slot.append((key, _is_exact(form)))
    return True
