"""The reader's view of a span's best option: its suggestion, with reasons in the reader's words."""

from __future__ import annotations

import math
from collections.abc import Callable

from reader.core.candidates import RELATIONS
from reader.core.option import Option
from reader.core.suggestion import Suggestion, counted
from reader.core.text_shape import ends_sentence_with_period, match_case
from reader.core.tokens import Token


def sigmoid(x: float) -> float:
    if x < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def consistency_reasons(option: Option) -> tuple[str, ...]:
    """What the rest of the article says about the same swap (the ``repeats`` and ``contradicted`` evidence)."""
    reasons = []
    others = round(math.exp(option.repeats)) - 1
    if others:
        reasons.append(
            f"The article makes this same change in {counted(others, 'other place')} (or its context there calls "
            "for it far more)."
        )
    refuted = round(math.exp(option.contradicted)) - 1
    if refuted:
        reasons.append(
            f"In {counted(refuted, 'place')} in this article the context fits '{option.observed}' far better than "
            f"'{option.candidate.wording}', which counts against this change."
        )
    return tuple(reasons)


def context_reason(option: Option) -> str:
    """What the context says of the change, in the reader's words: for it, nothing either way, or against it
    (a change the article's other evidence carries although the context prefers the published wording)."""
    factor = math.exp(min(option.gain, 50))
    if option.counts:
        return (
            f"'{option.observed}' counts the noun after it: news spells out a count under ten, and a figure "
            "there is rare in honest news."
        )
    if option.unknown:
        if factor >= 1.5:  # only an artefact the pattern book lists gains here
            return (
                f"'{option.observed}' never occurs in the English usage statistics, and rewriters are known to "
                "write it for this wording, which fits the context."
            )
        return f"'{option.observed}' never occurs in the English usage statistics, so the context tells nothing."
    if factor >= 1.5:
        return f"The context makes it {factor:,.0f} times likelier than the published wording."
    if factor <= 1 / 1.5:
        return f"The context fits the published wording {1 / factor:,.0f} times better, which counts against it."
    return "The context fits it about as well as the published wording."


def suggestion_of(
    text: str,
    option: Option,
    chunk: list[Token],
    rivals: list[Option],
    rate: float,
    spell: Callable[[str], str] = str,
) -> Suggestion:
    """The reader's view of a span's best option; ``spell`` writes wordings in the article's spelling."""
    start = chunk[option.first].start
    end = chunk[option.last - 1].end
    if ends_sentence_with_period(text, chunk, option.last):
        end -= 1  # "at 78 p.c. Officials said": the period ends the sentence too, and stays
    ranked = sorted((o for o in rivals if o.rank_score > -math.inf), key=lambda o: -o.rank_score)
    span = chunk[option.first : option.last]
    alternatives = tuple(dict.fromkeys(match_case(span, spell(o.candidate.wording)) for o in ranked[:5]))
    context = context_reason(option)
    reasons = (
        f"'{option.candidate.wording}' is {RELATIONS[option.candidate.relation]} ({option.candidate.detail}).",
        context,
        f"In {rate:.0%} of this article's places a close synonym fits far better, which sets how much "
        "evidence a suggestion needs.",
    ) + consistency_reasons(option)
    if option.article_fit:
        reasons += (
            f"The article '{chunk[option.first - 1].text}' before it fits '{option.candidate.wording}' but not "
            f"'{text[start:end]}': spinners swap a word and leave the article before it.",
        )
    if option.pos_clash:
        reasons += (
            f"But '{option.candidate.wording}' is linked to '{option.observed}' only as another part of speech "
            "than the sentence uses here, which counts against it.",
        )
    return Suggestion(
        start=start,
        end=end,
        original=text[start:end],
        replacement=alternatives[0],
        alternatives=alternatives,
        confidence=sigmoid(option.span_log_odds),
        reasons=reasons,
    )
