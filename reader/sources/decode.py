"""Bytes to text for files and web pages: BOMs, UTF-8, a declared charset, then a careful guess.

Legacy Western text is overwhelmingly Windows-1252 (HTML5 even reads "latin-1" as that), and
charset-normalizer's guesses on short Western text are poor (cp850, cp1250), so its answer is only taken
when it names a non-Western code page (Cyrillic, Greek, CJK...), where guessing is what helps. Western text that is
not UTF-8 is read as UTF-8 where its bytes are UTF-8 and as Windows-1252 where they are not: a text pasted together
from both (a Windows quote in a UTF-8 page) keeps every character, and a wholly Windows-1252 text reads as that.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

BINARY_MESSAGE = "this looks like a binary file, not text"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    # "utf-8", not "utf-8-sig": the mark stays the text's first character, as any UTF-8 reader of the file reads it,
    # so that offsets into a plain-text file count from where every other reader counts them
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats people drop on a reader by mistake; named so the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
# Guesses that are really "some Western code page": read those as cp1252 instead.
_WESTERN = frozenset(
    {"ascii", "utf_8", "cp1252", "cp1250", "cp850", "cp437", "cp858", "latin_1", "iso8859_15", "iso8859_2",
     "mac_roman", "mac_latin2", "cp1254", "iso8859_9", "cp1257", "iso8859_4", "iso8859_13", "cp775"}
)
_CONTROL_SHARE = 0.02  # more control characters than this (beyond tab/newline/CR/FF) means "not text"
_GUESS_BYTES = 200_000  # how much of the text the encoding is guessed from
_GUESS_CONTEXT = 4_096  # ASCII bytes kept before the first byte outside ASCII
_FALLBACK = "unspin-cp1252"
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8, read as Windows-1252 (its five unassigned bytes as U+FFFD)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_FALLBACK, _cp1252_bytes)


class DecodeError(ValueError):
    """The bytes are not text; the message is meant for the reader."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was guessed, so the reader can be told


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _check_controls(text: str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for c in sample if c not in "\t\n\r\f\v" and unicodedata.category(c) == "Cc")
    if controls > _CONTROL_SHARE * len(sample):
        raise DecodeError(BINARY_MESSAGE)


def _normalise_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``: BOM, UTF-8, the ``declared`` charset (HTTP header or <meta>), then a guess."""
    for magic, what in _MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or b"\0" in data[:512]):
            raise DecodeError(f"{BINARY_MESSAGE} (it looks like {what})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(f"it starts with a {encoding.upper()} mark but is not {encoding.upper()}"
                                  f" (bad bytes at {error.start})") from None
            if encoding != "utf-8":
                text = text.lstrip("\ufeff")
            _check_controls(text)
            return Decoded(text, encoding)
    if b"\0" in data:
        utf16 = _looks_utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError(BINARY_MESSAGE)
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise DecodeError(BINARY_MESSAGE) from None
        _check_controls(text)
        return Decoded(text, utf16, f"read as {utf16.upper()} (no byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(text)
        return Decoded(text, "utf-8")
    if declared and (name := _normalise_name(declared)) and name != "utf_8":
        if name in ("latin_1", "ascii", "iso8859_1"):
            name = "cp1252"  # what browsers do, and what such pages really are
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            pass
        else:
            _check_controls(text)
            return Decoded(text, name)
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for character in replaced if character > "\x7f" and character != "\ufffd")
    # UTF-8 with a few bad bytes (a stray Windows-1252 quote pasted into a UTF-8 page): its good multibyte
    # characters at least as many as its bad bytes. Reading it all as a legacy encoding would garble every accented
    # letter to mend one byte ("CafÃ©"), and no guess is needed.
    if good >= bad:
        return _utf8_and_cp1252(data, bad, good)
    return _guess(data, bad, good)


def _utf8_and_cp1252(data: bytes, bad: int, good: int) -> Decoded:
    """UTF-8 where the bytes are UTF-8, Windows-1252 where they are not, with a note that says which."""
    text = data.decode("utf-8", errors=_FALLBACK)
    _check_controls(text)
    if not good:
        return Decoded(text, "cp1252", "not UTF-8; read as Windows-1252 (Western European)")
    what = "1 byte that is" if bad == 1 else f"{bad} bytes that are"
    return Decoded(text, "utf-8", f"read as UTF-8; {what} not UTF-8 read as Windows-1252")


def _guess_sample(data: bytes) -> bytes:
    """The stretch the encoding is guessed from: from a little before the first byte outside ASCII on (a long English
    preamble would make any guess "ascii"; a few words before it are context). Every byte before that one is ASCII,
    so the stretch starts on a character in any encoding guessed here."""
    high = _HIGH_BYTE.search(data)
    start = max(0, high.start() - _GUESS_CONTEXT) if high else 0
    return data[start : start + _GUESS_BYTES]


def _guess(data: bytes, bad: int, good: int) -> Decoded:
    guess: str | None = None
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(_guess_sample(data)).best()
        guess = best.encoding if best is not None else None
    except Exception:  # a detector failure must not stop reading; the Western reading below always works
        guess = None
    if guess and _normalise_name(guess) not in _WESTERN:
        try:
            text = data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            _check_controls(text)
            return Decoded(text, guess, f"not UTF-8; read as {guess} (a guess: check odd characters)")
    return _utf8_and_cp1252(data, bad, good)
