"""A compact WordNet graph derived once through nltk, cached as SQLite keyed by WordNet version, read on demand.

nltk's reader takes seconds to its first answer and iterating it costs hundreds of MB; the engine needs only
lemmas, sense counts and a few relations for the words of the article at hand. A SQLite file opens instantly
and answers each lookup in microseconds, so start-up and memory stay small.
The raw reader stays the source of truth: the index is rebuilt whenever the WordNet files change.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from reader.core.batch_cache import BatchCache, rows_in
from reader.core.morphology import head_word, lemminflect_version, write_morphology
from reader.core.wordnet_data import cache_dir, ensure_wordnet

FORMAT = 10
POS_TAGS = ("n", "v", "a", "r")
SYNSET_CACHE = 10_000  # of WordNet's 117,659 synsets


class Synset(NamedTuple):
    pos: str
    lemmas: tuple[str, ...]  # lower case, spaces between words, in WordNet order
    counts: tuple[int, ...]  # tagged-corpus frequency of each lemma in this sense (cntlist)
    hypernyms: tuple[int, ...]
    hyponyms: tuple[int, ...]
    similar: tuple[int, ...]  # similar-to, also-see and verb groups
    ranks: tuple[int, ...]  # each lemma's rank of this sense among its senses (0: its most frequent sense)


class WordNetIndex:
    """Read-only lookups in the derived index; safe to share between threads."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        version = self.query("SELECT value FROM meta WHERE key = 'version'")
        self.version = version[0][0] if version else "unknown"
        self._synsets = BatchCache(self._fetch_synsets, SYNSET_CACHE)
        self._senses = lru_cache(maxsize=10_000)(self._senses_uncached)
        self.is_proper = lru_cache(maxsize=100_000)(self._is_proper)
        self.knows = lru_cache(maxsize=50_000)(self._knows)
        self.multiword_parts = lru_cache(maxsize=100_000)(self._multiword_parts)
        self._phrase_keys: frozenset[str] | None = None
        self._phrase_keys_lock = threading.Lock()

    def query(self, sql: str, *args: object) -> list[tuple]:
        """Rows of a read-only query on the index, through this thread's own connection."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection.execute(sql, args).fetchall()

    def synset(self, synset_id: int) -> Synset:
        return self._synsets.get(synset_id)

    def prefetch(self, synset_ids: Iterable[int]) -> None:
        """Load the synsets not cached yet in one query (a word's neighbourhood reaches dozens)."""
        self._synsets.prefetch(synset_ids)

    def _fetch_synsets(self, synset_ids: Sequence[int]) -> dict[int, Synset]:
        fetched = {}
        for number, data in rows_in(self.query, "synsets", "id", synset_ids):
            pos, lemmas, counts, hypernyms, hyponyms, similar, ranks = json.loads(data)
            fetched[number] = Synset(
                pos, tuple(lemmas), tuple(counts), tuple(hypernyms), tuple(hyponyms), tuple(similar), tuple(ranks)
            )
        return fetched

    def synsets_of(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset ids of a lemma in one part of speech, most frequent sense first."""
        if " " in lemma and lemma not in self._multiword_keys():
            # Most word groups looked up name nothing: a set lookup instead of a query, and kept out of the cache,
            # where they had pushed out the single words (378,000 of its 446,000 misses over benchmarks/data).
            return ()
        return self._senses(lemma, pos)

    def _senses_uncached(self, lemma: str, pos: str) -> tuple[int, ...]:
        rows = self.query("SELECT ids FROM senses WHERE key = ?", f"{lemma}|{pos}")
        return tuple(json.loads(rows[0][0])) if rows else ()

    def _knows(self, lemma: str) -> bool:
        return any(self.synsets_of(lemma, pos) for pos in POS_TAGS)

    def _multiword_parts(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Multiword lemmas that contain ``word`` (a single word), each as its words: "house" -> ("white",
        "house"), ... (split once: name mending walks them for every capitalised word)."""
        # The words are shared (interned): a common word's lemmas fill this cache with the same few words.
        return tuple(
            tuple(intern(part) for part in row[0].split())
            for row in self.query("SELECT lemma FROM parts WHERE word = ?", word)
        )

    def may_name_multiword(self, phrase: str) -> bool:
        """Whether some multiword lemma could read as ``phrase`` (lower case, single spaces): exactly, or with
        only its first word inflected (verbs: "made use of") or only its last (nouns: "prime ministers").

        A cheap exact filter: most word pairs of an article name nothing, and looking each one up costs far more.
        """
        keys = self._multiword_keys()
        return (
            phrase in keys
            or f"v|{phrase.partition(' ')[2]}" in keys
            or f"n|{phrase.rpartition(' ')[0]}" in keys
        )

    def _multiword_keys(self) -> frozenset[str]:
        """Every multiword lemma and the keys of ``may_name_multiword``, loaded on first use."""
        keys = self._phrase_keys
        if keys is None:
            with self._phrase_keys_lock:
                if self._phrase_keys is None:
                    self._phrase_keys = self._load_phrase_keys()
                keys = self._phrase_keys
        return keys

    def _load_phrase_keys(self) -> frozenset[str]:
        rows = self.query("SELECT value FROM meta WHERE key = 'phrase_keys'")
        return frozenset(json.loads(rows[0][0])) if rows else frozenset()

    def _is_proper(self, lemma: str) -> bool:
        """Whether WordNet only capitalises this lemma (a name: "austin")."""
        return bool(self.query("SELECT 1 FROM proper WHERE lemma = ?", lemma))


def _source_signature() -> tuple[str, str]:
    """WordNet version and a fingerprint of its files, read without starting nltk's slow reader."""
    import nltk

    pointer = nltk.data.find("corpora/wordnet/data.noun")
    with pointer.open() as handle:
        head = handle.read(4096).decode("latin-1")
    match = re.search(r"WordNet (\d+\.\d+)", head)
    version = match.group(1) if match else "unknown"
    path = getattr(pointer, "path", None)
    fingerprint = hashlib.sha1(str(pointer).encode()).hexdigest()[:10]
    if path and os.path.isfile(path):
        stat = os.stat(path)
        fingerprint = hashlib.sha1(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:10]
    return version, fingerprint


def _in_order(ids: dict[str, int], totals: list[int], synsets: list) -> list[int]:
    """Related synsets, commonest first (``totals``: summed sense counts by id), then by id.

    nltk returns some relations in set order, which changes with the process's hash seed; an index that differs
    from build to build would make the engine's results differ between machines. Commonest first also decides
    which hyponyms survive the engine's cut of long lists.
    """
    unique = {ids[s.name()] for s in synsets}
    return sorted(unique, key=lambda number: (-totals[number], number))


def phrase_keys(sense_keys: Iterable[str]) -> list[str]:
    """What ``WordNetIndex.may_name_multiword`` looks up, from the index's "lemma|pos" keys: every multiword lemma,
    a verb's words after its first ("v|use of") and a noun's words before its last ("n|prime")."""
    keys: set[str] = set()
    for key in sense_keys:
        lemma, _, pos = key.rpartition("|")
        if " " not in lemma:
            continue
        keys.add(lemma)
        if pos == "v":
            keys.add(f"v|{lemma.partition(' ')[2]}")
        elif pos == "n":
            keys.add(f"n|{lemma.rpartition(' ')[0]}")
    return sorted(keys)


def _heads(sense_keys: Iterable[str]) -> set[tuple[str, str]]:
    """(word, pos) of the word each "lemma|pos" is inflected at (``head_word``)."""
    heads = set()
    for key in sense_keys:
        lemma, _, pos = key.rpartition("|")
        heads.add((head_word(lemma.split(), pos), pos))
    return heads


def build_index(path: str) -> None:
    """Walk every synset once through nltk (slow: about 25 s) and write what the engine needs to ``path``."""
    from nltk.corpus import wordnet as wn

    all_synsets = list(wn.all_synsets())
    ids = {synset.name(): number for number, synset in enumerate(all_synsets)}
    senses: dict[str, list[tuple[int, int, int]]] = {}
    proper: set[str] = set()
    records: list[list] = []
    rows = []
    for number, synset in enumerate(all_synsets):
        pos = "a" if synset.pos() == "s" else synset.pos()
        lemmas = synset.lemmas()
        names = [lemma.name().replace("_", " ").lower() for lemma in lemmas]
        counts = [lemma.count() for lemma in lemmas]
        proper.update(n for n, lemma in zip(names, lemmas, strict=True) if lemma.name()[:1].isupper())
        records.append([pos, names, counts])
        for rank, (name, count) in enumerate(zip(names, counts, strict=True)):
            senses.setdefault(f"{name}|{pos}", []).append((-count, rank, number))
    totals = [sum(record[2]) for record in records]
    for synset, record in zip(all_synsets, records, strict=True):
        record.append(_in_order(ids, totals, synset.hypernyms() + synset.instance_hypernyms()))
        record.append(_in_order(ids, totals, synset.hyponyms()))
        record.append(_in_order(ids, totals, synset.similar_tos() + synset.also_sees() + synset.verb_groups()))
    ordered = {key: [n for _, _, n in sorted(entries)] for key, entries in senses.items()}
    for number, record in enumerate(records):
        # Stored with the synset so that ranking a neighbour needs no lookup of its other senses.
        record.append([ordered[f"{name}|{record[0]}"].index(number) for name in record[1]])
        rows.append((number, json.dumps(record, separators=(",", ":"))))
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = f"{path}.{os.getpid()}.partial"
    if os.path.exists(partial):
        os.remove(partial)
    connection = sqlite3.connect(partial)
    try:
        with connection:
            connection.executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE synsets (id INTEGER PRIMARY KEY, data TEXT NOT NULL);"
                "CREATE TABLE senses (key TEXT PRIMARY KEY, ids TEXT NOT NULL) WITHOUT ROWID;"
                "CREATE TABLE proper (lemma TEXT PRIMARY KEY) WITHOUT ROWID;"
                "CREATE TABLE parts (word TEXT NOT NULL, lemma TEXT NOT NULL);"
            )
            connection.execute("INSERT INTO meta VALUES ('version', ?)", (wn.get_version(),))
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
            connection.execute("INSERT INTO meta VALUES ('lemminflect', ?)", (lemminflect_version(),))
            # Read whole at the first multiword lookup: one row loads in a fraction of the time the keys take to derive.
            connection.execute("INSERT INTO meta VALUES ('phrase_keys', ?)", (json.dumps(phrase_keys(ordered)),))
            connection.executemany("INSERT INTO synsets VALUES (?, ?)", rows)
            connection.executemany(
                "INSERT INTO senses VALUES (?, ?)",
                ((key, json.dumps(ids)) for key, ids in ordered.items()),
            )
            connection.executemany("INSERT INTO proper VALUES (?)", ((lemma,) for lemma in sorted(proper)))
            multiwords = sorted({key.split("|")[0] for key in senses if " " in key.split("|")[0]})
            connection.executemany(
                "INSERT INTO parts VALUES (?, ?)", ((w, lemma) for lemma in multiwords for w in set(lemma.split()))
            )
            connection.execute("CREATE INDEX parts_by_word ON parts (word)")
            write_morphology(connection, _heads(ordered))
    except BaseException:
        connection.close()
        os.remove(partial)  # half an index is worth nothing; the next start builds it again
        raise
    connection.close()
    os.replace(partial, path)


def bundled_index_path() -> str | None:
    """An index shipped with a frozen app (built by build.spec), so it needs no WordNet files."""
    from reader.resources import resources_dir

    candidates = sorted((resources_dir() / "data").glob(f"wordnet-index-*-f{FORMAT}.sqlite"))
    return str(candidates[-1]) if candidates else None


def _format() -> str:
    """The engine's index format and the lemminflect release whose answers it holds."""
    return f"f{FORMAT}-li{lemminflect_version()}"


def index_path() -> str:
    version, fingerprint = _source_signature()
    return str(cache_dir() / f"wordnet-index-{version}-{fingerprint}-{_format()}.sqlite")


def _pointer_path() -> str:
    return str(cache_dir() / f"wordnet-index-{_format()}.json")


def _cached_without_nltk() -> str | None:
    """The index recorded by the last build, if its WordNet source file is unchanged (skips importing nltk)."""
    try:
        with open(_pointer_path(), encoding="utf-8") as handle:
            pointer = json.load(handle)
        stat = os.stat(pointer["source"])
        if [stat.st_size, stat.st_mtime_ns] != pointer["stat"] or not os.path.isfile(pointer["index"]):
            return None
        return str(pointer["index"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember(path: str) -> None:
    import nltk

    source = getattr(nltk.data.find("corpora/wordnet/data.noun"), "path", None)
    if not source or not os.path.isfile(source):
        return  # zipped corpora: no cheap fingerprint, so always ask nltk
    stat = os.stat(source)
    pointer = {"source": source, "stat": [stat.st_size, stat.st_mtime_ns], "index": path}
    partial = f"{_pointer_path()}.{os.getpid()}.partial"
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(pointer, handle)
    os.replace(partial, _pointer_path())


def _usable(path: str) -> bool:
    try:
        index = WordNetIndex(path)
        return bool(index.synsets_of("house", "n"))
    except sqlite3.Error:
        return False


def load_index(notify: Callable[[str], None] | None = None) -> WordNetIndex:
    """The cached index; built (and cached) from WordNet on first use, saying so through ``notify`` first (it takes
    half a minute or so). Raises WordNetMissing."""
    bundled = bundled_index_path() if getattr(sys, "frozen", False) else None
    if bundled:
        return WordNetIndex(bundled)
    cached = _cached_without_nltk()
    if cached is not None:
        return WordNetIndex(cached)
    ensure_wordnet()
    path = index_path()
    if not (os.path.isfile(path) and _usable(path)):
        if notify:
            notify("Building the WordNet index: once per WordNet version or engine update, about half a minute…")
        build_index(path)  # missing or unreadable: derive it again from WordNet
        for stale in cache_dir().glob("wordnet-index-*"):
            if str(stale) != path and stale.suffix in (".sqlite", ".pickle", ".marshal", ".json"):
                stale.unlink(missing_ok=True)
    _remember(path)
    return WordNetIndex(path)


def main() -> int:
    """``python -m reader.core.wordnet_index [OUT]``: build the index (for the app bundle: OUT in resources/)."""
    if len(sys.argv) > 1:
        ensure_wordnet()
        version, _ = _source_signature()
        out = os.path.join(sys.argv[1], f"wordnet-index-{version}-bundle-f{FORMAT}.sqlite")
        build_index(out)
        print(out)
        return 0
    print(load_index().path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
