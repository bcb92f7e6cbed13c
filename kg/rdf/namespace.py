"""The terms of ``ontology/kg.ttl`` as an rdflib namespace that fails on a typo (``_fail = True``).

A test checks that this list and the ontology declare the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"
RES = Namespace(BASE + "id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Person: URIRef
    Organization: URIRef
    GovernmentOrganization: URIRef
    Country: URIRef
    Place: URIRef
    Event: URIRef
    Agreement: URIRef
    Article: URIRef
    EvidenceSentence: URIRef
    Fact: URIRef
    Meeting: URIRef
    Signing: URIRef
    Attendance: URIRef
    Post: URIRef
    Cooperation: URIRef
    Quotation: URIRef
    participant: URIRef
    firstParticipant: URIRef
    secondParticipant: URIRef
    signatory: URIRef
    agreement: URIRef
    event: URIRef
    member: URIRef
    organization: URIRef
    roleName: URIRef
    partner: URIRef
    speaker: URIRef
    date: URIRef
    place: URIRef
    evidence: URIRef
    rule: URIRef
    confidence: URIRef
    met: URIRef
    signed: URIRef
    attended: URIRef
    holdsPostIn: URIRef
    cooperatesWith: URIRef
    quotedIn: URIRef
    mentionedIn: URIRef
    isoCode: URIRef
    articleId: URIRef
    contentHash: URIRef
    outlet: URIRef
    datelinePlace: URIRef


PREFIXES = {
    "kg": str(KG._NS),
    "kgr": str(RES),
    "schema": str(SCHEMA),
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": str(NIF),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
