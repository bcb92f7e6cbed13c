"""Posts given after a name, between commas: English news style.

"Retno Marsudi, Indonesia's foreign minister, said ...", "Penny Wong, Australia's Minister for Foreign
Affairs", "Lim Jock Hoi, Secretary-General of ASEAN," and "Kepala BNPT, Boy Rafli Amar" is the Indonesian
order the title rules already read. The title is matched in any case (an apposition writes "foreign
minister" in lower case), the body is a country or body named just before it ("Indonesia's", "the
Indonesian") or after it ("of ASEAN", "of the National Police"); the person mention gains the role and the
body, so ``holds_position`` treats it like "Foreign Minister Retno Marsudi". Official releases list a
delegate as "Name, Title, Body" ("Bob Carr, Minister for Foreign Affairs, Australia"), and a phrase may link the
name to its post instead of a comma ("X selaku Kepala BNPT", "X, who is also the head of Y";
``lexicons/post_links.tsv``).
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Mention, Sentence
from kg.nlp.gazetteer import Gazetteer, norm_key
from kg.nlp.lexicon import Lexicon
from kg.nlp.mentions import ARTICLES, skip_ranks
from kg.nlp.titles import body_after, match_title
from kg.nlp.tokens import Token
from kg.resources import post_links

_CLOSERS = frozenset({",", ".", ";", ")"})  # or a speech verb of the triggers lexicon: "X, Kepala BNPT, mengatakan"
_LINKS = frozenset({"of", "for", "the", "and"})
_NEXT = frozenset({"and", "dan"})  # after a post with its body, another party of the list
_STOPS = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”"})  # where a title running on to a listed body stops
RUN_ON = 8  # words a title may run on over before the comma of its listed body
_LINK_WORDS = _LINKS | frozenset({"dan", "untuk", "&", "-"})  # inside a title's run of words
_SIDES = frozenset({"representing", "mewakili"})  # "X, Ambassador ..., Ministry of Foreign Affairs representing the Japan side"


def with_appositions(sentence: Sentence, mentions: list[Mention], *, gaz: Gazetteer, lex: Lexicon,
                     chunks: dict[int, tuple[int, str, str]]) -> list[Mention]:
    """``mentions`` of one sentence, people given a post by an apposition carrying it."""
    tokens = sentence.tokens
    at = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end: k for k, t in enumerate(tokens)}
    if lex.language == "id":  # in English articles 1 of 5 such posts of the 450 annotated ones was right
        mentions = _titled_before_comma(tokens, mentions, lex, at, ends)
    linked = {n: end for n, m in enumerate(mentions) if m.type == "Person" and not m.role and m.end in ends
              and (end := _link_end(tokens, ends[m.end] + 1))}  # "X selaku Kepala BNPT"
    candidates = [n for n, m in enumerate(mentions) if (m.type == "Person" or (m.type == "Place" and m.rule == "model"))
                  and not m.role and (sentence.text[m.end - sentence.start:][:1] == "," or n in linked)]
    if not candidates:
        return mentions
    # the recogniser's bodies too: "X, Director General of the Federal Police," has no head-word name at
    # "Federal", as the capitalised run from "Director" is one; a country's adjective before the body is part of
    # the phrase ("of the Brazilian Federal Police")
    bodies: dict[int, tuple[int, str, str]] = {}
    for m in mentions:
        if m.type in ("Organization", "Country") and m.key and m.start in at and m.end in ends:
            i, n = at[m.start], ends[m.end] - at[m.start] + 1
            bodies[i] = (n, m.key, m.type)
            if i > 0 and tokens[i - 1].text.lower() in gaz.adjectives:
                bodies[i - 1] = (n + 1, m.key, m.type)
    chunks = {**bodies, **chunks}
    out = []
    for n, m in enumerate(mentions):
        if n in linked:
            found = _apposition(tokens, linked[n], gaz, lex, chunks, sentence.text, sentence.start, linked=True)
        elif n in candidates:
            found = _apposition(tokens, at[m.end], gaz, lex, chunks, sentence.text, sentence.start) if m.end in at else None
        else:
            found = None
        if found:
            if found[1] or m.type == "Person":  # a post with its body makes a person of a name the
                role, body = found  # recogniser took for a place ("Lim Hock Seng, Secretary-General of ASEAN")
                person = {} if m.type == "Person" else {"type": "Person", "key": f"person:{norm_key(m.name or m.text)}"}
                m = replace(m, role=role, body=body, rule=m.rule + "+apposition", **person)
        out.append(m)
    return out


BEFORE_COMMA = 8  # tokens a title's words may run on over, after the title mention, before the comma


def _titled_before_comma(tokens: list[Token], mentions: list[Mention], lex: Lexicon, at: dict[int, int],
                         ends: dict[int, int]) -> list[Mention]:
    """The Indonesian order with a comma between the title and the name: "Menteri Perdagangan (Mendag), X",
    "Kepala Pusat Komunikasi Publik Kementerian Pertahanan (Kemhan), Brigjen TNI X", "Direktur Jenderal Informasi
    dan Diplomasi Publik, X", "Chief of the Australian Army, Lieutenant General X" (an English title in an
    Indonesian report). A title the rules read with no name after it, the rest of its words (capitalised
    words, their links, a short form in brackets, the bodies they name) up to a comma, any ranks, then a
    person with no post: the person holds the title, of the title's body or else the first body named between
    (a body rather than the country before or after it).
    A person with a post of their own after the comma is the next of a list, not this title's holder.
    ``at`` and ``ends``: the token starting and ending at each character offset."""
    people = {at[m.start]: n for n, m in enumerate(mentions) if m.type == "Person" and m.start in at}
    bodies: dict[int, Mention] = {}  # character offset -> the first body or country named there
    for m in mentions:
        if m.type in ("Organization", "Country"):
            bodies.setdefault(m.start, m)
    out = list(mentions)
    for title in mentions:
        if title.type != "Title" or not title.role or title.end not in ends:
            continue
        k = ends[title.end] + 1
        body, country = title.body, False
        while k < len(tokens) and k - ends[title.end] <= BEFORE_COMMA and tokens[k].text != ",":
            word = tokens[k]
            if not (word.is_cap or word.text in "()" or word.text.lower() in _LINK_WORDS):
                break
            named = bodies.get(word.start)
            if named is not None and not title.body and (not body or (named.type == "Organization" and country)):
                body, country = named.key, named.type == "Country"  # a body before its country, or after it
            k += 1
        if k >= len(tokens) or tokens[k].text != "," or tokens[k - 1].text.lower() in _LINK_WORDS:
            continue
        n = people.get(skip_ranks(tokens, k + 1, lex))
        if n is not None and not out[n].role:
            out[n] = replace(out[n], role=title.role, body=body, rule=out[n].rule + "+titled")
    return out


def _link_end(tokens: list[Token], k: int) -> int:
    """End of a phrase at ``k``, or after a comma there, that gives the person before it the post after it
    ("selaku", "yang juga menjabat sebagai", ", who is also"; ``lexicons/post_links.tsv``), else 0."""
    if k < len(tokens) and tokens[k].text == ",":
        k += 1  # "X, who is also the head of Y"
    for phrase in post_links():
        if tuple(t.text.lower() for t in tokens[k:k + len(phrase)]) == phrase:
            return k + len(phrase)
    return 0


def _apposition(tokens: list[Token], k: int, gaz: Gazetteer, lex: Lexicon, chunks: dict[int, tuple[int, str, str]],
                text: str, offset: int, linked: bool = False) -> tuple[str, str] | None:
    """(role, body key) of ", [the] [BODY's|ADJ] TITLE [of [the] [COUNTRY's] BODY]," starting at the comma ``k``.
    The title may open with words titles start with, in lower case ("X, deputy commander of Thailand's Tourist
    Police Division,": role "deputy commander"), and the body after "of" may stand in its country's possessive
    ("X, the head of Morocco's General Directorate of National Security,"). In the 450 annotated articles these
    two forms give 2 posts more, both annotated. ``linked``: the title starts at ``k``, after a phrase that
    gives the post ("X selaku Ketua Komisi III", "X, who is also the head of Y"); what follows need not close it."""
    if not linked and (k >= len(tokens) or tokens[k].text != ","):
        return None
    j = k if linked else k + 1
    if j < len(tokens) and tokens[j].text.lower() in ARTICLES:
        j += 1
    body = ""
    if j < len(tokens):
        body = gaz.owner(tokens[j].text)
        j += 1 if body else 0
    opens = j  # where the title itself starts: after up to two words titles start with ("deputy commander")
    n = match_title(tokens, opens, lex)
    while not n and opens < min(j + 2, len(tokens)) and (tokens[opens].text.lower(),) in lex.title_prefixes:
        opens += 1
        n = match_title(tokens, opens, lex)
    if not n:
        return None
    role_end = opens + n
    while role_end < len(tokens) and tokens[role_end].text.lower() in lex.role_words:
        role_end += 1  # "Minister for Foreign Affairs"
    while role_end > opens + n and tokens[role_end - 1].text.lower() in _LINKS:
        role_end -= 1  # "Secretary-General of | ASEAN": the link belongs to the body after it
    role = text[tokens[j].start - offset:tokens[role_end - 1].end - offset]
    end = role_end
    if not body:
        taken, body = body_after(tokens, end, gaz, chunks, possessed=True)
        end += taken
    if not body:
        listed = _listed_body(tokens, end, gaz, chunks, lex)
        if listed:
            return (role if listed[0] == end else text[tokens[j].start - offset:tokens[listed[0] - 1].end - offset]), listed[1]
    if end < len(tokens) and tokens[end].text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
        end += 3  # "Kepala Badan Nasional Penanggulangan Terorisme (BNPT),"
    if linked:  # a body it names whole, no capitalised word running on ("sebagai Director of Malaysia Special Branch")
        return (role, body) if body and not (end < len(tokens) and tokens[end].is_cap and tokens[end].is_word) else None
    if end < len(tokens) and not (_closes(tokens[end].text.lower(), lex)
                                  or (body and tokens[end].text.lower() in _NEXT and end + 1 < len(tokens) and tokens[end + 1].is_cap)):
        return None  # "X, Director-General of the Federal Police (BFP) and Europol's Director, Y": "and" a new party
    return role, body  # no body: "X, Minister of Interior;" is "Minister of Interior X", its body left to the post rules


def _listed_body(tokens: list[Token], k: int, gaz: Gazetteer, chunks: dict[int, tuple[int, str, str]],
                 lex: Lexicon) -> tuple[int, str] | None:
    """", BODY" closing an apposition whose title named no body: official releases list a delegate as "Name,
    Title, Body" ("Bob Carr, Minister for Foreign Affairs, Australia"; "X, Ambassador in charge of International
    Counter-Terrorism Cooperation, Ministry of Foreign Affairs representing the Japan side"). The title may run on
    to the comma over up to ``RUN_ON`` words. (where the title ends, body key), or None."""
    comma = next((c for c in range(k, min(k + RUN_ON + 1, len(tokens))) if tokens[c].text in _STOPS), None)
    if comma is None or tokens[comma].text != "," or comma + 1 >= len(tokens) or tokens[comma + 1].text.lower() == "of":
        return None
    if any((found := gaz.match(tokens, i)) and found[1].type in ("Place", "Country") for i in range(k, comma)):
        return None  # "X, the Secretary for Economy and Finance of Macao, China": the title named its place
    n, key = body_after(tokens, comma + 1, gaz, chunks)
    if not n:
        return None
    end = comma + 1 + n
    if end < len(tokens) and tokens[end].text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
        end += 3
    word = tokens[end].text.lower() if end < len(tokens) else "."
    if not (_closes(word, lex) or word in _NEXT or word in _SIDES):
        return None  # "X, Minister of Defence, Australia's ...": a body running on is not this pattern
    return comma, key


def _closes(word: str, lex: Lexicon) -> bool:
    return word in _CLOSERS or lex.triggers.get((word,)) in ("quote_verb", "passive_quote_verb", "speech_verb")
