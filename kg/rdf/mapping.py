"""An ``ExtractedArticle`` as RDF quads in the article's own named graph, under the kg ontology.

Each claim becomes an n-ary fact node (kg:Meeting, kg:Signing, ...) carrying date, place, rule, confidence
and its evidence sentence (a NIF string with offsets into the article, which is a nif:Context), plus a
direct edge (kg:met, kg:signed, ...) for simple queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD

from kg.model import Claim, Entity, ExtractedArticle
from kg.rdf.iri import ENTITIES_GRAPH, article_iri, entity_iri, evidence_iri, fact_iri, graph_iri, shared_fact_iri
from kg.rdf.namespace import KG, NIF, SCHEMA
from kg.relations import REGISTRY

Quad = ox.Quad


class _Terms:
    """A namespace's terms as Oxigraph nodes, each made once on first use: building quads from pyoxigraph
    terms skips rdflib's Literal and URIRef constructors and the N-Quads text round trip, which together cost
    more than half of the rdf stage. A typo still fails, in the rdflib namespace underneath."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


K, S, N, X = _Terms(KG), _Terms(SCHEMA), _Terms(NIF), _Terms(XSD)
TYPE, LABEL, SAME_AS = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(OWL.sameAs))
PREF_LABEL, ALT_LABEL = ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(SKOS.altLabel))
SHARED = ox.NamedNode(str(ENTITIES_GRAPH))

ENTITY_CLASS = {name: getattr(K, name) for name in ("Person", "Organization", "Country", "Place", "Event", "Agreement")}
FACT_CLASS = {name: getattr(K, spec.fact_class) for name, spec in REGISTRY.items()}
DIRECT_EDGE = {name: getattr(K, spec.direct_edge) for name, spec in REGISTRY.items() if spec.direct_edge}


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def date_literal(value: str) -> ox.Literal:
    """An ISO date at its precision as the matching XSD type: never padded to a day it does not state."""
    if value.startswith("--"):
        return ox.Literal(value, datatype=X.gMonthDay)
    if len(value) == 4:
        return ox.Literal(value, datatype=X.gYear)
    if len(value) == 7:
        return ox.Literal(value, datatype=X.gYearMonth)
    return ox.Literal(value, datatype=X.date)


def to_quads(extracted: ExtractedArticle) -> Iterator[Quad]:
    article = extracted.article
    g = _node(graph_iri(article.id))
    doc = _node(article_iri(article.id))
    language = article.language

    def q(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> Quad:
        return ox.Quad(s, p, o, g)

    yield q(doc, TYPE, K.Article)
    yield q(doc, K.articleId, ox.Literal(article.id))
    yield q(doc, N.isString, ox.Literal(article.text))
    yield q(doc, S.inLanguage, ox.Literal(language))
    yield q(doc, K.contentHash, ox.Literal(article.content_hash))
    if article.url:
        yield q(doc, S.url, ox.Literal(article.url, datatype=X.anyURI))
    if article.published:
        yield q(doc, S.datePublished, ox.Literal(article.published.isoformat(), datatype=X.date))
    if article.title:
        yield q(doc, S.headline, ox.Literal(article.title))
    if article.outlet:
        yield q(doc, K.outlet, ox.Literal(article.outlet))
    iris = {key: _node(entity_iri(key, article.id)) for key in extracted.entities}
    if article.dateline_place:
        place = next((e for e in extracted.entities.values()
                      if e.type == "Place" and e.name.lower() == article.dateline_place.lower()), None)
        if place:
            yield q(doc, K.datelinePlace, iris[place.key])
    for entity in extracted.entities.values():
        yield from _entity(entity, iris[entity.key], doc, language, q)
    described: dict[tuple[int, int], ox.NamedNode] = {}  # evidence sentences already described: claims share them
    for claim in extracted.claims:
        yield from _claim(claim, extracted, iris, doc, q, described)


def _entity(entity: Entity, iri: ox.NamedNode, doc: ox.NamedNode, language: str, q) -> Iterator[Quad]:  # type: ignore[no-untyped-def]
    """What is true of the entity whatever the article goes into one shared graph, once; what this article
    says of it (its name here, the forms used, the mention) into the article's graph. Repeating types and
    names in every article's graph would make every join on them grow with the number of articles."""
    def shared(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> Quad:
        return ox.Quad(s, p, o, SHARED)

    yield shared(iri, TYPE, ENTITY_CLASS[entity.type])
    # one display name whichever article's language: the Indonesian label of a listed body, else the name
    yield shared(iri, S.name, ox.Literal(entity.labels.get("id") or entity.name))
    for lang, label in entity.labels.items():
        yield shared(iri, PREF_LABEL, ox.Literal(label, language=lang))
    if entity.wikidata:
        yield shared(iri, SAME_AS, ox.NamedNode(f"http://www.wikidata.org/entity/{entity.wikidata}"))
    if entity.iso:
        yield shared(iri, K.isoCode, ox.Literal(entity.iso))
    yield q(iri, LABEL, ox.Literal(entity.name, language=language))
    for alias in entity.aliases:
        yield q(iri, ALT_LABEL, ox.Literal(alias))
    yield q(iri, K.mentionedIn, doc)


def _claim(claim: Claim, extracted: ExtractedArticle, iris: dict[str, ox.NamedNode], doc: ox.NamedNode, q,  # type: ignore[no-untyped-def]
           described: dict[tuple[int, int], ox.NamedNode]) -> Iterator[Quad]:
    """The claim's fact node; its evidence sentence's description only where no earlier claim of the article
    gave it (the store keeps each quad once anyway: repeating them cost a fifth of the quads made and loaded)."""
    article_id = extracted.article.id
    subject = iris[claim.subject]
    obj = iris[claim.object] if claim.object else None
    if claim.relation == "meets" and claim.object and claim.date and len(claim.date) == 10:
        # a meeting of the same two actors on the same day is one meeting, whichever article reports it
        fact = _node(shared_fact_iri("meeting", *sorted((claim.subject, claim.object)), claim.date))
    else:
        fact = _node(fact_iri(article_id, claim.relation, claim.subject, claim.object or "", claim.role or ""))
    ev = claim.evidence
    evidence = described.get((ev.start, ev.end))
    if evidence is None:
        evidence = described[ev.start, ev.end] = _node(evidence_iri(article_id, ev.start, ev.end))
        yield q(evidence, TYPE, K.EvidenceSentence)
        yield q(evidence, N.anchorOf, ox.Literal(ev.text))
        yield q(evidence, N.beginIndex, ox.Literal(str(ev.start), datatype=X.integer))
        yield q(evidence, N.endIndex, ox.Literal(str(ev.end), datatype=X.integer))
        yield q(evidence, N.referenceContext, doc)
    yield q(fact, TYPE, FACT_CLASS[claim.relation])
    yield q(fact, K.evidence, evidence)
    yield q(fact, K.rule, ox.Literal(claim.rule))
    yield q(fact, K.confidence, ox.Literal(f"{Decimal(str(claim.confidence)):f}", datatype=X.decimal))
    if claim.date:
        yield q(fact, K.date, date_literal(claim.date))
    if claim.place and claim.place in iris:
        yield q(fact, K.place, iris[claim.place])
    relation = claim.relation
    spec = REGISTRY[relation]
    yield q(fact, getattr(K, spec.subject_property), subject)
    if obj is not None and spec.object_property:
        yield q(fact, getattr(K, spec.object_property), obj)
    if relation == "meets" and obj is not None:
        first, second = sorted((subject, obj), key=lambda node: node.value)
        yield q(fact, K.firstParticipant, first)
        yield q(fact, K.secondParticipant, second)
    elif relation == "holds_position":
        yield q(fact, K.roleName, ox.Literal(claim.role or ""))
    elif relation == "quoted":
        yield q(subject, K.quotedIn, doc)
    if relation in DIRECT_EDGE and obj is not None:
        yield q(subject, DIRECT_EDGE[relation], obj)
