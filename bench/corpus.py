"""Make N realistic synthetic articles for benchmarks, from the dev articles of ../shared/eval.

Usage: python bench/corpus.py N [OUT_DIR]   (default OUT_DIR: a new temporary folder; its path is printed)

Each article recombines the sentences of one dev article of the same language with those of another, and
substitutes the people the gold annotation names with generated names, and dates with other dates, so that
the corpus has the genre's sentence structure but thousands of distinct actors and days. Written outside
the repository: the dev text is never copied into it.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.nlp.tokens import split_sentences

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
FIRST = ["Agus", "Bambang", "Budi", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indra", "Joko", "Kartika", "Lestari",
         "Maya", "Nur", "Putri", "Rudi", "Sari", "Teguh", "Wahyu", "Yusuf", "Andi", "Rina", "Heru", "Wulan", "Dimas"]
LAST = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Pratama", "Siregar", "Harahap", "Nasution",
        "Sitompul", "Lubis", "Simanjuntak", "Gunawan", "Setiawan", "Purnomo", "Halim", "Rahman", "Syahputra", "Tanjung"]
NUMERIC_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})(/(\d{4}))?\)")


def _sources() -> list[tuple[str, list[str], list[str]]]:
    """(language, sentences, people's names) per dev article."""
    found = []
    for text_path in sorted(DEV.glob("*.txt")):
        gold = text_path.with_suffix(".json")
        people: list[str] = []
        language = "id"
        if gold.is_file():
            data = json.loads(gold.read_text(encoding="utf-8"))
            language = data.get("language") or language
            for entity in data["entities"]:
                if entity["type"] == "Person":
                    people += [entity["name"], *entity.get("aliases", [])]
        text = text_path.read_text(encoding="utf-8")
        longest_first = sorted(set(people), key=lambda name: (-len(name), name))  # ties by name: the same corpus every run
        found.append((language, [s.text for s in split_sentences(text)], longest_first))
    return found


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"


def make(n: int, out: Path, seed: int = 13) -> Path:
    rng = random.Random(seed)
    sources = _sources()
    if not sources:
        sys.exit(f"{DEV}: no dev articles to recombine")
    out.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        language, sentences, people = rng.choice(sources)
        same = [s for s in sources if s[0] == language]
        _, other, other_people = rng.choice(same)
        cut = rng.randint(1, max(1, len(sentences) - 1))
        body = sentences[:cut] + other[rng.randint(0, max(0, len(other) - 3)):][:rng.randint(2, 6)]
        text = "\n".join(body)
        for name in [*people, *other_people]:
            if len(name) > 3:
                text = text.replace(name, _person(rng))
        year = rng.randint(2015, 2025)
        text = NUMERIC_DATE.sub(lambda m: f"({rng.randint(1, 28)}/{rng.randint(1, 12)}" + (f"/{year})" if m.group(3) else ")"), text)
        name = f"art-{k:06d}"
        (out / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        meta = {"published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "url": f"https://example.org/{name}"}
        (out / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def built_graph(count: int, folder: Path) -> Path:
    """A graph built from ``count`` generated articles in ``folder`` (the corpus and the graph beside it)."""
    corpus = make(count, folder / "corpus")
    graph = folder / "graph"
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--graph", str(graph), "--fresh", "--quiet"], check=True)
    return graph


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="kg-corpus-"))
    print(make(n, out))


if __name__ == "__main__":
    main()
