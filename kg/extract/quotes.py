"""Who is quoted: direct quotations with a speech verb, "ucapnya" after a quote, and reported speech
("menekankan bahwa", "menurut X"), and a passive speech verb before the speaker ("Hal itu disampaikan Kepala BNPT
X") (GUIDELINES: quoted)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.context import Party, SentenceView
from kg.extract.coref import PersonRef, antecedent_at
from kg.model import AnalyzedArticle, Claim


def quoted(view: SentenceView, refs: list[PersonRef], analyzed: AnalyzedArticle) -> Iterator[Claim]:
    people = [p for p in view.parties if p.type == "Person"]
    speaker_label = _speaker_label(view, people)
    if speaker_label:
        yield Claim("quoted", speaker_label, None, view.evidence(), "quoted:speaker", 0.8)
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
            if trigger.text.startswith(("menurut", "according to")):
                after = [p for p in people if 0 <= p.start - trigger.end < 40]
                speaker = after[0].key if after else (antecedent_at(refs, trigger.start, view.sentence.index, analyzed) if trigger.text.endswith("nya") else None)
            else:
                before = [p for p in people if p.end <= trigger.start]
                after = [p for p in people if 0 <= p.start - trigger.end < 40]
                speaker = before[-1].key if before else (after[0].key if after else None)  # "..., said Raab"
            rule = "quoted:reported"
        else:
            continue
        if speaker:
            yield Claim("quoted", speaker, None, view.evidence(), rule, 0.8)


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
