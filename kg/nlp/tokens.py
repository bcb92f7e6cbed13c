"""Tokens with character offsets, and sentence boundaries that respect titles, initials and degrees."""

from __future__ import annotations

import re

from kg.model import Sentence, Token

__all__ = ["MAX_SENTENCE", "Token", "split_sentences", "tokenize"]

_TOKEN = re.compile(r"ke-\d+|\d+(?:[.,/:]\d+)*|[^\W\d_]+(?:['’][^\W_]+)*|\S", re.UNICODE)
# A full stop that does not end a sentence: an initial, a title, a degree, a month's abbreviation ("Sept. 9") or a number.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b[A-Z]|\b(?:Dr|Drs|Dra|Prof|Ir|Pol|Jend|Komjen|Mr|Mrs|Ms|St|No|Nomor|Plt|Plh|Sdr|Jl|Kol|Bpk|H|Hj|"
    r"Hum|Si|Sos|Ag|Kn|Pd|Kom|Psi|Phil|Sc|vs|etc|approx|U\.S|U\.K|Gen|Lt|Col|Maj|Capt|Sen|Rep|Hon|Rt|Jr|Sr|Inc|Ltd|Co|Corp|Dept|Govt|Mt|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Agu|Agt|Sep|Sept|Oct|Okt|Nov|Dec|Des))\.$"
)
_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the article body, each with its tokens; a line break always ends one, quotation marks never
    start one alone."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BREAK.finditer(text):
        if match.group().strip() == "" and "\n" not in match.group():
            if _NO_BREAK_BEFORE.search(text[max(0, match.start() - 12):match.start()]):
                continue
        end = match.start()
        _add(sentences, text, start, end)
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


MAX_SENTENCE = 1500  # characters; longer "sentences" (a page without full stops) are cut at spaces


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentences.append(_sentence(len(sentences), start, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(_sentence(len(sentences), start, text[start:end]))


def _sentence(index: int, start: int, text: str) -> Sentence:
    return Sentence(index, start, start + len(text), text, tokenize(text, start))
