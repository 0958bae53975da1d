"""The engine's fast static score is the fitted model's own sum, to the bit, for any candidate."""

from hypothesis import given
from hypothesis import strategies as st

from reader.core.candidates import Candidate
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
