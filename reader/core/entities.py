"""HTML character references left in plain text ("Russia&#8217;s", "&ldquo;We", "AT&amp;T"), read as their characters.

Scraped text, a feed escaped twice, or an export from a content system carries them raw; read as written, "&#8217;s"
leaves an "s" that looks like a word ("s" -> "second") and "didn&#8217;t" two words. The engine reads the text with
each reference replaced by its character and maps what it finds back to the text as given, so a suggestion's offsets
and ``original`` are always those of the text the reader has.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from reader.core.suggestion import Suggestion

_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text with its references decoded, and for each of its characters where it came from in the text given
    (a reference's character spans the whole reference)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def mapped(self, suggestion: Suggestion, given: str) -> Suggestion:
        """The suggestion with its offsets, and its original wording, in the text as given."""
        start, end = self.starts[suggestion.start], self.ends[suggestion.end - 1]
        return replace(suggestion, start=start, end=end, original=given[start:end])


def decoded_references(text: str) -> Decoded | None:
    """The text with its character references decoded, or None if it has none (the common case costs a search)."""
    if "&" not in text or _REFERENCE.search(text) is None:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for match in _REFERENCE.finditer(text):
        character = html.unescape(match.group())
        if character == match.group():
            continue  # not a reference HTML knows ("&madeup;"): left as written
        pieces.append(text[cursor : match.start()])
        starts.extend(range(cursor, match.start()))
        ends.extend(range(cursor + 1, match.start() + 1))
        pieces.append(character)
        starts.extend([match.start()] * len(character))
        ends.extend([match.end()] * len(character))
        cursor = match.end()
    if not pieces:
        return None
    pieces.append(text[cursor:])
    starts.extend(range(cursor, len(text)))
    ends.extend(range(cursor + 1, len(text) + 1))
    return Decoded("".join(pieces), tuple(starts), tuple(ends))
