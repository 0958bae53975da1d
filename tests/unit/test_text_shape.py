"""How a text is written: compounds, abbreviations, title case and capitals (reader/core/text_shape.py)."""

from engine_texts import CLEAN, SPUN

from reader.core.engine import Engine
from reader.core.text_shape import all_capitals, ends_sentence_with_period, spannable, title_cased
from reader.core.tokens import chunks, tokenize


def test_parts_of_compounds_and_of_figures_are_not_words(engine: Engine) -> None:
    """Spinners swap whitespace-delimited words: "long-range" and "20th" are not in their thesaurus, so "range",
    "th" ("Thursday" in WordNet) or "pm" are never offered a replacement."""
    text = "The long-range plan of the 20th century ended at 5pm in the 1990s, officers stated."
    _, options, _ = engine.options(text)
    observed = {option.observed for option in options}
    assert not observed & {"range", "th", "pm", "s"}
    assert {"officers", "stated"} <= observed


def test_a_replaced_abbreviation_leaves_the_period_that_ends_its_sentence() -> None:
    """"fell to 78 p.c. Officials said" -> "78 percent. Officials said": the period is the sentence's too."""

    for text, ends in (
        ("Rates fell to 78 p.c. Officials said so.", True),
        ("Only 78 p.c. of pupils had both doses.", False),
        ("Rates fell to 78 p.c.", True),
        ("Rates fell to 78 p.c., officials said.", False),
    ):
        [chunk] = [c for c in chunks(text, tokenize(text)) if any(t.text == "p.c." for t in c)]
        last = next(i for i, t in enumerate(chunk) if t.text == "p.c.") + 1
        assert ends_sentence_with_period(text, chunk, last) is ends, text


def test_a_compound_after_an_abbreviation_is_no_word() -> None:
    """ "U.S.-provided" is one word to a spinner, as "US-provided" is: its part "provided" is not looked up."""
    text = "Russia utilizing U.S.-provided weapons, the administration said."
    token = next(t for t in tokenize(text) if t.text == "provided")
    assert not spannable(text, token)
    assert spannable("weapons provided by the West", tokenize("weapons provided by the West")[1])


def test_a_title_cased_text_is_read_without_names(engine: Engine) -> None:
    # Most words capitalised inside sentences: a capital names nothing there, so no run of them is a name to mend.
    honest = " ".join(["Officials Said On Tuesday That The New Bridge Would Open Next Spring After Long Delays."] * 6)
    groups = chunks(honest, tokenize(honest))
    assert title_cased(groups) and not title_cased(chunks(CLEAN, tokenize(CLEAN)))
    _, options, _ = engine.options(honest)
    assert not any(o.name_repair for o in options)
    assert {"officials", "bridge"} <= {o.observed for o in options}  # read as the words they are


def test_a_text_in_capitals_is_read_as_its_words(engine: Engine) -> None:
    # In a text in capitals a word in capitals is no acronym: "OFFICERS STATED" is looked up and restored in capitals.
    shouted = " ".join([SPUN.upper()] * 4)
    groups = chunks(shouted, tokenize(shouted))
    assert all_capitals(groups) and not all_capitals(chunks(SPUN, tokenize(SPUN)))
    replacements = {s.replacement for s in engine.analyze(shouted).suggestions}
    assert "OFFICIALS" in replacements and "SAID" in replacements
