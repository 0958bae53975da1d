"""A bounded cache of index rows, filled a batch at a time.

Finding one word's candidates reads dozens of WordNet synsets and inflection tables: one SQLite query each made
18,500 queries in the seed's cold analysis, one per batch about 1,700. Safe to share between threads: a full cache
is replaced, never cleared under a reader, and a row evicted meanwhile is fetched again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

MAX_QUERY_PARAMETERS = 500  # SQLite allows 999 in old builds
Key = TypeVar("Key")
Value = TypeVar("Value")


class BatchCache(Generic[Key, Value]):
    def __init__(self, fetch: Callable[[Sequence[Key]], dict[Key, Value]], size: int, absent: Value | None = None):
        """``fetch`` returns the rows found for some keys; a key without a row reads as ``absent`` (when given,
        else it is an error)."""
        self._fetch = fetch
        self._size = size
        self._absent = absent
        self._rows: dict[Key, Value] = {}

    def get(self, key: Key) -> Value:
        found = self._rows.get(key)
        return found if found is not None else self._load((key,))[key]

    def prefetch(self, keys: Iterable[Key]) -> None:
        rows = self._rows
        missing = list(dict.fromkeys(key for key in keys if key not in rows))
        if missing:
            self._load(missing)

    def _load(self, keys: Sequence[Key]) -> dict[Key, Value]:
        fetched = self._fetch(keys)
        if self._absent is not None:
            for key in keys:
                fetched.setdefault(key, self._absent)
        if len(self._rows) + len(fetched) > self._size:
            self._rows = {}
        self._rows.update(fetched)
        return fetched


def rows_in(query: Callable[..., list[tuple]], table: str, column: str, keys: Sequence[object]) -> list[tuple]:
    """``SELECT * FROM table WHERE column IN keys`` through ``query``, a query per few hundred keys."""
    rows = []
    for start in range(0, len(keys), MAX_QUERY_PARAMETERS):
        batch = keys[start : start + MAX_QUERY_PARAMETERS]
        rows += query(f"SELECT * FROM {table} WHERE {column} IN ({','.join('?' * len(batch))})", *batch)
    return rows
