"""The confidence the reader sees: the last stage, which judges each reported suggestion on the whole article."""

import math
from dataclasses import replace

from reader.core.engine import Engine
from reader.core.suggestion import HONEST_BELOW, MIN_VERDICT_WORDS, Suggestion, calibration_share
from reader.core.tokens import word_count
from reader.core.weights import MIN_FLAGGED_SHARE, Weights

SPUN = (
    "Metropolis officers stated they didn't count on any main adjustments, however individuals conversant in the "
    "matter stated the plan may increase taxes. The town's mayor said the council would debate it at its subsequent "
    "assembly, and the navy officers stated nothing."
)
STAGE = {"scale": 0.8, "spin": 0.8, "shift": 1.0, "relation:sibling": -1.5}


def test_without_a_confidence_stage_the_raw_confidence_is_shown() -> None:
    assert Weights().shown_confidence(0.7, 0.01) == 0.7


def test_a_flag_counts_for_more_in_an_article_where_much_else_is_flagged() -> None:
    weights = Weights(confidence=STAGE)
    honest, spun = weights.shown_confidence(0.7, 0.005), weights.shown_confidence(0.7, 0.15)
    assert honest < spun and honest < 0.7
    assert weights.shown_confidence(0.6, 0.15) < spun  # and still by its own evidence
    # Below half a percent of an article's words the share tells no more
    assert weights.shown_confidence(0.7, 0.0) == weights.shown_confidence(0.7, MIN_FLAGGED_SHARE)


def test_a_relation_can_carry_an_offset_of_its_own() -> None:
    weights = Weights(confidence=STAGE)
    synonym = weights.shown_confidence(0.7, 0.05, "synonym")
    assert synonym == weights.shown_confidence(0.7, 0.05)  # no offset fitted for synonyms
    assert weights.shown_confidence(0.7, 0.05, "sibling") < synonym


def test_the_engine_shows_the_stage_applied_to_what_it_reports(engine: Engine) -> None:
    saved = engine.weights
    engine.weights = replace(saved, confidence=STAGE)
    try:
        raw, relations, words, staged, _ = engine.reported(SPUN)
        shown = engine.analyze(SPUN).suggestions
    finally:
        engine.weights = saved
    assert [s.start for s in shown] == [s.start for s in raw] and "synonym" in relations and all(staged)
    assert words == word_count(SPUN)
    share = calibration_share(raw, words)
    weights = Weights(confidence=STAGE)
    expected = [weights.shown_confidence(s.confidence, share, r) for s, r in zip(raw, relations, strict=True)]
    assert [s.confidence for s in shown] == expected


def test_above_the_knot_the_share_speaks_with_another_slope() -> None:
    # Fitted: below the honest line the share tells honest articles from spun ones; above it, little more.
    stage = {"scale": 0.8, "spin": 3.5, "shift": 10.0, "spin_knot": 0.045, "spin_above_knot": -3.3}
    weights = Weights(confidence=stage)

    def log_odds(share: float) -> float:
        p = weights.shown_confidence(0.6, share)
        return math.log(p / (1 - p))

    # Doubling the share adds spin x ln 2 to the log-odds below the knot, (spin + spin_above_knot) x ln 2 above it
    assert math.isclose(log_odds(0.02) - log_odds(0.01), 3.5 * math.log(2), rel_tol=1e-6)
    assert math.isclose(log_odds(0.2) - log_odds(0.1), 0.2 * math.log(2), rel_tol=1e-6)


def test_a_short_text_counts_at_most_as_unclear() -> None:
    flags = [Suggestion(0, 6, "stated", "said")] * 4
    assert calibration_share(flags, 400) == 0.01  # an article: its own share
    assert calibration_share(flags, 13) == HONEST_BELOW  # a spun sentence is not taken for an honest article...
    assert calibration_share(flags[:1], MIN_VERDICT_WORDS - 1) < HONEST_BELOW  # ...nor one flag in 199 words for spin


def test_a_word_its_article_no_longer_fits_keeps_its_raw_confidence(engine: Engine) -> None:
    """The unfitting "an" is measured evidence of its own (benchmarks/article_style.py): the confidence stage, which
    discounts the stray flags of an article with few, leaves such a suggestion as it is."""
    text = "The mayor said the council played an vital role in the budget talks on Monday, and officials agreed."
    reported = engine.reported(text)
    pairs = zip(reported.suggestions, reported.staged, strict=True)
    [(vital, judged)] = [(s, j) for s, j in pairs if s.original == "vital"]
    assert vital.replacement == "important" and not judged
    assert engine.weights.confidence  # the shipped weights have a stage, which this suggestion skips
    assert {s.start: s.confidence for s in engine.analyze(text).suggestions}[vital.start] == vital.confidence
