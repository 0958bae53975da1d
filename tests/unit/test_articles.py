"""The indefinite article as evidence of a swapped word (reader/core/articles.py)."""

import pytest

from reader.core.articles import fits_sound, initial_sound, misfit_sound
from reader.core.engine import Engine
from reader.core.tokens import Kind, tokenize


@pytest.mark.parametrize(
    ("word", "sound"),
    [
        ("vital", "consonant"), ("important", "vowel"), ("European", "consonant"), ("one-off", "consonant"),
        ("university", "consonant"), ("hour", "vowel"), ("honest", "vowel"), ("house", None), ("umbrella", None),
        ("FBI", None), ("x", None), ("8", None),
    ],
)
def test_initial_sound_is_read_from_spelling_only_where_it_settles_it(word: str, sound: str | None) -> None:
    assert initial_sound(word) == sound


def pair(text: str) -> str | None:
    article, word = [t for t in tokenize(text) if t.kind is not Kind.PUNCT][:2]
    return misfit_sound(article, word)


def test_an_article_that_does_not_fit_the_next_word_wants_the_other_sound() -> None:
    assert pair("an vital role") == "vowel"
    assert pair("a assertion") == "consonant"
    assert pair("An change") == "vowel"


def test_honest_articles_letters_names_and_function_words_say_nothing() -> None:
    for text in ("an important role", "a European official", "an hour", "a union", "an FBI agent", "A and E",
                 "A Abatuno", "a one-off", "an historic win", "a house"):
        assert pair(text) is None, text


def test_a_candidate_fits_the_article_by_its_first_word() -> None:
    assert fits_sound("important", "vowel")
    assert not fits_sound("crucial", "vowel")
    assert fits_sound("hard-won", "vowel")  # spelling cannot tell: no evidence against it


def test_the_engine_restores_a_word_whose_article_no_longer_fits(engine: Engine) -> None:
    text = "The mayor hired a attorney to review the objections."
    [suggestion] = [s for s in engine.analyze(text).suggestions if s.original == "attorney"]
    assert suggestion.replacement == "lawyer"
    assert any("article 'a'" in reason for reason in suggestion.reasons)
