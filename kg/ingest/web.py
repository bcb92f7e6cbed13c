"""Articles from the web: page URLs, lists of URLs in a file, and RSS / Atom / JSON feeds.

A URL is a page or a feed, which kg tells from what the server sends; a feed stands for the pages its items
link to. A list of URLs is a ``.txt`` file whose every line (blank lines and ``#`` comments aside) is an http or
https URL. An article from the web takes its id from its URL, without the scheme and a leading ``www.``
(``example.co.id/berita/2022/05/kepala-bnpt``), so it is the same article in every build.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.fetch import Fetched, Fetcher
from kg.ingest.readers import RawArticle, decode
from kg.ingest.webpage import html_charset, read_page

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
MAX_LIST_BYTES = 5_000_000  # a list of 50,000 URLs; a bigger .txt file is an article, or not kg's


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def url_list(path: Path) -> list[str] | None:
    """The URLs a ``.txt`` file lists, or None when it is not a list of URLs (an article)."""
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            return None
        with path.open("rb") as fh:
            start = fh.read(2048)
        first = next((line.strip() for line in start.splitlines() if line.strip() and not line.strip().startswith(b"#")), b"")
        if not is_url(first.decode("utf-8", errors="replace")):
            return None
        lines = [line.strip() for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines()]
    except OSError:
        return None  # the reader says why
    urls = [line for line in lines if line and not line.startswith("#")]
    return urls if all(is_url(line) for line in urls) else None


def article_id(url: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def read_urls(urls: Iterable[str], fetcher: Fetcher) -> Iterator[RawArticle | InputError]:
    """Articles of the pages the URLs name, and of the pages the feeds among them link to; a URL that
    cannot be fetched or read is yielded as its error. A page named twice is read once."""
    done: set[str] = set()
    for url in urls:
        if url in done:
            continue
        done.add(url)
        fetched = _get(fetcher, url)
        if isinstance(fetched, InputError) or not fetched.is_feed:
            yield _article(fetched)
            continue
        try:
            links = feed_links(fetched)
        except InputError as exc:
            yield exc
            continue
        for link in links:
            if link in done:
                continue
            done.add(link)
            page = _get(fetcher, link)
            if not isinstance(page, InputError) and page.is_feed:
                page = InputError(f"{link}: a feed linked from the feed {url}; give it to kg build itself")
            yield _article(page)


def _get(fetcher: Fetcher, url: str) -> Fetched | InputError:
    """The fetched page, or the error that says why there is none."""
    try:
        return fetcher.get(url)
    except InputError as exc:
        return exc


def _article(fetched: Fetched | InputError) -> RawArticle | InputError:
    if isinstance(fetched, InputError):
        return fetched  # passed through: why the URL gives no page
    if fetched.content_type not in ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", ""):
        return InputError(f"{fetched.url}: not a web page ({fetched.content_type})")
    try:
        html = decode(fetched.body, fetched.url, charset=fetched.charset or html_charset(fetched.body))
        page = read_page(html, url=fetched.final_url, where=fetched.url)
    except InputError as exc:
        return exc
    return RawArticle(id=article_id(fetched.url), text=page.text, source=fetched.url, meta=page.meta,
                      warnings=page.warnings)


def feed_links(fetched: Fetched) -> list[str]:
    """The item links of an RSS 2.0, RSS 1.0, Atom or JSON feed, absolute, in the feed's order."""
    body = fetched.body.lstrip()
    base = fetched.final_url
    if body.startswith(b"{"):
        try:
            items = json.loads(body.decode("utf-8", errors="replace")).get("items", [])
        except (ValueError, AttributeError, RecursionError):
            raise InputError(f"{fetched.url}: a JSON feed that does not parse") from None
        links = [item.get("url") or item.get("external_url") for item in items if isinstance(item, dict)]
    else:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as exc:
            raise InputError(f"{fetched.url}: a feed that does not parse ({exc})") from None
        links = [_item_link(item) for item in root.iter() if _local(item.tag) in ("item", "entry")]
    found = [urllib.parse.urljoin(base, link.strip()) for link in links if isinstance(link, str) and link.strip()]
    found = [link for link in dict.fromkeys(found) if is_url(link)]
    if not found:
        raise InputError(f"{fetched.url}: a feed with no item links")
    return found


def _item_link(item: ET.Element) -> str | None:
    guid = None
    for child in item:
        name = _local(child.tag)
        if name == "link":
            if child.get("href") is not None:  # Atom
                if child.get("rel", "alternate") == "alternate":
                    return child.get("href")
            elif child.text and child.text.strip():
                return child.text
        elif name in ("guid", "id") and child.get("isPermaLink", "true") != "false" and is_url(child.text or ""):
            guid = child.text
    return guid


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
