"""Cutting a long text into sections the engine analyses one at a time.

The engine keeps every candidate of a text in memory while the text's evidence settles: about 10 KB a word, so an
80,000-word report would need close to 1 GB (benchmarks/README.md, "Long texts"). A news article fits in one section
and is analysed whole; a longer text is cut where a reader would cut it, at a line break, else at a sentence end.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.tokens import Kind, Token, tokenize

SENTENCE_ENDS = frozenset(".!?")


def sections(text: str, max_words: int, tokens: Sequence[Token] | None = None) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` that cover ``text`` in order, each with at most ``max_words`` words.

    A section ends at the last line break that leaves it at least half full, else at the last sentence end that
    does, else just before the word that would overfill it. A text of up to ``max_words`` words is one section.
    ``tokens``: the text's tokens, where the caller has them already.
    """
    if max_words < 1:
        raise ValueError("max_words must be at least 1")
    cuts = [0]
    words = 0  # words since the last cut
    line_cut = sentence_cut = (0, 0)  # (offset of the first token after the break, words before it in the section)
    previous_end = 0
    previous_text = ""
    for token in tokenize(text) if tokens is None else tokens:
        gap = text[previous_end : token.start]
        if words:
            if "\n" in gap:
                line_cut = (token.start, words)
            elif previous_text in SENTENCE_ENDS and gap:
                sentence_cut = (token.start, words)
        previous_end, previous_text = token.end, token.text
        if token.kind is Kind.PUNCT:
            continue
        if words == max_words:
            half = max_words - max_words // 2
            if line_cut[1] >= half:
                cut, before = line_cut
            elif sentence_cut[1] >= half:
                cut, before = sentence_cut
            else:
                cut, before = token.start, words
            cuts.append(cut)
            words -= before
            # A break after the cut may still end the next section.
            line_cut = (line_cut[0], line_cut[1] - before) if line_cut[0] > cut else (cut, 0)
            sentence_cut = (sentence_cut[0], sentence_cut[1] - before) if sentence_cut[0] > cut else (cut, 0)
        words += 1
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))
