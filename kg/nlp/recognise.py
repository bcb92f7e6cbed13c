"""Mention recognition over a whole article: per sentence first, then the article-wide passes that need
what the first pass learnt (acronyms defined in brackets, people already introduced by name).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.model import Mention, Sentence
from kg.names import without_parentheses
from kg.nlp.branches import branch_at
from kg.nlp.gazetteer import Gazetteer, norm_key, token_key, without_possessive
from kg.nlp.heads import acronym, country_service, series_end
from kg.nlp.lexicon import Lexicon, unit_names
from kg.nlp.mentions import joining_hyphen, vessels
from kg.nlp.title_names import (body_inside_name, no_name_after, person_after_comma, place_after_comma,
                                reads_person)
from kg.nlp.titles import (after_inner_rank, body_before, host_after, lower_title_start, parse_title, unit_place_after,
                           unit_words)
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.ner.english import title_case
from kg.nlp.tokens import Token

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*$")


def _text(tokens: list[Token], start: int, end: int, source: str) -> str:
    return source[tokens[start].start:tokens[end - 1].end]


def sentence_mentions(sentence: Sentence, text: str, *, gaz: Gazetteer, lex: Lexicon,
                      chunks: dict[int, tuple[int, str, str]],
                      proposed: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """``chunks``: the sentence's head-word names (``head_chunks``), found once for every pass that reads them;
    ``proposed``: the recogniser's spans over the sentence (``proposals.propose``)."""
    tokens = sentence.tokens
    used = [False] * len(tokens)
    mentions: list[Mention] = []

    def add(start: int, end: int, etype: str, key: str, rule: str, name: str = "", **extra: object) -> Mention:
        for k in range(start, end):
            used[k] = True
        mention = Mention(
            tokens[start].start, tokens[end - 1].end, _text(tokens, start, end, text), etype, sentence.index,
            key=key, name=name or _text(tokens, start, end, text), rule=rule,
        )
        for attr, value in extra.items():
            setattr(mention, attr, value)
        mentions.append(mention)
        return mention

    for start, end in vessels(tokens, lex):  # "USS America", "HMS Queen Elizabeth": a ship, no entity, no title
        used[start:end] = [True] * (end - start)
    i = 0
    while i < len(tokens):
        parsed = parse_title(tokens, i, gaz=gaz, lex=lex, chunks=chunks) if not used[i] else None
        if parsed is None:
            i += 1
            continue
        end, title, role, body, name_start, name_end = parsed
        # "... deputy chief X"; not before a capitalised title ("under President X": the title is "President")
        first = lower_title_start(tokens, i, lex) if lex.lower_case_titles and not tokens[i].is_cap else i
        if first < i:
            role = " ".join(t.text for t in tokens[first:i]) + " " + role
        if not body:
            body = body_before(tokens, first, gaz, chunks)
            if not body:  # "US Counterterrorism Coordinator", "Malaysia's Deputy Home Minister": role words and the
                k = first     # words titles start with between the body and the title
                while k > 0 and tokens[k - 1].is_cap and (tokens[k - 1].text.lower() in lex.role_words
                                                          or (tokens[k - 1].text.lower(),) in lex.title_prefixes):
                    k -= 1
                if k < first:
                    body = body_before(tokens, k, gaz, chunks)
                    if body:
                        role = " ".join(t.text for t in tokens[k:first]) + " " + role
        body_key = body
        if title.kind == "compound":  # a unit's head with a body named after the title serves that body
            own = _compound_body(title.body, tokens, end, gaz)  # ("Kabareskrim Polri": Polri; GUIDELINES)
            body_key = (own or body) if title.body.startswith("@") else (body or own)
            if title.body.startswith("@") and title.body != "@country":
                unit = title.body[1:].capitalize()
                place_n = unit_place_after(tokens, end, gaz, lex, title.body)[0]
                if place_n and (name_start < 0 or name_start >= end + place_n):
                    unit_name = unit + " " + unit_words(tokens[end:end + place_n])
                    listed = gaz.by_alias(unit_name)
                    if listed:
                        body_key, name = listed.key, unit_name
                    else:
                        name = _spelled_unit(unit, tokens[end:end + place_n], gaz)
                        body_key = f"organization:{norm_key(name)}"
                    add(end, end + place_n, "Organization", body_key, "title-unit", name=name)
                    end += place_n
        # mention the body named inside the title
        body_span = _find_body_span(tokens, i, end, body, gaz, chunks)
        if body_span:
            bs, be, btype = body_span
            add(bs, be, btype, body, "title-body", name=_service_name(tokens, bs, be, gaz))
        host = _host_span(tokens, body_span[1] if body_span else i + 1, end, gaz)
        if host:  # "Ambassador to Indonesia", "Duta Besar ... untuk Republik Indonesia": the host is named too
            add(host[0], host[1], "Country", host[2], "title-host")
        if name_start >= 0 and lex.language == "en" and title_case([t.text for t in tokens]):
            name_end = _running_text_end(tokens, name_start, name_end)
            if name_end == name_start:
                name_start = -1
        if name_start >= 0:
            name_start, name_end = after_inner_rank(tokens, name_start, name_end, gaz, lex)
        if name_start >= 0 and not _plausible_name(tokens, name_start, name_end, gaz, lex):
            name_start = -1
        if name_start >= 0 and lex.language == "en" and (_common_word(tokens, name_start, name_end, proposed or [])
                                                          or no_name_after(tokens, name_start, name_end, proposed or [], "en")):
            name_start = -1
        if name_start >= 0 and place_after_comma(tokens, name_start, name_end, proposed or []):
            name_start = -1
        inside = body_inside_name(tokens, name_start, name_end, proposed or [], gaz, lex) \
            if name_start >= 0 and not body_key and lex.language == "id" else None
        if inside:  # "Menteri Pertanian dan Sumber Daya Air Australia X Y": the body, and the title's last words
            k, person, entity = inside
            body_key = entity.key
            role = " ".join([role, *(t.text for t in tokens[name_start:k])])
            add(k, person, entity.type, body_key, "title-body", name=_text(tokens, k, person, text))
            name_start = person
        apposed = person_after_comma(tokens, name_start, name_end, proposed or [], lex) if name_start >= 0 else None
        if apposed:  # "Kepala Komnas HAM-RI Perwakilan Sulteng, X Y": the words before the comma name the body
            if not body_key:
                unit = _text(tokens, name_start, name_end, text)
                body_key = f"organization:{norm_key(unit)}"
                add(name_start, name_end, "Organization", body_key, "title-unlisted", name=unit)
            name_start, name_end = apposed
        unlisted = _unlisted_body(tokens, name_start, name_end, gaz) if name_start >= 0 and not body_key \
            and lex.language == "id" else 0
        if unlisted:  # the title's body, unlisted: "Plt Kepala BKKBN X Y", "Ketua PWNU Jawa Timur (KH X)"
            unit = _text(tokens, name_start, name_start + unlisted, text)
            body_key = f"organization:{norm_key(unit)}"
            add(name_start, name_start + unlisted, "Organization", body_key, "title-acronym", name=unit)
            name_start += unlisted
            if name_start >= name_end:
                name_start = -1
        if name_start >= 0:
            name = " ".join(_text(tokens, name_start, name_end, text).split())
            add(name_start, name_end, "Person", f"person:{norm_key(name)}", "title-name", name=name,
                role=role, body=body_key)
            for k in range(i, name_start):
                used[k] = True
            i = name_end
        else:
            add(i, max(end, i + 1), "Title", "", "title", name=role, role=role,
                body=body_key)
            i = end
    # gazetteer bodies, countries and places, and head-word chunks, on what is left
    i = 0
    while i < len(tokens):
        if used[i]:
            i += 1
            continue
        found = gaz.match(tokens, i)
        chunk = chunks.get(i)
        branched = branch_at(tokens, i, gaz, found)
        if branched and not any(used[i:i + branched[0]]) and not (chunk and chunk[0] > branched[0]):
            n, key = branched  # "BNN NTB", "Pengurus Wilayah NU Jawa Tengah", "Kemenlu Jepang": another body
            add(i, i + n, "Organization", key, "gazetteer-branch", name=without_parentheses(_text(tokens, i, i + n, text)))
            i += n
        elif chunk and (not found or chunk[0] > found[0]) and not any(used[i:i + chunk[0]]):
            n, key, etype = chunk
            add(i, i + n, etype, key, "name-after-body" if etype == "Person" else "head-word",
                name=_service_name(tokens, i, i + n, gaz) or without_parentheses(_text(tokens, i, i + n, text)))
            i += n
        elif (found and not any(used[i:i + found[0]]) and not _in_rank(tokens, i, found[0], lex)
              and not (i > 1 and joining_hyphen(tokens, i - 1) and len(tokens[i - 2].text) == 1)):
            # not the "PKB" of "F-PKB" (a party's parliamentary group, another body)
            n, entry = found
            mention = add(i, i + n, entry.type, entry.key, "gazetteer")
            bare = without_possessive(mention.text)
            if bare != mention.text:  # "New Zealand's": the name without the possessive
                mention.end -= len(mention.text) - len(bare)
                mention.text = mention.name = bare
            i += n
        else:
            i += 1
    _acronym_definitions(tokens, mentions, used, add)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _plausible_name(tokens: list[Token], start: int, end: int, gaz: Gazetteer, lex: Lexicon) -> bool:
    """A name after a title is no name when it starts like a number or a building, is a meeting series' name
    ("Selain Menlu Kamboja, AMM kali ini dihadiri ..."), opens with a body's head word ("Komandan Jenderal
    Angkatan Darat AS ...": the title goes on) or holds an agency."""
    first = tokens[start].text.lower()
    if first in lex.not_names or (first,) in lex.titles or series_end(tokens, start, lex) \
            or lex.heads.get((first,), ("", ""))[0] == "Organization":
        return False
    for k in range(start, end):
        found = gaz.match(tokens, k)
        if found and found[1].type == "Organization":
            return False
    return True


def _common_word(tokens: list[Token], start: int, end: int, proposed: list[tuple[int, int, str]]) -> bool:
    """One English word after a title that running text writes in lower case at least as often as not, in which
    the recogniser sees no person, goes on the title rather than name someone: "the Chief Guest was ...",
    "Director General of Public Accounts", a table's "Commissioner Charges" (government reports). A surname
    capitalised most of the time ("Foreign Minister Bishop") stays a name, as do two such words ("PM of the Cook
    Islands Mark Brown"); so does "Chief Accountant", a reading the recogniser's word habits cannot tell apart."""
    if end - start != 1 or reads_person(proposed, start, end):
        return False
    return load_clusters("en").case.get(tokens[start].text.lower()) in ("lower", "mixed")


def _running_text_end(tokens: list[Token], start: int, end: int) -> int:
    """Where an English name after a title in a title-case headline stops: at a word running text writes in
    lower case, so "Police Chief Opens Regional Meeting" names nobody (the word habits come with the
    recogniser's word clusters)."""
    case = load_clusters("en").case
    for k in range(start, end):
        if tokens[k].is_cap and case.get(tokens[k].text.lower()) == "lower":
            return k  # a particle written in lower case ("bin", "van") is part of the name
    return end


def _spelled_unit(unit: str, place: list[Token], gaz: Gazetteer) -> str:
    """The name of the unit a title heads, spelled out as the annotators write it: "Kapolda Jabar" heads
    "Kepolisian Daerah Jawa Barat", "Gubernur Sumbar" "Pemerintah Provinsi Sumatera Barat" (the kind from
    ``lexicons/unit_names.tsv``, the place by its gazetteer name when the gazetteer knows it)."""
    kind = unit_names().get(unit.lower(), unit)
    where = unit_words(place)
    found = gaz.match(place, 0)
    if found and found[0] == len(place) and found[1].type == "Place":
        label = found[1].labels.get("id") or where
        if f" {norm_key(label)} " not in f" {norm_key(where)} ":
            where = label  # a short form spelled out ("Jabar"), a fuller one kept ("DKI Jakarta")
    return f"{kind} {where}"


def _compound_body(spec: str, tokens: list[Token], end: int, gaz: Gazetteer) -> str:
    if spec == "@country":
        found = gaz.match(tokens, end) if end < len(tokens) else None
        return found[1].key if found and found[1].type == "Country" else ""
    if spec.startswith("@"):
        return ""
    entry = gaz.by_alias(spec)
    return entry.key if entry else ""


def _service_name(tokens: list[Token], start: int, end: int, gaz: Gazetteer) -> str:
    """The name of a country's service that ``tokens[start:end]`` write as its service word and the country
    ("Polisi Singapura": "Kepolisian Singapura", ``heads.country_service``), or "" for any other span."""
    service = country_service(tokens, start, gaz)
    return service[1] if service and service[0] == end - start else ""


def _find_body_span(tokens: list[Token], start: int, end: int, body: str, gaz: Gazetteer,
                    chunks: dict[int, tuple[int, str, str]]) -> tuple[int, int, str] | None:
    if not body:
        return None
    for k in range(start + 1, end):
        if k in chunks and chunks[k][1] == body:
            return k, k + chunks[k][0], chunks[k][2]
        found = gaz.match(tokens, k)
        if found and found[1].key == body:
            return k, k + found[0], found[1].type
        branched = branch_at(tokens, k, gaz, found) if body.startswith("organization:") else None
        if branched and branched[1] == body:
            return k, k + branched[0], "Organization"
    return None


def _host_span(tokens: list[Token], start: int, end: int, gaz: Gazetteer) -> tuple[int, int, str] | None:
    """The country an envoy is sent to, named inside a title's span ("Ambassador to Indonesia")."""
    for k in range(start, end - 1):
        host = host_after(tokens, k, gaz)
        if host and host[1] <= end:
            return host
    return None


def _acronym_definitions(tokens: list[Token], mentions: list[Mention], used: list[bool], add) -> None:  # type: ignore[no-untyped-def]
    """"Joint Working Group (JWG)" and "GID (General Intelligence Directorate)": the bracket names the same thing."""
    by_end = {m.end: m for m in mentions}
    for k in range(1, len(tokens) - 2):
        if tokens[k].text != "(" :
            continue
        close = next((c for c in range(k + 1, min(k + 12, len(tokens))) if tokens[c].text == ")"), None)
        if close is None:
            continue
        inner = tokens[k + 1:close]
        before = by_end.get(tokens[k - 1].end)
        if before and len(inner) == 1 and ACRONYM.match(inner[0].text) and not used[k + 1]:
            add(k + 1, k + 2, before.type, before.key, "acronym", name=before.name)
        elif before and before.type != "Person" and not any(used[k + 1:close]) and all(t.is_cap or t.text.lower() in ("of", "and", "for") for t in inner):
            long_name = " ".join(t.text for t in inner)
            add(k + 1, close, before.type, before.key, "expansion", name=long_name)


def _unlisted_body(tokens: list[Token], start: int, end: int, gaz: Gazetteer) -> int:
    """Tokens of a body the gazetteer does not list that a title's name span opens with: an acronym before a
    name ("BKKBN X Y", ``_acronym_before_name``), or an acronym and the listed place after it, a
    body's regional branch, never a person ("PWNU Jawa Timur", "DPD Sumbar"); 0 otherwise."""
    if _acronym_before_name(tokens[start:end]) and gaz.match(tokens, start + 1) is None:
        return 1
    if not (acronym(tokens[start].text) and len(tokens[start].text) >= 3) or gaz.match(tokens, start) is not None:
        return 0
    place = gaz.match(tokens, start + 1) if start + 1 < end else None
    return 1 + place[0] if place and place[1].type == "Place" and start + 1 + place[0] <= end else 0


def _acronym_before_name(span: list[Token]) -> bool:
    """The words after a title open with capitals of three letters or more and go on with a name of two words or
    more in title case: the acronym is the body the title heads, one the gazetteer does not list ("Direktur
    Utama PTDI Gita Amperiawan", "Kepala BKPM Thomas Lembong"). A name written all in capitals is a name. Indonesian
    only: English puts the body before the title ("BKPM chief X") and may write a surname in capitals
    ("Commissioner KHOO Boon Hui")."""
    if len(span) < 3 or not (acronym(span[0].text) and len(span[0].text) >= 3):
        return False
    rest = [t for t in span[1:] if t.text.isalpha() and len(t.text) > 1]
    return len(rest) >= 2 and all(t.text[0].isupper() and not t.text.isupper() for t in rest[:2])


def known_names(mentions: list[Mention]) -> dict[tuple[str, ...], str]:
    """Ways a person already introduced may be named again: full name, first name, last name.

    A form two people share is ambiguous and left out, but a short form of the same name is no second
    person: "Menlu Pompeo" next to "Menteri Luar Negeri AS Mike Pompeo" leaves "Pompeo" meaning Mike Pompeo."""
    candidates: dict[tuple[str, ...], dict[tuple[str, ...], str]] = {}  # form -> full name parts -> key
    for m in mentions:
        if m.type != "Person":
            continue
        parts = tuple(p.lower() for p in m.name.split()  # not a particle the name writes in lower case ("bin")
                      if len(p) > 2 and not p.endswith(".") and not p[:1].islower())
        forms = {tuple(m.name.lower().split())} | {(p,) for p in parts}
        if len(parts) >= 2:
            forms.add(parts[:2])
            forms.add(parts[-2:])
        for form in forms:
            candidates.setdefault(form, {}).setdefault(parts, m.key)
    names: dict[tuple[str, ...], str] = {}
    for form, by_name in candidates.items():
        longest = [parts for parts in by_name if not any(set(parts) < set(other) for other in by_name)]
        if len({by_name[parts] for parts in longest}) == 1:
            names[form] = by_name[longest[0]]
    return names


def second_pass(sentence: Sentence, text: str, mentions: list[Mention], *, people: dict[tuple[str, ...], str],
                acronyms: dict[str, Mention], lex: Lexicon) -> list[Mention]:
    """Mentions the first pass could not know: a defined acronym again, a person by part of their name.
    ``mentions`` are those already found in this sentence."""
    tokens = sentence.tokens
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_cap or not free(tok.start, tok.end):
            i += 1
            continue
        if tok.text in acronyms:
            ref = acronyms[tok.text]
            found.append(Mention(tok.start, tok.end, tok.text, ref.type, sentence.index, key=ref.key,
                                 name=ref.name, rule="acronym-again"))
            i += 1
            continue
        for n in (3, 2, 1):
            span = tokens[i:i + n]
            if len(span) < n or not all(t.is_cap for t in span):
                continue
            key = people.get(token_key(span))
            if key and free(span[0].start, span[-1].end) and (n > 1 or (tok.text.lower(),) not in lex.titles) \
                    and not _name_goes_on_left(tokens, i, free, lex) and not _name_goes_on_right(tokens, i + n, free, lex) \
                    and not _ends_rank(tokens, i, n, lex):
                found.append(Mention(span[0].start, span[-1].end, text[span[0].start:span[-1].end], "Person",
                                     sentence.index, key=key, name=" ".join(t.text for t in span), rule="name-again"))
                taken.append((span[0].start, span[-1].end))
                i += n
                break
        else:
            i += 1
    return found


def _name_goes_on_left(tokens: list[Token], i: int, free: Callable[[int, int], bool], lex: Lexicon) -> bool:
    """A known name's words with a free capitalised word before them are the end of a longer name ("Lee Hsien
    Loong" when only "PM Hsien Loong" was named by title): the recogniser decides it, not the short form."""
    return i > 0 and _free_name_word(tokens[i - 1], free, lex)


def _name_goes_on_right(tokens: list[Token], j: int, free: Callable[[int, int], bool], lex: Lexicon) -> bool:
    """A known name's words with a free capitalised word after them begin a longer name: "Ahmad" of "Ahmad
    Muzani" after "Wakil Ketua MPR Ahmad Basarah, ..." is another person, "Sri" of "Sri Mulyani" no second
    "Sri", "Luar" of "Menteri Luar Negeri" nobody. A headline's verb ("Wiranto Kumpulkan Kapolri"), a word
    running text writes in lower case ("Bullrich Meets With US Officials"), a title, rank or honorific, and an
    initial ("Petrus R. Golose") do not go on with the name."""
    if j >= len(tokens) or not _free_name_word(tokens[j], free, lex):
        return False
    low = tokens[j].text.lower()
    return low not in lex.headline_verbs and load_clusters(lex.language).case.get(low) != "lower"


def _free_name_word(token: Token, free: Callable[[int, int], bool], lex: Lexicon) -> bool:
    """A capitalised word of two letters or more, in no mention yet, that is no title, rank, honorific or word
    that begins no name: it may be part of a person's name."""
    low = token.text.lower()
    return (token.is_cap and token.text.isalpha() and len(token.text) > 1 and free(token.start, token.end)
            and (low,) not in lex.titles and (low,) not in lex.ranks and low not in lex.honorifics
            and low not in lex.not_names)


def _ends_rank(tokens: list[Token], i: int, n: int, lex: Lexicon) -> bool:
    """The words are the end of a rank or honorific ("Sri" of "Dato' Sri"), not a name said again."""
    return any(token_key(tokens[i - k:i + n]) in lex.ranks for k in range(1, min(i, 3) + 1))


def _in_rank(tokens: list[Token], i: int, n: int, lex: Lexicon) -> bool:
    """"Brigjen TNI J. Binsar", "Mayjen (Purn) TNI X", "Jenderal TNI (purn) X": "TNI" after a rank and before a
    name is part of the rank, not the armed forces named as an actor."""
    after = i + n
    if after + 3 < len(tokens) and tokens[after].text == "(" and (tokens[after + 1].text.lower(),) in lex.ranks \
            and tokens[after + 2].text == ")":
        after += 3  # "Jenderal TNI (purn) X": the retired marker after the rank
    if not (i > 0 and token_key(tokens[i:i + n]) in lex.ranks and after < len(tokens) and tokens[after].is_cap):
        return False
    k = i
    if k > 3 and tokens[k - 1].text == ")" and (tokens[k - 2].text.lower(),) in lex.ranks and tokens[k - 3].text == "(":
        k -= 3  # "Mayjen (Purn) TNI Djoko Setiadi": a retired officer's rank
    return any(token_key(tokens[k - m:k]) in lex.ranks for m in range(1, min(k, lex.longest_rank) + 1))  # "Laksamana Muda TNI"
