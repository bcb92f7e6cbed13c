"""Where a body's name that runs on into a person's ends: "Kepolisian Turki Selami Altinok", "Komisi III DPR
Benny K Harman"; and the member a body's full name is followed by ("Fraksi PKS Abu Bakar Al Habsyi"). Read by
``heads`` on every head-word body it finds.
"""

from __future__ import annotations

import re

from kg.nlp.gazetteer import Gazetteer
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import NAME_PARTICLES, ROMAN, UNIT_NUMERALS, rank_at
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.tokens import Token

_NAME_CASES = frozenset({"always"})  # how a word of a person's name is written mid-sentence (unseen words too)
MAX_TAIL = 5  # words of a person's name run on after a body's name
_LONGEST_NAME = 6  # words of a member's name after a body ("Mohd Jammy Bin Haji Muhd Syah": six)
_CLASS = re.compile(r"^[IVXL]+[A-C]?$")  # "Lapas Kelas IIA", "Kodam IX": a class or number, no body's acronym


def without_person(tokens: list[Token], start: int, end: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """End of a body's name that runs on into a person's ("Kepolisian Turki Selami Altinok", "Komisi III DPR
    Benny K Harman", "Kementerian Keuangan RI Heru Pambudi"): the body ends at a word that closes a name (a
    country or body of the gazetteer, an acronym, a number) when every word after it is written like a name
    (the word clusters never saw it in lower case) and none is a head, title or rank.

    The name may end the run or stop at a connector, two names or more before it ("anggota Komisi III DPR RI
    Fraksi PDIP Masinton Pasaribu dan Risa Mariska": the run went on through "dan"). After a post's title, a
    common word (one running text writes in lower case too) closes the body as well when two names or more
    follow it: "Kepala Badan Pertanahan Nasional Sofyan Djalil" (a body's name is common words, a person's
    name is not), but not the head word alone ("Universitas Gadjah Mada")."""
    case = load_clusters(lex.language).case
    closes = [False] * (end - start)
    k = start
    while k < end:
        found = gaz.match(tokens, k)
        if found and k + found[0] <= end:
            closes[k + found[0] - 1 - start] = True
            k += found[0]
            continue
        text = tokens[k].text
        closes[k - start] = text.isdigit() or bool(ROMAN.match(text)) or (len(text) > 1 and text.isupper())
        k += 1
    before = tokens[start - 1] if start else None  # a post's title or its last role word ("Menteri ... dan" is neither)
    titled = before is not None and before.is_cap and ((before.text.lower(),) in lex.titles or before.text.lower() in lex.role_words)
    for p in range(start + 1, end):
        stop = next((q for q in range(p, end) if tokens[q].text.lower() in _LIST_CONNECTORS), end)
        tail = tokens[p:stop]
        if not tail or len(tail) > MAX_TAIL or (stop < end and len(tail) < 2):
            continue
        common = (titled and len(tail) >= 2 and tokens[p - 1].text.lower() not in lex.head_words
                  and case.get(tokens[p - 1].text.lower()) in _COMMON_CASES)
        numbered = (len(tail) >= 2 and tokens[p - 1].text in UNIT_NUMERALS and p - 1 > start
                    and tokens[p - 2].text.lower() in lex.head_words)  # "Komisi I A B"; "Lapas Kelas I Cipinang" is a name
        if not (closes[p - 1 - start] or common or numbered):
            continue
        if all(_name_word(t, case, lex, gaz, tokens, p + n) or (0 < n < len(tail) - 1 and t.text.lower() in NAME_PARTICLES)
               for n, t in enumerate(tail)):
            return p  # a particle inside the name: "Ridho Al Hamdi"
    return end


_LIST_CONNECTORS = frozenset({"dan", "and", "serta", ","})  # where a name in a run of names ends
_COMMON_CASES = frozenset({"lower", "mixed", "mostly"})  # words running text also writes in lower case


def _name_word(tok: Token, case: dict[str, str], lex: Lexicon, gaz: Gazetteer, tokens: list[Token], k: int) -> bool:
    low = tok.text.lower()
    if len(tok.text) == 1:
        return tok.text.isupper() and k > 0 and tokens[k - 1].is_cap and k + 1 < len(tokens)  # an initial: "Benny K Harman"
    if not (tok.is_cap and tok.is_word) or _known_word(tokens, k, lex, gaz):
        return False
    return case.get(low, "always") in _NAME_CASES


def member_after_body(tokens: list[Token], i: int, j: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """A person's name begins at ``j``, after a body the run has already named in full: the run so far ends in
    an acronym ("Kepala Dinas ESDM Hasyim Daeng Barang") or a listed body or country ("Ketua Umum Partai NasDem
    Surya Paloh"), and the capitalised words from ``j`` to the run's end, two or more, are none of a title,
    rank, role, head, gazetteer name or acronym: words the lexicons know of no body. Returns the name's end, or 0.

    ``heads`` asks it at each word of a capitalised run, so the run stops before the name and the name becomes a
    person; ``without_person`` trims a body found whole afterwards and leaves the name to the recogniser and the
    titles (the two overlap: one reading of where a body's name ends would serve both)."""
    before = tokens[j - 1]
    if not (before.is_word and before.is_cap) or _known_word(tokens, j, lex, gaz) or rank_at(tokens, j, lex):
        return 0  # the commonest answer, found before the gazetteer is asked about the words before
    listed = [(k, found) for k in range(max(i, j - 2 * gaz.longest), j) for found in [gaz.match(tokens, k)] if found]
    anchored = (len(before.text) > 1 and before.text.isupper() and not _CLASS.match(before.text)) or any(
        k + found[0] == j and found[1].type in ("Organization", "Country") for k, found in listed)
    if not anchored or any(k + found[0] > j for k, found in listed):
        return 0  # "PDI Perjuangan Hasto Kristiyanto": the listed name goes on past the acronym
    end = j
    while end < len(tokens) and tokens[end].is_cap and tokens[end].is_word:
        if end - j == _LONGEST_NAME:
            return 0  # a run of capitals longer than a name: a headline or a title, no member's name
        if _known_word(tokens, end, lex, gaz) or rank_at(tokens, end, lex):
            return 0  # a rank goes before a name, not after one ("Yang Berbahagia Jeneral X": an honorific)
        end += 1
    return end if end - j >= 2 else 0


def _known_word(tokens: list[Token], k: int, lex: Lexicon, gaz: Gazetteer) -> bool:
    """A word the lexicons know of no person's name: an acronym, a title, rank, role or head word, or the start of
    a gazetteer name."""
    word = tokens[k].text
    return word.isupper() or lex.post_word(word.lower()) or gaz.match(tokens, k) is not None
