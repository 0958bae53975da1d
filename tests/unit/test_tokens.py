from reader.core.tokens import (
    Kind,
    chunks,
    join_broken_words,
    line_wraps,
    only_space,
    possessive,
    reflowed,
    tokenize,
    word_count,
)


def test_tokens_keep_offsets_and_apostrophes() -> None:
    text = "Biden’s plan — “We’re working,” he said; 17 former officials."
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    words = [t.text for t in tokens if t.kind is Kind.WORD]
    assert "Biden" in words and "We’re" in words
    assert [t.text for t in tokens if t.kind is Kind.NUMBER] == ["17"]
    assert next(t for t in tokens if t.text == "We’re").norm == "we're"


def test_a_possessive_ending_is_outside_its_noun_but_heard_with_it() -> None:
    """Spinners swap the noun and keep "'s" ("Labour Celebration’s"): the noun is the token the engine looks up; the
    context model and the tagger still hear the possessive. Contractions stay whole ("it’s", "let's")."""
    text = "The Labour Celebration’s leader said it’s the company's view; let's see the officials’ plan."
    tokens = {t.text: t for t in tokenize(text) if t.kind is Kind.WORD}
    celebration = tokens["Celebration"]
    assert text[celebration.start : celebration.end] == "Celebration"
    assert (celebration.norm, celebration.heard, celebration.clitic) == ("celebration", "celebration's", "’s")
    assert tokens["company"].heard == "company's"
    assert {"it’s", "let's", "officials"} <= set(tokens)
    assert tokens["officials"].heard == "officials"
    assert [t.heard for t in chunks(text, tokenize(text))[0]][:4] == ["the", "labour", "celebration's", "leader"]
    assert word_count(text) == 14  # a possessive is part of its word


def test_possessive_wordings_take_the_ending_english_writes() -> None:
    assert [possessive(w) for w in ("party", "labour party", "officials", "boss")] == [
        "party's", "labour party's", "officials'", "boss's"
    ]


def test_chunks_break_at_sentence_punctuation_quotes_and_dashes_not_commas() -> None:
    text = "Ahead of the meeting, officials said — no change. “Right now,” it is."
    groups = [[t.text for t in chunk] for chunk in chunks(text, tokenize(text))]
    assert groups == [["Ahead", "of", "the", "meeting", "officials", "said"], ["no", "change"], ["Right", "now"],
                      ["it", "is"]]


def test_hyphenated_words_stay_in_one_chunk_and_lines_break_chunks() -> None:
    text = "long-range missiles\nUS-provided weapons"
    groups = [[t.text for t in chunk] for chunk in chunks(text, tokenize(text))]
    assert groups == [["long", "range", "missiles"], ["US", "provided", "weapons"]]


def test_word_count_counts_words_and_numbers() -> None:
    assert word_count("The 2 leaders met, twice.") == 5
    assert word_count("") == 0


def test_abbreviations_are_one_word_and_end_no_sentence() -> None:
    """"U.S. officials" is one stretch of context, heard as the context model spells it ("us officials"); a
    sentence still ends at a period after a word."""
    text = "U.S. officials said Mr. Smith met Sen. Warren at 5 p.m. on Jan. 5. The plan B. It ended."
    tokens = [t for t in tokenize(text) if t.kind is not Kind.PUNCT]
    assert [t.text for t in tokens][:6] == ["U.S.", "officials", "said", "Mr.", "Smith", "met"]
    groups = [[t.heard for t in chunk] for chunk in chunks(text, tokenize(text))]
    assert groups == [
        ["us", "officials", "said", "mr", "smith", "met", "sen", "warren", "at", "5", "pm", "on", "jan", "5"],
        ["the", "plan", "b"],
        ["it", "ended"],
    ]


def test_single_letters_joined_by_periods_are_one_word_without_a_last_period() -> None:
    """A rewriter writes "p.c" for "percent": one word, as "U.S." is, and no sentence ends inside it."""
    text = "Prices rose 3 p.c last year in the U.S. and e.g. here; j.smith@x.com is no word."
    words = [t.text for t in tokenize(text) if t.kind is not Kind.PUNCT]
    assert words[:5] == ["Prices", "rose", "3", "p.c", "last"]
    assert "U.S." in words and "e.g." in words and words[words.index("e.g.") + 1 :][:3] == [
        "here", "j.smith@x.com", "is",  # an e-mail address is one token, and no word (see the links' test)
    ]
    assert [t.heard for t in chunks(text, tokenize(text))[0]][:5] == ["prices", "rose", "3", "p.c", "last"]


def test_a_figure_keeps_a_plural_ending() -> None:
    """"1000's" (a rewriter's "thousands") and "the 1990's" are one figure each."""
    tokens = tokenize("Tens of 1000's marched in the 1990\u2019s.")
    figures = [(t.text, t.kind) for t in tokens[2:3] + tokens[6:7]]
    assert figures == [("1000's", Kind.NUMBER), ("1990\u2019s", Kind.NUMBER)]



def test_invisible_characters_inside_a_word_are_part_of_it_and_not_of_its_form() -> None:
    text = "US offi\u200bcials said the gov\u00adernment\u2019s plan is new."
    words = [t for t in tokenize(text) if t.kind is Kind.WORD]
    officials, government = words[1], words[4]
    assert text[officials.start : officials.end] == "offi\u200bcials" and officials.norm == "officials"
    assert government.norm == "government" and government.clitic == "\u2019s"
    # An invisible character between words joins none.
    assert [t.norm for t in tokenize("a\u200b b") if t.kind is Kind.WORD] == ["a", "b"]


PARAGRAPH = (
    "City officials said on Tuesday that the new bridge over the river would open next spring, two years later "
    "than planned, after engineers found cracks in three of its steel supports during a routine inspection in May. "
    "The council will vote on the extra money next week, and residents may comment at a hearing on Thursday."
)


def wrapped(text: str, width: int, newline: str = "\n") -> str:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return newline.join(lines)


def words_of(text: str) -> list[list[str]]:
    return [[token.norm for token in chunk] for chunk in chunks(text, tokenize(text))]


def test_a_hard_wrapped_paragraph_reads_as_one_line() -> None:
    """Mail and plain-text archives wrap lines inside sentences: context runs on across such a break."""
    for width in (60, 72, 80):
        for newline in ("\n", "\r\n"):
            text = wrapped(PARAGRAPH, width, newline) + newline + newline + wrapped(PARAGRAPH, width, newline)
            assert len(line_wraps(text)) >= 4
            assert words_of(text) == words_of(PARAGRAPH + "\n\n" + PARAGRAPH)


def test_short_lines_and_paragraph_lines_are_no_wraps() -> None:
    assert line_wraps(PARAGRAPH + "\n" + PARAGRAPH + "\n" + PARAGRAPH) == frozenset()  # a paragraph per line
    listing = "Milk\nEggs and butter\nTwo loaves of bread\nApples\nA bag of rice"
    assert line_wraps(listing) == frozenset() and len(words_of(listing)) == 5
    # A headline above a wrapped body stays a line of its own: the body's first word would have fitted after it.
    text = "Bridge opening delayed\n" + wrapped(PARAGRAPH, 72)
    assert words_of(text)[0] == ["bridge", "opening", "delayed"]
    # An indented line opens a paragraph.
    indented = wrapped(PARAGRAPH, 72).replace("\ncracks", "\n    cracks")
    assert "cracks" in {chunk[0] for chunk in words_of(indented)}


def test_a_quoted_fragment_is_part_of_its_sentence() -> None:
    """A quote mark between two words ("a “wealth of points” as") lets context run on; one that opens or closes a
    quotation after other punctuation ("said, “We will act.”") still ends a stretch."""
    text = "They hoped to discuss a “wealth of points” as talks began. He said, “We will act.” Then he left."
    assert words_of(text) == [
        ["they", "hoped", "to", "discuss", "a", "wealth", "of", "points", "as", "talks", "began"],
        ["he", "said"], ["we", "will", "act"], ["then", "he", "left"],
    ]
    sentence = "They hoped to discuss a “wealth of points” as talks began on Monday and went on into the night."
    assert "a\n“wealth" in wrapped(sentence, 28)  # a wrap beside a quote mark is still a space
    assert words_of(wrapped(sentence, 28)) == words_of(sentence)
    assert words_of('urged him to "act with alacrity" today') == [
        ["urged", "him", "to", "act", "with", "alacrity", "today"]
    ]


def test_text_out_of_a_pdf_reads_as_its_words() -> None:
    """Ligatures are their letters, and a word a line's end hyphenated is one word, where English knows it whole;
    a compound broken at its own hyphen stays two words."""
    assert [t.norm for t in tokenize("The ofﬁcers ﬂawed eﬀort")] == ["the", "officers", "flawed", "effort"]
    known = {"learning", "consciousness"}.__contains__
    text = "profound learn-\ning and counterfeit conscious-\r\nness with long-\nrange missiles"
    joined = join_broken_words(text, tokenize(text), known)
    words = [t.norm for t in joined if t.kind is Kind.WORD]
    assert words == ["profound", "learning", "and", "counterfeit", "consciousness", "with", "long", "range", "missiles"]
    learning = next(t for t in joined if t.norm == "learning")
    assert text[learning.start : learning.end] == "learn-\ning"  # offsets into the text as published
    assert join_broken_words("a well-known fact", tokenize("a well-known fact"), known) == tokenize("a well-known fact")


def test_a_papers_citations_are_passed_over() -> None:
    """"[12]" or "(Smith et al., 2020)" is not read aloud: the sentence's context runs on through it; brackets round
    words still break."""
    text = "Profound learning [3], [4, 5] has improved the [12\u201314] accuracy of models [see above] here."
    assert words_of(text) == [
        ["profound", "learning", "has", "improved", "the", "accuracy", "of", "models"], ["see", "above"], ["here"],
    ]
    assert words_of("[1] Smith wrote it.") == [["1"], ["smith", "wrote", "it"]]  # a reference list's number
    text = "Profound learning (Smith et al., 2020; Lee and Park 2019) has grown (see above) since (in 2020) then."
    assert words_of(text) == [["profound", "learning", "has", "grown"], ["see", "above"], ["since"], ["in", "2020"],
                              ["then"]]  # by author and year too, but not a parenthesis of words or a lower-case one


def test_a_wrapped_text_is_shown_reflowed_with_its_offsets() -> None:
    hyphenated = "\n".join([
        "City officials said on Tuesday that the new bridge over the",
        "river would open next spring, two years later than plan-",
        "ned, after engineers found cracks in three of its steel",
        "supports during a routine inspection in May. The council",
        "will vote on the extra money next week.",
    ])
    text = wrapped(PARAGRAPH, 60) + "\n\n" + hyphenated
    shown = reflowed(text)
    assert len(shown) == len(text) and shown.count("\n") == 2  # the paragraph break stays
    assert "plan-\u200bned" in shown  # a hyphenated word reads whole
    assert reflowed(PARAGRAPH) == PARAGRAPH


def test_a_superscript_reference_mark_glued_to_its_word_is_passed_over() -> None:
    """Out of a PDF a superscript comes as figures glued to the word ("learning12"): the word stays a word, and the
    sentence runs on; figures glued to a capital or a short word ("F35", "g7") are left as they were."""
    text = "Profound learning12 has improved models4\u20136, and consciousness1,3 here. F35 and g7 stay."
    assert words_of(text) == [
        ["profound", "learning", "has", "improved", "models", "and", "consciousness", "here"],
        ["f", "35", "and", "g", "7", "stay"],
    ]


def test_a_dash_typed_as_two_hyphens_ends_a_stretch_of_context_as_a_dash_does() -> None:
    for text in ("Missile Techniques--often called ATACMS--to be launched",
                 "Missile Techniques -- often called ATACMS -- to be launched"):
        assert [[t.text for t in c] for c in chunks(text, tokenize(text))] == [
            ["Missile", "Techniques"], ["often", "called", "ATACMS"], ["to", "be", "launched"]]
    assert [t.text for t in chunks("a long-range missile", tokenize("a long-range missile"))[0]] == [
        "a", "long", "range", "missile"]


def test_web_and_mail_addresses_handles_and_hashtags_are_one_token_each_and_no_word() -> None:
    """Their parts ("politics" in cnn.com/politics) are no words a spinner changed; each ends a stretch of context."""
    text = ("See https://www.cnn.com/2024/09/13/politics/index.html, write to news.desk@cnn.com or follow "
            "@CNNPolitics and #BreakingNews on CNN.com. U.S. officials said so.")
    links = [t.text for t in tokenize(text) if t.kind is Kind.LINK]
    assert links == ["https://www.cnn.com/2024/09/13/politics/index.html", "news.desk@cnn.com", "@CNNPolitics",
                     "#BreakingNews", "CNN.com"]
    assert [[t.text for t in c] for c in chunks(text, tokenize(text))] == [
        ["See"], ["write", "to"], ["or", "follow"], ["and"], ["on"], ["U.S.", "officials", "said", "so"]]
    assert word_count(text) == 11


def test_a_quoted_mails_wrapped_lines_read_as_one_paragraph() -> None:
    """A reply quotes an article wrapped at 60 columns, every line after "> ": the wraps are found through the
    quote marks, which are drawn as nothing inside the paragraph; a line of another quote depth does not join."""
    import textwrap

    sentence = ("US officers stated on Tuesday that the council would debate the budget at its next meeting, after "
                "weeks of talks between the two parties over the cost of the new bridge.")
    text = "\n".join("> " + line for line in textwrap.wrap(sentence, 60)) + "\n>\n>> An older quote stays apart."
    wraps = line_wraps(text)
    assert len(wraps) == 2 and all(text[offset] == "\n" and text[offset + 1] == ">" for offset in wraps)
    groups = chunks(text, tokenize(text))
    assert " ".join(t.text for t in groups[0]).endswith("the new bridge") and len(groups) == 2
    assert ">" not in reflowed(text).split("\n")[0][2:]
    assert only_space(" ") and only_space("\n> ") and only_space("\n>> ") and not only_space(", ")
