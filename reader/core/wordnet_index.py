"""A compact WordNet graph derived once through nltk and cached, keyed by WordNet version.

nltk's reader takes seconds to its first answer and iterating it costs hundreds of MB; the engine needs only
lemmas, sense counts and a few relations, which load from a pickle in a fraction of a second.
The raw reader stays the source of truth: the index is rebuilt whenever the WordNet files change.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
from dataclasses import dataclass

from reader.core.wordnet_data import cache_dir, ensure_wordnet

FORMAT = 3
POS_TAGS = ("n", "v", "a", "r")


@dataclass(frozen=True, slots=True)
class Synset:
    pos: str
    lemmas: tuple[str, ...]  # lower case, spaces between words, in WordNet order
    counts: tuple[int, ...]  # tagged-corpus frequency of each lemma in this sense (cntlist)
    hypernyms: tuple[int, ...]
    hyponyms: tuple[int, ...]
    similar: tuple[int, ...]  # similar-to, also-see and verb groups


@dataclass(slots=True)
class WordNetIndex:
    version: str
    synsets: list[Synset]
    senses: dict[str, tuple[int, ...]]  # "lemma|pos" -> synset ids, most frequent sense first
    proper: frozenset[str]  # lemmas WordNet capitalises (names: "austin", "white house")

    def synsets_of(self, lemma: str, pos: str) -> tuple[int, ...]:
        return self.senses.get(f"{lemma}|{pos}", ())

    def knows(self, lemma: str) -> bool:
        return any(f"{lemma}|{pos}" in self.senses for pos in POS_TAGS)


def _source_signature() -> tuple[str, str]:
    """WordNet version and a fingerprint of its files, read without starting nltk's slow reader."""
    import nltk

    pointer = nltk.data.find("corpora/wordnet/data.noun")
    with pointer.open() as handle:
        head = handle.read(4096).decode("latin-1")
    match = re.search(r"WordNet (\d+\.\d+)", head)
    version = match.group(1) if match else "unknown"
    fingerprint = hashlib.sha1(f"{pointer}:{getattr(pointer, 'path', '')}".encode()).hexdigest()[:10]
    path = getattr(pointer, "path", None)
    if path and os.path.isfile(path):
        stat = os.stat(path)
        fingerprint = hashlib.sha1(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:10]
    return version, fingerprint


def build_index() -> WordNetIndex:
    """Walk every synset once through nltk (slow: about 15 s) and keep what the engine needs."""
    from nltk.corpus import wordnet as wn

    ids: dict[str, int] = {}
    all_synsets = list(wn.all_synsets())
    for number, synset in enumerate(all_synsets):
        ids[synset.name()] = number
    synsets: list[Synset] = []
    senses: dict[str, list[tuple[int, int, int]]] = {}
    proper: set[str] = set()
    for number, synset in enumerate(all_synsets):
        pos = "a" if synset.pos() == "s" else synset.pos()
        lemmas = synset.lemmas()
        names = tuple(lemma.name().replace("_", " ").lower() for lemma in lemmas)
        counts = tuple(lemma.count() for lemma in lemmas)
        proper.update(n for n, lemma in zip(names, lemmas, strict=True) if lemma.name()[:1].isupper())
        synsets.append(
            Synset(
                pos=pos,
                lemmas=names,
                counts=counts,
                hypernyms=tuple(ids[s.name()] for s in synset.hypernyms() + synset.instance_hypernyms()),
                hyponyms=tuple(ids[s.name()] for s in synset.hyponyms()),
                similar=tuple(
                    ids[s.name()] for s in synset.similar_tos() + synset.also_sees() + synset.verb_groups()
                ),
            )
        )
        for rank, (name, count) in enumerate(zip(names, counts, strict=True)):
            senses.setdefault(f"{name}|{pos}", []).append((-count, rank, number))
    ordered = {key: tuple(n for _, _, n in sorted(entries)) for key, entries in senses.items()}
    return WordNetIndex(version=wn.get_version(), synsets=synsets, senses=ordered, proper=frozenset(proper))


def bundled_index_path() -> str | None:
    """An index shipped with a frozen app (built by build.spec), so it needs no WordNet files."""
    from reader.resources import resources_dir

    candidates = sorted((resources_dir() / "data").glob(f"wordnet-index-*-f{FORMAT}.pickle"))
    return str(candidates[-1]) if candidates else None


def index_path() -> str:
    version, fingerprint = _source_signature()
    return str(cache_dir() / f"wordnet-index-{version}-{fingerprint}-f{FORMAT}.pickle")


def load_index() -> WordNetIndex:
    """The cached index; built (and cached) from WordNet on first use. Raises WordNetMissing."""
    bundled = bundled_index_path() if getattr(sys, "frozen", False) else None
    if bundled:
        with open(bundled, "rb") as handle:
            index: WordNetIndex = pickle.load(handle)
        return index
    ensure_wordnet()
    path = index_path()
    try:
        with open(path, "rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, WordNetIndex):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # missing or unreadable: rebuild below
    index = build_index()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.partial"
    with open(partial, "wb") as handle:
        pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)
    return index
