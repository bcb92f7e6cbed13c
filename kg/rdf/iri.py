"""Deterministic IRIs: the same name always gives the same IRI, and any name gives a valid one.

Actors (people, bodies, countries, places) are minted from their key alone, so one actor is one node
across articles; events and agreements are minted inside their article, because "the MoU" of one
article is not the MoU of another.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from kg.names import norm_key
from kg.rdf.namespace import RES

ARTICLE_SCOPED = ("event", "agreement")


SLUG = 80  # characters of a slug


def slug(text: str) -> str:
    """Readable ASCII slug, or a hash when the name has no Latin letters or digits. A name longer than a slug
    keeps its first words and a hash of the whole: two agreements whose titles part only after 80 characters
    ("Memorandum of Understanding between the Indonesian National Police and the Ministry of ...") are two
    nodes."""
    readable = norm_key(text).replace(" ", "-")
    if len(readable) > SLUG:
        return f"{readable[:SLUG - 9]}-{hashlib.sha1(readable.encode('utf-8')).hexdigest()[:8]}"
    return readable or "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _segment(article_id: str) -> str:
    """An article id as one path segment: percent-encoded, dots too, so "." and ".." are never dot-segments
    that a parser would resolve away."""
    return quote(article_id, safe="").replace(".", "%2E")


def article_iri(article_id: str) -> URIRef:
    return RES[f"article/{_segment(article_id)}"]


ENTITIES_GRAPH = URIRef("https://w3id.org/kg-news/entities")  # types and names of actors, once for the corpus
RESOLUTION_GRAPH = URIRef("https://w3id.org/kg-news/resolution")  # one person across articles (kg.rdf.people)


def graph_iri(article_id: str) -> URIRef:
    return RES[f"graph/{_segment(article_id)}"]


def entity_iri(key: str, article_id: str) -> URIRef:
    kind, _, rest = key.partition(":")
    kind = {"org": "organization"}.get(kind, kind)
    if kind in ARTICLE_SCOPED:
        return URIRef(f"{article_iri(article_id)}/{kind}/{slug(rest)}")
    return RES[f"{kind}/{slug(rest)}"]


def fact_iri(article_id: str, *parts: str) -> URIRef:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{article_iri(article_id)}/fact/{digest}")


def shared_fact_iri(kind: str, *parts: str) -> URIRef:
    """A fact that several articles can report (a dated meeting): its IRI depends on what it is, not on who
    reported it, so each article's graph adds its own evidence to the one node."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return RES[f"{kind}/{digest}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")
