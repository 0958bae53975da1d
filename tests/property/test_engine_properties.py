"""Arbitrary Unicode through the engine: valid offsets, derived restoration, no crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.engine import Engine
from reader.core.suggestion import apply_edits, restore

PIECES = list("abcdefghij ABC.,;’'\"—-\n0123[]()") + ["stated ", "officers ", "the ", "White Home ", "count on "] + [
    "profound learn-\ning ", "ofﬁcers ", "[12] ", "(Smith et al., 2020) ", "Officers Stated The Plan\n",
    "a line of words that goes on for a while\n",
    # the forms of session 44: references, mojibake, furniture, addresses, a quoted mail, typed dashes, bullets
    "didn&#8217;t ", "&amp;", "&ldquo;", "didnâ€™t ", "cafÃ©", "â€",
    "Advertisement\n", "Read more: Talks Stall\n", "www.cnn.com/politics ",
    "news.desk@cnn.com ", "@CNN ", "\n> ", "--", "U.S.-provided ", "• ",
]
WORDY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def check(engine: Engine, text: str) -> None:
    analysis = engine.analyze(text)
    assert analysis.text == text
    previous_end = -1
    for s in analysis.suggestions:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.original
        assert s.start >= previous_end  # sorted and non-overlapping
        previous_end = s.end
    edits = [(s.start, s.end, s.replacement) for s in analysis.suggestions if s.confidence >= 0.5]
    assert restore(text, analysis.suggestions, threshold=0.5) == apply_edits(text, edits)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_unicode(engine: Engine, text: str) -> None:
    check(engine, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(WORDY)
def test_wordy_text(engine: Engine, text: str) -> None:
    check(engine, text)


def test_mixed_scripts_and_non_bmp(engine: Engine) -> None:
    check(engine, "Officers stated 😀 что-то 中文 الرسمية officers stated.\u200b\ufeff")
