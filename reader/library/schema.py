"""Versioned schema migrations, applied in order inside one transaction each; ``PRAGMA user_version`` holds
the number of the last one applied. Append new migrations; never edit one that has shipped."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds, articles with full-text search, immutables index, analyses, decisions, personal lexicon
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        last_error TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT,
        url TEXT,
        title TEXT NOT NULL,
        byline TEXT,
        date TEXT,
        source TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        added_at TEXT NOT NULL,
        is_read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        spin_score REAL,
        key_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_guid ON articles(feed_id, guid);
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_spin ON articles(spin_score);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE article_keys (
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_keys_article ON article_keys(article_id);
    CREATE TABLE analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        engine TEXT NOT NULL DEFAULT '',
        words INTEGER NOT NULL,
        suggestions TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE decisions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        original TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
        choice TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        PRIMARY KEY (article_id, span_start, span_end, original)
    );
    CREATE TABLE lexicon (
        spun TEXT NOT NULL,
        original TEXT NOT NULL,
        rule TEXT CHECK (rule IN ('always', 'never')),
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (spun, original)
    );
    """,
    # 2: whether an article's text is English (language.looks_english, registered on the connection as a function):
    # a verdict on any other language means nothing, and the list says so instead of showing a score as a verdict
    """
    ALTER TABLE articles ADD COLUMN english INTEGER NOT NULL DEFAULT 1;
    UPDATE articles SET english = looks_english(text);
    """,
)

LATEST = len(MIGRATIONS)
