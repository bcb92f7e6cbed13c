"""Short forms of one entity inside an article, resolved to it by the shape of the names alone.

News names an actor once in full and then by a short form the recogniser does not tie back: an acronym made of
the name's initials ("Ministry of Home Affairs" ... "MHA", "Susilo Bambang Yudhoyono" ... "SBY", "ASEAN
Ministerial Meeting on Transnational Crime" ... "AMMTC ke-17"), the name with a leading article or a country
qualifier ("The Philippine National Police", "Badan Keamanan Laut Republik Indonesia"), a surname alone that the
recogniser typed as a place or body ("Sharma" after "Alok Sharma"), a person's name blended into one word
("Jokowi" beside "Joko Widodo"), a kind of document for the one agreement
of that kind ("the MoU", "the pact"), or an event without its round for the one round the article numbers
("Konferensi ASEANAPOL" beside "Konferensi ASEANAPOL ke-35"). Each becomes a second node and a
second, unmatched argument of the same facts. Every rule here reads only the article's own names; a short
form that fits two entities is left alone (GUIDELINES: one entity per real-world thing in the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract.brackets import bracketed
from kg.extract.country_forms import HOME, country_core, country_named, home_listed, home_tails
from kg.model import AnalyzedArticle, Mention
from kg.names import norm_key
from kg.nlp import gazetteer, lexicon

RESOLVED = ("Person", "Organization", "Event", "Agreement")
NAMED = (*RESOLVED, "Place")  # the types whose names are read: a place may be a mistyped surname
SHORT_TYPES = ("Place", "Organization")  # a person's surname alone, mistyped by the recogniser
ARTICLES = frozenset({"the"})
_ORDINAL_TAIL = re.compile(r"^(?:ke-?\d+|\d+(?:st|nd|rd|th)?|[IVX]+)$", re.I)
VAGUEST = "agreement"  # the kind of "agreement", "pact", "kesepakatan" in lexicons/generic_agreements.tsv
_SKIPPED = frozenset({"of", "on", "the", "and", "for", "in", "dan", "untuk", "tentang", "se", "ke"})  # of norm_key words


def unify_forms(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Mentions rekeyed (and retyped) to the entity their short form denotes."""
    gaz = gazetteer.load()
    generic = lexicon.load(analyzed.article.language).generic_agreements
    names = _names(analyzed.mentions, gaz)
    headlines = {s.index for s in analyzed.sentences if _title_case(s.text)}
    listed = {key for key in names if key in gaz.entries}
    spelled = {key: {_spell(f, _spellings()) for f in entry.forms}  # once per body, compared with every other
               for key, entry in names.items() if entry.type == "Organization"}
    cores = {key: {country_core(f) for f in entry.forms} for key, entry in names.items() if entry.type == "Organization"}
    forms = {key: entry.forms for key, entry in names.items()}
    target = bracketed(analyzed.mentions, analyzed.article.text, listed, analyzed.article.language)
    run_on: set[str] = set()
    homes: dict[str, str] = {}  # key -> the listed body it names with its home country in another form
    for key, entry in names.items():
        if key in listed or key in target:
            continue
        home = home_listed(entry.forms, gaz) if entry.type == "Organization" else None
        if home is not None:
            target[key] = (home, gaz.entries[home].type)
            homes[key] = home
            continue
        longer = _run_on(key, entry, names, headlines)
        if longer is not None:
            run_on.add(key)
        found = (_qualified(key, entry, names, listed) or country_named(key, forms, cores, listed) or longer
                 or _spelled_out(key, entry, names, spelled)
                 or _acronym(key, entry, names) or _surname(key, entry, names) or _generic(key, entry, names, generic)
                 or _blend(key, entry, names) or _unnumbered(key, entry, names) or _form_of_another(key, entry, names))
        if found is not None and found != key:
            target[key] = (found, names[found].type)
    if not target:
        return analyzed
    for key in list(target):  # a chain A -> B -> C ends at C
        seen = {key}
        while target[key][0] in target and target[key][0] not in seen:
            seen.add(target[key][0])
            target[key] = target[target[key][0]]
    mentions = [m if m.key not in target else replace(m, key=target[m.key][0]) if m.type not in NAMED
                else replace(cut_to(m, names[target[m.key][0]].forms) if m.key in run_on else m, key=target[m.key][0],
                             type=target[m.key][1]) for m in analyzed.mentions]
    return replace(analyzed, mentions=move_bodies(mentions, {
        key: found for key, (found, etype) in target.items() if etype in ("Organization", "Country")}))


def move_bodies(mentions: list[Mention], moved: dict[str, str]) -> list[Mention]:
    """The mentions with each title's body key that a step rekeyed (``moved``: old key -> new) pointing at the new
    key. Every step that resolves a body to another key must move the body a title recorded as well, or the post
    finds no entity and is dropped (22 posts of the 450 annotated articles until session 65)."""
    return [replace(m, body=moved[m.body]) if m.body in moved else m for m in mentions]


def cut_to(m: Mention, forms: set[tuple[str, ...]]) -> Mention:
    """A run-on mention ("Komisi III DPR RI Bambang Wuryanto", "Istana Merdeka Jakarta") cut back to the longest
    of its leading words that is one of ``forms`` (names as ``norm_key`` words), so the node is not named after
    the run-on; unchanged where none is."""
    ends = [k.end() for k in re.finditer(r"\S+", m.text)]
    for end in reversed(ends):
        if tuple(norm_key(m.text[:end]).split()) in forms:
            text = m.text[:end]
            return replace(m, end=m.start + end, text=text, name=text)
    return m


@dataclass
class Named:
    """What the rules read of one entity of the article: its type, its names as words, its shortest surface form."""

    type: str
    forms: set[tuple[str, ...]] = field(default_factory=set)
    shortest: str = ""
    sentences: set[int] = field(default_factory=set)

    @property
    def longest(self) -> tuple[str, ...]:
        return max(self.forms, key=lambda f: (len(f), f))


def _names(mentions: list[Mention], gaz: gazetteer.Gazetteer) -> dict[str, Named]:
    """Key -> its names, for the entities that may resolve (a listed body's gazetteer names too)."""
    out: dict[str, Named] = {}
    for m in mentions:
        if m.type not in NAMED or not m.key:
            continue
        named = out.setdefault(m.key, Named(m.type, shortest=m.text))
        named.forms.add(tuple(norm_key(m.name or m.text).split()))
        named.sentences.add(m.sentence)
        if len(m.text) < len(named.shortest):
            named.shortest = m.text
    for key, named in out.items():
        entry = gaz.entries.get(key)
        if entry is not None:
            named.forms |= {tuple(norm_key(n).split()) for n in [*entry.labels.values(), *entry.aliases]}
        named.forms.discard(())
    return {k: v for k, v in out.items() if v.forms}


def _title_case(text: str) -> bool:
    """A headline or caption line: no closing full stop, and most of its words capitalised."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return (len(words) >= 3 and not text.rstrip().endswith((".", "!", "?", '"', "”"))
            and sum(w[0].isupper() for w in words) >= 0.7 * len(words))


def _one(found: list[str]) -> str | None:
    return found[0] if len(set(found)) == 1 else None


def without_articles(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """"The Defence Ministry" at the start of a sentence is "Defence Ministry", and "Shanmugam's" is Shanmugam:
    an article is no part of a body's, event's or agreement's name, nor a possessive of a person's, and keeping
    either would give the entity a second key and node. The key the name gave moves for every mention of it (a
    defined acronym shares it), to the listed body's where the bare name is one. Before people are unified:
    "Secretary X's meeting" in a headline would otherwise be a second person beside whom "Secretary X" and
    "Y X" could no longer join."""
    gaz = gazetteer.load()
    renamed: dict[str, str] = {}
    cut: dict[int, Mention] = {}
    for m in analyzed.mentions:
        if m.type in ("Organization", "Event", "Agreement") and m.text.startswith(("The ", "the ")) and len(m.text.split()) >= 3:
            name = m.name[4:] if m.name.startswith(("The ", "the ")) else m.name
            cut[id(m)] = replace(m, start=m.start + 4, text=m.text[4:], name=name)
        elif m.type == "Person" and m.text.endswith(gazetteer.POSSESSIVE) and len(m.text) > 4:
            name = gazetteer.without_possessive(m.name)
            cut[id(m)] = replace(m, end=m.end - 2, text=m.text[:-2], name=name)
        else:
            continue
        if m.key == f"{m.type.lower()}:{norm_key(m.name)}":
            entry = gaz.by_alias(name)
            renamed[m.key] = entry.key if entry is not None and entry.type == m.type else f"{m.type.lower()}:{norm_key(name)}"
    if not cut:
        return analyzed
    mentions = [cut.get(id(m), m) for m in analyzed.mentions]
    mentions = [replace(m, key=renamed[m.key]) if m.key in renamed else m for m in mentions]
    return replace(analyzed, mentions=move_bodies(mentions, renamed))


def _qualified(key: str, entry: Named, names: dict[str, Named], listed: set[str]) -> str | None:
    """"Badan Keamanan Laut Republik Indonesia" and "Badan Keamanan Laut" are one body: a body's name with its
    home country after it. The listed (gazetteer) or else the fuller name is the entity."""
    if entry.type != "Organization":
        return None
    found = []
    for k, other in names.items():
        if k == key or other.type != "Organization":
            continue
        if k in listed and any(" ".join(t) in HOME for t in _tails(other.forms, entry.forms)):
            found.append(k)  # the qualified form joins a listed body; else the shorter joins it
        elif any(" ".join(t) in HOME for t in _tails(entry.forms, other.forms)):
            found.append(k)
    return _one(found)


@dataclass(frozen=True)
class Spellings:
    """What the words of a body's name stand for, read from the gazetteer and ``lexicons/unit_names.tsv``."""

    words: dict[tuple[str, ...], tuple[str, ...]]  # "jabar" -> "jawa barat", "polda" -> "kepolisian daerah"
    parents: dict[tuple[str, ...], str]  # a listed body's names ("dpr", "dewan perwakilan rakyat") -> its key


@lru_cache(maxsize=1)
def _spellings() -> Spellings:
    words: dict[tuple[str, ...], tuple[str, ...]] = {}
    parents: dict[tuple[str, ...], str] = {}
    for entry in gazetteer.load().entries.values():
        forms = [tuple(norm_key(n).split()) for n in [*entry.labels.values(), *entry.aliases]]
        if entry.type == "Place":
            for form in forms[1:]:
                words.setdefault(form, forms[0])
        elif entry.type == "Organization":
            for form in forms:
                parents.setdefault(form, entry.key)
    for short, long in lexicon.unit_names().items():
        words[tuple(short.split())] = tuple(long.lower().split())
    words.pop((), None)
    parents.pop((), None)
    return Spellings(words, parents)


def _spell(form: tuple[str, ...], spelled: Spellings) -> tuple[tuple[str, ...], str | None]:
    """A body's name with its short forms spelled out, split into its own words and the listed body it ends
    with, if any, without the home country: "Komisi III DPR RI" -> ("komisi iii", DPR)."""
    out: list[str] = []
    i = 0
    while i < len(form):
        for n in (3, 2, 1):
            long = spelled.words.get(form[i:i + n]) if i + n <= len(form) else None
            if long is not None:
                out += long
                i += n
                break
        else:
            out.append(form[i])
            i += 1
    core = _unqualified(tuple(out))
    for cut in range(2, len(core)):
        parent = spelled.parents.get(core[cut:])
        if parent is not None:
            return _unqualified(core[:cut]), parent
    return core, None


def _unqualified(words: tuple[str, ...]) -> tuple[str, ...]:
    n = next(home_tails(words, keep=2), 0)
    return words[:-n] if n else words


def _spelled_out(key: str, entry: Named, names: dict[str, Named],
                 spelled: dict[str, set[tuple[tuple[str, ...], str | None]]]) -> str | None:
    """"Polda Jabar" is "Kepolisian Daerah Jawa Barat", "Pemprov Sumbar" is "Pemerintah Provinsi Sumatera Barat",
    "Komisi III" is "Komisi III DPR RI" and "Komisi III Dewan Perwakilan Rakyat": bodies whose names, with short
    forms spelled out and without the listed body they belong to, are the same words are one, named by the
    longest; unless two of them belong to different bodies ("Divisi Humas Polri", "Divisi Humas Polda ...")."""
    if entry.type != "Organization":
        return None
    mine = spelled[key]
    cores = {core for core, _parent in mine}
    same, parents = [], {parent for _core, parent in mine if parent}
    for k, theirs in spelled.items():
        if k == key:
            continue
        other = names[k]
        if cores & {core for core, _parent in theirs}:
            same.append((max(len(f) for f in other.forms), k))
            parents |= {parent for _core, parent in theirs if parent}
        elif any(c[:len(core)] == core and len(c) > len(core) for core in cores for c, _parent in theirs):
            parents.add(k)  # "Divisi Humas Polda X", a parent no gazetteer lists, is a second body of that name
    longest = max(same, default=None)
    if longest is None or len(parents) > 1:
        return None
    return longest[1] if longest > (max(len(f) for f in entry.forms), key) else None


def _tails(shorter: set[tuple[str, ...]], longer: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The words after each name of ``shorter`` (two words or more) that a name of ``longer`` begins with."""
    return [l[len(s):] for s in shorter if len(s) >= 2 for l in longer if len(l) > len(s) and l[:len(s)] == s]


def _initials(words: tuple[str, ...], skip: frozenset[str]) -> str:
    return "".join(w[0] for w in words if w not in skip and not _ORDINAL_TAIL.match(w))


def _acronym(key: str, entry: Named, names: dict[str, Named]) -> str | None:
    """"MHA", "SBY", "CHOGM", "AMMTC ke-17": an acronym of capitals (an ordinal may follow) whose letters are
    the initials of exactly one other name of the article, with or without its little words."""
    parts = entry.shortest.split()
    if not parts:
        return None
    letters = [c for c in parts[0] if c.isalpha()]
    if not 2 <= len(letters) <= 7 or not all(c.isupper() for c in letters):
        return None
    wanted = "".join(letters).lower()
    if len(parts) > 2 or (len(parts) == 2 and not _ORDINAL_TAIL.match(parts[1])):
        return _acronym_before(key, entry, wanted, names)
    types = ("Event",) if len(parts) == 2 else RESOLVED  # a numbered session is the event's: "IPU ke-137" is no IPU
    return _one([k for k, n in names.items() if k != key and n.type in types
                 and any(len(f) >= 2 and wanted in (_initials(f, _SKIPPED), _initials(f, ARTICLES)) for f in n.forms)]
                ) or _acronym_before(key, entry, wanted, names)


def _acronym_before(key: str, entry: Named, wanted: str, names: dict[str, Named]) -> str | None:
    """"PWNU Jawa Timur" beside "Pengurus Wilayah Nahdlatul Ulama (PWNU) Jawa Timur", "BNNP Maluku Utara" beside
    "Badan Narkotika Nasional Provinsi Maluku Utara", "KTT G20": an acronym before the words that end exactly
    one other name of the article, whose words before them have the acronym's letters as initials. The
    acronym alone is that name too when the words after its initials are a place (the branch of a body
    named by its region): the article writes "PWNU" for its one regional board."""
    tails = {f[1:] for f in entry.forms if len(f) >= 2 and f[0] == wanted}
    alone = (wanted,) in entry.forms

    def ends(f: tuple[str, ...], tail: tuple[str, ...]) -> bool:
        head = f[:len(f) - len(tail)]
        return (len(head) >= 2 and f[len(head):] == tail
                and wanted in (_initials(head, _SKIPPED), _initials(head, ARTICLES)))

    return _one([k for k, n in names.items() if k != key and n.type in RESOLVED and any(
        any(ends(f, tail) for tail in tails) or (alone and any(ends(f, f[p:]) and _place(f[p:]) for p in range(2, len(f))))
        for f in n.forms)])


def _place(words: tuple[str, ...]) -> bool:
    found = gazetteer.load().by_alias(" ".join(words))
    return found is not None and found.type == "Place"


def _surname(key: str, entry: Named, names: dict[str, Named]) -> str | None:
    """"Sharma" typed as a place after "Alok Sharma", "Boy Rafli Amar" typed as a place: a place or body
    none of the gazetteer's, every name of which is one word of exactly one person's full name or the whole of
    it, is that person; so is a place that is the end of one ("Al-Jubeir" after "Adel bin Ahmed al-Jubeir"), not
    a body, which may bear its founder's name ("Eberhard Faber")."""
    if entry.type not in SHORT_TYPES:
        return None
    tail = entry.type == "Place"
    return _one([k for k, n in names.items() if n.type == "Person" and k != key and len(n.longest) >= 2 and all(
        f in n.forms or (len(f) == 1 and f[0] in n.longest) or (tail and n.longest[-len(f):] == f) for f in entry.forms)])


def _form_of_another(key: str, entry: Named, names: dict[str, Named]) -> str | None:
    """"Mindef" typed a person beside "the Ministry of Defence (Mindef)", "Malindo" typed a person beside the
    event the article also calls so: a name none of the gazetteer's whose every form the article already gives
    exactly one entity of another type, named more fully, is that entity (one form, one actor in an article). A
    name two entities give alike stays alone ("Natuna" the place and the person). A short form in a bracket
    that the recogniser typed a body after a person's name ("Zulkifli Hasan (Zulhas)") is not reached: the
    person's own short form joins the person in this same pass (``_blend``); one article of 450 has it."""
    fullest = len(entry.longest)
    return _one([k for k, n in names.items() if k != key and n.type != entry.type and entry.forms <= n.forms
                 and len(n.longest) > fullest])


def _blend(key: str, entry: Named, names: dict[str, Named]) -> str | None:
    """"Jokowi" beside "Joko Widodo": a person named by one word that joins the start of the first word of
    exactly one other person's name to the start of its last, each of two letters or more."""
    if entry.type != "Person" or any(len(f) != 1 for f in entry.forms):
        return None
    short = entry.longest[0]
    return _one([k for k, n in names.items() if k != key and n.type == "Person" and any(
        len(f) >= 2 and any(f[0].startswith(short[:i]) and f[-1].startswith(short[i:]) for i in range(2, len(short) - 1))
        for f in n.forms)])


def _generic(key: str, entry: Named, names: dict[str, Named], generic: dict[str, str]) -> str | None:
    """"The MoU", "the agreement", "the pact" after the article has named its one agreement in full ("Nota
    Kesepahaman tentang Pembentukan Konsultasi Bilateral") are that agreement: a name that is only a kind of
    document (``lexicons/generic_agreements.tsv``) joins the one named agreement of its kind; only the vaguest
    ("the agreement", "kesepakatan") joins the one named agreement of another kind ("Memorandum of
    Understanding" beside a named action plan is a second document)."""
    if entry.type != "Agreement":
        return None
    kinds = {generic.get(" ".join(f)) for f in entry.forms}
    if None in kinds:
        return None
    named = [k for k, n in names.items() if k != key and n.type == "Agreement"
             and any(" ".join(f) not in generic for f in n.forms)]
    same = [k for k in named if any(generic.get(" ".join(f[:j])) in kinds for f in names[k].forms for j in range(1, len(f)))]
    if same:
        return _one(same)
    if named:  # "the MoU" is no action plan, but "the agreement" may be any document
        return _one(named) if kinds == {VAGUEST} else None
    if kinds != {VAGUEST}:
        return None
    # "the agreement" with no named one: the one document of a more precise kind ("the MoU")
    return _one([k for k, n in names.items() if k != key and n.type == "Agreement"
                 and {generic.get(" ".join(f)) for f in n.forms} - {VAGUEST, None}])


def _without_number(form: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without its round number ("konferensi aseanapol ke 35", "ktt ke 17 g20")."""
    return tuple(w for i, w in enumerate(form) if not _ORDINAL_TAIL.match(w)
                 and not (w == "ke" and i + 1 < len(form) and form[i + 1].isdigit()))


def _unnumbered(key: str, entry: Named, names: dict[str, Named]) -> str | None:
    """An event named without its round ("Konferensi ASEANAPOL", "KTT G20") is the one numbered round of it
    the article names ("Konferensi ASEANAPOL ke-35", "KTT ke-17 G20"); beside two rounds it is left alone."""
    if entry.type != "Event" or any(_without_number(f) != f for f in entry.forms):
        return None
    found = [other_key for other_key, other in names.items() if other_key != key and other.type == "Event"
             and any(_without_number(f) != f and _without_number(f) in entry.forms for f in other.forms)]
    return _one(found)


def _run_on(key: str, entry: Named, names: dict[str, Named], headlines: set[int]) -> str | None:
    """A body's name run on into the words after it: into a person's name ("Komisi III DPR RI Bambang
    Wuryanto", "Kepolisian Turki Selami Altinok"), or, in a title-case headline, into its verb ("Komisi III
    Gelar RDP Tertutup"). The body is the one named without them; a headline's run-on joins it only when the
    headline alone gives that name."""
    if entry.type not in ("Organization", "Event"):
        return None
    people = [f for n in names.values() if n.type == "Person" for f in n.forms]
    headline = entry.sentences <= headlines
    return _one([k for k, other in names.items() if k != key and other.type == "Organization" and any(
        headline or any(tail[:len(person)] == person for person in people) for tail in _tails(other.forms, entry.forms))])
