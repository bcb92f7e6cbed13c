"""Polite fetching of web pages and feeds, each kept beside the graph so a rebuild asks no server again.

One request at a time, at least ``KG_FETCH_DELAY`` seconds (default 1) between two requests to one host, a
user agent that names kg, and up to three attempts with growing pauses when the failure may pass (a time-out,
a refused or dropped connection, HTTP 429 or 5xx; ``Retry-After`` is honoured up to a minute). What was
fetched is saved in ``OUT/pages/`` as the bytes received (``KEY.html``, ``KEY.xml``) and what the server said
about them (``KEY.json``: url asked, url answered, content type, time); a saved page is never fetched again, a
saved feed again when it is more than ``FEED_MAX_AGE`` old, so new stories are found.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg import __version__
from kg.errors import InputError

PAGES_DIR = "pages"
USER_AGENT = f"kg/{__version__} (knowledge graphs from news; +https://w3id.org/kg-news)"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
DEFAULT_DELAY = 1.0  # seconds between two requests to one host
ATTEMPTS = 3
BACKOFF = 1.0  # seconds before the second attempt, doubled before each next one
MAX_RETRY_AFTER = 60.0
TIMEOUT = 30.0
MAX_BYTES = 10_000_000  # ten times a heavy news page
FEED_MAX_AGE = 3600.0  # seconds a saved feed is read instead of asking again
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
              "application/xml", "text/xml", "application/json")


@dataclass
class Fetched:
    """One response: the bytes and what the server said about them."""

    url: str  # as asked
    final_url: str  # after redirects
    content_type: str  # media type only, lower case
    charset: str | None
    body: bytes
    fetched: datetime
    from_disk: bool = False

    @property
    def is_feed(self) -> bool:
        """RSS, Atom or JSON Feed, by content type or by the first bytes (servers often say text/xml or
        text/html for a feed)."""
        start = self.body[:512].lstrip().lower()
        if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
            return b"<html" not in self.body[:2048].lower()
        return self.content_type in FEED_TYPES and start.startswith((b"<", b"{"))


class FetchError(InputError):
    """A URL that gave no page: its message names the URL and why."""


class Fetcher:
    """Gets URLs from ``pages`` (the folder of saved responses) or, politely, from the web; ``requests``
    counts what was actually sent."""

    def __init__(self, pages: Path | None, delay: float | None = None) -> None:
        self.pages = pages
        self.delay = _delay_setting() if delay is None else delay
        self.requests = 0
        self._last: dict[str, float] = {}  # host -> monotonic time of the last request

    def get(self, url: str) -> Fetched:
        saved = self._load(url)
        if saved is not None and not (saved.is_feed and _age(saved) > FEED_MAX_AGE):
            return saved
        fetched = self._fetch(url)
        self._save(fetched)
        return fetched

    def _fetch(self, url: str) -> Fetched:
        try:
            parts = urllib.parse.urlsplit(url)
        except ValueError as exc:
            raise FetchError(f"{url}: not a URL kg can fetch ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url}: not an http or https URL")
        why = ""
        for attempt in range(ATTEMPTS):
            self._wait_turn(url)
            try:
                return self._request(url)
            except _Transient as exc:
                why = exc.why
                if attempt + 1 < ATTEMPTS:
                    time.sleep(exc.retry_after if exc.retry_after is not None else BACKOFF * 2 ** attempt)
        raise FetchError(f"{url}: cannot fetch ({why}; {ATTEMPTS} attempts)")

    def _request(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                                       "Accept-Language": "id, en;q=0.8"})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (scheme checked)
                body = response.read(MAX_BYTES + 1)
                headers: Message = response.headers
                final = response.geturl()
        except urllib.error.HTTPError as exc:
            why = f"HTTP {exc.code} {exc.reason}".strip()
            if exc.code in TRANSIENT_STATUS:
                raise _Transient(why, _retry_after(exc.headers)) from None
            raise FetchError(f"{url}: {why}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLCertVerificationError):
                raise FetchError(f"{url}: the site's certificate does not verify ({exc.reason.verify_message})") from None
            raise _Transient(_reason(exc.reason)) from None
        except http.client.InvalidURL as exc:
            raise FetchError(f"{url}: not a URL kg can fetch ({exc})") from None
        except (OSError, http.client.HTTPException) as exc:  # time-out, reset, a response cut off
            raise _Transient(_reason(exc)) from None
        except ValueError as exc:
            raise FetchError(f"{url}: not a URL kg can fetch ({exc})") from None
        if len(body) > MAX_BYTES:
            raise FetchError(f"{url}: larger than {MAX_BYTES // 1_000_000} MB; not a news page")
        return Fetched(url=url, final_url=final, content_type=headers.get_content_type(),
                       charset=headers.get_content_charset(), body=body, fetched=datetime.now(timezone.utc))

    def _wait_turn(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.pages is None:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.pages / f"{key}.json", self.pages / key

    def _load(self, url: str) -> Fetched | None:
        paths = self._paths(url)
        if paths is None or not paths[0].is_file():
            return None
        try:
            info = json.loads(paths[0].read_text(encoding="utf-8"))
            body = (paths[1].parent / info["body"]).read_bytes()
            return Fetched(url=info["url"], final_url=info["final_url"], content_type=info["content_type"],
                           charset=info.get("charset"), body=body, fetched=datetime.fromisoformat(info["fetched"]),
                           from_disk=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # damaged or half-deleted: fetch again

    def _save(self, fetched: Fetched) -> None:
        paths = self._paths(fetched.url)
        if paths is None:
            return
        info_path, stem = paths
        body_path = stem.with_suffix(".xml" if fetched.is_feed else ".html")
        info = {"url": fetched.url, "final_url": fetched.final_url, "content_type": fetched.content_type,
                "charset": fetched.charset, "fetched": fetched.fetched.isoformat(), "body": body_path.name}
        try:
            stem.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(body_path, fetched.body)  # the body first: a .json always names a whole body
            _write_atomically(info_path, json.dumps(info, indent=1).encode("utf-8"))
        except OSError as exc:
            raise InputError(f"{stem.parent}: cannot save fetched pages ({exc.strerror})") from exc


class _Transient(Exception):
    def __init__(self, why: str, retry_after: float | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.retry_after = retry_after


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "connection closed by the server"
    if isinstance(error, OSError) and error.strerror:  # "Name or service not known" -> "name or service not known"
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _age(fetched: Fetched) -> float:
    moment = fetched.fetched if fetched.fetched.tzinfo else fetched.fetched.replace(tzinfo=timezone.utc)
    return (datetime.now(timezone.utc) - moment).total_seconds()


def _delay_setting() -> float:
    value = os.environ.get("KG_FETCH_DELAY", "")
    try:
        return max(float(value), 0.0) if value else DEFAULT_DELAY
    except ValueError:
        raise InputError(f"KG_FETCH_DELAY={value!r}: expected seconds, e.g. 1 or 0.5") from None


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
