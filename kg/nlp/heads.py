"""Named bodies, events and agreements recognised by their head word in a capitalised run ("Kementerian Luar
Negeri", "Joint Working Group", "Memorandum of Understanding on ..."): where such a name begins and ends, its
round ("ke-17"), its subject in lower case, and where it runs on into a second name (into a person's: ``run_on``).

``recognise`` applies these after post titles and the gazetteers, on what they left (see ``mentions``).
"""

from __future__ import annotations

import re

from kg.names import without_parentheses
from kg.nlp.gazetteer import Gazetteer, GazetteerEntry, norm_key
from kg.nlp.lexicon import Lexicon, months, weekdays
from kg.nlp.mentions import MAX_HEAD, heads_at, joining_hyphen, match_rank, rank_at
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.ner.english import title_case
from kg.nlp.run_on import member_after_body, without_person
from kg.nlp.titles import match_title
from kg.nlp.tokens import YEAR, Token
from kg.resources import clause_words, country_services

CONNECTORS = frozenset({"of", "on", "and", "for", "the", "in", "dan", "untuk", "tentang", "&", "-", "–", "to"})
_NAME_GOES_ON = frozenset({"in", "on", "of", "for", "to", "tentang", "untuk"})  # after "(MLA)"; "dan" starts a new name
_ORDINAL = re.compile(r"^[Kk]e-\d+$|^\d+(st|nd|rd|th)?$")
_UNIT_NUMBER = re.compile(r"^(?:[IVXL]+|\d+)$")
_INITIALS = re.compile(r"\b([A-Z]) \. (?=[A-Z]\b)")  # "U . S ." as the key writes it: "US"
_ROUND = re.compile(r"^[IVXL]+$")  # "BDF V": a series' round in Roman numerals
_NAME_CONTINUES = frozenset({"on", "of", "for"})  # "Conference on ...", "General Assembly of the ...": an Event goes on


def country_service(tokens: list[Token], i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """(tokens, name) of a service word and the country named right after it, the body named as the annotators
    name it ("Polisi Singapura": "Kepolisian Singapura"; ``resources.country_services``), or None."""
    body = country_services().get(tokens[i].text.lower()) if i + 1 < len(tokens) else None
    found = gaz.match(tokens, i + 1) if body else None
    if not found or found[1].type != "Country":
        return None
    return 1 + found[0], " ".join([body, *(t.text for t in tokens[i + 1:i + 1 + found[0]])])


_REFERRING = frozenset({"the", "this", "these", "that", "those"})  # before a head word alone: a body referred to
_AND = frozenset({"and", "dan", "serta", "&"})


def head_chunks(tokens: list[Token], lex: Lexicon, gaz: Gazetteer) -> dict[int, tuple[int, str, str]]:
    """Named bodies, events and agreements recognised by a head word, and the member a body's name is followed
    by (``run_on.member_after_body``, a Person): start -> (tokens, key, type)."""
    chunks: dict[int, tuple[int, str, str]] = {}
    headline = lex.language == "en" and title_case([t.text for t in tokens])
    i = 0
    named = -1  # where the name after a rank begins: a person's, which "of the" does not join to the body after it
    while i < len(tokens):
        lower, etype = _lower_name(tokens, i, lex)
        if lower:
            name = " ".join(t.text for t in tokens[i:i + lower])
            chunks[i] = (lower, f"{etype.lower()}:{norm_key(name)}", etype)
            i += lower
            continue
        if not (tokens[i].is_cap and tokens[i].is_word) or _capitalised_by_the_sentence(tokens, i, lex):
            i += 1
            continue
        service = country_service(tokens, i, gaz)
        if service:  # "Kepala Polisi Singapura X": Singapore's police, not a marker before a name
            n, name = service
            chunks[i] = (n, f"organization:{norm_key(name)}", "Organization")
            i += n
            continue
        rank = match_rank(tokens, i, lex) if rank_at(tokens, i, lex) else 0
        if rank and tokens[i + rank].text.lower() not in lex.head_words:  # "Major-General X of the Singapore
            i = named = i + rank  # Army" is no body; "General Secretariat", "General Directorate of ..." are
            continue
        title = match_title(tokens, i, lex) if lex.language == "en" else 0
        if title > 1 and i + title + 1 < len(tokens) and tokens[i + title].text.lower() == "of" \
                and tokens[i + title + 1].is_cap:
            i += title  # "Chief of General Staff of Saudi Armed Forces": a title of several words, then its body
            continue
        series = series_end(tokens, i, lex)
        if series:
            name = " ".join(t.text for t in tokens[i:series])
            chunks[i] = (series - i, f"event:{norm_key(name)}", "Event")
            i = series
            continue
        j = i
        member = 0
        while j < len(tokens):
            tok = tokens[j]
            if j > i and rank_at(tokens, j, lex):
                break  # "Kepala BIN Jenderal Budi Gunawan": the body ends where a rank begins
            if j > i and tok.text.lower() in weekdays():
                break
            member = member_after_body(tokens, i, j, lex, gaz) if j > i and tok.is_cap else 0
            if member:
                break  # "Fraksi PKS Abu Bakar Al Habsyi", "Partai NasDem Surya Paloh": a body, then its member
            if (tok.is_cap and tok.is_word) or (j > i and (_ORDINAL.match(tok.text) or _dotted(tokens, j))):
                j += 1
            elif (j > i and tok.text.lower() == "se" and j + 2 < len(tokens) and tokens[j + 1].text == "-"
                  and tokens[j + 2].is_cap and tokens[j + 2].is_word):
                j += 3  # "Konferensi Kepolisian se-ASEAN", "Kominda se-Sumbagsel": the name's reach is part of it
            elif (j > i and tok.text == "/" and _UNIT_NUMBER.match(tokens[j - 1].text) and j + 1 < len(tokens)
                  and (tokens[j + 1].is_cap or tokens[j + 1].text.isdigit())):
                j += 1  # "Kodam IX/Udayana", "Korem 102/Panju Panjung": a military unit's number and its name
            elif j > i and _inner_acronym(tokens, i, j, lex):
                j += 3  # "Treaty on Mutual Legal Assistance (MLA) in Criminal Matters": the name goes on
            elif (j > i and tok.text.lower() in CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].is_cap
                  and tokens[j + 1].text.lower() not in months() and not _head_starts(tokens, j + 1, lex)
                  and not match_title(tokens, j + 1, lex)
                  and not _locative_place(tokens, j, gaz) and not _another_body(tokens, i, j, gaz, lex)):
                j += 1  # "MoU A dan Treaty B" are two names: a connector before a new head ends the first
            elif (j > i and tok.text.lower() in _NAME_CONTINUES and j + 2 < len(tokens)
                  and tokens[j + 1].text.lower() == "the" and tokens[j + 2].is_cap
                  and not _place_or_title(tokens, i, j, lex, gaz) and i != named
                  and (tok.text.lower() != "for" or any(t.text.lower() in lex.head_words for t in tokens[i:j]))):
                # "General Assembly of the International Criminal Police Organization", "71st Regular Session of
                # the UN General Assembly"; not "Port Moresby for the APEC Summit", "Chief of the Australian
                # Defence Forces": a place or a title is no name's first part
                j += 2
            else:
                break
        found = _classify(tokens, i, j, lex, headline) or _numbered_session(tokens, i, j, gaz)
        if found:
            start, end, etype = found
            if etype == "Agreement":
                end = agreement_subject(tokens, _without_owner(tokens, start, end, lex, gaz))
            elif etype == "Organization":
                end = _of_country(tokens, start, without_person(tokens, start, end, lex, gaz), j, gaz)
            if end < len(tokens) and _ORDINAL.match(tokens[end].text):
                end += 1
            elif spaced_ordinal(tokens, end):
                end += 2  # "Konferensi Aseanapol ke 36"
            if etype in ("Event", "Organization") and end - start > 2 and tokens[start].text == "The":
                start += 1  # "The International Conference on ... opened": the article is no part of the name
            elif etype == "Organization" and start == i and (title := _title_before_country(tokens, start, end, lex, gaz)):
                start += title  # "Commander Vietnam Coast Guard X": the title's body
            elif etype == "Organization" and end - start == 2 and tokens[start].text.lower() in _REFERRING:
                i = max(end, i + 1)  # "The Authority reported ...", "This Institute was set up ...": a body the
                continue  # text names elsewhere, no name of its own (multiNER train: 40 wrong bodies fewer, none lost)
            if etype == "Organization" and start == i and _unit_ordinal(tokens, i):
                start -= 2  # "25th Infantry Division", "3rd Marine Division": the unit's number is its name
            name = _INITIALS.sub(r"\1", without_parentheses(" ".join(t.text for t in tokens[start:end])))
            chunks[start] = (end - start, f"{etype.lower()}:{norm_key(name)}", etype)  # "U.S. Army" is "US Army"
            if member and end == j and etype == "Organization":
                person = " ".join(t.text for t in tokens[j:member])
                chunks[j] = (member - j, f"person:{norm_key(person)}", "Person")
                end = member
            i = max(end, i + 1)
        else:  # a run with no head may still hold a series' name ("Menlu ASEAN AMM")
            i = next((k for k in range(i + 1, j) if series_end(tokens, k, lex)), max(j, i + 1))
    return chunks


def _place_or_title(tokens: list[Token], i: int, j: int, lex: Lexicon, gaz: Gazetteer) -> bool:
    """The words ``tokens[i:j]`` are a listed place or country, or a title or rank, and nothing more."""
    key = tuple(t.text.lower() for t in tokens[i:j])
    key = key[1:] if key[:1] == ("the",) else key  # "The Captain of the ..."
    if key in lex.titles or key in lex.ranks:
        return True
    found = gaz.match(tokens, i)
    return found is not None and found[0] == j - i and found[1].type in ("Place", "Country")


def series_end(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """End of a recurring meeting's or exercise's name starting at ``i`` (``lexicons/event_series.tsv``:
    "AMM", "Bali Democracy Forum", "Garuda Shield") with its round ("BDF V", "AMM ke-56"), or 0. A name of one
    word counts only in capitals as listed ("EAS", not "Eas"); a name a head word goes on from ("EAS Summit")
    is left to the head-word rules, which name the whole."""
    for n in range(min(lex.longest_series, len(tokens) - i), 0, -1):
        key = tuple(t.text.lower() for t in tokens[i:i + n])
        written = lex.event_series.get(key)
        if written is None or (n == 1 and tokens[i].text != written[0]):
            continue
        end = i + n
        after = [t.text.lower() for t in tokens[end:end + MAX_HEAD]]
        if after and tokens[end].is_cap and next(heads_at(after, 0, lex), None) is not None:
            return 0
        if end < len(tokens) and (_ORDINAL.match(tokens[end].text) or _ROUND.match(tokens[end].text)):
            end += 1
        elif spaced_ordinal(tokens, end):
            end += 2
        return end
    return 0


def _numbered_session(tokens: list[Token], i: int, j: int, gaz: Gazetteer) -> tuple[int, int, str] | None:
    """An acronym numbered with an Indonesian ordinal is an event, its nth session: "IPU ke-137", "AMMTC ke-17",
    "ADMM ke 6" (in the 450 annotated articles, every such phrase is an event's name or inside one), in the
    capitalised run ``tokens[i:j]`` or right after it. A country's acronym is not ("RI ke-7": a president's
    number)."""
    for k in range(i + 1, j + 1):
        if k < j and tokens[k].text.lower().startswith("ke-") and _ORDINAL.match(tokens[k].text):
            end = k + 1
        elif k == j and spaced_ordinal(tokens, k):
            end = k + 2
        else:
            continue
        start = k
        while start > i and acronym(tokens[start - 1].text):
            start -= 1
        place = gaz.match(tokens, start) if start < k else None
        if start < k and not (place and place[1].type in ("Country", "Place") and start + place[0] == k):
            return start, end, "Event"
    return None


def spaced_ordinal(tokens: list[Token], k: int) -> bool:
    """An Indonesian ordinal written in two words at ``k``: "ke 36" ("Konferensi Aseanapol ke 36")."""
    return k + 1 < len(tokens) and tokens[k].text.lower() == "ke" and tokens[k + 1].text.isdigit()


def acronym(text: str) -> bool:
    """Capitals only, two letters or more: "BNPT", "ASOD"."""
    return len(text) > 1 and text.isupper() and text.isalpha()


def _title_before_country(tokens: list[Token], start: int, end: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """Tokens of the post title a body's capitalised run opens with when a country or its adjective follows it,
    the body's name beginning with the country ("Commander Vietnam Coast Guard X", "Chief Philippine National
    Police Y"): English titles stand so in Indonesian news, which names a foreign official's post as written.
    0 for a body that opens with a title word and no country ("King Abdulaziz University"), which keeps it."""
    n = match_title(tokens, start, lex)
    if not n or start + n >= end - 1:
        return 0
    found = gaz.match(tokens, start + n)
    return n if (found and found[1].type == "Country") or tokens[start + n].text.lower() in gaz.adjectives else 0


def _without_owner(tokens: list[Token], start: int, end: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """End of an agreement's name without the body that owns it: "MoU BNPT dengan Kemendagri" is BNPT's MoU,
    not one called "MoU BNPT"."""
    for k in range(start + 1, end):
        if tuple(t.text.lower() for t in tokens[start:k]) in lex.heads:
            owner = gaz.match(tokens, k)
            if owner and k + owner[0] == end and owner[1].type in ("Organization", "Country"):
                return k
    return end


def _inner_acronym(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """"( ACRONYM )" at ``j`` inside the name that started at ``i``, the name going on after it: a connector and
    capitalised words ("... Assistance (MLA) in Criminal Matters"), an ordinal or a year ("ASEAN Ministerial
    Meeting (AMM) ke-49", "... Conference (IDEC) 2024"), or, where an event's or agreement's head opens the name
    (or is the acronym), capitalised words: "Konferensi Tingkat Tinggi (KTT) Luar Biasa ...", "Rapat Koordinasi
    (Rakornas) Forum Koordinasi ... Tahun Anggaran 2020", "Nota Kesepahaman (MoU) Kerja Sama Sektor
    Transportasi" (the gold of the 450 annotated articles writes the words after the bracket into the name, each
    of the 5 times an agreement's head stands before it). After a body's name, capitalised words are more often
    its head's name ("(BNPT) Boy Rafli Amar")."""
    if not (j + 3 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].is_cap and tokens[j + 2].text == ")"):
        return False
    after = tokens[j + 3]
    if _ORDINAL.match(after.text.lower()) or spaced_ordinal(tokens, j + 3):
        return True
    if j + 4 < len(tokens) and after.text.lower() in _NAME_GOES_ON and tokens[j + 4].is_cap:
        return True
    if not (after.is_cap and after.is_word) or rank_at(tokens, j + 3, lex) or _head_starts(tokens, j + 3, lex):
        return False
    keys = [t.text.lower() for t in tokens]
    return any(etype in ("Event", "Agreement") and position == "first"
               for k in [*range(i, j), j + 1] for _n, etype, position in heads_at(keys, k, lex))


def _lower_name(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, str]:
    """(tokens, type) of a name with a lower-case head: an event head before capitalised words ("sidang umum
    Interpol", "peringatan 60 tahun Gerakan Non-Blok"), or an agreement that is a name alone ("nota
    kesepahaman"; heads.tsv positions ``lower`` and ``lower-name``), with what follows its acronym ("nota
    kesepahaman (MoU) Kerja Sama Investasi"); (0, "") if none starts here."""
    if tokens[i].is_cap or (i and tokens[i - 1].is_cap and tokens[i - 1].is_word):
        return 0, ""
    if (tokens[i].text.lower(),) not in lex.lower_head_prefixes:
        return 0, ""  # the common case, told without building a phrase
    for n in range(min(3, len(tokens) - i), 0, -1):
        found = lex.lower_heads.get(tuple(t.text.lower() for t in tokens[i:i + n]))
        if found is None:
            continue
        etype, alone = found
        j = i + n
        while j < len(tokens):
            if ((tokens[j].is_cap and tokens[j].is_word) or _ORDINAL.match(tokens[j].text)
                    or (tokens[j].text == "-" and j + 1 < len(tokens) and tokens[j + 1].is_cap)
                    or (_ORDINAL.match(tokens[j - 1].text) and j + 1 < len(tokens) and tokens[j + 1].is_cap)):
                j += 1  # "peringatan 60 tahun Gerakan Non-Blok": a unit word after a number
            elif _inner_acronym(tokens, i, j, lex):
                j += 3  # "nota kesepahaman (MoU) Kerja Sama Investasi": the name goes on after its acronym
            else:
                break
        if alone or any(t.is_cap for t in tokens[i + n:j]):
            return (agreement_subject(tokens, j) if etype == "Agreement" else j) - i, etype
        return 0, ""
    return 0, ""


SUBJECT_OPENERS = frozenset({"on", "tentang", "mengenai", "about", "concerning", "terkait"})
BODY_STOPS = frozenset({"tentang", "mengenai"})  # open a subject; in no body's name of the 450 annotated articles
SUBJECT_STOPS = frozenset({"between", "antara", "with", "dengan", "yang", "signed", "ditandatangani", "by", "oleh", "at", "di",
                           "in", "pada", "to", "ke", "and", "dan"}) | clause_words()
MAX_SUBJECT = 10  # words of an agreement's subject in lower case
SECOND_DOCUMENT = frozenset({"a", "an", "the"})  # "an agreement on X and a swap agreement": "and a" opens another


def agreement_subject(tokens: list[Token], end: int) -> int:
    """End of an agreement's name with its subject in lower case: "MoU on countering terrorism and violent
    extremism", "nota kesepahaman tentang kerja sama pendidikan" (the subject is part of the document's name)."""
    if end >= len(tokens) or tokens[end].text.lower() not in SUBJECT_OPENERS:
        return end
    j = end + 1
    while j < len(tokens) and j - end <= MAX_SUBJECT and (tokens[j].is_word or joining_hyphen(tokens, j)) and (
            tokens[j].text.lower() not in SUBJECT_STOPS or (
                tokens[j].text.lower() in ("and", "dan") and j + 1 < len(tokens) and tokens[j + 1].is_word
                and not tokens[j + 1].is_cap and tokens[j + 1].text not in SECOND_DOCUMENT)):
        j += 1
    return j if j > end + 1 else end


def _another_body(tokens: list[Token], i: int, j: int, gaz: Gazetteer, lex: Lexicon) -> bool:
    """"Universitas Indonesia dan BNPT", "TNI AL dan Royal Australian Navy": "and" between a body's name and
    a listed body or country, or a name that ends in a body's head ("Navy", "Coast Guard", "Institute"), joins
    two names, not two halves of one ("Kementerian Komunikasi dan Informasi" stays one)."""
    if tokens[j].text.lower() not in ("dan", "and", "&"):
        return False
    found = gaz.match(tokens, j + 1)
    if found is not None and found[1].type in ("Organization", "Country"):
        return True
    keys = [t.text.lower() for t in tokens[i:j]]
    named = any(etype == "Organization" for k in range(len(keys)) for _n, etype, _p in heads_at(keys, k, lex))
    if not named and not any(listed_body(gaz.match(tokens, k)) for k in range(i, j)):
        return False  # "UK Serious and Organised Crime Agency": no body's name before the "and"
    end = j + 1
    while end < len(tokens) and tokens[end].is_cap and tokens[end].is_word:
        end += 1
    after = [t.text.lower() for t in tokens[j + 1:end]]
    return any(etype == "Organization" and position == "last" and k + n == len(after)
               for k in range(len(after)) for n, etype, position in heads_at(after, k, lex))


def listed_body(found: tuple[int, GazetteerEntry] | None) -> bool:
    """A gazetteer match (``Gazetteer.match``) that is a listed body."""
    return found is not None and found[1].type == "Organization"


def _unit_ordinal(tokens: list[Token], i: int) -> bool:
    """An English ordinal right before ``i``, which the tokeniser splits in two ("25", "th")."""
    return (i >= 2 and tokens[i - 1].text in ("st", "nd", "rd", "th") and tokens[i - 2].text.isdigit()
            and tokens[i - 2].end == tokens[i - 1].start)


def _dotted(tokens: list[Token], j: int) -> bool:
    """The full stop of a dotted abbreviation inside a name ("U.S. Army", "U.K. Border Force"): written right
    after a capital letter, before another capital."""
    return (tokens[j].text == "." and len(tokens[j - 1].text) == 1 and tokens[j - 1].text.isupper()
            and tokens[j - 1].end == tokens[j].start and j + 1 < len(tokens) and tokens[j + 1].is_cap)


def _after_headline_words(keys: list[str], lex: Lexicon) -> int:
    """How many of a headline run's words before a head are the headline's own: up to its last word running
    text writes in lower case, not a head word or a connector."""
    case = load_clusters(lex.language).case
    return next((p + 1 for p in range(len(keys) - 1, -1, -1) if case.get(keys[p]) == "lower"
                 and keys[p] not in lex.head_words and keys[p] not in CONNECTORS), 0)


def _capitalised_by_the_sentence(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """A sentence's first word that running text writes in lower case, before "of": "Officials of the National
    Police of Colombia", "Members of the Joint Working Group" name the body after "of (the)", not one that
    begins with the common word the sentence capitalised."""
    if i or len(tokens) < 2 or tokens[1].text.lower() != "of":
        return False
    word = tokens[0].text.lower()
    return load_clusters(lex.language).case.get(word) == "lower" and word not in lex.head_words and (word,) not in lex.titles


def _of_country(tokens: list[Token], start: int, end: int, j: int, gaz: Gazetteer) -> int:
    """End of a body's name closed by its head and followed, inside the capitalised run ending at ``j``, by "of
    (the)" and a country: "Armed Forces of the Philippines", "National Police Agency of Japan", "Reserve Bank
    of Australia" name the country's own body (the annotators write the country into the name), which the
    head alone would cut to "Armed Forces", a name another country's body shares. A listed body's name stays
    the gazetteer's to read: "National Police of Indonesia" is Polri, "of Colombia" Colombia's (``branches``)."""
    if end >= j or tokens[end].text.lower() != "of":
        return end
    first = start + 1 if tokens[start].text == "The" else start
    listed = gaz.match(tokens, first)
    if listed and listed[1].type == "Organization" and first + listed[0] == end:
        return end
    k = end + 2 if end + 2 < j and tokens[end + 1].text.lower() == "the" else end + 1
    found = gaz.match(tokens, k)
    return k + found[0] if found and found[1].type == "Country" and k + found[0] <= j else end


def _locative_place(tokens: list[Token], j: int, gaz: Gazetteer) -> bool:
    """"in Labuan Bajo" after a name says where it happened; the place is no part of the name."""
    if tokens[j].text.lower() not in ("in", "at"):
        return False
    found = gaz.match(tokens, j + 1)
    return bool(found) and found[1].type in ("Place", "Country")


def _head_starts(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """A head word that opens a name ("Treaty on ...", "MoU ...", "Kementerian ...") starts at ``j``; after "and"
    or "dan", so does an agreement's that may stand anywhere in its name ("Treaty on Mutual Legal Assistance ...
    dan Treaty on Extradition"; not "Memorandum of Agreement")."""
    keys = [t.text.lower() for t in tokens[j:j + MAX_HEAD]]
    coordinated = j > 0 and tokens[j - 1].text.lower() in _AND
    return any(position == "first" or (coordinated and (etype, position) == ("Agreement", "any"))
               for _n, etype, position in heads_at(keys, 0, lex))


def _last_head_end(tokens: list[Token], keys: list[str], i: int, after: int, etype: str, lex: Lexicon) -> int:
    """End of the last head of the same type that closes a name in the run ("Singapore Police Force": "Police",
    then "Force"), from the first one's end ``i + after``."""
    end = i + after
    for k in range(after, len(keys)):
        if tokens[i + k].is_cap:
            n = next((n for n, kind, position in heads_at(keys, k, lex) if (kind, position) == (etype, "last")), 0)
            end = i + k + n if n else end
    return end


def _classify(tokens: list[Token], i: int, j: int, lex: Lexicon, headline: bool = False) -> tuple[int, int, str] | None:
    """The head-word phrase inside the capitalised run tokens[i:j], trimmed to where the head allows. In a
    title-case headline every word is capitalised, so the run holds the headline's verbs too: the name begins
    after the last word before its head that running text writes in lower case ("Pacific Partners Strengthen
    Ties During | Exercise Talisman Sabre", "Indonesia, Australia Hold | Annual Defence Ministers Meeting")."""
    keys = [t.text.lower() for t in tokens[i:j]]
    for k in range(len(keys)):
        if not tokens[i + k].is_cap:
            continue
        for n, etype, position in heads_at(keys, k, lex):
            if position == "first":
                start, end = (i if k and keys[k - 1] == "(" else i + k), j  # "Rapat Koordinasi (Rakornas) ..."
            elif position == "last":
                start, end = i, _last_head_end(tokens, keys, i, k + n, etype, lex)  # "Singapore Police Force"
                if etype == "Event" and end < j and (tokens[end].text.lower() in _NAME_CONTINUES or tokens[end].text == "("):
                    end = j  # "International Conference on Deradicalisation ...", "... Conference (IDEC) 2024"
            else:
                start, end = i, j
            if headline and position != "first":
                start = i + _after_headline_words(keys[:k], lex)
            if etype == "Organization":  # "Pemerintah Malaysia | tentang Kerja Sama ...": a subject is a document's
                end = next((x for x in range(start + 1, end) if keys[x - i] in BODY_STOPS), end)
            while end > start and tokens[end - 1].text.lower() in CONNECTORS:
                end -= 1
            if end - start == n and n == 1 and etype != "Agreement":
                continue  # a bare head ("Badan", "Meeting") names nothing
            if etype == "Organization" and end > start + n and all(YEAR.match(t.text) for t in tokens[start + n:end]):
                continue  # a body's head and a year alone is a cohort, no body: "Akpol Angkatan 1985"
            return start, end, etype
    return None
