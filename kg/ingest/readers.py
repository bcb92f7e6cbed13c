"""Readers for the input files kg accepts: plain text, Markdown, HTML and JSON Lines.

Each reader yields ``RawArticle`` records; the registry ``READERS`` maps a file suffix to its reader,
so a new format is one function and one row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.dates import parse_date
from kg.ingest.webpage import html_charset, read_page


@dataclass
class RawArticle:
    id: str
    text: str
    source: str
    meta: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # about metadata left out, the article still read


def decode(data: bytes, where: str | Path, charset: str | None = None) -> str:
    """Text of a file or response: UTF-8 (UTF-16 with a byte-order mark), else the ``charset`` a server or
    page declares, else Windows-1252. Valid UTF-8 wins over a declaration: a page saved by a browser is
    UTF-8 but keeps its original ``<meta charset>``, and other text is almost never valid UTF-8."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: binary file, not text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", charset):
        try:
            return data.decode(encoding) if encoding else data.decode("cp1252", errors="replace")
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def read_text_file(path: Path) -> str:
    return decode(_read_bytes(path), path)


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


def read_html(path: Path) -> Iterator[RawArticle]:
    """A saved page: the story and the page's metadata, the sidecar's fields overriding the page's."""
    data = _read_bytes(path)
    page = read_page(decode(data, path, charset=html_charset(data)), where=str(path))
    meta = dict(page.meta)
    warnings = list(page.warnings)
    sidecar = sidecar_meta(path)
    if sidecar.get("published") not in (None, "") and parse_date(sidecar["published"]) is None and meta.get("published"):
        warnings.append(f"published date {str(sidecar['published'])[:100]!r} in the sidecar not understood; "
                        "the page's date is used")
        sidecar = {k: v for k, v in sidecar.items() if k != "published"}
    meta.update(sidecar)
    yield RawArticle(id=_article_id(path, meta), text=page.text, source=str(path), meta=meta, warnings=warnings)


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
