"""Arbitrary text through the tokenizer's helpers: offsets hold, tokens stay in order, display keeps length."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.tokens import join_broken_words, line_wraps, reflowed, tokenize

PIECES = list("abc ABC.,-\n\r\t’ﬁ[]()12") + ["learn-\ning ", "a line of words that goes on\n", "Stated\n\n", "-\n"]
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_wraps_are_line_breaks_and_reflowing_keeps_every_offset(text: str) -> None:
    wraps = line_wraps(text)
    assert all(text[offset] == "\n" for offset in wraps)
    shown = reflowed(text)
    assert len(shown) == len(text)
    pairs = enumerate(zip(text, shown, strict=True))
    assert all(a == b or (index in wraps and b in " \u200b") for index, (a, b) in pairs)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_joined_words_keep_their_offsets(text: str) -> None:
    tokens = join_broken_words(text, tokenize(text), lambda word: True)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text
        previous_end = token.end
