"""Pure pieces: token alignment, immutables, the personal lexicon."""

from __future__ import annotations

import pytest

from reader.core.align import align, compare
from reader.core.immutables import immutables
from reader.core.lexicon import Entry, LexiconFormatError, PersonalLexicon, Rule
from reader.core.suggestion import Suggestion

SOURCE = "US officials said on Tuesday that the storm would reach the coast, in order to warn 2,000 people."
COPY = "US officers stated on Tuesday that the tempest would reach the shore, to warn 2,000 people."


def test_alignment_lists_exact_substitutions() -> None:
    alignment = align(SOURCE, COPY)
    assert [s.pair for s in alignment.substitutions] == [
        ("officers", "officials"), ("stated", "said"), ("tempest", "storm"), ("shore", "coast")]
    assert [SOURCE[a:b] for a, b in alignment.deletions] == ["in order"]  # the minimal edit: honest, if not ideal
    first = alignment.substitutions[0]
    assert (first.source_start, first.source_end, first.copy_start, first.copy_end) == (3, 12, 3, 11)
    assert 0.6 < alignment.similarity < 1.0


def test_alignment_ignores_case_and_identical_texts() -> None:
    assert align("The Storm", "the storm").substitutions == ()
    assert align(SOURCE, SOURCE).similarity == 1.0
    assert align("", "").similarity == 0.0


def test_compare_with_engine_suggestions() -> None:
    alignment = align(SOURCE, COPY)
    right = Suggestion(3, 11, "officers", "officials", (), 0.9)
    wrong = Suggestion(12, 18, "stated", "declared", (), 0.6)
    alarm = Suggestion(22, 29, "Tuesday", "Monday", (), 0.2)
    agreement = compare(alignment, [right, wrong, alarm])
    assert agreement.restored == (right,) and agreement.false_alarms == (alarm,)
    assert agreement.wrong_wording[0][1].source_text == "said"
    assert [m.copy_text for m in agreement.missed] == ["tempest", "shore"]
    assert agreement.precision == pytest.approx(1 / 3) and agreement.recall == pytest.approx(1 / 4)


def test_immutables_keep_names_numbers_quotes_rare_words() -> None:
    keys = immutables('The Governor Ricardo Rossello said 3,400 soldiers "stand ready to help us" in Puerto Rico. '
                      "Engineers feared catastrophic failures. It was 9 o'clock.")
    assert {"p:ricardo", "p:ricardo rossello", "p:puerto rico", "n:3400", "q:stand ready to",
            "w:catastrophic"} <= keys
    assert "p:the" not in keys and "p:engineers" not in keys and "n:9" not in keys
    spun = immutables('The Governor Ricardo Rossello stated 3,400 troopers "stand ready to help us" in Puerto Rico.')
    assert {"p:ricardo rossello", "n:3400", "q:stand ready to"} <= spun


def test_lexicon_adjusts_confidence() -> None:
    lex = PersonalLexicon()
    s = Suggestion(0, 8, "Officers", "police", ("officials",), 0.5)
    assert lex.adjust(s) == s
    lex.set_rule("officers", "police", Rule.NEVER)
    adjusted = lex.adjust(s)
    assert adjusted is not None and adjusted.replacement == "officials" and adjusted.confidence < 0.5
    lex.set_rule("officers", "officials", Rule.NEVER)
    assert lex.adjust(s) is None
    lex = PersonalLexicon()
    lex.set_rule("officers", "officials", Rule.ALWAYS)
    always = lex.adjust(s)
    assert always is not None and always.replacement == "Officials" and always.confidence >= 0.95
    lex = PersonalLexicon([Entry("officers", "police", accepted=3)])
    raised = lex.adjust(s)
    assert raised is not None and raised.confidence > 0.6
    lowered = PersonalLexicon([Entry("officers", "police", rejected=3)]).adjust(s)
    assert lowered is not None and lowered.confidence < 0.4


def test_lexicon_missing_suggestions_and_json() -> None:
    lex = PersonalLexicon()
    lex.set_rule("officers", "officials", Rule.ALWAYS)
    existing = [Suggestion(20, 28, "officers", "police", (), 0.5)]
    found = lex.missing_suggestions("Officers met other officers today.", existing)
    assert [(s.start, s.replacement) for s in found] == [(0, "Officials")]
    again = PersonalLexicon.from_json(lex.to_json())
    assert again.always_for("Officers") == "officials"
    with pytest.raises(LexiconFormatError):
        PersonalLexicon.from_json('{"format": "other"}')
    with pytest.raises(LexiconFormatError):
        PersonalLexicon.from_json("not json")
