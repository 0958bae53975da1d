"""Candidate lists of English's common word forms, computed once and kept on disk beside the WordNet index.

A cold check spends most of its analysis building candidate lists: every word's WordNet neighbourhood, inflected
back to its form. Those lists depend only on WordNet, the inflection tables, the curated data and the code that
derives them, never on the article, so the common forms' lists are derived once (about half a minute) and read
back in microseconds. The store is keyed by everything the lists depend on and rebuilt when any of it changes; a
form it lacks is computed as before, so the store changes speed, never a result. Beside each list it keeps the
word's static ranking for the weights it was built with (``reader.core.static_rank``): the engine reads it only
when its own weights rank the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from dataclasses import fields
from pathlib import Path
from sys import intern

from reader.core.candidates import LINK_COEFFICIENTS, Candidate, CandidateFinder
from reader.core.context_model import ContextModel
from reader.core.morphology import installed_version
from reader.core.ranked import Ranked
from reader.core.static_rank import StoreRanking
from reader.core.wordnet_data import cache_dir

# Answers about three word lookups in four; the rest are mostly names and words without a WordNet reading, quick
# to derive (benchmarks/README.md, "Candidate lists derived once").
COMMON_FORMS = 20_000
FIELDS = tuple(field.name for field in fields(Candidate))
# The modules whose code decides a word's candidates, and the data files they read.
# The modules the lists are derived with; context_model, as the finder reads word frequencies to tell a countable
# noun's singular from a plural (CandidateFinder.frequency).
SOURCES = (
    "candidates", "morphology", "dialect", "patterns", "usage", "wordnet_index", "candidate_store", "context_model",
    "static_rank", "option", "weights", "ranked",  # ... and the common words' static rankings
)
DATA = ("spinner_patterns.tsv", "usage_neighbours.tsv.gz")
BUNDLED = "candidates-bundle.sqlite"
KEEP_STORES = 3  # the latest few stay, so checkouts of two versions sharing a cache do not rebuild by turns


def _encoded(candidates: tuple[Candidate, ...]) -> bytes:
    return zlib.compress(json.dumps([[getattr(c, name) for name in FIELDS] for c in candidates]).encode(), 6)


def _candidate(
    wording: str, relation: str, detail: str, senses: int, their_senses: int, rank: int, their_rank: int,
    governed: bool, pos: str,
) -> Candidate:
    """A candidate read back from a row in ``FIELDS`` order, its repeated strings shared (interned), as the derived
    ones share them, so that the engine's caches of ranked lists take no more memory than before the store."""
    return Candidate(
        intern(wording), intern(relation), detail, senses, their_senses, rank, their_rank, governed, intern(pos)
    )


def _decoded(blob: bytes) -> tuple[Candidate, ...]:
    """The candidates of one form."""
    return tuple(_candidate(*row) for row in json.loads(zlib.decompress(blob)))


def _encoded_ranking(linked: str, entries: Ranked) -> bytes:
    """Each entry as its candidate's fields, commonness and static score, and its rank score where that differs
    (only with a separate ranking model: the scores are two fifths of the text and compress badly)."""
    rows = [
        [getattr(c, name) for name in FIELDS] + [commonness, static] + ([rank] if rank != static else [])
        for c, commonness, static, rank in entries
    ]
    return zlib.compress(json.dumps([linked, rows]).encode(), 6)


def _decoded_ranking(blob: bytes) -> tuple[str, Ranked]:
    """A form's linked parts of speech and ranked entries (``_encoded_ranking``); floats read back to the bit."""
    linked, rows = json.loads(zlib.decompress(blob))
    width, entries = len(FIELDS), []
    for row in rows:
        commonness, static, *rank = row[width:]
        entries.append((_candidate(*row[:width]), commonness, static, rank[0] if rank else static))
    return linked, tuple(entries)


class CandidateStore:
    """Read-only lookups in a built store; safe to share between threads (one connection per thread)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._ranking_key: str | None = None

    def _row(self, sql: str, form: str) -> tuple | None:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection.execute(sql, (form,)).fetchone()

    def get(self, form: str) -> tuple[Candidate, ...] | None:
        """The stored candidates of a lower-case form, or None where the store does not hold the form."""
        try:
            row = self._row("SELECT candidates FROM forms WHERE form = ?", form)
            return None if row is None else _decoded(row[0])
        except (sqlite3.Error, zlib.error, ValueError, TypeError):
            return None  # a damaged store: the list is derived, as for a form it lacks

    @property
    def ranking_key(self) -> str:
        """The ``ranking_key`` of the weights the stored rankings were made with ("" for none)."""
        if self._ranking_key is None:
            try:
                row = self._row("SELECT value FROM meta WHERE key = ?", "ranking")
            except sqlite3.Error:
                row = None  # a store without rankings
            self._ranking_key = "" if row is None else str(row[0])
        return self._ranking_key

    def ranking(self, form: str) -> tuple[str, Ranked] | None:
        """A common form's linked parts of speech and static ranking (``StaticRanker.stored``), or None."""
        try:
            row = self._row("SELECT ranking FROM rankings WHERE form = ?", form)
            return None if row is None else _decoded_ranking(row[0])
        except (sqlite3.Error, zlib.error, ValueError, TypeError):
            return None


def common_forms(finder: CandidateFinder, context: ContextModel, limit: int = COMMON_FORMS) -> list[str]:
    """The ``limit`` word forms with WordNet readings that the context model finds commonest: WordNet's one-word
    lemmas and every form the inflection tables read back to a lemma, ranked by unigram probability."""
    query = finder.wordnet.query
    words = {key.split("|")[0] for (key,) in query("SELECT key FROM senses")}
    words.update(word for (word,) in query("SELECT word FROM lemmas"))
    forms = [word for word in words if word.isalpha() and word.islower() and context.known(word)]
    forms.sort(key=lambda form: (-context.unigram(form), form))
    return forms[:limit]


def build_store(
    path: str, finder: CandidateFinder, forms: Iterable[str], ranking: StoreRanking | None = None
) -> None:
    """Write every form's candidates, and with ``ranking`` their static ranking, to a new store at ``path`` (whole
    or not at all)."""
    partial = f"{path}.{os.getpid()}.partial"
    connection = sqlite3.connect(partial)
    try:
        connection.execute("CREATE TABLE forms (form TEXT PRIMARY KEY, candidates BLOB NOT NULL)")
        connection.execute("CREATE TABLE rankings (form TEXT PRIMARY KEY, ranking BLOB NOT NULL)")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        lists, rankings = [], []  # encoded as they are derived: the lists themselves would take hundreds of MB
        for form in forms:
            candidates = finder.computed_word_candidates(form)
            lists.append((form, _encoded(candidates)))
            if ranking is not None:
                rankings.append((form, _encoded_ranking(*ranking.rank(form, candidates))))
        connection.executemany("INSERT INTO forms VALUES (?, ?)", lists)
        if ranking is not None:
            connection.executemany("INSERT INTO rankings VALUES (?, ?)", rankings)
            connection.execute("INSERT INTO meta VALUES ('ranking', ?)", (ranking.key,))
        connection.commit()
    except BaseException:
        connection.close()
        Path(partial).unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(partial, path)


def _fingerprint(index_path: str, coefficients: Mapping[str, float], ranking_key: str = "") -> str:
    """A digest of all the store's lists depend on: the index (its name says WordNet's version, the index format
    and lemminflect's version), the deriving code, the curated data, breame's spellings and the weights that choose
    links (``coefficients``; not the rest: a refitted confidence stage leaves every list as it was), and of the
    weights that rank them (``ranking_key``, "" for a store without rankings)."""
    from reader.resources import resource_path

    digest = hashlib.sha256(f"{os.path.basename(index_path)} breame {installed_version('breame')}".encode())
    here = Path(__file__).resolve().parent
    for module in SOURCES:
        digest.update((here / f"{module}.py").read_bytes())
    for name in DATA:
        digest.update(resource_path("data", name).read_bytes())
    digest.update(json.dumps([coefficients.get(name, 0.0) for name in LINK_COEFFICIENTS]).encode())
    digest.update(ranking_key.encode())
    return digest.hexdigest()[:12]


def store_path(index_path: str, coefficients: Mapping[str, float], ranking_key: str = "") -> str:
    return str(cache_dir() / f"candidates-{_fingerprint(index_path, coefficients, ranking_key)}.sqlite")


def _usable(path: str) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT 1 FROM forms LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


def load_store(
    finder: CandidateFinder,
    context: ContextModel,
    notify: Callable[[str], None] | None = None,
    ranking: StoreRanking | None = None,
) -> CandidateStore | None:
    """The store for ``finder``'s index, code, data and link coefficients, and with ``ranking`` the weights that
    rank (``StaticRanker``); built first when there is none (by a fresh copy of the finder, whose caches are dropped
    after the build). A frozen app ships its store, built with its index and weights; without one (it has no sources
    to key a store by) every list is computed."""
    if getattr(sys, "frozen", False):
        from reader.resources import resources_dir

        bundled = resources_dir() / "data" / BUNDLED
        return CandidateStore(str(bundled)) if bundled.is_file() else None
    path = store_path(finder.wordnet.path, finder.coefficients, ranking.key if ranking else "")
    if not (os.path.isfile(path) and _usable(path)):
        if notify:
            notify("Preparing the candidate lists of common words: once per engine update, about half a minute…")
        builder = finder.fresh()
        try:
            build_store(path, builder, common_forms(builder, context, COMMON_FORMS), ranking)
        except (OSError, sqlite3.Error) as error:  # a full disk or a read-only cache: slower, not broken
            if notify:
                notify(f"Could not keep the candidate lists ({error}); checks derive them as they go, more slowly.")
            return None
        stores = sorted(cache_dir().glob("candidates-*.sqlite"), key=lambda store: store.stat().st_mtime)
        for stale in stores[:-KEEP_STORES]:
            stale.unlink(missing_ok=True)
    return CandidateStore(path)
