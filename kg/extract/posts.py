"""Posts: which body a person's title belongs to when the title names none.

A title with its body ("Kepala BNPT", "Indonesian Foreign Minister") is read by the nlp stage. Where it names
none, the genre still says whose post it is: a minister's or head of state's post is the country's (the
article's own in Indonesian news, the host's in English reports, unless the host's own minister of that
portfolio is named: then the other is the guest), a delegation's leader heads the body whose
delegation it is, a body named right before an English title is its body, and a post in a list of one body's
officials is that body's. Each rule here reads one sentence's mentions. Two of these guesses, the host's
country and the body the sentence named last, are right less than half the time, so ``extract`` offers them
to the relation model as candidates rather than as the rules' verdicts (``post_rule``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract.scenes import CANDIDATE
from kg.model import Claim, Mention
from kg.nlp import gazetteer, lexicon
from kg.nlp.lexicon import state_posts
from kg.nlp.titles import modifier_length
from kg.nlp.tokens import tokenize
from kg.resources import function_words

DEFAULT_COUNTRY = {"id": "country:id"}
GUESSED_BODY = frozenset({"host", "context"})  # how a body was found that the relation model judges as a candidate
HOME_RULE = "holds_position:title-home"  # a state post given the article's own country
FORMER = frozenset({"mantan", "former", "eks", "ex"})  # before a title: a post held before


def holds_position(mentions: list[Mention], language: str, text: str = "") -> Iterator[tuple[Mention, str, str, str]]:
    """(person mention, body key, role, how) for each person the text introduces with a post (GUIDELINES:
    holds_position). ``how`` says where the body came from: the title names it ("named"), the article's own
    country for a state post ("home"), the country of the place the sentence names ("host"), the body whose
    delegation the person leads ("led"), a body right before an English title ("before"), the body of the
    titled people either side ("between"), the body the sentence named last ("context") or the body of the one
    the person accompanies ("delegation").

    A minister's title with no body names the article's own country only for someone the text never gives a
    body: "Menlu AS Mike Pompeo ... Menlu Pompeo" is one American post, not an Indonesian one too."""
    explicit = {m.key for m in mentions if m.type == "Person" and m.role and m.body}
    accompanying = lexicon.load(language).phrases("accompany")
    leading = lexicon.load(language).phrases("led_by")
    by_sentence = _by_sentence(mentions)
    for m in mentions:
        if m.type != "Person" or not m.role:
            continue
        body, how = m.body, "named"
        post = _unmodified(m.role, language)  # "Vice Foreign Minister" is a minister's post too
        if not body and post.startswith(state_posts("minister", "leader", "leader-abroad")):
            if m.key not in explicit:
                home = "" if post.startswith(state_posts("leader-abroad")) else DEFAULT_COUNTRY.get(language)
                body, how = (home, "home") if home else (_host_country(by_sentence[m.sentence]), "host")
                if body and (_host_minister(m, body, by_sentence[m.sentence])
                             or (not home and _host_counterpart(m, body, mentions, language))):
                    body = ""  # "Minister for Defence X met Indonesian Defence Minister Y in Jakarta": X is the guest
        elif not body and m.key not in explicit:
            body, how = _nearby_body(m, by_sentence[m.sentence], text, leading, accompanying)
        if body:
            yield m, body, m.role, how


def post_rule(how: str) -> str:
    """The rule of a title's post by where its body came from (``holds_position``). A body guessed from the
    country of the place the sentence names or from the body it named last before the title is a candidate
    for the model to judge, as the implied countries are: on the 450 annotated articles such posts were right
    10 times of 32 and 17 of 46, against 88% for the article's own country and 94% for a body the title or the
    words beside it name."""
    if how in GUESSED_BODY:
        return f"{CANDIDATE}:holds_position:title-{how}"
    return HOME_RULE if how == "home" else "holds_position:title"


def _by_sentence(mentions: list[Mention]) -> dict[int, list[Mention]]:
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.sentence, []).append(m)
    return out


LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:(?:dan|serta|and|&)\s+)?", re.IGNORECASE)  # between two names of a list


def listed(mentions: list[Mention], text: str, language: str) -> Iterator[tuple[Mention, str, str]]:
    """(person mention, body key, role) for each untitled name in a list that a title with its body opens:
    "Wakil Ketua MPR A, B, C serta D", "empat Wakil Ketua KPK, yaitu A, B, C, dan D". Indonesian reports list a
    body's officials under one title, and each holds it (GUIDELINES: holds_position); read one post each,
    they also put the list on one side of a meeting. A single name joined by "dan"/"and" ("Kepala BNPT X dan
    Y") is no such list: in the 450 annotated articles 3 of 9 such names held the post, against 5 of 6 in
    lists of two names or more."""
    intros = lexicon.load(language).phrases("list_intro")
    for group in _by_sentence(mentions).values():
        head: Mention | None = None
        members: list[Mention] = []
        for m in sorted(group, key=lambda m: (m.start, -m.end)):
            if head is not None and m.end <= head.end:
                continue  # the title's own body ("MPR" in "Wakil Ketua MPR")
            if m.type in ("Person", "Title") and m.role:
                yield from _members(head, members)
                head, members = (m, []) if m.body else (None, [])
                continue
            if head is not None and m.type == "Person":
                last = members[-1].end if members else head.end
                gap = text[last:m.start]
                if LIST_GLUE.fullmatch(gap) and (head.type == "Person" or members) \
                        or not members and head.type == "Title" and _introduces(gap, intros):
                    members.append(m)
                    continue
            yield from _members(head, members)
            head, members = None, []
        yield from _members(head, members)


def _introduces(gap: str, intros: frozenset[str]) -> bool:
    """The words between a plural title and the first name open a list: ", yaitu", ":", ", namely"."""
    words = " ".join(gap.replace(",", " ").replace(":", " : ").lower().split())
    return words == ":" or words.rstrip(" :") in intros


def _members(head: Mention | None, members: list[Mention]) -> Iterator[tuple[Mention, str, str]]:
    if head is None or not members:
        return
    if len(members) >= 2 or head.type == "Title":
        for m in members:
            yield m, head.body, head.role


def _unmodified(role: str, language: str) -> str:
    """The role in lower case without the modifier that opens it ("wakil", "acting": ``title_modifiers.tsv``),
    for telling what kind of post it is."""
    tokens = tokenize(role)
    n = modifier_length(tokens, 0, lexicon.load(language)) if tokens else 0
    rest = role[tokens[n].start:] if 0 < n < len(tokens) else role
    return " ".join(rest.lower().split())


def _nearby_body(person: Mention, mentions: list[Mention], text: str, leading: frozenset[str],
                 accompanying: frozenset[str]) -> tuple[str, str]:
    """The body of a post whose title names none, from the sentence around it, and how it was found."""
    if body := _led_body(person, mentions, text, leading):
        return body, "led"
    if body := _body_before_title(person, mentions, text):
        return body, "before"
    if body := _body_between(person, mentions):
        return body, "between"
    if body := _body_in_context(person, mentions):
        return body, "context"
    return _delegation_body(person, mentions, text, accompanying), "delegation"


def _host_country(mentions: list[Mention]) -> str:
    """The country of the place a sentence names, for a minister an English report gives no country: "While in
    Jakarta today, Lord Ahmad ... met the Minister of Religious Affairs X" (X is Indonesia's minister)."""
    entries = gazetteer.load().entries
    for m in mentions:
        entry = entries.get(m.key) if m.type == "Place" else None
        if entry is not None and entry.country:
            return entry.country_key
    return ""


def _host_minister(person: Mention, country: str, mentions: list[Mention]) -> bool:
    """Another minister of the sentence serves the host country by name: the one whose title names no country
    is then the guest (two ministers who meet serve two states)."""
    return any(m is not person and m.type == "Person" and m.body == country and m.role and _minister_word(m.role)
               for m in mentions)


def _portfolio(role: str, language: str) -> str:
    """A minister's portfolio: the first role word of the title ("Minister for Foreign Affairs": foreign,
    "Defence Minister": defence), cut to five letters so that "Defence" and "Defense" agree."""
    role_words = lexicon.load(language).role_words
    skip = function_words(language)
    return next((w[:5] for w in (x.lower() for x in _WORDS.findall(role)) if w in role_words and w not in skip), "")


def post_kind(role: str, language: str) -> tuple[bool, str]:
    """What post a role names, for telling two people's posts of one state apart: whether a modifier opens it
    ("Deputy Prime Minister" is not the prime minister) and its portfolio, else its first word ("Foreign
    Minister" and "Minister for Foreign Affairs": foreign; "Prime Minister": prime; "President")."""
    post = _unmodified(role, language)
    words = post.split()
    return post != " ".join(role.lower().split()), _portfolio(post, language) or (words[0] if words else "")


def _host_counterpart(person: Mention, country: str, mentions: list[Mention], language: str) -> bool:
    """The article names the host's own minister of the same portfolio: the visitor whose title names no
    country is then the guest ("Secretary of Defense X ... in Port Moresby" beside "Papua New Guinea's
    Minister for Defense Y": two defence ministers serve two states)."""
    mine = _portfolio(person.role, language)
    return bool(mine) and any(m.key != person.key and m.type == "Person" and m.body == country and m.role
                              and _minister_word(m.role) and _portfolio(m.role, language) == mine for m in mentions)


def _body_before_title(person: Mention, mentions: list[Mention], text: str) -> str:
    """A body named right before the title, which the recogniser found and no list holds: "PDEA director
    general X" (English puts the body before the title)."""
    for m in mentions:
        if (m.type == "Organization" and m.rule != "title-body" and m.end <= person.start
                and " ".join(text[m.end:person.start].split()).lower() == " ".join(person.role.split()).lower()):
            return m.key
    return ""


def _body_between(person: Mention, mentions: list[Mention]) -> str:
    """The body of the titled people named right before and right after a post whose title names none, when
    it is the same: "Kepala BNN X, Sekretaris Utama BNN Y, Deputi Hukum dan Kerja Sama Z, Inspektur Utama BNN
    W" lists one body's officials, Z among them."""
    titled = [m for m in mentions if m.type == "Person" and m.role and m.key != person.key]
    before = [m for m in titled if m.end <= person.start]
    after = [m for m in titled if m.start >= person.end]
    if before and after and before[-1].body and before[-1].body == after[0].body:
        return before[-1].body
    return ""


def _body_in_context(person: Mention, mentions: list[Mention]) -> str:
    """The body of a post whose title names none: the body the sentence named last before it ("Unit Kerja
    BNPT ... terdiri dari Deputi Bidang ..., Mayjen TNI Hendri ...")."""
    before = [m for m in mentions if m.sentence == person.sentence and m.end <= person.start
              and m.type == "Organization" and m.rule != "title-body" and m.key.startswith("org:")]
    return before[-1].key if before else ""


OF_WORDS = frozenset({"of", "of the", "dari"})
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
MAX_LED_GAP = 2  # words between a body and "led by" ("the Singapore Police Force delegation, led by")


def _led_body(person: Mention, mentions: list[Mention], text: str, leading: frozenset[str]) -> str:
    """The body whose delegation the person leads or represents, for a post that names none: "the Singapore
    Police Force delegation, led by Commissioner X", "delegasi Polri yang dipimpin Kabareskrim X"."""
    before = [m for m in mentions if m.end <= person.start and m.type in ("Organization", "Country")
              and m.rule != "title-body"]
    if not before:
        return ""
    last = body = before[-1]
    for owner in reversed(before[:-1]):  # "the National Crime Agency of the United Kingdom, represented by"
        if text[owner.end:body.start].strip().lower() not in OF_WORDS:
            break
        body = owner
    between = f" {' '.join(_WORDS.findall(text[last.end:person.start].lower()))} "
    role = " ".join(_WORDS.findall((person.role or "").lower()))
    for phrase in leading:
        head, found, rest = between.partition(f" {phrase} ")
        if found and len(head.split()) <= MAX_LED_GAP and rest.strip() in ("", role):
            return body.key
    return ""


def _delegation_body(person: Mention, mentions: list[Mention], text: str, accompanying: frozenset[str]) -> str:
    """The body of the one a person accompanies, for a post that names none: "Dubes Arab Saudi ... didampingi
    Wakil Dubes Yahya ..." (the deputy is Saudi Arabia's)."""
    heads = [m for m in mentions if m.end <= person.start and m.type in ("Title", "Person") and m.body]
    if not heads:
        return ""
    between = f" {text[heads[-1].end:person.start].lower()} "
    return heads[-1].body if any(f" {phrase} " in between for phrase in accompanying) else ""


def is_minister(role: str) -> bool:
    """A minister's post: a role that is or has a minister's title ("Menteri Luar Negeri", "Menlu", "UK
    Foreign Secretary"), not a president's."""
    return _minister_word(role) and not role.lower().startswith(state_posts("leader", "leader-abroad"))


def _minister_word(role: str) -> bool:
    """The role holds a minister's title word, a prime minister's too ("Perdana Menteri")."""
    lowered = role.lower()
    return any(word in lowered for word in state_posts("minister"))


def former_post(claim: Claim) -> bool:
    """A post held before ("mantan Kapolda Papua itu", "Kepala BNPT X, mantan Kapolda Jawa Barat", "former Army
    chief"): its title follows a word of ``FORMER`` in its evidence. Most people the annotators give two posts
    hold one now and had the other."""
    if claim.relation != "holds_position" or not claim.role:
        return False
    text = " ".join(claim.evidence.text.lower().split())
    role = " ".join(claim.role.lower().split())
    return any(f"{word} {role}" in text for word in FORMER)


def titled(claims: list[Claim], mentions: list[Mention]) -> list[Claim]:
    """General post candidates with the title their person is given before the name in the article, for the
    role ``shown`` falls back to: "Foreign Minister Julie Bishop also met ..." with Australia named sentences
    away gives the post its title, where the words between the person and the body give none. Only a title
    that names no body, or names this one, is the post's."""
    from kg.extract.candidates import by_rule  # candidates imports relations, which imports this module

    titles: dict[str, list[tuple[str, str]]] = {}
    for m in mentions:
        if m.type == "Person" and m.role:
            titles.setdefault(m.key, []).append((m.role, m.body))
    out = []
    for c in claims:
        if c.relation == "holds_position" and not by_rule(c.rule) and c.subject in titles:
            own = [role for role, body in titles[c.subject] if body == c.object] or \
                  [role for role, body in titles[c.subject] if not body]
            if own:
                c = replace(c, title=own[0])
        out.append(c)
    return out


def as_written(claim: Claim) -> Claim:
    """A minister's title the nlp stage spelled out ("Menlu" read as "Menteri Luar Negeri", so that the post,
    its country and later references to it are read as a minister's) is shown as its sentence writes it, when
    that is the abbreviation alone (GUIDELINES: the role is the title as written). Where the train articles
    write only the abbreviation before a minister's name, the annotators wrote it as the role 35 times and
    the title spelled out 10 times."""
    role = claim.role or ""
    text = claim.evidence.text
    for short, full in lexicon.abbreviated_titles():
        if role.endswith(full) and full not in text and re.search(rf"\b{re.escape(short)}\b", text):
            return replace(claim, role=role[:len(role) - len(full)] + short)
    return claim
