"""Quads as N-Quads text: how an extraction process hands its article to the process that writes the store.

Text crosses a process boundary cheaply, and Oxigraph both writes it (from the pyoxigraph quads the mapping
makes) and parses it (``Store.load``, one transaction per article) in Rust.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox


def to_nquads(quads: Iterable[ox.Quad]) -> str:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")  # type: ignore[union-attr]
