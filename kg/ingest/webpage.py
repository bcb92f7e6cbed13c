"""The main text and metadata of a saved or fetched web page, through trafilatura.

A news page is mostly not the story: menus, related headlines, cookie notices, share buttons, comments.
trafilatura (with htmldate for the date) finds the story's paragraphs and drops the rest, and the headline,
which is kept as metadata, is taken off the top of the text; kg's own cleaning
(datelines, bylines, reader spam) runs on its output like on any other text. Photo captions are kept:
trafilatura drops figures whole, so each caption is turned into a paragraph where its figure stood, and its
photo credit is cut by the cleaning ("ANTARA FOTO/Budi Santoso").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kg.errors import InputError
from kg.ingest.dates import parse_date

# Meta tags where pages state when the story was published, for the dates htmldate cannot read.
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
                   "publish-date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "content_publishedtime")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


@dataclass
class Page:
    """What a page holds: the story's text, one paragraph per line, and metadata under kg's keys."""

    text: str
    meta: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in its ``<meta>`` (read when the bytes are not UTF-8)."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def read_page(html: str, url: str | None = None, where: str = "page") -> Page:
    """The story and the page's metadata: title, site name, author, publication date, canonical url,
    language. Keys are left out when the page does not say."""
    try:
        return _read(html, url)
    except Exception as exc:  # noqa: BLE001 - a page that breaks the parser is one skipped article, not a failed build
        raise InputError(f"{where}: the page could not be parsed ({type(exc).__name__}: {str(exc)[:200]})") from exc


def _read(html: str, url: str | None) -> Page:
    import trafilatura  # a second to load: only when there is HTML to read

    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None:
        return Page(text="")
    language = _language(tree)
    stated = _stated_published(tree)
    _captions_to_paragraphs(tree)
    dates = {"extensive_search": False,  # no guess from a copyright year ("© 2022" is no publication date)
             "original_date": True, "outputformat": "%Y-%m-%d",
             "max_date": (date.today() + timedelta(days=2)).isoformat()}  # a page from a time zone ahead
    found = trafilatura.extract_metadata(tree, default_url=url, date_config=dates)
    document = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True,
                                           include_images=False, with_metadata=False, date_extraction_params=dates)
    text = document.text if document is not None and document.text else ""
    if not text.strip():  # too little for trafilatura to tell story from furniture: the page's paragraphs
        text = trafilatura.baseline(html)[1]
    page = Page(text=_without_headline(_unboxed(text), found.title))
    published = found.date
    if not published and stated:
        parsed = next((d for d in map(parse_date, stated) if d), None)
        if parsed:
            published = parsed.isoformat()
        else:
            page.warnings.append(f"published date {stated[0][:100]!r} not understood; the article is kept without it")
    meta: dict[str, Any] = {"title": found.title, "outlet": found.sitename, "author": found.author,
                            "url": found.url or url, "published": published, "language": language}
    page.meta = {key: value for key, value in meta.items() if value}
    return page


def _unboxed(text: str) -> str:
    """Lines of one-cell tables without trafilatura's cell bars: portals box "Baca juga: ..." links in a
    table, and "| Baca juga: ... |" would escape the cleaning of cross-links."""
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [cell.strip() for cell in stripped.strip("|").split("|") if cell.strip()]
            if len(cells) == 1:
                line = cells[0]
        lines.append(line)
    return "\n".join(lines)


def _without_headline(text: str, title: str | None) -> str:
    """The story without its headline line: the headline is metadata (``schema:headline``), and a headline
    in title case ("Kepala BNPT Bertemu Duta Besar Norwegia") reads as one long name."""
    lines = text.lstrip().split("\n", 1)
    if title and len(lines) == 2 and " ".join(lines[0].split()).casefold() == " ".join(title.split()).casefold():
        return lines[1]
    return text


def _language(tree: Any) -> str | None:
    """The language the page declares (``<html lang>``, Content-Language, og:locale), as two letters."""
    values = [tree.get("lang"), tree.get("xml:lang"),
              *tree.xpath("//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content"),
              *tree.xpath("//meta[@property='og:locale']/@content")]
    for value in values:
        if value and value.strip()[:2].isalpha():
            return value.strip()[:2].lower()
    return None


def _stated_published(tree: Any) -> list[str]:
    """Publication dates as the page's meta tags write them, in the order of ``_PUBLISHED_META``."""
    stated: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key in _PUBLISHED_META and content and key not in stated:
            stated[key] = content
    return [stated[key] for key in _PUBLISHED_META if key in stated]


def _captions_to_paragraphs(tree: Any) -> None:
    """Each ``<figure>``'s caption becomes a ``<p>`` in its place (trafilatura drops figures whole);
    figures holding a table are left to trafilatura, which reads tables."""
    for figure in list(tree.iter("figure")):
        if figure.getparent() is None or figure.find(".//table") is not None:
            continue
        captions = [" ".join(" ".join(c.itertext()).split()) for c in figure.iter("figcaption")]
        caption = " ".join(c for c in captions if c)
        tail = figure.tail
        if caption:
            paragraph = figure.makeelement("p", {})
            paragraph.text = caption
            paragraph.tail = tail
            figure.getparent().replace(figure, paragraph)
