"""The claims file of ``../shared/eval/README.md``, read back from the graph so it says exactly what the graph says."""

from __future__ import annotations

import json
from collections.abc import Iterator

from rdflib import Dataset

from kg.query import internal_query, run_query
from kg.rdf.namespace import KG

TYPE_NAMES = {str(KG[name]): name for name in ("Person", "Organization", "Country", "Place", "Event", "Agreement")}


def claim_records(dataset: Dataset) -> Iterator[dict[str, object]]:
    names: dict[tuple[str, str], str] = {}
    for row in run_query(dataset, internal_query("entities")):
        doc, entity, etype, label, aliases = (str(v) if v is not None else "" for v in row)
        if etype not in TYPE_NAMES:
            continue
        names[(doc, entity)] = label
        yield {"doc": doc, "kind": "entity", "name": label, "type": TYPE_NAMES[etype],
               "aliases": sorted(a for a in aliases.split("\u001f") if a)}
    for row in run_query(dataset, internal_query("facts")):
        values = row.asdict()  # type: ignore[union-attr]
        doc = str(values["doc"])

        def name(key: str) -> str | None:
            value = values.get(key)
            return names.get((doc, str(value))) if value is not None else None

        yield {"doc": doc, "kind": "claim", "relation": str(values["relation"]), "subject": name("s"),
               "object": name("o"), "role": str(values["role"]) if values.get("role") is not None else None,
               "date": str(values["date"]) if values.get("date") is not None else None, "place": name("place"),
               "evidence": str(values["evidence"]), "rule": str(values["rule"]),
               "confidence": float(values["confidence"])}  # type: ignore[arg-type]


def write_claims(dataset: Dataset) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in claim_records(dataset))
