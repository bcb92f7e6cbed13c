"""``kg push``: the graph into an external triple store, one named graph per article, replacing what was
there for those graphs.

Two standard ways in: the SPARQL 1.1 Graph Store HTTP Protocol (``PUT ?graph=IRI`` replaces a graph in one
request; Fuseki, GraphDB, Oxigraph, Virtuoso all speak it), or, where only an update endpoint is open,
SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA``). Transient failures (connection errors, 429,
5xx) are retried with back-off; anything else stops the push with the server's answer.

Graphs are read from the store by Oxigraph (N-Triples straight from Rust; rdflib's serialiser took three
times as long) and sent by a few connections at once: a store spends most of a small graph's request on its
own book-keeping (Virtuoso ~60 ms a graph), not on the bytes, so requests in flight side by side add up.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KgError

RETRIABLE = {429, 500, 502, 503, 504}
CONNECTIONS = 4  # requests in flight at once


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    retries: int = 0
    seconds: float = 0.0
    sent: list[str] = field(default_factory=list)


def _request(req: urllib.request.Request, attempts: int, timeout: float) -> int:
    """Send ``req``; the number of retries it took."""
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                response.read()
            return attempt - 1
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()[:300]
            if exc.code not in RETRIABLE or attempt == attempts:
                raise KgError(f"{req.full_url}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            if attempt == attempts:
                reason = getattr(exc, "reason", exc)
                raise KgError(f"{req.full_url}: cannot reach the server ({reason})") from None
        time.sleep(delay)
        delay *= 2
    return attempts


def article_graphs(store: ox.Store, articles: list[str]) -> set[str]:
    """The named graphs of these articles plus the shared entities graph and the people linked across articles;
    an id not in the graph is an error, found before anything is sent."""
    from kg.rdf.iri import ENTITIES_GRAPH, RESOLUTION_GRAPH, graph_iri

    present = {graph.value for graph in store.named_graphs()}
    missing = [a for a in articles if str(graph_iri(a)) not in present]
    if missing:
        raise KgError(f"no article {', '.join(map(repr, missing))} in the graph; "
                      "'kg query \"SELECT DISTINCT ?id WHERE { ?a kg:articleId ?id }\"' lists the articles")
    return {str(graph_iri(a)) for a in articles} | {str(ENTITIES_GRAPH), str(RESOLUTION_GRAPH)}


def _graphs(store: ox.Store, only: set[str] | None) -> Iterator[tuple[str, bytes]]:
    """Each named graph to send with its N-Triples; the default graph is the union of the named ones."""
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        if only is not None and graph.value not in only:
            continue
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if body:
            yield graph.value, body


def _graph_store_request(graph_store: str, name: str, body: bytes) -> urllib.request.Request:
    url = f"{graph_store}{'&' if '?' in graph_store else '?'}{urllib.parse.urlencode({'graph': name})}"
    return urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})


def _update_request(endpoint: str, name: str, body: bytes) -> urllib.request.Request:
    update = f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n".encode("utf-8") + body + b"}}"
    return urllib.request.Request(endpoint, data=update, method="POST", headers={"Content-Type": "application/sparql-update"})


def push(store: ox.Store, *, endpoint: str | None, graph_store: str | None, attempts: int = 4,
         timeout: float = 60.0, only: set[str] | None = None, connections: int = CONNECTIONS) -> PushReport:
    if not endpoint and not graph_store:
        raise KgError("give --endpoint (SPARQL Update) or --graph-store (Graph Store Protocol)")
    report = PushReport()
    started = time.perf_counter()

    def send(item: tuple[str, bytes]) -> tuple[str, int, int, int]:
        name, body = item
        req = _graph_store_request(graph_store, name, body) if graph_store else _update_request(endpoint, name, body)  # type: ignore[arg-type]
        return name, body.count(b"\n"), len(body), _request(req, attempts, timeout)

    def account(result: tuple[str, int, int, int]) -> None:
        name, triples, size, retries = result
        report.graphs += 1
        report.triples += triples
        report.bytes += size
        report.retries += retries
        report.sent.append(name)

    pending: deque[Future[tuple[str, int, int, int]]] = deque()
    with ThreadPoolExecutor(max_workers=max(1, connections)) as pool:
        try:
            for item in _graphs(store, only):  # a few graphs read ahead, so memory stays flat
                pending.append(pool.submit(send, item))
                if len(pending) >= 2 * connections:
                    account(pending.popleft().result())
            while pending:
                account(pending.popleft().result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    report.seconds = time.perf_counter() - started
    return report
