"""Cutting long texts into sections: every character in exactly one section, cuts where a reader would cut."""

from hypothesis import given
from hypothesis import strategies as st

from reader.core.sections import sections
from reader.core.tokens import word_count


def parts(text: str, max_words: int) -> list[str]:
    return [text[a:b] for a, b in sections(text, max_words)]


def test_a_text_within_the_limit_is_one_section() -> None:
    text = "One two three.\n\nFour five."
    assert sections(text, 5) == [(0, len(text))]
    assert sections("", 5) == [(0, 0)]


def test_a_line_break_is_preferred_to_a_sentence_end() -> None:
    text = "One two. Three four.\nFive six. Seven eight."
    assert parts(text, 6) == ["One two. Three four.\n", "Five six. Seven eight."]


def test_a_sentence_end_is_used_when_no_line_break_leaves_the_section_half_full() -> None:
    text = "One.\nTwo three four. Five six seven eight."
    assert parts(text, 6) == ["One.\nTwo three four. ", "Five six seven eight."]


def test_text_without_breaks_is_cut_between_words() -> None:
    assert parts("one two three four five", 2) == ["one two ", "three four ", "five"]


def test_a_break_after_a_cut_can_end_the_next_section() -> None:
    text = "a b c. d e f.\ng h i. j"
    assert parts(text, 4) == ["a b c. ", "d e f.\n", "g h i. j"]


@given(st.text(alphabet=st.sampled_from("ab .\n!,"), max_size=300), st.integers(min_value=1, max_value=12))
def test_sections_cover_the_text_in_order_and_hold_at_most_max_words(text: str, max_words: int) -> None:
    spans = sections(text, max_words)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b in spans) or text == ""
    assert all(prev[1] == nxt[0] for prev, nxt in zip(spans, spans[1:], strict=False))
    assert all(word_count(text[a:b]) <= max_words for a, b in spans)
