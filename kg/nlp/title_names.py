"""Where the name after a title begins when the words the title rules took for it hold more than a name.

The title rules take the capitalised words after a title as its holder's name ("Kepala BNPT X Y"). Where the
body is one the gazetteer lists, it is read first; where it is not, the words it takes run into the name. The
recogniser reads the sentence whole and often sees where the person starts: these two readings of its spans
take the body out of the name in the two forms of the genre where that reading held on the annotated articles.
"""

from __future__ import annotations

from kg.nlp.gazetteer import Gazetteer, GazetteerEntry
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import skip_ranks
from kg.nlp.ner.name_words import never_names
from kg.nlp.tokens import Token

Span = tuple[int, int, str]  # the recogniser's (start, end, label) over a sentence's tokens


def body_inside_name(tokens: list[Token], start: int, end: int, proposed: list[Span], gaz: Gazetteer,
                     lex: Lexicon) -> tuple[int, int, GazetteerEntry] | None:
    """A country or body the gazetteer lists, ending where the recogniser's person begins, inside the words a
    title's name took: "Menteri Pertanian dan Sumber Daya Air Australia X Y" (the name had been "Air Australia
    X Y"). (where the body starts, where the person starts, the body), or None. The words before the body
    finish the title ("Air": water); the person (two words or more) runs to the end of the words or past it.
    A person the recogniser begins later with no listed body before it is left as the rules read it: the
    recogniser drops first names ("Sri Mulyani" as "Mulyani") as often as it finds an unlisted body."""
    for s, e, label in proposed:
        if label != "PER" or not (start < s < end <= e and e - s >= 2):
            continue
        before = tokens[start:s]
        if not all(t.is_word and t.is_cap for t in before) or any(
                t.text.lower() in lex.honorifics or (t.text.lower(),) in lex.ranks for t in before):
            continue
        for k in range(start, s):
            found = gaz.match(tokens, k)
            if found and k + found[0] == s and found[1].type in ("Country", "Organization"):
                return k, s, found[1]
    return None


def person_after_comma(tokens: list[Token], start: int, end: int, proposed: list[Span],
                       lex: Lexicon) -> tuple[int, int] | None:
    """The person named after a comma when the words a title's name took before it name a body instead: the
    recogniser reads a body or a place in them and no person, and a person right after the comma and any
    ranks ("Kepala Komnas HAM-RI Perwakilan Sulteng, X Y", "Rektor Perguruan Tinggi Pertahanan Nasional
    Nigeria, X Y"). A body's span may run on from the title's own body into these words; a place's may not:
    "Presiden Komisi Eropa Ursula von der Leyen, Jokowi" was one place to the recogniser. The person's span,
    or None."""
    if end >= len(tokens) or tokens[end].text != ",":
        return None
    inside = [(s, e, label) for s, e, label in proposed if s < end and e > start]
    if not inside or any(label == "PER" or e > end or (s < start and label != "ORG") for s, e, label in inside):
        return None
    after = skip_ranks(tokens, end + 1, lex)
    return next(((s, e) for s, e, label in proposed if label == "PER" and s == after), None)


def place_after_comma(tokens: list[Token], start: int, end: int, proposed: list[Span]) -> bool:
    """The words a title's name took after a comma are the post's seat where the recogniser opens a place at
    them and reads no person in them: "Message of the District Secretary, Galle", "the Director of Education,
    Sabaragamuwa Province" (government reports name the office's seat so). Not a body the recogniser opens
    there: it calls some people bodies ("Panh Binh Minh"), and on the 450 annotated articles 5 right claims
    went with them."""
    if start == 0 or tokens[start - 1].text != ",":
        return False
    return not reads_person(proposed, start, end) and any(s == start and label == "LOC" for s, _e, label in proposed)


def no_name_after(tokens: list[Token], start: int, end: int, proposed: list[Span], language: str) -> bool:
    """The words a title's name took are no one's name where each is a word the recogniser's training data
    never has in a person's name (``ner/name_words.py``) and the recogniser reads no person in them: "the District
    Secretary Introduction to ...", "Chief Accountant of the Elections Secretariat" (government reports, whose
    headings and tables capitalise every word)."""
    words = [t.text.lower() for t in tokens[start:end] if t.text.isalpha()]
    if not words or reads_person(proposed, start, end):
        return False
    return all(word in never_names(language) for word in words)


def reads_person(proposed: list[Span], start: int, end: int) -> bool:
    """Whether the recogniser reads a person in any of the tokens from ``start`` to ``end``: where it does, the
    words a title's name took stay a name whatever the word habits say."""
    return any(label == "PER" and s < end and e > start for s, e, label in proposed)
