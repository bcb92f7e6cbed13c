"""kg push to a real Oxigraph server and kg serve, both queried over HTTP with the SPARQL 1.1 Protocol."""

from __future__ import annotations

import csv
import io
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.cli import app
from kg.endpoint.serve import oxigraph_binary

WHO_MET_WHOM = "SELECT DISTINCT ?a ?b ?date WHERE { ?m a kg:Meeting ; kg:participant ?x , ?y ; kg:date ?date . FILTER(STR(?x) < STR(?y)) ?x schema:name ?a . ?y schema:name ?b } ORDER BY ?a ?b"
PREFIXES = "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nPREFIX schema: <https://schema.org/>\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, process: subprocess.Popen) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=1).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError("server did not start")


def _http_rows(base: str, query: str) -> list[list[str]]:
    req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": PREFIXES + query}),
                                 headers={"Accept": "text/csv"})
    text = urllib.request.urlopen(req, timeout=10).read().decode("utf-8")
    return [row for row in csv.reader(io.StringIO(text))][1:]


def _local_rows(runner, graph, query: str) -> list[list[str]]:
    result = runner.invoke(app, ["query", query, "--graph", str(graph), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return [row for row in csv.reader(io.StringIO(result.output))][1:]


@pytest.fixture
def oxigraph_server(tmp_path):
    port = _free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/query", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("mode", ["graph-store", "endpoint"])
def test_push_then_query_over_http_gives_the_local_rows(runner, sample_graph, oxigraph_server, mode):
    target = oxigraph_server + ("/store" if mode == "graph-store" else "/update")
    for _ in range(2):  # pushing twice replaces the graphs, it does not duplicate them
        result = runner.invoke(app, ["push", "--graph", str(sample_graph), f"--{mode}", target])
        assert result.exit_code == 0, result.output
        assert "sent " in result.output
    local = _local_rows(runner, sample_graph, WHO_MET_WHOM)
    assert local and _http_rows(oxigraph_server, WHO_MET_WHOM) == local
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _http_rows(oxigraph_server, count) == _local_rows(runner, sample_graph, count)


def test_push_to_a_dead_server_fails_with_one_message(tmp_path, sample_graph):
    port = _free_port()
    proc = subprocess.run([sys.executable, "-m", "kg", "push", "--graph", str(sample_graph),
                           "--graph-store", f"http://127.0.0.1:{port}/store"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "cannot reach the server" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture
def kg_serve(sample_graph):
    """Start ``kg serve`` on the sample with extra options; yields the base URL and the process."""
    started = []

    def start(*options: str) -> tuple[str, subprocess.Popen]:
        port = _free_port()
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(sample_graph), "--port", str(port), *options],
                                   stderr=subprocess.PIPE, text=True)
        started.append(process)
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/query", process)
        return base, process

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def _refusal(base: str, query: str) -> tuple[int, str]:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(base + "/query?" + urllib.parse.urlencode({"query": PREFIXES + query}), timeout=30)
    return refused.value.code, refused.value.read().decode("utf-8")


def test_serve_refuses_an_answer_over_the_size_cap_and_keeps_serving(kg_serve):
    base, _ = kg_serve("--max-result-mb", "0.01")
    code, message = _refusal(base, "SELECT * WHERE { ?s ?p ?o }")  # the sample's ~600 triples: far over 10 kB
    assert code == 500 and "larger than this server's cap of 0.01 MB" in message
    assert _http_rows(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0].isdigit()


def test_serve_stops_a_query_at_the_time_cap_with_a_clear_error(kg_serve):
    base, _ = kg_serve("--timeout", "1")
    started = time.monotonic()
    code, message = _refusal(base, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")  # ~600^3 rows
    assert code == 500 and "took longer than this server allows (1 s" in message
    assert time.monotonic() - started < 10
    assert _http_rows(base, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")  # the next query is answered


def test_serve_answers_queries_and_refuses_updates(runner, sample_graph, kg_serve):
    base, process = kg_serve()
    assert _http_rows(base, WHO_MET_WHOM) == _local_rows(runner, sample_graph, WHO_MET_WHOM)
    update = urllib.request.Request(base + "/update", data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", method="POST",
                                    headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code in (403, 405)
    assert _http_rows(base, "SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }") == [["0"]]
    engines = _children(process.pid)
    assert engines, "kg serve runs Oxigraph as a child process"
    process.terminate()
    process.wait(timeout=10)
    time.sleep(0.2)
    assert not [pid for pid in engines if Path(f"/proc/{pid}").exists()], "SIGTERM to kg serve left Oxigraph running"


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_serve_takes_a_query_posted_in_chunks(kg_serve):
    import http.client

    base, _ = kg_serve()
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    query = (PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Meeting }").encode()
    connection.request("POST", "/query", body=iter([query[:20], query[20:]]), encode_chunked=True,
                       headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    response = connection.getresponse()
    assert response.status == 200 and int(response.read().decode().split()[1]) > 0


def test_serve_runs_a_bundled_query_as_sent_and_hides_its_engine(runner, sample_graph, kg_serve):
    """A .rq from data/queries POSTed unchanged (no PREFIX lines of its own) is answered; the service
    description names the public address, never the private one of Oxigraph behind the guard."""
    from kg.query import named_queries

    base, process = kg_serve()
    text = named_queries()["who-met-whom"].text
    assert "PREFIX" not in text
    for body, kind in ((text.encode(), "application/sparql-query"),
                       (urllib.parse.urlencode({"query": text}).encode(), "application/x-www-form-urlencoded")):
        req = urllib.request.Request(base + "/query", data=body, method="POST",
                                     headers={"Content-Type": kind, "Accept": "text/csv"})
        with urllib.request.urlopen(req, timeout=30) as answer:
            assert answer.status == 200
            rows = list(csv.reader(io.StringIO(answer.read().decode("utf-8"))))[1:]
        assert rows == _local_rows(runner, sample_graph, "who-met-whom")
    description = urllib.request.urlopen(urllib.request.Request(base + "/query", headers={"Accept": "application/n-triples"}),
                                         timeout=10).read().decode("utf-8")
    assert f"<{base}/query>" in description
    ports = set(re.findall(r"127\.0\.0\.1:(\d+)", description))
    assert ports == {base.rsplit(":", 1)[1]}, description
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(base + "/query?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE {\n ?x a foo:Bar }"}), timeout=10)
    message = refused.value.read().decode("utf-8")
    assert refused.value.code == 400 and message.startswith("SPARQL syntax error at line 2, column") and "unknown prefix" in message
    assert "\\u{" not in message and len(message) < 400, message
