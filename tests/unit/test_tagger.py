"""The part-of-speech tagger: the shipped model, its faithfulness to nltk's tagger, and what the engine does with it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.core.engine import Engine
from reader.core.suggestion import Suggestion
from reader.core.tagger import Tagger, load_tagger, read_model, save_model
from reader.core.tokens import tokenize


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    loaded = load_tagger()
    assert loaded is not None, "resources/data/pos_tagger.bin.gz is missing"
    return loaded


def tags_of(tagger: Tagger, sentence: str) -> dict[str, str]:
    tokens = tokenize(sentence)
    tags = tagger.tag_tokens(tokens)
    return {token.text: tags[token.start] for token in tokens if token.start in tags}


def test_a_word_is_tagged_by_its_use(tagger: Tagger) -> None:
    assert tags_of(tagger, "The coach brought on a substitute in the second half.")["substitute"] == "NOUN"
    assert tags_of(tagger, "Coaches often substitute tired players late in the game.")["substitute"] == "VERB"
    assert tags_of(tagger, "Kyiv may fire missiles at targets inside Russia.")["fire"] == "VERB"
    assert tags_of(tagger, "The fire spread to three houses.")["fire"] == "NOUN"
    assert tags_of(tagger, "Prices are rising fast.")["rising"] == "VBG"


def test_every_word_gets_a_tag_and_punctuation_none(tagger: Tagger) -> None:
    text = "Officials said so. Then, at noon — after talks — they left!\n\nA second paragraph"
    tokens = tokenize(text)
    tags = tagger.tag_tokens(tokens)
    assert {t.start for t in tokens if t.text.isalnum()} == set(tags)
    assert all(t.start not in tags for t in tokens if not t.text.isalnum())
    assert tagger.tag_tokens([]) == {}


def test_tagging_matches_nltks_perceptron_tagger(tagger: Tagger) -> None:
    """The engine applies the model itself (no nltk import at check time); nltk's own tagger is the reference."""
    from nltk.tag.perceptron import PerceptronTagger

    reference = PerceptronTagger(load=False)
    reference.model.weights = tagger.by_feature()
    reference.model.classes = set(tagger.classes)
    reference.tagdict = tagger.tagdict
    reference.classes = set(tagger.classes)
    sentences = [
        "US officers stated they didn't count on Biden would instantly sign-off on the 2 proposals.",
        "The second half followed a similar script , and Carver crashed a dipping volley against the bar in 1961 .",
        "Analysts remained upbeat on the stock ; its Q3 net profit jumps 28 % to 412 crore .",
    ]
    for sentence in sentences:
        words = sentence.split()
        assert tagger.tag(words) == [tag for _, tag in reference.tag(words)]


def test_a_candidate_linked_only_through_another_part_of_speech_clashes(engine: Engine) -> None:
    """ "artificial" is a synonym of the adjective "substitute": no original for the noun."""
    as_noun = {o.candidate.wording: o.pos_clash for o in engine._keep(0, 0, 1, "substitute", "NOUN")}
    assert as_noun["artificial"] == 1.0
    assert as_noun["replacement"] == 0.0
    untagged = {o.candidate.wording: o.pos_clash for o in engine._keep(0, 0, 1, "substitute", "")}
    assert set(untagged.values()) == {0.0}


def test_candidates_remember_every_reading_that_links_them(engine: Engine) -> None:
    """ "change" is linked to "shift" both as a noun and as a verb, so neither use of "shift" makes it clash."""
    found = {c.wording: c for c in engine.finder.word_candidates("shift")}
    assert found["change"].parts_of_speech == "nv"
    assert found["displacement"].parts_of_speech == "n"


def test_a_rewriters_odd_synonym_clashes_where_the_word_is_used_otherwise(engine: Engine) -> None:
    """Rewriters write "worth" for the noun "price"; the adjective in "worth $5 billion" is no such swap."""
    found = {c.wording: c for c in engine.finder.word_candidates("worth")}
    assert found["price"].relation == "rewrite" and found["price"].parts_of_speech == "n"
    as_adjective = {o.candidate.wording: o.pos_clash for o in engine._keep(0, 0, 1, "worth", "ADJ")}
    assert as_adjective["price"] == 1.0


def test_a_clash_counts_against_the_suggestion(engine: Engine) -> None:
    text = (
        "Whitlock then tipped over a fierce 20-yarder from substitute Ben Ashworth as the visitors pressed. "
        "Preston had dominated the second half."
    )
    untagged = Engine(engine.finder, engine.context, engine.weights)

    def suggestion(analyser: Engine) -> Suggestion:
        return next(s for s in analyser.analyze(text).suggestions if s.original == "substitute")

    assert engine.weights.coefficients["pos_clash"] < 0
    tagged = suggestion(engine)
    assert tagged.confidence < suggestion(untagged).confidence
    assert any("another part of speech" in reason for reason in tagged.reasons)
    assert not any("another part of speech" in reason for reason in suggestion(untagged).reasons)


def test_the_model_file_round_trips_and_damage_is_reported(tagger: Tagger, tmp_path: Path) -> None:
    path = tmp_path / "model.bin.gz"
    save_model(path, tagger)
    again = read_model(path)
    assert again.by_feature() == tagger.by_feature()
    assert again.tagdict == tagger.tagdict
    save_model(tmp_path / "second.bin.gz", again)
    assert (tmp_path / "second.bin.gz").read_bytes() == path.read_bytes()
    data = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(data[:-8]))
    with pytest.raises(ValueError, match="damaged"):
        read_model(path)


def test_a_lists_bullet_is_no_word_of_the_sentence() -> None:
    tagger = load_tagger()
    plain = "That meeting came about one week later."
    tags = list(tagger.tag_tokens(tokenize(plain)).values())
    for mark in ("• ", "> ", "https://www.example.com/story "):  # a bullet, a mail's quote mark, a link
        assert list(tagger.tag_tokens(tokenize(mark + plain)).values()) == tags
