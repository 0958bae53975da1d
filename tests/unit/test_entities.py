"""HTML character references in plain text are read as their characters; what is found maps back to the text."""

from reader.core.entities import decoded_references
from reader.core.suggestion import Suggestion


def test_references_decode_and_every_character_knows_where_it_came_from() -> None:
    text = "Russia&#8217;s &ldquo;plan&rdquo; &amp; AT&amp;T, &madeup; stays"
    decoded = decoded_references(text)
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
    decoded = decoded_references(text)
    assert decoded is not None
    start = decoded.text.index("didn’t count on")
    inner = Suggestion(start, start + len("didn’t count on"), "didn’t count on", "did not expect")
    outer = decoded.mapped(inner, text)
    assert text[outer.start : outer.end] == outer.original == "didn&#8217;t count on"
    assert decoded_references("No references here & none there.") is None


def test_the_engine_reads_through_references_and_reports_in_the_text_given(engine) -> None:  # noqa: ANN001
    plain = "Russia’s officers stated they didn’t count on the assembly."
    text = plain.replace("’", "&#8217;")
    found, reference = engine.analyze(text), engine.analyze(plain)
    assert [(s.original.replace("&#8217;", "’"), s.replacement) for s in found.suggestions] == [
        (s.original, s.replacement) for s in reference.suggestions]
    assert all(text[s.start : s.end] == s.original for s in found.suggestions)
    assert found.text == text and found.words == reference.words
