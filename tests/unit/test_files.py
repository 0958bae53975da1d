"""Local files: encodings, refusals with readable messages, HTML extraction, Markdown."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.sources.files import Article, ArticleError, article_from_text, read_article, strip_markdown

BODY = ("US officials said on Tuesday that the storm would reach the coast by Friday, bringing heavy rain. "
        "The National Weather Service warned 2,000 residents to leave their homes before it arrives.")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_text_with_title_from_first_line(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", f"Storm nears\n\n{BODY}\n".encode()))
    assert isinstance(article, Article)
    assert article.title == "Storm nears"
    assert BODY in article.text
    assert article.source.endswith("a.txt")
    assert article.notes == ()


def test_a_utf8_mark_stays_the_texts_first_character_as_a_utf8_reader_reads_it(tmp_path: Path) -> None:
    """``reader check --json``'s text is exactly the file's text: what ``open(path, encoding="utf-8")`` reads,
    mark and all, so that offsets agree with any other reader of the file (the shared scorer checks this)."""
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + BODY.encode())
    article = read_article(path)
    assert article.text == path.read_text(encoding="utf-8") == "\ufeff" + BODY
    assert article.title.startswith("US officials")
    page = write(tmp_path, "a.html", codecs.BOM_UTF8 + f"<html><body><p>{BODY}</p></body></html>".encode())
    assert read_article(page).text.startswith("US officials")  # extracted text has no offsets into the file


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16(tmp_path: Path, encoding: str) -> None:
    text = "Café “quoted” — " + BODY
    data = text.encode(encoding)
    if encoding != "utf-16":  # explicit BOM for BE/LE variants, which encode without one
        data = (codecs.BOM_UTF16_BE if encoding.endswith("be") else codecs.BOM_UTF16_LE) + data
    assert read_article(write(tmp_path, "a.txt", data)).text == text


def test_utf16_without_bom_is_recognised_not_called_binary(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", BODY.encode("utf-16-le")))
    assert article.text == BODY
    assert article.notes and "UTF-16" in article.notes[0]


def test_cp1252_fallback_with_note(tmp_path: Path) -> None:
    text = "The café’s “special” — costs 5 € today, officials said."
    article = read_article(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.notes and "Windows-1252" in article.notes[0]


def test_cyrillic_legacy_encoding_is_guessed(tmp_path: Path) -> None:
    text = "Официальные лица заявили во вторник, что шторм достигнет побережья к пятнице. " * 3
    article = read_article(write(tmp_path, "a.txt", text.encode("cp1251")))
    assert article.text == text
    assert article.notes


def test_utf8_with_a_stray_legacy_byte_stays_utf8(tmp_path: Path) -> None:
    # A Windows-1252 quote pasted into a UTF-8 text: the quote read as Windows-1252, not every accented letter
    # garbled ("CafÃ©") by reading the whole text so.
    data = "Café officials said the résumé was fine. ".encode() + b"Biden\x92s plan " + BODY.encode()
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.text.startswith("Café officials said the résumé") and "Biden\u2019s plan" in article.text
    assert article.notes == ("read as UTF-8; 1 byte that is not UTF-8 read as Windows-1252",)
    # Without any UTF-8 character beyond ASCII, the text is Windows-1252 (as before).
    legacy = read_article(write(tmp_path, "b.txt", "Café naïve résumé. ".encode("cp1252") + BODY.encode()))
    assert legacy.text.startswith("Café naïve résumé") and "Windows-1252" in legacy.notes[0]


def test_text_pasted_from_utf8_and_windows_1252_keeps_every_character(tmp_path: Path) -> None:
    # More Windows-1252 bytes than UTF-8 characters: each part is still read in its own encoding.
    data = "\u201cWe won\u2019t,\u201d said M\u00fcller. ".encode("cp1252") + "Café open. ".encode() + BODY.encode()
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.text.startswith("\u201cWe won\u2019t,\u201d said M\u00fcller. Café open.")
    assert article.notes == ("read as UTF-8; 4 bytes that are not UTF-8 read as Windows-1252",)


def test_a_legacy_encoding_after_a_long_english_preamble_is_guessed(tmp_path: Path) -> None:
    japanese = "東京都は月曜日、新しい予算案を発表した。市の職員によると、計画は来年から始まる。\n" * 20
    data = (BODY + " ") * 2000 + japanese  # the first 200,000 bytes are ASCII
    article = read_article(write(tmp_path, "a.txt", data.encode("shift_jis")))
    assert japanese.strip() in article.text
    assert article.notes and "cp932" in article.notes[0]


def test_mixed_scripts_utf8(tmp_path: Path) -> None:
    text = "Tokyo 東京, Athens Αθήνα, Moscow Москва, Cairo القاهرة 😀 — " + BODY
    assert read_article(write(tmp_path, "a.txt", text.encode())).text == text


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(ArticleError, match="empty"):
            read_article(write(tmp_path, "e.txt", data))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(ArticleError, match="this looks like a binary file"):
        read_article(write(tmp_path, "b.txt", data))


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17]) * 50 + b"some words"
    with pytest.raises(ArticleError, match="this looks like a binary file"):
        read_article(write(tmp_path, "b.txt", data))


def test_pdf_is_named(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="PDF"):
        read_article(write(tmp_path, "paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))


def test_size_limit_parameter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BODY.encode())
    with pytest.raises(ArticleError, match="too large"):
        read_article(path, max_bytes=50)


def test_real_file_above_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: fast to create, larger than 20 MB on stat()
        handle.seek(21_000_000)
        handle.write(b"x")
    with pytest.raises(ArticleError, match=r"too large.*limit is 20 MB"):
        read_article(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="folder"):
        read_article(tmp_path)


PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><title>Storm nears | Daily</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.com/storm"></head>
<body><nav>Home · World · Sport</nav><article><h1>Storm nears</h1><p>{BODY}</p>
<p>"We are prepared," the governor said at a press conference in the capital on Wednesday morning.</p></article>
<footer>Copyright 2024 Daily</footer></body></html>"""


def test_html_article_with_metadata(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "page.html", PAGE.encode()))
    assert article.title == "Storm nears"
    assert article.byline == "Jane Roe"
    assert article.date == "2024-03-05"
    assert article.url == "https://example.com/storm"
    assert BODY in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text
    assert article.text.startswith("Storm nears\n\n")  # the headline is read too, as in a plain-text article


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.replace("utf-8", "windows-1252").replace("storm would", "storm’s café would")
    article = read_article(write(tmp_path, "page.htm", page.encode("cp1252")))
    assert "storm’s café would" in article.text


def test_broken_html_falls_back_to_plain_text(tmp_path: Path) -> None:
    data = b"<html><body><div><p>Short note &amp; more <b>bold <i>text</p></div><script>var x=1;</script><p"
    article = read_article(write(tmp_path, "broken.html", data))
    assert "Short note & more bold text" in article.text
    assert "var x" not in article.text


def test_html_without_text_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not an article"):
        read_article(write(tmp_path, "empty.html", b"<html><head><script>x()</script></head><body> </body></html>"))


def test_html_sniffed_in_txt(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "saved.txt", PAGE.encode()))
    assert article.byline == "Jane Roe"


def test_comments_before_plain_text_are_no_page(tmp_path: Path) -> None:
    """Many comments and no page after them: read as the plain text it is (the sniffing once backtracked for minutes,
    doubling with each comment); comments before a page still make it a page."""
    text = "<!-- a -->" * 40 + "\nSome text."
    assert read_article(write(tmp_path, "notes.txt", text.encode())).text == text
    article = read_article(write(tmp_path, "page.txt", ("<!-- saved -->\n" + PAGE).encode()))
    assert article.byline == "Jane Roe"


def test_markdown_stripped_lightly_with_front_matter(tmp_path: Path) -> None:
    md = ("---\ntitle: \"Storm nears\"\nauthor: Jane Roe\ndate: 2024-03-05\n---\n"
          "# Storm nears\n\n**US officials** said the [storm](https://x.example) would hit_by Friday.\n\n"
          "> \"We are *prepared*,\" the governor said.\n")
    article = read_article(write(tmp_path, "a.md", md.encode()))
    assert article.title == "Storm nears"
    assert article.byline == "Jane Roe" and article.date == "2024-03-05"
    assert "US officials said the storm would hit_by Friday." in article.text
    assert '"We are prepared," the governor said.' in article.text
    assert "#" not in article.text and "*" not in article.text


def test_article_from_text() -> None:
    article = article_from_text("Headline\r\nBody text.\r\n")
    assert article.title == "Headline" and article.text == "Headline\nBody text.\n"
    assert article_from_text("x", title="T").title == "T"


def test_markdown_markup_on_long_lines_is_stripped_in_one_pass() -> None:
    """Each markup pattern stops at the next opening of its kind: lines of 100,000 openers that close nowhere (which
    once took minutes) come back as they are, and ordinary markup is still removed."""
    for line in ("*a " * 100_000, "_a " * 100_000, "[" * 200_000, "[a](" * 50_000, "![a](" * 50_000):
        assert strip_markdown("Hello.\n" + line) == "Hello.\n" + line
    assert strip_markdown("# a" + " " * 200_000 + "x") == "a" + " " * 200_000 + "x"
    text = "## Title ##\n**US officials** said the [storm](https://x.example) hit _by_ Friday, **a*b** and *c*.\n"
    assert strip_markdown(text) == "Title\nUS officials said the storm hit by Friday, a*b and c.\n"


def test_a_quoted_mails_title_is_its_first_line_without_the_quote_marks() -> None:
    from reader.sources.files import article_from_text

    article = article_from_text("> \n> > Storm nears the coast\n> The storm would reach the coast by Friday.")
    assert article.title == "Storm nears the coast"


def test_a_dateline_on_lines_of_its_own_is_no_title() -> None:
    """A news page copied as text often opens with its dateline on lines of its own; the title is what follows."""
    body = "President Joe Biden is signaling new openness in permitting Ukraine to fire missiles."
    assert article_from_text(f"Washington\nCNN\n\u2014\n{body}\n").title == body
    assert article_from_text(f"WASHINGTON (Reuters) \u2014\n{body}\n").title == body
    long_body = body + " " + body
    assert article_from_text(f"Washington\nCNN\n\u2014\n{long_body}\n").title.endswith("\u2026")
    assert article_from_text(f"LONDON\u2014\n{body}\n").title == body
    # A short headline stays the title, before a dateline too, and so does a dateline with nothing after it.
    assert article_from_text(f"Biden weighs missiles\n\n{body}\n").title == "Biden weighs missiles"
    assert article_from_text(f"Markets tumble\nLONDON \u2014\n{body}\n").title == "Markets tumble"
    assert article_from_text(f"Markets tumble\nBy Jane Doe\nLONDON \u2014\n{body}\n").title == "Markets tumble"
    assert article_from_text(f"What next? \u2014\n{body}\n").title == "What next? \u2014"
    assert article_from_text(f"Title\n--\n{body}\n").title == "Title"
    assert article_from_text("Washington\n\u2014\n").title == "Washington"
    assert article_from_text("Washington\nCNN\n\u2014\n").title == "Washington"
    assert article_from_text("Ceasefire - what next\n\nText.").title == "Ceasefire - what next"
