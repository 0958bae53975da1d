"""Fetching and feeds against servers the tests run on 127.0.0.1: nothing leaves the machine."""

from __future__ import annotations

import gzip
import json
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from localserver import LocalServer, send, static  # tests/localserver.py

from reader.library import Library
from reader.sources.feeds import FeedError, FeedRef, export_opml, fetch_feed, parse_feed, parse_opml, refresh_feeds
from reader.sources.web import FeedAddress, Fetched, FetchError, fetch, is_feed, open_url

BODY = ("US officials said on Tuesday that the storm would reach the coast by Friday, bringing heavy rain and "
        "strong winds. The National Weather Service warned 2,000 residents to leave their homes at once.")
PAGE = (f"<!doctype html><html><head><title>Storm nears</title><meta name='author' content='Jane Roe'></head>"
        f"<body><article><h1>Storm nears</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Daily</title>
<link>http://127.0.0.1/</link>
<item><title>Storm nears</title><link>{base}/page</link><guid>a1</guid><author>jane@x (Jane Roe)</author>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;US officials said the storm nears.&lt;/p&gt;
</description></item>
<item><title>Second</title><link>{base}/two</link><guid>a2</guid><description>Plain text entry.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Daily</title>
<link href="http://127.0.0.1/"/><updated>2024-03-05T10:00:00Z</updated><id>urn:x</id>
<entry><title>Atom story</title><id>urn:1</id><link href="http://127.0.0.1/a1"/><updated>2024-03-05T10:00:00Z</updated>
<author><name>Jo Bloggs</name></author>
<content type="html">&lt;p&gt;Full &lt;b&gt;content&lt;/b&gt; here.&lt;/p&gt;</content>
</entry></feed>"""
JSON_FEED = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily",
                        "home_page_url": "http://127.0.0.1/",
                        "items": [{"id": "j1", "url": "http://127.0.0.1/j1", "title": "JSON story",
                                   "content_html": "<p>Hello <i>world</i></p>",
                                   "date_published": "2024-03-05T10:00:00Z",
                                   "authors": [{"name": "Ann"}]},
                                  {"id": "j2", "content_text": "Text only."}]})
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>')

FAST = {"timeout": 2.0, "total_timeout": 5.0, "backoff": 0.01}


def test_open_url_extracts_article(server: LocalServer) -> None:
    server.routes["/page"] = static(PAGE)
    article = open_url(server.url("/page"), **FAST)
    assert article.title == "Storm nears" and article.byline == "Jane Roe"
    assert BODY in article.text and article.url == server.url("/page")


RSS_091 = ('<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
           '"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>W</title>'
           "</channel></rss>")
RSS_1 = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
         'xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>')
FOAF = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/">'
        "<foaf:Person/></rdf:RDF>")


def _fetched(body: str | bytes, content_type: str) -> Fetched:
    return Fetched("http://x/f", 200, body.encode() if isinstance(body, str) else body, content_type, None, None, None)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (RSS, "application/rss+xml"),
        (RSS, "text/html"),  # a server that sends every file as a page
        (ATOM, "application/xml"),
        ("\ufeff<?xml version='1.0'?><!-- generated --><?xml-stylesheet href='s.xsl'?>\n<rss version='2.0'/>",
         "text/xml"),
        (RSS_091, "text/xml"),  # a DOCTYPE before the root
        ("<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss/>", "text/xml"),  # with an internal subset
        ("<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'/>", "application/xml"),
        (RSS_1, "text/plain"),
        ("<?xml version='1.0' encoding='utf-16'?><rss version='2.0'/>".encode("utf-16"), "text/xml"),
        (JSON_FEED, "application/json"),
        ("\ufeff" + json.dumps({"items": [{"id": "x" * 5000}], "version": "https://jsonfeed.org/version/1"}),
         "application/json"),  # the version past the first 4 KB
        ('{"version": "https:\\/\\/jsonfeed.org\\/version\\/1", "items": []}', "text/plain"),  # PHP's escapes
        ("{}", "application/feed+json"),
    ],
)
def test_a_feed_is_known_by_its_type_or_its_root(body: str | bytes, content_type: str) -> None:
    assert is_feed(_fetched(body, content_type))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (PAGE, "text/html"),
        ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>rss feed</p></body></html>",
         "application/xhtml+xml"),
        ("<!-- <rss> --><html><body>See our <feed> page</body></html>", "text/html"),
        ('{"title": "about feeds", "see": "https://jsonfeed.org/version/1.1"}', "application/json"),
        ('{"version": "https://jsonfeed.org/version/1"', "application/json"),  # broken JSON
        ("A plain text about an RSS feed.", "text/plain"),
        (FOAF, "application/rdf+xml"),  # RDF, but no RSS 1.0
        ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "text/xml"),
        ("<!-- x -->" * 1000 + "<!DOCTYPE html>", "text/html"),  # no root: once exponential in the comments
        ("<?pi ?>" * 1000 + "text", "text/plain"),
    ],
)
def test_a_page_is_no_feed(body: str, content_type: str) -> None:
    assert not is_feed(_fetched(body, content_type))


def test_a_json_feed_of_odd_types_is_read_not_crashed_on() -> None:
    odd = json.dumps({"version": "https://jsonfeed.org/version/1.1", "home_page_url": 5,
                      "items": [{"id": 1, "authors": 5, "url": ["x"], "date_published": 7, "title": "Odd"}]})
    feed = parse_feed(odd.encode())
    assert feed.site_url is None
    assert feed.entries[0].author is None and feed.entries[0].link is None and feed.entries[0].published is None


def test_opening_a_feed_as_an_article_says_it_is_a_feed(server: LocalServer) -> None:
    server.routes["/feed.xml"] = static(RSS.format(base=server.base), "text/xml")
    with pytest.raises(FeedAddress, match="sent a news feed, not an article") as info:
        open_url(server.url("/feed.xml"), **FAST)
    assert info.value.fetched.url == server.url("/feed.xml")
    assert [e.link for e in parse_feed(info.value.fetched.body).entries] == [server.url("/page"), server.url("/two")]


def test_404_is_not_retried_and_explained(server: LocalServer) -> None:
    with pytest.raises(FetchError, match="no page at this address") as info:
        fetch(server.url("/missing"), **FAST)
    assert info.value.status == 404 and server.hits["/missing"] == 1


def test_could_not_reach_closed_port() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the with-block ends: nothing listens there
    with pytest.raises(FetchError, match=r"could not reach 127.0.0.1.*\(tried 2 times\)"):
        fetch(f"http://127.0.0.1:{port}/", retries=1, **FAST)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("not a url at all", "not a web address: 'not a url at all' (an address has no spaces)"),
        ("http://example.org/a\x07b", "not a web address"),
        ("http://[::1", "not a web address: http://[::1 (Invalid IPv6 URL)"),
        ("ftp://example.org/", "not a web address: ftp://example.org/"),
    ],
)
def test_what_is_no_web_address_is_said_so(address: str, message: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(address, retries=0, **FAST)
    assert str(info.value).startswith(message)


def test_https_to_a_plain_http_server_suggests_its_http_address(server: LocalServer) -> None:
    server.routes["/p"] = static(PAGE)
    host = server.base.removeprefix("http://")
    with pytest.raises(FetchError, match=f"could not make a secure connection to {host} .*try its http:// address"):
        fetch(f"{host}/p", retries=0, **FAST)  # an address typed without its scheme is tried as https://


def test_slow_server_hits_the_timeout(server: LocalServer) -> None:
    server.routes["/slow"] = lambda h: time.sleep(1.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="could not reach 127.0.0.1.*no answer"):
        fetch(server.url("/slow"), timeout=0.3, total_timeout=1.0, retries=1, backoff=0.01)
    assert time.monotonic() - started < 1.4
    assert server.hits["/slow"] == 2  # retried once


def test_dribbling_server_hits_the_overall_deadline(server: LocalServer) -> None:
    def dribble(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(30):
            h.wfile.write(b"<p>x</p>" * 10)
            h.wfile.flush()
            time.sleep(0.1)

    server.routes["/dribble"] = dribble
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch(server.url("/dribble"), timeout=1.0, total_timeout=0.5, retries=0)
    assert time.monotonic() - started < 1.5


def test_retries_with_backoff_then_succeeds(server: LocalServer) -> None:
    def flaky(h: BaseHTTPRequestHandler) -> None:
        if server.hits["/flaky"] < 3:
            send(h, 503, b"busy")
        else:
            send(h, 200, PAGE.encode())

    server.routes["/flaky"] = flaky
    waits: list[float] = []
    fetched = fetch(server.url("/flaky"), retries=3, backoff=0.5, sleep=waits.append)
    assert fetched.status == 200 and waits == [0.5, 1.0]


def test_huge_page_is_refused(server: LocalServer) -> None:
    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(200):
            h.wfile.write(b"a" * 65536)  # 13 MB if the client kept reading

    server.routes["/huge"] = huge
    with pytest.raises(FetchError, match="too large"):
        fetch(server.url("/huge"), max_bytes=1_000_000, **FAST)


def test_gzip_bomb_is_capped(server: LocalServer) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    server.routes["/bomb"] = lambda h: send(h, 200, bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="too large"):
        fetch(server.url("/bomb"), max_bytes=1_000_000, **FAST)


def test_gzip_page_is_read(server: LocalServer) -> None:
    server.routes["/gz"] = lambda h: send(h, 200, gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert BODY in open_url(server.url("/gz"), **FAST).text


@pytest.mark.parametrize("declared", [True, False])
def test_non_utf8_page(server: LocalServer, declared: bool) -> None:
    page = PAGE.replace("storm would", "storm’s café would")
    content_type = "text/html; charset=windows-1252" if declared else "text/html"
    server.routes["/legacy"] = static(page.encode("cp1252"), content_type)
    article = open_url(server.url("/legacy"), **FAST)
    assert "storm’s café would" in article.text
    assert bool(article.notes) is not declared


def test_image_is_not_an_article(server: LocalServer) -> None:
    server.routes["/img"] = static(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    with pytest.raises(FetchError, match="not an article"):
        open_url(server.url("/img"), **FAST)


def test_conditional_requests(server: LocalServer) -> None:
    seen: list[tuple[str | None, str | None]] = []

    def conditional(h: BaseHTTPRequestHandler) -> None:
        seen.append((h.headers.get("If-None-Match"), h.headers.get("If-Modified-Since")))
        if h.headers.get("If-None-Match") == '"v1"':
            h.send_response(304)
            h.end_headers()
        else:
            send(h, 200, RSS.format(base=server.base).encode(), "application/rss+xml",
                 {"ETag": '"v1"', "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"})

    server.routes["/feed"] = conditional
    feed, first = fetch_feed(server.url("/feed"), **FAST)
    assert feed is not None and first.etag == '"v1"'
    again, second = fetch_feed(server.url("/feed"), etag=first.etag, last_modified=first.last_modified, **FAST)
    assert again is None and second.not_modified and second.etag == '"v1"'
    assert seen == [(None, None), ('"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")]


def test_rss_atom_json_feeds_parse() -> None:
    rss = parse_feed(RSS.format(base="http://x").encode(), "http://x/feed")
    assert rss.title == "Daily" and [e.guid for e in rss.entries] == ["a1", "a2"]
    assert rss.entries[0].text == "US officials said the storm nears."
    assert rss.entries[0].published == "2024-03-05T10:00:00Z"
    atom = parse_feed(ATOM.encode())
    assert atom.title == "Atom Daily" and atom.entries[0].text == "Full content here."
    assert atom.entries[0].author == "Jo Bloggs"
    js = parse_feed(JSON_FEED.encode(), content_type="application/feed+json")
    assert js.kind == "json" and js.entries[0].text == "Hello world" and js.entries[0].author == "Ann"
    assert js.entries[1].text == "Text only."


def test_malformed_xml_is_read_loosely_or_refused() -> None:
    loose = parse_feed(b"<rss version='2.0'><channel><title>x</title><item><title>a & b</title>"
                       b"<guid>1</guid></item><item><title>c</title></channel>")
    assert [e.title for e in loose.entries][:1] == ["a & b"]
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b"<html><body><p>just a page</p></body></html>")
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1", "items": ')


def test_billion_laughs_is_refused_fast(server: LocalServer) -> None:
    server.routes["/laughs"] = static(LAUGHS, "application/rss+xml")
    started = time.monotonic()
    with pytest.raises(FeedError, match="declares XML entities"):
        fetch_feed(server.url("/laughs"), **FAST)
    assert time.monotonic() - started < 1.0


def test_opml_round_trip_and_entities(tmp_path: Path) -> None:
    refs = [FeedRef("http://127.0.0.1/a?x=1&y=2", "A & B", "http://127.0.0.1/"), FeedRef("http://127.0.0.1/b")]
    text = export_opml(refs)
    parsed = parse_opml(text.encode())
    assert parsed[0] == refs[0] and parsed[1].url == refs[1].url
    spelled = b"<opml version='2.0'><body><outline xmlURL='http://h/2' text='Two'/>" \
              b"<outline xmlUrl='file:///etc/passwd' text='Not a feed'/></body></opml>"
    assert parse_opml(spelled) == [FeedRef("http://h/2", "Two", None)]
    odd = [FeedRef("http://127.0.0.1/c", "Bad\x0bTitle\x00 here\ufffe", None)]  # a feed's title, as it came
    assert parse_opml(export_opml(odd, "Mine\x07").encode()) == [FeedRef("http://127.0.0.1/c", "BadTitle here")]
    nested = b"<opml version='1.0'><body><outline text='News'><outline xmlUrl='http://h/1' text='One'/>" \
             b"</outline><outline xmlUrl='http://h/1'/></body></opml>"
    assert parse_opml(nested) == [FeedRef("http://h/1", "One", None)]
    with pytest.raises(FeedError):
        parse_opml(LAUGHS.encode())


def test_refresh_feeds_with_progress(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/rss"] = static(RSS.format(base=server.base), "application/rss+xml")
    server.routes["/atom"] = static(ATOM, "application/atom+xml")
    server.routes["/json"] = static(JSON_FEED, "application/feed+json")
    server.routes["/page"] = static(PAGE)
    with Library(tmp_path / "lib.sqlite3") as library:
        for path in ("/rss", "/atom", "/json", "/gone"):
            library.add_feed(server.url(path))
        calls: list[tuple[int, int, str]] = []
        results = refresh_feeds(library, progress=lambda d, t, name: calls.append((d, t, name)),
                                fetch_pages=True, **FAST)
        by_url = {r.feed_url: r for r in results}
        assert by_url[server.url("/rss")].new_entries == 2
        assert by_url[server.url("/json")].new_entries == 2
        assert "no page" in (by_url[server.url("/gone")].error or "")
        assert [c[0] for c in calls] == [0, 1, 2, 3, 4] and calls[-1][1] == 4
        texts = {row.title: library.article(row.id) for row in library.list_articles()}
        storm = texts["Storm nears"]
        assert storm is not None and BODY in storm.article.text  # the short feed text was replaced by the page
        assert storm.article.text.startswith("Storm nears\n\n")  # the page's headline opens it, once
        atom = texts["Atom story"]
        assert atom is not None and atom.article.text == "Atom story\n\nFull content here."  # the feed's headline too
        untitled = texts["untitled"]
        assert untitled is not None and untitled.article.text == "Text only."  # no headline to read
        assert refresh_feeds(library, **FAST)[0].new_entries == 0  # nothing new the second time
        twice = "<item><guid>same</guid><title>Twice</title><description>Listed twice.</description></item>"
        server.routes["/twice"] = static(f"<rss version='2.0'><channel><title>T</title>{twice * 2}</channel></rss>",
                                         "application/rss+xml")
        feed = library.add_feed(server.url("/twice"))
        assert refresh_feeds(library, feed_ids=[feed], fetch_pages=False, **FAST)[0].new_entries == 1
        feeds = {f.url: f for f in library.feeds()}
        assert feeds[server.url("/rss")].title == "Daily" and feeds[server.url("/gone")].last_error


def test_entries_without_an_id_keep_their_identity_as_new_ones_arrive() -> None:
    def rss(*titles: str) -> bytes:
        items = "".join(f"<item><title>{t}</title><description>{t} text.</description></item>" for t in titles)
        return f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode()

    def json_feed(*titles: str) -> bytes:
        return json.dumps({"version": "https://jsonfeed.org/version/1.1",
                           "items": [{"title": t, "content_text": f"{t} text."} for t in titles]}).encode()

    for make in (rss, json_feed):
        before = {e.title: e.guid for e in parse_feed(make("Old story", "Older story"), "http://x/f").entries}
        after = {e.title: e.guid for e in parse_feed(make("New story", "Old story", "Older story"), "http://x/f").entries}
        assert after["Old story"] == before["Old story"] and after["Older story"] == before["Older story"]
        assert after["New story"] not in before.values()
