"""Post titles and the names and bodies around them: "Menteri Luar Negeri Inggris Elizabeth Truss", "Kapolda
Jabar Irjen X", "British Ambassador to Indonesia X", "X, Kepala BNPT".

A title claims its role words, its body (named after it, before it in English, or implied by a compound title
such as "Kapolri"), an envoy's host country, ranks and the person's name, so that ``recognise`` can mark the
whole span before the gazetteers and head words see what is left.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.branches import branch_at
from kg.nlp.ner.clusters import load as load_clusters
from kg.nlp.gazetteer import Gazetteer, token_key, without_possessive
from kg.nlp.lexicon import Lexicon, Title, offices, state_posts
from kg.nlp.mentions import match_phrase, match_rank, name_span, rank_at, skip_ranks
from kg.nlp.tokens import Token
from kg.resources import function_words, load_table

_POST_NUMBER = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$")  # "Deputi III", "Asisten I"
_UNIT_NUMBER = re.compile(r"^(?:[IVX]{1,5}|\d{1,4})$")  # "Pangdam IX/Udayana", "Dandim 0813"


def _body_at(tokens: list[Token], j: int, gaz: Gazetteer, chunks: dict[int, tuple[int, str, str]]) -> tuple[int, str, str]:
    """(tokens, key, type) of a body (organisation or country) named at ``j``, or (0, '', '')."""
    if j >= len(tokens):
        return 0, "", ""
    found = gaz.match(tokens, j)
    branched = branch_at(tokens, j, gaz, found)
    if branched:
        return branched[0], branched[1], "Organization"  # "Juru bicara Kemenlu Rusia X": Russia's ministry
    known = found if found and found[1].type in ("Organization", "Country") else None
    if j in chunks and chunks[j][2] == "Organization" and not (known and known[0] >= chunks[j][0]):
        if not (known and _country_after(tokens, j + known[0], gaz) == chunks[j][0] - known[0]):
            return chunks[j]  # a longer name, unless it is the known body and its country ("BNN Republik Indonesia")
    if known:
        return known[0], known[1].key, known[1].type
    return 0, "", ""


BODY_LINKS = frozenset({"of", "for"})  # between a title (or its short form) and the body it names


def lower_title_start(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Where an English title written in lower case at ``i`` begins: English opens titles with lower-case
    words that titles start with ("China Coast Guard deputy chief") or title modifiers ("Egypt's acting
    intelligence chief"), which belong to the role."""
    k = i
    while k > 1 and not tokens[k - 1].is_cap and ((word := (tokens[k - 1].text.lower(),)) in lex.title_prefixes
                                                  or word in lex.title_modifiers):
        k -= 1
    return k


def _opens_lower_title(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """A title in lower case is one after "the" or a capitalised body: "the head of ...", "BNPT chief",
    "China Coast Guard deputy chief"."""
    before = tokens[lower_title_start(tokens, i, lex) - 1]
    return before.text.lower() == "the" or (before.is_cap and before.is_word)


def after_inner_rank(tokens: list[Token], start: int, end: int, gaz: Gazetteer, lex: Lexicon) -> tuple[int, int]:
    """Where a name taken after a title really is when a rank stands inside it: "Kasat Intelkam Polres Kampar
    AKP X", "Ketua PWNU Jabar KH X", "Chief of Defence Staff General X" (a unit, a body or the rest of the title
    before the rank, the name after it; "Kepala BNN Provinsi Maluku Utara Brigjen Pol. X": the name goes on
    past the rank's full stop). A rank of one or two letters ("H", "KH", "MS") may be an initial of the name:
    it cuts only with two words of the span before it and two capitalised words after it ("Sekda Kota Medan
    Ir H X Y", not "James H Freis")."""
    k = start + 1
    while k <= end and k < len(tokens):  # at ``end``: a service rank ends a name (``name_span``)
        n = match_rank(tokens, k, lex)
        if not n:
            k += 1
            continue
        short = sum(len(t.text) for t in tokens[k:k + n] if t.text != ".") < 3
        if not short or (k - start >= 2 and sum(1 for t in tokens[k + n:end] if t.is_word and t.is_cap) >= 2):
            cut = k + n
            while (m := match_rank(tokens, cut, lex)):
                cut += m  # "Ir H X", "Brigjen Pol. X": every rank of a run
            if cut >= end:
                found = name_span(tokens, cut, gaz, lex)
                if not found:
                    return start, end  # a rank ends the span and no name follows it: left as it was
                return cut, cut + found
            start = k = cut
            continue
        k += 1
    return start, end


def match_title(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Tokens of the longest post title at ``i``, in any case ("foreign minister" in an apposition)."""
    return match_phrase(tokens, i, lex.titles, lex.title_prefixes, lex.longest_title)


def _state_post(tokens: list[Token], i: int, end: int) -> bool:
    """A minister's or leader's title at ``tokens[i:end]``: "for" and a country after it name the state it serves
    ("Minister of National Defence for Romania"), where after an envoy's it names the envoy's brief ("UN Special
    Envoy for Syria")."""
    return " ".join(t.text.lower() for t in tokens[i:end]).startswith(state_posts("minister", "leader", "leader-abroad"))


def body_after(tokens: list[Token], j: int, gaz: Gazetteer, chunks: dict[int, tuple[int, str, str]],
               possessed: bool = False) -> tuple[int, str]:
    """"of [the] BODY" or, in Indonesian order, "BODY" at ``j``: (tokens taken, body key), or (0, "").
    ``possessed``: also "of COUNTRY's BODY" ("the head of Morocco's General Directorate of National Security"),
    the body, which the head-word rules name without the country."""
    if j >= len(tokens):
        return 0, ""
    if tokens[j].text.lower() != "of":
        n, key, _ = _body_at(tokens, j, gaz, chunks)
        return n, key
    k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text.lower() == "the" else j + 1
    n, key, _ = _body_at(tokens, k, gaz, chunks)
    if possessed and not n and k + 1 < len(tokens) and without_possessive(tokens[k].text) != tokens[k].text \
            and gaz.owner(tokens[k].text).startswith("country:"):
        n, key, kind = _body_at(tokens, k + 1, gaz, chunks)
        n = n + 1 if kind == "Organization" else 0
    return (n + k - j, key) if n else (0, "")


def body_before(tokens: list[Token], i: int, gaz: Gazetteer, chunks: dict[int, tuple[int, str, str]]) -> str:
    """English puts the body before the title: "Indonesian Foreign Minister", "Australia's Home Affairs
    Minister", "the BNPT chief". Returns the body's key, or ""."""
    if i == 0:
        return ""
    prev = tokens[i - 1].text
    country = gaz.adjectives.get(prev.lower())
    if country:
        return country
    for start in range(max(0, i - 6), i):
        found = gaz.match(tokens, start)  # the gazetteer's key first ("China Coast Guard" is a listed body); it
        # reads a name of several words in the possessive itself ("United Kingdom's")
        if found and start + found[0] == i and found[1].type in ("Organization", "Country"):
            return found[1].key
        if start in chunks and start + chunks[start][0] == i and chunks[start][2] == "Organization":
            return chunks[start][1]
    return gaz.owner(prev) if without_possessive(prev) != prev else ""  # "Australia's", "BNPT's chief"


def _joins(word: str) -> bool:
    """A role word that only joins two others ("dan", "and", "of"): capitalised, it continues a role only
    before another role word ("Politik Dan Keamanan" in a headline), as "Agriculture Secretary Dan Glickman"
    names Dan Glickman."""
    return word in function_words()


def parse_title(
    tokens: list[Token], i: int, *, gaz: Gazetteer, lex: Lexicon, chunks: dict[int, tuple[int, str, str]]
) -> tuple[int, Title, str, str, int, int] | None:
    """A post title at ``i``: (end of title and body, title, role as written, body key, name start, name end)."""
    n = match_phrase(tokens, i, lex.titles, lex.title_prefixes, lex.longest_title)
    lead = _modifier(tokens, i, lex) or _portfolio(tokens, i, lex)  # "Vice Foreign Minister", "Security Minister"
    led = lead + match_phrase(tokens, i + lead, lex.titles, lex.title_prefixes, lex.longest_title) if lead else 0
    if led > max(n, lead):  # the longer reading: "Deputy Secretary General" is a deputy's "Secretary General",
        n = led             # not the title "Deputy Secretary" before a rank
    else:
        lead = 0
    if n <= lead or not (tokens[i].is_cap or (lex.lower_case_titles and i > 0 and _opens_lower_title(tokens, i, lex))):
        return None
    title = lex.titles[token_key(tokens[i + lead:i + n])]
    j = i + n
    # role modifiers: "Luar Negeri", "Bidang Pencegahan, Perlindungan, dan Deradikalisasi"
    while j < len(tokens):
        low = tokens[j].text.lower()
        if rank_at(tokens, j, lex):
            break  # "Kapolri Jenderal Tito Karnavian": the rank starts the name, it is no part of the post
        next_is_role = j + 1 < len(tokens) and tokens[j + 1].text.lower() in lex.role_words and tokens[j + 1].is_cap
        if low in lex.role_words and ((tokens[j].is_cap and not _joins(low)) or next_is_role):
            if _body_at(tokens, j, gaz, chunks)[0]:
                break
            j += 1
        elif low == "," and j + 1 < len(tokens) and tokens[j + 1].text.lower() in lex.role_words and tokens[j + 1].is_cap:
            j += 1
        elif (j == i + n and _POST_NUMBER.match(tokens[j].text) and j + 1 < len(tokens) and tokens[j + 1].is_cap
              and not title.body.startswith("@")):  # "Pangkoarmada I": the unit's number, not the post's
            j += 1  # "Deputi III BNPT Irjen X", "Asisten II": the numbered post
        elif (low == "," and j + 2 < len(tokens) and tokens[j + 1].text.lower() in ("dan", "and")
              and tokens[j + 2].is_cap and tokens[j + 2].text.lower() in lex.role_words):
            j += 2  # "Bidang Pencegahan, Perlindungan, dan Deradikalisasi"
        elif (j == i + n and title.kind == "head" and lex.language == "id" and not _body_at(tokens, j, gaz, chunks)[0]
              and (k := _portfolio_end(tokens, j, gaz, lex))):
            j = k  # "Menteri Infrastruktur Jepang, Akihiro Ohta": a portfolio the role words lack
        else:
            break
    role_end = j
    written = title.full if title.full and role_end == i + n else ""
    if written and lead:
        written = f"{_role_text(tokens, i, i + lead)} {written}"
    j = _aside(tokens, j, lex, i)  # "Menteri Luar Negeri (Menlu) Jepang Taro Kono": the short form before the body
    body_n, body_key, body_type = _body_at(tokens, j, gaz, chunks)
    link = tokens[j].text.lower() if not body_n and j + 1 < len(tokens) else ""
    if link in BODY_LINKS:  # "Secretary-General of ASEAN"; "Minister of National Defence for Romania"
        k = j + 2 if tokens[j + 1].text.lower() == "the" else j + 1
        after_n, after_key, after_type = _body_at(tokens, k, gaz, chunks)
        if after_n and (link == "of" or (after_type == "Country" and _state_post(tokens, i, role_end))):
            body_n, body_key, body_type = after_n + k - j, after_key, after_type
    if not body_n and title.kind == "head":
        office_n, office_key = _office_body(tokens, i + lead, i + n, gaz, chunks)
        if office_n and i + n + office_n >= j:  # the field the role's words took ("Imigrasi") names the office
            role_end = j = i + n
            body_n, body_key, body_type = office_n, office_key, "Organization"
    if body_n and body_type == "Organization":
        body_n += _country_after(tokens, j + body_n, gaz)  # "Kepala Bakamla RI Laksdya TNI Aan Kurnia"
    if title.kind == "compound" and title.body.startswith("@") and title.body != "@country":
        place, sure = unit_place_after(tokens, j, gaz, lex, title.body)
        if place and (sure or unit_number(tokens, j) or rank_at(tokens, j + place, lex)):  # "Kapolda Metro Jaya Irjen Pol X", "Kapolda Jabar X"
            # the place goes with the unit, which the caller names
            role = written or _role_text(tokens, i, role_end)
            end, title_, role, body_key, start, stop = _finish(tokens, i, j + place, title, role, body_key, gaz, lex)
            return j, title_, role, body_key, start, stop
    j += body_n
    close = _short_form_end(tokens, j) if body_n else 0
    if close:
        j = close  # "Badan ... (BNPT)", "Badan Narkotika Nasional Republik Indonesia (BNN RI)"
        if body_type == "Organization":
            j += _country_after(tokens, j, gaz)  # "Kepala Badan Sandi dan Siber Negara (BSSN) RI Mayjen ..."
    if j + 1 < len(tokens) and tokens[j].text.lower() in ("untuk", "to", "for"):
        host = host_after(tokens, j, gaz)
        if host:
            # "Duta Besar Arab Saudi untuk Indonesia X", "British Ambassador to Indonesia X": the host country
            # ends the title; the post is the sending country's, the host stays in the role
            role = (written or _role_text(tokens, i, role_end)) + " " + _role_text(tokens, j, host[1])
            return _finish(tokens, i, host[1], title, role, body_key, gaz, lex)
        else:
            k = j + 1
            while k < len(tokens) and (
                (tokens[k].is_cap and tokens[k].text.lower() in lex.role_words)
                or (tokens[k].text == "-" and k > j + 1 and k + 1 < len(tokens) and tokens[k + 1].is_cap)
            ):
                k += 1  # "Duta Besar ... untuk Kontra-Terorisme": the hyphen is its own token
            if k > j + 1:
                role_extra = j, k
                j = k
                role = (written or _role_text(tokens, i, role_end)) + " " + _role_text(tokens, *role_extra)
                return _finish(tokens, i, j, title, role, body_key, gaz, lex)
    role = written or _role_text(tokens, i, role_end)
    return _finish(tokens, i, j, title, role, body_key, gaz, lex)


OFFICE_WORDS = 4  # words of a field after a title that, with the title's office, may name a listed body


def _office_body(tokens: list[Token], start: int, end: int, gaz: Gazetteer,
                 chunks: dict[int, tuple[int, str, str]]) -> tuple[int, str]:
    """The listed body a head title names by its field alone ("Direktur Jenderal Imigrasi X": the Direktorat
    Jenderal Imigrasi, ``lexicons/offices.tsv``): (tokens taken, body key), or (0, ""). Where the title's role
    words took the field ("Imigrasi", "Strahan"), a body named after it is the post's body, found before this
    step is tried ("Dirjen Strahan Kemhan X": Kementerian Pertahanan, GUIDELINES). Where they did not, a body
    named right after the field is the office's parent and taken along with the office, so that its name does
    not open the person's."""
    kinds = offices().get(" ".join(t.text.lower() for t in tokens[start:end]), ())
    if not kinds or end >= len(tokens) or not tokens[end].is_cap:  # the field follows the title
        return 0, ""
    for m in range(min(OFFICE_WORDS, len(tokens) - end), 0, -1):
        field = " ".join(t.text for t in tokens[end:end + m])
        for office in kinds:
            entry = gaz.by_alias(f"{office} {field}")
            if entry is not None and entry.type == "Organization":
                parent = _body_at(tokens, end + m, gaz, chunks)[0]
                return m + parent, entry.key
    return 0, ""


def modifier_length(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Tokens of a title modifier at ``i`` ("Wakil", "Pelaksana Tugas", "Plt.", "Acting"), or 0."""
    return match_phrase(tokens, i, lex.title_modifiers, lex.modifier_prefixes, lex.longest_modifier)


def _modifier(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """A capitalised title modifier at ``i`` followed by a capitalised word: its tokens, or 0."""
    n = modifier_length(tokens, i, lex) if tokens[i].is_cap else 0
    return n if n and i + n < len(tokens) and tokens[i + n].is_cap else 0


PORTFOLIO_GLUE = frozenset({"and", "&"})


def _portfolio(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """English names a portfolio before the title it qualifies, in capitalised role words: "Security
    Minister", "Public Safety Minister", "Foreign Affairs and External Trade Minister", or all in lower case
    after a country's possessive or "the" ("China's public security minister", "Egypt's intelligence chief";
    ``parse_title`` checks the opening). Their tokens when a title of ``portfolio_heads.tsv`` follows them in
    the same case, or 0."""
    if not lex.portfolio_heads or i >= len(tokens):
        return 0
    cased = tokens[i].is_cap  # or all in lower case, as English writes a title after "the" or "Egypt's"

    def portfolio_word(token: Token) -> bool:
        low = token.text.lower()
        return token.is_cap == cased and low in lex.role_words and (cased or low not in function_words())

    k = i
    while k < len(tokens) and portfolio_word(tokens[k]):
        k += 1
        if (k + 1 < len(tokens) and tokens[k].text.lower() in PORTFOLIO_GLUE and portfolio_word(tokens[k + 1])):
            k += 1
    if k == i or k >= len(tokens):
        return 0
    return k - i if token_key(tokens[k:k + 1]) in lex.portfolio_heads and tokens[k].is_cap == cased else 0


def host_after(tokens: list[Token], j: int, gaz: Gazetteer) -> tuple[int, int, str] | None:
    """(start, end, key) of the country an envoy is sent to, named after "untuk" / "to (the)" at ``j``, or the
    country of an envoy's brief after "for (the)" ("UN Special Envoy for Syria X": the post is the UN's, the
    country stays in the role; a minister's "for" names the state served, which ``parse_title`` reads first)."""
    if j + 1 >= len(tokens) or tokens[j].text.lower() not in ("untuk", "to", "for"):
        return None
    at = j + 2 if tokens[j].text.lower() in ("to", "for") and tokens[j + 1].text.lower() == "the" and j + 2 < len(tokens) else j + 1
    found = gaz.match(tokens, at)
    return (at, at + found[0], found[1].key) if found and found[1].type == "Country" else None


def known_unit_place(tokens: list[Token], j: int, gaz: Gazetteer, unit: str) -> int:
    """Tokens of the place of a police unit after its title when it is known, as a place of the gazetteer
    ("Kapolda Jabar Anton Charliyan"), a region of ``lexicons/unit_places.tsv`` ("Kapolda Metro Jaya tersebut")
    or the listed unit itself: the name, if any, follows."""
    found = gaz.match(tokens, j) if j < len(tokens) else None
    if found and found[1].type == "Place":
        return found[0]
    for n in range(min(3, len(tokens) - j), 0, -1):
        if not all(t.is_cap and t.is_word for t in tokens[j:j + n]):
            continue
        words = " ".join(t.text for t in tokens[j:j + n])
        entry = gaz.by_alias(unit + " " + words)
        if words.lower() in _unit_places() or (entry is not None and entry.type == "Organization"):
            return n
    return 0


@lru_cache(maxsize=1)
def _unit_places() -> frozenset[str]:
    return frozenset(row["name"].lower() for row in load_table("lexicons/unit_places.tsv"))


def unit_place(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """The capitalised words naming the place of a unit after its title ("Kapolda Metro Jaya"), up to three,
    ending where a rank begins; after the unit's number, if it has one ("Pangdam I/Bukit Barisan", "Danrem
    032/Wirabraja", "Dandim 0813")."""
    n = unit_number(tokens, j)
    words = 0
    while j + n < len(tokens) and tokens[j + n].is_cap and tokens[j + n].is_word and words < 3 and not rank_at(tokens, j + n, lex):
        n += 1
        words += 1
    return n


def unit_place_after(tokens: list[Token], j: int, gaz: Gazetteer, lex: Lexicon, unit: str) -> tuple[int, bool]:
    """Tokens of the place after the title of a unit that names its own body (``unit``: "@polda", "@pemkab"), and
    whether they are surely the place: a known one, or a regional head's region before a name ("Bupati Intan
    Jaya X Y"); else the capitalised words ``unit_place`` takes, which a rank or unit number must confirm.
    ``parse_title`` reads the title with it and ``recognise`` names the unit by it."""
    known = known_unit_place(tokens, j, gaz, unit[1:])
    region = region_before_name(tokens, j, gaz, lex) if not known and unit in CIVIL_UNITS else 0
    return known or region or unit_place(tokens, j, lex), bool(known or region)


CIVIL_UNITS = frozenset({"@pemprov", "@pemkab", "@pemkot"})  # a region's government, headed by its governor,
# regent or mayor, whose title is followed by the region's name and the holder's, no rank between


def region_before_name(tokens: list[Token], j: int, gaz: Gazetteer, lex: Lexicon) -> int:
    """Words of a region the gazetteer does not list after a regional head's title, when a name follows:
    three or four capitalised words with no rank or listed place among them are a region of one or two words
    and a name of two ("Bupati Puncak Jaya X Y", "Wali Kota Pengzhou X Y"); 0 otherwise. Two words alone
    cannot be told apart ("Bupati Bantul X"), nor a longer run. On the 450 annotated articles this read five
    regional heads' posts right and none wrong; a one-word region before a name of three words would be read
    wrong ("Bupati Banyuwangi X Y Z" as the region "Banyuwangi X"), and none was seen there."""
    case = load_clusters(lex.language).case
    k = j
    while k < len(tokens) and tokens[k].is_cap and tokens[k].is_word and k - j < 5 and not rank_at(tokens, k, lex):
        if gaz.match(tokens, k) or case.get(tokens[k].text.lower()) == "lower":
            return 0  # a word running text writes in lower case: a headline ("Gubernur Sampaikan Rencana ...")
        k += 1
    if k - j not in (3, 4) or (k < len(tokens) and tokens[k].is_cap and tokens[k].is_word):
        return 0
    return k - j - 2


def unit_number(tokens: list[Token], j: int) -> int:
    """Tokens of a military unit's number after its title: a Roman numeral or digits, with the slash that joins
    it to the unit's name ("I/Bukit Barisan", "032/Wirabraja"); 0 where there is none."""
    if j >= len(tokens) or not _UNIT_NUMBER.match(tokens[j].text):
        return 0
    if j + 2 < len(tokens) and tokens[j + 1].text == "/" and tokens[j + 2].is_cap:
        return 2
    return 1


def unit_words(place: list[Token]) -> str:
    """A unit's place or number as written, the slash kept tight ("I/Bukit Barisan")."""
    return " ".join(t.text for t in place).replace(" / ", "/")


def _country_after(tokens: list[Token], j: int, gaz: Gazetteer) -> int:
    """Tokens of the country a body's name ends with ("Bakamla RI", "Kepolisian Turki"), when a name or a
    rank goes on after it, directly or after a comma or a bracketed short form ("Kepala Bakamla RI, Laksdya X"):
    it qualifies the body, it is not the start of a name."""
    found = gaz.match(tokens, j) if j < len(tokens) else None
    if not found or found[1].type != "Country":
        return 0
    k = j + found[0]
    k = _short_form_end(tokens, k) or k  # "Badan Narkotika Nasional Republik Indonesia (BNN RI), X"
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    return found[0] if k < len(tokens) and tokens[k].is_cap and tokens[k].is_word else 0


def _portfolio_end(tokens: list[Token], j: int, gaz: Gazetteer, lex: Lexicon) -> int:
    """End of one to three capitalised words right after a title that a listed body then ends: in Indonesian
    order they can only be the post's portfolio or the unit it heads, which the role words may lack, not a
    name ("Menteri Infrastruktur Jepang, Akihiro Ohta"; "Dirjen Otda Kemendagri Sumarsono": GUIDELINES, the
    unit headed goes into the role). A country must be followed by a comma and a capitalised word, a body by
    a capitalised word (the rank or the name) or by both. Returns 0 otherwise."""
    found = gaz.match(tokens, j) if j < len(tokens) else None
    for k in range(j + 1, min(j + 4, len(tokens))):
        word = tokens[k - 1]
        if found or not (word.is_cap and word.is_word) or rank_at(tokens, k - 1, lex):
            return 0  # a gazetteer name or a rank is no portfolio word
        found = gaz.match(tokens, k)  # the words so far end here if a listed body or country starts here
        if found and found[1].type in ("Country", "Organization"):
            after = k + found[0]
            if after < len(tokens) and tokens[after].text == ",":
                return k if after + 1 < len(tokens) and tokens[after + 1].is_cap else 0
            body_then_name = (found[1].type == "Organization" and after < len(tokens) and tokens[after].is_cap
                              and tokens[after].is_word)
            return k if body_then_name else 0
    return 0


def _short_form_end(tokens: list[Token], j: int) -> int:
    """End of a bracketed short form at ``j``, else 0: one word ("(BNPT)", "(Deplu)") or two in
    capitals ("(BNN RI)"); more words are a name spelled out or a person ("(Letnan Jenderal Budiman)")."""
    if j + 2 >= len(tokens) or tokens[j].text != "(":
        return 0
    if tokens[j + 2].text == ")":
        return j + 3
    inner = tokens[j + 1:j + 3]
    if j + 3 < len(tokens) and tokens[j + 3].text == ")" and all(t.text.isupper() and t.is_word for t in inner):
        return j + 4
    return 0


def _aside(tokens: list[Token], j: int, lex: Lexicon, i: int | None = None) -> int:
    """End of a bracketed short form of the title between it and its body or name ("Menteri Koordinator Bidang
    Politik, Hukum, dan Keamanan (Menko Polhukam) Hadi Tjahjanto", "Menteri Luar Negeri (Menlu) Jepang"), else
    ``j``. With the title's first token ``i``, also the initials of its words, which no lexicon lists ("Menteri
    Kelautan dan Perikanan (MKP) Fadel Muhammad", "Menteri Hukum dan Hak Asasi Manusia (HAM) Indonesia X")."""
    if j + 2 >= len(tokens) or tokens[j].text != "(":
        return j
    close = next((c for c in range(j + 1, min(j + 6, len(tokens))) if tokens[c].text == ")"), None)
    if close is None or close == j + 1 or close + 1 >= len(tokens):
        return j
    linked = tokens[close + 1].text.lower() in BODY_LINKS and close + 2 < len(tokens) and tokens[close + 2].is_cap
    if not (tokens[close + 1].is_cap or linked):
        return j  # "Prime Minister (PM) of Laos X": the body after the short form, as after the title
    inner = tokens[j + 1:close]
    if i is not None and close == j + 2 and _initials_of(inner[0].text, tokens[i:j]):
        return close + 1
    if not all(t.is_cap for t in inner) or not match_phrase(tokens, j + 1, lex.titles, lex.title_prefixes,
                                                               lex.longest_title):
        return j
    return close + 1


def _initials_of(short: str, title: list[Token]) -> bool:
    """Whether ``short``, in capitals, is made of the initials of some of the title's capitalised words, in
    their order ("MKP": Menteri Kelautan dan Perikanan; "HAM": ... Hak Asasi Manusia)."""
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return False
    initials = iter(t.text[0] for t in title if t.is_cap and t.is_word)
    return all(letter in initials for letter in short)


def _finish(tokens: list[Token], i: int, j: int, title: Title, role: str, body_key: str, gaz: Gazetteer,
            lex: Lexicon) -> tuple[int, Title, str, str, int, int]:
    k = skip_ranks(tokens, _aside(tokens, j, lex, i), lex)
    name_n = name_span(tokens, k, gaz, lex) if k < len(tokens) else 0
    if name_n == 0:
        return j, title, role, body_key, -1, -1
    return j, title, role, body_key, k, k + name_n


def _role_text(tokens: list[Token], start: int, end: int) -> str:
    out = ""
    previous = None
    for tok in tokens[start:end]:
        glued = tok.text in (",", ".") or not out or (previous is not None and (
            (tok.text == "-" and tok.start == previous.end) or (previous.text == "-" and tok.start == previous.end)))
        out += ("" if glued else " ") + tok.text
        previous = tok
    return out
