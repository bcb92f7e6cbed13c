"""An ``ExtractedArticle`` as RDF quads in the article's own named graph, under the kg ontology.

Each claim becomes an n-ary fact node (kg:Meeting, kg:Signing, ...) carrying date, place, rule, confidence
and its evidence sentence (a NIF string with offsets into the article, which is a nif:Context), plus a
direct edge (kg:met, kg:signed, ...) for simple queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.term import Node

from kg.model import Claim, Entity, ExtractedArticle
from kg.rdf.iri import ENTITIES_GRAPH, article_iri, entity_iri, evidence_iri, fact_iri, graph_iri, shared_fact_iri
from kg.rdf.namespace import KG, NIF, SCHEMA
from kg.relations import REGISTRY

Quad = tuple[Node, Node, Node, URIRef]

ENTITY_CLASS = {
    "Person": KG.Person, "Organization": KG.Organization, "Country": KG.Country,
    "Place": KG.Place, "Event": KG.Event, "Agreement": KG.Agreement,
}
FACT_CLASS = {name: KG[spec.fact_class] for name, spec in REGISTRY.items()}
DIRECT_EDGE = {name: KG[spec.direct_edge] for name, spec in REGISTRY.items() if spec.direct_edge}


def date_literal(value: str) -> Literal:
    """An ISO date at its precision as the matching XSD type: never padded to a day it does not state."""
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.date)


def to_quads(extracted: ExtractedArticle) -> Iterator[Quad]:
    article = extracted.article
    g = graph_iri(article.id)
    doc = article_iri(article.id)
    language = article.language

    def q(s: Node, p: Node, o: Node) -> Quad:
        return (s, p, o, g)

    yield q(doc, RDF.type, KG.Article)
    yield q(doc, KG.articleId, Literal(article.id))
    yield q(doc, NIF.isString, Literal(article.text))
    yield q(doc, SCHEMA.inLanguage, Literal(language))
    yield q(doc, KG.contentHash, Literal(article.content_hash))
    if article.url:
        yield q(doc, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI))
    if article.published:
        yield q(doc, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date))
    if article.title:
        yield q(doc, SCHEMA.headline, Literal(article.title))
    if article.outlet:
        yield q(doc, KG.outlet, Literal(article.outlet))
    iris = {key: entity_iri(key, article.id) for key in extracted.entities}
    if article.dateline_place:
        place = next((e for e in extracted.entities.values()
                      if e.type == "Place" and e.name.lower() == article.dateline_place.lower()), None)
        if place:
            yield q(doc, KG.datelinePlace, iris[place.key])
    for entity in extracted.entities.values():
        yield from _entity(entity, iris[entity.key], doc, language, q)
    for claim in extracted.claims:
        yield from _claim(claim, extracted, iris, doc, q)


def _entity(entity: Entity, iri: URIRef, doc: URIRef, language: str, q) -> Iterator[Quad]:  # type: ignore[no-untyped-def]
    """What is true of the entity whatever the article goes into one shared graph, once; what this article
    says of it (its name here, the forms used, the mention) into the article's graph. Repeating types and
    names in every article's graph would make every join on them grow with the number of articles."""
    def shared(s: Node, p: Node, o: Node) -> Quad:
        return (s, p, o, ENTITIES_GRAPH)

    yield shared(iri, RDF.type, ENTITY_CLASS[entity.type])
    # one display name whichever article's language: the Indonesian label of a listed body, else the name
    yield shared(iri, SCHEMA.name, Literal(entity.labels.get("id") or entity.name))
    for lang, label in entity.labels.items():
        yield shared(iri, SKOS.prefLabel, Literal(label, lang=lang))
    if entity.wikidata:
        yield shared(iri, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{entity.wikidata}"))
    if entity.iso:
        yield shared(iri, KG.isoCode, Literal(entity.iso))
    yield q(iri, RDFS.label, Literal(entity.name, lang=language))
    for alias in entity.aliases:
        yield q(iri, SKOS.altLabel, Literal(alias))
    yield q(iri, KG.mentionedIn, doc)


def _claim(claim: Claim, extracted: ExtractedArticle, iris: dict[str, URIRef], doc: URIRef, q) -> Iterator[Quad]:  # type: ignore[no-untyped-def]
    article_id = extracted.article.id
    subject = iris[claim.subject]
    obj = iris[claim.object] if claim.object else None
    if claim.relation == "meets" and claim.object and claim.date and len(claim.date) == 10:
        # a meeting of the same two actors on the same day is one meeting, whichever article reports it
        fact = shared_fact_iri("meeting", *sorted((claim.subject, claim.object)), claim.date)
    else:
        fact = fact_iri(article_id, claim.relation, claim.subject, claim.object or "", claim.role or "")
    ev = claim.evidence
    evidence = evidence_iri(article_id, ev.start, ev.end)
    yield q(evidence, RDF.type, KG.EvidenceSentence)
    yield q(evidence, NIF.anchorOf, Literal(ev.text))
    yield q(evidence, NIF.beginIndex, Literal(ev.start, datatype=XSD.integer))
    yield q(evidence, NIF.endIndex, Literal(ev.end, datatype=XSD.integer))
    yield q(evidence, NIF.referenceContext, doc)
    yield q(fact, RDF.type, FACT_CLASS[claim.relation])
    yield q(fact, KG.evidence, evidence)
    yield q(fact, KG.rule, Literal(claim.rule))
    yield q(fact, KG.confidence, Literal(Decimal(str(claim.confidence)), datatype=XSD.decimal))
    if claim.date:
        yield q(fact, KG.date, date_literal(claim.date))
    if claim.place and claim.place in iris:
        yield q(fact, KG.place, iris[claim.place])
    relation = claim.relation
    spec = REGISTRY[relation]
    yield q(fact, KG[spec.subject_property], subject)
    if obj is not None and spec.object_property:
        yield q(fact, KG[spec.object_property], obj)
    if relation == "meets" and obj is not None:
        first, second = sorted((subject, obj), key=str)
        yield q(fact, KG.firstParticipant, first)
        yield q(fact, KG.secondParticipant, second)
    elif relation == "holds_position":
        yield q(fact, KG.roleName, Literal(claim.role or ""))
    elif relation == "quoted":
        yield q(subject, KG.quotedIn, doc)
    if relation in DIRECT_EDGE and obj is not None:
        yield q(subject, DIRECT_EDGE[relation], obj)
