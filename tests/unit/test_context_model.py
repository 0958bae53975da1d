"""The context model's stretch score agrees with its word-by-word probabilities."""

from __future__ import annotations

from reader.core.context_model import ContextModel
from reader.core.engine import Engine


def by_word(context: ContextModel, words: list[str], start: int, end: int) -> float:
    """ln P of words[start:end], each word given up to two before it, an unknown word in the history backed off."""
    total = 0.0
    for i in range(max(start, 0), min(end, len(words))):
        prev1, prev2 = (words[i - 1], words[i - 2]) if i >= 2 else (words[0], "<s>") if i == 1 else ("<s>", "")
        if prev1 != "<s>" and not context.known(prev1):
            prev1, prev2 = "", ""  # an unknown word tells nothing: the unigram
        elif prev2 and prev2 != "<s>" and not context.known(prev2):
            prev2 = ""
        total += context.prob(words[i], prev1, prev2)
    return total


def test_a_stretch_between_context_words_scores_the_sum_of_its_words(engine: Engine) -> None:
    """Each place's candidates are scored between the same words: the stretch and the two words after it, with
    unknown history backed off and a possessive or British spelling heard as the model knows it."""
    context = engine.context
    words = "the us officers stated on tuesday that the colour of xqzt navy websites was the white home's".split()
    middles = [["officials"], ["press", "conference"], ["xqzt"], ["labour"], [""], ["white", "house's"]]
    middles += [["xqzt", "navy"], ["navy", "xqzt"], ["of", "the", "xqzt"]]
    for at in range(0, 3):
        for after_length in range(0, 3):
            for start in range(0, len(words) - at - after_length):
                before = words[start : start + at]
                after = words[start + at + 1 : start + at + 1 + after_length]
                between = context.between(before, after)
                for middle in middles + [[words[start + at]]]:
                    stretch = before + middle + after
                    assert between(middle) == by_word(context, stretch, at, at + len(middle) + 2), (before, middle)
    officers = context.between(["the", "us"], ["said", "on"])
    assert officers(["officers"]) < officers(["officials"])
