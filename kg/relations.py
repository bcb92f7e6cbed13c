"""The relations kg extracts, each declared once.

What a relation means everywhere (which mentions may be its arguments, whether it is symmetric, whether an
article gives a subject one object at most, which qualifiers it takes, which trigger words speak for it, its
RDF class and properties, its edge label in the view and its name in the claims file) derives from its row
here, so adding a relation is a row, lexicon rows, the ontology terms and tests, and no stage can forget one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    name: str  # as in GUIDELINES.md and the claims file
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]  # empty: the relation has no object (quoted)
    symmetric: bool
    dated: bool  # takes date and place qualifiers
    triggers: tuple[str, ...]  # trigger-lexicon relations that speak for it
    fact_class: str  # kg: class of its n-ary fact node
    subject_property: str  # kg: property from the fact to its subject
    object_property: str  # kg: property from the fact to its object ("" when none)
    direct_edge: str  # kg: property of the direct subject -> object edge ("" when none)
    label: str  # edge label in the view
    single: bool = False  # an article gives a subject one object at most (one post per person)


ACTORS = ("Person", "Organization", "Country")
BODIES = ("Organization", "Country")

REGISTRY: dict[str, Relation] = {r.name: r for r in (
    Relation("holds_position", ("Person",), BODIES, False, False, (), "Post", "member", "organization",
             "holdsPostIn", "holds post in", single=True),
    Relation("meets", ACTORS, ACTORS, True, True, ("meets", "visit"), "Meeting", "participant", "participant",
             "met", "met"),
    Relation("signs", ACTORS, ("Agreement",), False, True, ("signs",), "Signing", "signatory", "agreement",
             "signed", "signed"),
    Relation("attends", ACTORS, ("Event",), False, True, ("attends", "hosts", "meets"), "Attendance", "participant",
             "event", "attended", "attended"),
    Relation("cooperates_with", BODIES, BODIES, True, False, ("cooperates_with",), "Cooperation", "partner",
             "partner", "cooperatesWith", "cooperates with"),
    Relation("quoted", ("Person",), (), False, False, ("quote_verb", "passive_quote_verb", "speech_verb"), "Quotation",
             "speaker", "", "", "quoted in"),
)}


def claim_key(relation: str, subject: str, obj: str | None) -> tuple[str, str, str | None]:
    """One key per fact: a symmetric relation's two orders of its arguments are one fact."""
    if REGISTRY[relation].symmetric and obj is not None and obj < subject:
        subject, obj = obj, subject
    return relation, subject, obj
