"""One candidate wording at one place of the article, with the evidence the engine weighs for it."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reader.core.candidates import RELATION_NAMES, Candidate

WORDNET_RELATIONS = frozenset(RELATION_NAMES)  # the relations a candidate may have through WordNet itself
DYNAMIC_FEATURES = ("gain", "unknown", "prior", "repeats", "contradicted")  # the keys of Option.dynamic_features()


@dataclass(slots=True)
class Option:
    """One candidate at one place, with its features; ``log_odds`` is recomputed as the context settles."""

    chunk: int
    first: int  # token index within the chunk
    last: int  # exclusive
    candidate: Candidate
    observed: str = ""  # the published words of the span, lower case
    gain: float = 0.0  # ln P(sentence with candidate) - ln P(sentence as published)
    commonness: float = 0.0  # ln P(candidate) - ln P(observed), out of context
    unknown: float = 0.0  # 1 when the context model does not know an observed word
    prior: float = 0.0  # the article's spin log-odds when last scored
    repeats: float = 0.0  # log(1 + other places where the article makes this same substitution)
    contradicted: float = 0.0  # log(1 + places where the article keeps this word and context refutes the swap)
    name_repair: float = 0.0  # 1 when the change mends a multiword name WordNet knows (White Home)
    pos_clash: float = 0.0  # 1 when the candidate is linked to the published word only through another part of speech
    counts: bool = False  # a figure that counts the noun after it ("the 2 leaders"), where news spells it out
    article_fit: bool = False  # "a"/"an" before the span fits this candidate but not the published word ("an vital")
    mended_elsewhere: bool = False  # a name's word the article may mend in another name: judged once it does
    log_odds: float = -math.inf
    rank_score: float = -math.inf  # how likely this candidate is the original, if the span was substituted
    span_log_odds: float = -math.inf  # log-odds that the span was substituted at all (any candidate)

    static: float = 0.0  # the part of the log-odds that does not depend on context (computed once)
    static_rank: float = 0.0  # the same for the rank score

    def features(self) -> dict[str, float]:
        """The evidence for this option, by name; Weights.combine turns it into log-odds."""
        return {**self.dynamic_features(), **self.static_features()}

    def dynamic_features(self) -> dict[str, float]:
        """Evidence that changes as the restoration around the option settles."""
        return {
            "gain": self.gain, "unknown": self.unknown, "prior": self.prior, "repeats": self.repeats,
            "contradicted": self.contradicted,
        }

    def static_features(self) -> dict[str, float]:
        return static_features(
            self.candidate, self.commonness, self.last - self.first > 1, self.name_repair, self.pos_clash, self.counts,
            self.article_fit,
        )


def static_features(
    candidate: Candidate,
    commonness: float,
    multiword: bool,
    name_repair: float = 0.0,
    pos_clash: float = 0.0,
    counts: bool = False,
    article_fit: bool = False,
) -> dict[str, float]:
    """The evidence that does not depend on context (``Option.static_features``); a function, so that ranking a
    phrase's candidates needs no Option per candidate."""
    return {
        "commoner": min(max(commonness, 0.0), 10.0),
        "rarer": max(min(commonness, 0.0), -10.0),
        "observed_sense": math.log1p(candidate.observed_sense),
        "candidate_sense": math.log1p(candidate.candidate_sense),
        "observed_rank": math.log1p(candidate.observed_rank),
        "candidate_rank": math.log1p(candidate.candidate_rank),
        "wordnet_link": float(candidate.relation in WORDNET_RELATIONS),
        "name_repair": name_repair,
        "pos_clash": pos_clash,
        "multiword": float(multiword),
        "governed": float(candidate.governed),
        "counted_figure": float(counts),
        "article_fit": float(article_fit),
        f"relation:{candidate.relation}": 1.0,
    }


def static_scorer(coefficients: dict[str, float]) -> Callable[[Candidate, float, bool], float]:
    """``Weights.combine(static_features(candidate, commonness, multiword))`` for a phrase's own candidates (no
    name repair, clash, count or article evidence), without a dict per candidate: every candidate of every new
    phrase is scored. The terms are added in ``static_features``' order, so the sums are the same to the bit."""
    c = coefficients.get
    bias, commoner, rarer = c("bias", 0.0), c("commoner", 0.0), c("rarer", 0.0)
    observed_sense, candidate_sense = c("observed_sense", 0.0), c("candidate_sense", 0.0)
    observed_rank, candidate_rank = c("observed_rank", 0.0), c("candidate_rank", 0.0)
    wordnet_link, multiword_weight, governed = c("wordnet_link", 0.0), c("multiword", 0.0), c("governed", 0.0)
    relation_weight = {name[len("relation:") :]: value for name, value in coefficients.items()
                       if name.startswith("relation:")}
    log1p = math.log1p

    def score(candidate: Candidate, commonness: float, multiword: bool) -> float:
        total = commoner * min(max(commonness, 0.0), 10.0)
        total += rarer * max(min(commonness, 0.0), -10.0)
        total += observed_sense * log1p(candidate.observed_sense)
        total += candidate_sense * log1p(candidate.candidate_sense)
        total += observed_rank * log1p(candidate.observed_rank)
        total += candidate_rank * log1p(candidate.candidate_rank)
        if candidate.relation in WORDNET_RELATIONS:
            total += wordnet_link
        if multiword:
            total += multiword_weight
        if candidate.governed:
            total += governed
        total += relation_weight.get(candidate.relation, 0.0)
        return bias + total

    return score
