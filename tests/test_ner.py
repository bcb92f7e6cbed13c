"""The statistical recogniser: `kg tag --conll` as held-out test sets are scored, and how it combines with
the rules in the nlp stage."""

from __future__ import annotations

from datetime import date

from kg import extract, nlp
from kg.cli import app
from kg.model import Article
from kg.nlp.ner import load
from kg.nlp.ner.corpus import spans

SENTENCES = [
    "Menurut Bambang Sutrisno , banjir melanda Kota Surabaya sejak Senin .".split(),
    "Ketua Partai Golkar Airlangga Hartarto berkunjung ke Medan , Sumatera Utara .".split(),
]


def _conll(lines_per_sentence: list[list[str]], extra: str = "") -> str:
    return "\n\n".join("\n".join(f"{w}{extra}" for w in words) for words in lines_per_sentence) + "\n"


def test_tag_adds_one_column_and_keeps_tokens_and_breaks(runner, tmp_path):
    source = tmp_path / "in.tsv"
    source.write_text(_conll(SENTENCES, "\tX\tO"), encoding="utf-8")
    result = runner.invoke(app, ["tag", "--conll", str(source)])
    assert result.exit_code == 0, result.output
    inp = source.read_text(encoding="utf-8").splitlines()
    out = result.output.splitlines()
    assert len(out) == len(inp)
    for before, after in zip(inp, out):
        if not before:
            assert after == ""
            continue
        head, _, tag = after.rpartition("\t")
        assert head == before
        assert tag == "O" or tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "ORG", "LOC")


def test_tag_reads_space_separated_crlf_files(runner, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(_conll(SENTENCES[:1], " NOUN O").replace("\n", "\r\n").encode())
    result = runner.invoke(app, ["tag", "--conll", str(source)])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.output.splitlines() if line]
    assert [r[0].split()[0] for r in rows] == SENTENCES[0]


def test_recogniser_finds_untitled_people_places_and_parties():
    recogniser = load("id")
    assert recogniser is not None, "the bundled model ships with the package"
    found = {(" ".join(words[a:b]), kind) for words in SENTENCES for a, b, kind in recogniser.entities(words)}
    assert ("Bambang Sutrisno", "PER") in found
    assert ("Airlangga Hartarto", "PER") in found
    assert ("Medan", "LOC") in found


def test_bio_spans_repair_stray_inside_tags():
    assert spans(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_rules_win_over_the_model_and_model_adds_the_rest():
    text = ("Jakarta - Bambang Sutrisno mengatakan Badan Nasional Penanggulangan Terorisme (BNPT) "
            "bekerja sama dengan Kementerian Agama di Jakarta. Sutrisno menambahkan kerja sama itu penting.")
    analyzed = nlp.run(Article("t", text, "t.txt", published=date(2021, 1, 4)))
    by_text = {m.text: m for m in analyzed.mentions}
    assert by_text["Bambang Sutrisno"].type == "Person" and by_text["Bambang Sutrisno"].rule == "model"
    assert by_text["Badan Nasional Penanggulangan Terorisme"].rule != "model"
    assert by_text["BNPT"].key == by_text["Badan Nasional Penanggulangan Terorisme"].key
    assert by_text["Jakarta"].type == "Place"
    people = [e for e in extract.run(analyzed).entities.values() if e.type == "Person"]
    assert [p.name for p in people] == ["Bambang Sutrisno"]  # "Sutrisno" again is the same person


def test_tag_on_a_missing_file_is_one_clear_error(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "kg", "tag", "--conll", str(tmp_path / "nope.tsv")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "nope.tsv" in proc.stderr and "Traceback" not in proc.stderr
