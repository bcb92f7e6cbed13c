"""kg validate evaluates ontology/shapes.ttl as SPARQL on the store; it must report what pySHACL reports."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.cli import app
from kg.export import union_graph
from kg.rdf.namespace import KG
from kg.rdf.store import open_dataset
from kg.resources import ontology_dir
from kg.validate import validate

SH = "http://www.w3.org/ns/shacl#"


def _pyshacl(graph: Graph) -> set[tuple[str, str, str]]:
    from pyshacl import validate as shacl

    _conforms, results, _text = shacl(graph, shacl_graph=Graph().parse(ontology_dir() / "shapes.ttl"),
                                      ont_graph=Graph().parse(ontology_dir() / "kg.ttl"), inference="none")
    return {(str(results.value(r, URIRef(SH + "focusNode"))), str(results.value(r, URIRef(SH + "resultPath"))),
             str(results.value(r, URIRef(SH + "sourceConstraintComponent"))).removeprefix(SH))
            for r in results.subjects(RDF.type, URIRef(SH + "ValidationResult"))}


def _ours(graph: Graph) -> set[tuple[str, str, str]]:
    conforms, report = validate(graph)
    found = set()
    for line in report.splitlines()[1:]:
        component = line.rsplit("[", 1)[1].split(",")[0]
        focus, path = line.split()[:2]
        found.add((focus, path.rstrip(":"), component))
    assert conforms == (not found)
    return found


def _expand(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """pySHACL's full IRIs in kg's printed form, to compare."""
    from kg.rdf.prefixes import compact

    return {(compact(f), compact(p), c) for f, p, c in found}


def _broken(sample_graph) -> Graph:
    dataset = open_dataset(sample_graph)
    try:
        graph = union_graph(dataset)
    finally:
        dataset.close()
    meeting = next(graph.subjects(RDF.type, KG.Meeting))
    graph.remove((meeting, KG.participant, None))  # minCount
    graph.add((meeting, KG.date, Literal("2021-11-12", datatype=XSD.date)))  # maxCount (a second date)
    graph.add((meeting, KG.date, Literal("kemarin")))  # sh:or of datatypes
    post = next(graph.subjects(RDF.type, KG.Post))
    place = next(graph.subjects(RDF.type, KG.Place))
    graph.set((post, KG.organization, place))  # sh:or of classes
    graph.set((post, KG.member, place))  # sh:class
    signing = next(graph.subjects(RDF.type, KG.Signing))
    graph.set((signing, KG.confidence, Literal("1.5", datatype=XSD.decimal)))  # maxInclusive
    quote = next(graph.subjects(RDF.type, KG.Quotation))
    graph.set((quote, KG.rule, Literal(3)))  # datatype
    person = next(graph.subjects(RDF.type, KG.Person))
    graph.remove((person, RDFS.label, None))  # minCount
    agency = URIRef("https://w3id.org/kg-news/id/organization/unlabelled-agency")
    graph.add((agency, RDF.type, KG.GovernmentOrganization))  # a target by subclass, with no label
    return graph


def test_kg_validate_reports_what_pyshacl_reports(sample_graph):
    broken = _broken(sample_graph)
    ours = _ours(broken)
    assert {c for _f, _p, c in ours} >= {"MinCountConstraintComponent", "MaxCountConstraintComponent", "OrConstraintComponent",
                                         "ClassConstraintComponent", "MaxInclusiveConstraintComponent", "DatatypeConstraintComponent"}
    assert ours == _expand(_pyshacl(broken))


def test_kg_validate_passes_a_good_graph_and_fails_a_broken_one(runner, sample_graph, tmp_path):
    assert runner.invoke(app, ["validate", "--graph", str(sample_graph)]).exit_code == 0
    broken = tmp_path / "broken"
    built = runner.invoke(app, ["build", "--graph", str(broken)])
    assert built.exit_code == 0
    import pyoxigraph as ox

    store = ox.Store(str((broken / "store").resolve()))
    meeting = next(store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Meeting)))).subject
    for quad in list(store.quads_for_pattern(meeting, ox.NamedNode(str(KG.participant)), None)):
        store.remove(quad)
    store.flush()
    del store
    result = runner.invoke(app, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1 and "every meeting has at least two participants" in result.output


@pytest.mark.parametrize("shape", ["sh:pattern \"x\"", "sh:nodeKind sh:IRI"])
def test_a_shape_kg_cannot_evaluate_is_refused(shape, tmp_path, monkeypatch):
    from kg import validate as module

    folder = tmp_path / "ontology"
    folder.mkdir()
    (folder / "kg.ttl").write_text((ontology_dir() / "kg.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "shapes.ttl").write_text((ontology_dir() / "shapes.ttl").read_text(encoding="utf-8").replace(
        "sh:minCount 1 ; sh:message \"every entity has a label\"", f"sh:minCount 1 ; {shape} ; sh:message \"every entity has a label\""),
        encoding="utf-8")
    monkeypatch.setattr(module, "ontology_dir", lambda: folder)
    module._checks.cache_clear()
    try:
        with pytest.raises(module.KgError, match="does not evaluate"):
            module.validate(Graph())
    finally:
        module._checks.cache_clear()
