"""SPARQL over the built graph: bundled named queries, files or inline text, and result formats.

The query runs on Oxigraph itself (not through rdflib's term objects) with the common prefixes predeclared;
results are rendered as an aligned table, CSV, TSV, or the W3C SPARQL JSON results format; graph results
(CONSTRUCT, DESCRIBE) as Turtle.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import FormatError, QueryError
from kg.rdf.prefixes import QUERY_PREFIXES, compact
from kg.resources import data_dir

if TYPE_CHECKING:
    from rdflib import Dataset

FORMATS = ("table", "csv", "tsv", "json")
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The bundled queries (``data/queries/*.rq``): name -> description and text; the first comment line describes."""
    found = {}
    for path in sorted((data_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        found[path.stem] = NamedQuery(path.stem, first.lstrip("# ").strip(), text)
    return found


def internal_query(name: str) -> str:
    text = (data_dir() / "queries" / "internal" / f"{name}.rq").read_text(encoding="utf-8")
    return text.replace("{{relations}}", relation_patterns()) if "{{relations}}" in text else text


def relation_patterns() -> str:
    """One SPARQL pattern per relation of the registry, binding ?fact, ?s, ?o and ?relation: a relation added
    to ``kg/relations.py`` is read back by every query built on it, never dropped for a forgotten UNION."""
    from kg.relations import REGISTRY

    parts = []
    for name, spec in REGISTRY.items():
        if not spec.object_property:
            pattern = f"?fact a kg:{spec.fact_class} ; kg:{spec.subject_property} ?s ."
        elif spec.symmetric and spec.object_property == spec.subject_property:
            pattern = f"?fact a kg:{spec.fact_class} ; kg:{spec.subject_property} ?s , ?o . FILTER(STR(?s) < STR(?o))"
        else:
            pattern = f"?fact a kg:{spec.fact_class} ; kg:{spec.subject_property} ?s ; kg:{spec.object_property} ?o ."
        parts.append(f'{{ {pattern} BIND("{name}" AS ?relation) }}')
    return "\n    UNION ".join(parts)


def resolve_query(spec: str) -> str:
    """SPARQL text from a bundled query name, a ``.rq`` file, or the text itself."""
    queries = named_queries()
    if spec in queries:
        return queries[spec].text
    path = Path(spec)
    if spec.endswith((".rq", ".sparql")):
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return path.read_text(encoding="utf-8")
    if not _update_keyword(spec) and not any(word in spec.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(f"{spec!r} is not SPARQL, a .rq file or a bundled query; bundled: {', '.join(queries)}")
    return spec


_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _update_keyword(text: str) -> str | None:
    """The operation word when ``text`` is a SPARQL Update (``INSERT DATA ...``), read after its prologue."""
    body = re.sub(r"<[^<>\s]*>", " ", text)  # IRIs first: a "#" inside one is no comment
    body = re.sub(r"#[^\n]*", " ", body)
    body = re.sub(r"(?i)^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*", "", body)
    first = re.match(r"\s*([A-Za-z]+)", body)
    word = first.group(1).upper() if first else ""
    return word if word in _UPDATES else None


def refuse_updates(text: str) -> None:
    """kg query reads; an update gets its own message rather than a syntax error."""
    word = _update_keyword(text)
    if word:
        raise QueryError(f"this is a SPARQL update ({word}), which kg query does not run: it only reads the graph "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE); to change the graph, rebuild it or use kg serve --writable")


def run_query(source: Dataset | ox.Store, text: str, bindings: dict[str, str] | None = None) -> Result:
    """Run SPARQL on Oxigraph with the common prefixes and the union of the article graphs as default graph.

    Values from users go in as ``bindings`` (plain strings, bound as literals), never into the text. The result
    stays Oxigraph's: turning a hundred thousand rows into rdflib terms took longer than the query itself.
    """
    if isinstance(source, ox.Store):
        store = source
    else:
        from kg.rdf.store import oxigraph

        store = oxigraph(source)
    refuse_updates(text)
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (bindings or {}).items()}
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=QUERY_PREFIXES,
                                       substitutions=substitutions)
    except SyntaxError as exc:
        raise QueryError(_syntax_message(text, str(exc))) from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc


def select_rows(source: Dataset | ox.Store, text: str, bindings: dict[str, str] | None = None) -> Iterator[dict[str, str | None]]:
    """A SELECT's rows as plain strings by variable name, for kg's own queries."""
    solutions = run_query(source, text, bindings)
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {name: (term.value if term is not None else None) for name, term in zip(names, solution)}


Row = dict[str, str | None]


@dataclass(frozen=True)
class GraphRows:
    """Every entity and every fact of every article, as the internal ``entities`` and ``facts`` queries give
    them, and the people the corpus links across articles (``same-people``): read from the store once for all
    the outputs of a build (the claims file and the graph view)."""

    entities: list[Row]
    facts: list[Row]
    same: list[Row] = field(default_factory=list)


def graph_rows(source: Dataset | ox.Store) -> GraphRows:
    """Each distinct value once in memory: the rows repeat article ids, IRIs, relations and sentences."""
    values: dict[str, str] = {}

    def read(query: str) -> list[Row]:
        solutions = run_query(source, internal_query(query))
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [{name: (values.setdefault(term.value, term.value) if term is not None else None)
                 for name, term in zip(names, solution)} for solution in solutions]

    return GraphRows(read("entities"), read("facts"), read("same-people"))


def _syntax_message(text: str, error: str) -> str:
    """Oxigraph's "error at L:C: expected ..." as a message pointing at the line and column of the query."""
    found = re.search(r"error at (\d+):(\d+):\s*(.*)", error, re.DOTALL)
    if not found:
        return f"SPARQL syntax error: {error}"
    line, column, what = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = text.splitlines() or [""]
    shown = lines[min(line, len(lines)) - 1]
    return (f"SPARQL syntax error at line {line}, column {column}: {expected_summary(what, shown[:max(column - 1, 0)])}\n"
            f"  {shown}\n  {' ' * max(column - 1, 0)}^")


def expected_summary(what: str, before: str = "") -> str:
    """Oxigraph's list of what it expected, short: the unknown prefix by name, the keywords it would take
    (at most eight), never its character ranges (``'\\u{00C0}'..='\\u{00D6}' | ...``)."""
    if "Prefix not found" in what:
        name = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", before)
        prefix = f"prefix {(name.group(1) or '') + ':'!r}" if name else "prefix"
        return (f"unknown {prefix}; declare it with PREFIX or use one of "
                f"{', '.join(p + ':' for p in QUERY_PREFIXES)}")
    words = [w for w in re.findall(r"(?:^|, )([A-Za-z][A-Za-z0-9_]*)(?=,|$)", what.replace("expected one of ", ""))]
    if not words:
        return "the query does not parse here"
    more = f" (or {len(words) - 8} more)" if len(words) > 8 else ""
    return f"expected one of {', '.join(words[:8])}{more}"


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    return compact(term.value) if isinstance(term, ox.NamedNode) else term.value


def render(result: Result, fmt: str, limit: int | None = None) -> str:
    """Text of a result: ASK as true/false, CONSTRUCT/DESCRIBE as Turtle, SELECT in ``fmt`` (at most ``limit`` rows)."""
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        return (json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()) + "\n"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=QUERY_PREFIXES).decode("utf-8")  # type: ignore[union-attr]
    if limit is not None and limit < 0:
        raise FormatError(f"a row limit is 0 or more, not {limit}")
    names = [v.value for v in result.variables]
    rows = [list(solution) for solution in itertools.islice(result, limit)]
    if fmt == "json":
        return json.dumps({"head": {"vars": names}, "results": {"bindings": [
            {n: _json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]}}, ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[v.value if v is not None else "" for v in row] for row in rows])
        return buffer.getvalue()
    return _table(names, [[_cell(v) for v in row] for row in rows])


def _json_term(term: Term) -> dict[str, str]:
    """One value in the W3C SPARQL 1.1 Query Results JSON Format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "bnode", "value": term.value}


def _table(names: list[str], rows: list[list[str]], width: int = 60) -> str:
    """An aligned table; a value longer than ``width`` wraps onto more lines of its row, never cut."""
    wrapped = [[textwrap.wrap(c, width, break_long_words=True) or [""] for c in row] for row in rows]
    widths = [max([len(n)] + [len(part) for r in wrapped for part in r[i]]) for i, n in enumerate(names)]
    out = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for row in wrapped:
        for k in range(max(len(cell) for cell in row) if row else 1):
            out.append("  ".join((cell[k] if k < len(cell) else "").ljust(w) for cell, w in zip(row, widths)).rstrip())
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
