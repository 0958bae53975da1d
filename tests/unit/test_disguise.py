"""Words disguised with Cyrillic or Greek look-alike letters."""

from reader.core.disguise import DISGUISE_CONFIDENCE, disguised, unmasked
from reader.core.engine import Engine
from reader.core.suggestion import restore

CYRILLIC_O, CYRILLIC_A, GREEK_O = "\u043e", "\u0430", "\u03bf"


def test_a_word_mixing_scripts_is_disguised_and_keeps_its_offsets() -> None:
    text = f"US {CYRILLIC_O}fficials said the pl{CYRILLIC_A}n w{GREEK_O}uld cost more."
    found = disguised(text)
    assert [(text[s:e], plain) for s, e, plain in found] == [
        (f"{CYRILLIC_O}fficials", "officials"), (f"pl{CYRILLIC_A}n", "plan"), (f"w{GREEK_O}uld", "would")]
    plain = unmasked(text, found)
    assert plain == "US officials said the plan would cost more." and len(plain) == len(text)


def test_words_of_another_language_are_no_disguise() -> None:
    russian = "Москва и Санкт-Петербург"  # whole words in Cyrillic, with letters no Latin one looks like
    assert disguised(russian) == []
    assert disguised(f"The Kremlin said {russian} would host the talks.") == []
    # A word of look-alikes alone is a disguise only in a text in Latin letters ("а" for the article "a").
    assert [plain for _, _, plain in disguised(f"He bought {CYRILLIC_A} car yesterday in town.")] == ["a"]
    assert disguised(f"Он сказал {CYRILLIC_A} потом ушёл") == []
    # A Greek letter alone in a Latin text is a symbol, not a disguise.
    assert disguised("The signal frequency \u03bd rose while \u039a stayed flat in every trial we ran.") == []


def test_the_engine_reports_a_disguise_and_restores_latin_letters(engine: Engine) -> None:
    text = f"US {CYRILLIC_O}fficials said on Tuesday that the city would {CYRILLIC_A}sk for more money."
    analysis = engine.analyze(text)
    assert analysis.text == text
    by_start = {s.start: s for s in analysis.suggestions}
    officials = by_start[text.index(f"{CYRILLIC_O}fficials")]
    assert officials.original == f"{CYRILLIC_O}fficials" and officials.replacement == "officials"
    assert officials.confidence == DISGUISE_CONFIDENCE and "Cyrillic" in officials.reasons[0]
    assert restore(text, analysis.suggestions, threshold=0.5) == text.translate(
        str.maketrans({CYRILLIC_O: "o", CYRILLIC_A: "a"}))


def test_a_disguised_word_that_was_also_swapped_is_one_suggestion(engine: Engine) -> None:
    text = f"US officers st{CYRILLIC_A}ted on Tuesday that they would not comment on the plan."
    suggestions = [s for s in engine.analyze(text).suggestions if s.start <= text.index("st") < s.end]
    assert len(suggestions) == 1
    [stated] = suggestions
    assert stated.original == f"st{CYRILLIC_A}ted" and stated.replacement == "said"
    assert "look Latin" in stated.reasons[-1]
