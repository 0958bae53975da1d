"""The local library: one SQLite file of feeds, articles, analyses, decisions and the personal lexicon.

Durability: WAL with ``synchronous=FULL`` and one short transaction per call, so a decision is on disk when
``set_decision`` returns and survives a crash, a kill or a power cut. Open one Library per thread
(sqlite3 connections are not shared across threads); WAL lets a worker write while the window reads.
A damaged file is detected on open, renamed aside (``*.damaged-<time>``) and a fresh library started;
``Library.notice`` then says so in words the reader can act on.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.core.immutables import hashed, immutables, overlap_score, rarity
from reader.core.language import looks_english
from reader.core.lexicon import Entry, PersonalLexicon, Rule, lexicon_text
from reader.core.suggestion import MIN_VERDICT_WORDS, SPUN_FROM, Analysis, Decision, Suggestion, Verdict
from reader.library.location import default_library_path
from reader.library.schema import LATEST, MIGRATIONS
from reader.sources.article import Article
from reader.sources.feeds import FeedRef, export_opml, parse_opml

_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 500  # bound parameters per IN (...) list
SORTS = {"date": "a.date", "added": "a.id", "spin": "a.spin_score", "title": "a.title COLLATE NOCASE"}


class LibraryError(Exception):
    """The library cannot be used (e.g. written by a newer Unspin); the message is for the reader."""


@dataclass(frozen=True, slots=True)
class FeedInfo:
    id: int
    url: str
    title: str
    site_url: str | None
    etag: str | None
    last_modified: str | None
    checked_at: str | None
    last_error: str | None
    articles: int = 0
    unread: int = 0


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as the sidebar lists it (no text: listing 10,000 rows stays fast)."""

    id: int
    title: str
    feed_id: int | None
    feed_title: str | None
    date: str | None
    url: str | None
    spin_score: float | None
    is_read: bool
    starred: bool
    words: int | None = None  # the length its spin score was measured on (None before an analysis)
    english: bool = True  # language.looks_english of its text: no verdict on another language


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    article: Article
    feed_id: int | None
    spin_score: float | None
    is_read: bool
    starred: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    row: ArticleRow
    snippet: str  # with [ ] around the matched words


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """An article in the library telling the same story by the same immutables.

    ``relation`` is "source" when it looks like the original this text was spun from (less spun, or older),
    else "copy". ``similarity`` is the share of words the two have in common after token alignment (0..1),
    computed for the best few matches only, None for the rest.
    """

    article_id: int
    title: str
    score: float
    shared: int
    relation: str
    similarity: float | None = None


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _english(text: str | None) -> int:
    """The ``english`` column of an article with this text (also the SQL function the schema's migration 2 calls)."""
    return int(looks_english(text or ""))


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _chunks(items: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


class Library:
    """The reader's library. ``Library.open()`` uses the default location; tests pass a path."""

    def __init__(self, path: str | Path, *, check: bool | None = None) -> None:
        """``check``: True runs SQLite's quick_check (reads the whole file: ~150 ms for 10,000 articles),
        False only the cheap probes; None (default) runs it when the last session did not close cleanly
        (its WAL file is still there). ``check_integrity`` runs it later, e.g. from a worker thread."""
        self.path = Path(path)
        self.notice: str | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._connect(check)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise LibraryError("the library is in use by another program; close it and try again") from None
            aside = self._set_aside()
            self.notice = (f"The library file was damaged ({error}). It was set aside as {aside.name} and a new, "
                           "empty library was started.")
            self._db = self._connect(check=False)

    @classmethod
    def open(cls) -> Library:
        return cls(default_library_path())

    # --- opening, migrations, corruption ---------------------------------------------------------------

    def _connect(self, check: bool | None) -> sqlite3.Connection:
        if self.path.exists() and self.path.stat().st_size > 0:
            with self.path.open("rb") as handle:
                if handle.read(16) != _SQLITE_MAGIC:
                    raise sqlite3.DatabaseError("file is not a database")
        if check is None:
            check = Path(str(self.path) + "-wal").exists()
        db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.create_function("looks_english", 1, _english, deterministic=True)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise LibraryError(f"the library was written by a newer version of Unspin (schema {version}; "
                                   f"this version knows {LATEST}); update Unspin to open it")
            if check and version:
                problem = db.execute("PRAGMA quick_check(1)").fetchone()[0]
                if problem != "ok":
                    raise sqlite3.DatabaseError(f"integrity check: {problem}")
            elif version:  # touch every table's root page: cheap, and catches a scrambled schema or header
                for table in ("feeds", "articles", "article_keys", "analyses", "decisions", "lexicon"):
                    db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()
            for number in range(version, LATEST):
                db.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\n"
                                 "COMMIT;")
        except BaseException:
            db.close()
            raise
        return db

    def check_integrity(self) -> str | None:
        """SQLite's quick_check; None when sound, else a message. If damaged, ``recover`` sets the file aside."""
        try:
            problem = self._db.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as error:
            problem = str(error)
        return None if problem == "ok" else f"the library file is damaged ({problem})"

    def recover(self) -> str:
        """Set the (damaged) file aside and start a fresh library; returns the message for the reader."""
        self._db.close()
        aside = self._set_aside()
        self.notice = (f"The library file was damaged. It was set aside as {aside.name} and a new, empty "
                       "library was started.")
        self._db = self._connect(check=False)
        return self.notice

    def _set_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(aside) + suffix))
        return aside

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; nested use joins the outer transaction (for bulk imports)."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # --- feeds -------------------------------------------------------------------------------------------

    def add_feed(self, url: str, title: str = "", site_url: str | None = None) -> int:
        """Subscribe (idempotent: the same URL gives the same id)."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO feeds(url, title, site_url, added_at) VALUES (?, ?, ?, ?)",
                       (url, title, site_url, _now()))
            return int(db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0])

    _KEPT_ARTICLE = "starred = 1 OR id IN (SELECT article_id FROM decisions)"  # what the reader marked or reviewed

    @classmethod
    def _kept_on_unsubscribe(cls, keep: Iterable[int]) -> tuple[str, list[int]]:
        """The condition on a feed's articles that stay when it is unsubscribed from, and its parameters."""
        kept = list(keep)
        return f"feed_id = ? AND ({cls._KEPT_ARTICLE} OR id IN ({', '.join('?' * len(kept)) or 'NULL'}))", kept

    def remove_feed(self, feed_id: int, keep: Iterable[int] = ()) -> int:
        """Unsubscribe and forget its articles (and their analyses), but for those the reader starred or reviewed
        (a decision) and those in ``keep`` (the one open): they stay, as articles of no feed. Returns how many."""
        condition, kept = self._kept_on_unsubscribe(keep)
        with self.transaction() as db:
            stay = db.execute(f"UPDATE articles SET feed_id = NULL WHERE {condition}", (feed_id, *kept)).rowcount
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return stay

    def kept_on_unsubscribe(self, feed_id: int, keep: Iterable[int] = ()) -> int:
        """How many of a feed's articles ``remove_feed`` with the same ``keep`` keeps."""
        condition, kept = self._kept_on_unsubscribe(keep)
        return int(self._db.execute(f"SELECT COUNT(*) FROM articles WHERE {condition}", (feed_id, *kept)).fetchone()[0])

    def feeds(self) -> list[FeedInfo]:
        rows = self._db.execute(
            "SELECT f.*, COUNT(a.id) AS n, COALESCE(SUM(a.is_read = 0), 0) AS unread FROM feeds f "
            "LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id ORDER BY f.title COLLATE NOCASE, f.url")
        return [FeedInfo(r["id"], r["url"], r["title"], r["site_url"], r["etag"], r["last_modified"],
                         r["checked_at"], r["last_error"], r["n"], r["unread"]) for r in rows]

    def record_feed_check(self, feed_id: int, *, etag: str | None = None, last_modified: str | None = None,
                          error: str | None = None, title: str | None = None, site_url: str | None = None) -> None:
        """Remember a refresh: validators for the next conditional request, or the error to show."""
        with self.transaction() as db:
            if error is not None:
                db.execute("UPDATE feeds SET checked_at = ?, last_error = ? WHERE id = ?", (_now(), error, feed_id))
                return
            db.execute("UPDATE feeds SET checked_at = ?, last_error = NULL, etag = ?, last_modified = ?, "
                       "title = CASE WHEN ? IS NOT NULL AND title = '' THEN ? ELSE title END, "
                       "site_url = COALESCE(?, site_url) WHERE id = ?",
                       (_now(), etag, last_modified, title, title, site_url, feed_id))

    def known_guids(self, feed_id: int) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT guid FROM articles WHERE feed_id = ?", (feed_id,))}

    def import_opml(self, path: str | Path) -> int:
        """Subscribe to every feed in an OPML file; returns how many were new."""
        refs = parse_opml(Path(path).read_bytes())
        before = len(self.feeds())
        with self.transaction():
            for ref in refs:
                self.add_feed(ref.url, ref.title, ref.site_url)
        return len(self.feeds()) - before

    def export_opml(self, path: str | Path) -> None:
        refs = [FeedRef(f.url, f.title, f.site_url) for f in self.feeds()]
        Path(path).write_text(export_opml(refs), encoding="utf-8")

    # --- articles ----------------------------------------------------------------------------------------

    def add_article(self, *, title: str, text: str, url: str | None = None, byline: str | None = None,
                    date: str | None = None, source: str = "", feed_id: int | None = None,
                    guid: str | None = None) -> int:
        """Store an article (with its search and immutables index); an existing (feed, guid) is not duplicated."""
        guid = guid or url or (source or None)
        keys = hashed(immutables(f"{title}\n\n{text}"))
        with self.transaction() as db:
            if guid is not None:
                row = db.execute("SELECT id FROM articles WHERE feed_id IS ? AND guid = ?", (feed_id, guid)).fetchone()
                if row is not None:
                    return int(row[0])
            cursor = db.execute(
                "INSERT INTO articles(feed_id, guid, url, title, byline, date, source, text, added_at, key_count, "
                "english) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (feed_id, guid, url, title, byline, date, source, text, _now(), len(keys), _english(text)))
            article_id = int(cursor.lastrowid or 0)
            db.executemany("INSERT OR IGNORE INTO article_keys(key, article_id) VALUES (?, ?)",
                           [(k, article_id) for k in keys])
        return article_id

    def add(self, article: Article, *, feed_id: int | None = None, guid: str | None = None) -> int:
        return self.add_article(title=article.title, text=article.text, url=article.url, byline=article.byline,
                                date=article.date, source=article.source, feed_id=feed_id, guid=guid)

    def article(self, article_id: int) -> StoredArticle | None:
        r = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        return StoredArticle(r["id"], Article(r["title"], r["text"], r["source"], r["byline"], r["date"], r["url"]),
                             r["feed_id"], r["spin_score"], bool(r["is_read"]), bool(r["starred"]))

    def delete_article(self, article_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET is_read = ? WHERE id = ?", (int(read), article_id))

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    _ROW_COLUMNS = ("a.id, a.title, a.feed_id, f.title AS feed_title, a.date, a.url, a.spin_score, a.is_read, "
                    "a.starred, an.words, a.english")
    _ROW_SQL = (f"SELECT {_ROW_COLUMNS} FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id "
                "LEFT JOIN analyses an ON an.article_id = a.id")

    @staticmethod
    def _row(r: sqlite3.Row) -> ArticleRow:
        return ArticleRow(r["id"], r["title"], r["feed_id"], r["feed_title"], r["date"], r["url"], r["spin_score"],
                          bool(r["is_read"]), bool(r["starred"]), r["words"], bool(r["english"]))

    def article_row(self, article_id: int) -> ArticleRow | None:
        """One article as the list shows it (after an analysis its spin score and length change)."""
        r = self._db.execute(f"{self._ROW_SQL} WHERE a.id = ?", (article_id,)).fetchone()
        return None if r is None else self._row(r)

    def list_articles(self, *, feed_id: int | None = None, sort: str = "date", descending: bool = True,
                      unread_only: bool = False, starred_only: bool = False, min_spin: float | None = None,
                      limit: int = 500, offset: int = 0) -> list[ArticleRow]:
        """The sidebar's list: filter by feed, read state, star, spin score; sort by date/added/spin/title.
        Articles not analysed yet (no spin score) sort last either way."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {sorted(SORTS)}")
        where, params = self._filters(feed_id, unread_only, starred_only, min_spin)
        order = SORTS[sort]
        direction = "DESC" if descending else "ASC"
        sql = (f"{self._ROW_SQL}{where} ORDER BY {order} IS NULL, {order} {direction}, a.id {direction} "
               "LIMIT ? OFFSET ?")
        return [self._row(r) for r in self._db.execute(sql, (*params, limit, offset))]

    @staticmethod
    def _filters(feed_id: int | None, unread_only: bool, starred_only: bool,
                 min_spin: float | None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if feed_id is not None:
            clauses.append("a.feed_id = ?")
            params.append(feed_id)
        if unread_only:
            clauses.append("a.is_read = 0")
        if starred_only:
            clauses.append("a.starred = 1")
        if min_spin is not None:
            # As passes_spin_filter: a text too short to judge, or not in English, is unclear whatever its score.
            short = "a.english = 0 OR (an.words IS NOT NULL AND an.words < ?)"
            if min_spin < SPUN_FROM:
                clauses.append(f"a.spin_score IS NOT NULL AND (a.spin_score >= ? OR ({short}))")
            else:
                clauses.append(f"a.spin_score >= ? AND NOT ({short})")
            params.extend((min_spin, MIN_VERDICT_WORDS))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def search(self, query: str, *, limit: int = 50, feed_id: int | None = None) -> list[SearchHit]:
        """Full-text search (FTS5, best matches first); every word must match, the last one as a prefix."""
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
        where, params = self._filters(feed_id, False, False, None)
        extra = where.replace(" WHERE ", " AND ") if where else ""
        sql = (f"SELECT {self._ROW_COLUMNS}, snippet(articles_fts, 1, '[', ']', '…', 12) AS snip FROM articles_fts "
               f"JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN feeds f ON f.id = a.feed_id "
               f"LEFT JOIN analyses an ON an.article_id = a.id "
               f"WHERE articles_fts MATCH ?{extra} ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?")
        return [SearchHit(self._row(r), r["snip"]) for r in self._db.execute(sql, (match, *params, limit))]

    # --- analyses ------------------------------------------------------------------------------------------

    def save_analysis(self, article_id: int, analysis: Analysis, engine: str = "") -> None:
        """Keep the engine's result (and the article's spin score for sorting) so reopening is instant."""
        payload = json.dumps([s.to_json() for s in analysis.suggestions], ensure_ascii=False)
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO analyses(article_id, text_hash, engine, words, suggestions, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                       (article_id, _text_hash(analysis.text), engine, analysis.words, payload, _now()))
            db.execute("UPDATE articles SET spin_score = ? WHERE id = ?", (analysis.spin_score, article_id))

    def load_analysis(self, article_id: int, engine: str | None = None) -> Analysis | None:
        """The stored analysis, if it was made for the article's current text (and ``engine``, if given)."""
        r = self._db.execute("SELECT an.*, a.text FROM analyses an JOIN articles a ON a.id = an.article_id "
                             "WHERE an.article_id = ?", (article_id,)).fetchone()
        if r is None or r["text_hash"] != _text_hash(r["text"]) or (engine is not None and r["engine"] != engine):
            return None
        suggestions = tuple(
            Suggestion(d["start"], d["end"], d["original"], d["replacement"], tuple(d["alternatives"]),
                       d["confidence"], tuple(d["reasons"])) for d in json.loads(r["suggestions"]))
        return Analysis(r["text"], suggestions, r["words"])

    # --- decisions -----------------------------------------------------------------------------------------

    def set_decision(self, article_id: int, suggestion: Suggestion, decision: Decision | None) -> None:
        """Record (or with None, withdraw) the reader's decision; on disk when this returns.

        Keyed by (start, end, original) so it survives re-analysis; the lexicon's accepted/rejected counts
        follow in the same transaction, replacing what an earlier decision on this span had counted.
        """
        key = (article_id, suggestion.start, suggestion.end, suggestion.original)
        with self.transaction() as db:
            previous = db.execute("SELECT verdict, choice FROM decisions WHERE article_id = ? AND span_start = ? "
                                  "AND span_end = ? AND original = ?", key).fetchone()
            if previous is not None:
                old = Decision(Verdict(previous["verdict"]), previous["choice"])
                self._count(db, suggestion, old, -1)
            if decision is None:
                db.execute("DELETE FROM decisions WHERE article_id = ? AND span_start = ? AND span_end = ? "
                           "AND original = ?", key)
                return
            db.execute("INSERT OR REPLACE INTO decisions(article_id, span_start, span_end, original, verdict, choice, "
                       "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (*key, decision.verdict.value, decision.choice, _now()))
            self._count(db, suggestion, decision, +1)

    @staticmethod
    def _count(db: sqlite3.Connection, suggestion: Suggestion, decision: Decision, step: int) -> None:
        from reader.core.lexicon import normalise

        wording = decision.choice or suggestion.replacement
        column = "accepted" if decision.verdict is Verdict.ACCEPT else "rejected"
        spun, original = normalise(suggestion.original), normalise(wording)
        db.execute("INSERT OR IGNORE INTO lexicon(spun, original, updated_at) VALUES (?, ?, ?)",
                   (spun, original, _now()))
        db.execute(f"UPDATE lexicon SET {column} = MAX(0, {column} + ?), updated_at = ? "
                   "WHERE spun = ? AND original = ?", (step, _now(), spun, original))

    def stored_decisions(self, article_id: int) -> dict[tuple[int, int, str], Decision]:
        rows = self._db.execute("SELECT span_start, span_end, original, verdict, choice FROM decisions "
                                "WHERE article_id = ?", (article_id,))
        return {(r[0], r[1], r[2]): Decision(Verdict(r[3]), r[4]) for r in rows}

    def decisions(self, article_id: int, suggestions: Sequence[Suggestion]) -> dict[int, Decision]:
        """Stored decisions keyed by index in ``suggestions`` (the form ``restore`` takes)."""
        stored = self.stored_decisions(article_id)
        return {i: stored[(s.start, s.end, s.original)] for i, s in enumerate(suggestions)
                if (s.start, s.end, s.original) in stored}

    # --- personal lexicon -----------------------------------------------------------------------------------

    def lexicon(self) -> PersonalLexicon:
        rows = self._db.execute("SELECT spun, original, rule, accepted, rejected FROM lexicon")
        return PersonalLexicon(Entry(r[0], r[1], Rule(r[2]) if r[2] else None, r[3], r[4]) for r in rows)

    def set_rule(self, spun: str, original: str, rule: Rule | None) -> None:
        """"Always" / "never" for this pair (None clears the rule, keeping the counts)."""
        from reader.core.lexicon import normalise

        with self.transaction() as db:
            db.execute("INSERT INTO lexicon(spun, original, rule, updated_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(spun, original) DO UPDATE SET rule = excluded.rule, "
                       "updated_at = excluded.updated_at",
                       (normalise(spun), normalise(original), rule.value if rule else None, _now()))

    def add_pairs(self, pairs: Iterable[tuple[str, str]], rule: Rule = Rule.ALWAYS) -> int:
        """Add (spun, original) pairs in one action, e.g. all substitutions of a "compare with source"."""
        count = 0
        with self.transaction():
            for spun, original in pairs:
                if spun.strip() and original.strip():
                    self.set_rule(spun, original, rule)
                    count += 1
        return count

    def export_lexicon(self, path: str | Path) -> int:
        lexicon = self.lexicon()
        Path(path).write_text(lexicon.to_json(), encoding="utf-8")
        return len(lexicon)

    def import_lexicon(self, path: str | Path) -> int:
        """Merge a lexicon file: rules from the file win, counts add up. Returns the pairs read."""
        incoming = PersonalLexicon.from_json(lexicon_text(Path(path).read_bytes()))
        with self.transaction() as db:
            for e in incoming:
                db.execute("INSERT INTO lexicon(spun, original, rule, accepted, rejected, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(spun, original) DO UPDATE SET "
                           "rule = COALESCE(excluded.rule, rule), accepted = accepted + excluded.accepted, "
                           "rejected = rejected + excluded.rejected, updated_at = excluded.updated_at",
                           (e.spun, e.original, e.rule.value if e.rule else None, e.accepted, e.rejected, _now()))
        return len(incoming)

    # --- sources and copies by immutables ---------------------------------------------------------------

    def find_sources(self, text: str, *, exclude: int | None = None, limit: int = 5, min_score: float = 0.3,
                     confirm: int = 3, spin_score: float | None = None, date: str | None = None) -> list[SourceMatch]:
        """Articles telling the same story as ``text``, best first, by shared immutables weighted by rarity.

        ``exclude`` is the article's own id; ``spin_score``/``date`` of the text help tell the original
        from other copies. The best ``confirm`` matches are aligned word by word for ``similarity``.
        """
        from reader.core.align import align

        keys = hashed(immutables(text))
        if not keys:
            return []
        documents = max(1, self.count_articles())
        df: dict[int, int] = {}
        for part in _chunks(keys):
            marks = ",".join("?" * len(part))
            df.update(self._db.execute(f"SELECT key, COUNT(*) FROM article_keys WHERE key IN ({marks}) GROUP BY key",
                                       part).fetchall())
        weight = {k: rarity(df.get(k, 0), documents) for k in keys}
        query_weight = sum(weight.values())
        common = max(20, documents // 20)  # keys in over 5% of articles select too many candidates to be useful
        useful = [k for k in keys if 0 < df.get(k, 0) <= common]
        shared_weight: dict[int, float] = {}
        shared_count: dict[int, int] = {}
        for part in _chunks(useful):
            marks = ",".join("?" * len(part))
            for key, article_id in self._db.execute(
                    f"SELECT key, article_id FROM article_keys WHERE key IN ({marks})", part):
                if article_id == exclude:
                    continue
                shared_weight[article_id] = shared_weight.get(article_id, 0.0) + weight[key]
                shared_count[article_id] = shared_count.get(article_id, 0) + 1
        best = sorted(shared_weight, key=shared_weight.__getitem__, reverse=True)[:max(30, limit * 3)]
        if not best:
            return []
        marks = ",".join("?" * len(best))
        info = {r["id"]: r for r in self._db.execute(
            f"SELECT id, title, key_count, spin_score, date FROM articles WHERE id IN ({marks})", best)}
        scored = sorted(((overlap_score(shared_weight[i], query_weight, shared_count[i], info[i]["key_count"]), i)
                         for i in best if i in info), reverse=True)
        matches: list[SourceMatch] = []
        for rank, (score, i) in enumerate(scored[:limit]):
            if score < min_score:
                break
            similarity = None
            if rank < confirm:
                stored = self.article(i)
                if stored is not None:
                    similarity = align(stored.article.text, text).similarity
            r = info[i]
            relation = "copy"
            if spin_score is not None and r["spin_score"] is not None:
                relation = "source" if r["spin_score"] < spin_score else "copy"
            elif date and r["date"] and r["date"] < date:
                relation = "source"
            matches.append(SourceMatch(i, r["title"], round(score, 4), shared_count[i], relation, similarity))
        return matches

    def find_sources_of(self, article_id: int, **options: object) -> list[SourceMatch]:
        stored = self.article(article_id)
        if stored is None:
            return []
        return self.find_sources(f"{stored.article.title}\n\n{stored.article.text}", exclude=article_id,
                                 spin_score=stored.spin_score, date=stored.article.date,
                                 **options)  # type: ignore[arg-type]

    def story_groups(self, article_ids: Iterable[int] | None = None, *, min_score: float = 0.5) -> list[list[int]]:
        """Copies of one story across feeds: groups (of two or more article ids) joined by strong matches."""
        ids = list(article_ids) if article_ids is not None else [
            r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY id")]
        parent: dict[int, int] = {}

        def root(x: int) -> int:
            while parent.get(x, x) != x:
                x = parent[x] = parent.get(parent[x], parent[x])
            return x

        for article_id in ids:
            for match in self.find_sources_of(article_id, min_score=min_score, confirm=0, limit=10):
                a, b = root(article_id), root(match.article_id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[int]] = {}
        for x in set(parent) | set(parent.values()):
            groups.setdefault(root(x), []).append(x)
        return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
