"""Kill builds at random points; after each, the graph left behind must answer queries and validate.

Usage: python bench/kill.py [ARTICLES] [KILLS] [SEED]   (default 500 articles, 20 kills, seed 3)

Builds a generated corpus once, then starts ``kg build --fresh --jobs 2`` again and again, killing it (and
its workers, SIGKILL to the process group) after a random delay between 0 and the length of a full build.
After each kill: ``kg query`` must answer, ``kg validate`` must pass, and the store must not be locked.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make  # noqa: E402


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    with tempfile.TemporaryDirectory(prefix="kg-kill-") as tmp:
        corpus = make(n, Path(tmp) / "corpus")
        out = Path(tmp) / "out"
        started = time.perf_counter()
        assert kg("build", str(corpus), "--out", str(out), "--quiet").returncode == 0
        full = time.perf_counter() - started
        print(f"full build of {n} articles: {full:.1f} s")
        failures = 0
        for k in range(kills):
            delay = rng.uniform(0, full * 1.1)
            process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--fresh",
                                        "--jobs", "2", "--quiet"], start_new_session=True,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            finished = process.poll() is not None
            if not finished:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            query = kg("query", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }", "--graph", str(out), "--format", "csv")
            valid = kg("validate", "--graph", str(out))
            ok = query.returncode == 0 and valid.returncode == 0
            failures += not ok
            articles = query.stdout.split()[1] if query.returncode == 0 else "-"
            print(f"kill {k + 1:2}: after {delay:5.1f} s ({'build had finished' if finished else 'killed'}): "
                  f"query {'ok' if query.returncode == 0 else 'FAILED ' + query.stderr.strip()}, {articles} articles; "
                  f"validate {'ok' if valid.returncode == 0 else 'FAILED'}", flush=True)
        print(f"{kills - failures}/{kills} kills left a usable, valid graph")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
