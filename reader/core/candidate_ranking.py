"""Which candidates of a published word or phrase the engine scores in context: every source asked, ranked once by
static score (no context), cut to the best few, and kept per phrase in caches sized for a day of reading."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from reader.core.candidates import Candidate, CandidateFinder
from reader.core.context_model import ContextModel
from reader.core.option import Option
from reader.core.ranked import Entry, Ranked, RankedList
from reader.core.static_rank import StaticRanker, StoreRanking, linked_parts, wording_frequency
from reader.core.tagger import READINGS
from reader.core.weights import Weights

PREPOSITIONS = frozenset("with in on at to for of about from by upon into".split())
GOVERNED_HEADS = 8  # candidates of the head word tried with other prepositions
GOVERNED_MIN_LOGPROB = math.log(0.05)  # the preposition follows the candidate at least 5% of the time
# Ranked lists kept of single words (about 5 KB each): 12,000 took the longest text the engine accepts to 310 MB
# at its peak, over the 300 MB target (benchmarks/README.md, "Memory on the longest text")
RANKED_WORDS = 9_000
RANKED_GROUPS = 6_000  # ... and of word groups, mostly empty (4 MB)


def _clashes(candidate: Candidate, wanted: str) -> bool:
    """Whether a WordNet candidate is linked only through other parts of speech than ``wanted`` ("" allows any)."""
    return _parts_clash(candidate.parts_of_speech, wanted)


@cache  # a few dozen combinations of "nvar" letters, asked about every candidate of every word
def _parts_clash(links: str, wanted: str) -> bool:
    return bool(wanted) and bool(links) and not any(pos in wanted for pos in links)


class CandidateRanking:
    """The engine's candidate lists, per phrase and part of speech (see ``Engine``, which is one)."""

    def __init__(self, finder: CandidateFinder, context: ContextModel, weights: Weights) -> None:
        # The engine's first base to take these: it passes nothing on (``Settling`` and ``object`` take no arguments).
        self.finder = finder
        self.context = context
        self.weights = weights
        # Single words and word groups apart: most groups an article holds are met once and offer nothing, and in one
        # cache they pushed out the words, which recur (benchmarks/README.md, "Speed (session 37)").
        self._ranked_words = lru_cache(maxsize=RANKED_WORDS)(self._ranked_uncached)
        self._ranked_groups = lru_cache(maxsize=RANKED_GROUPS)(self._ranked_uncached)
        self._scored = lru_cache(maxsize=64)(self._scored_uncached)
        self._governed = lru_cache(maxsize=50_000)(self._governed_uncached)
        self._takes = lru_cache(maxsize=20_000)(self._takes_uncached)
        self._linked_parts = lru_cache(maxsize=50_000)(self._linked_parts_uncached)
        self._frequency = lru_cache(maxsize=50_000)(self._frequency_uncached)  # the same wordings recur as candidates
        self._ranker = StaticRanker(weights, context.known, self._frequency)  # made again with the weights
        self._stored = lru_cache(maxsize=64)(self._stored_uncached)

    def forget_rankings(self) -> None:
        """Drop the per-phrase candidate cuts, which depend on the weights (call after changing them)."""
        for cached in (self._ranked_words, self._ranked_groups, self._scored, self._governed):
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

    def _may_have_candidates(self, phrase: str, last_word: str) -> bool:
        """For a multiword span: whether any source could offer a candidate (exact; skips most lookups)."""
        return self._finder_may_name(phrase) or (
            last_word in PREPOSITIONS and phrase.count(" ") == 1  # governed: "conversant in"
        )

    def _finder_may_name(self, phrase: str) -> bool:
        """For a word group: whether the finder could offer a candidate, from the pattern book or a WordNet lemma
        (exact: it offers none where this is false)."""
        return phrase in self.finder.patterns.by_wording or self.finder.wordnet.may_name_multiword(phrase)

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

    def _listed_originals(self, phrase: str) -> frozenset[str]:
        """The wordings the pattern book names as originals of ``phrase`` where it lists ``phrase`` as their
        spinner output (its "first", "misread" and "rewrite" groups). Asked only at places holding a word the model
        has never heard and for capitalised spans, so it is not cached."""
        return frozenset(wording for wording, group in self.finder.patterns.alternatives(phrase) if group.first_only)
