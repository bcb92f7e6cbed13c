"""The ontology declares every kg: term kg uses: in its namespace class, its code, its queries and shapes, and
in the graph a build writes."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, Graph

from kg.query import select_rows
from kg.rdf.namespace import KG
from kg.rdf.prefixes import ONTOLOGY
from kg.rdf.store import open_dataset
from kg.resources import data_dir, ontology_dir

ROOT = Path(__file__).resolve().parents[1]
_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def declared() -> set[str]:
    ontology = Graph().parse(ontology_dir() / "kg.ttl")
    return {str(s)[len(ONTOLOGY):] for kind in _KINDS for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(ONTOLOGY)}


def test_the_namespace_class_and_the_ontology_name_the_same_terms():
    assert set(KG.__annotations__) == declared()


def test_every_kg_term_in_code_queries_and_shapes_is_declared():
    used: dict[str, set[str]] = {}
    files = [*ROOT.joinpath("kg").rglob("*.py"), *data_dir().joinpath("queries").rglob("*.rq"), ontology_dir() / "shapes.ttl"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for term in re.findall(r"(?:\bkg:|\bKG\.|ontology#)([A-Za-z]\w*)", text):
            used.setdefault(term, set()).add(path.name)
    assert used, "the scan found no kg: terms at all"
    missing = {term: sorted(where) for term, where in used.items() if term not in declared()}
    assert not missing


def test_every_kg_term_a_build_writes_is_declared(sample_graph):
    dataset = open_dataset(sample_graph)
    try:
        rows = select_rows(dataset, "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }")
        written = {row["t"][len(ONTOLOGY):] for row in rows if row["t"] and row["t"].startswith(ONTOLOGY)}
    finally:
        dataset.close()
    assert "extractorFingerprint" in written and "Meeting" in written
    assert written - declared() == set()
