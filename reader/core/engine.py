"""The detector: score every candidate wording in its context and turn the likely ones into suggestions.

A noisy-channel view: the original wording c was replaced by the observed w with some probability
(the article's spin rate, times how a thesaurus reaches w from c); the context model says how much likelier the
sentence is with c. The spin rate is estimated per article (EM), so a heavily spun article lets subtle
substitutions through while an honest one needs overwhelming evidence. Spinners swap a word the same way throughout
an article: a swap the article makes in many places gains, and one that the context refutes where the article keeps
the word (the published word fits far better there) loses, everywhere in that article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from reader.core.articles import Sound, fits_sound, misfit_sound
from reader.core.candidate_store import load_store
from reader.core.candidates import RELATIONS, Candidate, CandidateFinder
from reader.core.collector import collector_paused
from reader.core.context_model import SPOKEN_FIGURES, ContextModel
from reader.core.dialect import american_only, british_wording, writes_british
from reader.core.disguise import disguise_reason, disguise_suggestion, disguised, unmasked
from reader.core.furniture import without_furniture
from reader.core.headlines import body_names, in_capitals, runs_of, title_cased_lines
from reader.core.names import (
    LONGEST_NAME,
    NAME_JOINERS,
    acronym_hints,
    is_name_word,
    name_mends,
    name_runs,
    run_holding,
    within_known_name,
    written_as_names,
)
from reader.core.option import DYNAMIC_FEATURES, Option
from reader.core.patterns import CURATED_RELATIONS, load_patterns
from reader.core.ranked import Entry, Ranked, RankedList
from reader.core.readthrough import read_through
from reader.core.sections import sections
from reader.core.static_rank import StaticRanker, StoreRanking, linked_parts, wording_frequency
from reader.core.suggestion import Analysis, Suggestion, calibration_share, counted, word_by_word
from reader.core.tagger import PROGRESSIVE, READINGS, Tagger, load_tagger
from reader.core.tokens import (
    LINE_END_HYPHEN,
    Kind,
    Token,
    chunks,
    cites_after,
    join_broken_words,
    only_space,
    possessive,
    tokenize,
)
from reader.core.usage import load_usage
from reader.core.weights import Weights, load_weights
from reader.core.wordnet_index import load_index

UNKNOWN_GAIN_CAP = 0.0  # nats: no context evidence for replacing a word the model has never seen
STRONG_GAIN = 5.0  # nats: a synonym this much likelier in context is strong evidence of spinning
CONTRADICTING_GAIN = -3.0  # nats: where the published word fits this much better, the pair was not swapped
NAME_USAGE_GAIN = 3.0  # nats (about 20 times): how much better a book's swap must join its neighbour in a name
PREPOSITIONS = frozenset("with in on at to for of about from by upon into".split())
NOUN_OPENERS = frozenset({"DET", "ADJ", "NUM"})  # tags of a word after which a noun's place opens
POSSESSIVE_PRONOUNS = frozenset("my your his her its our their".split())
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
BE_FORMS = frozenset("is are was were be been being am".split())
HAVE_FORMS = frozenset("has have had having".split())
# Links whose strong context gain counts as the article making the swap, flagged or not (``_makes_its_swap``).
VOUCHING_RELATIONS = frozenset({"synonym", "similar", "hypernym", "hyponym", "pattern", "rewrite", "tortured"})
GOVERNED_HEADS = 8  # candidates of the head word tried with other prepositions
GOVERNED_MIN_LOGPROB = math.log(0.05)  # the preposition follows the candidate at least 5% of the time
MAX_SPAN = 4
MAX_TEXT_CHARS = 500_000  # about 80,000 words: a long report; larger input is refused, not left to hang
SECTION_WORDS = 5_000  # a long news article is analysed whole; a longer text a section at a time
# Ranked lists kept of single words (about 5 KB each): 12,000 took the longest text the engine accepts to 310 MB
# at its peak, over the 300 MB target (benchmarks/README.md, "Memory on the longest text")
RANKED_WORDS = 9_000
RANKED_GROUPS = 6_000  # ... and of word groups, mostly empty (4 MB)


def _match_case(span: list[Token], wording: str) -> str:
    """A wording in the case of the words it replaces: a name's words all capitalised ("Defense Department")."""
    template = span[0].text
    if template.isupper() and len(template) > 1:
        return wording.upper()
    if (
        len(span) > 1
        and is_name_word(span[0])
        and is_name_word(span[-1])  # "Regardless of" opens a sentence; "Centers for Disease Control" is a name
        and all(is_name_word(t) or t.norm in NAME_JOINERS for t in span)
    ):
        return " ".join(w if w in NAME_JOINERS else w[:1].upper() + w[1:] for w in wording.split())
    if template[:1].isupper():
        return wording[:1].upper() + wording[1:]
    return wording


def _writes_british(groups: list[list[Token]]) -> bool:
    return writes_british(token.norm for chunk in groups for token in chunk)


def _clashes(candidate: Candidate, wanted: str) -> bool:
    """Whether a WordNet candidate is linked only through other parts of speech than ``wanted`` ("" allows any)."""
    return _parts_clash(candidate.parts_of_speech, wanted)


@cache  # a few dozen combinations of "nvar" letters, asked about every candidate of every word
def _parts_clash(links: str, wanted: str) -> bool:
    return bool(wanted) and bool(links) and not any(pos in wanted for pos in links)


_FIGURE = re.compile(r"[\d.,:]+")
_ABBREVIATION_ENDS = frozenset(f"{letter}." for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # "U.S." + "-"
_BROKEN_BEFORE = re.compile(r"\w" + LINE_END_HYPHEN + r"\Z")
_BROKEN_AFTER = re.compile(LINE_END_HYPHEN + r"\w")


def article_names(groups: list[list[Token]]) -> frozenset[str]:
    """The words an article writes capitalised after a lower-case word ("backed Keel", "said Judge Smith") and never
    in lower case: its own names, which a sentence may open with too ("Keel conceded"). Over the spun and unspun sets
    (session 40) such sentence-opening words were flagged 19 times at the default threshold, right twice."""

    def after_lower_case(chunk: list[Token], index: int) -> bool:
        return index > 0 and chunk[index - 1].kind is Kind.WORD and chunk[index - 1].text[:1].islower()

    return written_as_names(groups, after_lower_case)


# Of the words inside sentences, the benchmarks' texts capitalise 30% at most (a 1961 sports page of names).
TITLE_CASED_SHARE = 0.6
TITLE_CASED_WORDS = 50


def _mostly(groups: list[list[Token]], test: Callable[[Token], bool]) -> bool:
    inside = [token for chunk in groups for token in chunk[1:] if token.kind is Kind.WORD]
    return len(inside) >= TITLE_CASED_WORDS and sum(map(test, inside)) > TITLE_CASED_SHARE * len(inside)


def title_cased(groups: list[list[Token]]) -> bool:
    """Whether most words inside sentences are capitalised ("Officials Said On Tuesday ..."): then a capital names
    nothing, and taking every run of them for a name to mend was slow (500,000 title-cased characters: 62 s, 18 s
    since; session 40)."""
    return _mostly(groups, lambda token: token.is_capitalized)


def all_capitals(groups: list[list[Token]]) -> bool:
    """Whether most words inside sentences are in capitals ("OFFICIALS SAID ..."): then a word in capitals is no
    acronym, and is looked up as the word it is."""
    return _mostly(groups, lambda token: token.is_all_caps)


def _in_lower_case(
    tokens: list[Token], groups: list[list[Token]], headlines: frozenset[int], names: frozenset[str]
) -> list[Token]:
    """The tokens, with the words of title-cased headlines in lower case but the names: as the tagger reads them in
    a sentence (it takes a capitalised word for a proper noun)."""
    if not headlines:
        return tokens
    lowered = {
        token.start for number in headlines for token in groups[number]
        if token.kind is Kind.WORD and token.norm not in names
    }
    return [replace(token, text=token.text.lower()) if token.start in lowered else token for token in tokens]


def _with_disguises(text: str, suggestions: list[Suggestion], masks: list[tuple[int, int, str]]) -> list[Suggestion]:
    """The suggestions of the unmasked text, as published (their ``original`` from ``text``, a disguise said in
    their reasons), and one suggestion per disguised word that no other covers, in text order."""
    out: list[Suggestion] = []
    for suggestion in suggestions:
        inside = [text[start:end] for start, end, _ in masks if suggestion.start < end and start < suggestion.end]
        reasons = suggestion.reasons + tuple(disguise_reason(word) for word in inside[:1])
        out.append(replace(suggestion, original=text[suggestion.start : suggestion.end], reasons=reasons))
    for start, end, plain in masks:
        if not any(s.start < end and start < s.end for s in suggestions):
            out.append(disguise_suggestion(text, start, end, plain))
    return sorted(out, key=lambda s: s.start)


def _hyphenated(text: str, chunk: list[Token], index: int) -> bool:
    """Whether the chunk's token at ``index`` is joined by a hyphen to the next one ("non-public")."""
    if index < 0 or index + 1 >= len(chunk):
        return False
    left, right = chunk[index], chunk[index + 1]
    return right.start == left.end + 1 and text[left.end] in "-\u2011"


def _ends_sentence_with_period(text: str, chunk: list[Token], last: int) -> bool:
    """Whether the abbreviation that ends a span ("p.c.", "U.S.") also ends its sentence: its last period then
    belongs to the sentence, not to the word a replacement takes away. The next word starts a sentence, or the text
    or its line ends there."""
    token = chunk[last - 1]
    if not token.text.endswith(".") or len(token.text) < 2:
        return False
    if last < len(chunk):
        following = chunk[last]
        return following.kind is Kind.WORD and following.text[:1].isupper() and following.start != token.end
    rest = text[token.end :]
    return not rest.strip() or rest.lstrip(" \t").startswith(("\n", "\r"))


def _sigmoid(x: float) -> float:
    if x < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


class Reported(NamedTuple):
    suggestions: list[Suggestion]  # raw confidence, in text order
    relations: list[str]  # how each replacement is linked to the published word
    words: int  # the article's words, as ``tokens.word_count`` counts them
    # Whether the confidence stage judges each suggestion: not where the article before the span fits the
    # replacement but not the published word. How rarely honest writing does that is measured directly
    # (benchmarks/article_style.py), so a lightly spun article's few such flags are not discounted as an honest
    # article's stray ones are. Nor where the replacement undoes a tortured phrase: the book lists only phrases no
    # honest text writes ("counterfeit consciousness"; none occurs in any unspun benchmark text), so one in an
    # otherwise honest-looking paper is the finding a reader looks for, not a stray flag.
    staged: list[bool]
    word_swaps: list[bool]  # whether the change swaps each of its words for one of that word's own candidates


class Engine:
    def __init__(
        self, finder: CandidateFinder, context: ContextModel, weights: Weights, tagger: Tagger | None = None
    ) -> None:
        self.finder = finder
        self.context = context
        self.weights = weights
        self.tagger = tagger  # without one, parts of speech are no evidence
        # Single words and word groups apart: most groups an article holds are met once and offer nothing, and in one
        # cache they pushed out the words, which recur (benchmarks/README.md, "Speed (session 37)").
        self._ranked_words = lru_cache(maxsize=RANKED_WORDS)(self._ranked_uncached)
        self._ranked_groups = lru_cache(maxsize=RANKED_GROUPS)(self._ranked_uncached)
        self._scored = lru_cache(maxsize=64)(self._scored_uncached)
        self._in_lemmas = lru_cache(maxsize=2_000)(self._in_lemmas_uncached)
        self._governed = lru_cache(maxsize=50_000)(self._governed_uncached)
        self._takes = lru_cache(maxsize=20_000)(self._takes_uncached)
        self._linked_parts = lru_cache(maxsize=50_000)(self._linked_parts_uncached)
        self._frequency = lru_cache(maxsize=50_000)(self._frequency_uncached)  # the same wordings recur as candidates
        self._ranker = StaticRanker(weights, context.known, self._frequency)  # made again with the weights
        self._stored = lru_cache(maxsize=64)(self._stored_uncached)

    def forget_rankings(self) -> None:
        """Drop the per-phrase candidate cuts, which depend on the weights (call after changing them)."""
        for cached in (self._ranked_words, self._ranked_groups, self._scored, self._in_lemmas, self._governed):
            cached.cache_clear()
        self._stored.cache_clear()
        self._ranker = StaticRanker(self.weights, self.context.known, self._frequency)

    def store_ranking(self) -> StoreRanking:
        """How the candidate store ranks the common words as this engine would (``StaticRanker``)."""
        ranker = self._ranker
        return StoreRanking(ranker.key, lambda form, found: (linked_parts(found), ranker.stored(form, found)))

    def _stored_uncached(self, phrase: str) -> tuple[str, Ranked] | None:
        """A common word's linked parts of speech and static ranking, from the store where it was made with these
        weights (None for a word group: the store holds single words)."""
        store = self.finder.store
        if " " in phrase or store is None or store.ranking_key != self._ranker.key:
            return None
        return store.ranking(phrase)

    def _ranked(self, phrase: str, wanted: str) -> RankedList:
        """``_ranked_uncached``, through the cache of single words or of word groups."""
        return (self._ranked_groups if " " in phrase else self._ranked_words)(phrase, wanted)

    # -- candidate generation ----------------------------------------------------------------------------
    @staticmethod
    def _spannable(text: str, token: Token, capitals: bool = False) -> bool:
        """Whether a spinner would have looked this token up: not an acronym (unless the text is in ``capitals``:
        ``all_capitals``), not part of a hyphenated compound.

        Spinners replace whitespace-delimited words; "US-provided", "long-range" or "20th" is not in their thesaurus.
        """
        if token.kind is not Kind.NUMBER and token.is_all_caps and not capitals:
            return False
        # ... after a word or an abbreviation's period ("US-provided", "U.S.-provided", "U.K.-based")
        joined_before = token.start >= 2 and text[token.start - 1] in "-\u2011" and (
            text[token.start - 2].isalnum() or text[token.start - 3 : token.start - 1] in _ABBREVIATION_ENDS
        )
        joined_after = token.end + 1 < len(text) and text[token.end] in "-\u2011" and text[token.end + 1].isalnum()
        # A compound a line's end broke at its own hyphen ("long-" / "range"; a word hyphenated there is one token).
        before = text[max(0, token.start - 40) : token.start]  # a window: a search back from the text's start is slow
        joined_before = joined_before or ("\n" in before and bool(_BROKEN_BEFORE.search(before)))
        joined_after = joined_after or bool(_BROKEN_AFTER.match(text, token.end))
        # Letters glued to digits ("20th", "5pm", "10m", "1990s") are one word to a spinner, and not in a thesaurus.
        glued = (token.start > 0 and text[token.start - 1].isalnum()) or (
            token.end < len(text) and text[token.end].isalnum() and cites_after(text, token) < 0
        )  # ... but a paper's reference mark glued to its word ("learning12") leaves the word a word
        return not (joined_before or joined_after or glued)

    def _options_for_chunk(
        self,
        text: str,
        number: int,
        chunk: list[Token],
        tags: dict[int, str],
        initials: dict[int, str],
        names: frozenset[str] = frozenset(),
        case_blind: bool = False,
        capitals: bool = False,
        unmended: list[Option] | None = None,
        headline_names: frozenset[str] | None = None,
    ) -> list[Option]:
        """Every option in one chunk (``unmended`` collects the changes to names that mend none, see
        ``_repair_names``); ``initials`` holds, by start offset, the letters an acronym nearby says a word
        of a name began with (``acronym_hints``); ``names``, the article's own names (``article_names``); with
        ``case_blind`` (a title-cased text: ``title_cased``) a capital says nothing of names, and with ``capitals``
        (a text in capitals) neither does a word in capitals of acronyms. A title-cased headline is case-blind with
        ``headline_names``, the names of the article's body (``headlines.body_names``), which stay names in it."""
        words = [t.norm for t in chunk]
        spelled = {index: initials[token.start] for index, token in enumerate(chunk) if token.start in initials}
        if headline_names is not None:
            named = [token.is_capitalized and token.norm in headline_names for token in chunk]
            runs = runs_of(named)
        else:
            # Capitalised mid-sentence; a sentence's first word where the article names it so elsewhere ("Keel
            # conceded" beside "backed Keel"), or where WordNet knows it as a name and a capitalised word follows
            # ("International Minister Sybiha said"): it is then only mended, never replaced.
            named = [index > 0 and token.is_capitalized and not case_blind for index, token in enumerate(chunk)]
            if chunk and chunk[0].is_capitalized and not case_blind and (
                words[0] in names or (len(chunk) > 1 and named[1] and self.finder.wordnet.is_proper(words[0]))
            ):
                named[0] = True
            runs = name_runs(chunk) if any(named) else []
        options: list[Option] = []
        longest = self._longest_span()
        spannable = [self._spannable(text, token, capitals) for token in chunk]
        # A word that may extend a span: a spinner's phrase is words in a row, so nothing but white space comes
        # before it ("testing, with" is no phrase, and replacing it would drop the comma).
        joinable = [
            ok and token.kind is Kind.WORD and (index == 0 or only_space(text[chunk[index - 1].end : token.start]))
            for index, (token, ok) in enumerate(zip(chunk, spannable, strict=True))
        ]
        for first in range(len(chunk)):
            if not spannable[first]:
                continue
            # "an vital": the article before the place says its original began with the other sound (or None).
            sound = misfit_sound(chunk[first - 1], chunk[first]) if first > 0 else None
            for length in range(1, longest + 1):
                last = first + length
                # Each longer span takes in one more word; the shorter ones had every other one pass.
                if last > len(chunk) or (length > 1 and not joinable[last - 1]):
                    break
                if length > 1 and chunk[last - 2].clitic:
                    break  # a span ends at a possessive: "the White Home's", not "Home's staff"
                phrase = " ".join(words[first:last])
                if length > 1 and not self._may_have_candidates(phrase, words[last - 1]):
                    continue
                if chunk[first].is_capitalized and self.finder.wordnet.is_proper(phrase):
                    # A name WordNet knows ("Austin") is not a word to replace, unless it may be a broken part of a
                    # longer name: mid-sentence, with more capitalised words in its run ("International Minister").
                    run = run_holding(runs, first, last) if any(named[first:last]) else None
                    if run is None or run[1] - run[0] == length:
                        continue
                tag = tags.get(chunk[first].start, "") if length == 1 else ""
                if tag == "VBG" and first > 0 and words[first - 1] in BE_FORMS:
                    tag = PROGRESSIVE  # "is signaling": a verb (or an adjective: "is alarming"), no noun
                elif tag == "VBN" and first > 0 and words[first - 1] in HAVE_FORMS:
                    tag = "VERB"  # "has adjusted": a perfect tense, no adjective
                kept = self._keep(number, first, last, phrase, tag)
                if (
                    length == 2 and words[first + 1] == "about" and last < len(chunk)
                    and chunk[last].kind is Kind.NUMBER
                ):
                    # "climbed about 20%": "about" tells how many, it is no preposition the verb takes
                    kept = [option for option in kept if not option.candidate.governed]
                if length == 1 and chunk[first].kind is Kind.NUMBER and self.counts_things(text, chunk, first, tags):
                    for option in kept:
                        option.counts = True
                    self._add_place_evidence("counted_figure", kept)
                if any(named[first:last]):
                    kept += self._keep_menders(number, first, last, phrase, chunk, words, runs)
                    if length == 1 and first in spelled:
                        kept += self._keep_initialled(number, first, phrase, spelled[first])
                if length == 1 and tags and phrase in self.finder.patterns.slotted:
                    kept = self._in_its_slot(kept, chunk, first, tags)
                if chunk[last - 1].clitic:  # what owns something is a noun: "firm's" is no "strong's"
                    kept = [o for o in kept if "n" in o.candidate.parts_of_speech or not o.candidate.parts_of_speech]
                if sound is not None:
                    self._mark_article_fit(sound, kept)
                options.extend(kept)
        options += self._compound_options(text, number, chunk, words)
        return self._repair_names(words, named, runs, options, spelled, unmended)

    def _in_its_slot(self, options: list[Option], chunk: list[Token], at: int, tags: dict[int, str]) -> list[Option]:
        """The options but a book's swap across parts of speech where the word does not stand in the original's slot.

        A spinner that takes a word in the wrong sense leaves it in the original's place in the sentence: the noun
        "figure" becomes "a determine". So "determine" after a subject ("geologists determine") was never the noun.
        The tagger reads a word by its dictionary part of speech ("determine" is a verb even after "a"), so the slot
        is told by the word before: a determiner, an adjective, a number or a possessive opens a noun's place. A verb
        taken for an adjective ("he same") is not judged so: the word before its place is often a noun the tagger
        reads as an adjective ("the official same"), which would close it wrongly.
        """
        book = self.finder.patterns
        token = chunk[at]
        tag = tags.get(token.start, "")
        before = chunk[at - 1] if at > 0 else None
        noun_place = before is not None and (
            bool(before.clitic) or tags.get(before.start, "") in NOUN_OPENERS or before.norm in POSSESSIVE_PRONOUNS
        )
        kept: list[Option] = []
        for option in options:
            curated = option.candidate.relation in CURATED_RELATIONS
            part = book.original_part(option.observed, option.candidate.wording) if curated else ""
            if part == "n" and tag not in NOUN_TAGS and not noun_place:
                continue
            kept.append(option)
        return kept

    def _mark_article_fit(self, sound: Sound, options: list[Option]) -> None:
        """Where "a"/"an" does not fit the span's first word ("an vital"), the spinner swapped that word and left the
        article, whose ``sound`` the original began with: a candidate the article fits carries that evidence
        (``article_fit``; its weight is measured, see benchmarks/article_style.py)."""
        fitting = [option for option in options if fits_sound(option.candidate.wording, sound)]
        for option in fitting:
            option.article_fit = True
        self._add_place_evidence("article_fit", fitting)

    def _add_place_evidence(self, feature: str, options: list[Option]) -> None:
        """Add a feature's coefficients to the options' static scores, which are cached per phrase, where the
        evidence is of one place (a counted figure, the article before the span)."""
        weight = self.weights.coefficients.get(feature, 0.0)
        rank_weight = self.weights.ranking_coefficients.get(feature, 0.0)
        for option in options:
            option.static += weight
            option.static_rank += rank_weight

    def _longest_span(self) -> int:
        """The most words a span may have: the pattern book's longest wording may exceed MAX_SPAN ("due to the fact
        that", "facilities for illness control and prevention")."""
        return max(MAX_SPAN, self.finder.patterns.longest)

    def _compound_options(self, text: str, number: int, chunk: list[Token], words: list[str]) -> list[Option]:
        """Options for spans that take in a hyphenated compound the pattern book lists ("non-public", "on-line",
        "web-based media"): a thesaurus spinner leaves compounds alone (see ``_spannable``), but phrase-level
        rewriters write these, and only the book names them."""
        by_wording, longest = self.finder.patterns.by_wording, self._longest_span()
        options: list[Option] = []
        for first in range(len(chunk) - 1):
            if _hyphenated(text, chunk, first - 1) or not _hyphenated(text, chunk, first):
                continue  # not where a compound starts
            phrase = words[first]
            for last in range(first + 1, min(first + longest, len(chunk))):
                joined = _hyphenated(text, chunk, last - 1)
                if not joined and (chunk[last - 1].clitic or chunk[last].kind is not Kind.WORD):
                    break
                phrase += ("-" if joined else " ") + words[last]
                if by_wording.get(phrase) and not _hyphenated(text, chunk, last):
                    options += self._keep(number, first, last + 1, phrase, "")
        return options

    def counts_things(self, text: str, chunk: list[Token], first: int, tags: dict[int, str]) -> bool:
        """Whether a figure counts the plural noun after it ("2 leaders", "4 licensed nurses").

        News style spells out counts under ten and keeps figures for measures, ages, money, percentages, dates
        and names ("9 miles", "5 years old", "$6 more", "3%", "March 2", "Route 9"). The weight of this evidence
        is measured, not fitted (``counted_figure`` in the weights; see benchmarks/figure_style.py).
        """
        figure = chunk[first]
        if figure.start > 0 and not text[figure.start - 1].isspace():
            return False  # "$6", "#3", "(2"
        previous = chunk[first - 1] if first > 0 else None
        if previous is not None and is_name_word(previous):
            # A name before the figure ("Route 9", "March 2", "Windows 7"); a capital that only opens the sentence
            # ("The 2 leaders", "Only 3 teams") names nothing.
            if first > 1 or tags.get(previous.start, "NOUN") in ("NOUN", "PROPN"):
                return False
        for index in (first + 1, first + 2):
            if index >= len(chunk) or chunk[index].kind is not Kind.WORD or chunk[index].is_capitalized:
                return False
            word = chunk[index].norm
            tag = tags.get(chunk[index].start, "")
            # A plural differs from its lemma; the tables also list some mass nouns as their own plural ("trial").
            readings = self.finder.analyses(word)
            plural = [lemma for lemma, _, reading in readings if reading == "NNS" and lemma != word]
            if plural and tag in ("NOUN", ""):
                age = index + 1 < len(chunk) and chunk[index + 1].norm == "old"  # "5 years old": ages take figures
                return not age and not any(self.finder.is_measure(lemma) for lemma in plural)
            # Only an adjective may stand between the figure and its noun (a participle may be tagged as a verb).
            if not (tag in ("ADJ", "VBN") or (tag in ("VERB", "") and any(pos == "a" for _, pos, _ in readings))):
                return False
        return False

    def _keep_menders(
        self,
        number: int,
        first: int,
        last: int,
        phrase: str,
        chunk: list[Token],
        words: list[str],
        runs: list[tuple[int, int]],
    ) -> list[Option]:
        """Candidates beyond the static cut that could mend a name with the capitalised words around the span.

        Inside a sentence a capitalised span is kept only where it mends a name within its run (see _repair_names),
        and the mending word may rank low out of context ("house" for "home" in "White Home").
        """
        run = run_holding(runs, first, last)
        if run is None:
            return []  # _repair_names would drop these options
        # Only words a lemma holding the span could reach: a run of capitals with no sentence break can be a whole
        # text ("The White Home Said The White Home Said ..."), and every word of it for every span was quadratic.
        lo, hi = max(run[0], first - LONGEST_NAME + 1), min(run[1], last + LONGEST_NAME - 1)
        neighbours = [words[i] for i in range(lo, hi) if not first <= i < last and is_name_word(chunk[i])]
        if not neighbours:
            return []
        return self._as_options(number, first, last, phrase, self._menders(phrase, tuple(sorted(neighbours))))

    def _keep_initialled(self, number: int, first: int, phrase: str, initial: str) -> list[Option]:
        """Candidates beyond the static cut that begin with the letters an acronym nearby gives the word."""
        cut = self._scored(phrase)[self.weights.max_candidates :]
        chosen = [entry for entry in cut if entry[0].wording.startswith(initial) and " " not in entry[0].wording]
        return self._as_options(number, first, first + 1, phrase, chosen)

    def _menders(self, phrase: str, neighbours: tuple[str, ...]) -> Ranked:
        """The entries beyond the cut that begin a wording found in a multiword lemma with one of ``neighbours``."""
        return tuple(
            entry
            for entry, lemmas in self._in_lemmas(phrase)
            if any(word in parts for parts in lemmas for word in neighbours)
        )

    def _in_lemmas_uncached(self, phrase: str) -> tuple[tuple[Entry, tuple[tuple[str, ...], ...]], ...]:
        """The entries beyond the static cut whose wording begins with a word of some multiword lemma, each with
        those lemmas' words: kept per phrase, as a capitalised word meets other neighbours in other names."""
        multiword_parts = self.finder.wordnet.multiword_parts
        cut = self._scored(phrase)[self.weights.max_candidates :]
        found = ((entry, multiword_parts(entry[0].wording.split()[0])) for entry in cut)
        return tuple((entry, lemmas) for entry, lemmas in found if lemmas)

    def _may_have_candidates(self, phrase: str, last_word: str) -> bool:
        """For a multiword span: whether any source could offer a candidate (exact; skips most lookups)."""
        return self._finder_may_name(phrase) or (
            last_word in PREPOSITIONS and phrase.count(" ") == 1  # governed: "conversant in"
        )

    def _finder_may_name(self, phrase: str) -> bool:
        """For a word group: whether the finder could offer a candidate, from the pattern book or a WordNet lemma
        (exact: it offers none where this is false)."""
        return phrase in self.finder.patterns.by_wording or self.finder.wordnet.may_name_multiword(phrase)

    def _repair_names(
        self,
        words: list[str],
        named: list[bool],
        runs: list[tuple[int, int]],
        options: list[Option],
        spelled: dict[int, str],
        unmended: list[Option] | None = None,
    ) -> list[Option]:
        """Keep changes to capitalised words inside a sentence only where they mend a name WordNet knows, or where
        they give a word of a name the letters its acronym has there (``spelled``, by place in the chunk:
        "Military Tactical Missile Techniques — often called ATACMS" is a broken "Army ... Systems"). The others go
        to ``unmended``: the article may mend the same word in a name elsewhere (``_mended_elsewhere``).

        "White Home" -> "White House" and "Nationwide Safety Council" -> "National Security Council" are
        broken names; any other capitalised word is taken as a name and left alone.
        """
        if not any(named):
            return options
        plain = [o for o in options if not any(named[o.first : o.last])]
        if len(plain) == len(options):
            return options
        singles: dict[int, list[str]] = {}
        for option in options:
            if option.last - option.first == 1:
                singles.setdefault(option.first, []).append(option.candidate.wording)
        multiword_parts, is_proper = self.finder.wordnet.multiword_parts, self.finder.wordnet.is_proper
        kept = list(plain)
        joint: dict[tuple[int, int, str], Option] = {}  # names broken in two words, mended as one option
        whole: dict[tuple[int, int], bool] = {}  # per span of a name WordNet knows: already inside a whole name?
        for option in options:
            if not any(named[option.first : option.last]):
                continue
            if option.last - option.first > 1 and option.candidate.wording in self._listed_originals(option.observed):
                kept.append(option)  # the book names this very name a rewriter's ("Facilities for Illness ...")
                continue
            run = run_holding(runs, option.first, option.last)
            if run is None:
                continue
            proper = is_proper(option.observed)
            if proper:
                span = (option.first, option.last)
                if span not in whole:
                    whole[span] = within_known_name(option.first, option.last, words, run, multiword_parts)
                if whole[span]:
                    continue
            mends = list(
                name_mends(
                    option.first, option.last, option.candidate.wording, words, run, singles, multiword_parts, proper
                )
            )
            initial = spelled.get(option.first, "") if option.last - option.first == 1 else ""
            wording = option.candidate.wording
            spells = bool(initial) and " " not in wording and wording.startswith(initial) and not proper
            joined_by_usage = not (spells or mends) and self._usage_joins(option, words, run)
            if spells or joined_by_usage:
                note = (
                    f"the acronym nearby has {initial.upper()} here"
                    if spells
                    else f"English writes '{joined_by_usage}' in names far more often"
                )
                option.candidate = replace(option.candidate, detail=f"{option.candidate.detail}; {note}")
            if spells or mends or joined_by_usage:
                option.name_repair = 1.0
                kept.append(option)
            elif unmended is not None and option.last - option.first == 1:
                unmended.append(option)
            for change in mends:
                # A name WordNet knows is mended only by the words published around it ("Ukraine" stays).
                if change is None or proper or is_proper(words[change[0]]):
                    continue
                mend = self._joint_mend(option, *change, words)
                if mend is not None:
                    joint.setdefault((mend.first, mend.last, mend.candidate.wording), mend)
        return kept + list(joint.values())

    @staticmethod
    def _mended_elsewhere(options: list[Option], unmended: list[Option]) -> list[Option]:
        """The changes to one word of a name that mend no name here but that a name repair elsewhere in the article
        would make: "key Home Republicans" beside "the White Home" -> "White House". A spinner swaps a word
        wherever it occurs, names included, so such a change is not left alone; but it counts only once the article
        makes that swap somewhere (``repeats``, see ``_settler``), and it is no place in the spin estimate."""
        if not unmended:
            return []  # most articles: no change to a name's word was left aside
        mended: set[tuple[str, str]] = set()
        for option in options:
            if not option.name_repair:
                continue
            observed, wording = option.observed.split(), option.candidate.wording.split()
            if len(observed) == len(wording):
                mended.update(pair for pair in zip(observed, wording, strict=True) if pair[0] != pair[1])
        found = []
        for option in unmended:
            if (option.observed, option.candidate.wording) in mended:
                detail = f"{option.candidate.detail}; the article may mend this word in a name WordNet knows"
                option.candidate = replace(option.candidate, detail=detail)
                option.mended_elsewhere = True
                found.append(option)
        return found

    def _usage_joins(self, option: Option, words: list[str], run: tuple[int, int]) -> str:
        """Where the pattern book names a rewriter's fixed swap for one word of a name WordNet does not know
        ("Senate International Relations Committee": "international" for "foreign"), whether English usage joins
        the book's original to a neighbouring word of the name far more than the published word: the pair it
        forms ("foreign relations"), or "". Measured as the gap in pointwise mutual information with the
        neighbour, so a common word gains nothing for being common; a name usage knows as published ("International
        Monetary Fund") is left alone, and only the book's swaps are asked, as any synonym would rename honest names
        ("Judge Smith" -> "Judge Wright")."""
        candidate = option.candidate
        if option.last - option.first != 1 or " " in candidate.wording or candidate.relation not in CURATED_RELATIONS:
            return ""
        known, prob = self.context.known, self.context.prob
        wording, observed = candidate.wording, option.observed
        if not (known(wording) and known(observed)):
            return ""

        def association(first: str, second: str) -> float:  # ln P(second | first) - ln P(second)
            return prob(second, first, "") - prob(second, "", "")

        lo, hi = run
        pairs: list[tuple[float, str]] = []
        if option.last < hi and known(right := words[option.last]):
            pairs.append((association(wording, right) - association(observed, right), f"{wording} {right}"))
        if option.first > lo and known(left := words[option.first - 1]):
            pairs.append((association(left, wording) - association(left, observed), f"{left} {wording}"))
        gap, pair = max(pairs, default=(0.0, ""))
        return pair if gap >= NAME_USAGE_GAIN else ""

    def _joint_mend(self, option: Option, at: int, word: str, words: list[str]) -> Option | None:
        """One option for a name broken in two neighbouring words ("Protection Division" -> "Defense Department"):
        each word's own best candidate may mend it another way ("Security Force"), and only the two changes
        together fit the context; the context model judges them as one. Two changes make many a common phrase out
        of an honest name ("Sports Palace" -> "basketball court"), so the two must make a name WordNet capitalises;
        None otherwise."""
        if at not in (option.first - 1, option.last):
            return None
        first, last = min(option.first, at), max(option.last, at + 1)
        candidate = option.candidate
        wording = f"{candidate.wording} {word}" if at == option.last else f"{word} {candidate.wording}"
        if not self.finder.wordnet.is_proper(wording):
            return None
        observed = " ".join(words[first:last])
        mended = replace(
            candidate, wording=wording, detail=f"{candidate.detail}, and {words[at]} ~ {word}: a name WordNet knows"
        )
        commonness = self._frequency(wording) - self._frequency(observed)
        return Option(option.chunk, first, last, mended, observed, commonness=commonness, name_repair=1.0)

    def _frequency_uncached(self, phrase: str) -> float:
        return wording_frequency(self.context.unigram, phrase)

    def _takes_uncached(self, head: str) -> tuple[str, ...]:
        """The prepositions that follow ``head`` at least 5% of the time, in a fixed order (a set's order changes
        with the hash seed); asked of each head word once, as many words share their candidates."""
        prob = self.context.prob
        return tuple(other for other in sorted(PREPOSITIONS) if prob(other, head, "") > GOVERNED_MIN_LOGPROB)

    def _governed_uncached(self, word: str, preposition: str) -> tuple[Candidate, ...]:
        """A synonym of a word with the preposition it usually takes: "conversant in" -> "familiar with".

        Spinners swap the head word and keep the preposition, which then no longer fits; the context model says
        which preposition each candidate takes (its most likely followers), so the pair is restored together.
        """
        out: list[Candidate] = []
        for candidate in self._ranked(word, "").candidates[:GOVERNED_HEADS]:
            if " " in candidate.wording or candidate.relation == "number":
                continue
            takes = self._takes(candidate.wording)
            if preposition in takes:
                continue  # the published preposition fits this head too ("threat to"): nothing to mend
            for other in takes:
                out.append(
                    replace(
                        candidate,
                        wording=f"{candidate.wording} {other}",
                        detail=f"{candidate.detail}; one says '{candidate.wording} {other}'",
                        governed=True,
                    )
                )
        return tuple(out)

    def _keep(self, number: int, first: int, last: int, phrase: str, tag: str) -> list[Option]:
        """Options the context model can judge and the likeliest before context: the top few by static score.

        ``tag`` is the tagger's part of speech for a one-word span ("" for none). Where the published word can be
        that part of speech, a candidate linked to it only through another ("artificial", the adjective, for the
        noun "substitute"; the verb "weep" for the noun "lament") is a synonym in a sense the writer did not use:
        far less often the original. A thesaurus that ignores parts of speech still makes such swaps (the noun
        "move" -> "transfer", through the verbs), so it is evidence, not a filter.
        """
        wanted = READINGS.get(tag, "")
        linked = self._linked_parts(phrase) if wanted else ""
        # Only a word linked through parts of speech both inside and outside the tag has candidates that clash; for
        # the rest, one ranking per phrase serves every tag (and keeps the cache small).
        if not (any(pos in wanted for pos in linked) and any(pos not in wanted for pos in linked)):
            wanted = ""
        return self._as_options(number, first, last, phrase, self._ranked(phrase, wanted), wanted)

    def _linked_parts_uncached(self, phrase: str) -> str:
        """The parts of speech through which any WordNet candidate is linked to the phrase ("nv")."""
        stored = self._stored(phrase)
        return stored[0] if stored is not None else linked_parts(self._found(phrase))

    @staticmethod
    def _as_options(
        number: int, first: int, last: int, phrase: str, ranked: Iterable[Entry], wanted: str = ""
    ) -> list[Option]:
        # Without a ranking model the two static scores are equal: one float object serves both, and a clash is
        # one of two constants, not a new float per option (a long text's section holds some 75,000 options).
        return [
            Option(
                number, first, last, candidate, phrase, commonness=commonness, static=static,
                static_rank=static if static_rank == static else static_rank,
                pos_clash=(1.0 if _clashes(candidate, wanted) else 0.0) if wanted else 0.0,
            )
            for candidate, commonness, static, static_rank in ranked
        ]

    def _found(self, phrase: str) -> tuple[Candidate, ...]:
        """Every candidate for an observed word or phrase (lower case, single spaces)."""
        words = phrase.split(" ")
        if len(words) == 1:
            return self.finder.word_candidates(phrase)
        # Most word groups met are a head word and its preposition, which only ``_governed`` answers.
        found = self.finder.phrase_candidates(phrase) if self._finder_may_name(phrase) else ()
        if len(words) == 2 and words[1] in PREPOSITIONS:
            found = found + self._governed(words[0], words[1])
        return found

    def _ranked_uncached(self, phrase: str, wanted: str) -> RankedList:
        """The candidates worth scoring in context, best first by static score (kept per phrase and the parts of
        speech the sentence allows there, "" for any: the cache that matters, as the full candidate lists are large
        and needed only here). A candidate linked only through other parts of speech than ``wanted`` clashes. A
        common word's ranking comes from the candidate store where it was made with these weights (``_stored``)."""
        stored = self._stored(phrase)
        scored = stored[1] if stored is not None else self._scored(phrase)
        if wanted:  # a clash adds its coefficient to both scores; the sort is stable, so no clash keeps the order
            c = self.weights.coefficients.get("pos_clash", 0.0)
            r = self.weights.ranking_coefficients.get("pos_clash", 0.0)
            scored = tuple(
                sorted(
                    (
                        (candidate, commonness, static + c, static_rank + r)
                        if _clashes(candidate, wanted)
                        else (candidate, commonness, static, static_rank)
                        for candidate, commonness, static, static_rank in scored
                    ),
                    key=lambda entry: -entry[2],
                )
            )
        return RankedList(scored[: self.weights.max_candidates])

    def _scored_uncached(self, phrase: str) -> Ranked:
        """Every candidate the context model can judge, with its static scores before parts of speech, best first
        (kept briefly: a word met in several parts of speech is ranked once for each from this list)."""
        found = self._found(phrase)
        return self._ranker.scored(phrase, found) if found else ()

    # -- scoring -----------------------------------------------------------------------------------------
    def _gains(
        self, before: list[str], observed: list[str], after: list[str], options: list[Option], possessed: bool = False
    ) -> list[Option]:
        """How much likelier each option's wording makes its stretch than the observed words (nats); returns the
        options whose context now refutes their swap where it did not, or no longer does (``CONTRADICTING_GAIN``).

        ``before`` and ``after`` hold up to two words of (restored) context: a trigram model sees no further.
        With ``possessed``, the span's last word carries a possessive ending, and so does each wording in context.
        Digits are unknown to the context model, so a spelled-out number gets no context evidence either way.
        """
        score = self.context.between(before, after)
        # A small figure in the span is heard as the word the model knows ("12 months" as "twelve months"), so the
        # rewriters' figures ("12 months" for "year") are judged; figures around the span stay unheard.
        observed = [SPOKEN_FIGURES.get(word, word) for word in observed]
        old = score(observed)
        # A word the model has never seen scores as impossible, which would make any candidate look certain; but
        # rare honest words (names, jargon, British or old vocabulary: motorway, turnpikes) are unknown too: flags
        # there were wrong 196 times in 202 on our sets (3 right in the seed and hand-spun texts). So no candidate
        # gains there from context, unless the pattern book lists the published wording as spinner output of that
        # candidate: an artefact ("privateness", "effectivity", "p.c") is unknown because it is no English.
        unheard = [word for word in observed if not self.context.known(word)]
        unknown = bool(unheard)
        # Larger figures are unknown to the model too, and "250 homes" is honest English: a bare figure is no artefact.
        artefact = unknown and options and not any(_FIGURE.fullmatch(word) for word in unheard)
        listed = self._listed_originals(options[0].observed) if artefact else frozenset()
        flipped: list[Option] = []
        unknown_value = float(unknown)
        for option in options:
            option.unknown = unknown_value
            refuted = option.gain <= CONTRADICTING_GAIN
            wording = option.candidate.wording
            if option.candidate.relation == "number":
                gain = 0.0
            else:
                replacement = (possessive(wording) if possessed else wording).split()
                if "-" in wording:
                    replacement = self._heard(replacement)
                gain = score(replacement) - old
                if unknown and wording not in listed:
                    gain = min(gain, UNKNOWN_GAIN_CAP)
            option.gain = gain
            if (gain <= CONTRADICTING_GAIN) != refuted:
                flipped.append(option)
        return flipped

    def _heard(self, words: list[str]) -> list[str]:
        """A wording's words as the context model hears them: a hyphenated word it does not know as its parts
        ("k-nearest" as "k nearest"), as the published text's compounds are heard (the tokenizer splits them)."""
        known = self.context.known
        return [part for word in words for part in (word.split("-") if not known(word) else [word]) if part]

    def _listed_originals(self, phrase: str) -> frozenset[str]:
        """The wordings the pattern book names as originals of ``phrase`` where it lists ``phrase`` as their
        spinner output (its "first", "misread" and "rewrite" groups). Asked only at places holding a word the model
        has never heard and for capitalised spans, so it is not cached."""
        return frozenset(wording for wording, group in self.finder.patterns.alternatives(phrase) if group.first_only)

    @staticmethod
    def _context(row: list[str], first: int, last: int) -> tuple[list[str], list[str]]:
        """Up to two words before ``first`` and after ``last`` in a restored row (entries may be phrases)."""
        before: list[str] = []
        index = first - 1
        while index >= 0 and len(before) < 2:
            before[:0] = row[index].split()
            index -= 1
        after: list[str] = []
        index = last
        while index < len(row) and len(after) < 2:
            after.extend(row[index].split())
            index += 1
        return before[-2:], after[:2]

    @collector_paused()
    def options(
        self, text: str, progress: Callable[[float], None] | None = None, tokens: list[Token] | None = None
    ) -> tuple[list[list[Token]], list[Option], float]:
        """Every candidate option with its features settled (context, spin rate, consistency); ``tokens``: the
        text's tokens, where the caller has them already. The text is read as given: ``analyze`` reads look-alike
        letters of another script in Latin first (the fitting scripts call this on benchmark text, which has none)."""
        _refuse_too_long(text)
        tokens = join_broken_words(text, tokenize(text), self.context.known) if tokens is None else tokens
        groups = chunks(text, tokens)
        case_blind = title_cased(groups)
        capitals = case_blind and all_capitals(groups)
        # A headline in title case is read as its words; the body's names stay names in it too.
        headlines = frozenset() if case_blind else title_cased_lines(text, groups)
        body = [chunk for number, chunk in enumerate(groups) if number not in headlines]
        kept_names = body_names(body) if headlines else frozenset()
        tags = self.tagger.tag_tokens(_in_lower_case(tokens, groups, headlines, kept_names)) if self.tagger else {}
        initials = acronym_hints(tokens)
        options: list[Option] = []
        names = article_names(body)
        unmended: list[Option] = []
        for number, chunk in enumerate(groups):
            headline = number in headlines
            options.extend(
                self._options_for_chunk(
                    text, number, chunk, tags, initials, names, case_blind or headline,
                    capitals or (headline and in_capitals(chunk)), unmended, kept_names if headline else None,
                )
            )
            if progress and number % 50 == 0:
                progress(0.5 * number / max(len(groups), 1))
        options += self._mended_elsewhere(options, unmended)
        if _writes_british(groups):
            options = [o for o in options if not american_only(o.candidate.wording)]
        w = self.weights
        for option in options:
            if option.name_repair:  # name repairs are found after ranking
                option.static, option.static_rank = w.static_scores(option.static_features())
        # The current best restoration, one entry per token ("" where a multiword replacement swallowed it).
        current = self._restored(groups, [])
        changed = set(range(len(groups)))  # chunks whose restored context changed since their options were scored
        by_span = self._spans(options)
        by_pair: dict[tuple[str, str], list[Option]] = {}
        for option in options:
            by_pair.setdefault((option.observed, option.candidate.wording), []).append(option)
        settle = self._settler()
        # Only spans whose evidence changed are settled again: a change of context touches a few chunks, and a
        # change in how often the article makes a substitution touches the spans that offer it.
        best: dict[tuple[int, int, int], Option] = {}

        def resettle(stale: dict[tuple[int, int, int], None]) -> list[Option]:
            """Settle the spans whose evidence changed; the best non-overlapping options of the whole article."""
            for key in stale:
                best[key] = settle(by_span[key])
            return self._non_overlapping(best.values())

        # The two words either side that each span was last scored in.
        scored_in: dict[tuple[int, int, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        repeats: dict[tuple[str, str], set[int]] = {}  # per pair, the options that made it last round
        refuting: Counter[tuple[str, str]] = Counter()  # per pair, the places whose context refutes it
        rate = w.initial_rate
        for round_number in range(w.rounds):
            stale: dict[tuple[int, int, int], None] = {}  # an ordered set: results must not depend on hash seeds
            recount: dict[tuple[str, str], None] = {}  # pairs whose number of refuting places changed
            for key, span_options in by_span.items():
                chunk_number, first, last = key
                if chunk_number in changed:
                    before, after = self._context(current[chunk_number], first, last)
                    window = (tuple(before), tuple(after))
                    if scored_in.get(key) == window:
                        continue  # the change was elsewhere in the chunk: the trigram model cannot see it
                    scored_in[key] = window
                    observed = [t.heard for t in groups[chunk_number][first:last]]
                    possessed = bool(groups[chunk_number][last - 1].clitic)
                    stale[key] = None
                    for option in self._gains(before, observed, after, span_options, possessed):
                        pair = (option.observed, option.candidate.wording)
                        refuting[pair] += 1 if option.gain <= CONTRADICTING_GAIN else -1
                        recount[pair] = None
            # A pair refuted in any place counts against that pair in every place (see the module docstring).
            for pair in recount:
                value = math.log(refuting[pair] + 1)
                pair_options = by_pair[pair]
                if pair_options[0].contradicted != value:
                    for option in pair_options:
                        option.contradicted = value
                        stale[(option.chunk, option.first, option.last)] = None
            if round_number == 0:
                # A possessive noun is examined (the seed's spinner swaps them) but is no place in the estimate:
                # most spinners look up whitespace-delimited words, and "minister’s" is in no thesaurus.
                rate = self._strong_evidence_share(
                    {key: value for key, value in by_span.items() if not groups[key[0]][key[2] - 1].clitic}
                )
                prior = math.log(rate) - math.log(w.initial_rate)
                for option in options:
                    option.prior = prior
            chosen = resettle(stale)
            made: dict[tuple[str, str], set[int]] = {}  # per pair, the options that make it now
            for o in chosen:
                if self._makes_its_swap(o):
                    made.setdefault((o.observed, o.candidate.wording), set()).add(id(o))
            stale = {}
            for pair in sorted(made.keys() | repeats.keys()):
                places = made.get(pair, set())
                if places != repeats.get(pair):
                    for option in by_pair.get(pair, ()):
                        # The other places: a change the engine makes here is no evidence for itself.
                        value = math.log(len(places) + 1 - (id(option) in places))
                        if option.repeats != value:
                            option.repeats = value
                            stale[(option.chunk, option.first, option.last)] = None
            repeats = made
            restored = self._restored(groups, resettle(stale))
            changed = {number for number, row in enumerate(restored) if row != current[number]}
            current = restored
            if progress:
                progress(0.5 + 0.5 * (round_number + 1) / w.rounds)
        return groups, options, rate

    @staticmethod
    def _makes_its_swap(option: Option) -> bool:
        """Whether a chosen option counts as the article making its swap, for the same swap elsewhere (``repeats``):
        the engine makes the change and its own context does not speak against it. A topic word repeated through a
        heavily spun article ("the rule" -> "the normal" eight times) is changed on the article's prior alone; such
        places propping each other up flagged honest words (benchmarks/README.md, "A swap its context opposes").

        A place whose context makes a close link far likelier (``STRONG_GAIN``; a synonym, similar word, more
        general or more specific term, or a book's swap; no sibling, usage neighbour or name) counts too, flagged or
        not, unless the article refutes the pair elsewhere: a consistent spinner's swap ("explained" for "said" at
        every place) in a lightly spun article never got flagged on that article's prior, so its places could not
        vouch for each other (benchmarks/README.md, "A consistent swap vouches for itself"). Not at the start of a
        stretch: the model hears no words before it there, and a frequent word wins on frequency ("Engineers said"
        -> "People said")."""
        return (option.span_log_odds > 0 and option.gain >= 0.0) or (
            option.gain >= STRONG_GAIN and option.candidate.relation in VOUCHING_RELATIONS and not option.name_repair
            and not option.contradicted and option.first > 0
        )

    @staticmethod
    def _restored(groups: list[list[Token]], chosen: list[Option]) -> list[list[str]]:
        """The chunks' words with every change the engine currently believes in ("" where a phrase was swallowed)."""
        restored = [[t.heard for t in chunk] for chunk in groups]
        for option in chosen:
            if option.span_log_odds > 0:
                length = option.last - option.first
                wording = option.candidate.wording
                if groups[option.chunk][option.last - 1].clitic:
                    wording = possessive(wording)
                restored[option.chunk][option.first : option.last] = [wording] + [""] * (length - 1)
        return restored

    def analyze(self, text: str, progress: Callable[[float], None] | None = None) -> Analysis:
        """The suggestions for a text. A text longer than a section is analysed a section at a time, each as an
        article of its own (see reader/core/sections.py), so that memory stays bounded."""
        _refuse_too_long(text)
        # HTML character references and mojibake left in the text ("Russia&#8217;s", "Russiaâ€™s") are read as their
        # characters; what is found is mapped back to the text as given.
        decoded = read_through(text)
        if decoded is None:
            return self._analyze_text(text, progress)
        inner = self._analyze_text(decoded.text, progress)
        return Analysis(text, tuple(decoded.mapped(s, text) for s in inner.suggestions), inner.words)

    def _analyze_text(self, text: str, progress: Callable[[float], None] | None) -> Analysis:
        # Words disguised with look-alike letters of another script are read in Latin letters (offsets hold).
        masks = disguised(text)
        plain = unmasked(text, masks) if masks else text
        # A web page's furniture ("Advertisement", "Read more: ...", a byline) is no wording of the article's.
        plain = without_furniture(plain)
        # once: a text of one section is analysed with these same tokens
        tokens = join_broken_words(plain, tokenize(plain), self.context.known)
        spans = sections(plain, SECTION_WORDS, tokens)
        suggestions: list[Suggestion] = []
        words = 0
        for number, (start, end) in enumerate(spans):
            part = _part_progress(progress, number, len(spans))
            found, counted = self._analyze_article(plain[start:end], part, tokens if len(spans) == 1 else None)
            words += counted
            suggestions.extend(replace(s, start=s.start + start, end=s.end + start) for s in found)
        if masks:
            suggestions = _with_disguises(text, suggestions, masks)
        return Analysis(text=text, suggestions=tuple(suggestions), words=words)

    @collector_paused()
    def _analyze_article(
        self, text: str, progress: Callable[[float], None] | None = None, tokens: list[Token] | None = None
    ) -> tuple[tuple[Suggestion, ...], int]:
        """The suggestions for one article's text, with the confidence the reader sees, and its word count."""
        suggestions, relations, words, staged, word_swaps = self.reported(text, progress, tokens)
        if self.weights.confidence:
            # The article as a whole is evidence too: the share of its words flagged (see Reported.staged).
            share = calibration_share(suggestions, words)
            shown = self.weights.shown_confidence
            suggestions = [
                replace(s, confidence=shown(s.confidence, share, relation)) if judged else s
                for s, relation, judged in zip(suggestions, relations, staged, strict=True)
            ]
        # One suggestion per word where the change swapped each word on its own, so each is judged where it was made.
        parts: list[Suggestion] = []
        for suggestion, swaps in zip(suggestions, word_swaps, strict=True):
            parts += word_by_word(suggestion) if swaps else (suggestion,)
        return tuple(parts), words

    def reported(
        self, text: str, progress: Callable[[float], None] | None = None, tokens: list[Token] | None = None
    ) -> Reported:
        """The suggestions reported, in text order, with their raw confidence, and how each replacement is linked
        to the published word (its relation), which the confidence stage reads too."""
        groups, options, rate = self.options(text, progress, tokens)
        by_span = self._spans(options)
        chosen = self._non_overlapping(self._settle_spans(by_span).values())
        spell = british_wording if _writes_british(groups) else str
        reported = [
            o
            for o in sorted(chosen, key=lambda o: groups[o.chunk][o.first].start)
            if _sigmoid(o.span_log_odds) >= self.weights.report_floor
        ]
        suggestions = [
            self._suggestion(text, o, groups[o.chunk], by_span[(o.chunk, o.first, o.last)], rate, spell)
            for o in reported
        ]
        words = sum(len(chunk) for chunk in groups)  # the chunks hold every token but punctuation
        return Reported(
            suggestions,
            [o.candidate.relation for o in reported],
            words,
            [not (o.article_fit or o.candidate.relation == "tortured") for o in reported],
            [self._swaps_word_by_word(o) for o in reported],
        )

    def _swaps_word_by_word(self, option: Option) -> bool:
        """Whether a change of several words swaps each word for one of that word's own candidates ("protection
        division" -> "defense department"): several substitutions, not one phrase rewritten ("in any respect" -> "at
        all"), nor a head word's swap that takes another preposition with it ("conversant in" -> "familiar with")."""
        words, wording = option.observed.split(), option.candidate.wording.split()
        if len(words) < 2 or len(words) != len(wording) or option.candidate.governed:
            return False
        candidates = self.finder.word_candidates
        return all(any(c.wording == new for c in candidates(old)) for old, new in zip(words, wording, strict=True))

    def _strong_evidence_share(self, by_span: dict[tuple[int, int, int], list[Option]]) -> float:
        """Share of the article's spans where a close synonym is far likelier in context, as published.

        Measured before any weight is applied, so it cannot feed on itself: about 2-3% in honest news, 15% and
        more in spun copies. It sets the prior of every suggestion in the article.
        """
        # Not a rewrite: the rewriters' odd synonyms are ordinary English ("firm" for "company"), and counting them
        # raised the estimate of honest 1961 news (benchmarks/README.md, "Phrase-level rewriters").
        close = ("synonym", "similar", "pattern")
        strong = total = 0
        for span_options in by_span.values():
            if span_options[0].unknown:
                continue  # the model cannot judge a word it has never seen: the place tells nothing either way
            # A synonym linked only through another part of speech than the word has here is no close synonym.
            gains = [
                o.gain
                for o in span_options
                if o.candidate.relation in close and not o.pos_clash and not o.mended_elsewhere
            ]
            if gains:
                total += 1
                strong += max(gains) >= STRONG_GAIN
        pseudo = self.weights.rate_pseudo
        return (strong + pseudo * self.weights.initial_rate) / (total + pseudo)

    def _settler(self) -> Callable[[list[Option]], Option]:
        """A function that scores one span's options from their current evidence and returns its best option.

        The best is the likeliest original (by rank score); it carries the span's calibrated log-odds of being
        substituted at all, from the summed odds of every candidate. Written out, not via Weights.combine: this is
        the engine's hot loop.
        """
        w = self.weights
        w_gain, w_unknown, w_prior, w_repeats, w_contra = (w.coefficients.get(name, 0.0) for name in DYNAMIC_FEATURES)
        r_gain, r_unknown, r_prior, r_repeats, r_contra = (
            w.ranking_coefficients.get(name, 0.0) for name in DYNAMIC_FEATURES
        )
        separate_ranking = bool(w.ranking)
        detection_log_odds = w.detection_log_odds
        exp = math.exp

        def settle(span_options: list[Option]) -> Option:
            best = span_options[0]
            total = 0.0
            for option in span_options:
                if option.mended_elsewhere and not option.repeats:
                    option.log_odds = option.rank_score = -math.inf
                    continue  # no evidence until the article makes the swap in a name (``_mended_elsewhere``)
                log_odds = option.static + (
                    w_gain * option.gain + w_unknown * option.unknown + w_prior * option.prior
                    + w_repeats * option.repeats + w_contra * option.contradicted
                )
                option.log_odds = log_odds
                option.rank_score = (
                    option.static_rank
                    + (
                        r_gain * option.gain + r_unknown * option.unknown + r_prior * option.prior
                        + r_repeats * option.repeats + r_contra * option.contradicted
                    )
                    if separate_ranking
                    else log_odds  # without a ranking model, detection ranks
                )
                total += exp(log_odds if log_odds < 50.0 else 50.0)
                if option.rank_score > best.rank_score:
                    best = option
            best.span_log_odds = detection_log_odds(math.log(total) if total > 0 else -math.inf, best.prior)
            return best

        return settle

    @staticmethod
    def _spans(options: list[Option]) -> dict[tuple[int, int, int], list[Option]]:
        """Options grouped by span (chunk, first, last), in the order the spans first occur."""
        by_span: dict[tuple[int, int, int], list[Option]] = {}
        for option in options:
            by_span.setdefault((option.chunk, option.first, option.last), []).append(option)
        return by_span

    def _settle_spans(self, by_span: dict[tuple[int, int, int], list[Option]]) -> dict[tuple[int, int, int], Option]:
        """Each span's best option, scored from the options' current evidence (see ``_settler``)."""
        settle = self._settler()
        return {key: settle(span_options) for key, span_options in by_span.items()}

    def _best_per_span(self, options: list[Option]) -> dict[tuple[int, int, int], Option]:
        return self._settle_spans(self._spans(options))

    @staticmethod
    def _non_overlapping(options: Iterable[Option]) -> list[Option]:
        taken: dict[int, list[tuple[int, int]]] = {}
        chosen: list[Option] = []
        for option in sorted(options, key=lambda o: -o.span_log_odds):
            spans = taken.setdefault(option.chunk, [])
            if any(option.first < b and a < option.last for a, b in spans):
                continue
            spans.append((option.first, option.last))
            chosen.append(option)
        return chosen

    @staticmethod
    def _consistency_reasons(option: Option) -> tuple[str, ...]:
        """What the rest of the article says about the same swap (the ``repeats`` and ``contradicted`` evidence)."""
        reasons = []
        others = round(math.exp(option.repeats)) - 1
        if others:
            reasons.append(
                f"The article makes this same change in {counted(others, 'other place')} (or its context there calls "
                "for it far more)."
            )
        refuted = round(math.exp(option.contradicted)) - 1
        if refuted:
            reasons.append(
                f"In {counted(refuted, 'place')} in this article the context fits '{option.observed}' far better than "
                f"'{option.candidate.wording}', which counts against this change."
            )
        return tuple(reasons)

    @staticmethod
    def _context_reason(option: Option) -> str:
        """What the context says of the change, in the reader's words: for it, nothing either way, or against it
        (a change the article's other evidence carries although the context prefers the published wording)."""
        factor = math.exp(min(option.gain, 50))
        if option.counts:
            return (
                f"'{option.observed}' counts the noun after it: news spells out a count under ten, and a figure "
                "there is rare in honest news."
            )
        if option.unknown:
            if factor >= 1.5:  # only an artefact the pattern book lists gains here
                return (
                    f"'{option.observed}' never occurs in the English usage statistics, and rewriters are known to "
                    "write it for this wording, which fits the context."
                )
            return f"'{option.observed}' never occurs in the English usage statistics, so the context tells nothing."
        if factor >= 1.5:
            return f"The context makes it {factor:,.0f} times likelier than the published wording."
        if factor <= 1 / 1.5:
            return f"The context fits the published wording {1 / factor:,.0f} times better, which counts against it."
        return "The context fits it about as well as the published wording."

    def _suggestion(
        self,
        text: str,
        option: Option,
        chunk: list[Token],
        rivals: list[Option],
        rate: float,
        spell: Callable[[str], str] = str,
    ) -> Suggestion:
        """The reader's view of a span's best option; ``spell`` writes wordings in the article's spelling."""
        start = chunk[option.first].start
        end = chunk[option.last - 1].end
        if _ends_sentence_with_period(text, chunk, option.last):
            end -= 1  # "at 78 p.c. Officials said": the period ends the sentence too, and stays
        ranked = sorted((o for o in rivals if o.rank_score > -math.inf), key=lambda o: -o.rank_score)
        span = chunk[option.first : option.last]
        alternatives = tuple(dict.fromkeys(_match_case(span, spell(o.candidate.wording)) for o in ranked[:5]))
        context = self._context_reason(option)
        reasons = (
            f"'{option.candidate.wording}' is {RELATIONS[option.candidate.relation]} ({option.candidate.detail}).",
            context,
            f"In {rate:.0%} of this article's places a close synonym fits far better, which sets how much "
            "evidence a suggestion needs.",
        ) + self._consistency_reasons(option)
        if option.article_fit:
            reasons += (
                f"The article '{chunk[option.first - 1].text}' before it fits '{option.candidate.wording}' but not "
                f"'{text[start:end]}': spinners swap a word and leave the article before it.",
            )
        if option.pos_clash:
            reasons += (
                f"But '{option.candidate.wording}' is linked to '{option.observed}' only as another part of speech "
                "than the sentence uses here, which counts against it.",
            )
        return Suggestion(
            start=start,
            end=end,
            original=text[start:end],
            replacement=alternatives[0],
            alternatives=alternatives,
            confidence=_sigmoid(option.span_log_odds),
            reasons=reasons,
        )


def load_engine(notify: Callable[[str], None] | None = None, weights: Weights | None = None) -> Engine:
    """Load WordNet's index, the spinner patterns, the context model and the common words' candidate lists (about
    a second when cached; ``notify`` hears of slow first-use work such as building the index). ``weights``: other
    than the shipped ones (a benchmark's trial), which then choose each candidate's link too."""
    index, patterns, usage, context = load_index(notify), load_patterns(), load_usage(), ContextModel()
    chosen = load_weights() if weights is None else weights  # the engine's, and the ones that choose links
    finder = CandidateFinder(index, patterns, usage, chosen.coefficients, frequency=context.unigram)
    engine = Engine(finder, context, chosen, load_tagger())
    finder.store = load_store(finder, context, notify, engine.store_ranking())
    return engine


def _refuse_too_long(text: str) -> None:
    """Larger input is refused with a message, not left to run for many minutes."""
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"the text is too long to analyse ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})")


def _part_progress(
    progress: Callable[[float], None] | None, number: int, parts: int
) -> Callable[[float], None] | None:
    """The progress callback of one part of a job in ``parts`` equal parts."""
    if progress is None:
        return None
    report = progress
    return lambda done: report((number + done) / parts)
