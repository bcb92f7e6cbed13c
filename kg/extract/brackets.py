"""A name and the name in the bracket right after it are one actor: "Badan Intelijen Australia (ASIS)".

News defines a body's short form, or gives its name in another language, in brackets after the name
("Australian Transaction Reports and Analysis Center (AUSTRAC)", "Polisi Diraja Malaysia (PDRM)", "Angkatan
Laut Indonesia (TNI AL)"). Where both halves were recognised, each became a node of its own: the gazetteer
knows the short form under its own name while the text spells the long one its own way ("United Nation
Developement Programme (UNDP)", "Badan Intelejen Nasional (BIN)"), or neither is listed ("Gülenist Terror
Group (FETÖ)"). In the 450 annotated articles 26 such pairs of bodies were split, each one entity in the
gold, and none was two; a venue's acronym ("Bali International Convention Center (BICC)", typed a body) 5
more, while a place's short form after a provincial government ("Pemprov Jawa Barat (Jabar)"), a person's
party ("A (Nasdem)"), a country after a name and a body's acronym after an event's name are different things
and stay apart, as does a person the recogniser took for a body when a party's name follows ("A (Partai X)",
or a listed party's acronym, "A (PKB)").
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.nlp import lexicon
from kg.nlp.recognise import ACRONYM

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
SAME = frozenset({("Organization", "Organization")})  # (before, inside): one actor whatever the inside's shape
SHORT_FORM = frozenset({("Place", "Organization"), ("Agreement", "Organization")})  # one when the inside is an acronym


def bracketed(mentions: list[Mention], text: str, listed: set[str], language: str) -> dict[str, tuple[str, str]]:
    """Key -> (key, type) of the entity it joins: the unlisted half joins the gazetteer's, and where neither is
    listed, the bracket's joins the name before it (which stays the node's name). Two listed bodies stay apart
    (the gazetteer tells them apart), and so does a key that two brackets would send two ways."""
    inside: dict[int, Mention] = {}
    for m in mentions:
        if m.start not in inside or m.end > inside[m.start].end:
            inside[m.start] = m
    found: dict[str, set[tuple[str, str]]] = {}
    for before in mentions:
        opened = _OPEN.match(text, before.end)
        after = inside.get(opened.end()) if opened else None
        if after is None or after.key == before.key or not _CLOSE.match(text, after.end):
            continue
        pair = (before.type, after.type)
        if not (pair in SAME or pair in SHORT_FORM and after.key not in listed and ACRONYM.match(after.text)):
            continue
        if before.key in listed and after.key in listed:
            continue
        if (_headed(after.text, language) or _headed(after.key.partition(":")[2], language)) \
                and not _headed(before.text, language):
            continue  # a name the recogniser took for a body, then its party: "A (Partai X)", "B (Fraksi Y)", "C (PKB)"
        joining, joined = (before, after) if after.key in listed else (after, before)
        found.setdefault(joining.key, set()).add((joined.key, joined.type))
    return {key: next(iter(to)) for key, to in found.items() if len(to) == 1}


def _headed(name: str, language: str) -> bool:
    """Whether a name has a body's head word ("Badan", "Partai", "Agency"; ``lexicons/heads.tsv``)."""
    return any(word in _body_heads(language) for word in name.lower().split())


@lru_cache(maxsize=None)
def _body_heads(language: str) -> frozenset[str]:
    """The lexicon's one-word heads of bodies."""
    return frozenset(head[0] for head, (etype, _position) in lexicon.load(language).heads.items()
                     if etype == "Organization" and len(head) == 1)
