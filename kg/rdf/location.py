"""Where a build keeps its store, and how a reader opens it: read-only, without a lock and without rdflib.

Any number of readers (``kg query``, ``kg serve``, an export) can open one store at once, also while a build
works on its own copy; ``kg query`` imports nothing of rdflib and starts in half the time.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from kg.errors import GraphNotFoundError

STORE_DIR = "store"


def require_store(graph_dir: Path) -> Path:
    """The store folder a build left in ``graph_dir``; a clear error when there is none."""
    store = graph_dir / STORE_DIR
    if not store.is_dir():
        raise GraphNotFoundError(f"{graph_dir}: no built graph here; run 'kg build' first or pass --graph DIR")
    return store


def open_store(graph_dir: Path) -> pyoxigraph.Store:
    """The store a build left in ``graph_dir``, read-only."""
    store = require_store(graph_dir)
    try:
        return pyoxigraph.Store.read_only(str(store))
    except OSError as exc:
        raise GraphNotFoundError(f"{store}: cannot open the store ({exc})") from exc
