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
        ("p:ahmad-yani", "Ahmad Yani", 3, ["a1", "a2", "a3"]), ("p:ahmad-yani-basuki", "Ahmad Yani Basuki", 1, ["a4"]),
        ("p:ahmad-yani-putra", "Ahmad Yani Putra", 1, ["a5"]),
        ("p:retno-marsudi", "Retno Marsudi", 5, ["r1", "r2", "r3", "r4", "r5"]),
        ("p:retno-lestari-priansari-marsudi", "Retno Lestari Priansari Marsudi", 1, ["r6"]),
        ("p:r-marsudi", "R. Marsudi", 1, ["r7"]), ("p:budi", "Budi", 4, ["b1", "b2", "b3", "b4"]),
        ("p:budi-gunawan", "Budi Gunawan", 2, ["b5", "b6"]),
    ])
    assert links == {"p:retno-lestari-priansari-marsudi": "p:retno-marsudi"}  # the form most articles use stands


WIFE = ("Presiden terima Perdana Menteri\n\nJakarta - Presiden Budi Santoso menerima Perdana Menteri Papua Nugini "
        "Peter Kamuna di Istana Merdeka, Senin (5/8/2024). Ibu Negara Ani Budi Santoso mendampingi Presiden.\n")
PRESIDENT = ("Presiden bertemu Raja Yordania\n\nAmman - Presiden Budi Santoso (Budsan) bertemu Raja Yordania Abdullah Kamil "
             "di Amman, Selasa (6/8/2024). Budsan mengatakan kerja sama kedua negara terus tumbuh.\n")
NICKNAME = ("Presiden Budsan terima Menlu Jepang\n\nJakarta - Presiden Budsan menerima Menteri Luar Negeri Jepang Kenji "
            "Hamada di Istana Merdeka, Rabu (7/8/2024).\n")
INITIALS = ("Menlu bertemu Menlu Malaysia\n\nJakarta - Menteri Luar Negeri Sari LP Wulandari bertemu Menteri Luar "
            "Negeri Malaysia Ahmad Zaki di Jakarta, Kamis (8/8/2024).\n")
FULLEST = ("Menlu terima Dubes Belanda\n\nJakarta - Menteri Luar Negeri Sari Lestari Puspita Wulandari menerima Duta "
           "Besar Belanda Jan de Vries di Jakarta, Jumat (9/8/2024).\n")
PLAIN = ("Menlu bertemu Menlu Singapura\n\nJakarta - Menteri Luar Negeri Sari Wulandari bertemu Menteri Luar Negeri "
         "Singapura Tan Wei Ming di Jakarta, Senin (12/8/2024).\n")


def test_two_people_one_article_names_apart_stay_apart_and_initials_and_nicknames_join(runner, tmp_path):
    """A first lady named with her husband's name after hers is not the president in any article, though the
    president's name is a shorter form of hers; "LP" stands for "Lestari Puspita", so the three forms of the
    minister's name are one person; and a one-word name that another article gives one person ("(Budsan)")
    is that person."""
    texts = {"wife": WIFE, "president": PRESIDENT, "nickname": NICKNAME, "initials": INITIALS, "fullest": FULLEST,
             "plain": PLAIN}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    built = runner.invoke(app, ["build", *(str(tmp_path / f"{name}.txt") for name in texts), "--out", str(out)])
    assert built.exit_code == 0, built.output
    people = _people(runner, out)
    assert people["Budi Santoso"] == ["nickname", "president", "wife"]  # "Presiden Budsan" is drawn as him
    assert people["Ani Budi Santoso"] == ["wife"]
    minister = [label for label, articles in people.items() if "Wulandari" in label]
    assert len(minister) == 1 and people[minister[0]] == ["fullest", "initials", "plain"], people
