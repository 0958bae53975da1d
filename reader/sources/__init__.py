"""Where articles come from: local files, web pages and feeds. Pure Python and synchronous: the GUI runs
network calls on its thread pool."""

from reader.sources.article import Article, ArticleError

__all__ = ["Article", "ArticleError"]
