"""The terms of ``ontology/kg.ttl`` as an rdflib namespace that fails on a typo (``_fail = True``).

``tests/test_ontology.py`` checks that this list and the ontology declare the same terms, and that every
``kg:`` term in the code, the queries, the shapes and a built graph is declared.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.rdf import prefixes
from kg.rdf.prefixes import BASE, PREFIXES

__all__ = ["BASE", "KG", "NIF", "PREFIXES", "RES", "SCHEMA"]

RES = Namespace(prefixes.RESOURCES)
NIF = Namespace(prefixes.NIF)
SCHEMA = Namespace(prefixes.SCHEMA)


class KG(DefinedNamespace):
    _NS = Namespace(prefixes.ONTOLOGY)
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
    extractorFingerprint: URIRef
