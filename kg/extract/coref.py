"""Coreference inside one article: a post title alone ("Kepala BNPT", "Menlu Inggris") and a pronoun ("Ia",
"ucapnya") are resolved to the person they stand for, so that facts attach to people, not to words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import AnalyzedArticle, Mention

_PRONOUN = re.compile(r"\b(?:ia|dia|beliau|he|she)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PersonRef:
    """A position in the text where a person is referred to, and how."""

    start: int
    end: int
    key: str
    sentence: int
    how: str  # name | title | pronoun


def _role_head(role: str) -> str:
    return role.split()[0].lower() if role else ""


def resolve_title(title: Mention, people: list[Mention]) -> str | None:
    """The person holding the post a bare title names: same body, and the same title where several share it."""
    same_body = [p for p in people if p.body and p.body == title.body]
    keys = {p.key for p in same_body}
    if len(keys) == 1:
        return same_body[0].key
    same_role = {p.key for p in same_body if _role_head(p.role) == _role_head(title.role)}
    if len(same_role) == 1:
        return same_role.pop()
    return None


def person_refs(analyzed: AnalyzedArticle) -> list[PersonRef]:
    """Every reference to a person in reading order: by name, by bare title, and by pronoun."""
    people = [m for m in analyzed.mentions if m.type == "Person"]
    refs: list[PersonRef] = []
    for m in analyzed.mentions:
        if m.type == "Person":
            refs.append(PersonRef(m.start, m.end, m.key, m.sentence, "name"))
        elif m.type == "Title":
            key = resolve_title(m, people)
            if key:
                refs.append(PersonRef(m.start, m.end, key, m.sentence, "title"))
    refs.sort(key=lambda r: r.start)
    pronouns: list[PersonRef] = []
    for sentence in analyzed.sentences:
        for match in _PRONOUN.finditer(sentence.text):
            start = sentence.start + match.start()
            antecedent = antecedent_at(refs, start, analyzed)
            if antecedent:
                pronouns.append(PersonRef(start, sentence.start + match.end(), antecedent, sentence.index, "pronoun"))
    return sorted(refs + pronouns, key=lambda r: r.start)


def antecedent_at(refs: list[PersonRef], position: int, analyzed: AnalyzedArticle) -> str | None:
    """The last person named before ``position`` outside quoted speech."""
    for ref in reversed(refs):
        if ref.start >= position:
            continue
        if any(a <= ref.start < b for a, b in analyzed.quotes) and not any(a <= position < b for a, b in analyzed.quotes):
            continue
        return ref.key
    return None
