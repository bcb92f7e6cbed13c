"""The English entity recogniser: `kg tag --lang en`, `kg train-ner --lang en`, and English articles whose
people come from the recogniser, not from capitalised words."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

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
