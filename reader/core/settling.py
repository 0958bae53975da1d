"""Settling an article's options: each span's best option and its odds of having been substituted, from the
options' current evidence; the spans kept where several overlap; the article's spin-rate estimate; and the
restoration the next round's context is read from."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from reader.core.option import DYNAMIC_FEATURES, Option
from reader.core.tokens import Token, possessive
from reader.core.weights import Weights

STRONG_GAIN = 5.0  # nats: a synonym this much likelier in context is strong evidence of spinning
# Links whose strong context gain counts as the article making the swap, flagged or not (``_makes_its_swap``).
VOUCHING_RELATIONS = frozenset({"synonym", "similar", "hypernym", "hyponym", "pattern", "rewrite", "tortured"})
# A swap the article refutes at two places or more (``contradicted``: the published word fits far better there, see
# ``CONTRADICTING_GAIN``) is no spinner's: the writer uses that word where nothing else fits, and a spinner that
# swapped the other wording into it elsewhere would be a coincidence. One such place can be the context model's gap;
# two are the article's own vocabulary (benchmarks/README.md, "A swap the article refutes twice").
REFUTED_ELSEWHERE = math.log(1 + 2)


class Settling:
    """How the engine weighs the options it has scored (see ``Engine``, which is one)."""

    weights: Weights

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
                if (option.mended_elsewhere and not option.repeats) or option.contradicted >= REFUTED_ELSEWHERE:
                    # No evidence until the article makes the swap in a name (``_mended_elsewhere``); none for a swap
                    # the article refutes at two places or more (``REFUTED_ELSEWHERE``).
                    option.log_odds = option.rank_score = -math.inf
                    continue
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
