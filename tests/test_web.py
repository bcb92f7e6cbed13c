"""Web pages and feeds in: the story of a saved page is kept and its menus, related links, cookie notice and
comments are not; a page's metadata (also a date in no ISO format) reaches the graph; pages and feeds are
fetched from a local HTTP server started here (never the internet), politely, and kept, so a second build
asks the server for nothing."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.cli import app
from tests.conftest import read_claims

PAGES = Path(__file__).parent / "pages"

# The story of each test page, and what surrounds it on the page: none of it may become article text.
# Per page: snippets of the story that must be kept ("with", the captions among them) and of what surrounds
# it on the page ("without"), as in trafilatura's evaluation; bench/web_eval.py counts them.
SNIPPETS = json.loads((PAGES / "snippets.json").read_text(encoding="utf-8"))
NOT_ACTORS = {  # named only in the related links, the most-read box and the comments
    "id-news": {"Jepang", "Amerika Serikat", "Australia", "Papua Barat", "Jawa Barat", "Bogor", "Sulawesi Tengah"},
    "en-news": {"Philippines", "Tokyo", "Malaysia", "Singapore", "New Zealand", "Wellington", "Fiji"},
    "id-portal": {"Batam", "Bali", "Sulawesi Utara", "Surabaya", "Polda Metro Jaya"},
    "en-blog": {"Japan", "Philippines", "Thailand", "China", "Myanmar", "Brunei", "Laos", "Bangkok", "Kuala Lumpur", "Manila"},
}


def _texts(runner, graph: Path) -> dict[str, dict[str, str]]:
    """Each article's text and metadata as ``kg query`` returns them."""
    query = ("SELECT ?id ?text ?headline ?outlet ?url ?published ?lang WHERE { ?a kg:articleId ?id ; nif:isString ?text ; "
             "schema:inLanguage ?lang . OPTIONAL { ?a schema:headline ?headline } OPTIONAL { ?a kg:outlet ?outlet } "
             "OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a schema:datePublished ?published } }")
    result = runner.invoke(app, ["query", query, "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    return {row["id"]["value"]: {key: value["value"] for key, value in row.items()} for row in rows}


def test_saved_pages_keep_the_story_and_drop_menus_related_links_cookies_and_comments(runner, tmp_path):
    src = tmp_path / "saved"
    shutil.copytree(PAGES, src, ignore=shutil.ignore_patterns("*.json"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--graph", str(out)])
    assert result.exit_code == 0, result.output
    assert "kg: skipped" not in result.output and "kg: warning" not in result.output
    articles = _texts(runner, out)
    assert set(articles) == {name.removesuffix(".html") for name in SNIPPETS}
    for name, article in articles.items():
        text = article["text"]
        for kept in SNIPPETS[f"{name}.html"]["with"]:
            assert kept in text, (name, kept, text)
        for dropped in SNIPPETS[f"{name}.html"]["without"]:
            assert dropped not in text, (name, dropped, text)
        assert article["headline"] not in text.splitlines()  # the headline is metadata, not a sentence
    assert articles["id-news"]["published"] == "2022-05-10"  # "10/05/2022 05:22 pm"
    assert articles["en-news"]["published"] == "2022-05-05"  # "2022-5-5 22:17:36"
    assert articles["en-news"]["outlet"] == "The Archipelago Herald"
    assert articles["en-news"]["url"] == "https://www.archipelagoherald.example/world/police-chiefs-cyber-crime-unit"
    assert articles["id-portal"]["published"] == "2021-11-11"  # "2021/11/11 14:05:33"
    assert articles["en-blog"]["published"] == "2022-05-12"  # "May 12, 2022 at 9:30 am"
    assert articles["id-news"]["headline"] == "Kepala BNPT Bertemu Duta Besar Norwegia di Jakarta"
    assert [articles[name]["lang"] for name in ("id-news", "en-news", "id-portal", "en-blog")] == ["id", "en", "id", "en"]
    records = read_claims(out / "claims.jsonl")
    names = {r["name"] for r in records if r["kind"] == "entity"}
    assert {"Surya Wibisana", "Ingrid Halvorsen", "Hendra Gunawan", "Margaret Ellison", "Pieter de Graaf", "Phan Van Giang"} <= names
    for name, absent in NOT_ACTORS.items():
        found = {r["name"] for r in records if r["kind"] == "entity" and r["doc"] == name}
        assert not found & absent, (name, found & absent)
    relations = {(r["doc"], r["relation"]) for r in records if r["kind"] == "claim"}
    assert {("id-news", "meets"), ("en-news", "meets"), ("id-portal", "signs"), ("en-blog", "meets")} <= relations


def test_sidecar_overrides_the_page_and_a_date_nobody_can_read_costs_the_date_not_the_article(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    page = (PAGES / "en-news.html").read_text(encoding="utf-8")
    (src / "sidecar.html").write_text(page, encoding="utf-8")
    (src / "sidecar.meta.json").write_text(json.dumps({"title": "Police chiefs meet", "published": "6 Mei 2022",
                                                       "outlet": "Herald"}), encoding="utf-8")
    (src / "badside.html").write_text(page, encoding="utf-8")
    (src / "badside.meta.json").write_text(json.dumps({"published": "early May"}), encoding="utf-8")
    (src / "nodate.html").write_text(page.replace("2022-5-5 22:17:36", "kemarin sore"), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--graph", str(out)])
    assert result.exit_code == 0, result.output
    assert "kg: skipped" not in result.stderr and "Traceback" not in result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("kg: warning")]
    assert len(warnings) == 2, warnings
    assert any("badside.html" in w and "'early May'" in w for w in warnings)
    assert any("nodate.html" in w and "'kemarin sore'" in w and "kept" in w for w in warnings)
    articles = _texts(runner, out)
    assert set(articles) == {"sidecar", "badside", "nodate"}
    assert (articles["sidecar"]["headline"], articles["sidecar"]["outlet"]) == ("Police chiefs meet", "Herald")
    assert articles["sidecar"]["published"] == "2022-05-06"
    assert articles["badside"]["published"] == "2022-05-05"  # the page's own date
    assert "published" not in articles["nodate"]
    assert SNIPPETS["en-news.html"]["with"][0] in articles["nodate"]["text"]


class _Site:
    """A local web server holding the test pages and feeds; it notes every request it answers."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, float, str]] = []  # (path, time, user agent)
        self.fail_first: set[str] = set()  # paths answered 503 the first time
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                if self.path in site.fail_first:
                    site.fail_first.discard(self.path)
                    self.send_error(503, "Busy")
                    return
                body, kind = site.routes().get(self.path, (None, None))
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def routes(self) -> dict[str, tuple[bytes, str]]:
        html = "text/html; charset=utf-8"
        rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Warta Nusantara</title><link>{self.base}/</link>
<item><title>Kepala BNPT Bertemu Duta Besar Norwegia</title><link>{self.base}/berita/kepala-bnpt.html</link></item>
<item><title>Police chiefs</title><link>{self.base}/en/police-chiefs.html</link></item>
</channel></rss>"""
        atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title><link rel="self" href="/atom.xml"/>
<entry><title>Police chiefs</title><link href="/en/police-chiefs.html"/><id>urn:x:1</id></entry>
<entry><title>Kedua</title><link rel="alternate" type="text/html" href="/berita/kedua.html"/><id>urn:x:2</id></entry>
</feed>"""
        second = (PAGES / "id-news.html").read_text(encoding="utf-8").replace("Ingrid Halvorsen", "Sigrid Dahl")
        return {
            "/rss.xml": (rss.encode(), "application/rss+xml"),
            "/atom.xml": (atom.encode(), "text/xml"),
            "/berita/kepala-bnpt.html": ((PAGES / "id-news.html").read_bytes(), html),
            "/en/police-chiefs.html": ((PAGES / "en-news.html").read_bytes(), html),
            "/berita/kedua.html": (second.encode("utf-8"), html),
            "/berita/rusak.xml": (b"<?xml version='1.0'?><rss><channel><item><link>", "application/rss+xml"),
        }

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.requests]


@pytest.fixture
def site():
    served = _Site()
    served.thread.start()
    yield served
    served.server.shutdown()
    served.server.server_close()


def test_build_from_a_feed_and_a_list_of_urls_then_a_rebuild_fetches_nothing(runner, site, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_FETCH_DELAY", "0.3")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# pages to read\n{site.base}/atom.xml\n\n{site.base}/berita/kepala-bnpt.html\n", encoding="utf-8")
    out = tmp_path / "out"
    command = ["build", f"{site.base}/rss.xml", str(urls), "--graph", str(out)]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "kg: skipped" not in result.stderr, result.stderr
    # each feed and page asked for once, though two feeds and the list name some pages twice
    assert sorted(site.paths()) == sorted(["/rss.xml", "/berita/kepala-bnpt.html", "/en/police-chiefs.html",
                                           "/atom.xml", "/berita/kedua.html"])
    assert all(agent.startswith("kg/") for _, _, agent in site.requests)
    moments = [moment for _, moment, _ in site.requests]
    assert all(b - a >= 0.28 for a, b in zip(moments, moments[1:])), moments  # one host: 0.3 s apart
    host = site.base.removeprefix("http://")
    articles = _texts(runner, out)
    assert set(articles) == {f"{host}/berita/kepala-bnpt.html", f"{host}/en/police-chiefs.html", f"{host}/berita/kedua.html"}
    story = articles[f"{host}/berita/kepala-bnpt.html"]["text"]
    assert SNIPPETS["id-news.html"]["with"][0] in story and "Berita Terkait" not in story
    assert "Sigrid Dahl" in articles[f"{host}/berita/kedua.html"]["text"]
    assert len(list((out / "pages").glob("*.json"))) == 5  # what was fetched is kept beside the graph

    asked = len(site.requests)
    again = runner.invoke(app, command)
    assert again.exit_code == 0, again.output
    assert len(site.requests) == asked  # the second build fetches nothing
    assert "0 new, 0 changed, 3 unchanged" in again.stdout

    rss = next(p for p in (out / "pages").glob("*.json") if json.loads(p.read_text())["url"].endswith("/rss.xml"))
    info = json.loads(rss.read_text())
    info["fetched"] = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat()
    rss.write_text(json.dumps(info), encoding="utf-8")
    later = runner.invoke(app, command)
    assert later.exit_code == 0, later.output
    assert site.paths()[asked:] == ["/rss.xml"]  # an old feed is read again for new stories; its pages are not


def test_a_url_that_gives_no_page_is_skipped_with_one_line_naming_it(runner, site, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_FETCH_DELAY", "0")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    site.fail_first.add("/en/police-chiefs.html")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join([f"{site.base}/en/police-chiefs.html", f"{site.base}/berita/hilang.html",
                               f"{site.base}/berita/rusak.xml", f"http://127.0.0.1:{closed}/berita/x.html"]) + "\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["build", str(urls), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kg: skipped")]
    assert len(skipped) == 3, skipped
    assert any(f"{site.base}/berita/hilang.html: HTTP 404" in line for line in skipped), skipped
    assert any(f"{site.base}/berita/rusak.xml" in line and "feed" in line for line in skipped), skipped
    assert any(f"127.0.0.1:{closed}/berita/x.html" in line and "connection refused" in line for line in skipped), skipped
    # a server busy once is asked again after a pause, and the page is read
    asked = [moment for path, moment, _ in site.requests if path == "/en/police-chiefs.html"]
    assert len(asked) == 2 and asked[1] - asked[0] >= 0.9
    assert "1 new" in result.stdout
