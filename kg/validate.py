"""SHACL validation of a built graph against ``ontology/shapes.ttl``, with the ontology for class hierarchy."""

from __future__ import annotations

from rdflib import Graph

from kg.resources import ontology_dir


def validate(graph: Graph) -> tuple[bool, str]:
    """(conforms, readable report) for ``graph``."""
    from pyshacl import validate as shacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    ontology = Graph().parse(ontology_dir() / "kg.ttl")
    conforms, _report_graph, text = shacl(graph, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                          allow_warnings=True)
    return bool(conforms), str(text)
