"""Venues named by their head word: "Gedung Nusantara II", "Istana Kepresidenan Bogor", "Jakarta Convention Center".

A meeting's place is often a building, and the annotators name it as a Place in full. The entity recogniser was
trained on news where such names are rare: it cuts them ("Istana Isen" for "Istana Isen Mulang"), types them as
bodies ("Astoria Hotel") or takes the person a building is named after for a person ("Gedung R. Mulyadi"). A capitalised run that a venue head (``lexicons/venues.tsv``) opens or closes is one Place; what the
rules found inside it (a body in "Gedung DPR RI", a city in "Hotel Mercure Samarinda") is part of its name.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.model import Mention, Sentence
from kg.nlp.gazetteer import Gazetteer, norm_key
from kg.nlp.lexicon import weekdays
from kg.nlp.tokens import Token, tokenize
from kg.resources import function_words, load_table

_JOINS = frozenset({"-", "&"})


@lru_cache(maxsize=1)
def _heads() -> dict[tuple[str, ...], frozenset[str]]:
    """Head tokens (as written, capitalised) -> positions ("Hotel" opens or closes a name)."""
    heads: dict[tuple[str, ...], set[str]] = {}
    for row in load_table("lexicons/venues.tsv"):
        heads.setdefault(tuple(t.text for t in tokenize(row["head"])), set()).add(row["position"])
    return {head: frozenset(positions) for head, positions in heads.items()}


def with_venues(sentence: Sentence, text: str, found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """``found`` with each venue of the sentence as a Place, in place of the mentions its name holds."""
    tokens = sentence.tokens
    spans = _venue_spans(tokens)
    if not spans:
        return found
    out = list(found)
    for start, end in spans:
        first, last = tokens[start].start, tokens[end - 1].end
        inside = [m for m in out if first <= m.start and m.end <= last]
        if any(m.type == "Title" for m in inside) or any(m.start < first < m.end or m.start < last < m.end for m in out):
            continue  # a post's title, or a name that runs across the venue's edge: leave the sentence as it is
        listed = gaz.match(tokens, start)
        if listed and listed[0] == end - start and listed[1].type != "Place":
            continue  # the whole phrase is a body the gazetteer lists: its row decides
        surface = text[first:last]
        name = " ".join(surface.split())
        key = listed[1].key if listed and listed[0] == end - start else f"place:{norm_key(name)}"
        replaced = {m.key for m in inside}
        out = [m for m in out if m not in inside]
        out.append(Mention(first, last, surface, "Place", sentence.index, key=key, name=name, rule="venue"))
        # the venue's short form in brackets ("Balai Sidang Jakarta (JCC)") stands for the venue, not for what its
        # name held ("Sidang Jakarta", read as a meeting)
        out = [replace(m, type="Place", key=key, name=name) if m.rule == "acronym" and m.key in replaced else m
               for m in out]
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _venue_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    heads = _heads()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        n, positions = _head_at(tokens, i, heads)
        start = _run_start(tokens, i) if "last" in positions else i  # "Swiss Bell Hotel Danum": both ways
        end = _run_end(tokens, i + n) if "first" in positions else i + n
        if n and (start < i or end > i + n):
            spans.append((start, end))
            i = end
            continue
        i += max(n, 1)
    return spans


@lru_cache(maxsize=1)
def _head_starts() -> frozenset[str]:
    """The first words of the heads: every token of every sentence is tried, nearly all of them no head."""
    return frozenset(head[0] for head in _heads())


def _head_at(tokens: list[Token], i: int, heads: dict[tuple[str, ...], frozenset[str]]) -> tuple[int, frozenset[str]]:
    if tokens[i].text not in _head_starts():
        return 0, frozenset()
    for n in (2, 1):
        key = tuple(t.text for t in tokens[i:i + n])
        if len(key) == n and key in heads:
            return n, heads[key]
    return 0, frozenset()


def _name_word(tok: Token) -> bool:
    return (tok.is_cap and tok.is_word) or tok.text.isdigit() or (tok.text.isupper() and tok.text.isalpha())


def _run_end(tokens: list[Token], j: int) -> int:
    """End of the capitalised words after a head that opens a name: "Gedung R. Mulyadi", "Hotel Shangri-La"; a
    weekday ends it ("di Istana Merdeka Senin")."""
    days = weekdays()
    end = j
    while end < len(tokens):
        tok = tokens[end]
        if tok.text == "No" and end + 1 < len(tokens) and tokens[end + 1].text == ".":
            break  # "Gedung Graha Mandiri No. 3": the number is the address, not the building's name
        if _name_word(tok) and tok.text.lower() not in days:
            end += 1
        elif tok.text in _JOINS and end > j and end + 1 < len(tokens) and _name_word(tokens[end + 1]):
            end += 2
        elif tok.text == "." and end > j and len(tokens[end - 1].text) <= 3 and end + 1 < len(tokens) and _name_word(tokens[end + 1]):
            end += 1  # "Gedung R. Mulyadi", "Gedung Ex. Sentra Mulia"
        else:
            break
    return end


def _run_start(tokens: list[Token], k: int) -> int:
    """Start of the capitalised words before a head that closes a name ("Royal Thai Police Headquarters"); a
    function word that opens the sentence ("The", "In") is no part of it."""
    start = k
    while start > 0 and (_name_word(tokens[start - 1]) or (tokens[start - 1].text in _JOINS and start > 1
                                                            and _name_word(tokens[start - 2]))):
        start -= 1
    while start < k and tokens[start].text.lower() in function_words():
        start += 1
    return start
