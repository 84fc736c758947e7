"""http(s) URLs given as paths: the page the user named, fetched once and kept by URL.

The client is urllib3: timeouts, a bounded number of redirects, the body read in
chunks up to the size limit, no retries (an offline machine fails at once). Only
HTML, plain text, Markdown and JSON are read; the content type tells the reader
table what to expect (the content still decides). A fetched body is kept in the
cache directory (``urls/``) with its content type, and read from there the next
time, so a second run gives the same articles without the network; ``use_cache``
False neither reads nor writes it.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..files import write_atomically

from ..model import DipError
from .base import mb

#: Seconds to connect, and to wait for each read.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
#: Seconds for the whole response, body included (a server that drips is cut off).
DEADLINE = 120.0
MAX_REDIRECTS = 5

# Content types read, and the extension that hints the format to the reader table.
_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
    "text/x-markdown": ".md", "application/json": ".json", "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl", "application/jsonlines": ".jsonl", "application/x-jsonlines": ".jsonl",
}
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")


def is_url(arg: str) -> bool:
    """Does this path argument name a URL (``scheme://…``) rather than a file?"""
    return _URL.match(arg) is not None


def doc_id(url: str) -> str:
    """A document id for a URL: host and path, without ``www.``, a trailing slash or an extension."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.strip("/")
    if "." in path.rsplit("/", 1)[-1]:
        path = path[: path.rfind(".")]
    return f"{host}/{path}" if path else host or url


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body and what the server said of it.

    Attributes:
        url: Where the body came from, after redirects.
        body: The bytes (decompressed when the server compressed them).
        content_type: The media type without parameters ("text/html").
        charset: The ``charset`` parameter of the content type, if any.
    """

    url: str
    body: bytes
    content_type: str
    charset: str | None

    @property
    def ext(self) -> str:
        return _TYPES.get(self.content_type, "")


def fetch(url: str, *, max_bytes: int, use_cache: bool = True) -> Response:
    """The response for ``url``: from the cache when it has it, else from the server.

    Raises:
        DipError: Not http(s), unreachable, an HTTP error, too many redirects, a content type
            other than HTML, text, Markdown or JSON, or a body over ``max_bytes``.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise DipError(f"{url}: only http and https URLs are read")
    entry = _entry(url) if use_cache else None
    found = _read_entry(entry) if entry is not None else None
    if found is None:
        found = _download(url, max_bytes=max_bytes)
        if entry is not None:
            _write_entry(entry, found)
    if len(found.body) > max_bytes:
        raise DipError(f"{url}: response is {mb(len(found.body))}, over the limit of {mb(max_bytes)}")
    return found


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    kind, _, params = header.partition(";")
    m = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:\-]{1,40})", params, re.IGNORECASE)
    return kind.strip().lower(), m.group(1) if m else None


def _pool(url: str):
    """A connection pool for ``url``: through the proxy the environment names for it, if any."""
    import urllib.request

    import urllib3

    from .. import __version__

    options = dict(headers={"User-Agent": f"dipcli/{__version__}"},
                   timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT),
                   retries=urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS,
                                         raise_on_redirect=True, raise_on_status=False))
    parts = urlsplit(url)
    proxy = urllib.request.getproxies().get(parts.scheme.lower())
    if proxy and not urllib.request.proxy_bypass(parts.hostname or ""):
        return urllib3.ProxyManager(proxy, **options)
    return urllib3.PoolManager(**options)


def _download(url: str, *, max_bytes: int) -> Response:
    import urllib3
    from urllib3.exceptions import HTTPError, MaxRetryError, TimeoutError

    start = time.monotonic()
    try:
        response = _pool(url).request("GET", url, preload_content=False, redirect=True)
    except MaxRetryError as err:
        raise DipError(f"{url}: {_why(err.reason)}") from None
    except (HTTPError, ValueError) as err:  # a URL urllib3 cannot parse, a broken connection
        raise DipError(f"{url}: {_why(err)}") from None
    try:
        if response.status >= 400:
            raise DipError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
        kind, charset = _media_type(response.headers.get("Content-Type"))
        if kind not in _TYPES:
            shown = kind or "none given"
            raise DipError(f"{url}: content type {shown}, not HTML, text, Markdown or JSON")
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise DipError(f"{url}: response is {mb(int(length))}, over the limit of {mb(max_bytes)}")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(1 << 16):
                size += len(chunk)
                if size > max_bytes:
                    raise DipError(f"{url}: response is over the limit of {mb(max_bytes)}")
                if time.monotonic() - start > DEADLINE:
                    raise DipError(f"{url}: no complete response within {DEADLINE:.0f} s")
                chunks.append(chunk)
        except (TimeoutError, urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as err:
            raise DipError(f"{url}: {_why(err)}") from None
        return Response(url=_final_url(url, response), body=b"".join(chunks), content_type=kind, charset=charset)
    finally:
        response.release_conn()


def _final_url(url: str, response) -> str:
    """Where the body came from: ``url`` after the redirects urllib3 followed."""
    from urllib.parse import urljoin

    for step in getattr(response.retries, "history", ()) or ():
        if step.redirect_location:
            url = urljoin(url, step.redirect_location)
    return url


def _why(err: BaseException | None) -> str:
    """A short reason for a failed request, for a one-line message."""
    from urllib3 import exceptions as e

    if isinstance(err, e.ResponseError):  # what urllib3 gives when the redirects run out
        return f"more than {MAX_REDIRECTS} redirects"
    # Most specific first: urllib3 makes a refused connection a kind of connect timeout.
    if isinstance(err, e.NameResolutionError):
        return "host not found (no network, or a wrong name)"
    if isinstance(err, e.NewConnectionError):
        return "could not connect (no network, or nothing listening there)"
    if isinstance(err, (e.ConnectTimeoutError, e.ReadTimeoutError, e.TimeoutError)):
        return "timed out"
    if isinstance(err, e.SSLError):
        return "TLS error (the server's certificate could not be verified)"
    if isinstance(err, e.ProxyError):
        return "the proxy refused the request"
    if isinstance(err, (e.ProtocolError, e.DecodeError)):
        return "connection broken off"
    return f"request failed ({type(err).__name__})"


# -- the cache ------------------------------------------------------------------------------

def _entry(url: str) -> Path | None:
    from ..cache import cache_dir

    key = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
    return cache_dir() / "urls" / key[:2] / key


def _read_entry(path: Path) -> Response | None:
    """The cached response, or None when there is none or it is damaged."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, newline, body = raw.partition(b"\n")
    try:
        meta = json.loads(head)
        response = Response(url=meta["url"], body=body, content_type=meta["content_type"],
                            charset=meta["charset"])
    except (ValueError, KeyError, TypeError):
        return None
    if not newline or len(body) != meta.get("size") or response.content_type not in _TYPES:
        return None
    return response


def _write_entry(path: Path, response: Response) -> None:
    """One file: a JSON line (URL after redirects, content type, charset, size), then the body;
    written atomically, and left out when the cache cannot be written."""
    head = json.dumps({"url": response.url, "content_type": response.content_type, "charset": response.charset,
                       "size": len(response.body)}, ensure_ascii=True).encode("ascii")
    write_atomically(path, head + b"\n" + response.body)
