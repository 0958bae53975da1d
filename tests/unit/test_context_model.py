"""The context model's stretch score agrees with its word-by-word probabilities."""

from __future__ import annotations

from reader.core.engine import Engine


def test_a_stretch_scores_the_sum_of_its_words_with_unknown_history_backed_off(engine: Engine) -> None:
    context = engine.context
    words = "the us officers stated on tuesday that the colour of xqzt navy websites was the white home".split()

    def by_word(start: int, end: int) -> float:
        total = 0.0
        for i in range(max(start, 0), min(end, len(words))):
            prev1, prev2 = (words[i - 1], words[i - 2]) if i >= 2 else (words[0], "<s>") if i == 1 else ("<s>", "")
            if prev1 != "<s>" and not context.known(prev1):
                prev1, prev2 = "", ""  # an unknown word tells nothing: the unigram
            elif prev2 and prev2 != "<s>" and not context.known(prev2):
                prev2 = ""
            total += context.prob(words[i], prev1, prev2)
        return total

    for start in range(-1, len(words) + 1):
        for end in range(start, len(words) + 3):
            assert context.score(words, start, end) == by_word(start, end), (start, end)
    assert context.score(words, 0, 3) < context.score("the us officials said".split(), 0, 3)


def test_scoring_between_fixed_words_equals_the_stretch_score(engine: Engine) -> None:
    """The engine scores each place's candidates between the same context words: the same sums, to the bit."""
    context = engine.context
    words = "the us officers stated on tuesday that the colour of xqzt navy websites was the white home's".split()
    middles = [["officials"], ["press", "conference"], ["xqzt"], ["labour"], [""], ["white", "house's"]]
    for at in range(0, 3):
        for after_length in range(0, 3):
            for start in range(0, len(words) - at - after_length):
                before = words[start : start + at]
                after = words[start + at + 1 : start + at + 1 + after_length]
                between = context.between(before, after)
                for middle in middles + [[words[start + at]]]:
                    expected = context.score(before + middle + after, at, at + len(middle) + 2)
                    assert between(middle) == expected, (before, middle, after)
