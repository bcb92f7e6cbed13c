"""Stage 1, ingest: files, folders, HTML, JSON Lines, web pages and feeds in; cleaned ``Article`` records out.

Needs paths and URLs; adds the cleaned text, the dateline as metadata, the language, and a content hash that
the store uses to skip unchanged articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.clean import clean
from kg.ingest.dates import parse_published
from kg.ingest.fetch import PAGES_DIR, Fetcher
from kg.ingest.language import detect_language
from kg.ingest.readers import READERS, RawArticle
from kg.ingest.web import is_url, read_urls, url_list
from kg.model import Article

__all__ = ["PAGES_DIR", "Skipped", "Sources", "collect", "collect_files", "run"]

MAX_ARTICLE_CHARS = 1_000_000  # ten times the longest news story; beyond it the input is not one article


@dataclass
class Skipped:
    """Articles that could not be read, each with one line saying where and why; and warnings, one line
    each, about articles read without some of their metadata (a date that cannot be understood)."""

    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Sources:
    """What INPUT arguments name: article files, and URLs of pages and feeds (given, or listed in files)."""

    files: list[Path] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def collect(inputs: Iterable[Path | str]) -> Sources:
    """Files as given, folders searched recursively, URLs as given; a ``.txt`` file listing URLs gives its
    URLs. A path that does not exist, or is of no format kg reads, is an error before anything is read."""
    sources = Sources()
    for item in inputs:
        if isinstance(item, str) and is_url(item):
            sources.urls.append(item.strip())
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*"))
                     if p.is_file() and p.suffix.lower() in READERS and not p.name.endswith(".meta.json")]
        elif path.suffix.lower() in READERS:
            found = [path]
        else:
            raise InputError(f"{path}: unknown input format; kg reads {', '.join(sorted(READERS))}, "
                             "http(s) URLs and .txt lists of URLs")
        for file in found:
            listed = url_list(file) if file.suffix.lower() == ".txt" else None
            if listed is None:
                sources.files.append(file)
            else:
                sources.urls.extend(listed)
    return sources


def collect_files(inputs: Iterable[Path | str]) -> list[Path]:
    """The readable files named by INPUT arguments: files as given, folders searched recursively."""
    return collect(inputs).files


def to_article(raw: RawArticle, warn: Callable[[str], None] = lambda _: None) -> Article:
    if len(raw.text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{raw.source}: {len(raw.text):,} characters; kg reads articles up to {MAX_ARTICLE_CHARS:,} "
                         "(is it a whole site or a dump? split it into articles)")
    cleaned = clean(raw.text)
    if not cleaned.text.strip():
        raise InputError(f"{raw.source}: no article text")
    meta = raw.meta
    for warning in raw.warnings:
        warn(f"{raw.source}: {warning}")

    def text_field(name: str) -> str | None:
        value = meta.get(name)
        return str(value) if value not in (None, "") else None

    return Article(
        id=raw.id,
        text=cleaned.text,
        source=raw.source,
        published=parse_published(meta.get("published"), raw.source, warn),
        url=text_field("url"),
        title=text_field("title"),
        outlet=text_field("outlet") or cleaned.outlet,
        language=detect_language(cleaned.text, hint=text_field("language")),
        dateline_place=cleaned.dateline_place,
        content_hash=hashlib.sha256((raw.text + "\x00" + json.dumps(meta, sort_keys=True, default=str)).encode("utf-8")).hexdigest(),
    )


def run(inputs: Sources | Iterable[Path | str], skipped: Skipped | None = None,
        pages: Path | None = None) -> Iterator[Article]:
    """Articles from files, folders and URLs, streamed; a bad article is skipped and noted, not fatal.
    Fetched pages are kept in ``pages`` (``OUT/pages``) and read from there by the next build."""
    sources = inputs if isinstance(inputs, Sources) else collect(inputs)
    seen: set[str] = set()
    warn = skipped.warnings.append if skipped is not None else (lambda _: None)
    for raw in _raw_articles(sources, pages):
        try:
            if isinstance(raw, InputError):
                raise raw
            if raw.id in seen:
                raise InputError(f"{raw.source}: duplicate article id {raw.id!r}")
            article = to_article(raw, warn)
        except InputError as exc:
            if skipped is None:
                raise
            skipped.reasons.append(str(exc))
            continue
        seen.add(raw.id)
        yield article


def _raw_articles(sources: Sources, pages: Path | None) -> Iterator[RawArticle | InputError]:
    """Every file's articles, then every URL's; a file that cannot be read at all comes as its error."""
    for path in sources.files:
        try:
            yield from READERS[path.suffix.lower()](path)
        except InputError as exc:
            yield exc
    if sources.urls:
        yield from read_urls(sources.urls, Fetcher(pages))
