"""What tells one event's name from another's, whatever form an article writes it in.

An article names its event in several forms: in full and by its acronym ("19th ASEAN Ministerial Meeting on
Transnational Crime", "19th AMMTC"), with an abbreviation and with its long form ("KTT Luar Biasa Ke-5 OKI",
"Konferensi Tingkat Tinggi Luar Biasa Ke-5 Organisasi Kerja Sama Islam"), in the words of either language
("pertemuan puncak", "summit"), with an ordinal as a word or a number ("eighth", "8th"). Each is one event to
the reader, and should be one node. A name's content is what stays the same across these forms: the
gazetteer's bodies and countries by key, ordinals as "ke-N", the forms of ``lexicons/event_name_forms.tsv``
in their canonical words, the other words in lower case, without function words and determiners; and, for a
run of capitalised words whose initials the article writes as an acronym, the content with that run as the
acronym. A body the name names is whose event it is (``whose_event``), not one of its attendees.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.model import Entity, Token
from kg.nlp import gazetteer
from kg.nlp.heads import acronym, spaced_ordinal
from kg.nlp.tokens import tokenize
from kg.resources import function_words, load_table

ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})  # "19th", which the tokenizer splits into "19" "th"
MIN_ACRONYM = 3  # letters of an acronym a run of capitalised words is read as ("HLC", "AMMTC")


@dataclass(frozen=True)
class Piece:
    """Some words of a name and what they give its content; ``initial`` is the letter they give an acronym
    (None where they give none), and ``joins`` whether they may stand inside a run of capitalised words
    without giving a letter (function words and punctuation: "Meeting on Transnational Crime")."""

    content: tuple[str, ...]
    initial: str | None
    joins: bool = False


def contents(name: str, words: dict[str, str], acronyms: frozenset[str]) -> set[frozenset[str]]:
    """The content of ``name`` (``words``: event_references.tsv's kinds, for determiners), and one more for
    each run of capitalised words whose initials are among ``acronyms`` (lower case): "ASEAN Ministerial
    Meeting on Transnational Crime" is also "AMMTC" in an article that writes it so."""
    found = _pieces(name, words)
    whole = frozenset(w for p in found for w in p.content)
    out = {whole}
    for start in range(len(found)):
        letters = ""
        for end in range(start, len(found)):
            piece = found[end]
            if piece.initial is None:
                if piece.joins and letters:
                    continue
                break
            letters += piece.initial
            if len(letters) >= MIN_ACRONYM and letters in acronyms:
                inside = {w for p in found[start:end + 1] for w in p.content}
                out.add(frozenset(whole - inside) | {letters})
    return out


def acronyms_of(names: list[str]) -> frozenset[str]:
    """The acronyms (capitals only, three letters or more) the names hold, in lower case."""
    return frozenset(t.text.lower() for name in names for t in tokenize(name)
                     if len(t.text) >= MIN_ACRONYM and acronym(t.text))


def _pieces(name: str, words: dict[str, str]) -> list[Piece]:
    gaz = gazetteer.load()
    skip = function_words()
    forms = _forms()
    tokens = tokenize(name)
    out: list[Piece] = []
    k = 0
    while k < len(tokens):
        form = _form_at(tokens, k, forms)
        if form:
            length, canonical = form
            out.append(Piece(canonical, _initial(tokens[k])))
            k += length
            continue
        found = gaz.match(tokens, k)
        if found and found[1].type in ("Organization", "Country"):
            out.append(Piece((found[1].key,), _initial(tokens[k], listed=True)))
            k += found[0]
            continue
        if spaced_ordinal(tokens, k):  # "Sidang Umum ke 85" is "Sidang Umum Interpol ke-85" named short
            out.append(Piece((f"ke-{tokens[k + 1].text}",), None))
            k += 2
            continue
        if tokens[k].text.isdigit() and k + 1 < len(tokens) and tokens[k + 1].text.lower() in ORDINAL_SUFFIXES:
            out.append(Piece((f"ke-{tokens[k].text}",), None))  # "19th"
            k += 2
            continue
        word = tokens[k].text.lower()
        if not tokens[k].is_word:
            out.append(Piece((), None, joins=True))
        elif word in skip or words.get(word) in ("determiner", "demonstrative"):
            out.append(Piece((), None, joins=word in skip))
        else:
            out.append(Piece((word,), _initial(tokens[k])))
        k += 1
    return out


def _initial(token: Token, listed: bool = False) -> str | None:
    """The letter a capitalised word gives an acronym; a listed body's name gives its first letter ("ASEAN")."""
    text = token.text
    if not text[:1].isalpha() or not text[:1].isupper():
        return None
    return text[0].lower() if listed or not text.isupper() or len(text) == 1 else None


def _form_at(tokens: list[Token], k: int, forms: dict[tuple[str, ...], tuple[str, ...]]) -> tuple[int, tuple[str, ...]] | None:
    for length in range(min(_longest_form(), len(tokens) - k), 0, -1):
        canonical = forms.get(tuple(t.text.lower() for t in tokens[k:k + length]))
        if canonical:
            return length, canonical
    return None


@lru_cache(maxsize=1)
def _forms() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(t.text.lower() for t in tokenize(row["form"])): tuple(row["canonical"].split())
            for row in load_table("lexicons/event_name_forms.tsv")}


@lru_cache(maxsize=1)
def _longest_form() -> int:
    return max(len(key) for key in _forms())


def whose_event(event: Entity | None, party: Entity | None) -> bool:
    """A body the event's name names is whose event it is, not one that attends it ("KTT ke-17 ASEAN",
    "Konferensi ASEANAPOL ke-35", "Sidang Umum Interpol"): of 19 such attendances the rules had given in the
    450 annotated articles, the annotators made 4 (a forum at its own coordination meetings). Countries in a
    bilateral event's name do attend (``attends:bilateral-name``)."""
    if event is None or party is None or party.type != "Organization":
        return False
    names = {f" {' '.join(n.lower().split())} " for n in [event.name, *event.aliases]}
    return any(f" {' '.join(form.lower().split())} " in name for form in [party.name, *party.aliases] if len(form) > 2
               for name in names)
