"""The article value every source produces, and the one error type sources raise."""

from __future__ import annotations

from dataclasses import dataclass


class ArticleError(Exception):
    """Why a file, page or feed entry could not be read; ``str(error)`` is a message for the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Article:
    """Readable text plus what is known of where it came from.

    ``source`` is the path or URL it was read from; ``notes`` tells the reader about guesses made while
    reading it (an encoding that was not declared, a page that was not well-formed).
    """

    title: str
    text: str
    source: str = ""
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()
