"""A suggestion's reasons, in the reader's words (reader/core/explain.py)."""

import math

from reader.core.engine import Engine
from reader.core.explain import consistency_reasons, context_reason


def test_reasons_say_what_the_rest_of_the_article_says_about_the_same_change(engine: Engine) -> None:
    text = "Officers stated on Monday that the plan failed. Officers stated again on Friday that it was over."
    reasons = {s.original: s.reasons for s in engine.analyze(text).suggestions}
    assert any("makes this same change in 1 other place " in r for r in reasons["stated"])


def test_the_context_reason_says_which_way_the_context_points() -> None:
    """A change the context speaks against (carried by the article's other evidence) says so, not "as well as"."""
    from reader.core.candidates import Candidate
    from reader.core.option import Option

    option = Option(0, 0, 1, Candidate("normal", "synonym", "rule ~ normal"), "rule")
    option.gain = math.log(20)
    assert context_reason(option) == "The context makes it 20 times likelier than the published wording."
    option.gain = 0.1
    assert context_reason(option) == "The context fits it about as well as the published wording."
    option.gain = -math.log(8)
    assert context_reason(option) == (
        "The context fits the published wording 8 times better, which counts against it."
    )
    option.unknown = 1.0
    assert "tells nothing" in context_reason(option)


def test_a_refuted_change_says_where_the_article_refutes_it() -> None:
    from reader.core.candidates import Candidate
    from reader.core.option import Option

    option = Option(0, 0, 1, Candidate("rules", "hypernym", "restriction ~ rule"), "restrictions")
    option.repeats, option.contradicted = math.log(1 + 3), math.log(1 + 2)
    assert consistency_reasons(option) == (
        "The article makes this same change in 3 other places (or its context there calls for it far more).",
        "In 2 places in this article the context fits 'restrictions' far better than 'rules', which counts against "
        "this change.",
    )
