"""People named without a title in English text, found by capitalisation where no trained model exists.

English news capitalises names and little else mid-sentence, so a run of two to four capitalised words
that holds no listed body, country, title, month or generic noun is, in this genre, nearly always a
person ("Dominic Raab", "Nathan A. Sales", "Lim Jock Hoi"). One capitalised word alone is never taken:
it is found later as part of a name already seen ("Raab").
"""

from __future__ import annotations

import re

from kg.model import Mention, Sentence
from kg.nlp.gazetteer import Gazetteer, norm_key
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import INITIAL
from kg.nlp.tokens import Token

_GENERIC_ENDING = re.compile(r"(?:ism|tion|sion|ment|ity|ness|ship|ance|ence|ing|ary|ian|ese|ish|ic|al)$")


def _name_word(token: Token, lex: Lexicon, gaz: Gazetteer) -> bool:
    text = token.text
    if not (token.is_cap and token.is_word) or text.isupper() and len(text) > 1:
        return False
    low = text.lower()
    if low in lex.not_names or low in lex.role_words or (low,) in lex.titles or (low,) in lex.ranks:
        return False
    if low in gaz.adjectives or low in lex.head_words:
        return False
    return not (_GENERIC_ENDING.search(low) and len(low) > 6)


def name_mentions(sentence: Sentence, text: str, taken: list[Mention], *, gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    tokens = sentence.tokens
    occupied = [(m.start, m.end) for m in taken]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        if any(a <= tokens[i].start < b for a, b in occupied) or not _name_word(tokens[i], lex, gaz):
            i += 1
            continue
        j, words = i, 0
        while j < len(tokens) and words < 4:
            tok = tokens[j]
            if INITIAL.match(tok.text) and j + 1 < len(tokens) and tokens[j + 1].text == "." and words:
                j += 2
                continue
            if any(a <= tok.start < b for a, b in occupied) or not _name_word(tok, lex, gaz) or gaz.match(tokens, j):
                break
            j += 1
            words += 1
        if words >= 2 and not (j < len(tokens) and tokens[j].is_cap and tokens[j].is_word):
            first, last = tokens[i].start, tokens[j - 1].end
            name = " ".join(text[first:last].split())
            found.append(Mention(first, last, text[first:last], "Person", sentence.index,
                                 key=f"person:{norm_key(name)}", name=name, rule="capitalised"))
        i = max(j, i + 1)
    return found
