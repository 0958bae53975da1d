from reader.core.tokens import Kind, chunks, tokenize, word_count


def test_tokens_keep_offsets_and_apostrophes() -> None:
    text = "Biden’s plan — “We’re working,” he said; 17 former officials."
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
    words = [t.text for t in tokens if t.kind is Kind.WORD]
    assert "Biden’s" in words and "We’re" in words
    assert [t.text for t in tokens if t.kind is Kind.NUMBER] == ["17"]
    assert next(t for t in tokens if t.text == "We’re").norm == "we're"


def test_chunks_break_at_sentence_punctuation_quotes_and_dashes_not_commas() -> None:
    text = "Ahead of the meeting, officials said — no change. “Right now” it is."
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
