"""Words disguised with Cyrillic or Greek look-alike letters, or with invisible characters inside them."""

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


def test_invisible_characters_inside_a_word_are_a_disguise() -> None:
    text = "US offi\u200bcials met in Wash\u2060ing\u200dton on Tues\ufeffday."
    found = disguised(text)
    assert [plain for _, _, plain in found] == ["officials", "Washington", "Tuesday"]
    words = [text[start:end] for start, end, _ in found]
    assert words == ["offi\u200bcials", "Wash\u2060ing\u200dton", "Tues\ufeffday"]
    # Only look-alikes are translated in place: invisible characters stay, so every offset holds.
    assert unmasked(text, found) == text


def test_soft_hyphens_and_joiners_of_other_scripts_are_no_disguise() -> None:
    assert disguised("Web text carries hyphen\u00adation hints in long words.") == []
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a zero-width non-joiner, as Persian writes it
    assert disguised(f"The word {persian} was quoted.") == []


def test_the_engine_reports_invisible_characters_and_restores_the_plain_word(engine: Engine) -> None:
    text = "The city council met on Tues\u200bday to vote on the budget for next year."
    analysis = engine.analyze(text)
    [tuesday] = [s for s in analysis.suggestions if s.original == "Tues\u200bday"]
    assert tuesday.replacement == "Tuesday" and tuesday.confidence == DISGUISE_CONFIDENCE
    assert "zero width space" in tuesday.reasons[0]
    assert restore(text, analysis.suggestions, threshold=0.5) == text.replace("\u200b", "")
