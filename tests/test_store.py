"""The persistent store: incremental builds, removal, and what a re-run processes."""

from __future__ import annotations

import shutil

import pytest

from kg.cli import app
from kg.resources import sample_article
from tests.conftest import DEV, sorted_nquads


def _articles(tmp_path, names):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        for suffix in (".txt", ".meta.json"):
            source = DEV / f"{name}{suffix}"
            if source.exists():
                shutil.copy(source, folder / f"{name}{suffix}")
    return folder


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not present")
def test_adding_one_article_processes_only_it_and_equals_a_clean_build(runner, tmp_path):
    names = sorted(p.stem for p in DEV.glob("*.txt"))
    folder = _articles(tmp_path, names)
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", str(folder), "--out", str(out), "--jobs", "1"])
    assert first.exit_code == 0, first.output
    assert f"articles: {len(names)} new, 0 changed, 0 unchanged" in first.output
    shutil.copy(sample_article(), folder / "extra.txt")
    again = runner.invoke(app, ["build", str(folder), "--out", str(out), "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert f"articles: 1 new, 0 changed, {len(names)} unchanged" in again.output
    clean = tmp_path / "clean"
    assert runner.invoke(app, ["build", str(folder), "--out", str(clean), "--jobs", "1"]).exit_code == 0
    assert sorted_nquads(runner, out) == sorted_nquads(runner, clean)
    for graph in (out, clean):  # no write-ahead log left for every reader to replay
        assert sum(f.stat().st_size for f in (graph / "store").glob("*.log")) < 64_000


def test_a_changed_article_replaces_its_graph_and_remove_drops_it(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kepala BNPT Budi Santoso bertemu Menlu Jepang Taro Yamada di Jakarta.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Kapolri Adi Nugroho menghadiri Sidang Umum Interpol di Bali.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--out", str(out)]).exit_code == 0
    (folder / "a.txt").write_text("Kepala BNPT Budi Santoso bertemu Menlu Korea Selatan Kim Min-jun di Jakarta.\n", encoding="utf-8")
    again = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert "articles: 0 new, 1 changed, 1 unchanged" in again.output
    people = runner.invoke(app, ["query", "SELECT DISTINCT ?n WHERE { ?p a kg:Person ; schema:name ?n }", "-g", str(out), "-f", "csv"])
    assert "Kim Min-jun" in people.output and "Taro Yamada" not in people.output
    removed = runner.invoke(app, ["remove", "a", "--graph", str(out)])
    assert removed.exit_code == 0 and "1 in the graph" in removed.output
    left = runner.invoke(app, ["query", "SELECT DISTINCT ?id WHERE { ?a kg:articleId ?id }", "-g", str(out), "-f", "csv"])
    assert left.output.split()[1:] == ["b"]
    assert "Kim Min-jun" not in (out / "graph.ttl").read_text(encoding="utf-8")
    missing = runner.invoke(app, ["remove", "zzz", "--graph", str(out)])
    assert missing.exit_code == 2 and missing.output.startswith("kg: error: ") and "zzz" in missing.output
    assert len(missing.output.strip().splitlines()) == 1
    assert "removed" not in missing.output and left.output == runner.invoke(app, [
        "query", "SELECT DISTINCT ?id WHERE { ?a kg:articleId ?id }", "-g", str(out), "-f", "csv"]).output  # nothing dropped


def test_fresh_starts_from_an_empty_store(runner, tmp_path):
    out = tmp_path / "out"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kapolri Adi Nugroho menghadiri Sidang Umum Interpol di Bali.\n", encoding="utf-8")
    assert runner.invoke(app, ["build", "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--fresh"])
    assert "; 1 in the graph" in result.output


def test_readers_do_not_lock_each_other_out(sample_graph):
    """Two terminals querying one graph at once (or kg query while kg export runs) both get answers."""
    import subprocess
    import sys

    from kg.rdf.store import open_dataset

    held = open_dataset(sample_graph)
    try:
        other = subprocess.run([sys.executable, "-m", "kg", "query", "ASK { ?s a kg:Meeting }", "--graph", str(sample_graph)],
                               capture_output=True, text=True, timeout=120)
        assert other.returncode == 0 and other.stdout.strip() == "true", other.stderr
        assert len(held) > 0
    finally:
        held.close()


def test_new_rules_reextract_everything_and_forget_what_only_the_old_rules_named(runner, tmp_path):
    """After a kg upgrade, an entity the old rules found and the new ones do not leaves no node behind."""
    import pyoxigraph as ox

    from kg.rdf.iri import ENTITIES_GRAPH
    from kg.rdf.store import BUILD_GRAPH

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kepala BNPT Budi Santoso bertemu Menlu Jepang Taro Yamada di Jakarta.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--out", str(out)]).exit_code == 0
    clean = sorted_nquads(runner, out)
    store = ox.Store(str((out / "store").resolve()))  # as the old rules left it: one more entity, another fingerprint
    ghost, graph = ox.NamedNode("https://w3id.org/kg-news/id/person/old-rules-ghost"), ox.NamedNode(str(ENTITIES_GRAPH))
    store.add(ox.Quad(ghost, ox.NamedNode("https://schema.org/name"), ox.Literal("Old Rules Ghost"), graph))
    fingerprint = ox.NamedNode("https://w3id.org/kg-news/ontology#extractorFingerprint")
    build = ox.NamedNode(str(BUILD_GRAPH))
    for quad in list(store.quads_for_pattern(build, fingerprint, None, build)):
        store.remove(quad)
    store.add(ox.Quad(build, fingerprint, ox.Literal("older-rules"), build))
    store.flush()
    del store
    again = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert again.exit_code == 0 and "articles: 1 new" in again.output
    assert sorted_nquads(runner, out) == clean
