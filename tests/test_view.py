"""graph.html in a real browser (Playwright driving Debian's chromium), with every non-file request blocked."""

from __future__ import annotations

import os
import shutil

import pytest

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


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(sample_graph, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto((sample_graph / "graph.html").resolve().as_uri())
    page.wait_for_function("window.kgReady === true", timeout=30_000)
    page.outside_requests = outside
    yield page
    page.close()


def test_page_makes_no_request_outside_the_file(page):
    assert page.outside_requests == []


def test_canvas_draws_the_nodes(page):
    assert page.evaluate("window.kgNodes.length") >= 10
    painted = page.evaluate("""() => {
        const c = document.querySelector('#graph canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert painted > 1000


def test_legend_lists_the_types_present(page):
    legend = page.inner_text("#legend")
    for kind in ("Person", "Organization", "Country", "Event", "Agreement", "Place"):
        assert kind in legend


def test_search_focuses_bnpt_and_a_click_shows_its_evidence(page):
    page.fill("#search", "BNPT")
    page.press("#search", "Enter")
    selected = page.evaluate("window.kgNetwork.getSelectedNodes()")
    bnpt = page.evaluate("window.kgNodes.get({filter: n => n.names.indexOf('BNPT') >= 0})[0].id")
    assert bnpt in selected
    page.click("#graph canvas", position={"x": 5, "y": 5})  # click empty space: the panel resets to nothing
    box = page.query_selector("#graph canvas").bounding_box()
    point = page.evaluate("(id) => window.kgNetwork.canvasToDOM(window.kgNetwork.getPositions([id])[id])", bnpt)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    details = page.inner_text("#details")
    assert "Badan Nasional Penanggulangan Terorisme" in details
    quotes = page.eval_on_selector_all("#details blockquote", "els => els.map(e => e.textContent)")
    assert any("BNPT" in q for q in quotes)


def test_relation_filter_hides_edges(page):
    page.uncheck("#relations input[value='attended']")
    hidden = page.evaluate("window.kgEdges.get({filter: e => e.hidden}).map(e => e.relation)")
    assert hidden and set(hidden) == {"attended"}
    page.check("#relations input[value='attended']")


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
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto((out / "graph.html").resolve().as_uri())
    page.wait_for_function("window.kgReady === true", timeout=30_000)
    for node in page.evaluate("window.kgNodes.getIds()"):  # open every side panel: evidence goes into the page
        page.evaluate("(id) => window.kgNetwork.selectNodes([id])", node)
    page.fill("#search", "BNPT")
    page.press("#search", "Enter")
    assert "window.__pwned" in page.inner_text("#details")  # shown as text, not run
    assert page.evaluate("window.__pwned === undefined")
    page.close()
