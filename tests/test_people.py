"""One person across articles: a short form of a name in one report and the full name in another are one
node of the graph, linked in the store, and the link goes when the article that supported it goes."""

from __future__ import annotations

import csv
import io

from kg.cli import app
from kg.rdf.people import same_people

FULL = ("Mendagri bertemu Kepala BNPT\n\nJakarta - Menteri Dalam Negeri Muhammad Tito Karnavian menerima Kepala BNPT "
        "Boy Rafli Amar di Jakarta, Senin (5/8/2024).\n")
SHORT = ("Mendagri terima Dubes Australia\n\nJakarta - Menteri Dalam Negeri Tito Karnavian bertemu Duta Besar "
         "Australia untuk Indonesia Penny Williams di Jakarta, Selasa (6/8/2024).\n")
LINKS = "SELECT ?x ?y WHERE { GRAPH <https://w3id.org/kg-news/resolution> { ?x owl:sameAs ?y } }"


def _people(runner, out) -> dict[str, list[str]]:
    """Person nodes of the exported graph (the NetworkX graph the view draws): label -> articles."""
    result = runner.invoke(app, ["export", "--format", "nodes-csv", "-g", str(out)])
    assert result.exit_code == 0, result.output
    return {row["label"]: row["articles"].split("; ") for row in csv.DictReader(io.StringIO(result.stdout))
            if row["type"] == "Person"}


def test_a_short_form_in_one_article_is_the_full_name_of_another(runner, tmp_path):
    (tmp_path / "full.txt").write_text(FULL, encoding="utf-8")
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    built = runner.invoke(app, ["build", str(tmp_path / "full.txt"), str(tmp_path / "short.txt"), "--out", str(out)])
    assert built.exit_code == 0, built.output
    assert "people: 1 named in another article" in built.output
    links = runner.invoke(app, ["query", LINKS, "--graph", str(out), "--format", "csv"])
    assert links.output.splitlines()[1:] == [
        "https://w3id.org/kg-news/id/person/tito-karnavian,https://w3id.org/kg-news/id/person/muhammad-tito-karnavian"]
    people = _people(runner, out)
    assert people["Muhammad Tito Karnavian"] == ["full", "short"]  # one node, named in both articles
    assert "Tito Karnavian" not in people
    removed = runner.invoke(app, ["remove", "full", "--graph", str(out)])
    assert removed.exit_code == 0, removed.output
    assert runner.invoke(app, ["query", LINKS, "--graph", str(out), "--format", "csv"]).output.splitlines()[1:] == []
    assert _people(runner, out)["Tito Karnavian"] == ["short"]


def test_a_short_form_two_fuller_names_hold_stays_alone_and_initials_do_not_count():
    links = same_people([
        ("p:ahmad-yani", "Ahmad Yani", 3), ("p:ahmad-yani-basuki", "Ahmad Yani Basuki", 1),
        ("p:ahmad-yani-putra", "Ahmad Yani Putra", 1),
        ("p:retno-marsudi", "Retno Marsudi", 5), ("p:retno-lestari-priansari-marsudi", "Retno Lestari Priansari Marsudi", 1),
        ("p:r-marsudi", "R. Marsudi", 1), ("p:budi", "Budi", 4), ("p:budi-gunawan", "Budi Gunawan", 2),
    ])
    assert links == {"p:retno-lestari-priansari-marsudi": "p:retno-marsudi"}  # the form most articles use stands
