"""Page furniture: the lines a web page puts around an article are read as blank, never an article's sentence."""

import pytest

from reader.core.furniture import furniture_lines, without_furniture

FURNITURE = [
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Continue reading the main story",
    "Read more: City Council Approves New Budget After Long Debate", "Related: What to know about the new rules",
    "Related Articles", "Sign up for our daily newsletter to get the latest news in your inbox.",
    "By Jane Doe and Sam Okafor, Reuters", "BY JOHN SMITH", "Updated 3:45 PM EST, Tue March 5, 2024",
    "Published March 5, 2024", "Last updated: 2024-03-05 14:02", "Posted 3 hours ago",
    "Photo: Jane Doe/Getty Images", "© 2024 Reuters. All rights reserved.",
    "Copyright 2024 The Associated Press. All rights reserved.", "Share this article", "Share", "12 comments",
    "— City of Riverton (@RivertonCity) March 5, 2024", "The post Storm hits coast appeared first on Daily News.",
    "(Reporting by Jane Doe; Editing by Sam Lee)", "Source link", "Source: Reuters",
    "Click here to read the full story", "URL: https://www.cnn.com/2024/09/13/politics/index.html",
    "Date: 2024-09-13", "Tags: politics, Ukraine, Russia",
    "Your email address will not be published. Required fields are marked *",
]
SENTENCES = [
    "By the numbers", "By Tuesday, officials said, the storm had passed.",
    "Updated figures released on March 5 show 3% growth.", "Published figures show 3% rise in rents",
    "Posted 2024 results beat every forecast",
    "Writing in the journal Nature, researchers said the drug worked.", "Reporting from the scene was hard.",
    "Read more about it in the report, she said, adding that the council would vote on March 5 and that the plan "
    "needed wide support.",
    "The advertisement ran for three weeks.", "Officials said the share of riders fell.",
    "Related news came on Friday when the mayor resigned after the vote.", "Washington", "CNN", "—",
    "The minister spoke to reporters (AP).", "Sources said the talks had stalled.",
    "Click-through rates fell sharply last year.", "Via Rail said the trains were late.",
    "The team won 3-1. Credit: the club said it was a fine day.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_line_of_furniture_is_found_whole(line: str) -> None:
    text = f"The council met on Monday.\n\n{line}\n\nIt voted on Tuesday."
    start = text.index(line)
    assert furniture_lines(text) == [(start, start + len(line))]


@pytest.mark.parametrize("line", SENTENCES)
def test_an_article_sentence_is_no_furniture(line: str) -> None:
    assert furniture_lines(f"The council met on Monday.\n{line}\nIt voted on Tuesday.") == []


def test_a_captions_credit_is_furniture_and_its_sentence_is_not() -> None:
    captions = (("A firefighter walks past a damaged building on Tuesday.", " Photo: Jane Doe/Getty Images"),
                ("Rescue workers search the rubble on Feb. 8.", " (AP Photo/Hussein Malla)"),
                ("Smoke rises over the city.", " (Jane Doe/Reuters)"))
    for caption, credit in captions:
        assert furniture_lines(caption + credit) == [(len(caption), len(caption + credit))]


def test_blanking_keeps_every_offset_and_every_other_character() -> None:
    text = "Officers stated the plan.\nAdvertisement\nThe vote is on Friday.\n"
    blank = without_furniture(text)
    assert len(blank) == len(text) and blank == text.replace("Advertisement", " " * 13)
    assert without_furniture("No furniture here.") == "No furniture here."


def test_a_label_before_the_articles_own_wording_is_furniture_and_the_wording_is_not() -> None:
    text = "Title: Officers stated the plan\nSummary: The council will debate it.\n\nThe council met."
    assert [text[s:e] for s, e in furniture_lines(text)] == ["Title:", "Summary:"]
