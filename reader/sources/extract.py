"""Article text out of HTML: trafilatura for real pages, plain tag stripping when it finds nothing.

trafilatura drops navigation, footers and comments and reads title, author and date from the markup and
metadata; for broken or tiny pages it returns nothing, and the reader still deserves the visible text.
"""

from __future__ import annotations

import html as html_lib
import re

from reader.sources.article import Article, ArticleError

NOT_AN_ARTICLE = "not an article: the page has no readable text"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_DROP = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?(</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(p|div|br|h[1-6]|li|tr|article|section|blockquote|pre|header|footer)\b[^>]*>",
                    re.IGNORECASE)
_TAG = re.compile(r"<!--.*?(-->|\Z)|<[^>]*>?", re.DOTALL)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    return "\n\n".join(paragraphs)


def plain_text(markup: str) -> tuple[str, str | None]:
    """Visible text and ``<title>`` of any markup, however broken (regex-based, never raises)."""
    title_match = _TITLE.search(markup)
    title = _tidy(html_lib.unescape(_TAG.sub("", title_match.group(1)))) if title_match else None
    body = _DROP.sub("\n", markup)
    body = _BLOCK.sub("\n", body)
    body = _TAG.sub("", body)
    return _tidy(html_lib.unescape(body)), title or None


def article_from_html(markup: str, source: str = "", url: str | None = None,
                      notes: tuple[str, ...] = ()) -> Article:
    """Extract the article in ``markup``; raise ArticleError(NOT_AN_ARTICLE) when there is no text at all."""
    title = byline = date = page_url = None
    text = ""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=False)
    except Exception:  # lxml and trafilatura can raise on pathological input; fall back to plain text
        doc = None
    if doc is not None:
        fields = doc if isinstance(doc, dict) else doc.as_dict()
        text = _tidy(fields.get("text") or "")
        title, byline = fields.get("title"), fields.get("author")
        date, page_url = fields.get("date"), fields.get("url")
    if not text:
        text, fallback_title = plain_text(markup)
        title = title or fallback_title
        if text:
            notes = (*notes, "no article structure found; showing all the text of the page")
    if not text:
        raise ArticleError(NOT_AN_ARTICLE)
    # The headline stays the text's first paragraph, as in a plain-text article: spinners rewrite it too, and the
    # reader checks it (it was dropped as a repeat of the title, so a page's headline went unread).
    if not title:
        title = text.partition("\n\n")[0][:120]
    return Article(title=title.strip(), text=text, source=source, byline=byline or None, date=date or None,
                   url=url or page_url or None, notes=notes)
