"""Settling an article's options (reader/core/settling.py): the weights applied, and the evidence the settling reads
from the rest of the article (made in ``Engine.options``): the same swap elsewhere, a swap refuted elsewhere, the
article's spin estimate."""

import math

import pytest
from engine_texts import SPUN

from reader.core.engine import Engine


def test_settled_log_odds_are_the_weights_applied_to_the_features(engine: Engine) -> None:
    """The hot loop writes Weights.combine out by hand; it must stay the same sum, for every option it scores."""
    from reader.core.settling import REFUTED_ELSEWHERE

    _, options, _ = engine.options(SPUN)
    assert options
    for option in options:
        if option.contradicted >= REFUTED_ELSEWHERE or (option.mended_elsewhere and not option.repeats):
            assert option.log_odds == -math.inf  # no swap (see Settling._settler)
        else:
            assert abs(option.log_odds - engine.weights.combine(option.features())) < 1e-9


def test_a_swap_the_context_refutes_somewhere_counts_against_it_everywhere_in_the_article(engine: Engine) -> None:
    """A spinner swaps a word throughout an article; where the article keeps a word that its context clearly
    prefers to the proposed original ("ease restrictions on"), that pair was not swapped, here or elsewhere."""
    from reader.core.engine import CONTRADICTING_GAIN

    text = (
        "Officials agreed to ease restrictions on the weapons. Critics said the restrictions were too loose. "
        "The restrictions remain."
    )
    _, options, _ = engine.options(text)
    pair = [o for o in options if o.observed == "restrictions" and o.candidate.wording == "rules"]
    refuted = sum(o.gain <= CONTRADICTING_GAIN for o in pair)
    assert len(pair) == 3 and 1 <= refuted < 3
    assert all(o.contradicted == pytest.approx(math.log(1 + refuted)) for o in pair)
    unrelated = [o for o in options if o.observed == "officials"]
    assert all(o.contradicted == 0.0 for o in unrelated if o.gain > CONTRADICTING_GAIN)


def test_a_swap_the_article_refutes_twice_is_never_proposed() -> None:
    """A pair refuted at one place only counts against the swap; refuted at two places or more, it is no swap at all:
    its option gets no odds, and the span's other candidates decide."""
    from reader.core.candidates import Candidate
    from reader.core.option import Option
    from reader.core.settling import Settling
    from reader.core.weights import load_weights

    class Settler(Settling):
        weights = load_weights()

    def span(contradicted: float) -> list[Option]:
        rules = Option(0, 3, 4, Candidate("rules", "hypernym", "restriction ~ rule"), "restrictions", gain=6.0)
        limits = Option(0, 3, 4, Candidate("limits", "synonym", "restriction ~ limit"), "restrictions", gain=1.0)
        rules.contradicted = contradicted
        return [rules, limits]

    settle = Settler()._settler()
    once = span(math.log(1 + 1))
    assert settle(once).candidate.wording == "rules" and math.isfinite(once[0].log_odds)
    twice = span(math.log(1 + 2))
    best = settle(twice)
    assert twice[0].log_odds == -math.inf and best.candidate.wording == "limits"
    assert best.span_log_odds < settle(span(0.0)).span_log_odds


def test_a_change_is_no_evidence_for_itself(engine: Engine) -> None:
    """``repeats`` counts the other places that make the same change: once, a change has none; twice, one each."""
    for text, others in (
        ("Officers stated on Monday that the plan failed.", 0),
        ("Officers stated on Monday that the plan failed. Officers stated again on Friday that it was over.", 1),
    ):
        _, options, _ = engine.options(text)
        made = [o for o in options if o.observed == "stated" and o.candidate.wording == "said"]
        assert made and all(o.span_log_odds > 0 for o in made)
        assert all(o.repeats == pytest.approx(math.log(1 + others)) for o in made)


def test_a_swap_its_own_context_opposes_is_no_evidence_elsewhere() -> None:
    """Only a change the engine makes where the context does not speak against it counts for ``repeats``."""
    from reader.core.candidates import Candidate
    from reader.core.option import Option

    option = Option(0, 0, 1, Candidate("normal", "synonym", "rule ~ normal"), "rule")
    for span_log_odds, gain, counts in ((0.5, 1.0, True), (0.5, 0.0, True), (0.5, -0.4, False), (-0.1, 3.0, False)):
        option.span_log_odds, option.gain = span_log_odds, gain
        assert Engine._makes_its_swap(option) is counts


def test_a_place_whose_context_strongly_backs_a_close_swap_counts_flagged_or_not() -> None:
    """A consistent spinner's swap in a lightly spun article: each place the context far prefers the close link
    vouches for the others, unless the article refutes the pair somewhere, or the link is loose or a name's."""
    from reader.core.candidates import Candidate
    from reader.core.option import Option
    from reader.core.settling import STRONG_GAIN

    said = Option(0, 2, 3, Candidate("said", "hypernym", "explain ~ say"), "explained")
    said.span_log_odds, said.gain = -2.0, STRONG_GAIN + 1.0
    assert Engine._makes_its_swap(said)
    said.contradicted = math.log(2)
    assert not Engine._makes_its_swap(said)
    sibling = Option(0, 3, 4, Candidate("boys", "sibling", "cub ~ boy"), "cubs")
    sibling.span_log_odds, sibling.gain = -2.0, STRONG_GAIN + 1.0
    assert not Engine._makes_its_swap(sibling)
    opening = Option(0, 0, 1, Candidate("people", "hypernym", "engineer ~ person"), "engineers")
    opening.span_log_odds, opening.gain = -2.0, STRONG_GAIN + 1.0
    assert not Engine._makes_its_swap(opening)  # a stretch's first word: the model heard nothing before it


def test_a_possessive_noun_is_examined_but_is_no_place_in_the_spin_estimate(engine: Engine) -> None:
    """Most spinners look up whitespace-delimited words, and "minister’s" is in no thesaurus: such a place says
    little about how much of the article was swapped, so only the other places set the estimate."""
    _, options, rate = engine.options("The minister’s aide’s.")
    assert {o.observed for o in options} >= {"minister", "aide"}
    assert rate == pytest.approx(engine.weights.initial_rate)
