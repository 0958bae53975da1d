"""Usage neighbours: the shipped list, its reader, and how the candidate finder uses it."""

from __future__ import annotations

import gzip
from pathlib import Path
from types import ModuleType

import pytest

from reader.core import usage
from reader.core.candidates import CandidateFinder
from reader.core.engine import Engine
from reader.core.patterns import parse_patterns
from reader.core.usage import UsageNeighbours, load_usage, parse_usage


def test_lines_are_read_nearest_first_and_unknown_words_have_none() -> None:
    neighbours = parse_usage("navy\tmilitary marine\nvital\tcrucial important\n\nbroken line\n")
    assert neighbours("navy") == ("military", "marine")
    assert neighbours("vital") == ("crucial", "important")
    assert neighbours("broken line") == ()
    assert neighbours("absent") == ()


def test_a_missing_list_leaves_wordnet_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(usage, "resources_dir", lambda: tmp_path)
    load_usage.cache_clear()
    try:
        assert load_usage()("navy") == ()
        (tmp_path / "data" / usage.USAGE_FILE).write_bytes(gzip.compress(b"navy\tmilitary\n"))
        load_usage.cache_clear()
        assert load_usage()("navy") == ("military",)
    finally:
        load_usage.cache_clear()


def test_the_shipped_list_pairs_words_a_thesaurus_and_usage_agree_on_but_not_opposites() -> None:
    shipped = load_usage()
    assert "military" in shipped("navy")
    assert "important" in shipped("vital")
    assert "later" not in shipped("earlier")  # a WordNet antonym, though used in the same places
    assert "closed" not in shipped("open")
    assert "month" in shipped("year") and "month" in shipped.set_apart("year")  # co-hyponyms: never offered


def finder_with(engine: Engine, lines: dict[str, str]) -> CandidateFinder:
    """WordNet and these usage neighbours alone (the curated patterns write "military" for "navy" too)."""
    return CandidateFinder(
        engine.finder.wordnet, parse_patterns(""), UsageNeighbours(lines), engine.finder.coefficients
    )


def test_a_usage_neighbour_fills_a_gap_wordnet_leaves(engine: Engine) -> None:
    """WordNet links no sense of "navy" to "military": the neighbour is offered, as a relation of its own."""
    plain = {c.wording: c for c in finder_with(engine, {}).word_candidates("navy")}
    assert "military" not in plain
    found = {c.wording: c for c in finder_with(engine, {"navy": "military marine"}).word_candidates("navy")}
    assert found["military"].relation == "usage"
    assert found["military"].observed_rank == 0  # the nearest neighbour


def test_where_wordnet_agrees_the_rest_of_the_list_is_not_offered(engine: Engine) -> None:
    found = {c.wording: c for c in finder_with(engine, {"officers": "officials police"}).word_candidates("officers")}
    assert found["officials"].relation != "usage"
    assert "police" not in found


def test_a_neighbour_is_offered_only_in_the_observed_form(engine: Engine) -> None:
    """ "navies" is another form of the same word, "militaries" not the form of "navy" (singular)."""
    found = {c.wording for c in finder_with(engine, {"navy": "navies militaries military"}).word_candidates("navy")}
    assert "military" in found
    assert not {"navies", "militaries"} & found


def test_a_spun_word_wordnet_cannot_reach_is_restored(engine: Engine) -> None:
    found = {
        s.original: s
        for s in engine.analyze(
            "The revelation has modified the controversy over Ukraine's capabilities, Lammy stated."
        ).suggestions
    }
    assert found["controversy"].replacement == "debate"
    assert "uses in the same places" in found["controversy"].reasons[0]


def load_builder() -> ModuleType:
    """scripts/build_usage_neighbours.py, loaded by path (scripts are no package)."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_usage_neighbours.py"
    spec = importlib.util.spec_from_file_location("build_usage_neighbours", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_builder_keeps_mutual_neighbours_a_thesaurus_lists_and_drops_antonyms() -> None:
    from reader.core.wordnet_data import ensure_wordnet

    ensure_wordnet()  # the builder reads WordNet's antonyms through nltk
    builder = load_builder()
    neighbours = {
        "navy": ["military", "army"],
        "military": ["navy"],
        "army": ["soldiers"],  # navy is not among army's nearest: not mutual
        "early": ["late", "soon"],
        "late": ["early"],
        "soon": ["early"],
    }
    links = {"navy": {"military", "army"}, "early": {"late", "soon"}}  # "late" is listed, but it is the antonym
    assert builder.agreed(neighbours, links) == {
        "navy": ["military"],
        "military": ["navy"],
        "soon": ["early"],
        "early": ["soon"],
    }


def test_the_builder_marks_co_hyponyms() -> None:
    """Winter and summer: used in the same places and listed together, but one set's members."""
    from reader.core.wordnet_data import ensure_wordnet

    ensure_wordnet()
    builder = load_builder()
    neighbours = {"winter": ["summer", "wintertime"], "summer": ["winter"], "wintertime": ["winter"]}
    links = {"winter": {"summer", "wintertime"}}
    assert builder.agreed(neighbours, links) == {
        "winter": ["~summer", "wintertime"], "summer": ["~winter"], "wintertime": ["winter"]
    }


def test_a_marked_co_hyponym_is_a_neighbour_but_never_offered(engine: Engine) -> None:
    finder = finder_with(engine, {"navy": "~marine military", "military": "navy"})
    assert finder.usage("navy") == ("marine", "military")
    assert finder.usage.set_apart("navy") == {"marine"}
    found = {c.wording: c for c in finder.word_candidates("navy")}
    assert found["military"].relation == "usage" and found["military"].observed_rank == 1
    assert "marine" not in found


def test_the_builder_refuses_an_incomplete_model_dump(tmp_path: Path) -> None:
    builder = load_builder()
    arpa = tmp_path / "model.arpa"
    header = "\\data\\\nngram 1=2\nngram 2=2\n\n\\1-grams:\n-1.0\tnavy\t0\n-1.0\tmilitary\t0\n\n\\2-grams:\n"
    arpa.write_text(header + "-0.5\tnavy\tmilitary\n-0.5\tmilitary\tnavy\n\n\\3-grams:\n")
    unigrams, bigrams = builder.read_arpa(str(arpa))
    assert unigrams == {"navy": -1.0, "military": -1.0}
    assert bigrams == [("navy", "military", -0.5), ("military", "navy", -0.5)]
    arpa.write_text(header + "-0.5\tnavy\tmilitary\n")  # the writer crashed half-way through the bigrams
    with pytest.raises(SystemExit, match="incomplete"):
        builder.read_arpa(str(arpa))
