"""Bylines and photo credits: the people they name are the outlet's staff, not actors of the story.

Scraped pages put the reporter on a line of their own ("Fajar Pebrianto", "Marcheilla Ariesta • 21 Maret 2023
16:19", "Rep: Rahmat Fajar/ Red: Julkifli Marbun") and the photographer after the agency's slash ("(ANTARA/
Puspa Perwitasari)"); the guidelines leave them out. A line is a byline when nothing on it but names, labels
of ``lexicons/credits.tsv``, a date, punctuation and the outlet's name after a dash.
"""

from __future__ import annotations

from functools import lru_cache

from kg.model import Mention, Sentence
from kg.resources import load_table


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    words = {row["word"].lower() for row in load_table("lexicons/credits.tsv")}
    for language in ("id", "en"):
        words |= {row["word"].lower() for row in load_table(f"lexicons/{language}/calendar.tsv")
                  if row["kind"] in ("month", "weekday")}
    return frozenset(words)


def without_credits(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions without the people a byline or photo credit names."""
    people = [m for m in mentions if m.type == "Person"]
    if not people:
        return mentions
    byline = _byline(sentence, people)
    text_before = {t.end: t.text for t in sentence.tokens}
    return [m for m in mentions if m.type != "Person" or not (byline or text_before.get(m.start) == "/")]


def _byline(sentence: Sentence, people: list[Mention]) -> bool:
    labels = _labels()
    spans = [(m.start, m.end) for m in people]
    named = False
    tokens = sentence.tokens
    if len(tokens) > 2 and tokens[-2].text in ("-", "–", "—") and tokens[-1].is_word:
        tokens = tokens[:-2]  # "Marlinda Oktavia Erwanti - detikNews": the outlet after a dash
    for t in tokens:
        if any(a <= t.start and t.end <= b for a, b in spans):
            named = True
            continue
        if t.is_word and not t.text[:1].isdigit() and t.text.lower() not in labels:
            return False
    return named
