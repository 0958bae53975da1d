"""Tokens with character offsets, grouped into chunks the context model reads as one stretch of speech.

A chunk ends at sentence punctuation, quotes, brackets, dashes (and "--"), line breaks and web addresses: an n-gram
model trained on transcribed speech knows no punctuation, so context does not flow across those. Commas stay inside a
chunk, and so do the quote marks of a fragment quoted inside a sentence and the line breaks of hard-wrapped text, a
quoted mail's ("> ") too; a paper's citations ("[12]", "(Smith et al., 2020)", a superscript's "learning12") are
passed over.

A possessive "'s" is not part of its word's token ("Celebration" in "Labour Celebration's"): spinners swap the noun
and keep the ending, so the noun is what the engine looks up, while the context model still hears "party's".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    LINK = "link"  # a web or e-mail address, a handle, a hashtag: no word, and a break in the sentence's context


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: Kind
    clitic: str = ""  # a possessive "'s" (or "\u2019s") right after the token, outside its offsets

    @property
    def norm(self) -> str:
        """Lower case with typographic apostrophes folded: the form words are looked up by."""
        return fold(self.text.lower())

    @property
    def heard(self) -> str:
        """The word as the context model spells it: with its possessive ending, an abbreviation without its periods
        ("u.s." is "us", "mr." is "mr")."""
        if self.clitic:
            return fold(self.text.lower() + self.clitic)
        return self.norm.replace(".", "") if self.text.endswith(".") else self.norm

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


# Abbreviations whose period ends no sentence: initialisms ("U.S.", "a.m.") and the titles and months news writes
# before a name or a figure ("Mr. Smith", "Sen. Warren", "Jan. 5"); their words are one token, and context flows on.
# Single letters joined by periods are one word too, with or without a last period ("p.c", a rewriter's "percent"),
# and a figure keeps a plural "'s" ("1990's", a rewriter's "1000's" for "thousands").
_TITLES = "Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|St|Mt|Ft|Jr|Sr|Jan|Feb|Aug|Sept|Oct|Nov|Dec"
# Invisible characters inside a word (a soft hyphen, a zero-width space or joiner) are part of it: web text carries
# hyphenation hints, and copy-evaders hide words from plagiarism checkers so ("offi\u200bcials"); the word is looked up
# without them.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
LETTERS = r"[^\W\d_]+(?:[" + INVISIBLE + r"]+[^\W\d_]+)*"  # a word's letters, read through its invisible ones
# A web address, an e-mail address, a social handle or a hashtag is no word of the sentence: a spinner leaves it, and
# its parts ("politics" in cnn.com/politics, "news" in news.desk@cnn.com) are not looked up. One token of its own,
# which ends a stretch of context.
_TLDS = "com|org|net|gov|edu|io|uk"  # common enough that a bare "cnn.com" is a domain, not a typo's "end.It"
LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]])?"
    r"|(?<![\w@#])[@#][^\W\d_]\w{0,38}"
)
_TOKEN = re.compile(
    r"(?P<link>" + LINK.pattern + r")"
    r"|(?P<word>(?:[^\W\d_]\.){2,}|\b[^\W\d_](?:\.[^\W\d_])+\b"
    r"|\b(?:" + _TITLES + r")\.|" + LETTERS + r"(?:['\u2019]" + LETTERS + r")*)"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:['\u2019]s\b)?)"
    r"|(?P<punct>[^\w\s]|_)",
    re.UNICODE,
)
# Words before "'s" that make a contraction, not a possessive ("it's", "let's", "there's"): kept whole.
_CONTRACTING = frozenset(
    "it he she that there here what who where when why how let this everyone everybody someone somebody nobody one"
    .split()
)
_POSSESSIVE = ("'s", "\u2019s")
# Punctuation that ends a stretch of context; a comma does not.
_BREAKS = frozenset(".!?;:\"\u201c\u201d\u2018()[]{}\u2014\u2013\u2026/|")


def join_broken_words(text: str, tokens: list[Token], known: Callable[[str], bool]) -> list[Token]:
    """The tokens with each word that a line's end hyphenated ("learn-" / "ing", as text copied out of a PDF keeps
    it) joined into one token, where the joined word is ``known`` and its halves were written together: a compound
    broken at its own hyphen ("long-" / "range") stays two words."""
    if "-" not in text or "\n" not in text:
        return tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if index + 2 < len(tokens):
            hyphen, rest = tokens[index + 1], tokens[index + 2]
            if (
                token.kind is Kind.WORD and rest.kind is Kind.WORD and not token.clitic
                and hyphen.text == "-" and hyphen.start == token.end
                and _LINE_END_HYPHEN.fullmatch(text[hyphen.start : rest.start]) is not None
                and rest.text[:1].islower()
                and known(fold(token.text.lower() + rest.text.lower()))
            ):
                out.append(Token(token.start, rest.end, text[token.start : rest.end], Kind.WORD, rest.clitic))
                index += 3
                continue
        out.append(token)
        index += 1
    return out


def possessive(wording: str) -> str:
    """A wording with the possessive ending on its last word, as the context model spells it: "labour party's",
    "officials'"."""
    return wording + "'" if wording.endswith("s") and not wording.endswith("ss") else wording + "'s"


# Typesetters' ligatures, as text copied out of a PDF keeps them ("ofﬁcers"): the same letters to a reader.
LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}
_UNFOLDED = str.maketrans({"\u2019": "'", "\u2018": "'", **dict.fromkeys(INVISIBLE), **LIGATURES})
LINE_END_HYPHEN = r"-[ \t]*\r?\n[ \t]*"  # a hyphen that ends a line, and the spaces around the break
_LINE_END_HYPHEN = re.compile(LINE_END_HYPHEN)


def fold(word: str) -> str:
    """Typographic apostrophes as "'", invisible characters dropped, ligatures as their letters, and a word
    hyphenated at a line's end ("learn-\ning", see ``join_broken_words``) whole."""
    if "\n" in word:
        word = _LINE_END_HYPHEN.sub("", word)
    return word if word.isascii() else word.translate(_UNFOLDED)  # every character it folds is beyond ASCII


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = Kind(match.lastgroup or "punct")
        word = match.group()
        if kind is Kind.WORD and word[-2:] in _POSSESSIVE and word[:-2].lower() not in _CONTRACTING:
            tokens.append(Token(match.start(), match.end() - 2, word[:-2], kind, word[-2:]))
        else:
            tokens.append(Token(match.start(), match.end(), word, kind))
    return tokens


# Hard-wrapped text (mail, terminals, plain-text archives, papers copied out of a PDF) breaks its lines at 60 to 100
# characters; a text with many longer lines writes a paragraph per line.
WRAP_COLUMNS = 100
_SENTENCE_STOPS = frozenset(".!?:;\"\u201d\u2019)")


def line_wraps(text: str) -> frozenset[int]:
    """The offsets of the line breaks that only wrap a line of hard-wrapped text, inside a sentence: where the next
    line's first word would not have fitted on the line before, or where a line stops without a stop and the next
    goes on in lower case. A sentence runs on across them, so context does.

    Hard-wrapping the benchmark articles at 72 columns had cut seed F1 0.821 to 0.805 and WordNet light's 0.482 to
    0.350, every wrap ending a stretch of context (benchmarks/README.md, "Hard-wrapped text")."""
    lines = text.split("\n")
    # A quoted mail's lines are measured without their quote marks ("> "), and wrap only within one quote depth.
    marks = [_quote_mark(line) for line in lines]
    bodies = [line[len(mark):] for line, mark in zip(lines, marks, strict=True)]
    lengths = [len(body.rstrip()) for body in bodies]
    filled = [length for length in lengths if length]
    short = [length for length in filled if length <= WRAP_COLUMNS]
    if len(short) < 3 or len(short) < 0.8 * len(filled):
        return frozenset()
    width = max(short)
    wraps: list[int] = []
    joins = 0  # line breaks between two lines of text, not a blank line
    offset = -1
    for number, (line, length, following) in enumerate(zip(lines, lengths, bodies[1:], strict=False)):
        offset += len(line) + 1  # the offset of the break after ``line``
        words = following.split()
        if not length or not words:
            continue
        joins += 1
        if following[0].isspace() or length > width or marks[number].count(">") != marks[number + 1].count(">"):
            continue
        # The next word would not have fitted (fixed-width text), or the line stops mid-sentence and the next goes
        # on in lower case (a PDF's proportional type fills lines to unequal lengths).
        stop = bodies[number].rstrip()[-1] in _SENTENCE_STOPS
        if length + 1 + len(words[0]) > width or (not stop and words[0][0].islower()):
            wraps.append(offset)
    # A few long lines in a text of short ones (a list, a poem, an address) are no wrapped paragraphs.
    return frozenset(wraps) if len(wraps) >= 2 and 2 * len(wraps) >= joins else frozenset()


_QUOTE_MARKS = r"(?:[ \t]*>)+"  # a mail reply's quote marks at a line's start: "> ", ">> ", "> > "
_MAIL_QUOTE = re.compile(_QUOTE_MARKS + r"[ \t]?")


def _quote_mark(line: str) -> str:
    """A quoted mail line's quote marks ("> ", ">> ", "> > "), or nothing."""
    match = _MAIL_QUOTE.match(line)
    return match.group() if match else ""


_SPACE_OR_QUOTED_BREAK = re.compile(r"\s*|[ \t]*\n" + _QUOTE_MARKS + r"[ \t]*")


def only_space(gap: str) -> bool:
    """Whether the text between two words is white space: a quoted mail's line break ("\\n> ") counts as such."""
    return _SPACE_OR_QUOTED_BREAK.fullmatch(gap) is not None


def reflowed(text: str) -> str:
    """The text with each line wrap (``line_wraps``) shown as a space, or as a zero-width space after a hyphen
    ("learn-" / "ing" reads "learn-ing"): a hard-wrapped article reads as paragraphs, and every offset holds."""
    wraps = line_wraps(text)
    if not wraps:
        return text
    characters = list(text)
    for offset in wraps:
        characters[offset] = "\u200b" if offset and text[offset - 1] == "-" else " "
        for inside in range(offset + 1, offset + 1 + len(_quote_mark(text[offset + 1 : offset + 80]))):
            characters[inside] = "\u200b"  # a quoted mail's marks inside its paragraph are not drawn
    return "".join(characters)


_QUOTES = frozenset("\"\u201c\u201d\u2018")


def _quotes_inside_a_sentence(text: str, tokens: list[Token], index: int, wraps: frozenset[int]) -> bool:
    """Whether the quote mark at ``index`` stands between two words with no other punctuation ("debate a \u201cwealth
    of points\u201d as"): a quoted fragment is part of its sentence, and the context runs through it (across a
    line's wrap too, ``wraps`` as ``line_wraps`` finds them, but no other line break)."""
    if index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    between = text[before.end : after.start]
    return (
        before.kind is not Kind.PUNCT and after.kind is not Kind.PUNCT
        and not text[before.end : tokens[index].start].strip()
        and not text[tokens[index].end : after.start].strip()
        and ("\n" not in between or (between.count("\n") == 1 and before.end + between.index("\n") in wraps))
    )


_CITED_BETWEEN = frozenset(",-\u2013")


_YEAR = re.compile(r"(19|20)\d\d")


def _author_year_end(tokens: list[Token], index: int) -> int:
    """The index of the ")" that closes an author-year citation opening at ``index`` ("(Smith et al., 2020)",
    "(Lee and Park 2019; Kim, 2021)"), or -1: a name first, a year last, and no other sentence punctuation."""
    if index + 1 >= len(tokens) or not (tokens[index + 1].kind is Kind.WORD and tokens[index + 1].is_capitalized):
        return -1
    for at in range(index + 2, min(index + 30, len(tokens))):
        token = tokens[at]
        if token.text == ")":
            year = tokens[at - 1]
            return at if year.kind is Kind.NUMBER and _YEAR.fullmatch(year.text) else -1
        if token.kind is Kind.PUNCT and token.text not in ",;.&":
            return -1
    return -1


# Reference marks set as superscripts come out of a PDF as figures glued to the word before ("learning12", "ness1,3",
# "models4\u20136"): after a word in lower case, with no letter or figure straight after them.
SUPERSCRIPT_MARK = re.compile(r"\d{1,3}(?:[,\u2013-]\d{1,3})*(?!\w)")


def cites_after(text: str, word: Token) -> int:
    """The end of a superscript reference mark glued to ``word`` (``SUPERSCRIPT_MARK``), or -1."""
    if len(word.text) < 3 or not word.text.isalpha() or not word.text.islower():
        return -1
    mark = SUPERSCRIPT_MARK.match(text, word.end)
    return mark.end() if mark else -1


def _citation_end(tokens: list[Token], index: int) -> int:
    """The index of the bracket that closes a citation opening at ``index``, numbered ("[12]", "[3, 4]",
    "[5\u20137]") or by author and year (``_author_year_end``), or -1: a paper's reference marks are not read aloud,
    so the sentence runs on through them."""
    if tokens[index].text == "(":
        return _author_year_end(tokens, index)
    if tokens[index].text != "[":
        return -1
    figures = False
    for at in range(index + 1, min(index + 12, len(tokens))):
        token = tokens[at]
        if token.kind is Kind.NUMBER:
            figures = True
        elif token.text == "]":
            return at if figures else -1
        elif token.text not in _CITED_BETWEEN:
            return -1
    return -1


def chunks(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Split tokens into context chunks: lists of word/number tokens (commas and apostrophes dropped)."""
    out: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    wraps = line_wraps(text)
    skip_to = -1  # the end of a citation being passed over
    for index, token in enumerate(tokens):
        if index <= skip_to:
            previous_end = token.end
            continue
        if token.text in ("[", "(") and current and (skip_to := _citation_end(tokens, index)) >= 0:
            previous_end = token.end
            continue
        if token.kind is Kind.NUMBER and current and current[-1].end == token.start:
            end = cites_after(text, current[-1])
            if end >= 0:  # a superscript reference mark: passed over up to its end
                skip_to = index
                while skip_to + 1 < len(tokens) and tokens[skip_to + 1].start < end:
                    skip_to += 1
                previous_end = tokens[skip_to].end
                continue
        gap = text[previous_end : token.start]
        wrapped = bool(wraps) and gap.count("\n") == 1 and previous_end + gap.index("\n") in wraps
        previous_end = token.end
        if "\n" in gap and current and not wrapped:
            out.append(current)
            current = []
        if token.kind is Kind.LINK:
            if current:
                out.append(current)
            current = []
            continue
        if token.kind is Kind.PUNCT:
            if token.text in _QUOTES and _quotes_inside_a_sentence(text, tokens, index, wraps):
                continue
            doubled = token.text == "-" and index + 1 < len(tokens) and tokens[index + 1].text == "-"
            if token.text in _BREAKS or token.text == "-" and (" " in gap or doubled):  # "--" is a dash typed
                if current:
                    out.append(current)
                current = []
            continue
        current.append(token)
    if current:
        out.append(current)
    return out


def word_count(text: str) -> int:
    return sum(1 for t in tokenize(text) if t.kind in (Kind.WORD, Kind.NUMBER))
