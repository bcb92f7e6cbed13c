"""One person across articles: a shorter form of a name linked to the fuller one the corpus holds.

Within an article, ``extract`` already makes "Boy Rafli", "Rafli Amar" and "Boy Rafli Amar" one person. Across
articles each name form mints its own IRI ("Tito Karnavian" in one report, "Muhammad Tito Karnavian" in the
next), and nothing in a single article can tell that they are one man. Once a build has all its articles, the
names of the corpus can: a person whose name's words (initials aside, two at least) are all words of one
fuller name is that person, the way ``score.py`` matches a short form to a gold name. Where two fuller names
both hold the short one ("Ahmad Yani Basuki", "Ahmad Yani Putra"), the short form is ambiguous and stays
alone. Names that differ only in initials or word order ("Retno L.P. Marsudi", "Retno Marsudi") are one
person too.

The links are ``owl:sameAs`` triples in a graph of their own (``RESOLUTION_GRAPH``), written afresh at the
end of every build, removal and merge, so that adding or removing articles never leaves a link the names no
longer support, and so that a user who disagrees can leave that one graph out. Article graphs keep the IRIs
their text gave; the NetworkX graph, the view and GraphML draw each linked group as one node.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def same_people(people: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """Person IRI -> the IRI that stands for its group, from (IRI, name, articles naming it): the group of a
    fullest name and the shorter forms only it holds, each group once, under the IRI most articles use (a
    name run on into the words around it, "Muhammad Tito Karnavian Ph", is rarely written twice)."""
    words: dict[str, frozenset[str]] = {}
    weight: dict[str, int] = {}
    for iri, name, articles in people:
        found = name_words(name)
        if len(found) > len(words.get(iri, ())):
            words[iri] = found  # an IRI named differently in several articles: its fullest form
        weight[iri] = max(weight.get(iri, 0), articles)  # one row per name, each with all the IRI's articles
    groups: dict[frozenset[str], list[str]] = {}
    for iri, found in words.items():
        if len(found) >= 2:
            groups.setdefault(found, []).append(iri)
    holding: dict[str, set[frozenset[str]]] = {}  # word -> the word sets that hold it
    for found in groups:
        for word in found:
            holding.setdefault(word, set()).add(found)
    members: dict[frozenset[str], list[str]] = {}  # the fullest word set -> the IRIs of its group
    for found, iris in groups.items():
        postings = sorted((holding[word] for word in found), key=len)
        supersets = {other for other in postings[0].intersection(*postings[1:]) if other > found}
        tops = [s for s in supersets if not any(s < other for other in supersets)]
        if len(tops) > 1:
            continue  # two fuller names hold this one: which person it is, the names cannot say
        members.setdefault(tops[0] if tops else found, []).extend(iris)
    links: dict[str, str] = {}
    for iris in members.values():
        head = min(iris, key=lambda iri: (-weight[iri], -len(words[iri]), iri))
        links.update({iri: head for iri in iris if iri != head})
    return links


def link_people(dataset: Dataset) -> int:
    """Write the links of the store's people into ``RESOLUTION_GRAPH`` (replacing what was there); their
    number."""
    store = oxigraph(dataset)
    graph = ox.NamedNode(str(RESOLUTION_GRAPH))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    query = (data_dir() / "queries" / "internal" / "people.rq").read_text(encoding="utf-8")
    rows = store.query(query, prefixes=PREFIXES)
    assert isinstance(rows, ox.QuerySolutions)
    links = same_people((row["person"].value, row["name"].value, int(row["articles"].value)) for row in rows)
    store.bulk_extend([ox.Quad(ox.NamedNode(a), SAME_AS, ox.NamedNode(b), graph) for a, b in sorted(links.items())])
    return len(links)
