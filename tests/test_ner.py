"""The statistical recogniser: `kg tag --conll` as held-out test sets are scored, and how it combines with
the rules in the nlp stage."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg import extract, nlp
from kg.cli import app
from kg.model import Article
from kg.nlp.ner import load
from kg.nlp.ner.corpus import spans
from kg.resources import data_dir

from .conftest import SHARED

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


def test_a_ship_named_by_its_prefix_is_no_actor():
    """"KRI Krait", "KRI Tarihu": the recogniser takes a navy's patrol ship for a person or a body; a ship is
    none of the six types, so it is no node, and the place beside it stays."""
    text = "Patroli terkoordinasi diikuti KRI Krait dan KRI Tarihu di Selat Malaka bersama Budi Santoso."
    analyzed = nlp.run(Article("t", text, "t.txt", published=date(2021, 1, 4)))
    found = {m.text: m.type for m in analyzed.mentions}
    assert not [name for name in found if "KRI" in name], found
    assert found.get("Budi Santoso") == "Person", found


def test_tag_on_a_missing_file_is_one_clear_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "tag", "--conll", str(tmp_path / "nope.tsv")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "nope.tsv" in proc.stderr and "Traceback" not in proc.stderr


# an invented Indonesian corpus laid out like ../shared/ner: no name here is in any training set
_PEOPLE = ["Wirasena Kartapati", "Larasdewi Ambarjati", "Pramudhita Sastrokusumo", "Gandiwa Purbaningrat"]
_TOWNS = ["Kalipetung", "Sidomuncar", "Watugilang", "Banyuwaras"]


def _nerui_rows(k: int) -> str:
    first, last = _PEOPLE[k % 4].split()
    rows = [(first, "B-PERSON"), (last, "I-PERSON"), ("berkunjung", "O"), ("ke", "O"),
            (_TOWNS[k % 4], "B-LOCATION"), ("bersama", "O"), ("warga", "O"), (".", "O")]
    return "\n".join(f"{w}\t{t}" for w, t in rows) + "\n"


def _tiny_ner_data(root):
    (root / "nerui").mkdir(parents=True)
    (root / "label_map.tsv").write_text("# dataset\tsource_label\tmerged_label\tnote\nnerui\tPERSON\tPER\t\n"
                                        "nerui\tLOCATION\tLOC\t\n", encoding="utf-8")
    rows = [_nerui_rows(k) for k in range(40)]
    (root / "nerui" / "train.tsv").write_text("\n".join(rows[:32]), encoding="utf-8")
    (root / "nerui" / "dev.tsv").write_text("\n".join(rows[32:36]), encoding="utf-8")
    (root / "nerui" / "test.tsv").write_text("\n".join(rows[36:]), encoding="utf-8")
    return root


def test_train_ner_trains_scores_dev_and_writes_a_model_that_tags(runner, tmp_path):
    """The whole `kg train-ner --lang id` path, on a tiny invented data folder laid out like ../shared/ner."""
    data = _tiny_ner_data(tmp_path / "ner")
    model = tmp_path / "ner-id.crfsuite"
    result = runner.invoke(app, ["train-ner", "--data", str(data), "--datasets", "nerui", "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert "nerui              micro  P 1.000  R 1.000  F1 1.000" in result.output
    assert model.is_file() and not (tmp_path / ".ner-id.crfsuite.dev").exists()
    from kg.nlp.ner import Recogniser

    words = "Gandiwa Purbaningrat berkunjung ke Kalipetung .".split()
    assert Recogniser(model, "id").entities(words) == [(0, 2, "PER"), (4, 5, "LOC")]


def test_ner_test_script_scores_the_test_splits_it_finds(runner, tmp_path):
    """bench/ner_test.py prints held-out scores per set and type for a model (the README's test figures)."""
    data = _tiny_ner_data(tmp_path / "ner")
    model = tmp_path / "m.crfsuite"
    runner.invoke(app, ["train-ner", "--data", str(data), "--datasets", "nerui", "--out", str(model)])
    script = Path(__file__).resolve().parents[1] / "bench" / "ner_test.py"
    proc = subprocess.run([sys.executable, str(script), "--data", str(data), "--model", str(model)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "nerui: " in proc.stdout and "(4 sentences)" in proc.stdout
    assert "nerui              PER    P 1.000  R 1.000  F1 1.000" in proc.stdout
    assert "idner2k" not in proc.stdout  # no test file there, nothing scored


def test_learn_clusters_is_deterministic_and_skips_test_files(tmp_path):
    """`python -m kg.nlp.ner.learn_clusters --lang id` gives the same file twice and never reads a test split."""
    from kg.resources import data_dir

    text = tmp_path / "text"
    text.mkdir()
    sample = data_dir() / "sample" / "bnpt-uk-joint-working-group.txt"  # real running text, shipped with kg
    (text / "id-001.txt").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (text / "test.tsv").write_text("Rahasiaujian\tO\n\n" * 5, encoding="utf-8")
    outs = []
    for k in (1, 2):
        out = tmp_path / f"clusters-{k}.tsv"
        proc = subprocess.run([sys.executable, "-m", "kg.nlp.ner.learn_clusters", "--lang", "id", str(text),
                               "--out", str(out)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in outs[0].splitlines() if not line.startswith("#")}
    assert "bnpt" in rows and "rahasiaujian" not in rows
    assert rows["bnpt"][1] == "always"  # an agency's name is always capitalised mid-sentence
    assert rows["dan"][1] == "lower"


def test_shipped_indonesian_model_reads_the_gazetteer_and_clusters():
    """The shipped model reads its clusters file, and finds places the gazetteer lists but not a weekday."""
    from kg.nlp.ner.clusters import load as load_clusters

    assert len(load_clusters("id").paths) > 5000  # data/models/clusters-id.tsv ships with the package
    recogniser = load("id")
    words = "Rombongan itu tiba di Pekanbaru , Riau , pada Selasa pagi .".split()
    found = {(" ".join(words[a:b]), kind) for a, b, kind in recogniser.entities(words)}
    assert ("Pekanbaru", "LOC") in found and ("Riau", "LOC") in found
    assert not any(text in ("Selasa", "Rombongan") for text, _ in found)


def test_the_shipped_indonesian_recogniser_is_what_kg_train_ner_rebuilds(runner, tmp_path):
    """The model card's promise: ``kg train-ner`` rebuilds the shipped model byte for byte. The recognisers'
    word classes come from every title, rank, role, head, gazetteer and cue row of both languages, so a row
    added there leaves the shipped models stale until they are retrained (``kg train-ner --lang id``, ``kg
    train-ner --lang en``, ``kg train-events``); this one, the quickest to rebuild, tells."""
    if not (SHARED / "ner" / "nerui").is_dir():
        pytest.skip("../shared/ner is not here")
    model = tmp_path / "ner-id.crfsuite"
    result = runner.invoke(app, ["train-ner", "--lang", "id", "--data", str(SHARED / "ner"), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert model.read_bytes() == (data_dir() / "models" / "ner-id.crfsuite").read_bytes(), \
        "the shipped recogniser is not what kg train-ner --lang id gives today: retrain the recognisers"


def test_leaving_out_features_the_model_never_learnt_changes_no_tag(monkeypatch):
    """A recogniser that has tagged enough sentences passes crfsuite only the features its model knows (the
    rest it would look up and drop): every tag, of either language and of the event recogniser, stays the same."""
    import kg.nlp.ner as ner
    from kg.nlp.ner import events

    sentences = {"en": ["Indonesian Foreign Minister Retno Marsudi met Zbigniew Qwertyuiop in Jakarta on Monday .",
                        "The Xylophonia Coast Guard and Interpol signed a memorandum in Lyon ."],
                 "id": ["Kepala BNPT Komjen Pol Boy Rafli Amar bertemu Zbigniew Qwertyuiop di Jakarta .",
                        "Rapat Kerja Komisi III DPR RI dihadiri Kapolri Jenderal Listyo Sigit Prabowo ."]}

    def tags(amortise: int) -> list[list[str]]:
        monkeypatch.setattr(ner, "AMORTISE", amortise)
        out = []
        for language, texts in sentences.items():
            recogniser = ner.Recogniser(ner.model_path(language), language)
            occasions = events.EventRecogniser(events.model_path())
            for words in (t.split() for t in texts):
                out += [recogniser.tag(words), occasions.tag(words, language)]
            assert (recogniser.known is not None) == (amortise == 0)
        return out

    assert tags(0) == tags(10**9)
