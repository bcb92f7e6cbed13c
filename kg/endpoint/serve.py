"""``kg serve``: Oxigraph's own SPARQL 1.1 Protocol server on the built store, behind kg's guard.

Read-only unless asked (``serve-read-only`` refuses updates with 403), bound to loopback by default. Oxigraph
answers the queries; the guard (``kg.endpoint.guard``) on the public port caps each answer's size and time,
which Oxigraph alone does not do cleanly. The server reads the store files of the build it was started on;
restart it after ``kg build`` to serve the new graph.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

from kg.endpoint.guard import GuardServer, Limits
from kg.errors import KgError
from kg.rdf.prefixes import QUERY_PREFIXES
from kg.rdf.store import require_store

_STARTUP_S = 60.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed with kg (the ``oxigraph`` package), next to this Python first."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed; pip install oxigraph")
    return found


def command(graph: Path, *, port: int, writable: bool, timeout: float) -> list[str]:
    """Oxigraph on a private loopback port; its own timeout a second after the guard's, as a backstop that
    stops the work even when no client is left to notice."""
    store = require_store(graph)
    mode = "serve" if writable else "serve-read-only"
    return [oxigraph_binary(), mode, "--location", str(store), "--bind", f"127.0.0.1:{port}",
            "--union-default-graph", "--timeout-s", str(int(timeout) + 1)]


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False, timeout: float = 30,
          max_result_mb: float = 100) -> int:
    """Run the endpoint in the foreground until Ctrl-C or SIGTERM; returns the exit code."""
    inner = _free_port()
    argv = command(graph, port=inner, writable=writable, timeout=timeout)
    limits = Limits(max_result_bytes=int(max_result_mb * 1e6), timeout_s=timeout,
                    max_request_bytes=(1 << 30) if writable else (1 << 20), prefixes=QUERY_PREFIXES)
    try:
        guard = GuardServer((host, port), ("127.0.0.1", inner), limits)
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors: deque[str] = deque(maxlen=5)
    relay = threading.Thread(target=_relay, args=(process, errors), daemon=True)
    relay.start()
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())  # SIGTERM to kg never orphans Oxigraph
    serving = False
    try:
        _wait_for(process, inner)
        if process.poll() is None:
            threading.Thread(target=guard.serve_forever, daemon=True).start()
            serving = True
        while not stop.is_set() and process.poll() is None:
            stop.wait(0.5)
    except KeyboardInterrupt:
        stop.set()
    finally:
        signal.signal(signal.SIGTERM, previous)
        if serving:
            guard.shutdown()
        guard.server_close()
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
    if not stop.is_set():
        relay.join(timeout=2)
        raise KgError(f"the SPARQL server stopped: {errors[-1] if errors else 'exit code ' + str(process.returncode)}")
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(process: subprocess.Popen[str], port: int) -> None:
    """Until Oxigraph accepts connections; a clear error if it exits first (a locked or broken store)."""
    deadline = time.monotonic() + _STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise KgError(f"the SPARQL server did not start within {_STARTUP_S:.0f} s")


def _relay(process: subprocess.Popen[str], errors: deque[str]) -> None:
    """Oxigraph's log lines on to our stderr, keeping the last few for the message if it dies. Its private
    address and the broken pipes the guard causes when it drops a refused answer would only mislead."""
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("Listening for requests") or "error when writing response" in line:
            continue
        sys.stderr.write(line)
        if line.strip():
            errors.append(line.strip())
