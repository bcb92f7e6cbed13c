"""Which parties a sentence coordinates: the subjects of a meeting verb ("A and B hosted ..."), the objects
after a visiting verb ("mengunjungi Gubernur A dan Sekda B"), two bodies that cooperate ("A dan B ... bekerja
sama"). Two parties are coordinated when only a coordinator and the second one's title stand between them.
The meeting words of each kind live here too, and whether a meeting stands ahead of the event named after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.context import Party, SentenceView, Trigger
from kg.model import Mention
from kg.resources import load_table

PARTNER = frozenset({"dengan", "with"})  # before whom a meeting is held: "pertemuan dengan Menlu X", "met with Y"
BETWEEN_WORDS = frozenset({"antara", "between"})  # before the two parties of one: "kerja sama antara A dan B"
PARTNER_REACH = 2  # words after the trigger that may name its partner ("pertemuan tertutup dengan")
COORDINATORS = frozenset({",", "and", "dan", "serta", "&"})  # words that join two parties of one list
_IN_TITLES = frozenset({"for", "of", "the", "untuk", "urusan", "bidang",  # and a counterpart's: "and her Indonesian
                        "his", "her", "their", "counterpart", "mitranya", "dari"})  # counterpart X", "dan mitranya dari Jepang X"


def coordinated(view: SentenceView, before: list[Party]) -> list[Party]:
    """The subject of a meeting verb and the people coordinated with it: "Minister for Foreign Affairs A and
    Minister for Defence B hosted C and D" is a meeting of each of A and B with each of C and D (GUIDELINES:
    in a 2+2, each minister with each minister of the other side). Only a coordinator and the next person's
    title may stand between two of them; "A, didampingi B, menerima C" leaves B out."""
    subjects = [before[-1]]
    for a, b in zip(reversed(before[:-1]), reversed(before)):
        if not joined(view, a, b):
            break
        subjects.append(a)
    return subjects[::-1]


def run_from(view: SentenceView, after: list[Party]) -> list[Party]:
    """The first party after a verb and those coordinated with it: "mengunjungi Gubernur A dan Sekda B"."""
    run = after[:1]
    for a, b in zip(after, after[1:]):
        if not joined(view, a, b):
            break
        run.append(b)
    return run


def joined(view: SentenceView, a: Party, b: Party) -> bool:
    """``b`` is coordinated with ``a`` before it: a coordinator first, then only the title ``b`` is named by."""
    between = view.text_between(a.end, b.start)
    words = re.sub(r"\([^()]*\)", " ", between).replace(",", " , ").split()
    return bool(words) and words[0].lower() in COORDINATORS and a.type == b.type and only_names(words[1:])


def only_names(words: list[str]) -> bool:
    """Only names, titles and the words that join them: "Menlu Monako", "Minister A and Minister B"."""
    return all(w.lower() in COORDINATORS or w.lower() in _IN_TITLES or w[:1].isupper() for w in words)


def coordinated_subject(view: SentenceView, before: list[Party], trigger: Trigger) -> bool:
    """"A dan B ... bekerja sama" with nothing after the trigger that names a partner ("dengan", "antara"):
    A and B are the two parties, whatever the sentence names after it. B may come with its title ("Menteri
    Perdagangan A dan Menteri Perdagangan Jepang B melakukan pertemuan bilateral"), the trigger with a word of
    its own before the partner ("pertemuan tertutup dengan ..."). Two who attend it ("A and B attended the
    meeting") are no two parties of it."""
    if len(before) < 2:
        return False
    k = view.starting_from(trigger.end)
    if any(w.lower() in PARTNER | BETWEEN_WORDS for w in view.words[k:k + PARTNER_REACH]):
        return False
    a, b = before[-2], before[-1]
    if any(b.end <= t.start < trigger.start and t.text.lower() in meeting_words("present")
           for t in view.triggers if t.relation == "attends"):
        return False
    between = view.text_between(a.end, b.start).strip().lower()
    return (between in ("dan", "and", "&") or joined(view, a, b)) and trigger.start - b.end < 40


def meeting_words(kind: str) -> frozenset[str]:
    """The meeting words of a kind (``lexicons/meeting_words.tsv``: reciprocal, nominal, present, ...): how each pairs its parties."""
    return _meeting_kinds().get(kind, frozenset())


@lru_cache(maxsize=1)
def _meeting_kinds() -> dict[str, frozenset[str]]:
    rows = load_table("lexicons/meeting_words.tsv")
    return {kind: frozenset(r["phrase"] for r in rows if r["kind"] == kind) for kind in {r["kind"] for r in rows}}


_LIST_GLUE = frozenset({"the", "a", "an", "and", "dan", "serta", ",", "(", ")"})


def named_ahead(view: SentenceView, start: int) -> bool:
    """Whether an event named at ``start`` comes after a word that places what the sentence tells ahead of it
    ("met ... ahead of the 12th ADMM", "menjelang KTT ASEAN"; ``lexicons/meeting_words.tsv``, kind before),
    directly or in a list of events that word opens ("ahead of the 12th ADMM (ADMM) and the 5th ADMM-Plus"):
    the sentence tells of no one at the event (GUIDELINES: what is to come gets no claim)."""
    words = view.words
    event_at = {m.end: m.start for m in view.events}  # a list's earlier event, by where it ends
    k = view.ending_by(start)  # the tokens before the name: words[:k]
    while k > 0:
        if words[k - 1] in _LIST_GLUE:
            k -= 1
        elif view.tokens[k - 1].end in event_at:
            k = view.ending_by(event_at[view.tokens[k - 1].end])
        else:
            break
    before = " ".join(words[max(0, k - 3):k])
    return any(before == w or before.endswith(f" {w}") for w in meeting_words("before"))


def held_events(view: SentenceView) -> list[Mention]:
    """The sentence's events but those named ahead of what it tells (``named_ahead``)."""
    return [m for m in view.events if not named_ahead(view, m.start)]


def ahead_of(view: SentenceView, start: int, end: int) -> bool:
    """Whether the words between a meeting word and an event's name place the meeting ahead of the event ("met
    ... ahead of the 12th ADMM", "menjelang KTT"; ``lexicons/meeting_words.tsv``, kind before): its parties do
    not attend the event for that."""
    between = f" {' '.join(view.sentence.text[start - view.sentence.start:end - view.sentence.start].lower().split())} "
    return any(f" {w} " in between for w in meeting_words("before"))
