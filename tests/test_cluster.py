"""kg build --cluster: extraction on Dask distributed gives the graph a local build gives, also when a worker
dies in the middle of the build."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from kg.cli import app
from tests.conftest import DEV, sorted_nquads

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed (pip install 'kg[cluster]')")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The dev articles; where ../shared is absent, 100 articles written from a few sentence patterns."""
    if DEV.is_dir():
        return DEV
    folder = tmp_path_factory.mktemp("corpus")
    people = ["Budi Santoso", "Adi Nugroho", "Sri Wahyuni", "Hadi Wijaya", "Dewi Lestari", "Eko Saputra", "Rina Halim"]
    for k in range(100):
        a, b = people[k % 7], people[(k * 3 + 1) % 7]
        text = (f"Kepala BNPT {a} bertemu Menteri Luar Negeri Jepang {b} di Jakarta, Kamis ({k % 28 + 1}/{k % 12 + 1}/2021).\n"
                f"\"Kerja sama ini penting,\" kata {a} di Jakarta.\n")
        (folder / f"gen-{k:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def plain_build(corpus, dev_graph, tmp_path_factory):
    if corpus == DEV:
        return dev_graph  # the same articles, built once for the whole session
    return _plain(corpus, tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def part(corpus, tmp_path_factory):
    """The first 40 articles of the corpus (links, no copies) and their plain build: enough to kill a worker
    in the middle of, at a third of the time."""
    folder = tmp_path_factory.mktemp("part")
    for text in sorted(corpus.glob("*.txt"))[:40]:
        for path in (text, text.with_suffix(".meta.json")):
            if path.exists():
                (folder / path.name).symlink_to(path)
    return folder, _plain(folder, tmp_path_factory.mktemp("part-plain"))


def _plain(corpus, out):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_a_build_on_a_local_cluster_gives_the_graph_of_a_plain_build(runner, corpus, plain_build, tmp_path):
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "cluster"), "--cluster", "local"])
    assert result.exit_code == 0, result.output
    assert " 0 skipped" in result.output
    assert sorted_nquads(runner, tmp_path / "cluster") == sorted_nquads(runner, plain_build)


def test_killing_a_worker_mid_build_still_gives_the_full_graph(runner, part, tmp_path):
    corpus, plain_build = part
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--no-dashboard"], **quiet)
    # no nanny: killing the worker process takes the worker away for good, as a machine that goes down
    workers = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                 "--no-nanny", "--no-dashboard", "--name", f"w{i}"], **quiet) for i in (0, 1)]
    build = None
    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "out"),
                                      "--cluster", address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            victim = _busy_worker(client, build)
            os.kill(victim, signal.SIGKILL)
            output, errors = build.communicate(timeout=600)
        assert build.returncode == 0, errors
        assert " 0 skipped" in output
        assert sorted_nquads(runner, tmp_path / "out") == sorted_nquads(runner, plain_build)
    finally:
        for process in [build, *workers, scheduler]:
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def _busy_worker(client, build: subprocess.Popen) -> int:
    """The pid of a worker extracting an article while others are still to come, once the build has
    collected some results: a kill now lands mid-build."""
    deadline = time.monotonic() + 300
    seen: set[str] = set()
    while time.monotonic() < deadline:
        assert build.poll() is None, "the build ended before a worker could be killed"
        processing = {address: set(map(str, keys)) for address, keys in client.processing().items()}
        running = set().union(*processing.values())
        finished = seen - running  # an article's task leaves a worker's list when its result is ready
        seen |= running
        for address, keys in processing.items():
            if len(keys) >= 2 and finished:
                return int(client.run(os.getpid, workers=[address])[address])
        time.sleep(0.05)
    raise AssertionError("no worker was ever busy")
