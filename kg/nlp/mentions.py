"""The pieces of a person's name and title in a sentence: phrases of a lexicon table, a person's name after a
title, ranks and degrees around it, and the head phrases of the lexicon where a name of a body, an event or an
agreement begins or ends.

``titles`` parses a post title with these (the body, the host, the name), ``heads`` recognises named bodies,
events and agreements by their head word, and ``recognise`` applies them in a fixed order: a post title claims
its body and the person's name first ("Menteri Luar Negeri Inggris Elizabeth Truss"), then the gazetteers, then
head words on what is left, so that one span is never two entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.nlp.gazetteer import Gazetteer, token_key
from kg.nlp.lexicon import Lexicon, weekdays
from kg.nlp.tokens import Token
from kg.resources import load_table

INITIAL = re.compile(r"^[A-Z]$")  # a token that is a name's initial, before its full stop ("H" of "Victor H.")
_PARTICLES = load_table("lexicons/name_particles.tsv")
NAME_PARTICLES = frozenset(row["particle"] for row in _PARTICLES if row["joined"] == "any")  # "bin", "de", "-"
JOINED_PARTICLES = frozenset(row["particle"] for row in _PARTICLES)  # and before a hyphen: "ez-Zor", "ad-Din"
ROMAN = re.compile(r"^[IVXL]{2,}$")
UNIT_NUMERALS = frozenset({"I", "V", "X"})  # a unit's one-letter number: "Pangdam I/Bukit Barisan", "Komisi I"
ARTICLES = frozenset({"the", "a", "an"})  # English: no rank before a name takes one ("the General Treasury")


def match_phrase(tokens: list[Token], i: int, table: dict | frozenset, prefixes: frozenset[tuple[str, ...]],
                  longest: int) -> int:
    """Number of tokens of the longest phrase of ``table`` starting at ``i`` (0 if none); full stops inside
    are ignored ("Komjen. Pol."), and a phrase may take its closing full stop ("Komjen."), but not the one
    that ends the sentence ("... met the minister.")."""
    if i < len(tokens) and tokens[i].text != "." and (tokens[i].text.lower(),) not in prefixes:
        return 0  # the common case: no phrase starts with this word
    best = 0
    words: list[str] = []
    for n in range(1, min(longest * 2, len(tokens) - i) + 1):
        text = tokens[i + n - 1].text
        if text == ".":
            if words and tuple(words) in table and i + n < len(tokens):
                best = n
            continue
        words.append(text.lower())
        key = tuple(words)
        if key not in prefixes:
            break
        if key in table:
            best = n
    return best


def name_span(tokens: list[Token], i: int, gaz: Gazetteer, lex: Lexicon) -> int:
    """How many tokens from ``i`` form a person's name: capitalised words, initials and particles."""
    j = i
    words = 0
    while j < len(tokens) and words < 6:
        tok = tokens[j]
        low = tok.text.lower()
        if INITIAL.match(tok.text) and j + 1 < len(tokens) and tokens[j + 1].text == ".":
            n = degree_length(tokens, j, lex) if words else 0
            if n and not (j + n < len(tokens) and tokens[j + n].is_cap and tokens[j + n].is_word):
                break  # "Suhardi Alius M.H. ini": a degree, not two initials, when no name word follows
            j += 2
            words += 1
            continue
        if tok.is_cap and tok.is_word and not tok.text.isdigit():
            if words and ((low,) in lex.titles or (low,) in lex.degrees or low in weekdays()):
                break  # "Foreign Minister X Y Monday": the day the news is of
            if (words and token_key(tokens[j:j + match_rank(tokens, j, lex)]) in lex.service_ranks
                    and rank_at(tokens, j, lex)):
                break  # "Komandan Lanud Roesmin Nurjadin Marsma TNI X": the base's name, then an officer's
            if words == 0 and (ROMAN.match(tok.text) or (tok.text in UNIT_NUMERALS and j + 1 < len(tokens)
                                                          and tokens[j + 1].text == "/")):
                return 0  # "Kasdam IX/Udayana", "Pangdam I/Bukit Barisan": a unit's number, not a name
            if gaz.match(tokens, j) and words == 0:
                return 0
            j += 1
            words += 1
            continue
        if words and low in NAME_PARTICLES and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            j += 1
            continue
        if words and low in JOINED_PARTICLES and joining_hyphen(tokens, j + 1) and tokens[j + 2].is_cap:
            j += 3  # "Adel bin Ahmed al-Jubeir": a particle joined to the family name
            continue
        if words and joining_hyphen(tokens, j):
            j += 2  # "Kim Min-jun": a hyphenated given name
            continue
        break
    while j > i and tokens[j - 1].text == ".":
        j -= 1
        if j > i and INITIAL.match(tokens[j - 1].text):
            j += 1
            break
    return j - i


def skip_ranks(tokens: list[Token], j: int, lex: Lexicon) -> int:
    while j < len(tokens):
        if tokens[j].text == ",":
            j += 1
            continue
        n = match_rank(tokens, j, lex)
        if n == 0:
            break
        j += n
    return j


def degree_length(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Tokens of the longest degree starting at ``k`` ("M", ".", "H", "."), its full stops included; 0 if none."""
    for m in range(min(6, len(tokens) - k), 0, -1):
        if token_key(tokens[k:k + m]) in lex.degrees:
            return m
    return 0


def match_rank(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Tokens of the longest rank or honorific at ``i`` ("Tan Sri", "Sr. Col.", "Komjen Pol.")."""
    return match_phrase(tokens, i, lex.ranks, lex.rank_prefixes, lex.longest_rank)


def joining_hyphen(tokens: list[Token], j: int) -> bool:
    """A hyphen inside a word the tokeniser split ("counter-terrorism", "Min-jun"): glued to the token before
    it and to the word after it."""
    return (0 < j < len(tokens) - 1 and tokens[j].text == "-" and tokens[j + 1].is_word
            and tokens[j - 1].end == tokens[j].start and tokens[j].end == tokens[j + 1].start)


def hyphenated_name(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """A person's name with the parts a hyphen joins to it, which the tokeniser split off: "al-Jubeir" and
    "Abdel-Rahman" (for a span that began at "Jubeir", "Rahman"), "Khalid bin Ibrahim Al-Arawan" (for a span
    that ended at "Al"), "Adel bin Ahmed" then "al-Jubeir"."""
    while joining_hyphen(tokens, start - 1) and (tokens[start - 2].text.lower() in JOINED_PARTICLES or tokens[start - 2].is_cap):
        start -= 2
    while joining_hyphen(tokens, end) and (tokens[end + 1].is_cap or _second_syllable(tokens, end)):
        end += 2
    if joining_hyphen(tokens, end + 1) and tokens[end].text.lower() in JOINED_PARTICLES and tokens[end + 2].is_cap:
        end += 3  # "Adel bin Ahmed" then "al-Jubeir"
    return start, end


def _second_syllable(tokens: list[Token], hyphen: int) -> bool:
    """The lower-case second part of a Korean or Thai given name or surname after a hyphen ("Myung-bak",
    "Ki-moon", "Chan-ocha"), not an Indonesian plural's repeated word ("Bangsa-bangsa")."""
    part = tokens[hyphen + 1].text
    return (part.isalpha() and part.islower() and 2 <= len(part) <= 5 and len(tokens[hyphen - 1].text) <= 6
            and part != tokens[hyphen - 1].text.lower())


MAX_HEAD = 4  # words of the longest head phrase ("Memorandum of Understanding")


def heads_at(keys: list[str], k: int, lex: Lexicon) -> Iterator[tuple[int, str, str]]:
    """(words, type, position) of each head phrase of the lexicon starting at ``keys[k]``, longest first."""
    if keys[k] not in lex.head_words:
        return
    for n in range(min(MAX_HEAD, len(keys) - k), 0, -1):
        head = lex.heads.get(tuple(keys[k:k + n]))
        if head is not None:
            yield n, head[0], head[1]


def rank_at(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """A rank starts at ``j`` and a name follows it, after any further ranks and markers ("Prof. Dr. X",
    "Komjen (Purn) X"); a lone "Jenderal" after a head ("Direktorat Jenderal") is part of the body's name, and
    so is a rank's word that opens a longer head ("Interpol General Assembly")."""
    if j >= len(tokens) or (tokens[j].text.lower(),) not in lex.rank_prefixes:
        return False  # the common case, told without building a phrase; a sentence may end where a title's place does
    n = match_rank(tokens, j, lex)
    if not n:
        return False
    k = j + n
    while k < len(tokens) and (m := match_rank(tokens, k, lex)):
        k += m
    if k >= len(tokens) or not tokens[k].is_cap:
        return False
    keys = [t.text.lower() for t in tokens[j:j + MAX_HEAD]]
    if any(m > n for m, _etype, _position in heads_at(keys, 0, lex)):
        return False  # "General Assembly": the rank's word opens a head of a name
    return n > 1 or j == 0 or tokens[j - 1].text.lower() not in lex.head_words


def vessels(tokens: list[Token], lex: Lexicon) -> list[tuple[int, int]]:
    """(start, end) token spans of the ships a sentence names, each its navy's prefix and the name after it ("USS
    Ronald Reagan", "KRI Naggala 402", "KRI Sura-802"; ``not_entities.tsv``, kind vessel). The words after the
    prefix are the ship's, not a person's, a country's or a place's: "USS America" is no America."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j = i + 1
        if lex.not_entities.get(tokens[i].text.lower()) == "vessel" and tokens[i].text.isupper():
            while j < len(tokens) and ((tokens[j].is_cap and tokens[j].is_word) or (j > i + 1 and tokens[j].text.isdigit())
                                       or joining_hyphen(tokens, j)):
                j += 1
            if j > i + 1:
                spans.append((i, j))
        i = j
    return spans
