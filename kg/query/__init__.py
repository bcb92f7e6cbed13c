"""SPARQL over the built graph: bundled named queries, files or inline text, and result formats.

The query runs on Oxigraph through rdflib with the common prefixes predeclared; results are rendered as an
aligned table, CSV, TSV, or the W3C SPARQL JSON results format; graph results (CONSTRUCT, DESCRIBE) as Turtle.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import FormatError, QueryError
from kg.rdf.namespace import PREFIXES
from kg.rdf.store import oxigraph
from kg.resources import data_dir

FORMATS = ("table", "csv", "tsv", "json")


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
    return (data_dir() / "queries" / "internal" / f"{name}.rq").read_text(encoding="utf-8")


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
    if not any(word in spec.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(f"{spec!r} is not SPARQL, a .rq file or a bundled query; bundled: {', '.join(queries)}")
    return spec


def run_query(dataset: Dataset, text: str, bindings: dict | None = None) -> Result:
    """Run SPARQL with the common prefixes; values from users go in as ``bindings``, never into the text."""
    try:
        return dataset.query(text, initNs=PREFIXES, initBindings=bindings or {})
    except SyntaxError as exc:
        raise QueryError(_syntax_message(text, str(exc))) from exc
    except Exception as exc:  # noqa: BLE001 - pyoxigraph raises plain exceptions for bad queries
        if type(exc).__module__.startswith(("pyoxigraph", "builtins")):
            raise QueryError(f"SPARQL error: {exc}") from exc
        raise


def select_rows(dataset: Dataset, text: str, bindings: dict[str, str] | None = None) -> Iterator[dict[str, str | None]]:
    """A SELECT straight on Oxigraph, values as plain strings: the internal queries read whole corpora, and
    turning every value into an rdflib term costs more than the query itself."""
    store = oxigraph(dataset)
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (bindings or {}).items()}
    solutions = store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=substitutions)
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    for solution in solutions:  # type: ignore[union-attr]
        yield {name: (term.value if term is not None else None) for name, term in zip(names, solution)}


def _syntax_message(text: str, error: str) -> str:
    """Oxigraph's "error at L:C: expected ..." as a message pointing at the line and column of the query."""
    found = re.search(r"error at (\d+):(\d+):\s*(.*)", error, re.DOTALL)
    if not found:
        return f"SPARQL syntax error: {error}"
    line, column, what = int(found.group(1)), int(found.group(2)), " ".join(found.group(3).split())
    lines = text.splitlines() or [""]
    shown = lines[min(line, len(lines)) - 1]
    return (f"SPARQL syntax error at line {line}, column {column}: {what}\n"
            f"  {shown}\n  {' ' * max(column - 1, 0)}^")


def _cell(value: Node | None) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        text = str(value)
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return text
    return str(value)


def render(result: Result, fmt: str, limit: int | None = None) -> str:
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        assert graph is not None
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        return graph.serialize(format="turtle")
    names = [str(v) for v in result.vars or []]
    rows = []
    for row in result:
        if limit is not None and len(rows) >= limit:
            break
        rows.append([row[i] if i < len(row) else None for i in range(len(names))])
    if fmt == "json":
        return json.dumps({"head": {"vars": names}, "results": {"bindings": [
            {n: _json_term(v) for n, v in zip(names, row) if v is not None} for row in rows]}}, ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[str(v) if v is not None else "" for v in row] for row in rows])
        return buffer.getvalue()
    return _table(names, [[_cell(v) for v in row] for row in rows])


def _json_term(value: Node) -> dict[str, str]:
    if isinstance(value, URIRef):
        return {"type": "uri", "value": str(value)}
    if isinstance(value, Literal):
        out = {"type": "literal", "value": str(value)}
        if value.language:
            out["xml:lang"] = value.language
        elif value.datatype:
            out["datatype"] = str(value.datatype)
        return out
    return {"type": "bnode", "value": str(value)}


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
