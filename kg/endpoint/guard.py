"""The guard in front of Oxigraph's server: what one request may send, return, and how long it may take.

Oxigraph's ``serve`` has a query timeout but no cap on the size of a result, and when its timeout fires it has
already sent ``200 OK`` and half a result, so a client gets broken JSON that looks like an answer. kg serve
therefore runs Oxigraph on a private loopback port and puts this small forwarding server on the public one.
Each answer is read from Oxigraph in full before anything is sent on: one that grows past the size cap or
arrives after the time cap is dropped (closing the connection stops Oxigraph's work) and the client gets one
clear ``500`` (the SPARQL 1.1 Protocol's code for a query the service refuses to run) instead of a truncated
result. At most ``concurrent`` answers are held at once, so memory stays under ``concurrent x max_result``.
The guard forwards bytes; it does not parse SPARQL. It does two things to a request on the way: it puts kg's
prefix declarations before the query or update text (so a bundled ``.rq`` runs as sent; a query's own
``PREFIX`` lines come after and win; they take one line of their own, taken off again from the line number
of a syntax error in the answer), and it passes on the client's ``Host``, so the service description names the public address and never
Oxigraph's private port, which is not behind the caps.
"""

from __future__ import annotations

import http.client
import re
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Headers that belong to one hop (RFC 9110 section 7.6.1), never forwarded.
_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "content-length"}
_SPARQL_TYPES = {"application/sparql-query", "application/sparql-update"}
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    max_result_bytes: int
    timeout_s: float
    max_request_bytes: int = 1 << 20
    concurrent: int = 4
    prefixes: dict[str, str] = field(default_factory=dict)  # declared before every query and update

    def prologue(self) -> str:
        return "".join(f"PREFIX {p}: <{ns}> " for p, ns in self.prefixes.items()) + "\n" if self.prefixes else ""


class Refused(Exception):
    """A request the guard answers itself, with this status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class GuardServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], upstream: tuple[str, int], limits: Limits) -> None:
        super().__init__(address, _Handler)
        self.upstream = upstream
        self.limits = limits
        self.slots = threading.BoundedSemaphore(limits.concurrent)


class _Handler(BaseHTTPRequestHandler):
    server: GuardServer
    server_version = "kg-serve"

    def do_GET(self) -> None:  # noqa: N802 - the names http.server dispatches to
        self._forward()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_GET  # noqa: N815

    def _forward(self) -> None:
        limits = self.server.limits
        try:
            body = self._request_body(limits)
            if not self.server.slots.acquire(timeout=limits.timeout_s):
                raise Refused(503, "the server is busy with other queries; try again")
            try:
                status, headers, payload = self._ask_upstream(body, limits)
            finally:
                self.server.slots.release()
        except Refused as refusal:
            self._send(refusal.status, [("Content-Type", "text/plain; charset=utf-8")], f"{refusal}\n".encode())
            self.log_error("refused %s: %s", self.path[:80], refusal)
            return
        self._send(status, headers, payload)

    def _request_body(self, limits: Limits) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._chunked_body(limits)
        length = self.headers.get("Content-Length")
        if length is None:
            return None
        if not length.isdigit():
            raise Refused(400, "bad Content-Length")
        if int(length) > limits.max_request_bytes:
            raise Refused(413, f"the request is larger than this server accepts ({limits.max_request_bytes:,} bytes)")
        return self.rfile.read(int(length))

    def _chunked_body(self, limits: Limits) -> bytes:
        """A request body sent in chunks (RFC 9112 section 7.1), joined, within the request cap."""
        body = bytearray()
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError as exc:
                raise Refused(400, "bad chunked request body") from exc
            if size == 0:
                while self.rfile.readline(1024).strip():
                    pass  # trailer fields
                return bytes(body)
            if len(body) + size > limits.max_request_bytes:
                raise Refused(413, f"the request is larger than this server accepts ({limits.max_request_bytes:,} bytes)")
            body += self.rfile.read(size)
            self.rfile.readline(8)  # the CRLF after each chunk

    def _ask_upstream(self, body: bytes | None, limits: Limits) -> tuple[int, list[tuple[str, str]], bytes]:
        deadline = time.monotonic() + limits.timeout_s
        connection = http.client.HTTPConnection(*self.server.upstream, timeout=limits.timeout_s)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
            if not any(k.lower() == "host" for k in headers):  # HTTP/1.0: the address this guard listens on
                headers["Host"] = "%s:%d" % self.server.server_address[:2]
            path, body = _with_prologue(self.path, self.headers.get("Content-Type", ""), body, limits.prologue())
            connection.request(self.command, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = bytearray()
            while chunk := response.read(_CHUNK):
                payload += chunk
                if len(payload) > limits.max_result_bytes:
                    raise Refused(500, f"the result is larger than this server's cap of {limits.max_result_bytes / 1e6:g} MB "
                                       "(kg serve --max-result-mb); add a LIMIT or narrow the query")
                if time.monotonic() > deadline:
                    raise _too_slow(limits)
            if time.monotonic() > deadline:
                raise _too_slow(limits)
            kept = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP]
            if response.status == 400:
                payload = bytearray(_short_syntax_error(bytes(payload), 1 if limits.prefixes else 0))
            return response.status, kept, bytes(payload)
        except TimeoutError as exc:
            raise _too_slow(limits) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise Refused(502, f"the SPARQL engine did not answer ({exc.__class__.__name__})") from exc
        finally:
            connection.close()  # on a refusal this drops Oxigraph's connection, which stops its work

    def _send(self, status: int, headers: list[tuple[str, str]], payload: bytes) -> None:
        try:
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away; nothing to tell it

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        """Only refusals are logged (``log_error``); Oxigraph's own log stays the access log."""

    def log_error(self, format: str, *args: object) -> None:  # noqa: A002
        sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


def _with_prologue(path: str, content_type: str, body: bytes | None, prologue: str) -> tuple[str, bytes | None]:
    """The request with ``prologue`` before its SPARQL text, wherever the protocol puts it: the URL's
    ``query``/``update`` parameter, a form body, or a ``application/sparql-query``/``-update`` body."""
    if not prologue:
        return path, body
    url = urllib.parse.urlsplit(path)
    if url.query:
        pairs = [(k, prologue + v if k in ("query", "update") else v)
                 for k, v in urllib.parse.parse_qsl(url.query, keep_blank_values=True)]
        path = urllib.parse.urlunsplit(url._replace(query=urllib.parse.urlencode(pairs)))
    kind = content_type.split(";")[0].strip().lower()
    if body is not None and kind == "application/x-www-form-urlencoded":
        pairs = [(k, prologue + v if k in ("query", "update") else v)
                 for k, v in urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)]
        body = urllib.parse.urlencode(pairs).encode("utf-8")
    elif body is not None and kind in _SPARQL_TYPES:
        body = prologue.encode("utf-8") + body
    return path, body


def _short_syntax_error(payload: bytes, shift: int) -> bytes:
    """Oxigraph's "error at L:C: expected one of <Unicode ranges>" as kg query says it: the line of the client's
    text (the prologue took line 1) and at most eight expected words."""
    from kg.query import expected_summary

    found = re.match(rb"error at (\d+):(\d+):\s*(.*)", payload, re.DOTALL)
    if not found:
        return payload
    what = expected_summary(found.group(3).decode("utf-8", "replace"))
    return f"SPARQL syntax error at line {int(found.group(1)) - shift}, column {int(found.group(2))}: {what}\n".encode()


def _too_slow(limits: Limits) -> Refused:
    return Refused(500, f"the query took longer than this server allows ({limits.timeout_s:g} s, kg serve --timeout)")
