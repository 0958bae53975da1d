"""An article copied out of a news web page: bylines, timestamps, "Advertisement", captions, embedded posts.

    .venv/bin/python benchmarks/web_copy.py [--only PREFIX ...]

Readers paste articles from the browser, and content farms republish them with the page's furniture still in the
text: a byline and an "Updated" time under the headline, an agency dateline, "Advertisement" and "Read more: ..."
lines between paragraphs, photo captions and credits, an embedded social post with its handle and hashtag, a
copyright line. Every spun and unspun modern article here (not the 1961 Brown texts) is checked as written, with
that furniture between its paragraphs, with its paragraphs one line apart instead of a blank line apart (what many
pages give when copied), with both, with every paragraph a list item ("• "), under a saved page's metadata header
("URL:", "Date:", "Tags:"), and with a web address, a handle and a hashtag after the first sentence of every
second paragraph. The gold spans move with the text
(an offset map), so each variant is scored against the same substitutions; a flag on the furniture counts as a false
one. Printed per set group: F1 / restoration and flags; for unspun sets, the flags.
"""

from __future__ import annotations

import re

from text_variants import Mapped, Variant, compare, composed, rebuilt, unmoved

UNDER_HEADLINE = "By Jane Doe and Sam Okafor, Reuters\nUpdated 3:45 PM EST, Tue March 5, 2024"
DATELINE = "WASHINGTON (Reuters) — "
BETWEEN = (
    "Advertisement",
    "Story continues below advertisement",
    "Read more: City Council Approves New Budget After Long Debate",
    "A firefighter walks past a damaged building on Tuesday. Photo: Jane Doe/Getty Images",
    "We are monitoring the situation closely and will share updates as we have them. #BreakingNews\n"
    "— City of Riverton (@RivertonCity) March 5, 2024",
    "Related: What to know about the new rules",
    "Sign up for our daily newsletter to get the latest news in your inbox.",
)
AT_END = "© 2024 Reuters. All rights reserved.\nShare this article"
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; what lies between two of them is a paragraph break."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def furnished(text: str) -> Mapped:
    """A byline and time under the headline, a dateline on the first paragraph, a line of furniture after every
    second paragraph of the body, and a copyright line at the end."""
    spans = _paragraphs(text)
    pieces: list[tuple[str, int | None]] = []
    for number, (start, end) in enumerate(spans):
        if number == 1 and not re.match(r"[A-Z]{3,}", text[start:end]):
            pieces.append((DATELINE, None))
        pieces.append((text[start:end], start))
        if number + 1 < len(spans):
            if number == 0:
                pieces.append(("\n\n" + UNDER_HEADLINE, None))
            elif number % 2 == 0:
                pieces.append(("\n\n" + BETWEEN[(number // 2 - 1) % len(BETWEEN)], None))
            gap_end = spans[number + 1][0]
            pieces.append((text[end:gap_end], end))
    pieces.append(("\n\n" + AT_END, None))
    return rebuilt(text, pieces)


def single_spaced(text: str) -> Mapped:
    """Paragraphs one line apart: every paragraph break becomes one newline."""
    pieces: list[tuple[str, int | None]] = []
    cursor = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        pieces.append((text[cursor:match.start()], cursor))
        pieces.append(("\n", None))
        cursor = match.end()
    pieces.append((text[cursor:], cursor))
    mapped, where = rebuilt(text, pieces)
    # the dropped break's own offsets go where the newline is (no gold span starts or ends there)
    for match in _PARAGRAPH_BREAK.finditer(text):
        for offset in range(match.start(), match.end()):
            where[offset] = where[match.start() - 1] + 1 if match.start() else 0
    return mapped, where


def bulleted(text: str) -> Mapped:
    """Every paragraph after the headline as a list item ("• "), as a page's lists paste."""
    pieces: list[tuple[str, int | None]] = []
    spans = _paragraphs(text)
    for number, (start, end) in enumerate(spans):
        if number:
            pieces.append(("• ", None))
        pieces.append((text[start:end], start))
        if number + 1 < len(spans):
            pieces.append((text[end : spans[number + 1][0]], end))
    return rebuilt(text, pieces)


SAVED_HEADER = "URL: https://www.example.com/news/2024/03/05/{slug}/index.html\nDate: 2024-03-05\nTags: news, {tag}\n\n"
LINK_AFTER = " (https://www.example.com/news/2024/03/05/related-story) @ExampleNews #News"


def saved(text: str) -> Mapped:
    """A metadata header as a saved page or a scraper's dump writes it (the URL, the date, tags), then the text as
    written, headline first (a "Title:" line would repeat the headline, whose flags the gold counts once)."""
    spans = _paragraphs(text)
    words = text[spans[0][0] : spans[0][1]].lower().split()
    header = SAVED_HEADER.format(slug="-".join(words[:6]), tag=words[-1] if words else "")
    return rebuilt(text, [(header, None), (text, 0)])


def linked(text: str) -> Mapped:
    """A web address, a handle and a hashtag after the first sentence of every second paragraph."""
    pieces: list[tuple[str, int | None]] = []
    cursor = 0
    for number, (start, end) in enumerate(_paragraphs(text)):
        stop = text.find(". ", start, end)
        if number % 2 and stop >= 0:
            pieces.append((text[cursor:stop], cursor))
            pieces.append((LINK_AFTER, None))
            cursor = stop
    pieces.append((text[cursor:], cursor))
    return rebuilt(text, pieces)


VARIANTS: dict[str, Variant] = {
    "as written": unmoved,
    "furnished": furnished,
    "single-spaced": single_spaced,
    "both": composed(furnished, single_spaced),
    "bulleted": bulleted,
    "saved": saved,
    "linked": linked,
}


if __name__ == "__main__":
    compare(VARIANTS, __doc__ or "")
