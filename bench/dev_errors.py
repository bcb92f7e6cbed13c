"""List what the scorer counts as wrong on ../shared/eval/dev: entities and claims per document.

Usage: python bench/dev_errors.py SYSTEM_CLAIMS.jsonl [DOC ...]
Prints, per document, the system entities no gold entity matches (FP), the gold entities nothing matched
(FN), and the same for claims. The matching is the scorer's own (imported from ../shared/eval/score.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> None:
    if not (EVAL / "score.py").is_file():
        sys.exit(f"{EVAL}: scorer not found")
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    score = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(score)
    gold = score.load_gold([str(EVAL / "dev")])
    system = score.load_system(sys.argv[1])
    wanted = set(sys.argv[2:])
    for doc_id, g in sorted(gold.items()):
        if wanted and doc_id not in wanted:
            continue
        sysd = system.get(doc_id, {"entity": [], "claim": []})
        lines = []
        seen = set()
        for e in sysd["entity"]:
            i = g.match(e.get("name", ""), e.get("type"))
            if i is None or i in seen:
                lines.append(f"  FP entity {e.get('type')}: {e.get('name')}" + (" (duplicate)" if i is not None else ""))
            elif g.entities[i]["type"] != e.get("type"):
                lines.append(f"  TYPE entity {e.get('name')}: {e.get('type')} vs {g.entities[i]['type']}")
            if i is not None:
                seen.add(i)
        for i, e in enumerate(g.entities):
            if i not in seen:
                lines.append(f"  FN entity {e['type']}: {e['name']}")
        found = set()
        for c in sysd["claim"]:
            s = g.match(c.get("subject") or "")
            o = g.match(c["object"]) if c.get("object") else None
            key = g.key(c.get("relation"), s, o)
            if key in g.claims:
                found.add(key)
                gc = g.claims[key][0]
                for q in ("date", "place", "role"):
                    if gc.get(q) and gc.get(q) != c.get(q):
                        lines.append(f"  {q.upper()} {c['relation']} {c.get('subject')} -> {c.get('object')}: {c.get(q)} vs {gc.get(q)}")
            else:
                lines.append(f"  FP claim {c.get('relation')}: {c.get('subject')} -> {c.get('object')} [{c.get('rule', '')}] {str(c.get('evidence', ''))[:100]}")
        for key, cs in g.claims.items():
            if key not in found:
                c = cs[0]
                lines.append(f"  FN claim {c['relation']}: {c['subject']} -> {c.get('object')}")
        print(f"doc {doc_id} ({g.language})")
        print("\n".join(lines) if lines else "  all correct")


if __name__ == "__main__":
    main()
