"""Corpus-scale build benchmark: articles/s, triples/s, peak memory and store size, by corpus size and jobs.

Usage: python bench/build.py [SIZES] [JOBS]   (default: 1000,10000 and 1,2)

Generates the corpora with bench/corpus.py (in a temporary folder, outside the repository), builds each
with ``kg build --fresh --jobs J`` in a child process, and prints one row per run. Peak memory is the
largest resident set of the build process and its extraction workers (ru_maxrss of the children); CPU ms per
article is their user + system time over the articles, the figure to compare on a machine shared with other work.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make  # noqa: E402


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _triples(out: Path) -> int:
    result = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                             "--graph", str(out), "--format", "csv"], capture_output=True, text=True, check=True)
    return int(result.stdout.split()[1])


def main() -> None:
    sizes = [int(x) for x in (sys.argv[1] if len(sys.argv) > 1 else "1000,10000").split(",")]
    jobs = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1,2").split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for size in sizes:
            corpus = make(size, Path(tmp) / f"corpus-{size}")
            for j in jobs:
                out = Path(tmp) / f"out-{size}-{j}"
                usage = resource.getrusage(resource.RUSAGE_CHILDREN)
                before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--fresh",
                                "--jobs", str(j), "--quiet"], check=True)
                seconds = time.perf_counter() - started
                usage = resource.getrusage(resource.RUSAGE_CHILDREN)
                peak = max(usage.ru_maxrss, before) / 1024
                cpu = usage.ru_utime + usage.ru_stime - cpu_before
                triples = _triples(out)
                rows.append((size, j, seconds, size / seconds, triples / seconds, peak, _size(out / "store") / 1e6, triples,
                             cpu * 1000 / size))
                print(f"  built {size} with --jobs {j} in {seconds:.0f} s", file=sys.stderr, flush=True)
    print(f"{'articles':>8} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'triples/s':>10} {'peak MB':>8} {'store MB':>9} {'triples':>10} {'CPU ms/art':>10}")
    for size, j, seconds, rate, trate, peak, store, triples, cpu_ms in rows:
        print(f"{size:>8} {j:>4} {seconds:>8.1f} {rate:>10.1f} {trate:>10.0f} {peak:>8.0f} {store:>9.1f} {triples:>10}"
              f" {cpu_ms:>10.1f}")


if __name__ == "__main__":
    main()
