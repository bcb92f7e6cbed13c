"""The graph into Virtuoso open source at a million triples: ``kg push`` (Graph Store Protocol, one PUT per
article graph) against Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run`` over isql on one N-Quads file).

Usage: python bench/virtuoso_push.py [GRAPH_DIR]
Without GRAPH_DIR, builds 7,200 generated articles (bench/corpus.py) first, which gives about 1,050,000
triples. Each way loads into a fresh Virtuoso (tests/virtuoso.py: Debian's ``virtuoso-opensource``,
loopback ports, a temporary database, 2 GB of buffers) and is timed until the data is committed
(for the bulk loader: export to N-Quads, load, checkpoint); the triple count there is checked against the
local store's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from tests.virtuoso import Virtuoso, running_virtuoso  # noqa: E402

COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-news/")) }'


def _remote_count(server: Virtuoso) -> int:
    req = urllib.request.Request(server.sparql, data=urllib.parse.urlencode({"query": COUNT}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    answer = json.loads(urllib.request.urlopen(req, timeout=600).read())
    return int(answer["results"]["bindings"][0]["n"]["value"])


def _local_count(graph: Path) -> int:
    done = subprocess.run([sys.executable, "-m", "kg", "query", COUNT, "--graph", str(graph), "--format", "csv"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout.split()[1])


def _push(graph: Path, server: Virtuoso) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "push", "--graph", str(graph), "--graph-store", server.graph_store],
                   check=True)
    return time.perf_counter() - started


def _bulk(graph: Path, server: Virtuoso) -> float:
    """What the README tells a Virtuoso user: export N-Quads where the server may read, then its bulk loader."""
    started = time.perf_counter()
    nquads = server.folder / "kg-graph.nq"
    subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nq", "--graph", str(graph), "-o", str(nquads)],
                   check=True)
    server.isql(f"ld_dir('{server.folder}', 'kg-graph.nq', 'urn:kg:not-used-for-quads'); rdf_loader_run(); checkpoint;")
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kg-virtuoso-bench-") as tmp:
        if len(sys.argv) > 1 and sys.argv[1]:
            graph = Path(sys.argv[1])
        else:
            from corpus import built_graph

            graph = built_graph(7200, Path(tmp))
        triples = _local_count(graph)
        rows = []
        for name, load in (("kg push --graph-store (GSP PUT per graph)", _push),
                           ("kg export nq + ld_dir/rdf_loader_run", _bulk)):
            with running_virtuoso(memory_mb=2000) as server:
                seconds = load(graph, server)
                there = _remote_count(server)
            rows.append((name, seconds, there))
            print(f"  {name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    print(f"graph: {triples:,} quads in the local store")
    print(f"{'way in':44} {'seconds':>8} {'triples/s':>10} {'in Virtuoso':>12}")
    for name, seconds, there in rows:
        print(f"{name:44} {seconds:>8.1f} {triples / seconds:>10,.0f} {there:>12,}{'' if there == triples else '  MISMATCH'}")


if __name__ == "__main__":
    main()
