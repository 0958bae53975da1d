"""apply_lexicon: the engine's result bent by the reader's personal lexicon (pure, no Qt)."""

from __future__ import annotations

from reader.core.lexicon import Entry, PersonalLexicon, Rule, apply_lexicon
from reader.core.suggestion import Analysis, Suggestion

TEXT = "US officers stated they would debate it at the White Home."


def _s(word: str, replacement: str, confidence: float, *others: str) -> Suggestion:
    start = TEXT.index(word)
    return Suggestion(start, start + len(word), word, replacement, (replacement, *others), confidence, ("engine",))


ANALYSIS = Analysis(TEXT, (_s("officers", "officials", 0.9), _s("debate", "discuss", 0.6, "argue"),
                           _s("Home", "House", 0.85)), words=11)


def test_empty_lexicon_changes_nothing() -> None:
    assert apply_lexicon(ANALYSIS, PersonalLexicon()) is ANALYSIS


def test_never_drops_or_falls_back_and_always_raises() -> None:
    lex = PersonalLexicon()
    lex.set_rule("officers", "officials", Rule.NEVER)  # the only choice: the suggestion goes
    lex.set_rule("debate", "discuss", Rule.NEVER)  # another choice remains, less confident
    lex.set_rule("home", "house", Rule.ALWAYS)
    bent = apply_lexicon(ANALYSIS, lex)
    assert [(s.original, s.replacement) for s in bent.suggestions] == [("debate", "argue"), ("Home", "House")]
    debate, home = bent.suggestions
    assert debate.confidence < 0.6 and home.confidence >= 0.95
    assert bent.text == TEXT and bent.words == ANALYSIS.words
    assert ANALYSIS.suggestions[0].original == "officers"  # the input is not changed


def test_always_pairs_the_engine_missed_are_added_in_order() -> None:
    lex = PersonalLexicon([Entry("stated", "said", Rule.ALWAYS), Entry("officers", "officials", accepted=2)])
    bent = apply_lexicon(ANALYSIS, lex)
    assert [s.original for s in bent.suggestions] == ["officers", "stated", "debate", "Home"]
    stated = bent.suggestions[1]
    assert (TEXT[stated.start:stated.end], stated.replacement) == ("stated", "said")
    assert bent.suggestions[0].confidence > 0.9  # two acceptances nudge it up
    assert bent.spin_score > ANALYSIS.spin_score


def test_a_name_or_an_acronym_keeps_its_capitals() -> None:
    lexicon = PersonalLexicon([Entry("White Home", "white house", Rule.ALWAYS), Entry("UN", "united nations",
                                                                                   Rule.ALWAYS)])
    text = "The White Home and the UN met; the white home stayed shut."
    found = {s.original: s.replacement for s in lexicon.missing_suggestions(text)}
    assert found == {"White Home": "White House", "UN": "United Nations", "white home": "white house"}


def test_a_lexicon_file_with_blank_or_odd_pairs_is_refused() -> None:
    import json

    import pytest

    from reader.core.lexicon import MAX_COUNT, LexiconFormatError, lexicon_text

    def pairs(*items: dict[str, object]) -> str:
        return json.dumps({"format": "unspin-lexicon", "pairs": list(items)})

    for bad in ({"spun": "  ", "original": "officials", "rule": "always"}, {"spun": None, "original": "x"},
                {"spun": 12, "original": ["x"]}, {"spun": "a", "original": "b", "accepted": "many"},
                {"spun": "a", "original": "b", "accepted": 1e400}, {"spun": "a", "original": "b", "rule": "maybe"}):
        with pytest.raises(LexiconFormatError, match="a damaged pair"):
            PersonalLexicon.from_json(pairs(bad))
    with pytest.raises(LexiconFormatError, match="nested too deeply"):
        PersonalLexicon.from_json("[" * 100_000 + "]" * 100_000)
    big = PersonalLexicon.from_json(pairs({"spun": "a", "original": "b", "accepted": 1e30}))
    assert next(iter(big)).accepted == MAX_COUNT
    saved = pairs({"spun": "officers", "original": "officials", "rule": "always"})
    for data in (("\ufeff" + saved).encode("utf-8"), saved.encode("utf-16")):  # Notepad's UTF-8 and UTF-16
        assert len(PersonalLexicon.from_json(lexicon_text(data))) == 1


def test_always_rules_are_found_beside_punctuation_and_among_thousands() -> None:
    entries = [Entry(f"word{n}", f"other{n}", Rule.ALWAYS) for n in range(20_000)]
    lexicon = PersonalLexicon([*entries, Entry("home", "house", Rule.ALWAYS), Entry("u.s. officers", "us officials",
                                                                                 Rule.ALWAYS)])
    text = "Home, he said; the U.S. officers (word7) agreed."
    found = [(s.original, s.replacement) for s in lexicon.missing_suggestions(text)]
    assert found == [("Home", "House"), ("U.S. officers", "Us officials"), ("word7", "other7")]
    assert lexicon.always_for("WORD19999") == "other19999" and lexicon.always_for("none") is None
    lexicon.put(Entry("none", "nothing", Rule.ALWAYS))  # the index follows a change
    assert lexicon.always_for("none") == "nothing"


def test_always_rules_are_found_wherever_a_word_boundary_is() -> None:
    cases = [("home", "The home-grown plan"), ("home", "The Home's lawn"), ("home", "The Home’s lawn"),
             ("officers", "officers/agents said"), ("home", "at home—and abroad"), ("home", "„Home“ he said"),
             ("u.s.", "U.S.-led strikes"), ("don't", "They don’t know"), ("white home", "the White\n  Home said")]
    for spun, text in cases:
        lexicon = PersonalLexicon([Entry(spun, "x", Rule.ALWAYS)])
        assert len(lexicon.missing_suggestions(text)) == 1, (spun, text)


def test_a_rule_on_a_name_bends_the_engines_suggestion_for_its_word() -> None:
    text = "At the White Home, all was calm at home."
    home = text.index("Home")
    engine = Analysis(text, (Suggestion(home, home + 4, "Home", "Residence", ("Residence", "House"), 0.4),), 9)
    always = apply_lexicon(engine, PersonalLexicon([Entry("White Home", "White House", Rule.ALWAYS)]))
    assert [(s.original, s.replacement, s.confidence) for s in always.suggestions] == [("Home", "House", 0.97)]
    engine = Analysis(text, (Suggestion(home, home + 4, "Home", "House", ("House",), 0.85),), 9)
    never = apply_lexicon(engine, PersonalLexicon([Entry("White Home", "White House", Rule.NEVER)]))
    assert never.suggestions == ()  # no other choice left; "home" at the end was never a suggestion


def test_capitals_follow_the_published_wording() -> None:
    from reader.core.lexicon import _match_case

    assert _match_case("ministry of defence", "Ministry Of Protection") == "Ministry of Defence"
    assert _match_case("white house", "WHITE HOME") == "WHITE HOUSE"
    assert _match_case("united nations", "UN") == "United Nations"
    assert _match_case("officials", "Officers") == "Officials" and _match_case("said", "stated") == "said"
