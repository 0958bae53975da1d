"""Runs of capitalised words and the changes that mend a broken name in them."""

from __future__ import annotations

from reader.core.names import (
    _placements,
    acronym_hints,
    acronym_letters,
    name_mends,
    name_runs,
    run_holding,
    within_known_name,
)
from reader.core.tokens import Token, chunks, tokenize

LEMMAS = {
    "white": ("white house", "white sauce"),
    "house": ("white house", "house of representatives"),
    "foreign": ("foreign minister",),
    "capital": ("capital of texas",),
    "viet": ("south viet nam",),
    "vietnam": ("south vietnam",),
}


def _multiword_parts(word: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(lemma.split()) for lemma in LEMMAS.get(word, ()))


def _chunk(text: str) -> list[Token]:
    return chunks(text, tokenize(text))[0]


def test_runs_join_through_lower_case_joiners() -> None:
    chunk = _chunk("Officials said Secretary of Defense Austin met White Home staff.")
    words = [token.norm for token in chunk]
    runs = [" ".join(words[a:b]) for a, b in name_runs(chunk)]
    assert runs == ["officials", "secretary of defense austin", "white home"]


def test_a_possessive_ends_its_run() -> None:
    chunk = _chunk("They met Russia’s Federal Safety Service and the Labour Celebration’s leader.")
    words = [token.norm for token in chunk]
    assert [" ".join(words[a:b]) for a, b in name_runs(chunk)] == [
        "they", "russia", "federal safety service", "labour celebration"
    ]
    text = "Britain’s National Fitness Service (NHS) is short of nurses."  # "Britain" is no word of the acronym
    assert acronym_hints(tokenize(text)) == {text.index("Fitness"): "h"}


def test_a_joiner_at_the_end_of_a_run_is_left_out() -> None:
    chunk = _chunk("They met Smith and the others.")
    words = [token.norm for token in chunk]
    assert [" ".join(words[a:b]) for a, b in name_runs(chunk)] == ["they", "smith"]


def test_run_holding() -> None:
    assert run_holding([(0, 1), (3, 6)], 4, 5) == (3, 6)
    assert run_holding([(0, 1), (3, 6)], 2, 4) is None
    runs = [(0, 2), (3, 6), (8, 9), (10, 14)]
    for first in range(15):
        for last in range(first + 1, 16):
            expected = next(((a, b) for a, b in runs if a <= first and last <= b), None)
            assert run_holding(runs, first, last) == expected
    assert run_holding([], 0, 1) is None


def test_a_change_that_completes_a_known_name_mends_it() -> None:
    words = ["the", "white", "home", "said"]
    assert list(name_mends(2, 3, "house", words, (1, 3), {}, _multiword_parts))
    assert not list(name_mends(2, 3, "sauce", words, (2, 3), {}, _multiword_parts))  # "white" is outside the run


def test_at_most_one_more_change_in_the_run() -> None:
    words = ["the", "black", "home"]
    assert list(name_mends(2, 3, "house", words, (1, 3), {1: ["white"]}, _multiword_parts))
    assert not list(name_mends(2, 3, "house", words, (1, 3), {}, _multiword_parts))


def test_each_mend_says_which_other_change_it_needs() -> None:
    """The engine offers a name broken in two words as one change ("Black Home" -> "White House")."""
    words = ["the", "black", "home"]
    assert list(name_mends(2, 3, "house", words, (1, 3), {1: ["grey", "white"]}, _multiword_parts)) == [(1, "white")]
    words = ["the", "white", "home"]
    assert list(name_mends(2, 3, "house", words, (1, 3), {1: ["white"]}, _multiword_parts)) == [None]


def test_a_name_wordnet_knows_is_mended_only_into_a_name_with_its_neighbours() -> None:
    """"International" is a name in WordNet (the socialist International): "International Minister" is a broken
    "Foreign Minister", but "Austin" is not to become "capital of Texas", nor is "South Viet Nam" broken."""
    words = ["ukrainian", "international", "minister", "andrii"]
    assert list(name_mends(1, 2, "foreign", words, (0, 4), {}, _multiword_parts, with_neighbour=True))
    words = ["met", "austin", "today"]
    assert list(name_mends(1, 2, "capital of texas", words, (1, 2), {}, _multiword_parts))  # the loose rule for words
    assert not list(name_mends(1, 2, "capital of texas", words, (1, 2), {}, _multiword_parts, with_neighbour=True))
    words = ["in", "south", "viet", "nam", "today"]
    assert within_known_name(2, 4, words, (1, 4), _multiword_parts)  # whole as published: the engine leaves it
    assert not within_known_name(1, 2, ["ukrainian", "international", "minister"], (0, 3), _multiword_parts)


def test_an_acronym_says_which_words_of_its_name_were_swapped_and_their_initials() -> None:
    """Spinners swap a name's words and leave its acronym: the words that no longer spell it are the swapped ones."""
    assert acronym_letters("military tactical missile techniques".split(), "ATACMS") == {0: "a", 3: "s"}
    assert acronym_letters("army tactical missile systems".split(), "ATACMS") is None  # spelled whole
    assert acronym_letters("department of defense".split(), "DoD") is None  # a joiner gives its initial
    assert acronym_letters("central bank".split(), "ECB") is None  # more words miss than spell it
    text = "It sent Military Tactical Missile Techniques — often called ATACMS — and the Nationwide Guard (NG)."
    hints = acronym_hints(tokenize(text))
    assert hints == {text.index("Military"): "a", text.index("Techniques"): "s"}
    far = "Military Tactical Missile Techniques were sent. Weeks later, after long talks and delays, ATACMS arrived."
    assert acronym_hints(tokenize(far)) == {}  # only an acronym within a few tokens names the run


def test_a_wording_is_placed_at_each_of_its_places_in_each_lemma() -> None:
    """One word (a fast path) and several are placed alike: every offset where the lemma holds them, in order."""
    lemmas = {"new": (("new", "york", "new", "town"), ("brand", "new"), ("old",)), "york": (("new", "york"),)}

    def parts(word: str) -> tuple[tuple[str, ...], ...]:
        return lemmas.get(word, ())

    assert _placements(("new",), parts) == ((("new", "york", "new", "town"), 0), (("new", "york", "new", "town"), 2),
                                            (("brand", "new"), 1))
    assert _placements(("new", "york"), parts) == ((("new", "york", "new", "town"), 0),)
    assert _placements(("york",), parts) == ((("new", "york"), 1),)


def test_an_acronym_after_a_dash_typed_as_two_hyphens_is_as_near_as_after_a_dash() -> None:
    dash = "permitting Military Tactical Missile Techniques — often called ATACMS — to be launched"
    typed = dash.replace("—", "--")
    assert acronym_hints(tokenize(typed)) == acronym_hints(tokenize(dash)) != {}


def test_a_quoted_mails_mark_inside_a_name_leaves_it_one_name() -> None:
    dash = "permitting Military Tactical Missile Techniques — often called ATACMS — to be launched"
    quoted = "> " + dash.replace(" Missile", "\n> Missile")
    assert list(acronym_hints(tokenize(quoted)).values()) == list(acronym_hints(tokenize(dash)).values())
