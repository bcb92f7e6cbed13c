"""graph.html in a real browser (Playwright driving Debian's chromium), with every non-file request blocked."""

from __future__ import annotations

import os
import random
import shutil
import time

import networkx as nx
import pytest

from kg.network import EDGE_LABELS

REQUIRED = os.environ.get("KG_REQUIRE_BROWSER") == "1"  # set by .ci/run: in CI the browser test must run
CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if REQUIRED:
    assert CHROMIUM, "KG_REQUIRE_BROWSER=1 but no chromium on PATH"
    from playwright import sync_api as playwright
else:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium); set KG_CHROMIUM")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
MEETING = ("Kepala BNPT Budi Santoso bertemu Menteri Luar Negeri Jepang Taro Yamada di Jakarta pada 7 April. "
           "Keduanya sepakat bekerja sama memberantas terorisme.\n")
# How many nodes of a page are drawn: a copy of the WebGL node layer, read right after a synchronous render
PAINTED = """() => {
    window.kgSigma.refresh(); const src = window.kgSigma.getCanvases().nodes;
    const c = document.createElement('canvas'); c.width = src.width; c.height = src.height;
    const g = c.getContext('2d'); g.drawImage(src, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
IN_VIEW = """() => { const s = window.kgSigma, w = s.getDimensions(); const pts = window.kgView.shownNodeIds().map(id => {
    const a = window.kgGraph.getNodeAttributes(id); return s.graphToViewport({x: a.x, y: a.y}); });
    const xs = pts.map(p => p.x), ys = pts.map(p => p.y);
    return {inside: pts.every(p => p.x >= -1 && p.x <= w.width + 1 && p.y >= -1 && p.y <= w.height + 1),
            spanX: (Math.max(...xs) - Math.min(...xs)) / w.width, spanY: (Math.max(...ys) - Math.min(...ys)) / w.height}; }"""


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, path):  # type: ignore[no-untyped-def]
    """The page from file://, every other request refused and recorded, console errors recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.outside_requests, page.errors = [], []

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            page.outside_requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    page.ready_after = time.perf_counter() - started
    return page


@pytest.fixture(scope="module")
def page(sample_graph, browser):
    page = open_page(browser, sample_graph / "graph.html")
    yield page
    page.close()


@pytest.fixture(scope="module")
def meeting_page(tmp_path_factory, runner, browser):
    """A built article with a meeting dated "7 April" (no year) in Jakarta."""
    from kg.cli import app

    folder = tmp_path_factory.mktemp("meeting")
    (folder / "in").mkdir()
    (folder / "in" / "meeting.txt").write_text(MEETING, encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder / "in"), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    page = open_page(browser, folder / "out" / "graph.html")
    yield page
    page.close()


def synthetic(n_nodes: int, n_edges: int, seed: int = 3) -> nx.MultiDiGraph:
    """A graph of the size of a 1,000-article build, shaped as ``kg.network.from_rdf`` gives it (hubs included)."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    kinds = ["Person", "Organization", "Country", "Event", "Agreement"]
    for i in range(n_nodes):
        graph.add_node(f"n{i}", label=f"Actor {i}", type=kinds[i % 5], names=[f"Actor {i}", f"A{i}"], articles=[f"a{i % 1000}"])
    relations = ["meets", "signs", "attends", "holds_position", "cooperates_with"]
    for k in range(n_edges):
        s = f"n{int(rng.paretovariate(1.1)) % n_nodes if rng.random() < 0.5 else rng.randrange(n_nodes)}"
        relation = relations[k % 5]
        graph.add_edge(s, f"n{rng.randrange(n_nodes)}", key=f"f{k}", relation=relation, label=EDGE_LABELS[relation],
                       evidence=f"Sentence {k}.", article=f"a{k % 1000}", url="", date=f"2021-{1 + k % 12:02d}-01",
                       role="", place="")
    for i in range(0, n_nodes, 7):  # named but in no fact, as many entities of a real build are
        graph.add_node(f"lonely{i}", label=f"Lonely {i}", type="Person", names=[f"Lonely {i}"], articles=["a1"])
    return graph


@pytest.fixture(scope="module")
def big_page(tmp_path_factory, browser):
    """A 5,000-node page, the size of a 1,000-article build, written by the page writer kg build uses."""
    from kg.viz import render_html

    graph = synthetic(4300, 6000)
    path = tmp_path_factory.mktemp("big") / "graph.html"
    path.write_text(render_html(graph), encoding="utf-8")
    page = open_page(browser, path)
    page.graph = graph
    yield page
    page.close()


def test_page_makes_no_request_outside_the_file_and_logs_no_error(page, big_page):
    for p in (page, big_page):
        assert p.outside_requests == []
        assert p.errors == []


def test_every_node_is_drawn_on_the_canvas(page):
    ids = page.evaluate("window.kgView.shownNodeIds()")
    assert len(ids) == page.evaluate("window.kgView.nodes.length") >= 10
    assert page.evaluate(IN_VIEW)["inside"]
    assert page.evaluate(PAINTED) > 1000


def test_legend_lists_the_types_drawn_and_places_are_not_nodes(page):
    legend = page.inner_text("#legend")
    for kind in ("Person", "Organization", "Country", "Event", "Agreement"):
        assert kind in legend
    kinds = page.evaluate("window.kgView.nodes.filter(n => n.degree === 0).map(n => n.kind)")
    assert "Place" not in kinds  # a place in no fact is a property of facts, not a lone node


def test_search_lists_every_match_and_says_when_there_is_none(page):
    page.fill("#search", "terorisme")
    listed = page.eval_on_selector_all("#matches button.match", "els => els.map(e => e.textContent)")
    expected = page.evaluate("window.kgView.nodes.filter(n => n.names.some(x => x.toLowerCase().includes('terorisme'))).length")
    assert expected >= 1 and len(listed) >= expected
    page.fill("#search", "BNPT")
    page.press("#search", "Enter")
    details = page.inner_text("#details")
    assert "Badan Nasional Penanggulangan Terorisme" in details
    quotes = page.eval_on_selector_all("#details blockquote", "els => els.map(e => e.textContent)")
    assert any("BNPT" in q for q in quotes)
    page.fill("#search", "zzz no such actor")
    assert page.eval_on_selector_all("#matches button.match", "els => els.length") == 0
    assert "No node or place is named" in page.inner_text("#matches")


def test_relation_filter_hides_nodes_as_well_as_edges_and_refits(page):
    everything = len(page.evaluate("window.kgView.shownNodeIds()"))
    for box in page.query_selector_all("#relations input"):
        if box.get_attribute("value") != "signed":
            box.uncheck()
    shown = page.evaluate("window.kgView.shownNodeIds()")
    assert 2 <= len(shown) < everything
    each_signed = page.evaluate("""() => { const F = window.kgView.facts, N = window.kgView.nodes;
        return window.kgView.shownNodeIds().every(id => F.some(f => f.relation === 'signed' && (N[f.s].id === id || N[f.o].id === id))); }""")
    assert each_signed  # a node with no signing left is hidden, not left alone on the canvas
    assert page.evaluate("window.kgView.shownFactCount()") == page.evaluate("window.kgView.facts.filter(f => f.relation === 'signed').length")
    view = page.evaluate(IN_VIEW)
    assert view["inside"] and max(view["spanX"], view["spanY"]) > 0.5  # the camera framed what is left
    page.click("#reset")
    assert len(page.evaluate("window.kgView.shownNodeIds()")) == everything


def test_a_meeting_has_no_arrow_and_its_month_day_date_reads_as_a_date(meeting_page):
    page = meeting_page
    kinds = page.evaluate("""() => window.kgView.facts.map((f, i) => [f.relation, window.kgGraph.getEdgeAttribute('f' + i, 'type')])""")
    assert ["met", "line"] in kinds  # drawn as a line: a meeting has no direction
    assert any(k == "arrow" for r, k in kinds if r == "holds post in")
    page.fill("#search", "Budi Santoso")
    page.press("#search", "Enter")
    details = page.inner_text("#details")
    assert "7 April, year unknown" in details and "--04-07" not in details
    assert "in Jakarta" in details  # the place of the meeting, not a node
    page.fill("#search", "Jakarta")
    assert "(place)" in page.inner_text("#matches")


def test_neighbourhood_of_a_node_in_the_page(meeting_page):
    page = meeting_page
    page.fill("#search", "Budi Santoso")
    page.press("#search", "Enter")
    page.click("#details button[data-hops='1']")
    shown = page.evaluate("window.kgView.shownNodeIds().map(id => window.kgGraph.getNodeAttribute(id, 'label'))")
    assert "Budi Santoso" in shown and "Taro Yamada" in shown
    assert "Jepang" not in shown  # two steps away (through Taro Yamada)
    page.click("#details button[data-hops='2']")
    assert "Jepang" in page.evaluate("window.kgView.shownNodeIds().map(id => window.kgGraph.getNodeAttribute(id, 'label'))")
    page.click("#reset")


def test_a_thousand_article_sized_page_draws_every_node_and_filters(big_page):
    page, graph = big_page, big_page.graph
    assert len(page.evaluate("window.kgView.shownNodeIds()")) == graph.number_of_nodes()
    assert page.evaluate(IN_VIEW)["inside"]
    assert page.evaluate(PAINTED) > 5000
    labels = page.evaluate("window.kgView.labelsDrawn()")
    assert labels and not any(a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
                              for i, a in enumerate(labels) for b in labels[i + 1:])  # no two labels overlap
    page.fill("#mindegree", "5")
    page.dispatch_event("#mindegree", "change")
    shown = page.evaluate("window.kgView.shownNodeIds()")
    strong = {n for n in graph if graph.degree(n) >= 5}
    assert set(shown) == strong
    view = page.evaluate(IN_VIEW)
    assert view["inside"] and max(view["spanX"], view["spanY"]) > 0.5
    page.fill("#mindegree", "0")
    page.dispatch_event("#mindegree", "change")
    page.fill("#search", "actor 12")
    listed = page.eval_on_selector_all("#matches button.match", "els => els.length")
    assert listed == sum(1 for n, d in graph.nodes(data=True) if any("actor 12" in x.lower() for x in d["names"]))


def test_text_from_articles_cannot_run_code_in_the_page(tmp_path, runner, browser):
    from kg.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    hostile = ('Kepala BNPT Budi <script>window.__pwned=1</script> Santoso bertemu Menteri Luar Negeri Jepang '
               'Taro "><img src=x onerror="window.__pwned=2"> Yamada di Jakarta. "</script><script>window.__pwned=3</script>," '
               'kata Budi Santoso.\n')
    (folder / "hostile.txt").write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--out", str(out)]).exit_code == 0
    page = open_page(browser, out / "graph.html")
    for node in page.evaluate("window.kgView.shownNodeIds()"):  # open every side panel: evidence goes into the page
        page.evaluate("(id) => window.kgView.select(id)", node)
    page.fill("#search", "BNPT")
    page.press("#search", "Enter")
    assert "window.__pwned" in page.inner_text("#details")  # shown as text, not run
    assert page.evaluate("window.__pwned === undefined")
    assert page.errors == []
    page.close()


def test_pyvis_network_of_a_neighbourhood_for_notebooks(sample_graph):
    from pyvis.network import Network

    from kg.viz import pyvis_network

    net = pyvis_network(sample_graph, focus="Elizabeth Truss", hops=1)
    assert isinstance(net, Network)
    labels = {n["label"] for n in net.nodes}
    assert {"Elizabeth Truss", "Boy Rafli Amar"} <= labels
    assert "Badan Intelijen Strategis" not in labels  # two steps away
    arrows = {e["relation"]: e["arrows"] for e in net.edges}
    assert arrows["met"] == "" and arrows["holds post in"] == "to"


def test_view_focus_with_pyvis_writes_an_offline_vis_network_page(runner, sample_graph, browser, monkeypatch):
    from kg.cli import app

    monkeypatch.setattr("webbrowser.open", lambda *a, **k: True)
    result = runner.invoke(app, ["view", "--graph", str(sample_graph), "--focus", "Elizabeth Truss", "--hops", "1", "--pyvis"])
    assert result.exit_code == 0, result.output
    page = open_page(browser, sample_graph / "view.html")
    names = page.evaluate("window.kgNodes.get().map(n => n.label)")
    assert "Boy Rafli Amar" in names and "Badan Intelijen Strategis" not in names
    page.fill("#search", "a")
    page.press("#search", "Enter")
    listed = page.eval_on_selector_all("#matches button.match", "els => els.length")
    assert listed == page.evaluate("window.kgNodes.get().filter(n => n.names.some(x => x.toLowerCase().includes('a'))).length") > 1
    page.fill("#search", "zzz no such actor")
    page.press("#search", "Enter")
    assert "No node is named" in page.inner_text("#matches")
    assert page.outside_requests == [] and page.errors == []
    page.close()


def test_one_graph_always_gives_the_same_page(sample_graph):
    """The layout and communities are seeded: rebuilding a graph does not reshuffle the picture a reader knows."""
    from kg.network import from_rdf
    from kg.rdf.store import open_dataset
    from kg.viz import render_html

    dataset = open_dataset(sample_graph)
    try:
        graph = from_rdf(dataset)
    finally:
        dataset.close()
    assert render_html(graph) == render_html(graph) == (sample_graph / "graph.html").read_text(encoding="utf-8")
