"""Stage 4, rdf: an ``ExtractedArticle`` in; its quads in its own named graph out, under the kg ontology.

Needs resolved entities and claims with evidence; adds IRIs (deterministic, one node per actor),
typed dates, provenance (NIF evidence sentences in their article) and the persistent Oxigraph store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.model import ExtractedArticle

if TYPE_CHECKING:
    from kg.rdf.mapping import Quad

__all__ = ["run"]


def run(extracted: ExtractedArticle) -> Iterator[Quad]:
    from kg.rdf.mapping import to_quads  # here, so readers of the store (kg.rdf.location) never load rdflib

    return to_quads(extracted)
