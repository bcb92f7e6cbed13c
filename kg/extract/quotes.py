"""Who is quoted: direct quotations with a speech verb, "ucapnya" after a quote, and reported speech
("menekankan bahwa", "menurut X"), and a passive speech verb before the speaker ("Hal itu disampaikan Kepala BNPT
X") (GUIDELINES: quoted); and who only reports a meeting, which the meeting rule then leaves out of its
pairs ("..., spokesperson X said")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.context import Party, SentenceView, Trigger
from kg.extract.coref import PersonRef, antecedent_at
from kg.model import AnalyzedArticle, Claim, Token
from kg.resources import relaying_speakers


def quoted(view: SentenceView, refs: list[PersonRef], analyzed: AnalyzedArticle) -> Iterator[Claim]:
    people = [p for p in view.parties if p.type == "Person"]
    speaker_label = _speaker_label(view, people)
    if speaker_label:
        yield Claim("quoted", speaker_label, None, view.evidence(), "quoted:speaker", 0.8)
    relayed = _relayed(view, people)
    for trigger in view.triggers:
        speaker: str | None = None
        if trigger.relation == "quote_verb":
            if trigger.text.endswith("nya"):
                speaker = antecedent_at(refs, trigger.start, view.sentence.index, analyzed)
            else:
                after = [p for p in people if 0 <= p.start - trigger.end < 80]
                speaker = after[0].key if after else None
            rule = "quoted:verb"
        elif trigger.relation == "passive_quote_verb":  # "Hal itu disampaikan Kepala BNPT X", not "... kepada X"
            following = next((t for t in view.tokens if t.start >= trigger.end), None)
            after = [p for p in people if 0 <= p.start - trigger.end < 160]  # a long title may stand between
            speaker = after[0].key if after and following is not None and following.is_cap else None
            rule = "quoted:verb"
        elif trigger.relation == "speech_verb":
            if relayed:
                continue
            if _according(trigger):
                after = [p for p in people if 0 <= p.start - trigger.end < SPEAKER_AFTER and not _relaying_between(view, trigger.end, p.start)]
                speaker = after[0].key if after else (antecedent_at(refs, trigger.start, view.sentence.index, analyzed) if trigger.text.endswith("nya") else None)
            else:
                before = [p for p in people if p.end <= trigger.start]
                after = [p for p in people if 0 <= p.start - trigger.end < SPEAKER_AFTER]
                speaker = before[-1].key if before else (after[0].key if after and not _body_speaks(view, trigger) else None)  # "..., said Raab"
            rule = "quoted:reported"
        else:
            continue
        if speaker:
            yield Claim("quoted", speaker, None, view.evidence(), rule, 0.8)


TAIL = 60  # characters after a sentence's last speech verb for it to attribute the whole sentence
SPEAKER = 5  # words of the speaker's phrase beside that verb ("a separate Mindef statement")
SPEAKER_AFTER = 40  # characters from a speech verb to the name of a speaker after it ("according to X", "..., said X")


def _relayed(view: SentenceView, people: list[Party]) -> bool:
    """Whether the sentence ends by giving its words to a speaker who is no person: "Dr Ng and Mr Austin
    reaffirmed the bilateral relationship, said Mindef.", "..., officials said.", "..., a statement said.", "...,
    it added." The people it names are then what the statement reports, not who speaks (the annotators give
    them no quote), whatever reporting verb ("reaffirmed", "noted") stands beside them."""
    verbs = [t for t in view.triggers if t.relation == "speech_verb" and not _according(t)]
    if not verbs:
        return False
    last = verbs[-1]
    text, offset = view.sentence.text, view.sentence.start
    if len(text.rstrip()) - (last.end - offset) > TAIL:
        return False
    words = relaying_speakers()
    bodies = [p for p in view.parties if p.type in ("Organization", "Country")]
    before = view.tokens[:view.ending_by(last.start)]
    if before and before[-1].text == ",":  # ", said a Mindef statement": the speaker follows the verb
        after = view.tokens[view.starting_from(last.end):][:SPEAKER]
        if any(0 <= p.start - last.end < SPEAKER_AFTER for p in people) or not after:
            return False
        return any(t.text.lower() in words for t in after) or any(p.start == after[0].start or (
            len(after) > 1 and p.start == after[1].start) for p in bodies)
    clause = _clause_before(view, last.start)
    if not clause or len(clause) > SPEAKER or any(p.end > clause[0].start and p.end <= last.start for p in people):
        return False  # "X, additional director general of BGB, said": the clause is the person's post
    return clause[-1].text.lower() in words or any(p.end == clause[-1].end for p in bodies)


def _relaying_between(view: SentenceView, start: int, end: int) -> bool:
    """A word naming a speaker who is no person between "menurut" and a name: "Menurut pantauan Liputan6.com,
    Pompeo datang ...", "according to a statement, X met ..." """
    words = relaying_speakers("document")
    return any(t.text.lower() in words for t in view.tokens[view.starting_from(start):view.ending_by(end)])


def _body_speaks(view: SentenceView, trigger: Trigger) -> bool:
    """A body is the subject of the speech verb, in the clause before it: "Kedutaan Besar Rusia di Jakarta
    menyatakan Putin menawarkan ...", "The National Police Service said Ambassador Whitman ...": the person
    after the verb is what the body reports."""
    opens = _clause_before(view, trigger.start)
    return bool(opens) and any(p.type in ("Organization", "Country") and p.start >= opens[0].start and p.end <= trigger.start
                               for p in view.parties)


def _according(trigger: Trigger) -> bool:
    """"menurut X", "according to X": the speaker follows the words, whatever precedes them."""
    return trigger.text.startswith(("menurut", "according to"))


def _clause_before(view: SentenceView, position: int) -> list[Token]:
    """The tokens between the last comma before ``position`` (or the sentence's start) and ``position``: the
    clause a speech verb at ``position`` has its subject in."""
    before = view.tokens[:view.ending_by(position)]
    return before[max((k for k, t in enumerate(before) if t.text == ","), default=-1) + 1:]


_LABEL_END = re.compile(r"[^.:;!?\"“”]{0,80}?:\s*\S")  # the post after the name, up to the colon
_LABEL_START = re.compile(r"[^\s]{0,12}\s*$")  # at most one word before the name: "DR", "Menlu"


def _speaker_label(view: SentenceView, people: list[Party]) -> str | None:
    """A transcript's or headline's speaker label: a person named at the start of the sentence (after one word
    at most, a rank or title), with at most a post after the name, then a colon and what they said ("JOHN
    SMITH: Well, thanks ...", "DR X, MINISTER FOR DEFENCE: This is my honour ...")."""
    text, offset = view.sentence.text, view.sentence.start
    head = next((p for p in people if _LABEL_START.fullmatch(text[:p.start - offset])), None)
    if head is None:
        return None
    return head.key if _LABEL_END.match(text, head.end - offset) else None


REPORTER_GAP = 3  # characters between a speaker's name and the speech verb ("X said", "X, said")
ATTRIBUTION = 60  # characters after an attribution's verb for it to close the sentence


def reporters(view: SentenceView, trigger: Trigger) -> set[str]:
    """Who reports the meeting rather than takes part in it: "according to the state spokesman X", or an
    attribution closing the sentence after the meeting word ("..., chief Pentagon spokesperson Dana White said.",
    "..., said spokesperson X."). A speaker before the meeting word is often its party ("Retno mengatakan
    pertemuan dengan ...") and stays one. In the 450 annotated articles this takes 7 wrong pairs from the
    meeting rule and 1 annotated one (one of them since a body names the spokesperson's post, session 76)."""
    out: set[str] = set()
    text, offset = view.sentence.text, view.sentence.start
    for t in view.triggers:
        if t.relation != "speech_verb":
            continue
        if _according(t):
            after = [p for p in view.parties if 0 <= p.start - t.end < SPEAKER_AFTER]
            out |= {after[0].key} if after else set()
            continue
        if trigger.end > t.start or len(text.rstrip()) - (t.end - offset) > ATTRIBUTION:
            continue
        before = text[:t.start - offset].rstrip()
        inverted = [p for p in view.parties if p.type == "Person" and 0 <= p.start - t.end < SPEAKER_AFTER
                    and not {"that", "bahwa"} & set(text[t.end - offset:p.start - offset].lower().split())]
        speaker = [p for p in view.parties if p.type == "Person" and 0 <= t.start - p.end <= REPORTER_GAP]
        if before.endswith(",") and inverted:
            out.add(inverted[0].key)  # "..., said spokesperson X."
        elif speaker:
            opens = before[:speaker[-1].start - offset].rfind(",")  # "..., spokesperson X said.": X opens the clause
            if opens >= 0 and not any(opens < p.start - offset and p.end <= speaker[-1].start and p.type == "Person"
                                      for p in view.parties):
                out.add(speaker[-1].key)  # a body may name the post: "..., State Department spokesperson X said."
    return out
