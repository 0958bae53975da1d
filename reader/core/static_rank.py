"""A phrase's candidates ranked before context, by their static score.

The engine ranks every phrase it meets this way and keeps the best few; the candidate store keeps the same ranking
for the common words, made once (``reader.core.candidate_store``), as scoring a word's whole neighbourhood the first
time it is met was about a tenth of an analysis (benchmarks/README.md, "Speed (session 38)"). Both rank through
``StaticRanker``, so a stored ranking is the one the engine would make, and the store is keyed by this module's code
and by ``ranking_key``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import NamedTuple

from reader.core.candidates import Candidate
from reader.core.context_model import UNKNOWN
from reader.core.option import DYNAMIC_FEATURES, static_features, static_scorer
from reader.core.patterns import CURATED_RELATIONS
from reader.core.ranked import Ranked
from reader.core.weights import Weights


class StoreRanking(NamedTuple):
    """What the candidate store needs to keep the common words' rankings: the weights' ``ranking_key``, and a
    function of a form and its candidates giving their ``linked_parts`` and the ranking within reach of the cut."""

    key: str
    rank: Callable[[str, tuple[Candidate, ...]], tuple[str, Ranked]]


def linked_parts(found: Iterable[Candidate]) -> str:
    """The parts of speech through which any WordNet candidate is linked to the phrase ("nv")."""
    return "".join(sorted({pos for candidate in found for pos in candidate.parts_of_speech}))


def wording_frequency(unigram: Callable[[str], float], phrase: str) -> float:
    """Out-of-context log frequency of a wording: its words' unigram log probabilities, averaged."""
    words = phrase.split()
    return sum(max(unigram(word), UNKNOWN) for word in words) / len(words)


def ranking_key(weights: Weights) -> str:
    """A digest of every weight a static ranking depends on: not the context evidence's (a refitted ``gain`` or
    confidence stage ranks every phrase as before)."""
    static = {name: value for name, value in weights.coefficients.items() if name not in DYNAMIC_FEATURES}
    ranking = {name: value for name, value in weights.ranking.items() if name not in DYNAMIC_FEATURES}
    numbers = [weights.rare_floor, weights.rarity_slack, weights.max_candidates]
    text = json.dumps([static, ranking, numbers], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


class StaticRanker:
    """Ranks candidates for one set of weights; ``known`` and ``frequency`` are the context model's judgement of a
    wording (the engine's cached ones)."""

    def __init__(self, weights: Weights, known: Callable[[str], bool], frequency: Callable[[str], float]) -> None:
        self.weights = weights
        self.key = ranking_key(weights)
        self._known = known
        self._frequency = frequency
        # Without a ranking model one score both detects and ranks: a closure adds it up fast.
        self._fast = None if weights.ranking else static_scorer(weights.coefficients)

    def scored(self, phrase: str, found: Iterable[Candidate]) -> Ranked:
        """Every candidate the context model can judge, with its static scores before parts of speech, best first."""
        observed = self._frequency(phrase)
        weights = self.weights
        floor = min(observed, weights.rare_floor) - weights.rarity_slack
        kept = []
        multiword = " " in phrase
        known, frequency, fast = self._known, self._frequency, self._fast
        for candidate in found:
            if candidate.relation == "number" or candidate.relation in CURATED_RELATIONS:
                wording_frequency = frequency(candidate.wording)
            elif not known(candidate.wording) or (wording_frequency := frequency(candidate.wording)) < floor:
                continue
            commonness = wording_frequency - observed
            if fast is not None:
                static = static_rank = fast(candidate, commonness, multiword)
            else:
                static, static_rank = weights.static_scores(static_features(candidate, commonness, multiword))
            kept.append((candidate, commonness, static, static_rank))
        kept.sort(key=lambda entry: -entry[2])
        return tuple(kept)

    def stored(self, phrase: str, found: tuple[Candidate, ...]) -> Ranked:
        """What the store keeps of a ranking: the part ``within_reach``."""
        return self._within_reach(self.scored(phrase, found)) if found else ()

    def _within_reach(self, scored: Ranked) -> Ranked:
        """The head of a ranking that can make the cut of ``max_candidates`` once a part-of-speech clash moves some
        candidates by the ``pos_clash`` weight (``CandidateRanking._ranked_uncached``): the rest never can."""
        cut = self.weights.max_candidates
        if len(scored) <= cut:
            return scored
        reach = scored[cut - 1][2] - abs(self.weights.coefficients.get("pos_clash", 0.0))
        return tuple(entry for entry in scored if entry[2] >= reach)
