"""Fetching pages and feeds over HTTP: synchronous, bounded in time and size, with honest errors.

Synchronous on purpose: the GUI runs these calls on its QThreadPool, tests call them directly. Every call
ends within about ``retries * (timeout_total + backoff)``: a per-read socket timeout bounds a silent
server, an overall deadline bounds one that dribbles bytes. stdlib urllib is enough for GET with
conditional headers, and it keeps the dependency list short.
"""

from __future__ import annotations

import codecs
import email.message
import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from reader.sources.article import Article, ArticleError
from reader.sources.decode import DecodeError, decode_bytes
from reader.sources.extract import article_from_html, declared_charset

JSON_FEED_VERSION = "https://jsonfeed.org/version/"
MAX_PAGE_BYTES = 10_000_000  # news pages are well under 5 MB including inline scripts
USER_AGENT = "Unspin/0.1 (desktop news reader)"
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(ArticleError):
    """A network failure explained for the reader; ``retryable`` says whether trying later may help."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable


class FeedAddress(FetchError):
    """The address holds a news feed, not an article: the caller may subscribe to it (``fetched`` is the feed)."""

    def __init__(self, fetched: Fetched) -> None:
        super().__init__(f"{_host(fetched.url)} sent a news feed, not an article")
        self.fetched = fetched


FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json"})
FEED_PROLOG_BYTES = 65_536  # how far into a document its root element is looked for
# The first element of an XML document, after its declaration, comments, processing instructions and DOCTYPE. Each
# part stops at its own end mark and can run past none ("-->" ends a comment, nothing inside it does), so a page of
# a thousand comments is matched in one pass: no hostile prolog can make this take exponential time.
_FIRST_ELEMENT = re.compile(
    rb"\s*(?:(?:<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)\s*)*"
    rb"<([A-Za-z_][\w:.-]*)",
    re.IGNORECASE,
)
_FEED_ROOTS = frozenset({b"rss", b"feed"})  # RSS 0.9x/2.0 and Atom, with or without a namespace prefix
_RSS_1 = b"purl.org/rss/1.0"  # RSS 1.0 is RDF: an rdf:RDF root is a feed only in that namespace (not FOAF, say)


def is_feed(fetched: Fetched) -> bool:
    """Whether a response is a feed, by its declared type or, whatever it is sent as, by its root: an RSS or Atom
    element, an RSS 1.0 rdf:RDF, or a JSON object with a JSON Feed's version."""
    if fetched.content_type in FEED_TYPES:
        return True
    body = fetched.body
    if body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        body = body[: 2 * FEED_PROLOG_BYTES].decode("utf-16", "ignore").encode()
    body = body.removeprefix(codecs.BOM_UTF8)
    if body.lstrip()[:1] == b"{":
        try:
            document = json.loads(body)  # at most MAX_PAGE_BYTES
        except (ValueError, RecursionError):
            return False
        return isinstance(document, dict) and str(document.get("version", "")).startswith(JSON_FEED_VERSION)
    prolog = body[:FEED_PROLOG_BYTES]
    first = _FIRST_ELEMENT.match(prolog)
    if first is None:
        return False
    root = first.group(1).lower().rpartition(b":")[2]
    return root in _FEED_ROOTS or (root == b"rdf" and _RSS_1 in prolog)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body (empty when ``not_modified``) with what is needed for the next conditional request."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _check_url(url: str) -> str:
    url = url.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise FetchError(f"not a web address: {url!r} (an address has no spaces)")
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as error:  # "http://[::1": a broken IPv6 address
        raise FetchError(f"not a web address: {url} ({error})") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not a web address: {url}")
    return url


def _read_body(response: object, deadline: float, max_bytes: int, url: str) -> bytes:
    """Read in chunks so both the size cap and the overall deadline are enforced while reading."""
    chunks: list[bytes] = []
    total = 0
    # read1 returns what has arrived; read(n) would wait for n bytes and overrun the deadline
    read = getattr(response, "read1", None) or response.read  # type: ignore[attr-defined]
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"could not reach {_host(url)}: the server is too slow (gave up waiting)",
                             retryable=True)
        chunk = read(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"the page at {_host(url)} is too large (over {max_bytes // 1_000_000} MB); "
                             "not an article")
        chunks.append(chunk)


def _gunzip(data: bytes, max_bytes: int, url: str) -> bytes:
    """Decompress with the same cap as the download: a small gzip can expand to gigabytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        raise FetchError(f"{_host(url)} sent a damaged compressed page") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise FetchError(f"the page at {_host(url)} is too large (over {max_bytes // 1_000_000} MB); "
                         "not an article")
    return out


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = 10.0,
    total_timeout: float = 30.0,
    retries: int = 2,
    backoff: float = 0.5,
    max_bytes: int = MAX_PAGE_BYTES,
    accept: str = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """GET ``url``; a 304 answer to ``etag``/``last_modified`` comes back as ``Fetched.not_modified``.

    Connection failures, timeouts, 429 and 5xx are retried ``retries`` times, waiting ``backoff``, then
    twice that, and so on (a Retry-After up to 30 s is honoured); other failures raise FetchError at once.
    """
    url = _check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempt = 0
    while True:
        try:
            return _fetch_once(url, headers, timeout, total_timeout, max_bytes)
        except FetchError as error:
            if not error.retryable:
                raise
            if attempt >= retries:
                if attempt:  # "no answer within 10 s" after 31 s of waiting says why it took that long
                    raise FetchError(f"{error} (tried {attempt + 1} times)", status=error.status,
                                     retryable=True) from None
                raise
            delay = backoff * (2**attempt)
            if isinstance(error, _RetryAfter):
                delay = max(delay, min(error.seconds, 30.0))
            attempt += 1
            sleep(delay)


class _RetryAfter(FetchError):
    def __init__(self, message: str, status: int, seconds: float) -> None:
        super().__init__(message, status=status, retryable=True)
        self.seconds = seconds


def _fetch_once(url: str, headers: dict[str, str], timeout: float, total_timeout: float,
                max_bytes: int) -> Fetched:
    deadline = time.monotonic() + total_timeout
    request = urllib.request.Request(url, headers=headers)
    host = _host(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read_body(response, deadline, max_bytes, url)
            info: email.message.Message = response.headers
            status = response.status
            final_url = response.url
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(url, 304, b"", "", None, error.headers.get("ETag") or headers.get("If-None-Match"),
                           error.headers.get("Last-Modified") or headers.get("If-Modified-Since"))
        reason = error.reason or "error"
        message = f"{host} answered {error.code} {reason}"
        if error.code == 404:
            message = f"{host} has no page at this address (404 Not Found)"
        elif error.code in (401, 403):
            message = f"{host} refused access to this page ({error.code} {reason})"
        if error.code in _RETRY_STATUSES:
            retry_after = error.headers.get("Retry-After", "")
            if retry_after.strip().isdigit():
                raise _RetryAfter(message, error.code, float(retry_after)) from None
            raise FetchError(message, status=error.code, retryable=True) from None
        raise FetchError(message, status=error.code) from None
    except urllib.error.URLError as error:
        cause: object = error.reason
        if isinstance(cause, ssl.SSLCertVerificationError):
            raise FetchError(f"could not reach {host} safely: its certificate could not be verified "
                             f"({cause.verify_message or cause})") from None
        if isinstance(cause, ssl.SSLError):
            raise FetchError(f"could not make a secure connection to {host} ({cause.reason or cause}); if the site "
                             "has no https, try its http:// address", retryable=True) from None
        if isinstance(cause, socket.timeout | TimeoutError):
            raise FetchError(f"could not reach {host}: no answer within {timeout:g} s", retryable=True) from None
        if isinstance(cause, socket.gaierror):
            raise FetchError(f"could not reach {host}: the name does not resolve (offline?)",
                             retryable=True) from None
        raise FetchError(f"could not reach {host}: {getattr(cause, 'strerror', None) or cause}",
                         retryable=True) from None
    except TimeoutError:
        raise FetchError(f"could not reach {host}: no answer within {timeout:g} s", retryable=True) from None
    except ValueError as error:  # http.client.InvalidURL: an address urllib cannot send
        raise FetchError(f"not a web address: {url} ({error})") from None
    except (ConnectionError, OSError) as error:
        if isinstance(error, FetchError):
            raise
        raise FetchError(f"could not reach {host}: {error.strerror or error}", retryable=True) from None
    if (info.get("Content-Encoding") or "").lower() == "gzip":
        body = _gunzip(body, max_bytes, url)
    return Fetched(final_url, status, body, info.get_content_type(), info.get_content_charset(),
                   info.get("ETag"), info.get("Last-Modified"))


def article_from_response(fetched: Fetched) -> Article:
    """Turn a fetched page into an Article; refuse what is not one (images, PDFs, empty pages), and say when it
    is a feed (``FeedAddress``)."""
    kind = fetched.content_type
    host = _host(fetched.url)
    if is_feed(fetched):
        raise FeedAddress(fetched)
    if kind.startswith(("image/", "audio/", "video/")) or kind in ("application/pdf", "application/zip",
                                                                  "application/octet-stream"):
        raise FetchError(f"not an article: {host} sent {kind}")
    is_html = kind in ("text/html", "application/xhtml+xml") or (
        kind not in ("text/plain", "text/markdown") and fetched.body.lstrip()[:1] == b"<")
    declared = fetched.charset or (declared_charset(fetched.body) if is_html else None)
    try:
        decoded = decode_bytes(fetched.body, declared)
    except DecodeError:
        raise FetchError(f"not an article: {host} sent binary data") from None
    notes = (decoded.note,) if decoded.note else ()
    if not decoded.text.strip():
        raise FetchError(f"not an article: the page at {host} is empty")
    if is_html:
        try:
            return article_from_html(decoded.text, source=fetched.url, url=fetched.url, notes=notes)
        except ArticleError as error:
            raise FetchError(f"{error} ({host})") from None
    from reader.sources.files import article_from_text

    article = article_from_text(decoded.text, source=fetched.url, notes=notes)
    return Article(article.title, article.text, fetched.url, None, None, fetched.url, notes)


def open_url(url: str, **fetch_options: object) -> Article:
    """Fetch and extract the article at ``url`` (blocking: call it from a worker thread)."""
    return article_from_response(fetch(url, **fetch_options))  # type: ignore[arg-type]
