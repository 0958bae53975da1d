"""Page furniture: the lines a web page puts around an article, which a reader's paste or a feed brings along.

"Advertisement", "Story continues below advertisement", "Read more: ...", "Sign up for our newsletter", "Share this
article", a byline, an "Updated 3:45 PM EST" time, a credit, a copyright line, an embedded post's attribution, a
blog feed's "The post ... appeared first on ...". None of it is the article's wording: a flag there is false
("Advertisement" -> "ad"), and its honest words dilute the article's estimated spin rate, so that real
substitutions read as weaker evidence (benchmarks/README.md, "Page furniture"). Such a line is read as blank: no
suggestion there, and its words are not counted. Offsets hold, and the text shown and restored keeps the line.

Each pattern matches a whole line (trimmed, case-insensitive) and is short or of a fixed form, so that an article's
own sentence ("Updated figures show ...", "Read more about it in the report.") is never taken for furniture.
"""

from __future__ import annotations

import re

_SHORT = r"[^\n]{0,100}"  # the rest of a furniture line: a title, a name, a date
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|" \
    "september|october|november|december"
_PATTERNS = (
    # advertising breaks inside the article (newspaper sites)
    r"(?:advertisement|advertising|sponsored(?: content)?|ad)",
    r"(?:story|article|text|content) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|ad))?",
    r"(?:continue reading|scroll to continue)(?: (?:below|the main story|with content))?",
    # links to other stories
    r"(?:read more|related|see also|read also|also read|recommended|more on this story|more from \w+(?: \w+)?|"
    r"watch|listen|related (?:articles?|stories|coverage|content|posts?)|most (?:read|popular)|trending(?: now)?)"
    rf"(?:\s*[:|—–-]\s*{_SHORT})?",
    # sharing, saving, comments
    r"(?:share(?: (?:this|the))?(?: (?:article|story|post|page))?(?: (?:on|via) \w+)?|tweet|e-?mail|print|save|"
    r"copy link(?: to clipboard)?|\d+ comments?|comments?|leave a (?:reply|comment)|like this:?|loading\W*|"
    r"follow (?:us|\w+) on \w+(?: and \w+)?)",
    # newsletters and subscriptions
    r"(?:sign up|subscribe|get (?:our|the) \w+(?: \w+)? newsletter)\b[^\n.!?]{0,100}"
    r"(?:newsletter|inbox|updates|e-?mails?)[^\n]{0,40}",
    # bylines and times under a headline: "By Jane Doe and Sam Okafor, Reuters", "Updated 3:45 PM EST, Tue March 5"
    # (names in capitals: "By the numbers" is a heading, not a byline)
    r"by (?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:(?:,| and) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}){0,3}"
    r"(?:,? [A-Z][\w.'’ -]{0,40})?)",
    # (a clock time or a date in it, and no full stop at its end: "Updated figures show 3% growth." is a sentence,
    # and "Published figures show 3% rise in rents" a headline)
    r"(?:updated|published|posted|last updated|first published|last modified)\s*:?\s*"
    r"(?=[^\n]{0,60}?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    rf"|\b(?:{_MONTHS})\.?\s+\d|\d+\s+(?:minutes?|hours?|days?)\s+ago))[^\n]{{0,100}}(?<![.!?])",
    # credits and copyright
    r"(?:photo|image|picture|video|photograph|illustration|credit|file photo|graphic)(?: credit)?\s*:\s*[^\n]{1,80}",
    r"(?:©|\(c\)|copyright)\s*[^\n]{0,100}",
    r"[^\n]{0,100}all rights reserved\.?",
    # an embedded post's attribution: "— City of Riverton (@RivertonCity) March 5, 2024"
    r"[—–-]\s*[^\n]{1,60}\(@\w{1,30}\)\s*[^\n]{0,40}",
    # a scraper site's footer under a copied story, and its comment form
    rf"(?:source link|source|via|original(?: article| story)?|h/t)(?:\s*[:|—–-]\s*{_SHORT})?",
    r"click here\b[^\n]{0,100}",
    r"(?:leave a reply(?: cancel reply)?"
    r"|your email address will not be published\.?(?: required fields are marked \*)?)",
    # a saved article's metadata header: "URL: https://...", "Date: 2024-09-13", "Tags: politics, Ukraine"
    r"(?:url|link|date|author|authors|tags?|categor(?:y|ies)|keywords|section|topics?|language|id)\s*:\s*[^\n]{0,200}",
    # a blog feed's footer (WordPress), and a wire story's credits
    r"the post [^\n]{1,200} appeared first on [^\n]{1,100}",
    r"\(?(?:additional )?(?:reporting|writing|editing) by [^\n]{1,120}\)?",
)
# A line whose words are mostly these forms is furniture; a line of prose does not end without a stop in so few words
_FURNITURE = re.compile(r"^[ \t]*(?:" + "|".join(_PATTERNS) + r")[ \t]*$", re.IGNORECASE | re.MULTILINE)
MAX_WORDS = 16  # a longer line is an article's own sentence, whatever it starts with
# The label of a metadata line whose value is the article's own wording ("Title: Officers stated ..."): only the label
_LABEL = re.compile(r"^[ \t]*(?:title|headline|subtitle|subhead|summary|description|standfirst)[ \t]*:",
                    re.IGNORECASE | re.MULTILINE)
# A caption's credit after its last sentence: "... on Tuesday. Photo: Jane Doe/Getty Images", "(AP Photo/Jane Doe)"
_CREDIT_AFTER = re.compile(
    r"(?<=[.!?)”\"])[ \t]+(?:(?:photo|image|picture|photograph|video|illustration|credit)(?: credit)?\s*:\s*"
    r"(?-i:[A-Z])[^\n]{0,60}(?<![.!?])"
    r"|\((?:[^()\n]{1,40}/)?(?:AP Photo|Getty Images|Reuters|AFP|EPA|Shutterstock|Bloomberg|AP|PA)"
    r"(?:/[^()\n]{1,40})?\))[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line of page furniture in the text, of every credit that ends a caption, and of
    every label before an article's own wording ("Title:")."""
    lines = [
        (match.start(), match.end()) for match in _FURNITURE.finditer(text)
        if match.group().strip() and len(match.group().split()) <= MAX_WORDS
    ]
    parts = [(match.start(), match.end()) for pattern in (_CREDIT_AFTER, _LABEL) for match in pattern.finditer(text)]
    return sorted(lines + [part for part in parts if not any(s <= part[0] < e for s, e in lines)])


def without_furniture(text: str) -> str:
    """The text with every furniture line blanked (spaces), so that offsets hold."""
    lines = furniture_lines(text)
    if not lines:
        return text
    pieces, cursor = [], 0
    for start, end in lines:
        pieces += [text[cursor:start], " " * (end - start)]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
