from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once, as the README's first command builds it."""
    out = tmp_path_factory.mktemp("sample")
    result = CliRunner().invoke(app, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def read_claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def proposed_posts(text: str, language: str) -> set[tuple[str, str, str | None, str]]:
    """(person, body, role, rule) of every post proposed in a one-article text: the rules' verdicts and the
    relation model's candidates."""
    from kg import extract, nlp
    from kg.model import Article

    proposals = extract.propose_all(nlp.run(Article(id="t", text=text, source="test", published=None, language=language)))
    names = {key: e.name for key, e in proposals.entities.items()}
    return {(names[c.subject], names[c.object], c.role, c.rule) for c in proposals.claims
            if c.relation == "holds_position" and c.object}


def sorted_nquads(runner: CliRunner, graph: Path) -> list[str]:
    """The built graph as sorted N-Quads lines: two graphs are equal when these are."""
    result = runner.invoke(app, ["export", "--format", "nq", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    return sorted(line for line in result.output.splitlines() if line.strip())


@pytest.fixture(scope="session")
def dev_graph(tmp_path_factory: pytest.TempPathFactory, sample_graph: Path) -> Path:
    """The dev articles of ../shared built once; the bundled sample where ../shared is absent."""
    if not DEV.is_dir():
        return sample_graph
    out = tmp_path_factory.mktemp("dev")
    result = CliRunner().invoke(app, ["build", str(DEV), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out
