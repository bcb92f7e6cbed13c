"""Where a body's name that runs on into a person's ends: "Kepolisian Turki Selami Altinok", "Komisi III DPR
Benny K Harman". Read by ``heads`` on every head-word body it finds.
"""

from __future__ import annotations

from kg.nlp.gazetteer import Gazetteer
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import NAME_PARTICLES, ROMAN, UNIT_NUMERALS
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.tokens import Token

_NAME_CASES = frozenset({"always"})  # how a word of a person's name is written mid-sentence (unseen words too)
MAX_TAIL = 5  # words of a person's name run on after a body's name


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
    if not (tok.is_cap and tok.is_word) or tok.text.isupper() or lex.post_word(low) or gaz.match(tokens, k):
        return False
    return case.get(low, "always") in _NAME_CASES
