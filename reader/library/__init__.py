"""The local SQLite library of feeds, articles, analyses, decisions and the personal lexicon."""

from reader.library.location import data_dir, default_library_path
from reader.library.store import ArticleRow, FeedInfo, Library, LibraryError, SearchHit, SourceMatch, StoredArticle

__all__ = ["ArticleRow", "FeedInfo", "Library", "LibraryError", "SearchHit", "SourceMatch", "StoredArticle",
           "data_dir", "default_library_path"]
