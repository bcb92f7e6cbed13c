"""Named events and agreements found by the trained recogniser (``kg.nlp.ner.events``), merged with the names
the head-word rules found.

Cross-validated on the annotated articles, the union is better than either alone (``bench/event_spans.py``):
the model finds more names and cuts fewer, and a rule name the model does not cover adds recall at little
cost in precision. Where the two overlap, the model's span wins (it was trained with the rules' spans as
features, so it already knows when to trust them), except where it would join two names the rules split at a
new head word ("MoU A dan Treaty B") or where the rules' name holds the model's and goes on ("International
Conference on Maritime Security and Port Safety": measured, keeping the longer name is as good for events and
a little better for agreements). A name of another type inside the span ("ASEAN" in "ASEAN Defence
Ministers' Meeting") stays as well when a rule or the gazetteer found it: the body is an actor of its own
(what the entity recogniser alone proposed inside the span is a piece of the name and goes); where the span
covers another name exactly or only in part, that name is kept and the model's span dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from kg.model import Mention, Sentence, Token
from kg.names import norm_key, without_parentheses
from kg.nlp.heads import SECOND_DOCUMENT
from kg.nlp.lexicon import LOCATIVE, event_references, weekdays
from kg.nlp.mentions import joining_hyphen
from kg.nlp.ner.events import EventRecogniser, chunk_tags
from kg.nlp.recognise import ACRONYM
from kg.resources import clause_words, function_words

TYPES = {"EVENT": "Event", "AGREEMENT": "Agreement"}
Span = tuple[int, int]


def merge(model: list[Span], named: list[Span], others: list[Span]) -> tuple[list[Span], set[Span]]:
    """Which of the model's spans to keep, and which rule names (``named``) they replace; ``others`` are
    names of other types. Spans are (start, end) in any one unit: characters or tokens."""
    kept: list[Span] = []
    replaced: set[Span] = set()
    for start, stop in model:
        if any(s < stop and start < e and not (start <= s and e <= stop and (s, e) != (start, stop))
               for s, e in others):
            continue
        covered = [(s, e) for s, e in named if s < stop and start < e and (s, e) not in replaced]
        if len(covered) > 1 or any(s <= start and stop <= e and (s, e) != (start, stop) for s, e in covered):
            continue
        kept.append((start, stop))
        replaced.update(covered)
    return kept, replaced


def _described_agreement(words: list[str], first: int, end: int, kind: str) -> bool:
    """An agreement named in lower case, by what it is ("a bilateral policing agreement"), not by a title."""
    return kind == "AGREEMENT" and not any(w[:1].isupper() for w in words[first:end])


def documents(words: list[str], first: int, end: int, kind: str) -> list[Span]:
    """A recognised agreement described in lower case, cut where "and" opens a second document ("a cooperation
    agreement on X and a currency swap agreement"): each is a name of its own. A title ("Agreement between the
    Government of Japan and the Government of Australia on ...") is one name."""
    if not _described_agreement(words, first, end, kind):
        return [(first, end)]
    cuts = [k for k in range(first + 1, end - 2) if words[k].lower() in ("and", "dan") and words[k + 1] in SECOND_DOCUMENT]
    bounds = [first, *[c for k in cuts for c in (k, k + 1)], end]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def name_end(words: list[str], first: int, end: int) -> int:
    """Where a recognised name really ends: before a weekday, a demonstrative or a clause's function word it ran
    on into ("The MOU on defence cooperation was first signed in 2009"), before trailing punctuation other than a
    closing bracket, and before the function words it would end with ("Seventh Indonesia-Australia 2+2 Meeting
    on 9 September", "a pact on Tuesday", "perjanjian ekstradisi yang menurut ...")."""
    for k in range(first + 1, end):
        if words[k].lower() in _breaks():
            end = k
            break
    while end > first and (not words[end - 1][:1].isalnum() and words[end - 1] != ")"
                           or end > first + 1 and words[end - 1].lower() in function_words()):
        end -= 1
    return end


def before_place(tokens: list[Token], first: int, end: int, places: set[int]) -> int:
    """Where a recognised name ends that ran on into where it happened ("menandatangani Perjanjian Kerja Sama
    Pertahanan di Canberra"): before a locative whose place the rules found. Of the 1,443 event and agreement
    names and aliases the 450 annotated articles give, 3 end so; the head-word rules stop there too."""
    return next((k for k in range(first + 1, end - 1) if tokens[k].text.lower() in LOCATIVE
                 and tokens[k + 1].start in places), end)


def whole_word_start(tokens: list[Token], first: int) -> int:
    """A recognised name that starts inside a hyphenated word the tokeniser split ("two - day trilateral
    meeting" read from the "-") starts at the word's first half: "two-day trilateral meeting on maritime
    security", as the annotators write it."""
    while joining_hyphen(tokens, first) or (first > 0 and joining_hyphen(tokens, first - 1)):
        first -= 1
    return first


def name_start(words: list[str], first: int, end: int, kind: str = "EVENT") -> int:
    """Where a recognised name really starts: after the lower-case words that frame it ("acara Police
    Specialist Conference", "the annual Shangri-La Dialogue", "sebagai dasar Forum ..."), words that name no
    event (event_references.tsv) or function words, as long as a word is left ("the meeting" keeps "meeting",
    which ``extract`` then resolves as a reference). An agreement named in lower case keeps the words that
    describe it ("a bilateral policing agreement"): they are its name, as the annotators write it."""
    lower_agreement = _described_agreement(words, first, end, kind)
    while first < end - 1 and words[first].islower() and words[first] in _framing() and not (
            lower_agreement and event_references().kinds.get(words[first]) in ("modifier", "type")):
        first += 1
    return first


def whole_brackets(words: list[str], first: int, end: int, rules: list[Span]) -> Span:
    """A recognised name cut inside a bracket, made whole: one that stops before the bracket closes an acronym
    ("pertemuan ASEAN Senior Official on Drug Matters (ASOD") takes the ")", and one that starts at the
    acronym ("MoU) on anti-terrorism cooperation") starts at the name the acronym stands for, where the
    head-word rules found it (``rules``, token spans) ending at the "(" ("Memorandum of Understanding (MoU)
    on ..."), else at the capitalised words and ordinals before the "(" ("21st Global Counterterrorism Forum
    (GCTF) Coordination Committee Meeting"). An opened bracket that nothing closes is cut off."""
    opened = next((k for k in range(end - 1, first - 1, -1) if words[k] in ("(", ")")), None)
    if opened is not None and words[opened] == "(":
        end = end + 1 if end < len(words) and words[end] == ")" and end - opened <= 3 else opened
    closed = next((k for k in range(first, end) if words[k] in ("(", ")")), None)
    if closed is not None and words[closed] == ")" and first >= 1 and words[first - 1] == "(":
        start = first - 1  # no rule found the name: its capitalised words and ordinals just before the "("
        while start > 0 and (words[start - 1][:1].isupper() or words[start - 1][:1].isdigit()):
            start -= 1
        first = next((begin for begin, stop in rules if stop == first - 1), start if start < first - 1 else first)
    return first, end


_ORDINAL_BEFORE = re.compile(r"\b\d{1,3}\s?(?:st|nd|rd|th)\s+$")


def with_ordinal(m: Mention, text: str) -> Mention:
    """An event's name takes the English ordinal just before it ("the 84th General Assembly of ...", "the 2nd
    Australia-Indonesia Ministerial Council"), which the tokeniser splits ("84", "th") so that neither the
    rules nor the recogniser keep it: annotators write the ordinal into the name, and a name that holds the
    annotated one matches it."""
    if m.type != "Event":
        return m
    found = _ORDINAL_BEFORE.search(text, max(0, m.start - 12), m.start)
    if found is None:
        return m
    name = text[found.start():m.start].strip() + " " + (m.name or m.text)
    return replace(m, start=found.start(), text=text[found.start():m.end], name=name,
                   key=f"event:{norm_key(without_parentheses(name))}")


@lru_cache(maxsize=1)
def _framing() -> frozenset[str]:
    return frozenset(event_references().kinds) | function_words()


@lru_cache(maxsize=1)
def _breaks() -> frozenset[str]:
    """Words no name runs on into: weekdays ("Konferensi ASEANAPOL Kamis (8/11)") and demonstratives
    ("ADMM ke-6 tersebut")."""
    pointing = {word for word, kind in event_references().kinds.items() if kind == "demonstrative"}
    return frozenset(pointing) | weekdays() | clause_words()


def with_named_occasions(sentence: Sentence, text: str, found: list[Mention], *, recogniser: EventRecogniser,
                         language: str, chunks: dict[int, tuple[int, str, str]]) -> list[Mention]:
    tokens = sentence.tokens
    if not tokens:
        return found
    words = [t.text for t in tokens]
    kinds: dict[Span, str] = {}
    rule_spans = [(start, start + n) for start, (n, _key, _etype) in chunks.items()]
    places = {m.start for m in found if m.type in ("Place", "Country")}
    for found_first, found_end, kind in recogniser.entities(words, language, chunk_tags(len(tokens), chunks)):
        for first, end in documents(words, found_first, found_end, kind):
            end = name_end(words, first, before_place(tokens, first, end, places))
            first = whole_word_start(tokens, name_start(words, first, end, kind))
            first, end = whole_brackets(words, first, end, rule_spans)
            if end > first:
                kinds[(tokens[first].start, tokens[end - 1].end)] = TYPES[kind]
    if not kinds:
        return found
    named = [(m.start, m.end) for m in found if m.type in TYPES.values()]
    others = [(m.start, m.end) for m in found if m.type not in TYPES.values()]
    kept, replaced = merge(list(kinds), named, others)
    mentions = [m for m in found if not (m.type in TYPES.values() and (m.start, m.end) in replaced)
                and not (m.rule == "model" and any(s <= m.start and m.end <= e for s, e in kept))]
    for start, stop in kept:
        name = without_parentheses(text[start:stop])
        etype = kinds[(start, stop)]
        mentions.append(Mention(start, stop, text[start:stop], etype, sentence.index,
                                key=f"{etype.lower()}:{norm_key(name)}", name=name, rule="event-model"))
    return mentions


_DEFINED = re.compile(r"\s*(?:\(\s*([A-Z][A-Za-z]{1,9})\s*\)|atau\s+([A-Z][A-Za-z]{1,9})\b)")
_NUMBER_AFTER = re.compile(r"\s+(?:ke-?\s?\d{1,3}|\d{4})\b")  # "(ICEF) ke-5", "(IDEC) 2024"
_LISTED = ("gazetteer", "model+gazetteer")  # a body the gazetteer knows keeps its acronym


def _listed_at(mentions: list[Mention], position: int) -> bool:
    return any(o.rule in _LISTED and o.start <= position < o.end for o in mentions)


def _longer(m: Mention, end: int, text: str, here: list[Mention]) -> Mention:
    """The event ``m`` named on to ``end`` in place of the mention it was, and of the mentions inside it."""
    name = without_parentheses(text[m.start:end])
    longer = replace(m, end=end, text=text[m.start:end], name=name, key=f"event:{norm_key(name)}")
    here[:] = [o for o in here if not (m.start <= o.start and o.end <= end)] + [longer]
    return longer


def with_defined_acronyms(text: str, sentences: list[Sentence], found: list[list[Mention]],
                          generic: Collection[str]) -> list[list[Mention]]:
    """An acronym an article defines for an event or agreement ("Indonesia China Energy Forum (ICEF) ke-5",
    "Konvensi PBB tentang Hukum Laut (UNCLOS)", "Pertemuan Menteri Luar Negeri ASEAN atau AMM") is that event
    or agreement wherever the article writes it. The person and body recogniser, which never learnt events,
    takes such an acronym for a body, and the event recogniser, which reads one sentence, does not know it
    again: of the 104 event and agreement acronyms the 450 annotated articles define in brackets, kg had typed
    12 a body (ICEF, JDCC, UNCLOS) and left 23 unfound, so "PTMPT kali ini dihadiri oleh ..." named no event.
    A number right after the bracket goes on the event's name, as the head-word rules already do, also where
    the recogniser closed the name at the bracket ("... Drug Matters (ASOD) ke-41"). Bodies of the gazetteer
    keep their acronyms, and a kind of agreement (``generic``: "MoU", "PKS") stays the word that ``extract``
    resolves to one memorandum or another."""
    defined: dict[str, Mention] = {}
    found = [_with_translations(text, list(here)) for here in found]
    for here in found:
        for m in list(here):
            if m.type not in TYPES.values():
                continue
            if m.type == "Event" and m.text.endswith(")") and (number := _NUMBER_AFTER.match(text, m.end)):
                m = _longer(m, number.end(), text, here)  # "... (ASOD) ke-41"
            hit = _DEFINED.match(text, m.end)
            word = hit and (hit.group(1) or hit.group(2))
            if not word or not ACRONYM.match(word) or word in defined or word.lower() in generic \
                    or _listed_at(here, text.index(word, hit.start())):
                continue
            after = _NUMBER_AFTER.match(text, hit.end()) if hit.group(1) and m.type == "Event" else None
            if after:
                m = _longer(m, after.end(), text, here)
            defined[word] = m
    if not defined:
        return found
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, defined)) + r")\b")
    for sentence, here in zip(sentences, found):
        for hit in pattern.finditer(text, sentence.start, sentence.end):
            ref = defined[hit.group(1)]
            inside = [o for o in here if o.start < hit.end() and hit.start() < o.end]
            if any(o.rule in _LISTED or o.key == ref.key or (o.start, o.end) != hit.span() for o in inside):
                continue  # a listed body, the event itself, or a word of a longer name
            here[:] = [o for o in here if o not in inside]
            here.append(Mention(hit.start(), hit.end(), hit.group(1), ref.type, sentence.index, key=ref.key,
                                name=ref.name, rule="acronym-again"))
    return found


_OPENING = re.compile(r"\s*\(\s*")
_TRANSLATION_CLOSE = re.compile(r"\s*(?:/\s*[A-Z][A-Za-z]{1,9}\s*)?\)")


def _with_translations(text: str, here: list[Mention]) -> list[Mention]:
    """An event's or agreement's name with its translation in brackets ("Dialog Pertahanan Internasional
    Jakarta (Jakarta International Defense Dialogue/JIDD)", "Nota Kesepahaman (Memorandum of Understanding)"):
    the bracket names the same occasion or document, as an acronym there would."""
    for m in list(here):
        if m.type not in TYPES.values():
            continue
        opening = _OPENING.match(text, m.end)
        inner = opening and next((o for o in here if o.start == opening.end() and o.type == m.type and o is not m
                                  and o.key != m.key and _TRANSLATION_CLOSE.match(text, o.end)), None)
        if inner:
            here[:] = [replace(o, key=m.key) if o.key == inner.key else o for o in here]
    return here
