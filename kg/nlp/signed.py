"""Agreements a signing word signs, named by what they are in lower case: "signed an agreement to coordinate
counter-terrorism efforts", "sign two arrangements to bolster aviation and border security", "signed a revised
border crossing agreement", "menandatangani kesepakatan kerja sama", "meneken perjanjian ekstradisi".

News names many agreements only so, and the annotators give them as the agreement signed (GUIDELINES: an
agreement is "the document signed"); neither the head-word rules (which want a capitalised title) nor the
recogniser (trained on few such names) find most of them, so their signings had no object. What makes the
phrase a document is the signing word before it, so the name is taken only there, and only where it says
more than its kind: "signed the agreement" names the document the article names elsewhere, and is left to
the references to it. The name runs on over the words that say what the document is for, as the annotators
write it ("accord on defense cooperation"), and stops at a function word, so a party after "between" or
"dengan" stays a party of its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from kg.model import Mention, Sentence, Token
from kg.names import norm_key
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import joining_hyphen
from kg.resources import function_words, load_table

MAX_WORDS = 4  # describing words between a signing word and an English document's kind
MAX_SUBJECT = 8  # words of a subject after "on", "to", "tentang"
MAX_KIND = 4  # words of a document's kind ("memoranda of understanding")
MAX_AFTER = 5  # describing words after an Indonesian document's kind ("kontrak pembelian sembilan pesawat C295")


class Documents(NamedTuple):
    heads: frozenset[tuple[str, ...]]  # a document's kind, as lower-case words
    openers: frozenset[str]
    before: frozenset[str]
    verbs: frozenset[str]  # signing words beyond the relation's triggers
    kind_first: bool  # Indonesian names a kind before the words describing it, English after them
    stops: frozenset[str]


@lru_cache(maxsize=2)
def documents(language: str) -> Documents:
    rows = load_table(f"lexicons/{language}/signed_documents.tsv")
    heads = frozenset(tuple(r["phrase"].split()) for r in rows if r["part"] == "head")
    openers = frozenset(r["phrase"] for r in rows if r["part"] == "opener")
    before = frozenset(r["phrase"] for r in rows if r["part"] == "before")
    verbs = frozenset(r["phrase"] for r in rows if r["part"] == "verb")
    stops = frozenset(r["phrase"] for r in rows if r["part"] == "stop")
    return Documents(heads, openers, before, verbs, language == "id", function_words(language) | stops)


def _lower(tok: Token, docs: Documents) -> bool:
    """A lower-case word that can describe a document."""
    low = tok.text.lower()
    return tok.text.isalpha() and tok.text.islower() and low not in docs.stops and low not in docs.openers


def _code(tokens: list[Token], j: int) -> bool:
    """A model's code the tokeniser split in two: capital letters glued to a number ("C295", "F16")."""
    return (j + 1 < len(tokens) and tokens[j].text.isalpha() and tokens[j].text.isupper() and len(tokens[j].text) <= 3
            and tokens[j + 1].text.isdigit() and tokens[j + 1].start == tokens[j].end)


def _head_at(words: list[str], k: int, docs: Documents) -> int:
    """Words of the longest document kind starting at ``k`` (0 if none)."""
    return next((n for n in range(MAX_KIND, 0, -1) if tuple(words[k:k + n]) in docs.heads), 0)


def _subject(tokens: list[Token], words: list[str], k: int, docs: Documents) -> int:
    """End of a subject opened at ``k`` ("on defense cooperation", "to bolster aviation and border security"):
    lower-case words, "and" only before another lower-case word that opens no second document."""
    if k >= len(tokens) or words[k] not in docs.openers:
        return k
    j = k + 1
    while j < len(tokens) and j - k <= MAX_SUBJECT:
        if _lower(tokens[j], docs) or joining_hyphen(tokens, j):
            j += 1
        elif words[j] in ("and", "dan") and j + 1 < len(tokens) and _lower(tokens[j + 1], docs):
            j += 1
        else:
            break
    while j > k + 1 and not tokens[j - 1].is_word:
        j -= 1
    return j if j > k + 1 else k


def _document(tokens: list[Token], words: list[str], k: int, docs: Documents) -> tuple[int, int] | None:
    """(first, end) tokens of a described document a signing word ending before ``k`` signs, or None."""
    skipped = 0
    while k < len(tokens) and words[k] in docs.before and skipped < 2:
        k, skipped = k + 1, skipped + 1
    if k < len(tokens) and tokens[k].text.isdigit():
        k += 1  # "menandatangani 6 nota kesepahaman"
    if docs.kind_first:
        n = _head_at(words, k, docs)
        if not n:
            return None
        j = k + n
        while j < len(tokens) and j - k - n < MAX_AFTER:
            if _lower(tokens[j], docs):
                j += 1
            elif _code(tokens, j):
                j += 2  # "pesawat C295", split by the tokeniser into "C" and "295"
            else:
                break
        end = _subject(tokens, words, j, docs)
        return (k, end) if end > k + n else None
    first = k
    while k < len(tokens) and k - first <= MAX_WORDS:
        n = _head_at(words, k, docs)
        if n:
            end = _subject(tokens, words, k + n, docs)
            return (first, end) if end > k + n or k > first else None
        if not (_lower(tokens[k], docs) or (k > first and joining_hyphen(tokens, k))):
            return None
        k += 1
    return None


def signed_documents(sentence: Sentence, text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """The sentence's mentions (``found``) with the described documents signed in it that no other name
    overlaps. An agreement the recogniser found at its start, and nothing else inside it, gives way to it: the
    recogniser, which learnt few such names, cuts them short ("signed an agreement to coordinate
    counter-terrorism efforts" read as "agreement" or "agreement to coordinate counter-terrorism"), and a name
    must hold the annotated one to match it."""
    tokens = sentence.tokens
    docs = documents(lex.language)
    signing = lex.phrases("signs") | docs.verbs
    words = [t.text.lower() for t in tokens]
    out: list[Mention] = []
    for i in range(len(tokens)):
        if words[i] not in signing:
            continue
        span = _document(tokens, words, i + 1, docs)
        if span is None:
            continue
        start, end = tokens[span[0]].start, tokens[span[1] - 1].end
        cut = [m for m in found if m.type == "Agreement" and m.rule == "event-model" and m.start == start
               and m.end < end]
        if len([m for m in found if start <= m.start and m.end <= end]) > 1:
            cut = []  # two names inside: "an agreement on X and a currency swap agreement" is two documents
        if any(m.start < end and start < m.end for m in found + out if m not in cut):
            continue
        found = [m for m in found if m not in cut]
        name = text[start:end]
        out.append(Mention(start, end, name, "Agreement", sentence.index, key=f"agreement:{norm_key(name)}",
                           name=name, rule="signed-document"))
    return found + out
