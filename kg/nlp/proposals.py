"""Spans proposed by the statistical recogniser, corrected by the gazetteers and the title lexicon.

How the three combine: rules run first and win (a titled person, a listed agency, a head-word body are
never re-typed by the model); the model then proposes PER/ORG/LOC spans on the tokens the rules left
untouched; a proposal is trimmed of titles, ranks and honorifics, and typed by the gazetteer where the
gazetteer knows it (a listed country is a Country, a listed agency an Organization, whatever the model
said). What is left becomes a Person, Organization or Place mention keyed by its normalised name.
"""

from __future__ import annotations

from kg.model import Mention, Sentence
from kg.nlp.gazetteer import Gazetteer, norm_key, token_key
from kg.nlp.lexicon import Lexicon, months, weekdays
from kg.nlp.mentions import (ARTICLES, INITIAL, JOINED_PARTICLES, NAME_PARTICLES, degree_length, hyphenated_name,
                             joining_hyphen, match_rank, rank_at, vessels)
from kg.nlp.ner import Recogniser
from kg.nlp.tokens import Token
from kg.resources import function_words

_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
_ENGLISH_LINKS = frozenset({"in", "of", "on", "for", "the", "and"})
_EDGE_PUNCT = frozenset(".,;:()[]\"'“”‘’-–—/")
_RANK_PUNCT = frozenset({"(", ")", "."})  # inside a rank: "Brigjen TNI (Purn)", "Kol."


def propose(tokens: list[Token], recogniser: Recogniser, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The recogniser's spans over a sentence, read once: by the rules, where a body's name ends
    (``body_ends.bodies_without_people``), and by ``model_mentions``.

    The words go to the recogniser as its training data wrote them. Both languages' data write a hyphenated word
    as one token ("al-Assad", "ez-Zor", "Bangsa-Bangsa"), where our tokeniser splits it in three: seen apart,
    "Deir ez-Zor" had been a place "Deir" and a person "Zor". English data also writes a possessive as a token of
    its own ("Venezuela 's Ramon Guzman"), and the English recogniser reads the owner and the name after it
    apart only when it sees that token; without it, "Venezuela's Ramon Guzman", "Burma's Suu Kyi" and
    "Talabani's treason" were each one person (13 of the 100 wrong people of ``bench/en_names.py``'s dev
    documents). The Indonesian data has no such token: there the possessive is dropped. A rank of whole words
    written with a hyphen ("Major-General", "Lieutenant-General", as Singaporean, Australian and British news
    write them) goes as the two words the data writes ("Major General Sam Victor Malu"): joined, the
    recogniser saw no rank, and "Major-General Tan Kah Seng of the Singapore Army" no person. An abbreviated
    one ("Lt-Gen") goes as written, which it reads well."""
    if not tokens:
        return []
    words: list[str] = []
    first: list[int] = []  # the sentence tokens each recogniser word spans, first and last
    last: list[int] = []
    k = 0
    while k < len(tokens):
        end = k + 1
        while joining_hyphen(tokens, end) and _written_joined(tokens[end - 1], tokens[end + 1]):
            end += 2  # "al - Assad" is the word "al-Assad"
        if end - k == 3 and token_key(tokens[k:end]) in lex.ranks and min(
                len(tokens[k].text), len(tokens[k + 2].text)) > 3:
            words += [tokens[k].text, tokens[k + 2].text]  # "Major-General" is "Major General"
            first += [k, k + 2]
            last += [k, k + 2]
            k = end
            continue
        text = "".join(t.text for t in tokens[k:end])
        bare = _without_possessive(text)
        words.append(bare)
        first.append(k)
        last.append(end - 1)
        if bare != text and recogniser.language == "en":
            words.append("'s")  # as the training data writes it, "Thailand’s" too
            first.append(end - 1)
            last.append(end - 1)
        k = end
    spans = recogniser.entities(words)
    found = [(first[a], last[b - 1] + 1, label) for a, b, label in spans if words[a] != "'s"]
    return [(a, b, label) for a, b, label in found if a < b]


def model_mentions(sentence: Sentence, text: str, taken: list[Mention], *, proposed: list[tuple[int, int, str]],
                   gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    """``proposed``: the recogniser's spans over the sentence (``propose``)."""
    tokens = sentence.tokens
    if not tokens:
        return []
    occupied = [(m.start, m.end) for m in taken]
    # where a titled person's name follows its title after a comma, the title's words are in no mention; a title
    # of one word may be a body's last word ("Tim Komunikasi Presiden, X")
    roles = [(m.start, m.role.lower().split()) for m in taken if m.type == "Person"]
    titled = [(start, " ".join(words)) for start, words in roles if len(words) > 1]
    occupied += [(tokens[start].start, tokens[end - 1].end) for start, end in vessels(tokens, lex)]
    found: list[Mention] = []
    if lex.language == "en":
        proposed = [part for span in proposed for part in _body_then_person(tokens, span, lex)]
    for proposal in proposed:
        start, end, label = proposal
        if label != "PER" and _after_article(tokens, start, lex):
            end = _trim(tokens, start, end, lex)[1]  # "the General Treasury": a body's whole name
        else:
            start, end = _trim(tokens, start, end, lex)
        if start >= end:
            continue
        if label != "PER" and _after_service_rank(tokens, start, end, lex):
            label = "PER"  # "Lieutenant General X Y", "Kombes Pol X": an officer, whatever the model said
        if label == "PER":
            start, end = hyphenated_name(tokens, start, end)
            if any(len(t.text) > 1 and t.is_word for t in tokens[start:end]):  # not "M. A." of a degree
                end = _through_initials(tokens, end, proposed)
            # "Jean" + "Paul Laborde"; not the span itself, which its trimmed rank had ended
            end = max([end] + [e for s, e, other in proposed if other == "PER" and s < end < e and (s, e, other) != proposal])
            end = _through_particle(tokens, end, proposed)
            start = _past_listed_body(tokens, start, end, taken)
        elif label == "LOC":
            start, end = hyphenated_name(tokens, start, end)  # "Deir ez-Zor", "Ras al-Ain": a place's parts too
        span = tokens[start:end]
        first, last = span[0].start, span[-1].end
        last -= len(span[-1].text) - len(_without_possessive(span[-1].text))  # "Raab's": the name is Raab
        if any(not (last <= a or first >= b) for a, b in occupied):
            continue
        if not span[0].is_cap or not any(t.is_word and t.is_cap and len(t.text) > 1 for t in span):
            continue
        if _no_name_start(span, label, lex) or degree_length(tokens, start, lex) >= end - start:
            continue  # "Ph" of "Ph.D": a degree's first letters, no name
        if _name_tail(tokens, start, label, occupied, lex):
            continue  # "(MLA) in Criminal Matters": the tail of an English name the rules cut, not a name
        if _no_entity(tokens, start, end, lex):
            continue
        words = tuple(t.text.lower() for t in span if t.text != ".")
        if words in lex.titles or words in lex.ranks or words in lex.pronouns or (len(words) == 1 and words[0] in lex.role_words):
            continue
        surface = text[first:last]
        name = " ".join(surface.split())
        if any(name.lower().endswith(role) and first < named <= last + 2 for named, role in titled):
            continue  # "the European Commissioner for ... Migration, Magnus Brunner": the title read, no body
        if end - start == 1 and words[0] in gaz.adjectives:
            continue  # "Indonesian", "Thai": a nationality, not the country or a place
        match = gaz.match(tokens, start)
        entry = match[1] if match and match[0] == end - start else gaz.by_alias(name)
        if entry is not None:
            etype, key = entry.type, entry.key  # "Indonesia's": the listed country, whatever the model said
            rule = "model+gazetteer"
        else:
            etype = _TYPES[label]
            key = f"{'person' if etype == 'Person' else etype.lower()}:{norm_key(name)}"
            rule = "model"
        if not norm_key(name):
            continue
        found.append(Mention(first, last, surface, etype, sentence.index, key=key, name=name, rule=rule))
        occupied.append((first, last))
    return found


def _past_listed_body(tokens: list[Token], start: int, end: int, taken: list[Mention]) -> int:
    """Where a person's name starts when the recogniser ran the end of a listed country or body into it
    ("Perwakilan UE untuk Brunei [Darussalam X Y]", "Direktur Operasi Laut Laksma [Bakamla X Y]"): after the
    country or body, when two capitalised words or more are left; before, the gazetteer's name won and the
    person was lost. In the 450 annotated articles this finds 4 people, 3 of them annotated; the rules' quotations
    gain 3 right claims and lose 1 right and 1 wrong one."""
    for m in taken:
        if m.rule != "gazetteer" or m.type not in ("Country", "Organization"):
            continue
        if m.start <= tokens[start].start < m.end < tokens[end - 1].end:
            k = start
            while k < end and tokens[k].start < m.end:
                k += 1
            rest = tokens[k:end]
            if len(rest) >= 2 and all(t.is_cap and t.is_word for t in rest):
                return k
    return start


def _through_particle(tokens: list[Token], end: int, proposed: list[tuple[int, int, str]]) -> int:
    """A name's lower-case particle between two of the recogniser's people joins them into one name ("Sheikh X
    bin Y Z", "X Y de Z": ``lexicons/name_particles.tsv``): the recogniser tags "bin" as no name's, and its two
    halves had been two people, or one lost. In the 450 annotated articles this makes 6 names whole, each as
    the annotators wrote it."""
    while end + 1 < len(tokens) and tokens[end].text in NAME_PARTICLES:
        after = [e for s, e, label in proposed if label == "PER" and s == end + 1]
        if not after:
            break
        end = after[0]
    return end


def _body_then_person(tokens: list[Token], span: tuple[int, int, str], lex: Lexicon) -> list[tuple[int, int, str]]:
    """English writes a title's body and the holder's name in a row ("Chief of Army Goh Si Hou", "chief of
    the Defence Media Agency Park Chang-shik"), and the recogniser takes the two for one body. Where a body's
    closing head word ("Army", "Agency", "Council") is followed by two capitalised words or more, none of
    them a head word, the body ends at the head and the words after it are a person: in the 450 annotated
    articles 7 of the 8 such spans end in a person's name."""
    start, end, label = span
    if label != "ORG":
        return [span]
    for k in range(end - 2, start - 1, -1):
        head = lex.heads.get((tokens[k].text.lower(),))
        if head is None or head[0] != "Organization" or head[1] not in ("last", "any"):
            continue
        rest = tokens[k + 1:end]
        named = all(t.is_cap and t.is_word for t in rest) and not any((t.text.lower(),) in lex.heads for t in rest)
        if len(rest) >= 2 and named:
            return [(start, k + 1, label), (k + 1, end, "PER")]
        break
    return [span]


def _written_joined(before: Token, after: Token) -> bool:
    """Whether the recogniser reads two parts a hyphen joins as one word: before a capital or a number
    ("Asia-Pacific", "Inter-Parliamentary", "Covid-19") and after an Arabic article ("al-Assad", "ez-Zor"), as its
    training data writes them. A lower-case second syllable stays apart ("Lee Kyung-soo", "Park Chang-shik"):
    the recogniser knows such names by their first part, which ``hyphenated_name`` then completes."""
    return after.is_cap or after.text.isdigit() or (before.text.islower() and before.text in JOINED_PARTICLES)


def _through_initials(tokens: list[Token], end: int, proposed: list[tuple[int, int, str]]) -> int:
    """Where a person's name ends that has initials in it ("Victor H. Simatupang", "Retno L.P. Marsudi", "Tom D.
    Kijiner"): the recogniser stops at an initial's full stop, and the family name after it had been a name of
    its own, or another person."""
    while end + 2 < len(tokens) and tokens[end].text == "." and INITIAL.match(tokens[end - 1].text) or (
            end + 2 < len(tokens) and INITIAL.match(tokens[end].text) and tokens[end + 1].text == "."):
        k = end + 1 if tokens[end].text == "." else end + 2
        if k + 1 < len(tokens) and INITIAL.match(tokens[k].text) and tokens[k + 1].text == ".":
            end = k + 1  # "L . P ." : another initial
            continue
        if tokens[k].is_cap and tokens[k].is_word and len(tokens[k].text) > 1:
            end = max([k + 1] + [e for s, e, _label in proposed if s == k])
        break
    return end


def _without_possessive(word: str) -> str:
    """"Australia's" as the recogniser saw such words in training, where "'s" is a token of its own."""
    return word[:-2] if len(word) > 3 and word[-2:] in ("'s", "’s") else word


def _name_tail(tokens: list[Token], start: int, label: str, occupied: list[tuple[int, int]], lex: Lexicon) -> bool:
    """After "in", "of", "the" ... a proposal in Indonesian text is the tail of an English name; in English
    text only where a name runs up to the link ("Assistance (MLA) in Criminal Matters"), not "talks in Medan".
    English "and" joins two names as often as it runs on inside one ("Search and Rescue Team"): a person
    after it, or a name after a bracket or after a name already found, is the next of a list ("Retno
    Marsudi and Prabowo Subianto", "(Angola) and Magdy Elshafey"), not a tail."""
    if start == 0 or tokens[start - 1].text not in _ENGLISH_LINKS:
        return False
    if lex.language != "en":
        return True
    if start < 2 or not (tokens[start - 2].text == ")" or tokens[start - 2].is_cap):
        return False
    if label == "LOC" and tokens[start - 1].text == "in":
        return False  # "Putin in Sochi": where it happened, not a name's tail
    if tokens[start - 1].text != "and":
        return True
    before = tokens[start - 2]
    return not (label == "PER" or before.text == ")" or any(a < before.end <= b for a, b in occupied))


def _no_name_start(span: list[Token], label: str, lex: Lexicon) -> bool:
    """A word no name of the kind begins with. No person's name begins with a word of ``not_names``; a body's or
    place's may ("National Police", "East Java", "Counter Terrorist Operations Centre", "Unit Pelaksana
    Teknis"), unless the word is all of it ("East", "Tuhan"), a function word, a month or a day of the week.
    Applied to every kind, the list cut the English recogniser's bodies and places: on the documents of
    ``bench/en_names.py``, recall of bodies 0.834 -> 0.852 (CoNLL-2003) and 0.744 -> 0.821 (WikiGold), of
    places 0.938 -> 0.947 and 0.845 -> 0.893, once it applied to people alone."""
    first = span[0].text.lower()
    if first not in lex.not_names or (len(span) > 1 and INITIAL.match(span[0].text) and span[1].text == "."):
        return False  # "A. D. Silva": an initial, not the article
    if label == "PER" or len(span) == 1:
        return True
    return first in function_words(lex.language) or first in months() or first in weekdays()


def _no_entity(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """A time zone ("WIB"), page furniture ("Story Text"), or a name after "Operation" (an operation's)."""
    phrase = " ".join(t.text.lower() for t in tokens[start:end])
    if lex.not_entities.get(phrase) in ("timezone", "furniture"):
        return True
    return start > 0 and lex.not_entities.get(tokens[start - 1].text.lower().rstrip(".")) == "before"


def _after_service_rank(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """The words follow an officer's rank (past its service markers and honorifics: "Brigjen TNI (Purn) Dr. X")
    and name no body: the rank is no part of a body's name ("Direktorat Jenderal Imigrasi", "Jalan Jenderal
    Sudirman") and no head word of one follows ("General Border Committee"), nor an article goes before it
    (``_after_article``)."""
    if any((t.text.lower(),) in lex.heads for t in tokens[start:end]):
        return False
    k = start
    while k > 0 and (tokens[k - 1].text in _RANK_PUNCT or ((tokens[k - 1].text.lower(),) in lex.ranks
                                                    and (tokens[k - 1].text.lower(),) not in lex.service_ranks)):
        k -= 1
    for m in range(1, min(k, lex.longest_rank) + 1):
        if token_key(tokens[k - m:k]) in lex.service_ranks:
            before = tokens[k - m - 1] if k - m > 0 else None
            if _after_article(tokens, k - m, lex):
                return False
            return not (before is not None and before.is_cap and ((before.text.lower(),) in lex.heads
                                                                   or before.text.lower() in lex.not_names))
    return False


def _after_article(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """An English rank at ``k`` after an article opens a name that is no officer's ("the General Treasury",
    "a General Election"): an officer's rank before a name takes no article."""
    return (lex.language == "en" and 0 < k < len(tokens) and tokens[k - 1].text.lower() in ARTICLES
            and match_rank(tokens, k, lex) > 0)


def _past_rank(tokens: list[Token], start: int, end: int, lex: Lexicon) -> int:
    """Where a name starts after a rank of several words that begins at ``start`` or just before it and runs
    into it ("Tan Sri Khalid Abu Bakar"; "Datuk | Seri Anwar Ibrahim", the recogniser having left the first
    word out); ``start`` where there is none. A rank is never the whole name."""
    past = start
    for first in range(max(0, start - 2), start + 1):
        n = match_rank(tokens, first, lex)
        if n > 1 and past < first + n < end:
            past = first + n
    return past


def _trim(tokens: list[Token], start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Drop titles, ranks, honorifics, degrees and words no name starts with ("In Jakarta") at the front,
    and punctuation at either edge. A letter that is an honorific's short form ("H." for Haji) before another
    initial is the name's first initial ("Mr. H. R. P. Peris"; in bench/en_names.py's multiNER train documents,
    people found 137 -> 144 of 167)."""
    while start < end:
        word = tokens[start].text.lower().rstrip(".")
        if _first_initial(tokens, start, end, lex):
            break
        if (tokens[start].text in _EDGE_PUNCT or (word,) in lex.ranks or (word,) in lex.titles or (word,) in lex.degrees
                or word in lex.honorifics or lex.not_entities.get(word) == "leading"):
            start += 1
        elif (past := _past_rank(tokens, start, end, lex)) > start:
            start = past
        else:
            break
    while end > start and (tokens[end - 1].text in _EDGE_PUNCT or (tokens[end - 1].text.lower().rstrip("."),) in lex.degrees
                           or _rank_after(tokens, start, end, lex)):
        end -= 1
    return start, end


def _first_initial(tokens: list[Token], k: int, end: int, lex: Lexicon) -> bool:
    """An initial at ``k`` with another after it, the two no honorific's letters ("H.E.")."""
    return (k + 3 < end and INITIAL.match(tokens[k].text) is not None and tokens[k + 1].text == "."
            and INITIAL.match(tokens[k + 2].text) is not None and tokens[k + 3].text == "."
            and token_key(tokens[k:k + 4]) not in lex.ranks)


def _rank_after(tokens: list[Token], start: int, end: int, lex: Lexicon) -> bool:
    """The span's last word opens the rank of a name after the span ("PWNU Jabar KH" before "Hasan Nuri",
    "Dewan Pembina FPHW Komjen" before "(Purn) X"): the rank is the person's, not the body's or the
    previous name's; a title's last word ("Attorney General") stays."""
    last = end - 1
    return (last > start and (tokens[last].text.lower(),) in lex.ranks and rank_at(tokens, last, lex)
            and token_key(tokens[last - 1:end]) not in lex.titles)
