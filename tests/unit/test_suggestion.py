from reader.core.suggestion import (
    HONEST_BELOW,
    MIN_VERDICT_WORDS,
    SPUN_FROM,
    Analysis,
    Decision,
    Suggestion,
    Verdict,
    apply_edits,
    passes_spin_filter,
    restore,
    spin_verdict,
    verdict_words,
    word_by_word,
)

TEXT = "US officers stated they would not count on it."


def make(start: int, end: int, replacement: str, confidence: float = 0.9) -> Suggestion:
    return Suggestion(start, end, TEXT[start:end], replacement, (replacement, "other"), confidence, ("why",))


def test_restore_applies_suggestions_at_threshold_left_to_right() -> None:
    s = [make(3, 11, "officials"), make(12, 18, "said", 0.4), make(34, 42, "expect")]
    assert restore(TEXT, s, threshold=0.5) == "US officials stated they would not expect it."
    assert restore(TEXT, s, threshold=0.3) == "US officials said they would not expect it."


def test_decisions_override_threshold_and_choose_alternatives() -> None:
    s = [make(3, 11, "officials"), make(12, 18, "said", 0.1)]
    decisions = {0: Decision(Verdict.REJECT), 1: Decision(Verdict.ACCEPT, "declared")}
    assert restore(TEXT, s, decisions) == "US officers declared they would not count on it."


def test_a_suggestion_whose_span_no_longer_matches_is_skipped() -> None:
    stale = Suggestion(0, 2, "XX", "United States", (), 1.0, ())
    assert restore(TEXT, [stale]) == TEXT


def test_overlapping_edits_keep_the_first() -> None:
    assert apply_edits("abcdef", [(1, 3, "X"), (2, 4, "Y"), (4, 5, "Z")]) == "aXdZf"


def test_suggestion_json_and_choices() -> None:
    s = make(3, 11, "officials")
    assert s.choices() == ("officials", "other")
    data = s.to_json()
    assert data["start"] == 3 and data["original"] == "officers" and data["alternatives"] == ["officials", "other"]


def test_spin_score_is_share_of_words() -> None:
    analysis = Analysis(TEXT, (make(3, 11, "officials"), make(34, 42, "expect")), words=10)
    assert analysis.spin_score == 0.3
    assert Analysis("", (), 0).spin_score == 0.0


def test_spin_verdict_bands() -> None:
    assert [spin_verdict(x) for x in (0.0, HONEST_BELOW - 0.001, HONEST_BELOW, SPUN_FROM - 0.001, SPUN_FROM, 1.0)] == [
        "honest", "honest", "unclear", "unclear", "spun", "spun"]
    assert Analysis(TEXT, (make(3, 11, "officials"), make(34, 42, "expect")), words=200).verdict == "honest"
    assert Analysis(TEXT, (make(3, 11, "officials"), make(34, 42, "expect")), words=50).verdict == "unclear"  # 4%


def test_a_text_too_short_to_judge_is_unclear() -> None:
    # One suggestion in a ten-word sentence is a spin score of 10%, but says little about the whole text: below
    # MIN_VERDICT_WORDS words one suggestion more or less would carry the score across the unclear band.
    assert 1 / MIN_VERDICT_WORDS <= SPUN_FROM - HONEST_BELOW
    short = Analysis(TEXT, (make(3, 11, "officials"),), words=10)
    assert short.spin_score == 0.1 and short.verdict == "unclear"
    assert "too short to judge" in short.verdict_words
    assert Analysis(TEXT, (), words=10).verdict == "unclear"
    assert spin_verdict(0.1, MIN_VERDICT_WORDS) == "spun" and spin_verdict(0.0, MIN_VERDICT_WORDS) == "honest"
    assert verdict_words(0.1, None) == "looks spun"  # length unknown (a library row before its analysis)


def test_spin_filters_follow_the_verdict() -> None:
    # A long text by its score; a short one is unclear whatever its score: in "unclear or spun", not in "looks spun".
    assert passes_spin_filter(SPUN_FROM, 500, SPUN_FROM) and not passes_spin_filter(0.02, 500, HONEST_BELOW)
    assert passes_spin_filter(0.0, 10, HONEST_BELOW) and not passes_spin_filter(0.5, 10, SPUN_FROM)
    assert not passes_spin_filter(0.5, 10, 0.2)
    assert passes_spin_filter(SPUN_FROM, None, SPUN_FROM)  # length unknown: by score
    assert not passes_spin_filter(None, None, HONEST_BELOW) and passes_spin_filter(None, None, None)


def test_counts_are_singular_for_one() -> None:
    from reader.core.suggestion import counted

    assert counted(1, "suggestion") == "1 suggestion"
    assert counted(0, "suggestion") == "0 suggestions" and counted(2, "word") == "2 words"


def test_a_change_swapped_word_by_word_is_shown_one_word_at_a_time() -> None:
    text = "the Nationwide  Safety Council"
    choices = ("National Security", "Federal Safety", "Nationwide Defense", "US")
    whole = Suggestion(4, 22, text[4:22], "National Security", choices, 0.8, ("why",))
    first, second = word_by_word(whole)
    assert (first.start, first.end, first.original, first.replacement) == (4, 14, "Nationwide", "National")
    assert (second.start, second.end, second.original, second.replacement) == (16, 22, "Safety", "Security")
    assert first.alternatives == ("National", "Federal") and second.alternatives == ("Security", "Defense")
    assert first.confidence == second.confidence == 0.8 and second.reasons[1:] == ("why",)
    assert restore(text, [first, second]) == "the National  Security Council"  # the text between is kept
    phrase = Suggestion(0, 13, "in any respect", "at all", ("at all",), 0.9)
    assert word_by_word(phrase) == (phrase,)  # two words for three: no word stands for another


def test_a_text_not_in_english_passes_a_spin_filter_as_unclear() -> None:
    assert passes_spin_filter(0.0, 500, HONEST_BELOW, english=False)
    assert not passes_spin_filter(0.5, 500, SPUN_FROM, english=False)
