"""Whose country a person's name reads as: letters of names learnt from the annotated posts, as evidence for
which country a post belongs to.

A title that names no body ("Defense Minister Nobuo Kishi", "Prime Minister Imran Khan") gives a post to a
country the article only implies (GUIDELINES: a minister's post belongs to the country), and the candidates
offer the article's most named countries (``candidates.implied_posts``). Which of them is the person's, the
words around the name rarely say; the name often does: its letters are Japanese, Korean, Spanish, Arabic,
Indonesian. So the relation model learns, from the posts the annotators gave to countries in its training
articles, how likely each country is to hold a name with these letter sequences (a multinomial naive Bayes
over the names' letter trigrams and four-grams), and each post candidate to a country gets the country's rank
for the name as a feature, among the person's candidate countries and among every country learnt. The model
holds letter sequences, not names: whole words as features too (the genre's ministers recur) measured the
same (-0.0008 +- 0.0009, paired).

Measured (session 71): of the 143 people of the English training articles whose right country was among their
implied candidates, such a model of every other article's posts (then with whole words too) ranked it first
for 108 (90 when every name sharing a word with the person's was left out); the article's most named country
was it for 74. In the relation model, paired over twelve assignments of the 450 annotated articles to folds
(``bench/where_it_acts.py``): claims F1 +0.0051 +- 0.0021 (English +0.0122, English posts +0.039), and
+0.0049 +- 0.0016 on twelve others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

PRIOR = 0.1  # additive smoothing of a letter sequence's count in a country
COUNTRY = "country:"  # the key prefix of a country entity
PERSON = "person:"
POST = "holds_position"


def grams(name: str) -> list[str]:
    """The letter trigrams and four-grams of each word of the name, with its edges marked."""
    out: list[str] = []
    for word in re.findall(r"\w+", name.lower()):
        if word.isdigit():
            continue
        marked = f"^{word}$"
        out += [marked[i:i + 3] for i in range(len(marked) - 2)]
        out += [marked[i:i + 4] for i in range(len(marked) - 3)]
    return out


def person_name(key: str) -> str:
    return key[len(PERSON):] if key.startswith(PERSON) else key


@dataclass
class NameOrigin:
    """Per country, the counts of the letter sequences of the names of the people holding its posts."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    vocabulary: int = 1
    _total: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # filled on first use
    _logs: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def fit(cls, posts: Iterable[tuple[str, str]]) -> NameOrigin:
        """From (person key, country key) pairs: each pair once per article is the caller's to ensure."""
        counts: dict[str, Counter[str]] = {}
        for person, country in posts:
            counts.setdefault(country, Counter()).update(grams(person_name(person)))
        vocabulary = len({g for c in counts.values() for g in c}) or 1
        return cls(counts, vocabulary)

    def ranks(self, person: str, countries: Iterable[str],
              held_out: dict[str, Counter[str]] | None = None) -> dict[str, int]:
        """The rank (1 = likeliest) of each country among every country learnt, for the person's name; a
        country the model never saw is left out. ``held_out``: counts to take away first (an article's own
        posts, when the article is one the model learnt from)."""
        own = grams(person_name(person))
        if not own:
            return {}
        scores = {c: self._score(own, c, (held_out or {}).get(c)) for c in self.counts}
        wanted = [c for c in dict.fromkeys(countries) if c in scores]
        ordered = sorted(scores.values(), reverse=True)
        return {c: 1 + ordered.index(scores[c]) for c in wanted}

    def _score(self, own: list[str], country: str, minus: Counter[str] | None) -> float:
        """The mean log-probability of the name's letter sequences in the country, summed in the name's own
        order (the same sum each run)."""
        if minus:  # an article the model learnt from, its own posts taken away
            counts = self.counts[country]
            total = self._totals()[country] - sum(minus.values())
            if total <= 0:
                return -math.inf
            denominator = math.log(total + PRIOR * self.vocabulary)
            return sum([math.log(counts[g] - minus[g] + PRIOR) - denominator for g in own]) / len(own)
        table, unseen = self._table(country)
        return sum([table.get(g, unseen) for g in own]) / len(own)

    def _table(self, country: str) -> tuple[dict[str, float], float]:
        """Each letter sequence's log-probability in the country, and that of one it never holds."""
        if country not in self._logs:
            denominator = math.log(self._totals()[country] + PRIOR * self.vocabulary)
            self._logs[country] = ({g: math.log(n + PRIOR) - denominator for g, n in self.counts[country].items()},
                                   math.log(PRIOR) - denominator)
        return self._logs[country]

    def _totals(self) -> dict[str, int]:
        if not self._total:
            self._total.update({c: sum(n.values()) for c, n in self.counts.items()})
        return self._total

    def to_dict(self) -> dict[str, object]:
        return {"vocabulary": self.vocabulary,
                "countries": {c: dict(sorted(self.counts[c].items())) for c in sorted(self.counts)}}

    @classmethod
    def from_dict(cls, payload: dict[str, object]) -> NameOrigin:
        countries = payload["countries"]
        if not isinstance(countries, dict):
            raise TypeError("origin: countries is not a mapping")
        return cls({c: Counter(grams_) for c, grams_ in countries.items()},  # the file's own counts, as written
                   int(payload["vocabulary"]))  # type: ignore[arg-type]


def country_posts(claims: Iterable[tuple[str, str, str | None]]) -> list[tuple[str, str]]:
    """The (person key, country key) pairs of the posts to countries among right claims (relation, subject,
    object), each once: what the model learns from one article."""
    return list(dict.fromkeys((s, o) for r, s, o in claims if r == POST and o is not None and o.startswith(COUNTRY)))


def own_counts(posts: Iterable[tuple[str, str]]) -> dict[str, Counter[str]]:
    """The letter-sequence counts one article's posts add to the model (to take away when scoring it)."""
    return NameOrigin.fit(posts).counts


def features(origin: NameOrigin, candidates: list[tuple[str, str, str | None]],
             held_out: dict[str, Counter[str]] | None = None) -> list[list[str]]:
    """Per candidate (relation, subject key, object key) of one article, the name model's features: for a post
    to a country, whether the country is the likeliest for the person's name among the person's candidate
    countries (``origin=top`` / ``below``, ``alone`` when only one is offered) and its rank among every
    country learnt (1, 2-3, 4 or more; ``unseen`` for a country the model never met)."""
    offered: dict[str, list[str]] = {}
    for relation, subject, obj in candidates:
        if relation == POST and obj is not None and obj.startswith(COUNTRY):
            offered.setdefault(subject, []).append(obj)
    ranks = {person: origin.ranks(person, countries, held_out) for person, countries in offered.items()}
    out: list[list[str]] = []
    for relation, subject, obj in candidates:
        if relation != POST or obj is None or not obj.startswith(COUNTRY):
            out.append([])
            continue
        known = ranks[subject]
        if obj not in known:
            out.append(["origin=unseen"])
            continue
        rank = known[obj]
        bucket = "1" if rank == 1 else "2-3" if rank <= 3 else "4+"
        others = set(offered[subject]) - {obj}
        if not others:
            place = "alone"
        else:
            place = "top" if all(rank < known.get(o, math.inf) for o in others) else "below"
        out.append([f"origin={place}", f"origin-rank={bucket}", f"origin={place}&{bucket}"])
    return out
