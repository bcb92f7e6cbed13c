"""Tokens with character offsets, and sentence boundaries that respect titles, initials and degrees."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Sentence, Token
from kg.resources import load_table

YEAR = re.compile(r"^(?:19|20)\d\d$")  # a token that is a year ("2024"), for the name rules and the event recogniser

__all__ = ["MAX_SENTENCE", "YEAR", "Token", "split_sentences", "tokenize"]

_TOKEN = re.compile(r"[Kk]e-\d+|\d+(?:[.,/:]\d+)*|[^\W\d_]+(?:['’][^\W_]+)*|\S", re.UNICODE)
# A full stop that does not end a sentence: an initial, or an abbreviation of lexicons/abbreviations.tsv (a title,
# a rank, a degree, a month's abbreviation as in "Sept. 9").
_INITIAL = re.compile(r"\b[A-Z]\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbreviation"] for row in load_table("lexicons/abbreviations.tsv"))


def _no_break_before(before: str) -> bool:
    """``before`` ends with a full stop that ends no sentence: "Gen.", "Pol. Snr.", "U.S.", "J."."""
    if _INITIAL.search(before):
        return True
    run = re.search(r"[A-Za-z.]*$", before[:-1]).group().strip(".")
    return run in _abbreviations() or run.rsplit(".", 1)[-1] in _abbreviations()


# A sentence ends at a full stop, question or exclamation mark followed by a space and a capital, or at a line
# break; and where a page's paragraphs were joined without a space ("... kejahatan siber.Komitmen ini ...", "kata
# Tito.“Kerja sama ..."), at such a mark right between a word and a capitalised word (``_glued``).
_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+|(?<=[^\W\d_][.!?])[\"”’]?(?=[\"“‘]?[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"(?:^|[\s\"“‘(])([^\W\d_]{2,})[.!?]$")
_DOMAIN_AFTER = re.compile(r"[\"“‘]?[A-Z][^\W\d_]*\.[a-z]")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a mark with no space after it (at ``start``; the next sentence's first character at ``end``) ends
    a sentence: the word before it is all letters, in lower case ("siber.Komitmen", "tertulisnya.Menurut") or
    followed by an opening quote ("Polri.“Hal"), and the word after it is no domain ("www.Polri.go.id"). A
    capitalised word before a capital is left alone: a name run together ("Kementerian Dalam.Negeri",
    "(LawuPost.Com)") is likelier than a sentence that ends in a name."""
    word = _WORD_BEFORE.search(text[max(0, start - 40):start])
    if word is None or _no_break_before(text[max(0, start - 12):start]):
        return False
    quoted = text[end:end + 1] in "\"“‘"
    return (word.group(1)[0].islower() or quoted) and not _DOMAIN_AFTER.match(text, end)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the article body, each with its tokens; a line break always ends one, quotation marks never
    start one alone."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BREAK.finditer(text):
        if not any(c.isspace() for c in match.group()):
            if not _glued(text, match.start(), match.end()):
                continue
        elif match.group().strip() == "" and "\n" not in match.group():
            if _no_break_before(text[max(0, match.start() - 12):match.start()]):
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
