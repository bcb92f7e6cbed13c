"""Stage 4, rdf: an ``ExtractedArticle`` in; its quads in its own named graph out, under the kg ontology.

Needs resolved entities and claims with evidence; adds IRIs (deterministic, one node per actor),
typed dates, provenance (NIF evidence sentences in their article) and the persistent Oxigraph store.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import ExtractedArticle
from kg.rdf.mapping import Quad, to_quads

__all__ = ["run"]


def run(extracted: ExtractedArticle) -> Iterator[Quad]:
    return to_quads(extracted)
