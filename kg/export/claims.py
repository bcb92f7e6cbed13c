"""The claims file of ``../shared/eval/README.md``, read back from the graph so it says exactly what the graph says."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from rdflib import Dataset

from kg.query import GraphRows, graph_rows
from kg.rdf.namespace import KG

TYPE_NAMES = {str(KG[name]): name for name in ("Person", "Organization", "Country", "Place", "Event", "Agreement")}


def claim_records(dataset: Dataset, rows: GraphRows | None = None) -> Iterator[dict[str, object]]:
    """The claims file's records; ``rows``, when given, are the graph's entities and facts already read."""
    rows = rows or graph_rows(dataset)
    names: dict[tuple[str, str], str] = {}
    for row in rows.entities:
        if row["type"] not in TYPE_NAMES:
            continue
        doc, entity, label = row["doc"] or "", row["entity"] or "", row["label"] or ""
        names[(doc, entity)] = label
        yield {"doc": doc, "kind": "entity", "name": label, "type": TYPE_NAMES[row["type"]],
               "aliases": sorted(a for a in (row["aliases"] or "").split("\u001f") if a)}
    for values in rows.facts:
        doc = values["doc"] or ""

        def name(key: str) -> str | None:
            value = values.get(key)
            return names.get((doc, value)) if value is not None else None

        yield {"doc": doc, "kind": "claim", "relation": values["relation"], "subject": name("s"),
               "object": name("o"), "role": values.get("role"), "date": values.get("date"), "place": name("place"),
               "evidence": values["evidence"], "rule": values["rule"], "confidence": float(values["confidence"] or 0)}


def write_claims(dataset: Dataset, out: BinaryIO, rows: GraphRows | None = None) -> None:
    for record in claim_records(dataset, rows):
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
