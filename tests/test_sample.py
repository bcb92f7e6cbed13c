"""End to end on the bundled sample: the facts a reader of the article expects, in every output."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import XSD

from kg.cli import app
from tests.conftest import DEV, read_claims


def _claims(sample_graph):
    return [c for c in read_claims(sample_graph / "claims.jsonl") if c["kind"] == "claim"]


def test_build_writes_every_output(sample_graph):
    for name in ("graph.ttl", "graph.trig", "graph.html", "claims.jsonl"):
        assert (sample_graph / name).stat().st_size > 0
    assert (sample_graph / "store").is_dir()


def test_meeting_has_both_sides_date_and_place(sample_graph):
    meets = [c for c in _claims(sample_graph) if c["relation"] == "meets"]
    assert [(sorted([m["subject"], m["object"]]), m["date"], m["place"]) for m in meets] == [
        (["Boy Rafli Amar", "Elizabeth Truss"], "2021-11-11", "Jakarta")]


def test_mou_signed_by_both_countries_in_april_2021(sample_graph):
    signs = {(c["subject"], c["object"], c["date"]) for c in _claims(sample_graph) if c["relation"] == "signs"}
    assert signs == {("Indonesia", "Memorandum of Understanding", "2021-04"),
                     ("Inggris", "Memorandum of Understanding", "2021-04")}


def test_attendance_list_gives_one_claim_per_agency(sample_graph):
    attendees = {c["subject"] for c in _claims(sample_graph) if c["relation"] == "attends"}
    assert {"Lembaga Perlindungan Saksi dan Korban", "Kementerian Luar Negeri", "Kedutaan Inggris",
            "Badan Nasional Penanggulangan Terorisme", "Boy Rafli Amar"} <= attendees
    side = [c for c in _claims(sample_graph) if c["relation"] == "attends" and "dari pihak Inggris" in c["evidence"]]
    assert {c["subject"] for c in side} == {"Kedutaan Inggris"}  # "dari pihak Inggris" names a side, not an attendee


def test_titles_and_pronouns_resolve_to_people(sample_graph):
    quoted = {c["subject"] for c in _claims(sample_graph) if c["relation"] == "quoted"}
    assert quoted == {"Boy Rafli Amar", "Elizabeth Truss", "Andhika Chrinayudhanto"}


def test_spam_after_the_article_yields_nothing(sample_graph):
    text = (sample_graph / "claims.jsonl").read_text(encoding="utf-8").lower()
    assert "uhamka" not in text and "unair" not in text and "fisheries" not in text


def test_dates_are_typed_at_their_precision(sample_graph):
    trig = (sample_graph / "graph.trig").read_text(encoding="utf-8")
    ds = Dataset()
    ds.parse(data=trig, format="trig")
    objects = {o for _s, _p, o, _g in ds.quads((None, None, None, None)) if isinstance(o, Literal)}
    assert Literal("2021-04", datatype=XSD.gYearMonth) in objects
    assert Literal("2021-11-11", datatype=XSD.date) in objects
    assert not any(str(o) == "2021-04-01" for o in objects)


def test_every_fact_has_its_evidence_sentence(runner, sample_graph):
    result = runner.invoke(app, ["query", "facts", "--graph", str(sample_graph), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = result.output.strip().splitlines()[1:]
    assert len(rows) == len(_claims(sample_graph))
    assert all(row.split(",")[-1].strip() for row in rows)


@pytest.mark.parametrize("name, expected", [
    ("who-met-whom", ["Boy Rafli Amar", "Elizabeth Truss", "2021-11-11", "Jakarta"]),
    ("agreements", ["Memorandum of Understanding", "Indonesia", "Inggris", "2021-04"]),
    ("attendees", ["Joint Working Group", "Detasemen Khusus 88", "Kedutaan Inggris"]),
    ("posts", ["Andhika Chrinayudhanto", "Deputi Kerja Sama Internasional", "Menteri Luar Negeri"]),
    ("quotes", ["Elizabeth Truss", "bahu membahu"]),
    ("co-attendance", ["Joint Working Group"]),
])
def test_bundled_queries_answer_what_a_reader_expects(runner, sample_graph, name, expected):
    result = runner.invoke(app, ["query", name, "--graph", str(sample_graph), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.output


def test_graph_results_come_as_turtle_and_ask_as_true_or_false(runner, sample_graph):
    from rdflib import Graph

    construct = runner.invoke(app, ["query", "CONSTRUCT { ?m kg:participant ?p } WHERE { ?m a kg:Meeting ; kg:participant ?p }",
                                    "--graph", str(sample_graph)])
    count = runner.invoke(app, ["query", "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?m a kg:Meeting ; kg:participant ?p }",
                                "--graph", str(sample_graph), "--format", "csv"])
    assert construct.exit_code == 0 and count.exit_code == 0, construct.output + count.output
    assert len(Graph().parse(data=construct.output, format="turtle")) == int(count.output.split()[1]) > 0
    ask = runner.invoke(app, ["query", "ASK { ?m a kg:Meeting }", "--graph", str(sample_graph)])
    assert ask.output == "true\n"


def test_stats_counts_the_articles_and_classes(runner, sample_graph):
    result = runner.invoke(app, ["stats", "--graph", str(sample_graph)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 1  languages: id")
    assert any(line.split() == ["kg:Meeting", "1"] for line in result.output.splitlines())


def test_validate_passes_on_the_sample_and_fails_on_a_broken_graph(runner, sample_graph, tmp_path):
    assert runner.invoke(app, ["validate", "--graph", str(sample_graph)]).exit_code == 0
    from rdflib import RDF

    from kg.export import union_graph
    from kg.rdf.namespace import KG
    from kg.rdf.store import open_dataset
    from kg.validate import validate

    ds = open_dataset(sample_graph)
    graph = union_graph(ds)
    ds.close()
    meeting = next(graph.subjects(predicate=RDF.type, object=KG.Meeting))
    graph.remove((meeting, KG.participant, None))
    conforms, report = validate(graph)
    assert not conforms and "at least two participants" in report


def test_html_is_self_contained(sample_graph):
    page = (sample_graph / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", page)
    assert "new Sigma(" in page and "Boy Rafli Amar" in page


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval is not present")
def test_scorer_on_the_sample_meets_the_bar(sample_graph):
    out = subprocess.run([sys.executable, str(DEV.parent / "score.py"), "--gold", str(DEV / "seed.json"),
                          "--system", str(sample_graph / "claims.jsonl")], capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    claims_f1, entities_f1 = (float(x.split("=")[1]) for x in last.split())
    assert claims_f1 >= 0.9 and entities_f1 >= 0.9
    assert "date accuracy      12/12" in out


def test_exports_round_trip(runner, sample_graph, tmp_path):
    """Every RDF export parses back to exactly the triples (or quads) in the store."""
    from rdflib import XSD, Dataset as DS, Graph, Literal

    def plain(term):  # RDF 1.1: a simple literal is an xsd:string; rdflib keeps the two apart
        return Literal(str(term)) if isinstance(term, Literal) and term.datatype == XSD.string else term

    from kg.rdf.store import open_dataset

    dataset = open_dataset(sample_graph)
    try:
        quads = {(s, p, plain(o), g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in dataset.quads((None, None, None, None))}
    finally:
        dataset.close()
    triples = {(s, p, o) for s, p, o, _g in quads}
    for fmt, parser in [("turtle", "turtle"), ("nt", "nt"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")]:
        target = tmp_path / f"g.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--graph", str(sample_graph), "-o", str(target)])
        assert result.exit_code == 0, result.output
        if fmt in ("trig", "nq", "jsonld"):
            parsed = DS()
            parsed.parse(target, format=parser)
            back = {(s, p, plain(o), g) for s, p, o, g in parsed.quads((None, None, None, None)) if g is not None}
            assert back == quads, fmt
        else:
            assert {(s, p, plain(o)) for s, p, o in Graph().parse(target, format=parser)} == triples, fmt


def test_view_focus_draws_only_the_neighbourhood(runner, sample_graph, monkeypatch):
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: True)
    result = runner.invoke(app, ["view", "--graph", str(sample_graph), "--focus", "Elizabeth Truss", "--hops", "1"])
    assert result.exit_code == 0, result.output
    page = (sample_graph / "view.html").read_text(encoding="utf-8")
    assert "Boy Rafli Amar" in page and "Inggris" in page  # met her; her post
    assert "Badan Intelijen Strategis" not in page  # two steps away, through the JWG
    missing = runner.invoke(app, ["view", "--graph", str(sample_graph), "--focus", "Nobody Atall"])
    assert missing.exit_code == 2 and missing.output.startswith("kg: error: ") and "Nobody Atall" in missing.output
    assert len(missing.output.strip().splitlines()) == 1


def test_explain_prints_each_fact_with_evidence_and_rule(runner, sample_graph):
    result = runner.invoke(app, ["explain", "seed", "--graph", str(sample_graph)])
    assert result.exit_code == 0, result.output
    assert "meets: " in result.output and "rule meets:trigger" in result.output
    assert "Elizabeth Truss" in result.output and "di Jakarta pada Kamis (11/11)" in result.output
    assert result.output.strip().endswith(f"{len(_claims(sample_graph))} facts in article seed")
    strict = runner.invoke(app, ["explain", "seed", "--graph", str(sample_graph), "--min-confidence", "0.85"])
    shown = [float(c) for c in re.findall(r"confidence ([0-9.]+)", strict.output)]
    assert shown and min(shown) >= 0.85
    assert len(shown) < len(_claims(sample_graph))
