"""Readers for the input formats kg accepts: plain text, Markdown, HTML and JSON Lines.

Each reader yields ``RawArticle`` records; the registry ``READERS`` maps a file suffix to its reader,
so a new format is one function and one row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError


@dataclass
class RawArticle:
    id: str
    text: str
    source: str
    meta: dict[str, object] = field(default_factory=dict)


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file, not text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def read_text_file(path: Path) -> str:
    try:
        return _decode(path.read_bytes(), path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def sidecar_meta(path: Path) -> dict[str, object]:
    """``NAME.meta.json`` beside ``NAME.txt``: published, url, title, outlet; missing keys stay unknown."""
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(read_text_file(meta_path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{meta_path}:{exc.lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{meta_path}: expected a JSON object")
    return data


def _article_id(path: Path, meta: dict[str, object]) -> str:
    """The file name without extension, unless the sidecar names the article's id."""
    return str(meta.get("id") or path.stem)


def read_plain(path: Path) -> Iterator[RawArticle]:
    meta = sidecar_meta(path)
    yield RawArticle(id=_article_id(path, meta), text=read_text_file(path), source=str(path), meta=meta)


_MD_MARKUP = re.compile(r"^#{1,6}\s+|^\s*[*-]\s+|\*\*|__|!\[[^\]]*\]\([^)]*\)", re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def read_markdown(path: Path) -> Iterator[RawArticle]:
    text = _MD_LINK.sub(r"\1", read_text_file(path))
    meta = sidecar_meta(path)
    yield RawArticle(id=_article_id(path, meta), text=_MD_MARKUP.sub("", text), source=str(path), meta=meta)


class _TextOfHtml(HTMLParser):
    """Visible text of a page, one block element per line; scripts, styles and navigation are skipped."""

    _SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "template"}
    _BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figcaption", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name") or ""
            if values.get("content"):
                self.meta[key.lower()] = values["content"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self.skipping:
            self.parts.append(data)


def read_html(path: Path) -> Iterator[RawArticle]:
    parser = _TextOfHtml()
    parser.feed(read_text_file(path))
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    meta: dict[str, object] = {
        "published": parser.meta.get("article:published_time") or parser.meta.get("date"),
        "url": parser.meta.get("og:url"),
        "title": parser.meta.get("og:title") or parser.title.strip() or None,
        "outlet": parser.meta.get("og:site_name"),
    }
    meta = {k: v for k, v in meta.items() if v}
    meta.update(sidecar_meta(path))
    yield RawArticle(id=_article_id(path, meta), text="\n".join(line for line in lines if line), source=str(path), meta=meta)


def read_jsonl(path: Path) -> Iterator[RawArticle | InputError]:
    """One article per line: ``id`` and ``text`` required, ``published``, ``url``, ``title``, ``outlet`` optional.

    A bad line is yielded as its error, so the lines after it are still read."""
    for number, line in enumerate(read_text_file(path).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not JSON ({exc.msg})")
            continue
        except RecursionError:
            yield InputError(f"{where}: JSON nested too deeply")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(f"{where}: a record needs a \"text\" string")
            continue
        article_id = str(record.get("id") or f"{path.stem}-{number}")
        meta = {k: record[k] for k in ("published", "url", "title", "outlet") if record.get(k)}
        yield RawArticle(id=article_id, text=record["text"], source=where, meta=meta)


READERS: dict[str, Callable[[Path], Iterator[RawArticle | InputError]]] = {
    ".txt": read_plain,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}


def parse_published(value: object, where: str) -> date | None:
    """A publication date from metadata: ISO date or date-time; anything else is an input error."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise InputError(f"{where}: published date {text!r} is not an ISO 8601 date") from exc
