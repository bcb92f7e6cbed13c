"""``kg serve``: Oxigraph's own SPARQL 1.1 Protocol server on the built store, not one of ours.

Read-only unless asked (``serve-read-only`` refuses updates with 403), bound to loopback by default, and
with a query timeout so one query cannot hang it. The server reads the store files of the build it was
started on; restart it after ``kg build`` to serve the new graph.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kg.errors import KgError
from kg.rdf.store import require_store


def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed with kg (the ``oxigraph`` package), next to this Python first."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed; pip install oxigraph")
    return found


def command(graph: Path, *, host: str, port: int, writable: bool, timeout: int) -> list[str]:
    store = require_store(graph)
    mode = "serve" if writable else "serve-read-only"
    return [oxigraph_binary(), mode, "--location", str(store), "--bind", f"{host}:{port}",
            "--union-default-graph", "--timeout-s", str(timeout)]


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: int = 30) -> int:
    """Run the server in the foreground until Ctrl-C; returns its exit code."""
    argv = command(graph, host=host, port=port, writable=writable, timeout=timeout)
    process = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True)

    def stop(signum: int, _frame: object) -> None:  # SIGTERM to kg stops the server too, never orphans it
        process.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        _, err = process.communicate()
    except KeyboardInterrupt:
        process.terminate()
        process.wait(timeout=10)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    if process.returncode in (-signal.SIGTERM, -signal.SIGINT):
        return 0
    if process.returncode:
        message = (err or "").strip().splitlines()
        raise KgError(f"the SPARQL server stopped: {message[-1] if message else 'exit code ' + str(process.returncode)}")
    return 0
