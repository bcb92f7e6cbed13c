"""The namespaces of kg's graphs as plain strings, for the paths that need no rdflib (``kg query`` starts
in half the time without importing it)."""

from __future__ import annotations

BASE = "https://w3id.org/kg-news/"
ONTOLOGY = BASE + "ontology#"
RESOURCES = BASE + "id/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SCHEMA = "https://schema.org/"

PREFIXES = {
    "kg": ONTOLOGY,
    "kgr": RESOURCES,
    "schema": SCHEMA,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": NIF,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}


def compact(iri: str) -> str:
    """``kg:Meeting`` for an IRI under one of the prefixes above; anything else as it is."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
