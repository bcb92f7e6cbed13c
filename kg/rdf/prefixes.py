"""The namespaces of kg's graphs as plain strings, for the paths that need no rdflib (``kg query`` starts
in half the time without importing it)."""

from __future__ import annotations

import re

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


# One prefix per kind of shared node, so a printed IRI pastes back into SPARQL: a prefixed name may not hold
# a "/" ("kgr:person/x" does not parse), "kgp:boy-rafli-amar" does. Predeclared in kg query and kg serve.
ENTITY_PREFIXES = {
    "kgp": RESOURCES + "person/",
    "kgo": RESOURCES + "organization/",
    "kgc": RESOURCES + "country/",
    "kgpl": RESOURCES + "place/",
    "kgm": RESOURCES + "meeting/",
    "kga": RESOURCES + "article/",
    "kgg": RESOURCES + "graph/",
}
QUERY_PREFIXES = {**PREFIXES, **ENTITY_PREFIXES}

_LONGEST_FIRST = sorted(QUERY_PREFIXES.items(), key=lambda item: -len(item[1]))
# A SPARQL local name kg can print as is (PN_LOCAL without escapes): no "/", "#", "%", and no final ".".
_LOCAL = re.compile(r"\w(?:[\w.-]*[\w-])?|", re.ASCII)


def compact(iri: str) -> str:
    """``kg:Meeting``, ``kgp:boy-rafli-amar``: the IRI with the longest predeclared prefix whose local part is a
    valid SPARQL local name; else the full ``<IRI>``. Either way it can be pasted back into a query."""
    for prefix, namespace in _LONGEST_FIRST:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"
