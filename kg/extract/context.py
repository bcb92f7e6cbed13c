"""What the relation rules see of one sentence: its parties in order, its triggers, dates and places."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from kg.extract.coref import PersonRef
from kg.model import AnalyzedArticle, Evidence, Mention, Sentence, TimeExpr, Token
from kg.nlp.dates import full_date, opens_period, period_openers
from kg.nlp.lexicon import LOCATIVE, Lexicon
from kg.resources import premises

PARTY_TYPES = ("Person", "Organization", "Country")
SINCE_REACH = 10  # words before a time that may hold it ("sejak X dilantik sebagai Menteri Luar Negeri pada Oktober 2024")
DIRECTIONAL = frozenset({"ke", "to"})  # "a visit to Indonesia": the place when no "di"/"in" names one
MAX_VENUE = 8  # words of a venue name between a locative and the city after its comma
PREMISES_REACH = 5  # words before a body's name that may say it names premises ("at the headquarters of the")
MAX_PARTIES = 10  # distinct parties of one sentence that are paired (a list of 12 ministers gives 45 pairs, not 66)
# Attendance and signing pair each party with the sentence's events or agreements, a number of candidates that
# grows with the list, not with its square: they take every party (``most=None``). Capped, "Anggota dewan
# lainnya yakni A (PAN), B (PKS), ..." lost its last members, each a party's name after it (4 of 450 articles;
# their claims F1 0.625 -> 0.653).


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    key: str
    type: str
    rule: str  # gazetteer | title-body | name | title | pronoun | ...


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    relation: str
    text: str


def party_keys(parties: list[Party], types: tuple[str, ...], most: int | None = MAX_PARTIES) -> list[str]:
    """The distinct keys of the parties of these types, in order, the first ``most`` (all with None)."""
    return list(dict.fromkeys(p.key for p in parties if p.type in types))[:most]


@dataclass
class SentenceView:
    sentence: Sentence
    tokens: list[Token]
    parties: list[Party]
    events: list[Mention]
    agreements: list[Mention]
    places: list[Mention]
    times: list[TimeExpr]
    triggers: list[Trigger] = field(default_factory=list)

    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(s.index, s.start, s.end, s.text)

    def has(self, relation: str) -> bool:
        return any(t.relation == relation for t in self.triggers)

    def first(self, relation: str) -> Trigger | None:
        return next((t for t in self.triggers if t.relation == relation), None)

    def said(self, phrases: frozenset[str]) -> list[str]:
        """The lexicon phrases this sentence contains, as whole words ("kedua menteri", "acara ini")."""
        return [phrase for phrase in phrases if f" {phrase} " in self._lowered]

    @cached_property
    def _lowered(self) -> str:
        return f" {' '.join(self.words)} "

    @cached_property
    def words(self) -> list[str]:
        """The tokens' texts in lower case."""
        return [t.text.lower() for t in self.tokens]

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def ending_by(self, position: int) -> int:
        """How many tokens end at or before ``position``: tokens are in order and never overlap, so they are
        ``tokens[:ending_by(position)]``."""
        return bisect_right(self._ends, position)

    def starting_from(self, position: int) -> int:
        """The index of the first token that starts at or after ``position`` (``len(tokens)`` if none)."""
        return bisect_left(self._starts, position)

    def word_before(self, position: int) -> str:
        k = self.ending_by(position)
        return self.words[k - 1] if k else ""

    def word_after(self, position: int) -> str:
        k = self.starting_from(position)
        return self.words[k] if k < len(self.words) else ""

    def time_near(self, position: int) -> str | None:
        """The sentence's time nearest ``position``, leaving out a month or year that opens a period ("sejak
        dilantik pada Oktober 2024", "since 2018"): a meeting told "for the first time since X took office" is not
        of then. A day stays ("dalam kunjungannya sejak 1 Maret", the first day of a visit, is its date)."""
        times = [t for t in self.times if full_date(t.value) or not (self._since(t.start) or opens_period(t))]
        if not times:
            return None
        return min(times, key=lambda t: abs(t.start - position)).value

    def _since(self, position: int) -> bool:
        """A time at ``position`` that "sejak"/"since" opens, within a few words and no comma."""
        k = self.ending_by(position)
        before = [w.lower() for w in self.words[max(0, k - SINCE_REACH):k]]
        since = period_openers()
        return any(w in since and "," not in before[i:] for i, w in enumerate(before))

    def place(self) -> str | None:
        """The first place a locative names ("di Jakarta", "in Jakarta"), or the city named after an office or
        building that is not a known place ("di Kantor Kemlu RI, Jakarta": GUIDELINES, offices are no places)."""
        at = next((m.key for m in self.places if self.word_before(m.start) in LOCATIVE or self._after_venue(m.start)), None)
        return at or next((m.key for m in self.places if self.word_before(m.start) in DIRECTIONAL), None)

    def text_between(self, start: int, end: int) -> str:
        """The sentence's text between two offsets of the article."""
        return self.sentence.text[start - self.sentence.start:end - self.sentence.start]

    def located(self, position: int) -> bool:
        """A name at ``position`` says where something happened: "di Singapura", "in the Philippines", "in Hanoi,
        Vietnam", "di Kantor Kementerian Pertahanan RI", "at the headquarters of the Ministry"
        (``lexicons/premises.tsv``)."""
        return self._after_locative(position) or self._after_venue(position) or self._on_premises(position)

    def _after_locative(self, position: int) -> bool:
        k = self.ending_by(position)
        if k and self.words[k - 1].lower() == "the":  # English names a country so ("in the Philippines")
            k -= 1
        return bool(k) and self.words[k - 1] in LOCATIVE

    def venue(self, party: Party) -> bool:
        """A country or body named where something happens ("di Pattaya, Thailand", "di Kantor Kementerian
        Pertahanan RI"): no party to the meeting, attendance or signing the sentence tells."""
        return party.type in ("Country", "Organization") and self.located(party.start)

    def _on_premises(self, position: int) -> bool:
        k = self.ending_by(position)
        before = [w.lower() for w in self.words[max(0, k - PREMISES_REACH):k] if w.lower() not in ("the", "of")]
        words = premises()
        return any(len(before) > n and before[-n - 1] in LOCATIVE and " ".join(before[-n:]) in words for n in (1, 2))

    def _after_venue(self, position: int) -> bool:
        """``position`` follows "LOCATIVE venue words ," (at most MAX_VENUE words, the last one capitalised:
        "di Kantor Kemlu RI, Jakarta", "di kantor BNPT, Jakarta")."""
        before = self.tokens[:self.ending_by(position)]
        if not before or before[-1].text != ",":
            return False
        words = before[-1 - MAX_VENUE:-1]
        if not words or not words[-1].is_cap:
            return False
        for k, token in enumerate(reversed(words)):
            if token.text.lower() in LOCATIVE:
                return k > 0
            if not token.is_word:
                return False  # "di kantor BNPT, Jakarta" yes; "di Bogor (Jabar), Jakarta" no
        return False


def build_views(analyzed: AnalyzedArticle, refs: list[PersonRef], lex: Lexicon) -> list[SentenceView]:
    """One view per sentence; mentions, references and dates are grouped by sentence first, so a long
    article costs time in proportion to its length."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in analyzed.mentions:
        covered[m.sentence].append((m.start, m.end))
        if m.type not in ("Title", "Pronoun"):
            by_sentence[m.sentence].append(m)
    refs_by: dict[int, list[PersonRef]] = defaultdict(list)
    for r in refs:
        refs_by[r.sentence].append(r)
    names: dict[int, list[tuple[int, int]]] = defaultdict(list)  # a year inside an event's or agreement's name ("Tahun Anggaran 2020") dates nothing
    for m in analyzed.mentions:
        if m.type in ("Event", "Agreement"):
            names[m.sentence].append((m.start, m.end))
    times_by: dict[int, list[TimeExpr]] = defaultdict(list)
    for t in analyzed.times:
        if not any(start <= t.start and t.end <= end for start, end in names.get(t.sentence, ())):
            times_by[t.sentence].append(t)
    views: list[SentenceView] = []
    for sentence in analyzed.sentences:
        inside = by_sentence.get(sentence.index, [])
        parties = [Party(m.start, m.end, m.key, m.type, m.rule) for m in inside if m.type in ("Organization", "Country")]
        parties += [Party(r.start, r.end, r.key, "Person", r.how) for r in refs_by.get(sentence.index, [])]
        parties.sort(key=lambda p: p.start)
        tokens = sentence.tokens
        view = SentenceView(
            sentence, tokens, parties,
            events=[m for m in inside if m.type == "Event"],
            agreements=[m for m in inside if m.type == "Agreement"],
            places=[m for m in inside if m.type in ("Place", "Country")],
            times=times_by.get(sentence.index, []),
        )
        view.triggers = _triggers(tokens, lex, covered.get(sentence.index, []))
        views.append(view)
    return views


def _triggers(tokens: list[Token], lex: Lexicon, covered: list[tuple[int, int]]) -> list[Trigger]:
    """Trigger phrases, longest first, outside entity mentions and outside the names of posts and units the
    recogniser did not take ("Deputy Bidang Kerjasama Internasional": capitalised after a capitalised role word)."""
    found: list[Trigger] = []
    prefixes = lex.trigger_prefixes
    words = [t.text.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        if i and tokens[i].is_cap and tokens[i - 1].is_cap and words[i - 1] in lex.role_words:
            i += 1
            continue
        best = 0
        for n in range(1, len(tokens) - i + 1):
            key = tuple(words[i:i + n])
            if key not in prefixes:
                break
            if key in lex.triggers:
                start, end = tokens[i].start, tokens[i + n - 1].end
                if not any(a <= start and end <= b for a, b in covered):
                    best = n
        if best:
            key = tuple(words[i:i + best])
            found.append(Trigger(tokens[i].start, tokens[i + best - 1].end, lex.triggers[key], " ".join(key)))
            i += best
        else:
            i += 1
    return found
