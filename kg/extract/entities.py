"""Entity resolution inside an article: mentions grouped into entities with one canonical name each.

Keys come from the nlp stage (gazetteer keys for known bodies, countries and places; normalised names
otherwise), so the same agency in two articles gets the same key and therefore the same IRI. The name
follows the guideline: the fullest proper name the article gives, in the article's language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.event_names import acronyms_of, contents as name_contents
from kg.model import AnalyzedArticle, Entity, Mention
from kg.names import norm_key
from kg.nlp import gazetteer
from kg.resources import load_table


def _acronymish(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > len(letters) / 2 and " " not in name.strip()


def unify_people(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """One key per person: "Boy Rafli", "Rafli Amar" and "Boy Rafli Amar" in one article are one person.

    A shorter name is merged into a longer one only when its words are all in that name and in no other
    person's name of the article, so two people who share a surname stay apart.
    """
    ordered = _longest_names(analyzed, "Person")
    names = {key: frozenset(words) for key, words in ordered.items()}
    wives = _named_as_wives(analyzed)
    titled = {m.key for m in analyzed.mentions if m.type == "Person" and m.role}
    target: dict[str, str] = {}
    for key, words in names.items():
        # a wife's name ends with her husband's: of two words or more, or one that a title gives him ("Wapres
        # X" beside "Ibu Y X")
        husband = len(ordered[key]) >= 2 or key in titled
        wider = {k for k, w in names.items() if k != key and words < w
                 and not (k in wives and husband and k not in titled and ordered[k][-len(ordered[key]):] == ordered[key])}
        # the widest names containing this one must all be one person (nested variants of one name)
        tops = {k for k in wider if not any(names[k] < names[o] for o in wider)}
        if len(tops) == 1:
            target[key] = tops.pop()
    return _rekey(analyzed, "Person", target)


def _named_as_wives(analyzed: AnalyzedArticle) -> set[str]:
    """Keys of the people some mention presents as a wife ("Ibu Negara A B C" beside "Presiden B C"): a name of two
    words or more that ends hers is her husband's, not a short form of hers (``lexicons/spouse_words.tsv``)."""
    text = analyzed.article.text
    return {m.key for m in analyzed.mentions if m.type == "Person" and m.key
            and _spouse_before().search(text, max(0, m.start - 24), m.start)}


@lru_cache(maxsize=1)
def _spouse_before() -> re.Pattern[str]:
    """A wife's word right before a name ("Mrs.", "istrinya, X"), read once from ``lexicons/spouse_words.tsv``
    when first needed, not when the module is imported."""
    phrases = "|".join(re.escape(row["phrase"]) for row in load_table("lexicons/spouse_words.tsv"))
    return re.compile(r"\b(?:" + phrases + r")(?:nya)?[.,]?\s+$", re.IGNORECASE)


def without_initials(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """A person's key without the initials of their name ("Retno L.P. Marsudi" -> retno marsudi), so that the
    articles that write the initials and those that leave them out name one node; the name shown keeps them.
    Not where two people of the article would fall onto one key."""
    names = _longest_names(analyzed, "Person")
    short = {key: tuple(w for w in words if len(w) > 1) for key, words in names.items()}
    short = {key: words for key, words in short.items() if len(words) >= 2 and words != names[key]}
    landing: dict[str, list[str]] = {}
    for key, words in short.items():
        landing.setdefault("person:" + " ".join(words), []).append(key)
    target = {keys[0]: new for new, keys in landing.items() if len(keys) == 1 and new not in names}
    return _rekey(analyzed, "Person", target)


def unify_events(analyzed: AnalyzedArticle, words: dict[str, str], etype: str = "Event") -> AnalyzedArticle:
    """One key per event (or agreement, ``etype``): an article names its event in several forms ("the fifth
    Australia-UK Ministerial Consultations", "Australia-United Kingdom Ministerial Consultations"; "84th Interpol
    General Assembly", "84th General Assembly of the International Criminal Police Organization"; "Pertemuan ASOD
    ke-44", "ASOD ke-44"), and its agreement by its title and by what it is ("the Agreement on Strategic
    Cooperation", "a strategic cooperation agreement"). Names are compared by their content: the gazetteer's
    bodies and countries as keys, without function words and determiners, with abbreviations, the other
    language's words, ordinals and acronyms read alike (``event_names``). Equal contents are one event; a
    content inside exactly one wider one (of two words or more) is that event named short, never when two
    events contain it."""
    contents: dict[str, set[frozenset[str]]] = {}
    proper: set[str] = set()  # keys named with a capital somewhere: a title, not a description
    named = [m for m in analyzed.mentions if m.type == etype and m.key]
    acronyms = acronyms_of([m.name or m.text for m in named])
    for m in named:
        found = {c for c in name_contents(m.name or m.text, words, acronyms)
                 if len(c) >= 2 and any(":" not in w for w in c)}  # not two countries alone ("Malindo")
        if found:
            contents.setdefault(m.key, set()).update(found)
            if (m.name or m.text)[:1].isupper():
                proper.add(m.key)
    group: dict[str, str] = {}  # key -> the first key of its group of keys with a content in common
    first: dict[frozenset[str], str] = {}
    for key in sorted(contents):
        joined = {group[first[c]] for c in contents[key] if c in first}
        root = min(joined) if joined else key
        for k in [k for k, r in group.items() if r in joined]:
            group[k] = root
        group[key] = root
        for c in contents[key]:
            first.setdefault(c, key)
    members: dict[str, list[str]] = {}
    for key, root in group.items():
        members.setdefault(root, []).append(key)
    found = {root: set().union(*(contents[k] for k in keys)) for root, keys in members.items()}
    widest = {root: _widest(cs) for root, cs in found.items()}
    # the name shown is the fullest proper one ("Agreement on Strategic Cooperation" over "a strategic
    # cooperation agreement to expand cooperation", GUIDELINES)
    shown = {root: max(keys, key=lambda k: (k in proper, len(_widest(contents[k])), k)) for root, keys in members.items()}
    target: dict[str, str] = {}
    for root, keys in members.items():
        wider = {r for r in members if r != root and any(c < widest[r] for c in found[root])}
        tops = {r for r in wider if not any(widest[r] < widest[o] for o in wider)}
        to = shown[tops.pop()] if len(tops) == 1 else shown[root]
        target.update({k: to for k in keys if k != to})
    return _rekey(analyzed, etype, target)


def _widest(contents: set[frozenset[str]]) -> frozenset[str]:
    return max(contents, key=lambda c: (len(c), sorted(c)))


def resolve_event_references(analyzed: AnalyzedArticle, words: dict[str, str], heads: frozenset[str]) -> AnalyzedArticle:
    """"The Conference", "the meeting", "pertemuan tersebut" recognised as events are the event the article
    names in full with that head word (the last one named before, else the first after); one that no named
    event explains is no entity when a determiner or a word of a kind of meeting makes it one ("Rapat Kerja",
    "Bilateral Meeting"; GUIDELINES: an unnamed meeting, a generic meeting type, is not an Event)."""
    events = [m for m in analyzed.mentions if m.type == "Event" and m.key]
    if not events:
        return analyzed

    def content(m: Mention) -> list[str]:
        return [w for w in norm_key(m.name or m.text).split() if w not in words]

    def determined(m: Mention) -> bool:
        return any(words.get(w) in ("determiner", "demonstrative") for w in norm_key(m.text).split())

    def described(m: Mention) -> bool:  # a kind of meeting, no name: "Rapat Kerja", "Bilateral Meeting" (GUIDELINES)
        return any(words.get(w) == "type" for w in norm_key(m.text).split())

    references = {id(m) for m in events if all(w in heads for w in content(m))
                  and (determined(m) or len(content(m)) <= 1)}
    named = [m for m in events if id(m) not in references]
    target: dict[int, str | None] = {}
    for m in events:
        if id(m) not in references:
            continue
        own = set(content(m))
        fits = [n for n in named if not own or own & set(norm_key(n.name or n.text).split())]
        before = [n for n in fits if n.start < m.start]
        chosen = before[-1] if before else (fits[0] if fits else None)
        target[id(m)] = chosen.key if chosen else (None if determined(m) or described(m) else m.key)
    if not target:
        return analyzed
    gone = {m.key for m in events if id(m) in target and target[id(m)] is None}
    kept = {m.key for m in events if target.get(id(m), m.key) == m.key and not m.rule.startswith("acronym")}
    dropped = gone - kept  # a kind of meeting's short form goes with it ("Rapat Kerja (Raker)")
    mentions = [m if id(m) not in target else replace(m, key=target[id(m)]) for m in analyzed.mentions
                if (id(m) not in target or target[id(m)] is not None) and not (m.type == "Event" and m.key in dropped)]
    return replace(analyzed, mentions=mentions)


def _longest_names(analyzed: AnalyzedArticle, etype: str) -> dict[str, tuple[str, ...]]:
    """Key -> the words of the longest name an article gives each entity of ``etype``."""
    names: dict[str, tuple[str, ...]] = {}
    for m in analyzed.mentions:
        if m.type == etype and m.key:
            words = tuple(norm_key(m.name).split())
            if len(words) > len(names.get(m.key, ())):
                names[m.key] = words
    return names


def _rekey(analyzed: AnalyzedArticle, etype: str, target: dict[str, str]) -> AnalyzedArticle:
    if not target:
        return analyzed
    mentions = [replace(m, key=target[m.key]) if m.type == etype and m.key in target else m for m in analyzed.mentions]
    return replace(analyzed, mentions=mentions)


def _balanced(name: str) -> str:
    """A name without the half of a bracket a mention's span cut: "Supriyanto (F-PGerindra" -> "Supriyanto",
    "Rakorsus) tingkat menteri" -> "Rakorsus tingkat menteri"."""
    if name.count("(") > name.count(")"):
        return name[:name.rindex("(")].rstrip() or name
    if name.count(")") > name.count("("):
        return " ".join(name.replace(")", " ").split())
    return name


def build_entities(analyzed: AnalyzedArticle) -> dict[str, Entity]:
    gaz = gazetteer.load()
    language = analyzed.article.language
    text_key = f" {norm_key(analyzed.article.text)} "
    groups: dict[str, list[Mention]] = {}
    for m in analyzed.mentions:
        if m.type in ("Title", "Pronoun") or not m.key:
            continue
        groups.setdefault(m.key, []).append(m)
    entities: dict[str, Entity] = {}
    for key, mentions in groups.items():
        entry = gaz.entries.get(key)
        forms = sorted({m.name for m in mentions} | {m.text for m in mentions}, key=lambda f: (-len(f), f))  # ties: alphabetical, in every process
        if entry:
            name = entry.labels.get(language) or entry.labels["id"]
            if entry.type != "Country" and f" {norm_key(name)} " not in text_key:
                in_text = [a for a in [*entry.labels.values(), *entry.aliases]
                           if (len(a.split()) >= 3 or _place_as_written(entry.type, language, a))
                           and f" {norm_key(a)} " in text_key]
                if in_text:
                    name = max(in_text, key=len)
            aliases = sorted({*entry.labels.values(), *entry.aliases, *forms} - {name})
            entities[key] = Entity(key, entry.type, name, dict(entry.labels), aliases, entry.wikidata, entry.iso)
        else:
            full = [f for f in forms if not _acronymish(f) and "(" not in f and ")" not in f] or [
                f for f in forms if not _acronymish(f)] or forms
            etype = mentions[0].type
            # an agreement's fullest proper name: its title over a longer description ("Agreement on Strategic
            # Cooperation", not "strategic cooperation agreement to expand cooperation")
            name = _balanced(min(full, key=lambda f: (not (etype == "Agreement" and _titled(f)), -len(f), f)))
            entities[key] = Entity(key, etype, name, {language: name}, sorted(set(forms) - {name}))
    return entities


def _titled(name: str) -> bool:
    """A document's title rather than a description of it: three words or more, the first capitalised."""
    return name[:1].isupper() and len(name.split()) >= 3


def _place_as_written(etype: str, language: str, alias: str) -> bool:
    """A place of the gazetteer, which names it in Indonesian ("Kairo", "Den Haag", "Asia Tenggara"), is named
    in an English article as the article writes it ("Cairo", "The Hague"; a dateline's "CAIRO" is no name), as
    a country is named in the article's language."""
    return etype == "Place" and language == "en" and alias[:1].isupper() and not alias.isupper()


def ensure_entity(entities: dict[str, Entity], key: str, language: str) -> Entity | None:
    """The entity for ``key``, added from the gazetteer when a claim needs a body the text only implies."""
    if key in entities:
        return entities[key]
    entry = gazetteer.load().entries.get(key)
    if entry is None:
        return None
    name = entry.labels.get(language) or entry.labels["id"]
    entity = Entity(key, entry.type, name, dict(entry.labels), sorted({*entry.labels.values(), *entry.aliases} - {name}),
                    entry.wikidata, entry.iso)
    entities[key] = entity
    return entity


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def stray(name: str, etype: str, aliases: list[str]) -> bool:
    """A person or body with nothing but a weak name: one word for a person ("Brexit", "Diundur", "Metro"), an
    acronym never spelled out for a body ("FTF", "SOP", "EPA"). Such an entity that no accepted fact involves
    is left out of an article's graph: in cross-validation on the dev articles they were wrong 33 times in 46
    (annotators name abbreviations of things that are no bodies, and capitalised words are no people)."""
    if aliases:
        return False
    if etype == "Person":
        return len(name.split()) == 1
    return etype == "Organization" and _ACRONYM.fullmatch(name) is not None
