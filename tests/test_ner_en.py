"""The English entity recogniser: `kg tag --lang en`, `kg train-ner --lang en`, and English articles whose
people come from the recogniser, not from capitalised words."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg import extract, nlp
from kg.cli import app
from kg.model import Article

# invented sentences: no name here is in a gazetteer, a lexicon or (as far as we know) any training set
SENTENCES = [
    "Yesterday Marlon Dekkerfield met officials of the ministry in Rotterdam .".split(),
    "The talks were chaired by Annika Voskuijlen , who said the plan would be ready in May .".split(),
]


def _conll(sentences: list[list[str]]) -> str:
    return "\n\n".join("\n".join(f"{w} X O" for w in words) for words in sentences) + "\n"


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def test_tag_english_finds_untitled_people_and_places(runner, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("-DOCSTART- -X- O O\n\n" + _conll(SENTENCES), encoding="utf-8")  # as CoNLL-2003 files begin
    result = runner.invoke(app, ["tag", "--lang", "en", "--conll", str(source)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == ["-DOCSTART- -X- O O\tO", ""]
    tags = {line.split()[0]: line.rsplit("\t", 1)[1] for line in result.output.splitlines() if line}
    assert (tags["Marlon"], tags["Dekkerfield"]) == ("B-PER", "I-PER")
    assert (tags["Annika"], tags["Voskuijlen"]) == ("B-PER", "I-PER")
    assert tags["Rotterdam"] == "B-LOC"
    assert all(tags[w] == "O" for w in ("Yesterday", "The", "officials", "May", "said"))


def _tags(output: str) -> list[list[tuple[str, str]]]:
    """`kg tag` output as sentences of (word, tag)."""
    return [[(line.split()[0], line.rsplit("\t", 1)[1]) for line in block.splitlines()]
            for block in output.strip("\n").split("\n\n")]


def test_tag_gives_a_name_the_label_its_document_gives_it_elsewhere_and_only_within_that_document(runner, tmp_path):
    """CoNLL-2003 files are documents (`-DOCSTART-` blocks): a surname the recogniser leaves untagged in a
    sentence with little context ("the X era ended") is the person the document names in full; the same
    sentence in the next document, and in a file without documents, is read alone."""
    full = "Pieter Vandermolen said on Monday he would resign .".split()
    bare = "the Vandermolen era ended .".split()
    alone = tmp_path / "alone.txt"
    alone.write_text(_conll([bare]), encoding="utf-8")
    result = runner.invoke(app, ["tag", "--lang", "en", "--conll", str(alone)])
    assert result.exit_code == 0, result.output
    assert dict(_tags(result.output)[0])["Vandermolen"] == "O", "pick a sentence the recogniser leaves untagged"
    source = tmp_path / "in.txt"
    source.write_text("-DOCSTART- -X- O O\n\n" + _conll([full, bare]) + "\n-DOCSTART- -X- O O\n\n" + _conll([bare]),
                      encoding="utf-8")
    result = runner.invoke(app, ["tag", "--lang", "en", "--conll", str(source)])
    assert result.exit_code == 0, result.output
    sentences = _tags(result.output)
    assert [len(s) for s in sentences] == [1, len(full), len(bare), 1, len(bare)]  # every line back, in order
    assert dict(sentences[1])["Vandermolen"] == "I-PER"
    assert dict(sentences[2])["Vandermolen"] == "B-PER"
    assert dict(sentences[4])["Vandermolen"] == "O"
    undivided = tmp_path / "undivided.txt"
    undivided.write_text(_conll([full, bare]), encoding="utf-8")
    result = runner.invoke(app, ["tag", "--lang", "en", "--conll", str(undivided)])
    assert dict(_tags(result.output)[1])["Vandermolen"] == "O"


def test_a_document_agrees_on_its_names_by_the_labels_it_gives_them():
    """The rules of agreement on invented tags: an untagged run of the same capitalised words takes the label
    most of its spans have; a person's last name alone is the person; a longer or shorter run, a name tagged
    differently, and lower-case words stay as they are."""
    from kg.nlp.ner.documents import consistent

    sentences = [["Olsberg", "Rovers", "beat", "Kelmscott", "."], ["Olsberg", "Rovers", "lost", "."],
                 ["Anna", "Brevik", "scored", "."], ["Brevik", "and", "Olsberg", "Rovers", "Reserves", "drew", "."],
                 ["Kelmscott", "won", "in", "Kelmscott", "."], ["rovers", "and", "Brevik", "."]]
    tags = [["B-ORG", "I-ORG", "O", "B-ORG", "O"], ["O", "O", "O", "O"], ["B-PER", "I-PER", "O", "O"],
            ["O", "O", "O", "O", "O", "O", "O"], ["B-ORG", "O", "O", "B-LOC", "O"], ["O", "O", "O", "O"]]
    agreed = consistent(sentences, tags)
    assert agreed[1] == ["B-ORG", "I-ORG", "O", "O"]
    assert agreed[3] == ["B-PER", "O", "O", "O", "O", "O", "O"]  # "Olsberg Rovers Reserves" is no known name
    assert agreed[4] == ["B-ORG", "O", "O", "B-LOC", "O"]
    assert agreed[5] == ["O", "O", "B-PER", "O"]
    assert agreed[0] == tags[0] and agreed[2] == tags[2]


def test_tag_and_train_refuse_an_unknown_language_and_a_missing_data_folder(tmp_path):
    proc = _kg("train-ner", "--lang", "en", "--data", str(tmp_path / "no-such-folder"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error:") and "no-such-folder" in proc.stderr and "Traceback" not in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = _kg("train-ner", "--lang", "en", "--data", str(empty))
    assert proc.returncode == 2 and "label_map.tsv" in proc.stderr
    proc = _kg("tag", "--lang", "fr", "--conll", "-")
    assert proc.returncode == 2 and "fr" in proc.stderr and "Traceback" not in proc.stderr


ARTICLE = (
    "Rotterdam Police Chief Opens Regional Maritime Security Meeting\n"
    "Updated 10:15\nWIB\n"  # a scraped page's time zone, alone on its line
    "Story Text\n"
    "In Jakarta, Marlon Dekkerfield of the Dutch coast guard met Indonesian officials on Tuesday at 10.00 WIB. "
    "Dekkerfield said the two sides would share data on smuggling routes.\n"
    "Aspect Ratio\n"
    "The talks followed Operation Sea Shield, which ended in March.\n"
)


def test_english_article_people_come_from_the_recogniser_not_from_capitals():
    analyzed = nlp.run(Article("en-test", ARTICLE, "en-test.txt", published=date(2024, 5, 8), language="en"))
    people = {e.name for e in extract.run(analyzed).entities.values() if e.type == "Person"}
    assert people == {"Marlon Dekkerfield"}
    places = {m.text for m in analyzed.mentions if m.type in ("Place", "Country")}
    assert "Jakarta" in places
    assert not any(m.text.startswith("In ") for m in analyzed.mentions)
    assert not any(m.text in ("WIB", "Story Text", "Aspect Ratio") for m in analyzed.mentions)


LISTED = (
    "Dutch and Indonesian officials met in Jakarta on Tuesday.\n"
    "The Dutch delegation was led by Annika Voskuijlen and Marlon Dekkerfield, who thanked Commander of the "
    "Northern Fleet Command Pieter Brandsma for the visit.\n"
)


def test_english_people_named_in_a_list_or_right_after_their_body_are_people():
    """"A and B": the second name is the next of a list, not the tail of the first; "Commander of the Northern
    Fleet Command Pieter Brandsma": the recogniser runs body and holder together, and the body ends at its head."""
    analyzed = nlp.run(Article("en-test", LISTED, "en-test.txt", published=date(2024, 5, 8), language="en"))
    entities = {e.name: e.type for e in extract.run(analyzed).entities.values()}
    assert entities.get("Marlon Dekkerfield") == "Person"
    assert entities.get("Annika Voskuijlen") == "Person"
    assert entities.get("Pieter Brandsma") == "Person"
    assert entities.get("Northern Fleet Command") == "Organization"


def test_train_ner_english_trains_scores_dev_and_writes_a_model_that_tags(runner, tmp_path):
    """The whole `kg train-ner --lang en` path on a tiny invented data folder laid out like ../shared/ner-en."""
    data = tmp_path / "ner-en"
    (data / "conll2003").mkdir(parents=True)
    (data / "label_map.tsv").write_text("# dataset\tsource_label\tmerged_label\tnote\nconll2003\tPER\tPER\t\n"
                                        "conll2003\tLOC\tLOC\t\nconll2003\tMISC\tO\t\n", encoding="utf-8")
    people = ["Marlon Dekkerfield", "Annika Voskuijlen", "Pieter Brandsma", "Joris Kalkman"]
    towns = ["Rotterdam", "Utrecht", "Leiden", "Zwolle"]
    rows = []
    for k in range(40):
        first, last = people[k % 4].split()
        rows.append(f"-DOCSTART- -X- O O\n\n{first} NNP I-NP I-PER\n{last} NNP I-NP I-PER\nvisited VBD I-VP O\n"
                    f"{towns[k % 4]} NNP I-NP I-LOC\nwith IN I-PP O\nDutch JJ I-NP I-MISC\nofficials NNS I-NP O\n. . O O\n")
    (data / "conll2003" / "train.txt").write_text("\n".join(rows[:32]), encoding="utf-8")
    dev = [row if k % 2 == 0 else row.removeprefix("-DOCSTART- -X- O O\n\n") for k, row in enumerate(rows[32:])]
    (data / "conll2003" / "dev.txt").write_text("\n".join(dev), encoding="utf-8")  # documents of two sentences
    model = tmp_path / "ner-en.crfsuite"
    result = runner.invoke(app, ["train-ner", "--lang", "en", "--data", str(data), "--datasets", "conll2003",
                                 "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert "conll2003          micro  P 1.000  R 1.000  F1 1.000" in result.output  # IOB1 read as entities
    assert "conll2003 sentence by sentence micro  P 1.000  R 1.000  F1 1.000" in result.output  # as kg tag reads them, and alone
    assert "uner-ewt" not in result.output  # a dev-only set that is not there is not scored
    assert model.is_file() and not (tmp_path / ".ner-en.crfsuite.dev").exists()
    from kg.nlp.ner import Recogniser

    assert Recogniser(model, "en").entities("Joris Kalkman visited Leiden".split()) == [(0, 2, "PER"), (3, 4, "LOC")]


def test_words_that_never_name_a_person_are_learnt_from_the_labels_of_the_train_splits(tmp_path):
    """`python -m kg.nlp.ner.learn_name_words --lang en` keeps a word capitalised mid-sentence outside any name, five
    times or more, and never inside a person's name; a sentence's first word, a dev split and a test split count
    for nothing; two runs write the same file."""
    root = tmp_path / "ner-en"
    (root / "conll2003").mkdir(parents=True)
    (root / "label_map.tsv").write_text("# dataset\tsource_label\tmerged_label\tnote\nconll2003\tPER\tPER\t\n",
                                        encoding="utf-8")
    office = [(w, "O") for w in "The report of the Chief Auditor and the Accountant was read .".split()]
    heading = [(w, "O") for w in "Auditor notes that the Registrar was absent .".split()]
    person = [("Yesterday", "O"), ("Chief", "O"), ("Accountant", "O"), ("met", "O"), ("Marlon", "B-PER"),
              ("Accountant", "I-PER"), ("in", "O"), ("Rotterdam", "O"), (".", "O")]
    train = [office, heading] * 5 + [person]
    (root / "conll2003" / "train.txt").write_text(
        "\n\n".join("\n".join(f"{w} X X {t}" for w, t in sentence) for sentence in train) + "\n", encoding="utf-8")
    secret = "\n\n".join("\n".join(f"{w} X X O" for w in "The Hiddenword was read .".split()) for _ in range(6))
    (root / "conll2003" / "dev.txt").write_text(secret + "\n", encoding="utf-8")
    (root / "conll2003" / "test.txt").write_text(secret + "\n", encoding="utf-8")
    outs = []
    for k in (1, 2):
        out = tmp_path / f"never-{k}.tsv"
        proc = subprocess.run([sys.executable, "-m", "kg.nlp.ner.learn_name_words", "--lang", "en", str(root), "--sets",
                               "conll2003", "--out", str(out)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    words = {line for line in outs[0].splitlines() if not line.startswith("#")} - {"word"}
    # "Auditor" opens five sentences and stands inside five: five; "Accountant" is part of a person's name once
    assert words == {"chief", "auditor", "registrar"}, words


def test_the_shipped_never_names_list_is_what_its_command_rebuilds(tmp_path):
    """`python -m kg.nlp.ner.learn_name_words --lang en` on ../shared/ner-en gives the shipped list byte for byte."""
    from kg.nlp.ner.name_words import words_path

    shared = Path(__file__).resolve().parents[2] / "shared" / "ner-en"
    if not (shared / "conll2003").is_dir():
        pytest.skip("../shared/ner-en is not here")
    out = tmp_path / "never-names-en.tsv"
    proc = subprocess.run([sys.executable, "-m", "kg.nlp.ner.learn_name_words", "--lang", "en", str(shared), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == words_path("en").read_bytes(), "rebuild data/models/never-names-en.tsv"


def test_the_shipped_never_names_list_loads_its_words_and_no_header():
    from kg.nlp.ner.name_words import never_names, words_path

    rows = [line for line in words_path("en").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows[0] == "word" and len(rows) > 1000
    assert never_names("en") == frozenset(rows[1:]) and "word" not in never_names("en")
    assert {"auditor", "introduction"} <= never_names("en") and "bishop" not in never_names("en")
