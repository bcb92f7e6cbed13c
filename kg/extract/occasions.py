"""When and where an article's meetings, signings and attendances happened, carried between sentences.

Press releases date an occasion once and refer back to it: "BNPT menandatangani Perjanjian Kerja Sama dengan
BAIS TNI. Acara ini dilaksanakan di Jakarta (13/2/2019) dan dihadiri oleh ...". A dated sentence lends its date
and place forward to the claims of the next few sentences that have none ("Hadir dalam rapat ini ..."), and
backward to the sentence just before when it names the occasion ("acara ini", "the ceremony"). A claim about
another agreement or event than the occasion's keeps out of it: "tindak lanjut dari Nota Kesepahaman ... 29
Oktober 2018" dates that older MoU, not the agreement signed today.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.context import SentenceView
from kg.model import Claim

REACH = 3  # sentences after a dated occasion that may refer back to it
DATED = ("meets", "signs", "attends")
OCCASIONS = (*DATED, "visit")  # a visit dates and places the meetings reported after it, but is no claim


@dataclass(frozen=True)
class Occasion:
    sentence: int
    date: str | None
    place: str | None
    objects: frozenset[str]  # the agreements and events its claims are about


@dataclass
class Occasions:
    phrases: frozenset[str]  # "acara ini", "the ceremony": a sentence naming the occasion of the one before
    last: Occasion | None = None
    by_object: dict[str, Occasion] = field(default_factory=dict)
    previous: list[Claim] = field(default_factory=list)

    def lend(self, view: SentenceView, claims: list[Claim]) -> None:
        """Date the claims of ``view`` that have no date of their own from the occasion they belong to."""
        index = view.sentence.index
        for claim in claims:
            if claim.relation not in DATED:
                continue
            occasion = self.by_object.get(claim.object or "")
            if occasion is None or index - occasion.sentence > REACH:
                occasion = self.last
                if occasion is None or index - occasion.sentence > REACH:
                    continue
                if claim.relation != "meets" and occasion.objects and claim.object not in occasion.objects:
                    continue
            if claim.date and claim.date != occasion.date:
                continue  # its own, other date: another occasion
            claim.date = claim.date or occasion.date
            claim.place = claim.place or occasion.place

    def record(self, view: SentenceView, claims: list[Claim]) -> None:
        """Remember the occasion ``view`` dates, and date the sentence before when ``view`` names its occasion."""
        dated = [c for c in claims if c.relation in DATED]
        first = next((t for t in view.triggers if t.relation in OCCASIONS), None)
        if view.times and first is not None:
            occasion = Occasion(view.sentence.index, view.time_near(first.start), view.place(),
                                frozenset(c.object for c in dated if c.relation != "meets" and c.object))
            self.last = occasion
            for key in occasion.objects:
                self.by_object[key] = occasion
        if view.times and view.said(self.phrases):
            date, place = view.times[0].value, view.place()
            for claim in self.previous:
                if claim.relation in DATED and claim.date is None:
                    claim.date, claim.place = date, claim.place or place
                    if claim.relation != "meets" and claim.object:
                        self.by_object[claim.object] = Occasion(view.sentence.index, date, place, frozenset({claim.object}))
        self.previous = dated
