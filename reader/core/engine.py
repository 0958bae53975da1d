"""The detector: score every candidate wording in its context and turn the likely ones into suggestions.

A noisy-channel view: the original wording c was replaced by the observed w with some probability
(the article's spin rate, times how a thesaurus reaches w from c); the context model says how much likelier the
sentence is with c. The spin rate is estimated per article (EM), so a heavily spun article lets subtle
substitutions through while an honest one needs overwhelming evidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.core.candidates import RELATIONS, Candidate, CandidateFinder
from reader.core.context_model import UNKNOWN, ContextModel
from reader.core.patterns import load_patterns
from reader.core.suggestion import Analysis, Suggestion
from reader.core.tokens import Kind, Token, chunks, tokenize, word_count
from reader.core.weights import Weights, load_weights
from reader.core.wordnet_index import load_index

MAX_SPAN = 4
MAX_CANDIDATES = 40
MAX_TEXT_CHARS = 5_000_000


@dataclass(slots=True)
class Option:
    """One candidate at one place, with its features; ``log_odds`` is recomputed as the context settles."""

    chunk: int
    first: int  # token index within the chunk
    last: int  # exclusive
    candidate: Candidate
    gain: float = 0.0  # ln P(sentence with candidate) - ln P(sentence as published)
    commonness: float = 0.0  # ln P(candidate) - ln P(observed), out of context
    log_odds: float = -math.inf


def _match_case(template: str, wording: str) -> str:
    if template.isupper() and len(template) > 1:
        return wording.upper()
    if template[:1].isupper():
        return wording[:1].upper() + wording[1:]
    return wording


def _sigmoid(x: float) -> float:
    if x < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


class Engine:
    def __init__(self, finder: CandidateFinder, context: ContextModel, weights: Weights) -> None:
        self.finder = finder
        self.context = context
        self.weights = weights

    # -- candidate generation ----------------------------------------------------------------------------
    def _spannable(self, token: Token, at_start: bool) -> bool:
        if token.kind is Kind.NUMBER:
            return True
        return not token.is_all_caps

    def _options_for_chunk(self, number: int, chunk: list[Token]) -> list[Option]:
        words = [t.norm for t in chunk]
        options: list[Option] = []
        for first in range(len(chunk)):
            if not self._spannable(chunk[first], first == 0):
                continue
            for length in range(1, MAX_SPAN + 1):
                last = first + length
                if last > len(chunk) or any(t.kind is not Kind.WORD for t in chunk[first + 1 : last]):
                    break
                phrase = " ".join(words[first:last])
                found = self.finder.word_candidates(phrase) if length == 1 else self.finder.phrase_candidates(phrase)
                kept = self._keep(phrase, found)
                observed_frequency = self._frequency(phrase)
                options.extend(
                    Option(number, first, last, c, commonness=self._frequency(c.wording) - observed_frequency)
                    for c in kept
                )
        return options

    def _frequency(self, phrase: str) -> float:
        """Out-of-context log frequency of a wording: its words' unigram log probabilities, averaged."""
        words = phrase.split()
        return sum(max(self.context.unigram(word), UNKNOWN) for word in words) / len(words)

    def _keep(self, phrase: str, found: tuple[Candidate, ...]) -> list[Candidate]:
        """Candidates the context model can judge, common enough to have been the original."""
        if not found:
            return []
        observed = self.context.unigram(phrase.split()[0]) if phrase.split()[0] else UNKNOWN
        floor = min(observed, self.weights.rare_floor) - self.weights.rarity_slack
        kept = []
        for candidate in found:
            if candidate.relation in ("number", "tortured", "pattern"):
                kept.append((0.0, candidate))
                continue
            if not self.context.known(candidate.wording):
                continue
            frequency = self.context.unigram(candidate.wording.split()[0])
            if frequency < floor:
                continue
            kept.append((-frequency, candidate))
        kept.sort(key=lambda pair: pair[0])
        return [c for _, c in kept[:MAX_CANDIDATES]]

    # -- scoring -----------------------------------------------------------------------------------------
    def _gain(self, words: list[str], option: Option, observed: list[str]) -> float:
        """How much likelier the chunk is with the candidate in place of the observed words (nats).

        Digits are unknown to the context model, so a spelled-out number gets no context evidence either way.
        """
        if option.candidate.relation == "number":
            return 0.0
        replacement = option.candidate.wording.split()
        before = words[: option.first]
        after = words[option.last :]
        new = self.context.score(before + replacement + after, len(before), len(before) + len(replacement) + 2)
        old = self.context.score(before + observed + after, len(before), len(before) + len(observed) + 2)
        return new - old

    def analyze(self, text: str, progress: Callable[[float], None] | None = None) -> Analysis:
        if len(text) > MAX_TEXT_CHARS:
            raise ValueError(f"the text is too long to analyse ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})")
        tokens = tokenize(text)
        groups = chunks(text, tokens)
        words_total = word_count(text)
        options: list[Option] = []
        for number, chunk in enumerate(groups):
            options.extend(self._options_for_chunk(number, chunk))
            if progress and number % 50 == 0:
                progress(0.5 * number / max(len(groups), 1))
        w = self.weights
        current = [[t.norm for t in chunk] for chunk in groups]
        rate = w.initial_rate
        best: dict[tuple[int, int, int], Option] = {}
        for round_number in range(w.rounds):
            prior = math.log(rate / (1 - rate))
            for option in options:
                chunk_words = current[option.chunk]
                observed = [t.norm for t in groups[option.chunk][option.first : option.last]]
                context_words = chunk_words[: option.first] + observed + chunk_words[option.last :]
                # Context: the current best restoration around the span, the observed words inside it.
                option.gain = self._gain(context_words, option, observed)
                option.log_odds = self._log_odds(option, groups[option.chunk], prior)
            best = self._best_per_span(options)
            chosen = self._non_overlapping(best.values())
            consistency = Counter(
                (" ".join(t.norm for t in groups[o.chunk][o.first : o.last]), o.candidate.wording) for o in chosen
            )
            for option in best.values():
                key = (" ".join(t.norm for t in groups[option.chunk][option.first : option.last]),
                       option.candidate.wording)
                option.log_odds += w.consistency * math.log(consistency.get(key, 0) + 1)
            chosen = self._non_overlapping(best.values())
            spinnable = len({(o.chunk, o.first) for o in options}) or 1
            expected = sum(_sigmoid(o.log_odds) for o in chosen)
            rate = min(0.6, max(0.002, (expected + w.rate_pseudo * w.initial_rate) / (spinnable + w.rate_pseudo)))
            current = [[t.norm for t in chunk] for chunk in groups]
            for option in sorted(chosen, key=lambda o: (o.chunk, -o.first)):
                if option.log_odds > 0:
                    row = current[option.chunk]
                    row[option.first : option.last] = option.candidate.wording.split()
                    # later spans in this chunk shift; applying right to left keeps earlier indices valid
            if progress:
                progress(0.5 + 0.5 * (round_number + 1) / w.rounds)
        by_span: dict[tuple[int, int, int], list[Option]] = {}
        for option in options:
            by_span.setdefault((option.chunk, option.first, option.last), []).append(option)
        suggestions = [
            self._suggestion(text, o, groups[o.chunk], by_span[(o.chunk, o.first, o.last)], rate)
            for o in sorted(self._non_overlapping(best.values()), key=lambda o: groups[o.chunk][o.first].start)
            if _sigmoid(o.log_odds) >= w.report_floor
        ]
        return Analysis(text=text, suggestions=tuple(suggestions), words=words_total)

    def _log_odds(self, option: Option, chunk: list[Token], prior: float) -> float:
        w = self.weights
        relation = option.candidate.relation
        first = chunk[option.first]
        z = w.gain * option.gain + w.commonness * max(option.commonness, -10.0) + w.prior * prior + w.bias
        z += w.relation.get(relation, -5.0)
        if first.is_capitalized and option.first > 0 and relation not in ("tortured",):
            z += w.capitalized
        if option.last - option.first > 1:
            z += w.multiword
        return z

    @staticmethod
    def _best_per_span(options: list[Option]) -> dict[tuple[int, int, int], Option]:
        best: dict[tuple[int, int, int], Option] = {}
        for option in options:
            key = (option.chunk, option.first, option.last)
            if key not in best or option.log_odds > best[key].log_odds:
                best[key] = option
        return best

    @staticmethod
    def _non_overlapping(options: Iterable[Option]) -> list[Option]:
        taken: dict[int, list[tuple[int, int]]] = {}
        chosen: list[Option] = []
        for option in sorted(options, key=lambda o: -o.log_odds):
            spans = taken.setdefault(option.chunk, [])
            if any(option.first < b and a < option.last for a, b in spans):
                continue
            spans.append((option.first, option.last))
            chosen.append(option)
        return chosen

    def _suggestion(
        self, text: str, option: Option, chunk: list[Token], rivals: list[Option], rate: float
    ) -> Suggestion:
        start = chunk[option.first].start
        end = chunk[option.last - 1].end
        ranked = sorted(rivals, key=lambda o: -o.log_odds)
        alternatives = tuple(
            dict.fromkeys(_match_case(chunk[option.first].text, o.candidate.wording) for o in ranked[:5])
        )
        factor = math.exp(min(option.gain, 50))
        reasons = (
            f"'{option.candidate.wording}' is {RELATIONS[option.candidate.relation]} ({option.candidate.detail}).",
            f"The context makes it {factor:,.0f} times likelier than the published wording."
            if factor >= 1.5
            else "The context fits it about as well as the published wording.",
            f"This article looks {rate:.0%} spun, which sets how much evidence a suggestion needs.",
        )
        return Suggestion(
            start=start,
            end=end,
            original=text[start:end],
            replacement=alternatives[0],
            alternatives=alternatives,
            confidence=_sigmoid(option.log_odds),
            reasons=reasons,
        )


def load_engine() -> Engine:
    """Load WordNet's index, the spinner patterns and the context model (about a second when cached)."""
    return Engine(CandidateFinder(load_index(), load_patterns()), ContextModel(), load_weights())
