"""SHACL validation of a built graph against ``ontology/shapes.ttl``, evaluated as SPARQL on Oxigraph.

pySHACL took 40 s on a 1,000-article graph, most of it copying the store into rdflib and walking it node by
node; the shapes kg uses are SHACL Core's simplest (``sh:targetClass`` and property shapes with a plain
path and ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``, ``sh:minInclusive``,
``sh:maxInclusive``, ``sh:or`` of ``sh:class``/``sh:datatype``), and each becomes one SPARQL query over the
store itself. Class membership follows ``rdfs:subClassOf`` in ``ontology/kg.ttl``, as pySHACL does with the
ontology as ``ont_graph``. A shape using anything else is refused, so shapes and validator cannot drift
apart silently; ``tests/test_validate.py`` checks that pySHACL reports the same violations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdf.prefixes import compact
from kg.resources import ontology_dir

if TYPE_CHECKING:
    from rdflib import Graph

SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUPPORTED = {SH + p for p in ("path", "minCount", "maxCount", "class", "datatype", "minInclusive", "maxInclusive",
                               "or", "message", "name", "description")}


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    component: str  # the SHACL constraint component, e.g. "MinCountConstraintComponent"
    value: str
    message: str
    shape: str


@dataclass(frozen=True)
class _Check:
    shape: str
    targets: tuple[str, ...]  # the target classes and their subclasses
    path: str
    component: str
    condition: str  # the SPARQL pattern after the targets that finds ?focus (and ?v) in violation
    message: str
    having: str = ""  # for a count: the pattern is grouped by ?focus and this is the HAVING condition


def validate_store(store: ox.Store) -> tuple[bool, str, list[Violation]]:
    """(conforms, readable report, violations) for the union of the store's graphs."""
    found: set[Violation] = set()
    for check in _checks():
        targets = f"{{ SELECT DISTINCT ?focus WHERE {{ VALUES ?t {{ {' '.join(f'<{t}>' for t in check.targets)} }} ?focus a ?t }} }}"
        if check.having:
            query = f"SELECT ?focus WHERE {{ {targets} {check.condition} }} GROUP BY ?focus HAVING ({check.having})"
        else:
            query = f"SELECT DISTINCT ?focus ?v WHERE {{ {targets} {check.condition} }}"
        for row in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
            value = "" if check.having else _term(row["v"])
            found.add(Violation(_term(row["focus"]), check.path, check.component, value, check.message, check.shape))
    violations = sorted(found)
    return not violations, _report(violations), violations


def _term(term: object) -> str:
    """A result term as N-Triples-like text: an IRI bare, a literal with its quotes and datatype."""
    if term is None:
        return ""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def validate(graph: Graph) -> tuple[bool, str]:
    """(conforms, readable report) for an rdflib graph (tests, one article's graph)."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    conforms, report, _ = validate_store(store)
    return conforms, report


def _report(violations: list[Violation]) -> str:
    if not violations:
        return "conforms"
    lines = [f"{len(violations)} violation(s) of ontology/shapes.ttl:"]
    for v in violations:
        value = f" (value {v.value})" if v.value else ""
        lines.append(f"  {compact(v.focus)} {compact(v.path)}: {v.message}{value} [{v.component}, {compact(v.shape)}]")
    return "\n".join(lines)


@cache
def _checks() -> tuple[_Check, ...]:
    """Each constraint of the shapes file as a query; refuses a shape this evaluator does not know."""
    from rdflib import RDF, Graph, URIRef
    from rdflib.collection import Collection

    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    subclasses = _subclasses()
    sh = lambda name: URIRef(SH + name)  # noqa: E731

    def members(cls: str) -> tuple[str, ...]:
        return tuple(sorted(subclasses.get(cls, {cls})))

    def has_class(cls: str) -> str:
        return f"EXISTS {{ VALUES ?c {{ {' '.join(f'<{c}>' for c in members(cls))} }} ?v a ?c }}"

    def has_datatype(datatype: str) -> str:
        return f"(isLiteral(?v) && datatype(?v) = <{datatype}>)"

    checks = []
    for shape in sorted(set(shapes.subjects(RDF.type, sh("NodeShape")))):
        known = {sh("targetClass"), sh("property"), RDF.type}
        if unknown := {str(p) for p in shapes.predicates(shape)} - {str(k) for k in known}:
            raise KgError(f"shapes.ttl: {shape} uses {', '.join(sorted(unknown))}, which kg validate does not evaluate")
        targets = tuple(sorted({c for t in shapes.objects(shape, sh("targetClass")) for c in members(str(t))}))
        for prop in shapes.objects(shape, sh("property")):
            if unknown := {str(p) for p in shapes.predicates(prop)} - _SUPPORTED:
                raise KgError(f"shapes.ttl: a property of {shape} uses {', '.join(sorted(unknown))}, which kg validate does not evaluate")
            path = shapes.value(prop, sh("path"))
            if not isinstance(path, URIRef):
                raise KgError(f"shapes.ttl: {shape} has a path that is not one property")
            given = shapes.value(prop, sh("message"))
            p = f"<{path}>"

            def add(component: str, condition: str, default: str, having: str = "") -> None:
                checks.append(_Check(str(shape), targets, str(path), component, condition,
                                     str(given) if given is not None else default, having))

            if (n := shapes.value(prop, sh("minCount"))) is not None:
                add("MinCountConstraintComponent", f"OPTIONAL {{ ?focus {p} ?w }}",
                    f"fewer than {int(n)} values of {compact(str(path))}", having=f"COUNT(DISTINCT ?w) < {int(n)}")
            if (n := shapes.value(prop, sh("maxCount"))) is not None:
                add("MaxCountConstraintComponent", f"?focus {p} ?w",
                    f"more than {int(n)} values of {compact(str(path))}", having=f"COUNT(DISTINCT ?w) > {int(n)}")
            if (cls := shapes.value(prop, sh("class"))) is not None:
                add("ClassConstraintComponent", f"?focus {p} ?v FILTER(!{has_class(str(cls))})",
                    f"a value that is not a {compact(str(cls))}")
            if (datatype := shapes.value(prop, sh("datatype"))) is not None:
                add("DatatypeConstraintComponent", f"?focus {p} ?v FILTER(!{has_datatype(str(datatype))})",
                    f"a value that is not of datatype {compact(str(datatype))}")
            for name, op in (("minInclusive", ">="), ("maxInclusive", "<=")):
                if (bound := shapes.value(prop, sh(name))) is not None:
                    add(f"{name[0].upper()}{name[1:]}ConstraintComponent",
                        f"?focus {p} ?v FILTER(!COALESCE(?v {op} {bound.n3()}, false))",
                        f"a value that is not {op} {bound}")
            if (options := shapes.value(prop, sh("or"))) is not None:
                tests = []
                for option in Collection(shapes, options):
                    cls, datatype = shapes.value(option, sh("class")), shapes.value(option, sh("datatype"))
                    if cls is not None:
                        tests.append(has_class(str(cls)))
                    elif datatype is not None:
                        tests.append(has_datatype(str(datatype)))
                    else:
                        raise KgError(f"shapes.ttl: an sh:or of {shape} has an option kg validate does not evaluate")
                add("OrConstraintComponent", f"?focus {p} ?v FILTER(!({' || '.join(tests)}))",
                    f"a value of {compact(str(path))} that matches none of its allowed shapes")
    return tuple(checks)


def _subclasses() -> dict[str, set[str]]:
    """Each class of ontology/kg.ttl with all its subclasses (itself included)."""
    from rdflib import RDFS, Graph

    ontology = Graph().parse(ontology_dir() / "kg.ttl")
    children: dict[str, set[str]] = {}
    for child, parent in ontology.subject_objects(RDFS.subClassOf):
        children.setdefault(str(parent), set()).add(str(child))

    def closure(cls: str) -> Iterator[str]:
        yield cls
        for child in children.get(cls, ()):
            yield from closure(child)

    return {cls: set(closure(cls)) for cls in {*children, *(c for cs in children.values() for c in cs)}}
