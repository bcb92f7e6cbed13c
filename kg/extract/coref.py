"""Coreference inside one article: a post title alone ("Kepala BNPT", "Menlu Inggris") and a pronoun ("Ia",
"ucapnya") are resolved to the person they stand for, so that facts attach to people, not to words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kg.model import AnalyzedArticle, Mention

_PRONOUN = re.compile(r"\b(?:ia|dia|beliau|he|she)\b", re.IGNORECASE)
_BEFORE_HOLDER = frozenset({"mantan", "eks", "sang", "former", "the", "this", "that"})  # may stand before a title that names a person


@dataclass(frozen=True)
class PersonRef:
    """A position in the text where a person is referred to, and how."""

    start: int
    end: int
    key: str
    sentence: int
    how: str  # name | title | title-anaphor | title-apposition | pronoun


def _role_head(role: str) -> str:
    return role.split()[0].lower() if role else ""


def resolve_title(title: Mention, people: list[Mention]) -> str | None:
    """The person holding the post a bare title names: same body, and the same title where several share it;
    a title that names no body ("Dalam kunjungan ini, Presiden didampingi ...") is the one person the article
    names with that whole title ("Presiden Joko Widodo"), if only one."""
    if not title.body:
        holders = {p.key for p in people if p.role and title.role and p.role.lower() == title.role.lower()}
        return holders.pop() if len(holders) == 1 else None
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
    for title in anaphoric_titles(analyzed, {(r.start, r.end) for r in refs}):
        antecedent = antecedent_at(refs, title.start, title.sentence, analyzed)
        if antecedent:  # "Mantan Kapolda Papua itu menambahkan": the person just talked about, by a post
            pronouns.append(PersonRef(title.start, title.end, antecedent, title.sentence, "title-anaphor"))
    for title, person in appositive_titles(analyzed):  # "Under-Secretary-General X, Head of the UNOCT,"
        pronouns.append(PersonRef(title.start, title.end, person.key, title.sentence, "title-apposition"))
    for sentence in analyzed.sentences:
        for match in _PRONOUN.finditer(sentence.text):
            start = sentence.start + match.start()
            antecedent = antecedent_at(refs, start, sentence.index, analyzed)
            if antecedent:
                pronouns.append(PersonRef(start, sentence.start + match.end(), antecedent, sentence.index, "pronoun"))
    return sorted(refs + pronouns, key=lambda r: r.start)


def anaphoric_titles(analyzed: AnalyzedArticle, resolved: set[tuple[int, int]]) -> list[Mention]:
    """Titles with no name that a demonstrative follows ("mantan Kepala Polda Metro Jaya ini"), which no
    holder named in the article explains: they refer back like a pronoun."""
    text = analyzed.article.text

    def refers(m: Mention) -> bool:
        before = text[max(0, m.start - 20):m.start].split()
        word = before[-1] if before else ""
        # "kantor Konjen Australia tersebut" is the office, not its holder: a common noun before the title
        return not (word[:1].islower() and word.lower() not in _BEFORE_HOLDER)

    return [m for m in analyzed.mentions if m.type == "Title" and m.body and (m.start, m.end) not in resolved
            and text[m.end:m.end + 10].split()[:1] in (["ini"], ["itu"], ["tersebut"]) and refers(m)]


def appositive_titles(analyzed: AnalyzedArticle) -> list[tuple[Mention, Mention]]:
    """(title, person) where a title naming its body stands right after a person's name between commas: a
    second post of someone already introduced by one ("Under-Secretary-General X, Head of the United Nations
    Office of Counter-Terrorism,"; "Kepala BNPT X, mantan Kapolda Jawa Barat,")."""
    text = analyzed.article.text
    out = []
    last: Mention | None = None
    for m in analyzed.mentions:
        if m.type == "Person":
            last = m
        elif (m.type == "Title" and m.body and last is not None and last.sentence == m.sentence
              and text[last.end:m.start].split()[:1] == [","]
              and all(w.lower() in _BEFORE_HOLDER for w in text[last.end:m.start].split()[1:])
              and not _runs_on(text, m.end)):
            out.append((m, last))
    return out


def _runs_on(text: str, end: int) -> bool:
    """A title followed by more capitalised words belongs to what follows ("A, Direktur Jenderal Bea dan Cukai
    Kementerian Keuangan B"), not to the name before it; "(UNOCT) concluded" and a comma end it."""
    after = text[end:end + 80].lstrip()
    if after.startswith("("):
        after = after[after.find(")") + 1:].lstrip() if ")" in after else ""
    return after[:1].isupper()


def antecedent_at(refs: list[PersonRef], position: int, sentence: int, analyzed: AnalyzedArticle) -> str | None:
    """Who a pronoun at ``position`` (in sentence ``sentence``) stands for: the last person named before it
    in the same sentence, else the subject (first person named) of the last earlier sentence that names one,
    outside quoted speech. Preferring the subject follows news style: "Raab and Marsudi ... . He met ..."
    means Raab. ``refs`` is in text order, so the search looks back from ``position`` only as far as it must."""
    inside_quote = any(a <= position < b for a, b in analyzed.quotes)

    def usable(ref: PersonRef) -> bool:
        return inside_quote or not any(a <= ref.start < b for a, b in analyzed.quotes)

    j = bisect_left(refs, position, key=lambda r: r.start) - 1
    while j >= 0 and not usable(refs[j]):
        j -= 1
    if j < 0:
        return None
    last = refs[j]
    if last.sentence == sentence:
        return last.key
    subject = last
    while j >= 0 and refs[j].sentence == last.sentence:
        if usable(refs[j]):
            subject = refs[j]
        j -= 1
    return subject.key
