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
    """Who a pronoun at ``position`` stands for: the last person named before it in the same sentence, else
    the subject (first person named) of the last earlier sentence that names one, outside quoted speech.
    Preferring the subject follows news style: "Raab and Marsudi ... . He met ..." means Raab."""
    def usable(ref: PersonRef) -> bool:
        return not (any(a <= ref.start < b for a, b in analyzed.quotes) and not any(a <= position < b for a, b in analyzed.quotes))

    candidates = [r for r in refs if r.start < position and usable(r)]
    if not candidates:
        return None
    last = candidates[-1]
    here = next((s.index for s in analyzed.sentences if s.start <= position < s.end + 1), last.sentence)
    if last.sentence == here:
        return last.key
    return next(r.key for r in candidates if r.sentence == last.sentence)
