"""British spellings are the same words as American ones: never a substitution, never odd in context."""

from reader.core.dialect import american_only, american_spelling, american_wording, same_word, writes_british
from reader.core.engine import Engine

BRITISH_NEWS = (
    "The council said the new programme would help the centre of the town recover. Labour councillors "
    "criticised the plan, saying it favoured large organisations and ignored the colour of the neighbourhood. "
    "Travellers faced delays as the operator cancelled services, and a spokesman apologised for the modernisation."
)


def test_british_spellings_map_to_american_ones() -> None:
    assert american_spelling("colour") == "color"
    assert american_spelling("criticised") == "criticized"
    assert american_spelling("modernisation") == "modernization"  # the regular -isation correspondence
    assert american_spelling("color") == "color"
    assert american_spelling("advise") == "advise"  # not every -ise is an -ize
    assert american_wording("labour party") == "labor party"
    assert same_word("favoured", "favored") and not same_word("favoured", "preferred")


def test_the_context_model_hears_british_spellings_as_american(engine: Engine) -> None:
    prob = engine.context.prob
    assert prob("colour", "the", "") == prob("color", "the", "")
    assert prob("of", "programme", "the") == prob("of", "program", "the")
    assert engine.context.known("neighbourhood")


def test_the_other_spelling_is_not_a_candidate(engine: Engine) -> None:
    wordings = {c.wording for c in engine.finder.word_candidates("programme")}
    assert "program" not in wordings and "plan" in wordings
    assert "favored" not in {c.wording for c in engine.finder.word_candidates("favoured")}


def test_honest_british_news_is_not_restored_to_american(engine: Engine) -> None:
    analysis = engine.analyze(BRITISH_NEWS)
    flagged = [s for s in analysis.suggestions if s.confidence >= 0.5]
    assert all(not same_word(s.original.lower(), s.replacement.lower()) for s in analysis.suggestions)
    assert len(flagged) <= 1, [(s.original, s.replacement) for s in flagged]


def test_an_article_in_british_spelling_is_told_from_an_american_one() -> None:
    assert writes_british(BRITISH_NEWS.lower().split())
    assert not writes_british("the new program would help the center of the town; they criticized it".split())
    assert not writes_british("one theatre in a plain article".split())  # one British spelling is not enough


def test_american_only_terms_are_not_proposed_in_british_news(engine: Engine) -> None:
    british = "The motorway was closed after the crash, and the council said the car park would reopen. " * 2
    american = british.replace("council", "center").replace("The motorway", "The program")
    assert american_only("parking lot") and american_only("expressway") and not american_only("truck")
    proposed_in_british = {w for o in engine.options(british + BRITISH_NEWS)[1] for w in [o.candidate.wording]}
    assert not any(american_only(w) for w in proposed_in_british)
    assert any(american_only(o.candidate.wording) for o in engine.options(american)[1])


def test_replacements_are_spelled_as_the_article_spells(engine: Engine) -> None:
    british = "The council said the programme would change the hue of the town centre. Labour criticised it."
    american = "The council said the program would change the hue of the downtown center. Labor criticized it."
    floor = engine.weights.report_floor
    engine.weights.report_floor = 0.0  # every place's best guess, however weak: this is about spelling only
    try:
        hue_gb = {s.original: s.alternatives for s in engine.analyze(british).suggestions}.get("hue", ())
        hue_us = {s.original: s.alternatives for s in engine.analyze(american).suggestions}.get("hue", ())
    finally:
        engine.weights.report_floor = floor
    assert "colour" in hue_gb and "color" not in hue_gb
    assert "color" in hue_us and "colour" not in hue_us
