"""A throw-away Virtuoso open source server for the tests and ``bench/virtuoso_push.py``: a fresh database in a
temporary folder, listening on loopback ports only, stopped (and its folder removed) afterwards.

Debian's ``virtuoso-opensource`` gives ``virtuoso-t`` (the server) and ``isql-vt`` (its SQL client). The server
runs in the foreground (``+foreground``) so it is our child and dies with us; the one grant a push needs
(SPARQL Update for the anonymous SPARQL user, which the Graph Store endpoint ``/sparql-graph-crud`` runs
as) is given over isql once the server is up.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SERVER = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


@dataclass(frozen=True)
class Virtuoso:
    http: str  # http://127.0.0.1:PORT
    sql_port: int
    folder: Path  # the database folder; the server may read files here (DirsAllowed), e.g. for ld_dir

    @property
    def sparql(self) -> str:
        return self.http + "/sparql"

    @property
    def graph_store(self) -> str:
        return self.http + "/sparql-graph-crud"

    def isql(self, statements: str, timeout: float = 3600) -> str:
        """Run SQL (and ``SPARQL ...``) statements as dba; a failed statement raises."""
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],  # type: ignore[list-item]
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout[-800:]}{done.stderr[-800:]}")
        return done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_virtuoso(memory_mb: int = 1000) -> Iterator[Virtuoso]:
    """A fresh Virtuoso on loopback ports; ``memory_mb`` sizes its buffer pool (8 kB pages)."""
    if SERVER is None or ISQL is None:
        raise RuntimeError("virtuoso-t and isql-vt are not on PATH (apt-get install virtuoso-opensource)")
    folder = Path(tempfile.mkdtemp(prefix="kg-virtuoso-"))
    sql_port, http_port = _free_port(), _free_port()
    buffers = memory_mb * 1024 // 8 * 2 // 3
    (folder / "virtuoso.ini").write_text(INI.format(dir=folder, sql_port=sql_port, http_port=http_port,
                                                    buffers=buffers, dirty=buffers * 3 // 4), encoding="utf-8")
    process = subprocess.Popen([SERVER, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Virtuoso(f"http://127.0.0.1:{http_port}", sql_port, folder)
    try:
        _wait(server, process)
        server.isql('GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET (\'nobody\', 7);')
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _wait(server: Virtuoso, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = server.folder / "virtuoso.log"
            raise RuntimeError(f"virtuoso-t exited: {log.read_text()[-800:] if log.exists() else ''}")
        try:
            urllib.request.urlopen(server.sparql + "?query=" + urllib.parse.quote("ASK {}"), timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise RuntimeError("virtuoso-t did not answer in time")
