"""``reader check FILE|URL [--json] [--threshold T]``: the engine headless."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from reader.core.furniture import furniture_lines
from reader.core.readthrough import read_through
from reader.core.suggestion import APPLY_THRESHOLD, Analysis, counted, restore

if TYPE_CHECKING:
    from reader.sources.web import FeedAddress

PROGRESS_AFTER = 1.0  # seconds of silence before a terminal hears how far a slow analysis has got


def terminal_progress(
    stream: TextIO, clock: Callable[[], float] = time.monotonic
) -> tuple[Callable[[float], None], Callable[[], None]]:
    """A progress callback that shows "Analysing: 40%" on ``stream`` once the work has taken a second, if the
    stream is a terminal (never in a pipe or a log), and a function that clears the line when the work is done."""
    started = clock()
    shown = [-1]  # the percentage last written

    def report(done: float) -> None:
        percent = min(int(done * 100), 100)
        if percent != shown[0] and clock() - started >= PROGRESS_AFTER and stream.isatty():
            stream.write(f"\rAnalysing: {percent}%")
            stream.flush()
            shown[0] = percent

    def finish() -> None:
        if shown[0] >= 0:
            stream.write("\r\x1b[K")
            stream.flush()

    return report, finish


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # C0 controls but tab and newline, and DEL


def _visible(text: str) -> str:
    """Control characters (a terminal's escape sequences, a bell) shown as escapes, not sent to be obeyed."""
    return _CONTROL.sub(lambda c: f"\\x{ord(c.group()):02x}", text)


WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
ANY_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)  # ftp://... is an address too, just not one we read
FEED_LINKS_SHOWN = 5


def _read_input(path: str) -> str:
    """The article's text from a file, a web address or (``-``) standard input, read alike: encoding detection,
    HTML extraction, line endings; a guessed encoding is said on stderr."""
    from reader.sources.files import ArticleError, article_from_stream, read_article
    from reader.sources.web import FeedAddress, open_url

    try:
        if path == "-":
            article = article_from_stream(sys.stdin.buffer, "standard input")
        elif ANY_ADDRESS.match(path):
            article = open_url(path)  # says plainly when it is no web address
        else:
            article = read_article(path)
    except FeedAddress as feed:
        raise ValueError(_feed_message(feed)) from None
    except ArticleError as error:
        raise ValueError(str(error)) from None
    for note in article.notes:  # a guessed encoding: the reader should know the text may be garbled
        print(f"reader check: {'standard input' if path == '-' else path}: {note}", file=sys.stderr)
    return article.text


def _feed_message(feed: FeedAddress) -> str:
    """A feed is no article: say so, with the addresses of its latest articles to check instead (made absolute,
    web addresses only, control characters shown, not obeyed: they come from the network)."""
    from urllib.parse import urljoin

    from reader.sources.feeds import FeedError, parse_feed

    try:
        entries = parse_feed(feed.fetched.body, feed.fetched.url, feed.fetched.content_type).entries
    except FeedError as error:
        return f"{feed}, and the feed could not be read ({error})"
    links = [urljoin(feed.fetched.url, entry.link.strip()) for entry in entries if entry.link]
    links = [_visible(link) for link in links if WEB_ADDRESS.match(link)]
    if not links:
        return f"{feed} (subscribe to it in the app; it lists no article addresses)"
    listed = "\n".join(f"  {link}" for link in links[:FEED_LINKS_SHOWN])
    return f"{feed}: subscribe to it in the app, or check one of its articles:\n{listed}"


def _report(analysis: Analysis, threshold: float, why: bool = False) -> str:
    """The terminal report: a line per suggestion (``*`` where it is applied), with ``why`` its reasons under it,
    then the restored text."""
    lines = [f"{counted(len(analysis.suggestions), 'suspected substitution')} in {counted(analysis.words, 'word')} "
             f"(spin score {analysis.spin_score:.0%}: {analysis.verdict_words}); threshold {threshold:.2f}"]
    if read_through(analysis.text) is not None:
        lines.append("HTML character references or mis-decoded characters (\"&#8217;\", \"â€™\") read as the "
                     "characters they stand for; offsets are the text's as given")
    if furniture := furniture_lines(analysis.text):
        lines.append(f"{counted(len(furniture), 'line')} of page furniture (advertisement breaks, links, bylines, "
                     "credits) read as blank: not checked")
    for s in analysis.suggestions:
        mark = "*" if s.confidence >= threshold else " "
        others = ", ".join(s.alternatives[1:4])
        lines.append(f"{mark} {s.start:>6}  {s.original!r} -> {s.replacement!r}  ({s.confidence:.2f})"
                     + (f"  also: {others}" if others else ""))
        if why:
            lines.extend(f"{'':10}{reason}" for reason in s.reasons)
    lines.append("")
    lines.append(_visible(restore(analysis.text, analysis.suggestions, threshold=threshold)))
    return "\n".join(lines)


def analysis_json(analysis: Analysis, threshold: float) -> dict[str, object]:
    """What ``reader check --json`` prints: the text, the suggestions at or above the threshold, the restored text."""
    return {
        "text": analysis.text,
        "words": analysis.words,
        "spin_score": round(analysis.spin_score, 4),
        "verdict": analysis.verdict,  # honest, unclear or spun: what the spin score says of the whole article
        "threshold": threshold,
        "suggestions": [s.to_json() for s in analysis.suggestions if s.confidence >= threshold],
        "restored": restore(analysis.text, analysis.suggestions, threshold=threshold),
    }


def check_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reader check", description="Find spun wording in an article.")
    parser.add_argument("file", help="a .txt, .md or .html file, a web address (http:// or https://), or - for "
                        "standard input")
    parser.add_argument("--json", action="store_true", help="print JSON: text, suggestions, restored")
    parser.add_argument("--threshold", type=float, default=APPLY_THRESHOLD,
                        help=f"confidence at which to apply (0..1; default {APPLY_THRESHOLD})")
    parser.add_argument("--why", action="store_true", help="give each suggestion's reasons in the report")
    args = parser.parse_args(argv)
    if not 0.0 <= args.threshold <= 1.0:
        parser.error("--threshold must be between 0 and 1")
    try:
        text = _read_input(args.file)
    except (ValueError, OSError) as error:
        print(f"reader check: {error}", file=sys.stderr)
        return 2
    from reader.core.context_model import ContextModelMissing
    from reader.core.engine import load_engine
    from reader.core.wordnet_data import WordNetMissing

    report, finish = terminal_progress(sys.stderr)
    try:
        engine = load_engine(notify=lambda message: print(message, file=sys.stderr, flush=True))
        try:
            analysis = engine.analyze(text, progress=report)
        finally:
            finish()
    except (WordNetMissing, ContextModelMissing) as error:
        print(f"reader check: {error}", file=sys.stderr)
        return 3
    except ValueError as error:
        print(f"reader check: {error}", file=sys.stderr)
        return 2
    if sys.stdout is None:  # started with standard output closed (`reader check FILE >&-`)
        print("reader check: there is no standard output to write to", file=sys.stderr)
        return 1
    if args.json:
        document = analysis_json(analysis, args.threshold)
        output = json.dumps(document, ensure_ascii=False)
        if not _encodable(output):
            output = json.dumps(document)  # the same JSON, its other characters as \u escapes
    else:
        output = _report(analysis, args.threshold, args.why)
        if not _encodable(output) and isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(errors="replace")  # a terminal that cannot show a character shows "?"
    try:
        sys.stdout.write(output + "\n")
        sys.stdout.flush()
    except OSError as error:
        # The reader of the output stopped early (`reader check FILE | head`: not an error worth a traceback), or
        # the disk is full. Point stdout at devnull so that Python's own flush at exit does not raise again.
        if not isinstance(error, BrokenPipeError):
            print(f"reader check: could not write the output: {error.strerror or error}", file=sys.stderr)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _encodable(output: str) -> bool:
    """Whether standard output's encoding can write ``output`` (a terminal or PYTHONIOENCODING may be Latin-1)."""
    try:
        output.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
