"""The store at a million triples: load time and the bundled queries, Oxigraph on disk (kg's store) against
plain rdflib's default in-memory store on the same data.

Usage: python bench/store_scale.py [GRAPH_DIR] [RDFLIB_TIMEOUT_S]
Without GRAPH_DIR (or with ""), builds 6,000 generated articles (bench/corpus.py) first, which gives about 1,000,000
triples. The N-Quads of the graph are loaded into a new on-disk Oxigraph store (as ``kg build`` keeps it)
and into rdflib's ``Dataset()``; each bundled query (``data/queries/*.rq``) runs on both with the union of
the named graphs as default graph (Oxigraph: best of three runs), rdflib in a child process: a step that
runs past RDFLIB_TIMEOUT_S seconds (default 300) is stopped and the other queries go on in a new process.
"""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.query import named_queries
from kg.rdf.namespace import PREFIXES

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _prefixed(text: str) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + text


def _oxigraph(nquads: Path, location: Path) -> dict[str, float]:
    """Load into an on-disk store as ``kg build`` keeps it, then time each query to its last row."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    store = ox.Store(str(location))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    times["load"] = time.perf_counter() - started
    for name, query in named_queries().items():
        best = float("inf")
        for _ in range(3):  # the best of three: the first run also warms RocksDB's block cache
            started = time.perf_counter()
            rows = sum(1 for _ in store.query(_prefixed(query.text), use_default_graph_as_union=True))  # type: ignore[union-attr]
            best = min(best, time.perf_counter() - started)
        times[name] = best
        times[f"{name} rows"] = rows
    return times


def _kg_query(graph: Path, name: str) -> float:
    """Wall time of the command a user types, start-up and CSV output included."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "query", name, "--graph", str(graph), "--format", "csv"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _rdflib_worker(nquads: str, names: list[str], queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    queue.put(("load", time.perf_counter() - started))
    queries = named_queries()
    for name in names:
        started = time.perf_counter()
        rows = sum(1 for _ in dataset.query(queries[name].text, initNs=PREFIXES))
        queue.put((name, time.perf_counter() - started))
        queue.put((f"{name} rows", rows))


def _rdflib(nquads: Path, timeout: float) -> dict[str, float | str]:
    """Each query gets ``timeout`` seconds; one that runs over is stopped and the rest go on in a new worker
    (which loads the data again)."""
    times: dict[str, float | str] = {}
    remaining = list(named_queries())
    while True:
        queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        worker = mp.Process(target=_rdflib_worker, args=(str(nquads), remaining, queue))
        worker.start()
        expected = ["load", *[s for n in remaining for s in (n, f"{n} rows")]]
        for step in expected:
            try:
                key, value = queue.get(timeout=timeout)
            except Exception:  # noqa: BLE001 - queue.Empty: the step did not finish in time
                times[step] = f"> {timeout:.0f} s"
                break
            times.setdefault(key, value)
            if key in remaining and isinstance(value, float):
                remaining.remove(key)
        worker.kill()
        worker.join()
        if step == "load" and step in times and isinstance(times[step], str):
            return times  # the data does not even load in time
        if step in remaining:
            remaining.remove(step)
        if not remaining:
            return times


def main() -> None:
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    with tempfile.TemporaryDirectory(prefix="kg-store-") as tmp:
        if len(sys.argv) > 1 and sys.argv[1]:
            graph = Path(sys.argv[1])
        else:
            from corpus import built_graph

            graph = built_graph(6000, Path(tmp))
        nquads = Path(tmp) / "graph.nq"
        subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nq", "--graph", str(graph), "-o", str(nquads)], check=True)
        quads = sum(1 for _ in nquads.open("rb"))
        size = nquads.stat().st_size / 1e6
        ours = _oxigraph(nquads, Path(tmp) / "store")
        command = _kg_query(graph, "who-met-whom")
        theirs = _rdflib(nquads, timeout)
    print(f"graph: {quads:,} quads ({size:.0f} MB of N-Quads)")
    print(f"{'step':16} {'Oxigraph (kg)':>14} {'rdflib Memory':>14} {'rows':>8}")
    for step in ["load", *named_queries()]:
        theirs_value = theirs.get(step, "not reached")
        theirs_text = f"{theirs_value:.2f} s" if isinstance(theirs_value, float) else str(theirs_value)
        rows = ours.get(f"{step} rows", "")
        print(f"{step:16} {ours[step]:>12.2f} s {theirs_text:>14} {rows:>8}")
    print(f"kg query who-met-whom --format csv, end to end on the built graph: {command:.2f} s")


if __name__ == "__main__":
    main()
