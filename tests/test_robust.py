"""Whatever a scraper saved: each bad article is skipped with one line naming it, the build goes on, and
errors the user causes end in one message and exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kg.cli import app

GOOD = "Kepala BNPT Budi Santoso bertemu Menteri Luar Negeri Jepang Taro Yamada di Jakarta, Kamis (11/11/2021).\n"


def _kg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def messy(tmp_path):
    """One folder holding every kind of bad input beside good articles."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("Kapolri Adi Nugroho menghadiri rapat di Bogor, caf\xe9 sekitar.\n".encode("latin-1"))
    (d / "cp1252.txt").write_bytes(b"\x93Kami siap,\x94 kata Kapolri Adi Nugroho di Bogor.\n")
    (d / "utf16.txt").write_bytes("Kapolri Adi Nugroho bertemu Kepala BNPT Budi Santoso di Bogor.\n".encode("utf-16"))
    (d / "zerowidth.txt").write_text("Kapolri Adi\u200b Nugroho\u0007 bertemu\u202e Kepala BNPT\x0b Budi Santoso di Bogor.\n", encoding="utf-8")
    (d / "longline.txt").write_text(("kata " * 1_100_000) + "\n", encoding="utf-8")  # one 5.5 MB line
    (d / "longish.txt").write_text(("Kapolri Adi Nugroho bertemu Kepala BNPT Budi Santoso di Bogor " * 12_000) + "\n", encoding="utf-8")
    (d / "page.html").write_text("<html><head><script>alert(1)</script><title>T</title></head><body><p>Kapolri Adi "
                                 "Nugroho <b>bertemu <i>Kepala BNPT Budi Santoso</b></i> di Bogor.<div><p>unclosed",
                                 encoding="utf-8")
    (d / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "text": GOOD}),
        "{not json",
        json.dumps({"id": "j2", "title": "no text"}),
        json.dumps({"id": "j3", "text": GOOD.replace("Jepang", "Korea Selatan")}),
    ]) + "\n", encoding="utf-8")
    (d / "baddate.txt").write_text(GOOD, encoding="utf-8")
    (d / "baddate.meta.json").write_text(json.dumps({"published": "kemarin sore"}), encoding="utf-8")
    (d / "dup.txt").write_text(GOOD, encoding="utf-8")
    (d / "dup.meta.json").write_text(json.dumps({"id": "good"}), encoding="utf-8")
    return d


def test_bad_articles_are_skipped_one_line_each_and_the_build_goes_on(messy, tmp_path):
    proc = _kg("build", str(messy), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    skipped = [line for line in proc.stderr.splitlines() if line.startswith("kg: skipped")]
    expected = {"empty.txt": "no article text", "blank.txt": "no article text", "binary.txt": "binary file",
                "feed.jsonl:2": "not JSON", "feed.jsonl:3": "\"text\"",
                "good.txt": "duplicate article id",  # dup.txt, read first, took the id "good"
                "longline.txt": "kg reads articles up to"}
    for where, why in expected.items():
        assert any(where in line and why in line for line in skipped), (where, skipped)
    assert len(skipped) == len(expected)
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("kg: warning")]
    assert len(warnings) == 1 and "baddate.txt" in warnings[0] and "'kemarin sore' not understood" in warnings[0]
    assert "Traceback" not in proc.stderr
    assert f"{len(expected)} skipped" in proc.stdout
    ids = _kg("query", "SELECT ?id WHERE { ?a kg:articleId ?id } ORDER BY ?id", "--graph", str(tmp_path / "out"), "-f", "csv")
    assert ids.stdout.split()[1:] == sorted(["baddate", "cp1252", "good", "j1", "j3", "latin1", "longish", "page", "utf16", "zerowidth"])
    people = _kg("query", "SELECT DISTINCT ?n WHERE { ?p a kg:Person ; schema:name ?n }", "--graph", str(tmp_path / "out"), "-f", "csv")
    assert "Adi Nugroho" in people.stdout.splitlines()  # zero-width and control characters are gone
    assert _kg("validate", "--graph", str(tmp_path / "out")).returncode == 0


def test_strict_makes_any_skip_fail_and_keeps_the_previous_graph(messy, tmp_path):
    out = tmp_path / "out"
    assert _kg("build", "--out", str(out)).returncode == 0
    before = (out / "graph.ttl").read_bytes()
    proc = _kg("build", str(messy), "--out", str(out), "--strict")
    assert proc.returncode == 2 and "--strict" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "graph.ttl").read_bytes() == before
    assert _kg("query", "who-met-whom", "--graph", str(out)).returncode == 0


@pytest.mark.parametrize("args, message", [
    (["query", "who-met-whom", "--graph", "nowhere"], "no built graph"),
    (["build", "no/such/file.txt"], "no such file or folder"),
    (["build", "README.md", "--out", "o"], None),
    (["export", "--format", "docx"], "unknown export format"),
    (["query", "SELECT ?x WHERE {", "--graph", "OUT"], "syntax error"),
    (["query", "who-met-whom", "--format", "xml", "--graph", "OUT"], "unknown format"),
    (["build", "notes.pdf"], "unknown input format"),
])
def test_user_errors_end_in_one_message_and_exit_2(sample_graph, tmp_path, args, message):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    args = [str(sample_graph) if a == "OUT" else a for a in args]
    if message is None:
        (tmp_path / "README.md").write_text("", encoding="utf-8")
        message = "no article"
    proc = _kg(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("kg: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    proc = _kg("build", "--out", str(locked / "out"))
    assert proc.returncode == 2 and "cannot write" in proc.stderr


def test_output_path_that_is_a_file_is_an_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x", encoding="utf-8")
    proc = _kg("build", "--out", str(blocker))
    assert proc.returncode == 2 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_names_with_any_characters_give_valid_rdf(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    weird = 'Kepala BNPT Budi <Santoso> "Jr" {x} | ^ ` \\ bertemu Menteri Luar Negeri Jepang Taro\tYamada di Jakarta.\n'
    (d / 'we ird<>"id.txt').write_text(weird, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(d), "--out", str(out)])
    assert result.exit_code == 0, result.output
    from rdflib import Dataset, Graph

    for fmt, parser in [("turtle", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")]:
        text = runner.invoke(app, ["export", "--format", fmt, "--graph", str(out)]).output
        (Dataset() if fmt != "turtle" else Graph()).parse(data=text, format=parser)
    assert runner.invoke(app, ["validate", "--graph", str(out)]).exit_code == 0
