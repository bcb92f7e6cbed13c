"""How well kg's reader keeps a page's story and leaves out the rest, counted like trafilatura's tests/evaluate.py.

    python bench/web_eval.py SNIPPETS [PAGES_DIR]

SNIPPETS is a JSON file ``{"page.html": {"with": [...], "without": [...]}, ...}`` (snippets of main text that
must be kept, of boilerplate that must not), or trafilatura's ``tests/evaldata.py`` (its ``EVAL_PAGES``, with
the pages in ``tests/cache/``). The pages are built with ``kg build`` (from the ``kg`` that ``python -m kg``
imports: set PYTHONPATH to compare two trees) and each article's text is read back with ``kg query``
(``nif:isString``). A kept "with" snippet is a true positive, a missing one a false negative; a kept "without"
snippet a false positive. A page kg skips counts all its "with" snippets as missed.
"""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def load(snippets: Path) -> dict[str, dict]:
    if snippets.suffix == ".py":
        return {page["file"]: page for page in runpy.run_path(str(snippets))["EVAL_PAGES"].values()}
    return json.loads(snippets.read_text(encoding="utf-8"))


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def main(snippets: Path, pages: Path) -> None:
    expected = load(snippets)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "pages", Path(tmp) / "out"
        src.mkdir()
        ids = {}
        for number, name in enumerate(sorted(expected)):
            if (pages / name).is_file():
                ids[f"p{number:04d}"] = name
                shutil.copy(pages / name, src / f"p{number:04d}.html")
        build = kg("build", str(src), "--out", str(out), "--fresh", "-q")
        if build.returncode != 0 and "no article could be read" not in build.stderr:
            sys.exit(build.stderr)
        query = kg("query", "SELECT ?id ?t WHERE { ?a kg:articleId ?id ; nif:isString ?t }", "--graph", str(out),
                   "--format", "json")
        rows = json.loads(query.stdout)["results"]["bindings"] if query.returncode == 0 else []
        texts = {row["id"]["value"]: row["t"]["value"] for row in rows}
    tp = fn = fp = tn = 0
    for article_id, name in ids.items():
        text = texts.get(article_id)
        for snippet in expected[name].get("with", []):
            if text is not None and snippet in text:
                tp += 1
            else:
                fn += 1
        for snippet in expected[name].get("without", []):
            if text is not None and snippet in text:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    skipped = len(ids) - len(set(ids) & set(texts))
    print(f"pages {len(ids)} (missing {len(expected) - len(ids)}), skipped {skipped}; snippets with {tp + fn}, without {fp + tn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (TP {tp} FN {fn} FP {fp} TN {tn})")
    for line in build.stderr.splitlines():
        print(line)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    given = Path(sys.argv[1])
    main(given, Path(sys.argv[2]) if len(sys.argv) > 2 else given.parent)
