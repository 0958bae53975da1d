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
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from reader.core.articles import Sound, fits_sound, misfit_sound
from reader.core.candidate_store import load_store
from reader.core.candidates import CandidateFinder
from reader.core.collector import collector_paused
from reader.core.context_model import SPOKEN_FIGURES, ContextModel
from reader.core.dialect import american_only, british_wording
from reader.core.disguise import disguised, unmasked, with_disguises
from reader.core.explain import sigmoid, suggestion_of
from reader.core.furniture import without_furniture
from reader.core.headlines import body_names, in_capitals, runs_of, title_cased_lines
from reader.core.name_repair import NameRepair
from reader.core.names import acronym_hints, is_name_word, name_runs, run_holding
from reader.core.option import Option
from reader.core.patterns import CURATED_RELATIONS, load_patterns
from reader.core.readthrough import read_through
from reader.core.sections import sections
from reader.core.settling import Settling
from reader.core.suggestion import Analysis, Suggestion, calibration_share, word_by_word
from reader.core.tagger import PROGRESSIVE, Tagger, load_tagger
from reader.core.text_shape import (
    all_capitals,
    article_names,
    article_writes_british,
    hyphenated,
    in_lower_case,
    spannable,
    title_cased,
)
from reader.core.tokens import Kind, Token, chunks, join_broken_words, only_space, possessive, tokenize
from reader.core.usage import load_usage
from reader.core.weights import Weights, load_weights
from reader.core.wordnet_index import load_index

UNKNOWN_GAIN_CAP = 0.0  # nats: no context evidence for replacing a word the model has never seen
CONTRADICTING_GAIN = -3.0  # nats: where the published word fits this much better, the pair was not swapped
NOUN_OPENERS = frozenset({"DET", "ADJ", "NUM"})  # tags of a word after which a noun's place opens
POSSESSIVE_PRONOUNS = frozenset("my your his her its our their".split())
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
BE_FORMS = frozenset("is are was were be been being am".split())
HAVE_FORMS = frozenset("has have had having".split())
MAX_SPAN = 4
MAX_TEXT_CHARS = 500_000  # about 80,000 words: a long report; larger input is refused, not left to hang
SECTION_WORDS = 5_000  # a long news article is analysed whole; a longer text a section at a time
_FIGURE = re.compile(r"[\d.,:]+")


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


class Engine(NameRepair, Settling):
    """The detector. Its candidate lists (``CandidateRanking``), name repair (``NameRepair``) and the weighing of
    what it has scored (``Settling``) live in modules of their own; here the options of an article are made, scored
    in context round by round, and reported."""

    def __init__(
        self, finder: CandidateFinder, context: ContextModel, weights: Weights, tagger: Tagger | None = None
    ) -> None:
        super().__init__(finder, context, weights)
        self.tagger = tagger  # without one, parts of speech are no evidence

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
        looked_up = [spannable(text, token, capitals) for token in chunk]
        # A word that may extend a span: a spinner's phrase is words in a row, so nothing but white space comes
        # before it ("testing, with" is no phrase, and replacing it would drop the comma).
        joinable = [
            ok and token.kind is Kind.WORD and (index == 0 or only_space(text[chunk[index - 1].end : token.start]))
            for index, (token, ok) in enumerate(zip(chunk, looked_up, strict=True))
        ]
        for first in range(len(chunk)):
            if not looked_up[first]:
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
        "web-based media"): a thesaurus spinner leaves compounds alone (see ``spannable``), but phrase-level
        rewriters write these, and only the book names them."""
        by_wording, longest = self.finder.patterns.by_wording, self._longest_span()
        options: list[Option] = []
        for first in range(len(chunk) - 1):
            if hyphenated(text, chunk, first - 1) or not hyphenated(text, chunk, first):
                continue  # not where a compound starts
            phrase = words[first]
            for last in range(first + 1, min(first + longest, len(chunk))):
                joined = hyphenated(text, chunk, last - 1)
                if not joined and (chunk[last - 1].clitic or chunk[last].kind is not Kind.WORD):
                    break
                phrase += ("-" if joined else " ") + words[last]
                if by_wording.get(phrase) and not hyphenated(text, chunk, last):
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
        tags = self.tagger.tag_tokens(in_lower_case(tokens, groups, headlines, kept_names)) if self.tagger else {}
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
        if article_writes_british(groups):
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
            suggestions = with_disguises(text, suggestions, masks)
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
        spell = british_wording if article_writes_british(groups) else str
        reported = [
            o
            for o in sorted(chosen, key=lambda o: groups[o.chunk][o.first].start)
            if sigmoid(o.span_log_odds) >= self.weights.report_floor
        ]
        suggestions = [
            suggestion_of(text, o, groups[o.chunk], by_span[(o.chunk, o.first, o.last)], rate, spell)
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
