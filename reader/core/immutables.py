"""The "immutables" of an article: what a spinner leaves alone, used to find its source and its copies.

Spinners replace words that have synonyms; names, numbers, quotations and rare words have none, so they
survive (Zhang et al., "DSpin: Detecting Automatically Spun Content on the Web", NDSS 2014). Two texts that
share most of their immutables tell the same story, however differently their common words read.
Keys are strings with a kind prefix: ``n:`` number, ``p:`` name, ``q:`` three words of a quotation,
``w:`` a long lower-case word. Weighting by rarity (across the library) is left to the caller.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable

from reader.core.tokens import Kind, tokenize

_SENTENCE_END = frozenset('.!?"\u201c\u201d:;')
_QUOTE = re.compile(r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e]{10,600})[\"\u201d]")
_COMMON_CAPITALS = frozenset(
    "i a the this that these those it he she they we you mr mrs ms dr monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december"
    .split())
RARE_WORD_LENGTH = 9  # long words are seldom the short common ones a thesaurus has many entries for


def immutables(text: str) -> set[str]:
    """The immutable keys of ``text`` (a set: repetitions tell nothing about the source)."""
    tokens = tokenize(text)
    keys: set[str] = set()
    previous = None
    for index, token in enumerate(tokens):
        if token.kind is Kind.NUMBER:
            digits = token.text.replace(",", "")
            if len(digits) >= 2:
                keys.add("n:" + digits)
        elif token.kind is Kind.WORD:
            starts_sentence = previous is None or (previous.kind is Kind.PUNCT and previous.text in _SENTENCE_END) \
                or "\n" in text[previous.end:token.start]
            if token.is_capitalized and not starts_sentence and token.norm not in _COMMON_CAPITALS:
                keys.add("p:" + token.norm)
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if following is not None and following.kind is Kind.WORD and following.is_capitalized \
                        and following.start - token.end == 1:
                    keys.add(f"p:{token.norm} {following.norm}")
            elif not token.is_capitalized and len(token.text) >= RARE_WORD_LENGTH:
                keys.add("w:" + token.norm)
        previous = token
    for match in _QUOTE.finditer(text):
        words = [t.norm for t in tokenize(match.group(1)) if t.kind is not Kind.PUNCT]
        for i in range(len(words) - 2):
            keys.add("q:" + " ".join(words[i:i + 3]))
    return keys


def key_hash(key: str) -> int:
    """A stable signed 64-bit id for a key (SQLite INTEGER), smaller and faster to index than the text."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def rarity(document_frequency: int, documents: int) -> float:
    """Inverse document frequency: a key found in every article says nothing about a source."""
    return max(0.0, math.log((documents + 1) / (document_frequency + 0.5)))


def overlap_score(shared_weight: float, query_weight: float, shared_count: int, candidate_count: int) -> float:
    """How completely two key sets cover each other: the weighted share of the query's keys found in the
    candidate, times the share of the candidate's keys found in the query (geometric mean, 0..1)."""
    if query_weight <= 0 or candidate_count <= 0:
        return 0.0
    return math.sqrt(min(1.0, shared_weight / query_weight) * min(1.0, shared_count / candidate_count))


def hashed(keys: Iterable[str]) -> list[int]:
    return sorted({key_hash(k) for k in keys})
