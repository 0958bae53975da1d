"""Bytes of any kind through the decoder: text or a clear refusal, never a crash, and UTF-8 read as it is."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sources.decode import DecodeError, decode_bytes


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2_000))
def test_any_bytes_decode_or_are_refused_clearly(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        assert str(error)  # a message the reader can be shown
        return
    assert isinstance(decoded.text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.binary(max_size=40))
def test_utf8_text_with_stray_bytes_keeps_its_characters(text: str, stray: bytes) -> None:
    """Text pasted from UTF-8 and a legacy encoding: every UTF-8 character is still there, in order."""
    clean = "".join(c for c in text if c.isprintable() or c in "\n\t")
    data = clean.encode() + stray + clean.encode()
    try:
        decoded = decode_bytes(data)
    except DecodeError:
        return  # control bytes may make it binary: refused, not garbled
    if decoded.encoding in ("utf-8", "cp1252"):  # not a guessed legacy encoding
        assert decoded.text.startswith(clean) and decoded.text.endswith(clean)
