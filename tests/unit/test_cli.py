"""``reader check``: JSON contract, bad input, standard input."""

import io
import json
import sys
from pathlib import Path

import pytest
from localserver import LocalServer, closed_port, static  # tests/localserver.py

from reader.cli import check_main, terminal_progress
from reader.core.suggestion import apply_edits
from reader.sources.files import MAX_FILE_BYTES

HONEST = (
    "The city council voted on Tuesday to expand the bus network, adding three routes that will link the northern "
    "suburbs with the central station. The mayor said the plan would cost about $12 million over two years and "
    "would be paid for by the state transport fund. Opponents argued that the money should go to repairing roads "
    "first, but the measure passed by a wide margin.\n"
)
SPUN = "US officers stated they didn’t count on any change. The White Home declined to remark.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = check_main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_text_suggestions_and_restored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SPUN, encoding="utf-8")
    code, out, _ = run([str(article), "--json", "--threshold", "0.5"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["text"] == SPUN
    assert data["suggestions"], "the spun sentence should get suggestions"
    for s in data["suggestions"]:
        assert SPUN[s["start"] : s["end"]] == s["original"]
        assert s["confidence"] >= 0.5 and s["reasons"] and s["alternatives"][0] == s["replacement"]
    edits = [(s["start"], s["end"], s["replacement"]) for s in data["suggestions"]]
    assert data["restored"] == apply_edits(SPUN, edits)
    assert "White House" in data["restored"]
    assert data["spin_score"] > 0.3  # five of fifteen words
    assert data["verdict"] == "unclear"  # but fifteen words are too few to judge a whole text
    code, out, _ = run([str(article)], capsys)
    assert "too short to judge" in out


def test_honest_text_reads_as_honest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(HONEST * 4, encoding="utf-8")  # 256 words: long enough for a verdict
    code, out, _ = run([str(article), "--json"], capsys)
    assert code == 0 and json.loads(out)["verdict"] == "honest"
    code, out, _ = run([str(article)], capsys)
    assert "reads as honest text" in out


def test_text_report_is_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.md"
    article.write_text(SPUN, encoding="utf-8")
    code, out, _ = run([str(article)], capsys)
    assert code == 0
    assert "suspected substitutions" in out and "'Home' -> 'House'" in out


def report_of(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> tuple[int, str]:
    """``reader check``'s exit code and terminal report for a .txt file holding ``text``."""
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    code, out, _ = run([str(article)], capsys)
    return code, out


def test_the_report_shows_control_characters_instead_of_sending_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = report_of(tmp_path, capsys, HONEST + "The council \x1b[31mvoted\x1b[0m on Tuesday.\x07\n")
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\\x1b[31mvoted" in out


def test_the_report_gives_reasons_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SPUN, encoding="utf-8")
    _, plain, _ = run([str(article)], capsys)
    code, out, _ = run([str(article), "--why"], capsys)
    assert code == 0 and "'Home' -> 'House'" in out
    assert "The context makes it" not in plain
    reasons = [line for line in out.splitlines() if line.startswith(" " * 10) and "likelier" in line]
    assert reasons, out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary\x00" * 100, "binary")],
)
def test_bad_files_get_a_clear_message_and_non_zero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run([str(bad), "--json"], capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_missing_file_and_bad_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and "nope.txt" in err
    with pytest.raises(SystemExit):
        check_main([str(tmp_path / "nope.txt"), "--threshold", "2"])


def test_non_utf8_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\xe9 officers stated it.".encode("cp1252"))
    code, out, err = run([str(legacy), "--json"], capsys)
    assert code == 0 and json.loads(out)["text"].startswith("Café")
    assert "not UTF-8; read as Windows-1252" in err  # the guess is said, as the text may be garbled


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SPUN.encode("utf-8"))))
    code, out, _ = run(["-", "--json"], capsys)
    assert code == 0 and json.loads(out)["text"] == SPUN
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00ba")))  # odd: no UTF-16
    code, _, err = run(["-"], capsys)
    assert code == 2 and "standard input: it starts with a UTF-16 mark but is not UTF-16" in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x7fELF\x02\x01\x01\x00" * 40)))
    code, _, err = run(["-"], capsys)
    assert code == 2 and "standard input: this looks like a binary file" in err
    for empty in (b"", b" \n\t\n"):  # as an empty file: a message and a non-zero exit
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(empty)))
        code, out, err = run(["-"], capsys)
        assert code == 2 and "standard input is empty" in err and not out
    # Standard input is held to a file's limit: a message, not a 20 MB analysis or an endless read.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * (MAX_FILE_BYTES // 5 + 1))))
    code, out, err = run(["-"], capsys)
    assert code == 2 and "standard input is too large to be an article (over the limit of 20 MB)" in err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`reader check FILE | head`: the pipe closes before the output is written."""
    import subprocess

    article = tmp_path / "a.txt"
    article.write_text(HONEST, encoding="utf-8")
    for flags in (["--json"], []):
        command = [sys.executable, "-m", "reader", "check", str(article), *flags]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()  # before anything is written: the first write meets a closed pipe
            error = process.stderr.read().decode()
            assert process.wait(timeout=120) == 1
        assert "Traceback" not in error and "BrokenPipe" not in error


def test_output_that_cannot_be_written_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    """A full disk, a closed standard output, and an output encoding that lacks the text's characters."""
    import os
    import subprocess

    article = tmp_path / "a.txt"
    article.write_text(SPUN, encoding="utf-8")
    command = [sys.executable, "-m", "reader", "check", str(article)]
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            done = subprocess.run([*command, "--json"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "could not write the output" in done.stderr
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120,
                          close_fds=True, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1 and "no standard output" in done.stderr and "Traceback" not in done.stderr
    latin = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([*command, "--json"], capture_output=True, timeout=120, env=latin)
    assert done.returncode == 0 and json.loads(done.stdout.decode("latin-1"))["text"] == SPUN
    done = subprocess.run(command, capture_output=True, timeout=120, env={**latin, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr


class FakeTerminal(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


def test_a_slow_analysis_shows_progress_on_a_terminal_only() -> None:
    now = [0.0]
    terminal = FakeTerminal(terminal=True)
    report, finish = terminal_progress(terminal, clock=lambda: now[0])
    report(0.1)  # under a second: nothing yet
    now[0] = 1.5
    report(0.42)
    report(0.421)  # the same percentage is not written again
    report(1.0)
    finish()
    assert terminal.getvalue() == "\rAnalysing: 42%\rAnalysing: 100%\r\x1b[K"

    piped = FakeTerminal(terminal=False)
    report, finish = terminal_progress(piped, clock=lambda: now[0])
    now[0] = 5.0
    report(0.5)
    finish()
    assert piped.getvalue() == ""


def test_standard_input_is_read_as_a_file_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Encoding detection, line endings and HTML extraction, as for a file (it was strict UTF-8 until session 40)."""
    for data in (SPUN.encode("utf-16"), SPUN.replace("\n", "\r\n").encode("utf-8")):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, out, _ = run(["-", "--json"], capsys)
        assert code == 0 and json.loads(out)["text"] == SPUN
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Caf\xe9 officers stated it.".encode("cp1252"))))
    code, out, err = run(["-", "--json"], capsys)
    assert code == 0 and json.loads(out)["text"].startswith("Café")
    assert "reader check: standard input: " in err and "Windows-1252" in err
    page = b"<!doctype html><html><head><title>T</title></head><body><article><p>" + SPUN.encode() + b"</p></article>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page + b"</body></html>")))
    code, out, _ = run(["-", "--json"], capsys)
    assert code == 0 and "<p>" not in json.loads(out)["text"] and "officers" in json.loads(out)["text"]


def test_the_report_says_which_lines_it_read_as_page_furniture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = report_of(tmp_path, capsys, SPUN + "\nAdvertisement\nRead more: Budget Talks Stall\n")
    assert code == 0 and "2 lines of page furniture" in out
    assert "page furniture" not in report_of(tmp_path, capsys, SPUN)[1]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_json_text_is_the_file_as_a_utf8_reader_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str
) -> None:
    """Byte-order mark kept, line endings as Python reads them: offsets agree with any reader of the file."""
    article = tmp_path / "a.txt"
    article.write_bytes(b"\xef\xbb\xbf" + SPUN.replace("\n", newline).encode("utf-8"))
    code, out, _ = run([str(article), "--json"], capsys)
    assert code == 0 and json.loads(out)["text"] == article.read_text(encoding="utf-8")


def test_the_report_says_it_read_through_references(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = report_of(tmp_path, capsys, SPUN.replace("’", "&#8217;"))
    assert code == 0 and "HTML character references" in out
    assert "HTML character references" not in report_of(tmp_path, capsys, "Plain text, nothing escaped.")[1]


def test_a_web_address_is_fetched_and_its_article_checked(
        server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/story"] = static("<!doctype html><html><head><title>Officials</title></head><body>"
                                     "<nav>Sections | Weather</nav><article><h1>Officials</h1>"
                                     f"<p>{SPUN}</p><p>{HONEST}</p></article></body></html>")
    code, out, err = run([server.url("/story"), "--json"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["text"].startswith("Officials\n\nUS officers stated") and "Sections" not in data["text"]
    assert "White House" in data["restored"]


def test_a_feed_address_lists_its_articles_and_an_unreachable_one_is_explained(
        server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    items = "".join(f"<item><title>Story {n}</title><link>{server.base}/s{n}</link></item>" for n in range(7))
    server.routes["/feed"] = static(f"<rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>",
                                    "application/rss+xml")
    code, out, err = run([server.url("/feed"), "--json"], capsys)
    assert code == 2 and out == ""
    assert "sent a news feed, not an article: subscribe to it in the app, or check one of its articles:" in err
    assert [line.strip() for line in err.splitlines()[1:]] == [server.url(f"/s{n}") for n in range(5)]
    code, out, err = run([f"http://127.0.0.1:{closed_port()}/news"], capsys)
    assert code == 2 and out == "" and err.startswith("reader check: could not reach 127.0.0.1:")


def test_a_feeds_links_are_made_absolute_and_shown_safely(
        server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    links = ["/relative", "ftp://x/file", "http://x/\x1b]0;title\x07bell", "https://x/fine"]
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": [{"id": n, "url": u} for n, u in enumerate(links)]}
    server.routes["/json"] = static(json.dumps(feed), "application/json")
    code, _, err = run([server.url("/json")], capsys)
    assert code == 2 and "\x1b" not in err and "\x07" not in err
    assert [line.strip() for line in err.splitlines()[1:]] == [
        server.url("/relative"), "http://x/\\x1b]0;title\\x07bell", "https://x/fine"]
    server.routes["/broken"] = static("{\"version\": ", "application/feed+json")
    code, _, err = run([server.url("/broken")], capsys)
    assert code == 2 and "sent a news feed, not an article, and the feed could not be read" in err
    code, _, err = run(["ftp://example.org/story.txt"], capsys)
    assert code == 2 and "not a web address: ftp://example.org/story.txt" in err
