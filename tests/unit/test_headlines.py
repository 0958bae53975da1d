"""Headlines in title case or in capitals are read as their words; the body's names stay names in them."""

from reader.core.headlines import body_names, in_capitals, runs_of, title_cased_lines
from reader.core.tokens import chunks, tokenize


def headline_numbers(text: str) -> frozenset[int]:
    return title_cased_lines(text, chunks(text, tokenize(text)))


def test_a_title_cased_line_of_its_own_is_a_headline() -> None:
    body = "\n\nCity officials said on Tuesday that the bridge would open in spring."
    assert headline_numbers("City Officials Warn of Higher Water Bills" + body) == {0}
    assert headline_numbers("CITY OFFICIALS WARN OF HIGHER WATER BILLS" + body) == {0}
    assert headline_numbers("Boil-water Notice Lifted For Lakeport Homes" + body) == {0}  # a compound's second half
    assert headline_numbers("City officials warn of higher water bills" + body) == frozenset()  # sentence case


def test_names_bylines_and_sentences_are_no_headlines() -> None:
    body = "\n\nThe bridge would open in spring, officials said."
    assert headline_numbers("By Jane Smith" + body) == frozenset()  # too few words: a byline
    assert headline_numbers("Prime Minister Keir Starmer Met Biden." + body) == frozenset()  # a full stop: a sentence
    # Names inside a line of prose: the chunk does not stand alone on its line.
    assert headline_numbers("They met in Paris with Prime Minister Keir Starmer And Joe Biden Today") == frozenset()
    assert headline_numbers("Officials met Prime Minister Keir Starmer, Joe Biden And Emmanuel Macron") == frozenset()


def test_the_bodys_names_and_acronyms() -> None:
    text = "The council met Helen Ortiz and the US Senate. Ortiz said the council would vote. Home prices rose."
    names = body_names(chunks(text, tokenize(text)))
    assert {"ortiz", "helen", "senate", "us"} <= names
    assert "council" not in names and "home" not in names  # sentence-first only: no name by that


def test_capitals_and_runs() -> None:
    assert in_capitals(tokenize("US OFFICERS STATED")) and not in_capitals(tokenize("US Officers Stated"))
    assert runs_of([True, True, False, True, False]) == [(0, 2), (3, 4)]
    assert runs_of([]) == []
