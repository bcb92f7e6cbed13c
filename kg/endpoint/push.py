"""``kg push``: the graph into an external triple store, one named graph per article, replacing what was
there for those graphs.

Two standard ways in: the SPARQL 1.1 Graph Store HTTP Protocol (``PUT ?graph=IRI`` replaces a graph in one
request; Fuseki, GraphDB, Oxigraph, Virtuoso all speak it), or, where only an update endpoint is open,
SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA``). Transient failures (connection errors, 429,
5xx) are retried with back-off; anything else stops the push with the server's answer.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from rdflib import Dataset, Graph

from kg.errors import KgError

RETRIABLE = {429, 500, 502, 503, 504}


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    retries: int = 0
    sent: list[str] = field(default_factory=list)


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def _request(req: urllib.request.Request, report: PushReport, attempts: int, timeout: float) -> None:
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                response.read()
            return
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()[:300]
            if exc.code not in RETRIABLE or attempt == attempts:
                raise KgError(f"{req.full_url}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == attempts:
                reason = getattr(exc, "reason", exc)
                raise KgError(f"{req.full_url}: cannot reach the server ({reason})") from None
        report.retries += 1
        time.sleep(delay)
        delay *= 2


def article_graphs(dataset: Dataset, articles: list[str]) -> set[str]:
    """The named graphs of these articles plus the shared entities graph; an id not in the graph is an error,
    found before anything is sent."""
    from kg.rdf.iri import ENTITIES_GRAPH, graph_iri

    present = {str(graph.identifier) for graph in dataset.graphs()}
    missing = [a for a in articles if str(graph_iri(a)) not in present]
    if missing:
        raise KgError(f"no article {', '.join(map(repr, missing))} in the graph; "
                      "'kg query \"SELECT DISTINCT ?id WHERE { ?a kg:articleId ?id }\"' lists the articles")
    return {str(graph_iri(a)) for a in articles} | {str(ENTITIES_GRAPH)}


def push(dataset: Dataset, *, endpoint: str | None, graph_store: str | None, attempts: int = 4,
         timeout: float = 60.0, only: set[str] | None = None) -> PushReport:
    if not endpoint and not graph_store:
        raise KgError("give --endpoint (SPARQL Update) or --graph-store (Graph Store Protocol)")
    report = PushReport()
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name.startswith("urn:x-rdflib:") or len(graph) == 0 or (only is not None and name not in only):
            continue  # the default graph is the union of the named ones
        body = _ntriples(graph)
        if graph_store:
            url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': name})}"
            req = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
        else:
            update = (f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n".encode("utf-8") + body + b"}}")
            req = urllib.request.Request(endpoint, data=update, method="POST",  # type: ignore[arg-type]
                                         headers={"Content-Type": "application/sparql-update"})
        _request(req, report, attempts, timeout)
        report.graphs += 1
        report.triples += len(graph)
        report.bytes += len(body)
        report.sent.append(name)
    return report
