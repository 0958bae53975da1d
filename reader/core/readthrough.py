"""Characters written another way in plain text, read as the characters they are: HTML character references
("Russia&#8217;s", "&ldquo;We", "AT&amp;T") and UTF-8 read as Windows-1252 ("Russiaâ€™s", "cafÃ©", mojibake).

Scraped text, a feed escaped twice, an export from a content system or a file once opened in the wrong encoding
carries them; read as written, "&#8217;s" leaves an "s" that looks like a word ("s" -> "second"), "didnâ€™t" is two
words, and "â€”" no dash. The engine reads the text with each such form replaced by its character and maps what it
finds back to the text as given, so a suggestion's offsets and ``original`` are always those of the text the reader
has (``reader check --json``'s text stays exactly the file's).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from reader.core.suggestion import Suggestion

_REFERENCE = r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


def _as_windows(byte: int) -> str:
    """The character Windows-1252 shows for a byte (Latin-1's where 1252 leaves it undefined)."""
    return bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)


_LEADS = "".join(_as_windows(byte) for byte in range(0xC2, 0xF5))  # first bytes of a UTF-8 sequence
_FOLLOWERS = "".join(_as_windows(byte) for byte in range(0x80, 0xC0))  # its continuation bytes
_BYTE_OF = {_as_windows(byte): byte for byte in range(0x80, 0x100)}
_MISREAD = "[" + re.escape(_LEADS) + "][" + re.escape(_FOLLOWERS) + "]{1,3}"
_FORM = re.compile(f"(?P<reference>{_REFERENCE})|(?P<misread>{_MISREAD})")


def _character(match: re.Match[str]) -> tuple[str, int]:
    """What a form stands for, and how many of the match's characters it takes (the match itself if none)."""
    found = match.group()
    if match.lastgroup == "reference":
        return html.unescape(found), len(found)
    lead = _BYTE_OF[found[0]]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4  # the sequence's length, by its first byte
    if len(found) < size:
        return found, len(found)
    try:
        character = bytes(_BYTE_OF[shown] for shown in found[:size]).decode("utf-8")
    except UnicodeDecodeError:
        return found, len(found)
    # Only what mojibake of English text gives: accented Latin letters, punctuation, currency, "™", emoji. A real
    # "JOSÉ’S" (bytes C9 92 read as UTF-8: "ɒ") stays as written.
    code = ord(character)
    if 0xA0 <= code <= 0x24F or 0x2000 <= code <= 0x214F or code >= 0x1F000:
        return character, size
    return found, len(found)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text with its references and misread sequences decoded, and for each of its characters where it came from
    in the text given (a decoded character spans the whole form it was written as)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def mapped(self, suggestion: Suggestion, given: str) -> Suggestion:
        """The suggestion with its offsets, and its original wording, in the text as given."""
        start, end = self.starts[suggestion.start], self.ends[suggestion.end - 1]
        return replace(suggestion, start=start, end=end, original=given[start:end])


def read_through(text: str) -> Decoded | None:
    """The text with its references and misread sequences decoded, or None if it has none (the common case costs a
    search). A form that stands for nothing ("&madeup;", bytes that are no UTF-8) is left as written."""
    if _FORM.search(text) is None:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for match in _FORM.finditer(text):
        character, used = _character(match)
        end = match.start() + used
        if character == text[match.start() : end]:
            continue
        pieces.append(text[cursor : match.start()])
        starts.extend(range(cursor, match.start()))
        ends.extend(range(cursor + 1, match.start() + 1))
        pieces.append(character)
        starts.extend([match.start()] * len(character))
        ends.extend([end] * len(character))
        cursor = end
    if not pieces:
        return None
    pieces.append(text[cursor:])
    starts.extend(range(cursor, len(text)))
    ends.extend(range(cursor + 1, len(text) + 1))
    return Decoded("".join(pieces), tuple(starts), tuple(ends))
