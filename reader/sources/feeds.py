"""RSS, Atom and JSON Feed parsing, OPML import/export, and a synchronous refresh with a progress callback.

feedparser reads RSS/Atom (including the malformed XML found in the wild) from bytes we fetched ourselves,
so timeouts, size caps and conditional requests are ours (web.fetch). Feeds that declare XML entities are
refused before parsing: no real feed needs them and they are how "billion laughs" expansion works.
JSON Feed (jsonfeed.org, version 1 and 1.1) is small enough to read by hand.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from reader.sources.article import ArticleError
from reader.sources.extract import plain_text
from reader.sources.web import JSON_FEED_VERSION, MAX_PAGE_BYTES, Fetched, FetchError, fetch

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
UNTITLED = "untitled"  # an entry's title where the feed gives neither a title nor a link


class FeedError(ArticleError):
    """A feed that could not be read, with a message for the reader."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed; ``text`` is the entry's content (or summary) as plain text."""

    guid: str
    title: str
    link: str | None
    text: str
    author: str | None = None
    published: str | None = None  # ISO 8601 when the feed gives a parsable date


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    site_url: str | None
    entries: tuple[FeedEntry, ...] = field(default=())
    kind: str = ""  # "rss20", "atom10", "json", ... as feedparser names them


@dataclass(frozen=True, slots=True)
class FeedRef:
    """A subscription as OPML carries it."""

    url: str
    title: str = ""
    site_url: str | None = None


def _refuse_entities(data: bytes, what: str) -> None:
    if _ENTITY_DECL.search(data[:65536]):
        raise FeedError(f"not a feed: this {what} declares XML entities (refused: a known way to make "
                        "a small file expand to gigabytes)")


def parse_feed(data: bytes, url: str = "", content_type: str = "") -> Feed:
    """Parse RSS, Atom or JSON Feed bytes; raise FeedError("not a feed ...") when nothing usable is found."""
    head = data.lstrip()[:1]
    if head == b"{" or content_type.endswith("json"):
        return _parse_json_feed(data)
    _refuse_entities(data, "feed")
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-type": content_type} if content_type
                              else None)
    meta = parsed.get("feed", {})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError("not a feed: " + (f"the XML is broken ({reason})" if reason else "no RSS, Atom or JSON "
                                          "feed found at this address"))
    entries = []
    for item in parsed.entries:
        content = ""
        if item.get("content"):
            content = max((c.get("value", "") for c in item["content"]), key=len)
        content = content or item.get("summary", "")
        text = plain_text(content)[0] if "<" in content else content.strip()
        published = None
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        if stamp:
            published = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*stamp[:6])
        link = item.get("link")
        guid = item.get("id") or link or content_guid(url, item.get("title") or "", text)
        entries.append(FeedEntry(guid, (item.get("title") or "").strip() or (link or UNTITLED), link, text,
                                 item.get("author"), published))
    return Feed((meta.get("title") or "").strip() or url, meta.get("link"), tuple(entries),
                parsed.get("version") or "unknown")


def content_guid(url: str, title: str, text: str) -> str:
    """An entry's identity where the feed gives it none (no id, no link): its words, not its place in the feed,
    which shifts as new entries arrive on top (a place made every old entry new again, or dropped the new one)."""
    digest = hashlib.blake2b(f"{title}\n{text}".encode(), digest_size=12).hexdigest()
    return f"{url}#{digest}"


def _parse_json_feed(data: bytes) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise FeedError(f"not a feed: the JSON is broken ({error})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(JSON_FEED_VERSION):
        raise FeedError("not a feed: JSON without a jsonfeed.org version")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError("not a feed: a JSON Feed without items")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        # Every field is read as the type the spec gives it, or not at all: a feed in the wild may send anything.
        html = item.get("content_html")
        text = str(item.get("content_text") or "") or (plain_text(str(html))[0] if html else "")
        text = text or str(item.get("summary") or "")
        authors = item.get("authors")
        if not isinstance(authors, list):
            authors = [item["author"]] if isinstance(item.get("author"), dict) else []
        names = [str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")]
        link = item.get("url") or item.get("external_url")
        link = link if isinstance(link, str) else None
        published = item.get("date_published")
        guid = str(item.get("id") or link or content_guid("", str(item.get("title") or ""), text))
        entries.append(FeedEntry(guid, str(item.get("title") or link or UNTITLED), link, text.strip(),
                                 ", ".join(names) or None, published if isinstance(published, str) else None))
    home = doc.get("home_page_url")
    return Feed(str(doc.get("title") or ""), home if isinstance(home, str) else None, tuple(entries), "json")


def fetch_feed(url: str, *, etag: str | None = None, last_modified: str | None = None,
               **fetch_options: object) -> tuple[Feed | None, Fetched]:
    """Fetch and parse a feed; (None, fetched) when the server says it has not changed (304)."""
    fetched = fetch(url, etag=etag, last_modified=last_modified, accept=FEED_ACCEPT,
                    **fetch_options)  # type: ignore[arg-type]
    if fetched.not_modified:
        return None, fetched
    return parse_feed(fetched.body, fetched.url, fetched.content_type), fetched


# --- OPML -----------------------------------------------------------------------------------------------


def parse_opml(data: bytes) -> list[FeedRef]:
    """The feed subscriptions in an OPML file (nested folders are flattened; duplicates dropped)."""
    _refuse_entities(data, "OPML file")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise FeedError(f"not an OPML file: {error}") from None
    if root.tag.lower() != "opml":
        raise FeedError("not an OPML file: the root element is not <opml>")
    seen: set[str] = set()
    refs: list[FeedRef] = []
    for outline in root.iter("outline"):
        # "xmlUrl" as the spec spells it; other writers' spellings too ("xmlURL", "xmlurl")
        url = next((value.strip() for key, value in outline.attrib.items() if key.lower() == "xmlurl"), "")
        if not url or url in seen or not url.lower().startswith(("http://", "https://")):
            continue  # a feed is read over the web: no "file:///etc/passwd" subscription that fails for ever
        seen.add(url)
        refs.append(FeedRef(url, outline.get("title") or outline.get("text") or "", outline.get("htmlUrl")))
    return refs


def export_opml(feeds: Iterable[FeedRef], title: str = "Unspin subscriptions") -> str:
    """OPML 2.0 text other readers import."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>"]
    for ref in feeds:
        name = _xml_text(ref.title or ref.url)
        attrs = f'type="rss" text={quoteattr(name)} title={quoteattr(name)} xmlUrl={quoteattr(_xml_text(ref.url))}'
        if ref.site_url:
            attrs += f" htmlUrl={quoteattr(_xml_text(ref.site_url))}"
        lines.append(f"    <outline {attrs}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return _xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE, U+FFFF): one in a
# feed's title made the whole export unreadable, to other readers and to Unspin's own import.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


# --- refresh ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What one feed's refresh did; ``error`` is a reader-facing message when it failed."""

    feed_url: str
    new_entries: int = 0
    not_modified: bool = False
    error: str | None = None


Progress = Callable[[int, int, str], None]  # (done, total, feed url or title)
Cancelled = Callable[[], bool]


def refresh_feeds(
    library: object,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    fetch_pages: bool = False,
    min_words: int = 150,
    feed_ids: Iterable[int] | None = None,
    **fetch_options: object,
) -> list[RefreshResult]:
    """Refresh every feed in ``library`` (a reader.library.Library): conditional GET, new entries stored.

    Blocking; run it on a worker thread and forward ``progress`` to the window (it is called from that
    thread). ``cancelled`` is polled between feeds. With ``fetch_pages``, entries whose feed text is
    shorter than ``min_words`` are replaced by the extracted article page they link to. ``feed_ids`` limits
    the refresh to those feeds (e.g. one just subscribed to).
    """
    from reader.library.store import Library
    from reader.sources.web import article_from_response

    assert isinstance(library, Library)
    feeds = library.feeds()
    if feed_ids is not None:
        wanted = set(feed_ids)
        feeds = [f for f in feeds if f.id in wanted]
    results: list[RefreshResult] = []
    for done, info in enumerate(feeds):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(feeds), info.title or info.url)
        try:
            feed, fetched = fetch_feed(info.url, etag=info.etag, last_modified=info.last_modified,
                                       **fetch_options)
        except ArticleError as error:
            library.record_feed_check(info.id, error=str(error))
            results.append(RefreshResult(info.url, error=str(error)))
            continue
        if feed is None:
            library.record_feed_check(info.id, etag=fetched.etag, last_modified=fetched.last_modified)
            results.append(RefreshResult(info.url, not_modified=True))
            continue
        new = 0
        known = library.known_guids(info.id)
        for entry in feed.entries:
            if cancelled is not None and cancelled():
                break  # stopped: what was read is kept, the rest comes with the next refresh
            if entry.guid in known:
                continue
            known.add(entry.guid)  # a feed that lists one entry twice gets it once, and counts it once
            text, byline, title = entry.text, entry.author, entry.title
            from_page = False
            if fetch_pages and entry.link and len(text.split()) < min_words:
                try:
                    page = article_from_response(fetch(entry.link, max_bytes=MAX_PAGE_BYTES,
                                                       **fetch_options))  # type: ignore[arg-type]
                    text, byline, from_page = page.text, byline or page.byline, True
                except (FetchError, ArticleError):
                    pass  # keep the feed's own text; the entry is still worth listing
            if not text.strip():
                text = title
            elif not from_page and entry.title not in (UNTITLED, entry.link) and not text.startswith(entry.title):
                # The headline is checked too: it opens the text, as a page's and a plain-text article's does.
                text = f"{entry.title}\n\n{text}"
            library.add_article(title=title, text=text, url=entry.link, byline=byline, date=entry.published,
                                source=entry.link or info.url, feed_id=info.id, guid=entry.guid)
            new += 1
        library.record_feed_check(info.id, etag=fetched.etag, last_modified=fetched.last_modified,
                                  title=feed.title or None, site_url=feed.site_url)
        results.append(RefreshResult(info.url, new_entries=new))
    if progress is not None:
        progress(len(results), len(feeds), "")
    return results
