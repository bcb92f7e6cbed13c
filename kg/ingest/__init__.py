"""Stage 1, ingest: files, folders, HTML and JSON Lines in; cleaned ``Article`` records out.

Needs paths; adds the cleaned text, the dateline as metadata, the language, and a content hash that the
store uses to skip unchanged articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.clean import clean
from kg.ingest.language import detect_language
from kg.ingest.readers import READERS, RawArticle, parse_published
from kg.model import Article

__all__ = ["Skipped", "collect_files", "run"]

MAX_ARTICLE_CHARS = 1_000_000  # ten times the longest news story; beyond it the input is not one article


@dataclass
class Skipped:
    """Articles that could not be read, each with one line saying where and why."""

    reasons: list[str] = field(default_factory=list)


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """The readable files named by INPUT arguments: files as given, folders searched recursively."""
    files: list[Path] = []
    for path in inputs:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in READERS and not p.name.endswith(".meta.json")
            )
        elif path.suffix.lower() in READERS:
            files.append(path)
        else:
            raise InputError(f"{path}: unknown input format; kg reads {', '.join(sorted(READERS))}")
    return files


def to_article(raw: RawArticle) -> Article:
    if len(raw.text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{raw.source}: {len(raw.text):,} characters; kg reads articles up to {MAX_ARTICLE_CHARS:,} "
                         "(is it a whole site or a dump? split it into articles)")
    cleaned = clean(raw.text)
    if not cleaned.text.strip():
        raise InputError(f"{raw.source}: no article text")
    meta = raw.meta

    def text_field(name: str) -> str | None:
        value = meta.get(name)
        return str(value) if value not in (None, "") else None

    return Article(
        id=raw.id,
        text=cleaned.text,
        source=raw.source,
        published=parse_published(meta.get("published"), raw.source),
        url=text_field("url"),
        title=text_field("title"),
        outlet=text_field("outlet") or cleaned.outlet,
        language=detect_language(cleaned.text),
        dateline_place=cleaned.dateline_place,
        content_hash=hashlib.sha256((raw.text + "\x00" + json.dumps(meta, sort_keys=True, default=str)).encode("utf-8")).hexdigest(),
    )


def run(inputs: Iterable[Path], skipped: Skipped | None = None) -> Iterator[Article]:
    """Articles from files and folders, streamed; a bad article is skipped and noted, not fatal."""
    seen: set[str] = set()
    for path in collect_files(inputs):
        try:
            for raw in READERS[path.suffix.lower()](path):
                try:
                    if isinstance(raw, InputError):
                        raise raw
                    if raw.id in seen:
                        raise InputError(f"{raw.source}: duplicate article id {raw.id!r}")
                    article = to_article(raw)
                except InputError as exc:
                    if skipped is None:
                        raise
                    skipped.reasons.append(str(exc))
                    continue
                seen.add(raw.id)
                yield article
        except InputError as exc:
            if skipped is None:
                raise
            skipped.reasons.append(str(exc))
