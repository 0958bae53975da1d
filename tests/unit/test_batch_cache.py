"""Index rows read a batch at a time: the same answers as one query per key, and a bounded cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import pytest

from reader.core.batch_cache import MAX_QUERY_PARAMETERS, BatchCache, rows_in
from reader.core.engine import Engine
from reader.core.wordnet_index import WordNetIndex


def test_prefetch_reads_once_and_absent_keys_read_as_absent() -> None:
    calls: list[list[str]] = []

    def fetch(keys: Sequence[str]) -> dict[str, int]:
        calls.append(list(keys))
        return {key: len(key) for key in keys if key != "none"}

    cache = BatchCache(fetch, size=100, absent=-1)
    cache.prefetch(["a", "bb", "a", "none"])
    assert calls == [["a", "bb", "none"]]
    assert (cache.get("a"), cache.get("bb"), cache.get("none")) == (1, 2, -1)
    cache.prefetch(["a", "ccc"])
    assert calls[-1] == ["ccc"]
    assert len(calls) == 2


def test_a_missing_row_without_absent_value_is_an_error() -> None:
    cache: BatchCache[int, str] = BatchCache(lambda keys: {}, size=10)
    with pytest.raises(KeyError):
        cache.get(7)


def test_a_full_cache_starts_over_and_still_answers() -> None:
    cache = BatchCache(lambda keys: {key: key * 2 for key in keys}, size=3)
    cache.prefetch([1, 2, 3])
    cache.prefetch([4, 5])
    assert [cache.get(key) for key in (1, 2, 3, 4, 5)] == [2, 4, 6, 8, 10]


def test_rows_in_splits_long_key_lists() -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    connection.executemany("INSERT INTO t VALUES (?, ?)", [(n, str(n)) for n in range(2000)])
    queries: list[str] = []

    def query(sql: str, *args: object) -> list[tuple]:
        queries.append(sql)
        return connection.execute(sql, args).fetchall()

    keys = list(range(0, 2000, 2))
    rows = rows_in(query, "t", "k", keys)
    assert sorted(rows) == [(n, str(n)) for n in keys]
    assert len(queries) == -(-len(keys) // MAX_QUERY_PARAMETERS)


def test_the_index_answers_the_same_batched(engine: Engine) -> None:
    engine_index = engine.finder.wordnet
    ids = engine_index.synsets_of("house", "n")[:5]
    singly = [engine_index.synset(number) for number in ids]
    fresh = WordNetIndex(engine_index.path)
    fresh.prefetch(ids)
    assert [fresh.synset(number) for number in ids] == singly
    assert "house" in singly[0].lemmas
