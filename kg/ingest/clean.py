"""Turn scraped article text into the body kg analyses: no bylines, comment spam, or dateline.

Whole lines are dropped rather than edited, so what remains reads exactly as published. The dateline
("JAKARTA, KOMPAS.com -") is cut from the first line and kept as metadata: it names where the story was
filed and by whom, which is not a fact of the story.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import load_table

_SIGN_OFF = re.compile(r"\((?:[a-z]{2,5}|[A-Z]{2,5}|[a-z]{2,5}/[a-z]{2,5})\)\s*$")
_DATELINE = re.compile(r"^(?P<prefix>[^\n]{2,70}?)\s*(?P<sep>[-–—]{1,2}|:|\.)\s+(?=\S)")
_OUTLET = re.compile(r"^[\w-]+(?:\.[\w-]+)+$|^[A-Z0-9]{2,}$")
# A photo credit closing a caption: "... 4 November 2016. TEMPO/Tongam", "ANTARA FOTO/Budi Santoso".
_CREDIT = re.compile(r"(?<=[.!?])\s+[A-Z][A-Z.]{2,}(?: FOTO)?/[A-Z][\w .'-]{1,40}$")
_PLACE_WORDS = re.compile(r"^(?:[A-Z][\w'-]*|[A-Z]+)(?: (?:[A-Z][\w'-]*|[A-Z]+)){0,3}$")


@dataclass(frozen=True)
class Cleaned:
    text: str
    dateline_place: str | None
    outlet: str | None


@lru_cache(maxsize=1)
def _noise_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row["pattern"]) for row in load_table("lexicons/spam.tsv"))


_SUSPECT = re.compile(r"[^\x20-\x7e\n\t]")  # printable ASCII, line ends and tabs are never dropped: only these are looked up


def normalise(text: str) -> str:
    """NFC, unified line ends, no zero-width or control characters, no non-breaking spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    drop = {ord(ch): None for ch in set(_SUSPECT.findall(text)) if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co")}
    return text.translate(drop) if drop else text


def is_noise(line: str) -> bool:
    stripped = line.strip()
    return any(p.search(stripped) for p in _noise_patterns())


def clean(raw: str) -> Cleaned:
    """The article body with noise lines dropped and the dateline cut off and returned."""
    lines = [line.strip() for line in normalise(raw).split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line:
            continue
        if is_noise(line):
            continue
        line = _CREDIT.sub("", line)
        kept.append(line)
        if _SIGN_OFF.search(line) and len(kept) > 1:
            break  # the agency's sign-off "(rls)": what follows is comments and spam
    place, outlet = None, None
    for i, line in enumerate(kept[:6]):
        found = _dateline(line)
        if found:
            place, outlet, cut = found
            kept[i] = line[cut:]
            break
    return Cleaned(text="\n".join(kept), dateline_place=place, outlet=outlet)


def _dateline(line: str) -> tuple[str | None, str | None, int] | None:
    """(place, outlet, where the story starts) when ``line`` opens with a dateline."""
    match = _DATELINE.match(line)
    if not match or len(line) - match.end() < 20:
        return None
    parts = [part.strip() for part in match.group("prefix").split(",")]
    if len(parts) > 2 or not all(parts):
        return None
    place = outlet = None
    for part in parts:
        if _OUTLET.match(part) and ("." in part or len(parts) == 2 and part.isupper() and outlet is None and place):
            outlet = part
        elif _PLACE_WORDS.match(part) and place is None:
            place = part
        else:
            return None
    sep = match.group("sep")
    if place and not outlet and (sep in (":", ".") or not (place.isupper() or is_known_place(place))):
        if not is_known_place(place):
            return None
    if place and place.isupper():
        place = place.title()
    return place, outlet, match.end()


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    names: set[str] = set()
    for row in load_table("gazetteers/places.tsv"):
        names.add(row["name"].lower())
        names.update(alias.lower() for alias in row["aliases"].split("|") if alias)
    for row in load_table("gazetteers/countries.tsv"):
        names.update({row["name_id"].lower(), row["name_en"].lower()})
    return frozenset(names)


def is_known_place(name: str) -> bool:
    return name.lower() in _known_places()
