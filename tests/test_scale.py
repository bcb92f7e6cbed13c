"""Corpus-scale building: parallel extraction gives the same graph, and shards merge into one build."""

from __future__ import annotations

import pytest

from kg.cli import app
from tests.conftest import sorted_nquads

ARTICLES = {
    "a": "Kepala BNPT Budi Santoso bertemu Menteri Luar Negeri Jepang Taro Yamada di Jakarta, Kamis (11/11/2021).",
    "b": "Kapolri Jenderal Adi Nugroho menghadiri Sidang Umum Interpol di Bali, Senin (12/3/2018).",
    "c": "Menlu Indonesia Sri Wahyuni dan Menlu Serbia Marko Petrovic menandatangani MoU Konsultasi Politik di Jakarta.",
    "d": "\"Kerja sama ini penting,\" kata Kepala BNPT Budi Santoso di Jakarta.",
    "e": "Indonesian Foreign Minister Sri Wahyuni met British Foreign Secretary Jane Doe in London on 7 April 2021.",
    "f": "Hadir dalam rapat ini Kepala BNPT Budi Santoso, Kapolri Adi Nugroho, dan Panglima TNI Hadi Wijaya.",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_jobs_give_the_same_graph_byte_for_byte(runner, corpus, tmp_path):
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / f"j{jobs}"), "--jobs", jobs])
        assert result.exit_code == 0, result.output
    assert sorted_nquads(runner, tmp_path / "j1") == sorted_nquads(runner, tmp_path / "j2")


def test_shards_split_the_input_and_merge_to_one_build(runner, corpus, tmp_path):
    assert runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "all")]).exit_code == 0
    seen = []
    for i in (1, 2, 3):
        result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / f"s{i}"), "--shard", f"{i}/3"])
        assert result.exit_code == 0 or "no article" in result.output
        if result.exit_code == 0:
            ids = runner.invoke(app, ["query", "SELECT ?id WHERE { ?a kg:articleId ?id }", "-g", str(tmp_path / f"s{i}"), "-f", "csv"])
            seen += ids.output.split()[1:]
    assert sorted(seen) == sorted(ARTICLES)  # every article in exactly one shard
    shards = [str(tmp_path / f"s{i}") for i in (1, 2, 3) if (tmp_path / f"s{i}" / "store").exists()]
    merged = runner.invoke(app, ["merge", *shards, "--out", str(tmp_path / "merged")])
    assert merged.exit_code == 0, merged.output
    assert sorted_nquads(runner, tmp_path / "merged") == sorted_nquads(runner, tmp_path / "all")


@pytest.mark.parametrize("spec, why", [("4/3", "I must be between 1 and N"), ("0/3", "I must be between 1 and N"),
                                       ("a/b", "expected I/N"), ("1/0", "I must be between 1 and N")])
def test_a_bad_shard_spec_is_one_message(runner, corpus, tmp_path, spec, why):
    result = runner.invoke(app, ["build", str(corpus), "--graph", str(tmp_path / "x"), "--shard", spec])
    assert result.exit_code == 2
    assert result.output.strip() == f"kg: error: --shard {spec!r}: {why}" + (", e.g. 1/4" if why == "expected I/N" else "")
    assert not (tmp_path / "x").exists()  # refused before anything is written


def test_the_graph_does_not_depend_on_the_hash_seed(corpus, tmp_path):
    """Worker processes get their own string hash seeds; nothing may depend on set order."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--quiet", "--jobs", "1"],
                       check=True, env=env)
        dump = subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nq", "--graph", str(out)],
                              check=True, env=env, capture_output=True, text=True)
        outputs.append(sorted(dump.stdout.splitlines()))
    assert outputs[0] == outputs[1]


def test_progress_shows_only_on_a_terminal(corpus, tmp_path, monkeypatch):
    from kg.cli.progress import ProgressBar

    lines: list[str] = []
    monkeypatch.setattr("sys.stderr.write", lines.append)
    bar = ProgressBar()
    bar(2, 4)  # a handful of articles: no progress line
    assert lines == []
    bar(50, 100)
    assert "50/100 articles" in lines[-1] and "/s" in lines[-1] and "s left" in lines[-1]
    import subprocess
    import sys

    piped = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "o")],
                           capture_output=True, text=True)
    assert piped.returncode == 0 and "/s" not in piped.stderr  # stderr is not a terminal: no progress line
