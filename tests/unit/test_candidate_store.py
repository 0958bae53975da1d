"""The common forms' candidate lists kept on disk: read back as derived, keyed by what they depend on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core import candidate_store
from reader.core.candidate_store import CandidateStore, build_store, common_forms, load_store, store_path
from reader.core.engine import Engine
from reader.core.weights import load_weights

FORMS = ("officers", "stated", "home", "navy", "websites", "the", "3", "xylophonists")


SHIPPED = load_weights().coefficients


def test_a_stored_list_reads_back_equal_to_the_derived_one(engine: Engine, tmp_path: Path) -> None:
    path = str(tmp_path / "store.sqlite")
    build_store(path, engine.finder.fresh(), FORMS[:-1])
    store = CandidateStore(path)
    derived = engine.finder.fresh()
    for form in FORMS[:-1]:
        assert store.get(form) == derived.computed_word_candidates(form), form
    assert store.get("officers")  # not trivially equal: the list has candidates
    assert store.get("the") == ()  # a stored empty list is not a missing one
    assert store.get(FORMS[-1]) is None
    with_store = engine.finder.fresh(store)
    assert with_store.word_candidates(FORMS[-1]) == derived.computed_word_candidates(FORMS[-1])


def test_the_finder_answers_from_the_store_where_it_holds_the_form(engine: Engine, tmp_path: Path) -> None:
    """The finder reads the stored list instead of deriving it (here a list planted under another form)."""
    path = str(tmp_path / "store.sqlite")
    build_store(path, engine.finder.fresh(), ["officers"])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE forms SET form = 'policemen'")
    finder = engine.finder.fresh(CandidateStore(path))
    assert finder.word_candidates("policemen") == finder.computed_word_candidates("officers")


def test_common_forms_are_inflected_forms_commonest_first(engine: Engine) -> None:
    forms = common_forms(engine.finder, engine.context, limit=5_000)
    assert len(forms) == 5_000 == len(set(forms))
    for form in ("said", "officials", "house", "stated", "navy"):
        assert form in forms
    assert forms.index("said") < forms.index("stated") < forms.index("navy")
    assert "the" not in forms  # no WordNet reading: nothing slow to derive
    assert all(form.isalpha() and form.islower() for form in forms)


def test_a_store_is_keyed_by_its_index_and_rebuilt_when_missing(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(candidate_store, "COMMON_FORMS", 50)
    assert store_path("wordnet-index-a.sqlite", SHIPPED) != store_path("wordnet-index-b.sqlite", SHIPPED)
    before = store_path("wordnet-index-a.sqlite", SHIPPED)
    with monkeypatch.context() as patched:  # another breame: other spellings, other lists
        patched.setattr(candidate_store, "installed_version", lambda package: "9.9")
        assert store_path("wordnet-index-a.sqlite", SHIPPED) != before
    heard: list[str] = []
    index_path = engine.finder.wordnet.path
    store = load_store(engine.finder, engine.context, heard.append)
    assert store is not None and store.path == store_path(index_path, engine.finder.coefficients)
    assert store.get("said") is not None and heard
    again = load_store(engine.finder, engine.context, heard.append)
    assert again is not None and again.path == store.path and len(heard) == 1  # built once
    Path(store.path).write_bytes(b"not a database")
    rebuilt = load_store(engine.finder, engine.context, heard.append)
    assert rebuilt is not None and rebuilt.get("said") is not None and len(heard) == 2


def test_a_damaged_store_or_an_unwritable_cache_only_costs_speed(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "store.sqlite")
    build_store(path, engine.finder.fresh(), ["officers"])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE forms SET candidates = x'00ff'")
    finder = engine.finder.fresh(CandidateStore(path))
    assert finder.store is not None and finder.store.get("officers") is None
    assert finder.word_candidates("officers") == finder.computed_word_candidates("officers")

    ranked = str(tmp_path / "ranked.sqlite")
    build_store(ranked, engine.finder.fresh(), ["officers"], engine.store_ranking())
    with sqlite3.connect(ranked) as connection:
        connection.execute("UPDATE rankings SET ranking = x'00ff'")
    damaged = Engine(engine.finder.fresh(CandidateStore(ranked)), engine.context, engine.weights)
    assert damaged.finder.store is not None and damaged.finder.store.ranking("officers") is None
    assert list(damaged._ranked("officers", "n")) == list(engine._ranked("officers", "n"))

    not_a_folder = tmp_path / "cache-is-a-file"
    not_a_folder.write_text("")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(not_a_folder))
    monkeypatch.setattr(candidate_store, "COMMON_FORMS", 5)
    heard: list[str] = []
    assert load_store(engine.finder, engine.context, heard.append) is None
    assert "Could not keep the candidate lists" in heard[-1]


def test_a_store_is_keyed_by_the_coefficients_that_choose_links_only() -> None:
    """A benchmark's trial weights (``load_engine(weights=...)``) that move a relation's weight may choose other
    links, so their lists are kept apart; a refitted context weight leaves every list as it was."""
    before = store_path("wordnet-index-a.sqlite", SHIPPED)
    assert store_path("wordnet-index-a.sqlite", {**SHIPPED, "gain": SHIPPED["gain"] + 1}) == before
    assert store_path("wordnet-index-a.sqlite", {**SHIPPED, "relation:hypernym": 0.5}) != before


@pytest.mark.parametrize("ranking_model", [False, True])
def test_a_stored_ranking_is_the_one_the_engine_would_make(engine: Engine, tmp_path: Path, ranking_model: bool) -> None:
    """The store keeps each common word's static ranking as far as a part-of-speech clash could reach into it:
    every cut the engine makes from it, for every part of speech, equals the cut from the whole ranking (with the
    shipped weights, and with a separate ranking model, whose rank scores differ from the detection scores)."""
    from dataclasses import replace

    forms = ("officers", "stated", "home", "run", "light", "fast", "the", "3")
    weights = engine.weights
    if ranking_model:
        weights = replace(weights, ranking={**weights.coefficients, "relation:hyponym": 1.0, "commoner": 0.5})
    derived = Engine(engine.finder.fresh(), engine.context, weights)
    path = str(tmp_path / "store.sqlite")
    build_store(path, engine.finder.fresh(), forms, derived.store_ranking())
    store = CandidateStore(path)
    assert store.ranking_key == derived.store_ranking().key
    stored = Engine(engine.finder.fresh(store), engine.context, weights)
    longest = 0
    for form in forms:
        ranking = store.ranking(form)
        assert ranking is not None, form
        linked, entries = ranking
        whole = derived._scored(form)
        assert entries == whole[: len(entries)] and linked == derived._linked_parts(form), form
        longest = max(longest, len(whole))
        for wanted in ("", "n", "v", "a", "r", "va", "vna"):
            assert list(stored._ranked(form, wanted)) == list(derived._ranked(form, wanted)), (form, wanted)
    assert longest > engine.weights.max_candidates  # some ranking is cut: the reach is tested
    assert store.ranking("xylophonists") is None


def test_a_stored_ranking_serves_only_the_weights_it_was_made_with(engine: Engine, tmp_path: Path) -> None:
    from dataclasses import replace

    path = str(tmp_path / "store.sqlite")
    build_store(path, engine.finder.fresh(), ["officers"], engine.store_ranking())
    with sqlite3.connect(path) as connection:  # a planted ranking: only a store read could return it
        connection.execute("UPDATE rankings SET form = 'policemen'")
    planted = CandidateStore(path)
    same = Engine(engine.finder.fresh(planted), engine.context, engine.weights)
    assert list(same._ranked("policemen", "")) == list(same._ranked("officers", ""))
    weights = replace(engine.weights, coefficients={**engine.weights.coefficients, "relation:hyponym": 2.0})
    other = Engine(engine.finder.fresh(planted), engine.context, weights)
    assert other.store_ranking().key != planted.ranking_key
    assert list(other._ranked("policemen", "")) != list(other._ranked("officers", ""))
    refit = replace(engine.weights, coefficients={**engine.weights.coefficients, "gain": 9.0})
    assert Engine(engine.finder, engine.context, refit).store_ranking().key == planted.ranking_key
