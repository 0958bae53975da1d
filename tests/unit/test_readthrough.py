"""References and mojibake in plain text are read as their characters; what is found maps back to the text."""

from reader.core.readthrough import _as_windows, read_through
from reader.core.suggestion import Suggestion


def test_references_decode_and_every_character_knows_where_it_came_from() -> None:
    text = "Russia&#8217;s &ldquo;plan&rdquo; &amp; AT&amp;T, &madeup; stays"
    decoded = read_through(text)
    assert decoded is not None
    assert decoded.text == "Russia’s “plan” & AT&T, &madeup; stays"
    assert len(decoded.starts) == len(decoded.ends) == len(decoded.text)
    apostrophe = decoded.text.index("’")
    assert text[decoded.starts[apostrophe] : decoded.ends[apostrophe]] == "&#8217;"
    for index, character in enumerate(decoded.text):
        assert html_or_same(text[decoded.starts[index] : decoded.ends[index]], character)


def html_or_same(source: str, character: str) -> bool:
    import html

    return source == character or html.unescape(source) == character


def test_a_suggestion_maps_back_to_the_text_as_given() -> None:
    text = "US officers stated they didn&#8217;t count on it."
    decoded = read_through(text)
    assert decoded is not None
    start = decoded.text.index("didn’t count on")
    inner = Suggestion(start, start + len("didn’t count on"), "didn’t count on", "did not expect")
    outer = decoded.mapped(inner, text)
    assert text[outer.start : outer.end] == outer.original == "didn&#8217;t count on"
    assert read_through("No references here & none there.") is None


def test_the_engine_reads_through_references_and_reports_in_the_text_given(engine) -> None:  # noqa: ANN001
    plain = "Russia’s officers stated they didn’t count on the assembly."
    text = plain.replace("’", "&#8217;")
    found, reference = engine.analyze(text), engine.analyze(plain)
    assert [(s.original.replace("&#8217;", "’"), s.replacement) for s in found.suggestions] == [
        (s.original, s.replacement) for s in reference.suggestions]
    assert all(text[s.start : s.end] == s.original for s in found.suggestions)
    assert found.text == text and found.words == reference.words


def test_utf8_read_as_windows_1252_is_read_as_written() -> None:
    plain = "Russia’s “plan” — café, über 5 €, didn’t"
    misread = "".join(_as_windows(byte) for byte in plain.encode("utf-8"))  # "Russiaâ€™s â€œplanâ€\x9d ..."
    decoded = read_through(misread)
    assert decoded is not None and decoded.text == plain
    # every character of the misread text belongs to exactly one character read, in order
    spans = sorted({(decoded.starts[i], decoded.ends[i]) for i in range(len(plain))})
    assert "".join(misread[start:end] for start, end in spans) == misread
    assert read_through("Señor Müller paid 5 € in Zürich — fine.") is None  # real accents are no mojibake
    assert read_through("JOSÉ’S CAFÉ") is None  # "É’" would be UTF-8 for "ɒ", which no English mojibake gives


def test_the_engine_reads_through_mojibake(engine) -> None:  # noqa: ANN001
    plain = "Russia’s officers stated they didn’t count on the assembly — again."
    text = plain.encode("utf-8").decode("cp1252")
    found, reference = engine.analyze(text), engine.analyze(plain)
    assert [s.replacement for s in found.suggestions] == [s.replacement for s in reference.suggestions]
    assert all(text[s.start : s.end] == s.original for s in found.suggestions)
