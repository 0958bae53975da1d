"""Articles from local files (.txt, .md, .html, .htm): the entry point of ``reader check`` and File > Open.

Everything the reader may drop on the window is checked before it reaches the engine: size, binary
content, encoding; every refusal is an ArticleError whose message can be shown as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from reader.sources.article import Article, ArticleError
from reader.sources.decode import DecodeError, decode_bytes
from reader.sources.extract import article_from_html, declared_charset

__all__ = [
    "Article", "ArticleError", "MAX_FILE_BYTES", "article_from_bytes", "article_from_stream", "article_from_text",
    "read_article",
]

MAX_FILE_BYTES = 20_000_000  # no news article comes near this; larger files are data dumps or mistakes
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

# Possessive: a comment once matched is never matched again another way (with "*" a file of many comments and no
# page after them backtracked for minutes, doubling with each comment).
_HTML_START = re.compile(rb"\A\s*+(?:<!--.*?-->\s*+)*+<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(---|\.\.\.)[ \t]*\n", re.DOTALL)
# Each markup pattern stops at the next opening of its own kind and at the line's end, so that no match is tried
# from every position to the end of a long line (a line of 100,000 "*a " or "[" took minutes).
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1(?!\w)")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)


def _size_message(size: int, limit: int) -> str:
    return (f"the file is too large to be an article ({size / 1_000_000:.1f} MB; "
            f"the limit is {limit / 1_000_000:g} MB)")


def read_article(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """Read ``path`` as an article; raise ArticleError with a message fit for the reader otherwise."""
    path = Path(path)
    name = path.name or str(path.resolve())  # "." and "" have no name of their own
    try:
        if path.is_dir():
            raise ArticleError(f"{name} is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(_size_message(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise ArticleError(f"{name} does not exist") from None
    except PermissionError:
        raise ArticleError(f"not allowed to read {name}") from None
    except OSError as error:
        raise ArticleError(f"could not read {name}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise ArticleError(_size_message(len(data), max_bytes))
    return article_from_bytes(data, name, suffix=path.suffix.lower(), source=str(path))


def article_from_stream(stream: BinaryIO, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """An article from a stream of unknown size (standard input), held to the same limit as a file."""
    data = stream.read(max_bytes + 1)  # one byte more says it is over the limit, without reading all of it
    if len(data) > max_bytes:
        raise ArticleError(f"{name} is too large to be an article (over the limit of {max_bytes / 1_000_000:g} MB)")
    return article_from_bytes(data, name)


def article_from_bytes(data: bytes, name: str, *, suffix: str = "", source: str = "") -> Article:
    """An article from the bytes of a file or of standard input: HTML by its suffix or its first tag, Markdown by
    its suffix, else text; the encoding from a BOM, UTF-8, an HTML charset or a guess (said in ``notes``).
    ``name`` names the input in messages ("story.txt", "standard input")."""
    if not data.strip():
        raise ArticleError(f"{name} is empty")
    is_html = suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _HTML_START.match(data) is not None)
    try:
        decoded = decode_bytes(data, declared_charset(data) if is_html else None)
    except DecodeError as error:
        raise ArticleError(f"{name}: {error}") from None
    notes = (decoded.note,) if decoded.note else ()
    if is_html:
        try:
            return article_from_html(decoded.text.lstrip("\ufeff"), source=source, notes=notes)
        except ArticleError as error:
            raise ArticleError(f"{name}: {error}") from None
    if suffix in MARKDOWN_SUFFIXES:
        return _article_from_markdown(decoded.text, source, Path(source).stem, notes)
    if not decoded.text.strip():
        raise ArticleError(f"{name} has no text")
    return article_from_text(decoded.text, source=source, notes=notes)


def article_from_text(text: str, title: str | None = None, *, source: str = "",
                      notes: tuple[str, ...] = ()) -> Article:
    """An article from plain text (pasted or read); the title defaults to the first short line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if title is None:
        # the lines with words, without a byte-order mark or a quoted mail's marks ("> ")
        lines = [stripped for line in text.splitlines() if (stripped := line.lstrip("\ufeff \t>").strip())]
        first = lines[_dateline_lines(lines)] if lines else ""
        title = first if len(first) <= 150 else first[:120].rsplit(" ", 1)[0] + "…"
    return Article(title=title, text=text, source=source, notes=notes)


_DASHES = "-\u2013\u2014\u2015"
_DATELINE_WORDS = 3  # "WASHINGTON (Reuters) —"; a place and an agency on lines of their own have a word or two each


def _dateline_lines(lines: list[str]) -> int:
    """How many of the first lines are a dateline set on lines of its own, as a news page copies it: a first line of
    a place (and an agency) that ends in a dash ("WASHINGTON (Reuters) —"), or two or three lines of a word or two
    with a lone dash after them ("Washington" / "CNN" / "—"). None of them is the title. 0 where there is no such
    dateline, or where nothing follows it, so that a short headline ("Markets tumble", "What next? —") stays.
    ``lines`` are stripped and not empty."""
    if len(lines) < 2:
        return 0
    first = lines[0]
    if first[-1] in _DASHES and first.strip(_DASHES + " "):
        place = first.rstrip(_DASHES + " ").split()
        named = len(place) <= _DATELINE_WORDS and all(word[:1].isupper() or word[:1] == "(" for word in place)
        return int(named and not any(mark in first for mark in ".?!:;,"))
    for count, line in enumerate(lines[:4]):
        if not line.strip(_DASHES):  # a lone dash
            short = count >= 2 and all(len(before.split()) <= 2 for before in lines[:count])
            return count + 1 if short and count + 1 < len(lines) else 0
    return 0


def _article_from_markdown(text: str, source: str, stem: str, notes: tuple[str, ...]) -> Article:
    """Markdown read as text with its markup lightly removed; YAML front matter gives title, author, date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")  # markup removed: no offsets to keep
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end():]
    text = strip_markdown(text)
    if not text.strip():
        raise ArticleError(f"{Path(source).name} has no text")
    article = article_from_text(text, meta.get("title"), source=source, notes=notes)
    if not article.title:
        article = article_from_text(text, stem, source=source, notes=notes)
    byline = meta.get("author") or meta.get("byline")
    return Article(article.title, article.text, source, byline or None, meta.get("date") or None,
                   meta.get("url") or None, notes)


def strip_markdown(text: str) -> str:
    """Remove the markup people write in news drafts (headings, emphasis, links, quotes); keep the words."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(lambda heading: heading.group(1).rstrip(" \t#"), text)  # "## Title ##": "Title"
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(2):  # nested **_x_**
        text = _MD_EMPHASIS.sub(r"\2", text)
    return text
