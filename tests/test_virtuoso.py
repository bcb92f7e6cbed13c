"""kg push into a real Virtuoso open source server: every bundled query answers there as ``kg query`` answers
on the local store.

Virtuoso is started from Debian's ``virtuoso-opensource`` on loopback ports with a fresh database
(tests/virtuoso.py). ``.ci/run`` installs it and sets KG_REQUIRE_VIRTUOSO=1, so in CI this test must run;
elsewhere it is skipped when ``virtuoso-t`` is missing.
"""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation

import pytest

from kg.cli import app
from kg.query import named_queries
from kg.rdf.prefixes import PREFIXES
from tests.virtuoso import ISQL, SERVER, running_virtuoso

REQUIRED = os.environ.get("KG_REQUIRE_VIRTUOSO") == "1"  # set by .ci/run
if REQUIRED:
    assert SERVER and ISQL, "KG_REQUIRE_VIRTUOSO=1 but no virtuoso-t/isql-vt on PATH"
else:
    pytestmark = pytest.mark.skipif(SERVER is None or ISQL is None,
                                    reason="no virtuoso-t on PATH (apt-get install virtuoso-opensource)")
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("decimal", "integer", "double", "float", "int", "long")}
KG_GRAPHS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-news/"))'  # Virtuoso keeps its own graphs beside ours


@pytest.fixture(scope="module")
def virtuoso():
    with running_virtuoso(memory_mb=300) as server:
        yield server


def _value(term: dict | None) -> tuple | None:
    """One value as comparable data: the lexical form a store may canonicalise ("0.90" / "0.9") compared as a
    number, a plain literal and an xsd:string one alike, language tags in any case alike."""
    if term is None:
        return None
    datatype = term.get("datatype")
    value = term["value"]
    if datatype in NUMERIC:
        try:
            value = str(Decimal(value).normalize())
        except InvalidOperation:
            pass
    kind = "literal" if term["type"] in ("literal", "typed-literal") else term["type"]
    return (kind, value, None if datatype == XSD + "string" else datatype, (term.get("xml:lang") or "").lower())


def _rows(answer: dict) -> list[tuple]:
    names = answer["head"]["vars"]
    return sorted((tuple(_value(row.get(n)) for n in names) for row in answer["results"]["bindings"]), key=repr)


def _remote(virtuoso, query: str) -> dict:
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())  # kg query predeclares these
    req = urllib.request.Request(virtuoso.sparql, data=urllib.parse.urlencode({"query": declared + query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    return json.loads(urllib.request.urlopen(req, timeout=300).read())


def _local(runner, graph, query: str) -> dict:
    result = runner.invoke(app, ["query", query, "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _assert_same_answers(runner, graph, virtuoso, names: list[str]) -> None:
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPHS} }}"
    assert _rows(_remote(virtuoso, count)) == _rows(_local(runner, graph, count))
    for name, query in named_queries().items():
        if name not in names:
            continue
        local = _rows(_local(runner, graph, query.text))
        assert local, f"{name}: no rows on the local graph, nothing compared"
        assert _rows(_remote(virtuoso, query.text)) == local, f"{name}: Virtuoso answers differently"


def test_push_into_virtuoso_answers_every_bundled_query_as_kg_query(runner, dev_graph, virtuoso):
    for _ in range(2):  # the second push replaces the graphs, it does not add to them
        result = runner.invoke(app, ["push", "--graph", str(dev_graph), "--graph-store", virtuoso.graph_store])
        assert result.exit_code == 0, result.output
    _assert_same_answers(runner, dev_graph, virtuoso, list(named_queries()))


def test_push_of_one_article_by_sparql_update_replaces_only_its_graphs(runner, dev_graph, virtuoso):
    """After the full push above: one article again through SPARQL Update (DROP + INSERT DATA)."""
    first = _local(runner, dev_graph, "SELECT ?id WHERE { ?a kg:articleId ?id } ORDER BY ?id LIMIT 1")
    article = first["results"]["bindings"][0]["id"]["value"]
    result = runner.invoke(app, ["push", "--graph", str(dev_graph), "--endpoint", virtuoso.sparql, "--article", article])
    assert result.exit_code == 0, result.output
    # the article's graph, the shared entities graph and, where the build linked people across articles, the
    # resolution graph (the dev articles have one; the sample alone does not)
    linked = _local(runner, dev_graph, "ASK { GRAPH <https://w3id.org/kg-news/resolution> { ?s ?p ?o } }")["boolean"]
    assert f"sent {3 if linked else 2} named graphs" in result.output
    _assert_same_answers(runner, dev_graph, virtuoso, ["who-met-whom", "posts"])
