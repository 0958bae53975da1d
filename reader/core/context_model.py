"""English usage statistics: the trigram model of US English that ships in the pocketsphinx wheel.

Scores are natural-log probabilities. Words the model does not know get ``UNKNOWN`` (a floor), and callers
must not read meaning into a comparison that involves one.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from functools import lru_cache

from reader.core.dialect import american_spelling

LOG_BASE = math.log(1.0001)  # pocketsphinx reports log scores in base 1.0001
FLOOR_RAW = -536870912
UNKNOWN = -30.0  # an unknown word's cost in nats, a little below the rarest known word


# The model was trained on text written for speech, with numbers spelled out: it knows "twelve months", not "12".
SPOKEN_ONES = tuple(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split()
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SPOKEN_FIGURES = {str(n): word for n, word in enumerate(SPOKEN_ONES)} | {
    str(20 + 10 * i): word for i, word in enumerate(_TENS)
}


class ContextModelMissing(RuntimeError):
    pass


def model_path() -> str:
    try:
        from pocketsphinx import get_model_path
    except ImportError as error:  # pragma: no cover - a broken install
        raise ContextModelMissing("pocketsphinx is not installed: pip install pocketsphinx") from error
    path = os.path.join(get_model_path(), "en-us", "en-us.lm.bin")
    if not os.path.isfile(path):
        raise ContextModelMissing(f"the English language model is missing: {path}")
    return path


class ContextModel:
    """Trigram log-probabilities with memoised lookups (articles repeat their n-grams)."""

    def __init__(self, path: str | None = None) -> None:
        from pocketsphinx import Config, LogMath, NGramModel

        config = Config()
        config.set_string("-logfn", os.devnull)
        self._lm = NGramModel(config, LogMath(), path or model_path())
        self.prob = lru_cache(maxsize=5_000)(self._prob)  # a quarter of asks hit: a query costs about as much
        self.known = lru_cache(maxsize=50_000)(self._known)
        self.spelling = lru_cache(maxsize=20_000)(self._spelling)

    def _prob(self, word: str, prev1: str, prev2: str) -> float:
        """ln P(word | prev2 prev1); empty strings mean no history (start of a chunk). Each word is heard in the
        spelling the model knows better (``spelling``): it is US English, and "colour" is the same word as "color"."""
        spelling = self.spelling
        if not prev1:
            query = [spelling(word)]
        elif prev2:
            query = [spelling(word), spelling(prev1), spelling(prev2)]
        else:
            query = [spelling(word), spelling(prev1)]
        raw = self._lm.prob(query)
        if raw <= FLOOR_RAW:
            return UNKNOWN
        return raw * LOG_BASE

    def _spelling(self, word: str) -> str:
        """The spelling of ``word`` this US English model knows better: "colour" is heard as "color", but "buses"
        stays "buses" (a curated list's American "busses" is the rarer form here). A possessive it does not know
        is heard as its noun."""
        if word.endswith(("'s", "'")) and word[:-1] and self._lm.prob([word]) <= FLOOR_RAW:
            return self.spelling(word[: -2 if word.endswith("'s") else -1])  # "celebration's" as "celebration"
        american = american_spelling(word)
        if american == word or self._lm.prob([american]) <= self._lm.prob([word]):
            return word
        return american

    def _known(self, word: str) -> bool:
        return all(self._lm.prob([self.spelling(part)]) > FLOOR_RAW for part in word.split())

    def unigram(self, word: str) -> float:
        return self.prob(word, "", "")

    def between(self, before: list[str], after: list[str]) -> Callable[[list[str]], float]:
        """A function of ``middle``: the sum of ln P(word | two before) over ``middle`` and the two words after it,
        with ``before`` (up to two words) as history. Every candidate of a place is scored between the same words,
        which are spelled and checked once here."""
        spelling, known, lm_prob = self.spelling, self.known, self._lm.prob
        at = len(before)
        heard_before, heard_after = [spelling(word) for word in before], [spelling(word) for word in after]
        known_before, known_after = [known(word) for word in before], [known(word) for word in after]

        # One word between the same context is by far the commonest call: its histories are set out once here.
        first_history: tuple[str, ...]
        if at >= 2:
            if not known_before[1]:
                first_history = ()
            elif not known_before[0]:
                first_history = (heard_before[1],)
            else:
                first_history = (heard_before[1], heard_before[0])
        elif at == 1:
            first_history = (heard_before[0], "<s>") if known_before[0] else ()
        else:
            first_history = ("<s>",)
        last_before = heard_before[-1] if before else ""
        trigram_after = bool(before) and known_before[-1]  # the word after hears the last word before too
        after_count = len(after)

        floor, base, unknown = FLOOR_RAW, LOG_BASE, UNKNOWN  # locals, and no call per query: the hot path

        def score_one(word: str) -> float:
            heard, knows = spelling(word), known(word)
            raw = lm_prob((heard, *first_history))
            total = unknown if raw <= floor else raw * base
            if after_count:
                a1 = heard_after[0]
                if not knows:
                    raw = lm_prob((a1,))
                elif at == 0:
                    raw = lm_prob((a1, heard, "<s>"))
                elif trigram_after:
                    raw = lm_prob((a1, heard, last_before))
                else:
                    raw = lm_prob((a1, heard))
                total += unknown if raw <= floor else raw * base
                if after_count > 1:
                    a2 = heard_after[1]
                    if not known_after[0]:
                        raw = lm_prob((a2,))
                    elif not knows:
                        raw = lm_prob((a2, a1))
                    else:
                        raw = lm_prob((a2, a1, heard))
                    total += unknown if raw <= floor else raw * base
            return total

        def score_two(word1: str, word2: str) -> float:
            """Two words between the context, as ``score`` queries them (two in five calls are word pairs)."""
            heard1, heard2, knows1, knows2 = spelling(word1), spelling(word2), known(word1), known(word2)
            raw = lm_prob((heard1, *first_history))
            total = unknown if raw <= floor else raw * base
            if not knows1:
                raw = lm_prob((heard2,))
            elif at == 0:
                raw = lm_prob((heard2, heard1, "<s>"))
            elif trigram_after:
                raw = lm_prob((heard2, heard1, last_before))
            else:
                raw = lm_prob((heard2, heard1))
            total += unknown if raw <= floor else raw * base
            if after_count:
                a1 = heard_after[0]
                if not knows2:
                    raw = lm_prob((a1,))
                elif not knows1:
                    raw = lm_prob((a1, heard2))
                else:
                    raw = lm_prob((a1, heard2, heard1))
                total += unknown if raw <= floor else raw * base
                if after_count > 1:
                    a2 = heard_after[1]
                    if not known_after[0]:
                        raw = lm_prob((a2,))
                    elif not knows2:
                        raw = lm_prob((a2, a1))
                    else:
                        raw = lm_prob((a2, a1, heard2))
                    total += unknown if raw <= floor else raw * base
            return total

        def score(middle: list[str]) -> float:
            if len(middle) == 1:
                return score_one(middle[0])
            if len(middle) == 2:
                return score_two(middle[0], middle[1])
            heard = heard_before + [spelling(word) for word in middle] + heard_after
            knows = known_before + [known(word) for word in middle] + known_after
            total = 0.0
            for i in range(at, min(at + len(middle) + 2, len(heard))):
                word = heard[i]
                # An unknown word in the history tells nothing: the query backs off to the history after it.
                if i >= 2:
                    if not knows[i - 1]:
                        query = [word]
                    elif not knows[i - 2]:
                        query = [word, heard[i - 1]]
                    else:
                        query = [word, heard[i - 1], heard[i - 2]]
                elif i == 1:
                    query = [word, heard[0], "<s>"] if knows[0] else [word]
                else:
                    query = [word, "<s>"]
                raw = lm_prob(query)
                total += unknown if raw <= floor else raw * base
            return total

        return score
