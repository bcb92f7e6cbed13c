"""How fast graph.html (sigma.js, WebGL) and the pyvis page (vis-network) paint and answer in headless Chromium.

Usage: python bench/view_large.py [NODES[,NODES...]] [EDGES_PER_NODE] [--pages sigma,vis] [--page FILE.html]
   (default: 5000 nodes, 4 edges per node: the 5,000-node / 20,000-edge page; sigma only)
   e.g. python bench/view_large.py 100,1000,5000 4 --pages sigma,vis
        python bench/view_large.py --page GRAPH_DIR/graph.html      (a built page, e.g. of 1,000 articles)

Builds a synthetic graph (random but seeded, with hubs as in news), renders it with the same code as
``kg build`` (every node), opens it from file:// in Debian's chromium through Playwright with every
non-file request blocked, and prints: time to the first paint (Chromium's first-contentful-paint) and until
the graph is drawn (sigma page: the frame after its WebGL draw) and until the page answers (``window.kgReady``,
then a round trip to the page's main thread, which a long task would hold up), one interaction (a filter applied and the
camera re-fitted, for sigma; a redraw for vis-network), console errors and requests that tried to leave.
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

from kg.network import EDGE_LABELS
from kg.viz import render_html, render_vis_html

TYPES = ["Person", "Organization", "Country", "Event", "Agreement"]
RELATIONS = ["meets", "signs", "attends", "holds_position", "cooperates_with"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def synthetic(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph shaped like ``kg.network.from_rdf``'s: typed, named nodes; facts with relation, article, date."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(n_nodes):
        name = f"Node {i}"
        graph.add_node(f"n{i}", label=name, type=rng.choice(TYPES), names=[name, f"N{i}"], articles=[f"a{i % 500}"])
    for k in range(n_edges):
        # preferential attachment-ish: hubs exist, as in news
        s = f"n{int(rng.paretovariate(1.2)) % n_nodes if rng.random() < 0.5 else rng.randrange(n_nodes)}"
        o = f"n{rng.randrange(n_nodes)}"
        relation = rng.choice(RELATIONS)
        graph.add_edge(s, o, key=f"e{k}", relation=relation, label=EDGE_LABELS[relation], evidence=f"Sentence {k}.",
                       article=f"a{k % 500}", url="", date=f"2021-{1 + k % 12:02d}-{1 + k % 28:02d}", role="", place="")
    return graph


def measure(browser, page_path: Path, kind: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (outside.append(r.request.url), r.abort()))
    started = time.perf_counter()
    page.goto(page_path.as_uri(), wait_until="commit", timeout=600_000)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=600_000)
    page.evaluate("1")  # answered only once the main thread is free: the page takes input from here on
    ready = time.perf_counter() - started
    paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime") / 1000
    drawn = page.evaluate("window.kgTimes ? window.kgTimes.frame : NaN") / 1000
    started = time.perf_counter()
    if kind == "sigma":
        page.evaluate("document.querySelector('#mindegree').value = '3'; document.querySelector('#mindegree').dispatchEvent(new Event('change'))")
    else:
        page.evaluate("window.kgNetwork.redraw()")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))")
    action = time.perf_counter() - started
    page.close()
    return {"paint": paint, "drawn": drawn, "ready": ready, "action": action, "errors": len(errors), "outside": len(outside),
            "first_error": errors[0] if errors else ""}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    pages = ["sigma"]
    built = None
    if "--pages" in sys.argv:
        pages = sys.argv[sys.argv.index("--pages") + 1].split(",")
        args.remove(sys.argv[sys.argv.index("--pages") + 1])
    if "--page" in sys.argv:
        built = Path(sys.argv[sys.argv.index("--page") + 1]).resolve()
        args.remove(sys.argv[sys.argv.index("--page") + 1])
    sizes = [int(x) for x in args[0].split(",")] if args else [5000]
    per_node = float(args[1]) if len(args) > 1 else 4.0
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("no chromium on PATH (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        jobs = [("sigma", built, "built page")] if built else []
        for n in [] if built else sizes:
            graph = synthetic(n, int(n * per_node))
            for kind in pages:
                started = time.perf_counter()
                html = (render_html if kind == "sigma" else render_vis_html)(graph)
                path = Path(tmp) / f"{kind}-{n}.html"
                path.write_text(html, encoding="utf-8")
                jobs.append((kind, path, f"{n} nodes, {graph.number_of_edges()} edges, written in "
                                         f"{time.perf_counter() - started:.1f} s, {len(html) / 1e6:.1f} MB"))
        for kind, path, what in jobs:
            m = measure(browser, path, kind)
            print(f"{kind:5} {what}: first paint {m['paint']:.2f} s, graph drawn {m['drawn']:.2f} s, interactive {m['ready']:.2f} s, "
                  f"{'filter + re-fit' if kind == 'sigma' else 'redraw'} {m['action'] * 1000:.0f} ms, "
                  f"console errors {m['errors']}{' (' + m['first_error'][:80] + ')' if m['errors'] else ''}, "
                  f"requests leaving {m['outside']}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
