"""The command line as a user meets it: the installed ``kg`` script with wrong arguments ends in one
``kg: ...`` line and exit code 2, never a traceback; queries say what they refuse and print IRIs that paste back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from kg.cli import app
from tests.conftest import read_claims

# The console script pip installed; ``python -m kg`` where it is not on PATH (same entry point, kg.cli:main).
KG = [shutil.which("kg")] if shutil.which("kg") else [sys.executable, "-m", "kg"]

BAD_ARGUMENTS = [
    ["nosuchcmd"],
    ["query", "--bogus", "x"],
    ["query", "who-met-whom", "--limit", "abc"],
    ["query", "who-met-whom", "--limit", "-1"],
    ["build", "--jobs", "x"],
]


def _kg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, env=dict(os.environ), timeout=120)


def _one_message(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("args", BAD_ARGUMENTS, ids=" ".join)
def test_a_bad_command_line_is_one_message_and_exit_2(args, tmp_path):
    result = _kg(*args, cwd=tmp_path)
    message = _one_message(result)
    assert result.returncode == 2
    assert args[-1].lstrip("-") in message or args[0] in message  # it names what was wrong


def test_kg_alone_shows_the_commands(tmp_path):
    result = _kg(cwd=tmp_path)
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr
    assert "Usage: kg" in result.stdout + result.stderr and "query" in result.stdout + result.stderr


def test_the_parser_errors_need_no_click_of_their_own(tmp_path):
    """typer brings its own copy of click; kg must not import one that is not among its dependencies."""
    code = "import sys; sys.modules['click'] = None; from kg.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "query", "--bogus", "x"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and _one_message(result)


def test_push_of_an_unknown_article_is_an_error(sample_graph):
    result = _kg("push", "--graph", str(sample_graph), "--article", "nosuch", "--endpoint", "http://127.0.0.1:9/update")
    assert result.returncode == 2
    assert "'nosuch'" in _one_message(result)


def test_an_update_is_named_as_one(runner, sample_graph):
    result = runner.invoke(app, ["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "-g", str(sample_graph)])
    assert result.exit_code == 2
    assert "SPARQL update (INSERT)" in result.output and "not SPARQL" not in result.output


def test_printed_iris_paste_back_into_a_query(runner, sample_graph):
    people = runner.invoke(app, ["query", "SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p", "-g", str(sample_graph)])
    assert people.exit_code == 0, people.output
    shown = [line.strip() for line in people.output.splitlines()[2:-1]]
    assert shown and all(iri.startswith(("kgp:", "<")) for iri in shown), shown
    for iri in shown:
        back = runner.invoke(app, ["query", f"ASK {{ {iri} a kg:Person }}", "-g", str(sample_graph)])
        assert back.exit_code == 0 and back.output.strip() == "true", (iri, back.output)


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?x WHERE { ?x a foo:Bar }", "unknown prefix 'foo:'"),
    ("SELECT ?x WHERE { ?x a kg:Person . FILTER( }", "line 1, column"),
])
def test_a_syntax_error_is_short(runner, sample_graph, query, expected):
    result = runner.invoke(app, ["query", query, "-g", str(sample_graph)])
    assert result.exit_code == 2 and expected in result.output
    assert "\\u{" not in result.output and len(result.output) < 600, result.output


def test_the_build_summary_counts_what_kg_stats_counts(runner, tmp_path):
    """One person named in two articles is one Person, in the build's summary as in kg stats; stats gives the
    triple count the build printed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kepala BNPT Budi Santoso bertemu Menlu Jepang Taro Yamada di Jakarta.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Kepala BNPT Budi Santoso menghadiri Sidang Umum Interpol di Bali.\n", encoding="utf-8")
    built = runner.invoke(app, ["build", str(folder), "--graph", str(tmp_path / "g"), "--jobs", "1"])
    assert built.exit_code == 0, built.output
    assert "articles: 2 new, 0 changed, 0 unchanged, 0 skipped; 2 in the graph" in built.output
    lines = dict(line.split(": ", 1) for line in built.output.splitlines() if ": " in line)
    entities = dict(part.rsplit(" ", 1) for part in lines["entities"].split(", "))
    stats = runner.invoke(app, ["stats", "--graph", str(tmp_path / "g")])
    assert stats.exit_code == 0, stats.output
    by_class = {parts[0].removeprefix("kg:"): parts[1] for parts in (line.split() for line in stats.output.splitlines())
                if len(parts) == 2 and parts[0].startswith("kg:")}
    assert entities["Person"] == by_class["Person"] == "2"  # Budi Santoso once, Taro Yamada
    assert all(by_class[name] == count for name, count in entities.items())
    assert f"triples: {lines['triples']}" in stats.output
    # a triple two articles state (Budi Santoso's name and post) counts once, as a SPARQL count of distinct triples
    distinct = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g "
                                   "{ ?s ?p ?o } } }", "--graph", str(tmp_path / "g"), "--format", "csv"])
    statements = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                     "--graph", str(tmp_path / "g"), "--format", "csv"])
    assert int(lines["triples"]) == int(distinct.output.split()[1]) < int(statements.output.split()[1])


def test_one_display_name_per_actor_in_every_output(runner, tmp_path):
    """The United Kingdom is "Inggris" in an Indonesian article and "United Kingdom" in an English one; the
    views, GraphML, GEXF, nodes-csv, queries and stats all show its one schema:name."""
    import csv
    import io
    import xml.etree.ElementTree as ET

    from kg.network import from_rdf
    from kg.rdf.store import open_dataset

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-en.txt").write_text("British Foreign Secretary Jane Doe met Indonesian Foreign Minister Sri Wahyuni "
                                     "in London on 7 April 2021. The United Kingdom and Indonesia signed a memorandum.\n",
                                     encoding="utf-8")
    (folder / "b-id.txt").write_text("Menteri Luar Negeri Inggris Jane Doe bertemu Menlu Indonesia Sri Wahyuni di Jakarta, "
                                     "Kamis (11/11/2021).\n", encoding="utf-8")
    graph = tmp_path / "g"
    assert runner.invoke(app, ["build", str(folder), "--graph", str(graph), "--jobs", "1"]).exit_code == 0
    uk = "https://w3id.org/kg-news/id/country/gb"
    named = runner.invoke(app, ["query", f"SELECT ?n WHERE {{ <{uk}> schema:name ?n }}", "-g", str(graph), "-f", "csv"])
    name = named.output.split()[1]
    labels = runner.invoke(app, ["query", f"SELECT DISTINCT ?l WHERE {{ <{uk}> rdfs:label ?l }}", "-g", str(graph), "-f", "csv"])
    assert len(labels.output.split("\n")[1:-1]) == 2, labels.output  # two languages, two labels: the case at hand
    dataset = open_dataset(graph)
    try:
        assert from_rdf(dataset).nodes[uk]["label"] == name  # what graph.html and kg view draw
    finally:
        dataset.close()
    nodes = runner.invoke(app, ["export", "--format", "nodes-csv", "-g", str(graph)]).output
    assert {row["id"]: row["label"] for row in csv.DictReader(io.StringIO(nodes))}[uk] == name
    for fmt in ("graphml", "gexf"):
        text = runner.invoke(app, ["export", "--format", fmt, "-g", str(graph)]).output
        root = ET.fromstring(text)
        node = next(el for el in root.iter() if el.tag.endswith("}node") and el.get("id") == uk)
        if fmt == "gexf":
            shown = node.get("label")
        else:
            key = next(k.get("id") for k in root.iter() if k.tag.endswith("}key") and k.get("attr.name") == "label"
                       and k.get("for") == "node")
            shown = next(d.text for d in node if d.get("key") == key)
        assert shown == name, fmt
    assert name in runner.invoke(app, ["stats", "-g", str(graph)]).output


def test_the_facts_query_says_who_did_what_to_whom(runner, sample_graph):
    import csv
    import io

    result = runner.invoke(app, ["query", "facts", "-g", str(sample_graph), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    meetings = [(r["subject"], r["object"]) for r in rows if r["fact_type"] == "Meeting"]
    assert meetings == [("Boy Rafli Amar", "Elizabeth Truss")]
    quotes = [r for r in rows if r["fact_type"] == "Quotation"]
    assert quotes and all(r["subject"] and not r["object"] for r in quotes)
    claims = [line for line in read_claims(sample_graph / "claims.jsonl") if line["kind"] != "entity"]
    assert len(rows) == len(claims)  # one row per fact, no repeats


@pytest.mark.parametrize("command", ["build", "merge", "remove", "query", "export", "view", "explain", "serve", "push", "stats", "validate"])
def test_every_command_names_the_graph_folder_graph(runner, command):
    shown = runner.invoke(app, [command, "--help"]).output
    assert "--graph" in shown and "-g" in shown
    assert not re.search(r"--out\b(?!put)", shown)  # the old name of build and merge still works, unlisted
    assert bool(re.search(r"(?<![\w-])-o\b", shown)) == (command == "export")  # -o is export's output file, nothing else


def test_the_old_out_option_still_builds(runner, tmp_path):
    assert runner.invoke(app, ["build", "--out", str(tmp_path / "g"), "-q"]).exit_code == 0
    assert (tmp_path / "g" / "store").exists()
    refused = runner.invoke(app, ["build", "-o", str(tmp_path / "h")])
    assert refused.exit_code == 2 and "No such option: -o" in refused.output
