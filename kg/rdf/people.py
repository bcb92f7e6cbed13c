"""One person across articles: a shorter form of a name linked to the fuller one the corpus holds.

Within an article, ``extract`` already makes "Boy Rafli", "Rafli Amar" and "Boy Rafli Amar" one person. Across
articles each name form mints its own IRI ("Tito Karnavian" in one report, "Muhammad Tito Karnavian" in the
next), and nothing in a single article can tell that they are one man. Once a build has all its articles, the
names of the corpus can: a person whose name's words (initials aside, two at least) are all words of one
fuller name is that person, the way ``score.py`` matches a short form to a gold name. Where two fuller names
both hold the short one ("Ahmad Yani Basuki", "Ahmad Yani Putra"), the short form is ambiguous and stays
alone. Names that differ only in initials or word order ("Retno L.P. Marsudi", "Retno Marsudi") are one
person too, and so are initials run together in capitals and the words they stand for ("Retno LP Marsudi",
"Retno Lestari Priansari Marsudi"). Two people whom one article names apart are never joined: that article's
reading kept them apart, as it keeps a wife named with her husband's name after hers ("Iriana Joko Widodo")
apart from him. A person named by one word alone ("Presiden Jokowi") joins the one person whom other articles
give that word as another name ("Joko Widodo (Jokowi)"). On the 450 articles of ``../shared/eval`` the links
went from 45 to 56 with these three steps: one wrong link gone (the president and the first lady), the five
forms of one foreign minister's name one node, and ten one-word names joined, all by eye the same person.

The links are ``owl:sameAs`` triples in a graph of their own (``RESOLUTION_GRAPH``), written afresh at the
end of every build, removal and merge, so that adding or removing articles never leaves a link the names no
longer support, and so that a user who disagrees can leave that one graph out. Article graphs keep the IRIs
their text gave; the NetworkX graph, the view and GraphML draw each linked group as one node.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import OWL, Dataset

from kg.names import norm_key
from kg.rdf.iri import RESOLUTION_GRAPH
from kg.rdf.prefixes import PREFIXES
from kg.rdf.store import oxigraph
from kg.resources import data_dir

SAME_AS = ox.NamedNode(str(OWL.sameAs))


def name_words(name: str) -> frozenset[str]:
    """The words that identify a person: initials ("L.P.") say too little to tell two people apart."""
    return frozenset(word for word in norm_key(name).split() if len(word) > 1)


def _capitals(name: str) -> frozenset[str]:
    """The words of a name written as two or three capitals ("Retno LP Marsudi", "Mahfud MD"): initials run
    together, or a word of the name itself; a fuller name may spell them either way."""
    return frozenset(w.lower() for w in name.replace(".", " ").split() if 2 <= len(w) <= 3 and w.isalpha() and w.isupper())


@dataclass(frozen=True)
class _Name:
    words: frozenset[str]
    capitals: frozenset[str]
    order: tuple[str, ...]  # the words in the order written, for initials read against them
    docs: frozenset[str]


def _shorter(short: _Name, full: _Name) -> bool:
    """Whether ``short`` is a shorter form of ``full``: its words are words of ``full``, but for a word of
    capitals that spells the initials of words ``full`` adds, in their order ("LP" of "Lestari Priansari")."""
    extra = [w for w in full.order if w not in short.words]
    for word in short.words - full.words:
        if word not in short.capitals or not _initials_of(word, extra):
            return False
    return short.words != full.words


def _initials_of(letters: str, words: list[str]) -> bool:
    position = 0
    for word in words:
        if position < len(letters) and word.startswith(letters[position]):
            position += 1
    return position == len(letters)


def same_people(people: Iterable[tuple[str, str, int, Iterable[str]]],
                aliases: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Person IRI -> the IRI that stands for its group, from (IRI, name, articles naming it, those articles):
    the group of a fullest name and the shorter forms only it holds, each group once, under the IRI most
    articles use (a name run on into the words around it, "Muhammad Tito Karnavian Ph", is rarely written
    twice). Two people one article names apart are two people in every article: the article's own reading
    kept them apart ("Presiden Joko Widodo" and "Ibu Negara Iriana Joko Widodo", whose name holds her
    husband's), so a shorter name is never linked to a fuller one that an article names beside it. ``aliases``
    (IRI, another name an article gives the person) link a person named by one word (``_nicknames``)."""
    raw: dict[str, str] = {}
    words: dict[str, frozenset[str]] = {}
    weight: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    for iri, name, articles, where in people:
        found = name_words(name)
        if len(found) > len(words.get(iri, ())):
            words[iri], raw[iri] = found, name  # an IRI named differently in several articles: its fullest form
        weight[iri] = max(weight.get(iri, 0), articles)  # one row per name, each with all the IRI's articles
        docs.setdefault(iri, set()).update(where)
    groups: dict[frozenset[str], list[str]] = {}
    for iri, found in words.items():
        if len(found) >= 2:
            groups.setdefault(found, []).append(iri)
    names = {found: _Name(found, _capitals(raw[iris[0]]), tuple(dict.fromkeys(norm_key(raw[iris[0]]).split())),
                          frozenset(doc for iri in iris for doc in docs[iri]))
             for found, iris in groups.items()}
    holding: dict[str, set[frozenset[str]]] = {}  # word -> the word sets that hold it
    for found in groups:
        for word in found:
            holding.setdefault(word, set()).add(found)
    members: dict[frozenset[str], list[str]] = {}  # the fullest word set -> the IRIs of its group
    for found, iris in groups.items():
        name = names[found]
        plain = sorted((holding[word] for word in found - name.capitals), key=len)
        near = plain[0].intersection(*plain[1:]) if plain else set()
        fuller = {other for other in near if _shorter(name, names[other]) and not name.docs & names[other].docs}
        tops = [s for s in fuller if not any(_shorter(names[s], names[other]) for other in fuller)]
        if len(tops) > 1:
            continue  # two fuller names hold this one: which person it is, the names cannot say
        members.setdefault(tops[0] if tops else found, []).extend(iris)
    links: dict[str, str] = {}
    for iris in members.values():
        head = min(iris, key=lambda iri: (-weight[iri], -len(words[iri]), iri))
        links.update({iri: head for iri in iris if iri != head})
    links.update(_nicknames(raw, words, docs, links, aliases))
    return links


def _nicknames(raw: dict[str, str], words: dict[str, frozenset[str]], docs: dict[str, set[str]],
               links: dict[str, str], aliases: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A person named by one word alone ("Presiden Jokowi", "SBY") -> the group of the one person whom other
    articles give that word as another name ("Joko Widodo (Jokowi)"). A word two groups answer to ("Benny"),
    the group of someone its own article names beside it, and a surname after an initial ("M Nasir", whom
    another article's "Nasir" may not be) link nothing."""
    group_docs: dict[str, set[str]] = {}
    for iri, where in docs.items():
        group_docs.setdefault(links.get(iri, iri), set()).update(where)
    answering: dict[str, set[str]] = {}  # a one-word other name -> the groups of people of two words or more that it names
    for iri, alias in aliases:
        found = name_words(alias)
        if len(found) == 1 and len(words.get(iri, ())) >= 2:
            answering.setdefault(next(iter(found)), set()).add(links.get(iri, iri))
    out: dict[str, str] = {}
    for iri, found in words.items():
        if len(found) != 1 or len(raw[iri].split()) != 1 or iri in links:
            continue
        groups = answering.get(next(iter(found)), set())
        if len(groups) == 1 and not docs[iri] & group_docs[head := next(iter(groups))]:
            out[iri] = head
    return out


def link_people(dataset: Dataset) -> int:
    """Write the links of the store's people into ``RESOLUTION_GRAPH`` (replacing what was there); their
    number."""
    store = oxigraph(dataset)
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    rows = store.query(_internal("people"), prefixes=PREFIXES)
    assert isinstance(rows, ox.QuerySolutions)
    people = [(row["person"].value, row["name"].value, int(row["articles"].value), row["docs"].value.split())
              for row in rows]
    others = store.query(_internal("nicknames"), prefixes=PREFIXES)
    assert isinstance(others, ox.QuerySolutions)
    links = same_people(people, [(row["person"].value, row["alias"].value) for row in others])
    store.bulk_extend([ox.Quad(ox.NamedNode(a), SAME_AS, ox.NamedNode(b), graph) for a, b in sorted(links.items())])
    return len(links)


def _internal(name: str) -> str:
    """An internal query's text (``kg.query.internal_query`` reads the same files, but the query package comes
    after this one and imports it)."""
    return (data_dir() / "queries" / "internal" / f"{name}.rq").read_text(encoding="utf-8")
