"""The engine's fast static score is the fitted model's own sum, to the bit, for any candidate."""

import math

from hypothesis import given
from hypothesis import strategies as st

from reader.core.candidates import RELATION_NAMES, Candidate, Link, link_strength
from reader.core.option import static_features, static_scorer
from reader.core.weights import load_weights

RELATIONS = ["synonym", "similar", "hypernym", "hyponym", "sibling", "usage", "pattern", "rewrite", "tortured",
             "number", "unheard-of"]
COUNTS = st.integers(min_value=0, max_value=5_000)


@given(
    relation=st.sampled_from(RELATIONS),
    senses=st.tuples(COUNTS, COUNTS, COUNTS, COUNTS),
    governed=st.booleans(),
    commonness=st.floats(min_value=-40, max_value=40, allow_nan=False),
    multiword=st.booleans(),
)
def test_the_fast_static_score_equals_the_weighted_sum_of_the_features(
    relation: str, senses: tuple[int, int, int, int], governed: bool, commonness: float, multiword: bool
) -> None:
    weights = load_weights()
    candidate = Candidate("word", relation, "detail", *senses, governed=governed)
    expected = weights.combine(static_features(candidate, commonness, multiword))
    assert static_scorer(weights.coefficients)(candidate, commonness, multiword) == expected


@given(
    relations=st.tuples(st.sampled_from(RELATION_NAMES), st.sampled_from(RELATION_NAMES)),
    links=st.tuples(st.tuples(COUNTS, COUNTS, COUNTS, COUNTS), st.tuples(COUNTS, COUNTS, COUNTS, COUNTS)),
    commonness=st.floats(min_value=-40, max_value=40, allow_nan=False),
)
def test_the_stronger_link_is_the_one_the_static_score_rates_higher(
    relations: tuple[str, str], links: tuple[tuple[int, ...], tuple[int, ...]], commonness: float
) -> None:
    """The finder picks a wording's link by ``link_strength``: the link's own terms of the static score."""
    weights = load_weights()
    strength, score = link_strength(weights.coefficients), static_scorer(weights.coefficients)
    one, other = (
        (RELATION_NAMES.index(relation), *counts) for relation, counts in zip(relations, links, strict=True)
    )
    by_strength = strength(*one) - strength(*other)
    by_score = score(Link(*one).candidate("word", "", "n"), commonness, False) - score(
        Link(*other).candidate("word", "", "n"), commonness, False
    )
    assert math.isclose(by_strength, by_score, abs_tol=1e-9)
