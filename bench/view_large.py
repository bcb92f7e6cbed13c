"""How long a large graph.html takes to become stable and drawn in headless Chromium.

Usage: python bench/view_large.py [NODES] [EDGES]   (default 5000 nodes, 20000 edges)
Builds a synthetic graph (random but seeded), renders it with the same code as ``kg build`` (no view
limit), opens it from file:// in Debian's chromium through Playwright with the network blocked, and prints
the time until the page reports the layout frozen and drawn (``window.kgReady``).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from kg.viz import render_html

TYPES = ["Person", "Organization", "Country", "Place", "Event", "Agreement"]
RELATIONS = ["met", "signed", "attended", "holds post in", "cooperates with"]


def synthetic(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(n_nodes):
        name = f"Node {i}"
        graph.add_node(f"n{i}", label=name, type=rng.choice(TYPES), names=[name], articles=[f"a{i % 500}"])
    for k in range(n_edges):
        # preferential attachment-ish: hubs exist, as in news
        s = f"n{int(rng.paretovariate(1.2)) % n_nodes if rng.random() < 0.5 else rng.randrange(n_nodes)}"
        o = f"n{rng.randrange(n_nodes)}"
        graph.add_edge(s, o, key=f"e{k}", label=rng.choice(RELATIONS), evidence=f"Sentence {k}.", article=f"a{k % 500}",
                       url="", date=f"2021-{1 + k % 12:02d}-{1 + k % 28:02d}", role="")
    return graph


def main() -> None:
    n_nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    n_edges = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("no chromium on PATH (apt-get install chromium)")
    started = time.perf_counter()
    html = render_html(synthetic(n_nodes, n_edges), limit=0)
    render = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "graph.html"
        page_path.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=300_000, polling=100)
            ready = time.perf_counter() - started
            started = time.perf_counter()
            page.evaluate("window.kgNetwork.redraw()")
            page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
            redraw = time.perf_counter() - started
            browser.close()
    print(f"graph: {n_nodes} nodes, {n_edges} edges; page {len(html) / 1e6:.1f} MB, rendered by kg in {render:.1f} s")
    print(f"stable and drawn in headless Chromium: {ready:.1f} s")
    print(f"one redraw after freezing (responsiveness): {redraw * 1000:.0f} ms")


if __name__ == "__main__":
    main()
