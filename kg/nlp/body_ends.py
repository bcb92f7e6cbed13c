"""Where a body's name ends, where the head-word rules and the statistical recogniser read a capitalised run
differently: a body run on into a person's name or a person's into a body's, two names run together, a
report's headings run into a body, and a body cut short at its head word. The rules' names win elsewhere
(``proposals.py``); here the recogniser's spans mark the boundary the rules cannot see.
"""

from __future__ import annotations

from kg.names import without_parentheses
from kg.nlp.gazetteer import Gazetteer, norm_key, without_possessive
from kg.nlp.heads import listed_body
from kg.nlp.lexicon import Lexicon
from kg.nlp.tokens import Token

_CONNECTORS = frozenset({"dan", "and", "serta", "of", "untuk", "for", "the", "di", "in"})
_GOES_ON = _CONNECTORS | {"on", "against"}  # inside a body's name: "UN Office on Drugs and Crime"
_OF = frozenset({"of", "the", "from", "at"})  # between a person and the body they speak for: "X of the Y Police"
_AND = frozenset({"and", "dan"})  # between a person and the next party: "General X and Royal Thai Armed Forces Chief Y"

RUNAWAY = 6  # tokens from which an English head-word body may be words of several names run together


def _recognised_bodies(tokens: list[Token], chunks: dict[int, tuple[int, str, str]],
                       proposed: list[tuple[int, int, str]], gaz: Gazetteer) -> dict[int, tuple[int, str, str]]:
    """An English body's name the head-word rule ran on over two names ("Ministry of Justice and Ministry of
    Foreign Affairs") or over a report's headings and table cells ("Institutional Background and Scope National
    Human Resources Development Council of Sri Lanka") is the recogniser's bodies inside it, where a capitalised
    word comes twice in the run, or where the words the recogniser leaves out meet its bodies with no link: each
    such word capitalised, no connector ("Counter-Terrorism Committee of the United Nations Security Council",
    "Ministry of Justice and Public Security" stay whole), no owner's possessive or country ("India's Ministry of
    Defence" keeps its country). On the 450 annotated articles no name changes; on multiNER's government
    reports (``bench/en_names.py``) bodies found rose from 0.54 to 0.62 of the annotated ones, places from 0.87
    to 0.93; CrossNER politics' bodies F1 0.846 -> 0.851."""
    out = dict(chunks)
    orgs = [(a, b) for a, b, label in proposed if label == "ORG"]
    for start, (n, _key, etype) in chunks.items():
        if etype != "Organization" or n < RUNAWAY:
            continue
        end = start + n
        inside = [(a, b) for a, b in orgs if start <= a and b <= end and (a, b) != (start, end)]
        if not inside or any(a < start < b or a < end < b for a, b in orgs):
            continue
        covered = {k for a, b in inside for k in range(a, b)}
        meeting = [k for a, b in inside for k in (a - 1, b) if start <= k < end and k not in covered]
        linked = any(not tokens[k].is_cap or not tokens[k].is_word or without_possessive(tokens[k].text) != tokens[k].text
                     or tokens[k].text.lower() in gaz.adjectives or gaz.match(tokens, k) for k in meeting)
        words = [t.text.lower() for t in tokens[start:end] if t.is_cap and t.is_word]
        if linked and len(set(words)) == len(words):
            continue  # one name whose parts the recogniser reads apart, no word of it said twice
        del out[start]
        for a, b in inside:
            name = without_parentheses(" ".join(t.text for t in tokens[a:b]))
            out[a] = (b - a, f"organization:{norm_key(name)}", etype)
    return out


def _longer_bodies(tokens: list[Token], chunks: dict[int, tuple[int, str, str]], proposed: list[tuple[int, int, str]],
                   gaz: Gazetteer, lex: Lexicon) -> dict[int, tuple[int, str, str]]:
    """A body's name goes on past its head word where the recogniser's body does: "New York Police Department",
    "Special Branch Police Bureau", "Arab Office for Drug Affairs", in an Indonesian article "ASEAN Coast Guard
    Forum" (the head-word rule had ended them at "Police", "Office" and "Guard")."""
    out = dict(chunks)
    for start, (n, _key, etype) in chunks.items():
        if etype != "Organization":
            continue
        end = start + n
        longer = max((b for a, b, label in proposed if label == "ORG" and a <= start and end < b), default=end)
        if longer == end or not _name_goes_on(tokens, end, longer, chunks, gaz, lex):
            continue
        name = without_parentheses(" ".join(t.text for t in tokens[start:longer]))
        out[start] = (longer - start, f"organization:{norm_key(name)}", etype)
    return out


def _name_goes_on(tokens: list[Token], end: int, longer: int, chunks: dict[int, tuple[int, str, str]],
                  gaz: Gazetteer, lex: Lexicon) -> bool:
    """Whether the words from ``end`` to ``longer`` go on with a body's name: capitalised words and the connectors
    of a name, no title, rank or listed name among them, ending on no connector, and a connector or another head
    word saying the name goes on ("... UN Drugs and Crime Office Yuriy Fedotov": a person after the body, which
    the recogniser ran on into)."""
    lows = [t.text.lower() for t in tokens[end:longer]]
    if lows[-1] in _GOES_ON or not any(low in _GOES_ON or low in lex.head_words for low in lows):
        return False
    return all(k not in chunks and not gaz.match(tokens, k) and (low,) not in lex.titles and (low,) not in lex.ranks
               and (tokens[k].is_cap or low in _GOES_ON) for k, low in zip(range(end, longer), lows))


def bodies_without_people(tokens: list[Token], chunks: dict[int, tuple[int, str, str]],
                          proposed: list[tuple[int, int, str]], gaz: Gazetteer, lex: Lexicon) -> dict[int, tuple[int, str, str]]:
    """A body's name that its head word runs on into a person's ("Partai Demokrat X Y", "Fraksi Partai
    Gerindra X Y", "Kementerian Luar Negeri dan Perdagangan X Y") ends where the
    recogniser sees a name of two words or more that runs to the end of it or past it, no lexical cue marking
    the place. Not where the body would keep its head word alone or end on a rank, title or connector: a body
    named after a person ("Lanud Roesmin Nurjadin", "Universitas Jenderal Achmad Yani") keeps its name, and no
    listed name is cut ("Kepolisian Nasional Timor Leste X ..."). A place the gazetteer knows just
    before the recogniser's name ends the body, the words between beginning the name ("Badan Kesbangpol
    Provinsi Bali I Gusti X Y"). And the other way round: a person, "of (the)", then a body, run into one name
    ("Sarah Jones of the Australian Federal Police"), is the body from where the recogniser's body begins.
    In English, first, a long name run on over several ones is the recogniser's bodies (``_recognised_bodies``);
    then, in both languages, a name cut at its head word goes on where the recogniser's does (``_longer_bodies``)."""
    if lex.language == "en":
        chunks = _recognised_bodies(tokens, chunks, proposed, gaz)
    chunks = _longer_bodies(tokens, chunks, proposed, gaz, lex)
    people = [(s, e) for s, e, label in proposed if label == "PER" and e - s >= 2]
    if not people:
        return chunks
    out = dict(chunks)
    bodies = {s for s, _e, label in proposed if label == "ORG"}
    for start, (n, _key, etype) in chunks.items():
        end = start + n
        after = _person_then_body(tokens, start, end, people, bodies, gaz, lex) if etype == "Organization" else None
        if after is not None:
            del out[start]
            name = without_parentheses(" ".join(t.text for t in tokens[after:end]))
            out[after] = (end - after, f"organization:{norm_key(name)}", etype)
            continue
        cut = next((s for s, e in people if start + 2 <= s < end <= e), None) if etype == "Organization" else None
        if cut is None:
            continue
        spans = [(k, k + found[0]) for k in range(start, cut) if (found := gaz.match(tokens, k))]
        if any(a < cut < b for a, b in spans):
            continue
        cut = next((b for a, b in reversed(spans) if start + 2 <= b < cut and cut - b <= 2
                    and all(t.is_cap and t.is_word for t in tokens[b:cut])), cut)
        last = tokens[cut - 1].text.lower()
        if (last,) in lex.ranks or (last,) in lex.titles or last in _CONNECTORS or not tokens[cut - 1].is_word \
                or not any(t.is_cap for t in tokens[start:cut]):
            continue  # nor where no name would be left: "3rd Marine Division" is no unit "3rd"
        name = without_parentheses(" ".join(t.text for t in tokens[start:cut]))
        out[start] = (cut - start, f"organization:{norm_key(name)}", etype)
    return out


def _person_then_body(tokens: list[Token], start: int, end: int, people: list[tuple[int, int]],
                      bodies: set[int], gaz: Gazetteer, lex: Lexicon) -> int | None:
    """Where the body begins in a capitalised run the head-word rules took for one body, "Don Penney of the
    Rochester Fire Department", "Sarah Jones of the Australian Federal Police": the recogniser sees a person,
    then "of (the)", then a body, which the recogniser may see, the gazetteer list or a head word name (the
    recogniser often leaves a listed body untagged: "Sarah Jones of the Australian Federal Police" had been one
    body). "And" before the body ends the person's name too, where the recogniser sees the body ("Commander
    General Agus Subiyanto and Royal Thai Armed Forces Chief ..." had been one body). None when the run is one
    body."""
    for s, e in people:
        if not start <= s < e < end or tokens[e].text.lower() not in _OF | _AND:
            continue
        k = e + 1
        while k < end and tokens[k].text.lower() in _OF:
            k += 1
        if k in bodies:
            return k
        if k < end and tokens[e].text.lower() in _OF and tokens[k].is_cap and (
                listed_body(gaz.match(tokens, k)) or any(t.text.lower() in lex.head_words for t in tokens[k:end])):
            return k
    return None
