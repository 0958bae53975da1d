"""Which candidates the engine scores, and the caches that keep them (reader/core/candidate_ranking.py)."""

from dataclasses import replace

from engine_texts import CLEAN, SPUN

from reader.core.candidate_ranking import PREPOSITIONS
from reader.core.candidates import RELATION_NAMES, Link
from reader.core.engine import Engine
from reader.core.tokens import Kind, tokenize


def test_the_multiword_filter_never_skips_a_span_that_has_candidates(engine: Engine) -> None:
    """Spans of two to four words are looked up only if the filter lets them through; it must be exact."""
    text = SPUN + " They made use of the prime ministers, took part in the talks and kept in touch as a way to win."
    words = [t.norm for t in tokenize(text) if t.kind is Kind.WORD]
    passed = skipped = 0
    for length in range(2, 5):
        for first in range(len(words) - length + 1):
            phrase = " ".join(words[first : first + length])
            if engine._may_have_candidates(phrase, words[first + length - 1]):
                passed += 1
            else:
                skipped += 1
                assert not engine._found(phrase), phrase
    assert engine._may_have_candidates("made use of", "of")  # a verb lemma with its first word inflected
    assert engine._found("prime ministers")
    assert engine._may_have_candidates("prime ministers", "ministers")  # a noun lemma with its last word inflected
    assert skipped > 3 * passed  # most spans name nothing


def test_word_groups_skip_only_lookups_that_would_find_nothing(engine: Engine) -> None:
    # ``_found`` asks the finder about a word group only where the pattern book or a WordNet lemma could name it;
    # every group of two to four words of these texts gets the same candidates as from asking always.
    words = [t.norm for t in tokenize(SPUN + " " + CLEAN + " They made use of it as a way to cut the loss of life.")
             if t.kind is Kind.WORD]
    groups = {" ".join(words[i : i + n]) for n in (2, 3, 4) for i in range(len(words) - n + 1)}
    for group in sorted(groups):
        parts = group.split()
        expected = engine.finder.phrase_candidates(group)
        if len(parts) == 2 and parts[1] in PREPOSITIONS:
            expected = expected + engine._governed(parts[0], parts[1])
        assert engine._found(group) == expected, group
    assert engine._found("conversant in")  # a governed head and its preposition
    assert engine._found("made use of")  # a pattern


def test_single_words_and_word_groups_are_cached_apart(engine: Engine) -> None:
    engine._ranked("officers", "")
    engine._ranked("conversant in", "")
    assert engine._ranked_words.cache_info().currsize >= 1
    assert engine._ranked_groups.cache_info().currsize >= 1
    assert engine._ranked("officers", "") is engine._ranked_words("officers", "")


def test_new_weights_take_effect_on_the_kept_candidates_once_rankings_are_forgotten(engine: Engine) -> None:

    from reader.core.engine import Engine as EngineClass

    weights = replace(engine.weights, coefficients=dict(engine.weights.coefficients))
    other = EngineClass(engine.finder, engine.context, weights)
    before = [entry[0].wording for entry in other._ranked("officers", "")]
    # The fitting script changes the coefficients in place between rounds: a strong pull towards hyponyms must
    # reorder the candidates kept for a word, which the per-phrase cache hides until it is dropped.
    other.weights.coefficients["relation:hyponym"] = 50.0
    assert [entry[0].wording for entry in other._ranked("officers", "")] == before
    other.forget_rankings()
    after = other._ranked("officers", "")
    assert [entry[0].wording for entry in after] != before
    assert after[0][0].relation == "hyponym"


def test_a_candidate_keeps_the_link_the_static_score_rates_highest(engine: Engine) -> None:
    """"home" is a synonym of "house" only in baseball's rare sense (the noun's 11th, the candidate's 9th), and its
    hypernym ("dwelling") in the common one: a link through common senses stands for it, in any reading."""
    homes = {c.wording: c for c in engine.finder.computed_word_candidates("houses")}["homes"]
    strength = engine.finder.link_strength
    chosen = strength(*Link.of(homes))
    baseball = strength(RELATION_NAMES.index("synonym"), 0, 0, 10, 8)
    dwelling = strength(RELATION_NAMES.index("hypernym"), 157, 48, 0, 1)
    assert homes.observed_rank < 10 and chosen >= dwelling > baseball
