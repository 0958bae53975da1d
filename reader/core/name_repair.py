"""Names broken by a spinner ("White Home", "Military Tactical Missile Techniques — often called ATACMS"): a change
to a capitalised word inside a sentence is kept only where it mends a name WordNet knows, gives a word of a name the
letter its acronym has there, or where English usage joins the pattern book's original to the name's next word."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from reader.core.candidate_ranking import CandidateRanking
from reader.core.candidates import CandidateFinder
from reader.core.context_model import ContextModel
from reader.core.names import LONGEST_NAME, is_name_word, name_mends, run_holding, within_known_name
from reader.core.option import Option
from reader.core.patterns import CURATED_RELATIONS
from reader.core.ranked import Entry, Ranked
from reader.core.tokens import Token
from reader.core.weights import Weights

NAME_USAGE_GAIN = 3.0  # nats (about 20 times): how much better a book's swap must join its neighbour in a name


class NameRepair(CandidateRanking):
    """Candidates that mend names, and the rule that keeps a change to a name only where it mends one."""

    def __init__(self, finder: CandidateFinder, context: ContextModel, weights: Weights) -> None:
        super().__init__(finder, context, weights)
        self._in_lemmas = lru_cache(maxsize=2_000)(self._in_lemmas_uncached)

    def forget_rankings(self) -> None:
        """``CandidateRanking.forget_rankings``, and the name menders' cuts, which depend on the weights too."""
        super().forget_rankings()
        self._in_lemmas.cache_clear()

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
