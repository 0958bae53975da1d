"""Names broken by a spinner, mended; other names left alone (reader/core/name_repair.py)."""

import math
from dataclasses import replace

from engine_texts import SPUN, by_original

from reader.core.engine import Engine
from reader.core.suggestion import restore
from reader.core.text_shape import article_names
from reader.core.tokens import chunks, tokenize


def test_names_are_left_alone(engine: Engine) -> None:
    text = "Austin stated that Storm Shadow missiles were sent. Kyiv welcomed the move."
    originals = {s.original for s in engine.analyze(text).suggestions}
    assert not originals & {"Austin", "Storm", "Shadow", "Kyiv"}


def test_a_broken_name_is_mended_even_when_the_mending_word_ranks_low_out_of_context(engine: Engine) -> None:
    """"house" is far down the candidates of "home"; a name repair must not depend on the static cut."""

    few = Engine(engine.finder, engine.context, replace(engine.weights, max_candidates=5))
    assert "house" not in [candidate.wording for candidate, *_ in few._ranked("home", "")]
    assert ("Home", "House") in {(s.original, s.replacement) for s in few.analyze(SPUN).suggestions}


def test_a_broken_name_with_a_lower_case_joiner_is_mended(engine: Engine) -> None:
    """"Secretary of Defense" and "House of Representatives" hold a lower-case "of"; the name is still one run."""
    text = (
        "Secretary of Protection Lloyd Austin spoke, and the bill passed the Home of Representatives, officers stated."
    )
    found = by_original(engine, text)
    assert found["Protection"] == "Defense"
    # mended within the name, or as the rewriter's whole wording the pattern book lists
    assert found.get("Home") == "House" or found.get("Home of Representatives") == "House of Representatives"
    honest = (
        "He spoke at the Board of Education and the Court of Appeals on Friday, and at the Bay View Federal "
        "Savings and Loan Association."  # a name that is a WordNet lemma is not swapped for its synonym
    )
    assert engine.analyze(honest).suggestions == ()


def test_a_name_wordnet_knows_is_mended_where_it_breaks_a_longer_name(engine: Engine) -> None:
    """"International" is a WordNet name of its own, so it was never looked at; in "International Minister" it is
    a broken "Foreign Minister". Names WordNet knows stay alone everywhere else."""
    text = (
        "He spoke at a news conference in Kyiv with Ukrainian International Minister Andrii Sybiha, officers "
        "stated. The International Monetary Fund met in Washington with South Viet Nam officials."
    )
    suggestions = engine.analyze(text).suggestions
    found = {s.original: s.replacement for s in suggestions}
    assert found.get("International") == "Foreign"
    assert [s.start for s in suggestions if s.original == "International"] == [text.index("International")]
    assert not {"Viet Nam", "Washington", "Kyiv"} & set(found)
    opening = "International Minister Andrii Sybiha said on Monday that the talks would go on. A bunch of officers"
    found = by_original(engine, opening + " stated the plan stands.")
    assert found.get("International") == "Foreign"  # the first word of a sentence, in a longer name


def test_a_name_broken_in_two_words_is_mended_as_one_change_shown_word_by_word(engine: Engine) -> None:
    """Each word of "Protection Division" has a better candidate of its own ("Security", "Unit"); only together do
    "Defense Department" name something and fit the context. A name WordNet knows is not changed that way. The
    spinner swapped each word on its own, so the reader sees two suggestions, one per word, that restore the name."""
    text = (
        "The Protection Division has a restricted stockpile of the long-range missiles, the official stated. Austin "
        "spoke at a meeting of the Ukraine Protection Contact Group in Germany."
    )
    analysis = engine.analyze(text)
    found = {s.original: s for s in analysis.suggestions}
    assert found["Protection"].replacement == "Defense" and found["Division"].replacement == "Department"
    assert found["Protection"].confidence == found["Division"].confidence
    assert "Each word of 'Protection Division'" in found["Division"].reasons[0]
    assert restore(text, analysis.suggestions).startswith("The Defense Department has")
    assert not any("Ukraine" in original for original in found)


def test_a_word_the_article_mends_in_a_name_is_mended_in_its_other_names(engine: Engine) -> None:
    """"House Republicans" is no name WordNet knows, but the article's "White Home" is a broken "White House": the
    spinner swapped "House" wherever it stood. Where the article mends no such name, "Home Secretary" stays."""
    text = (
        "US officers stated the White Home would reply to the letter. A bunch of key Home Republicans additionally "
        "urged Biden to ease the restrictions, individuals conversant in the matter stated."
    )
    homes = [s for s in engine.analyze(text).suggestions if s.original == "Home"]
    assert [s.replacement for s in homes] == ["House", "House"]
    assert "the article may mend this word in a name" in homes[1].reasons[0]
    # Other changes of the name's word count for nothing until the article makes them in a name too.
    elsewhere = {o.candidate.wording: o.log_odds for o in engine.options(text)[1] if o.mended_elsewhere}
    assert elsewhere["house"] > -math.inf and len(elsewhere) > 1
    assert all(log_odds == -math.inf for wording, log_odds in elsewhere.items() if wording != "house")
    alone = text.replace("White Home", "White House")
    assert not [s for s in engine.analyze(alone).suggestions if s.original == "Home"]


def test_an_acronym_nearby_mends_the_words_of_its_name(engine: Engine) -> None:
    """"Military Tactical Missile Techniques — often called ATACMS": Army and Systems are the words that spell it."""
    text = (
        "US officers stated they didn't count on Biden would instantly sign-off on permitting US-provided Military "
        "Tactical Missile Techniques — often called ATACMS — to be launched on targets inside Russia."
    )
    _, options, _ = engine.options(text)
    best = {o.observed: o for o in sorted(options, key=lambda o: o.rank_score)}  # the likeliest original last
    assert best["techniques"].candidate.wording == "systems" and best["military"].candidate.wording == "army"
    assert best["military"].name_repair and "acronym" in best["military"].candidate.detail
    honest = text.replace("Military", "Army").replace("Techniques", "Systems")
    assert not {"army", "systems"} & {o.observed for o in engine.options(honest)[1]}  # a whole name is left alone


def test_a_book_swap_inside_a_name_is_mended_where_usage_joins_the_original_to_its_neighbour(engine: Engine) -> None:
    """"Senate Foreign Relations Committee" is no WordNet name, but English writes "foreign relations" far more
    than "international relations", and the pattern book lists "international" as a rewriter's "foreign". A name
    English knows as published keeps its words, and no mere synonym renames a name."""
    spun = "Senior Democrats on the Senate International Relations Committee, including its chairman, wrote to him."
    suggestions = [s for s in engine.analyze(spun).suggestions if s.original == "International"]
    assert [s.replacement for s in suggestions] == ["Foreign"]
    assert any("in names far more often" in reason for reason in suggestions[0].reasons)
    honest = "Officials of the International Monetary Fund met Judge Smith and the Senate Finance Committee on Monday."
    assert not {"International", "Smith", "Finance"} & set(by_original(engine, honest))


def test_a_sentence_may_open_with_a_name_the_article_writes_elsewhere(engine: Engine) -> None:
    text = "Voters backed Keel in the primary. Keel conceded on Tuesday. Turnout was low, said Judge Ruiz."
    tokens = tokenize(text)
    names = article_names(chunks(text, tokens))
    assert "keel" in names and "judge" in names and "turnout" not in names and "voters" not in names
    groups, options, _ = engine.options(text)
    opening = text.index("Keel conceded")
    place = next((c, i) for c, chunk in enumerate(groups) for i, t in enumerate(chunk) if t.start == opening)
    assert engine.finder.word_candidates("keel")  # "reel", "stagger": the word has candidates
    there = [o for o in options if (o.chunk, o.first) == place]
    assert all(o.name_repair for o in there) and "reel" not in {o.candidate.wording for o in there}  # only mended
    # A word the article also writes in lower case is no name of its own ("Home" here, "home" there).
    assert "home" not in article_names(chunks("They went home. The White Home said so.", tokenize(
        "They went home. The White Home said so.")))
