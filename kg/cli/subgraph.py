"""``kg view --focus`` and ``--construct``: a page for part of the graph."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError


def subgraph_page(graph: Path, focus: str | None, hops: int, construct: str | None, pyvis: bool = False) -> Path:
    """Writes view.html (sigma, or vis-network through pyvis with ``pyvis``) and returns its path."""
    import pyoxigraph as ox

    from kg.network import from_rdf
    from kg.query import resolve_query, run_query
    from kg.rdf.store import open_dataset
    from kg.viz import render_html, render_vis_html
    from kg.viz.focus import around

    dataset = open_dataset(graph)
    try:
        full = from_rdf(dataset)
        keep: set[str] = set(full.nodes)
        if construct:
            result = run_query(dataset, resolve_query(construct))
            if not isinstance(result, ox.QueryTriples):
                raise KgError("--construct needs a SPARQL CONSTRUCT query")
            keep = {t.value for triple in result for t in (triple.subject, triple.object)} & set(full.nodes)
    finally:
        dataset.close()
    if focus:
        keep &= set(around(full, focus, hops).nodes)
    if not keep:
        raise KgError("the sub-graph is empty")
    sub = full.subgraph(keep).copy()
    page = graph / "view.html"
    tmp = graph / ".view.html.tmp"
    title = f"kg: around {focus} ({hops} hops)" if focus else "kg: sub-graph"
    tmp.write_text((render_vis_html if pyvis else render_html)(sub, title=title), encoding="utf-8")
    tmp.replace(page)
    return page
