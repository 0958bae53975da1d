"""The library sidebar: feeds, and the articles of the library with their spin score, sortable and filterable.

State lives in the two models (what is listed, how it is filtered and sorted); the widgets only show it.
Listing, filtering and sorting run in SQLite (``Library.list_articles``, ``Library.search``), so a library of
10,000 articles lists as fast as one of ten; columns SQLite cannot sort by are sorted here, on the rows listed.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.suggestion import (
    HONEST_BELOW,
    NOT_ENGLISH,
    SPUN_FROM,
    counted,
    passes_spin_filter,
    spin_verdict,
    verdict_words,
)
from reader.library import ArticleRow, FeedInfo, Library, LibraryError

Index = QModelIndex | QPersistentModelIndex
LIST_LIMIT = 2000  # rows listed at once; filters and search narrow a larger library
SEARCH_LIMIT = 300
SPIN_FILTERS: tuple[tuple[str, float | None], ...] = (
    ("Any spin", None), (f"Unclear or spun (≥ {HONEST_BELOW:.1%})", HONEST_BELOW),
    (f"Looks spun (≥ {SPUN_FROM:.1%})", SPUN_FROM), ("Spin ≥ 20%", 0.20))


NOT_ENGLISH_SHORT = "not EN"  # the spin column of a text in another language: no score to read as a verdict
VERDICT_COLOURS = {"spun": QColor(190, 40, 40), "unclear": QColor(200, 110, 0), "honest": QColor(40, 130, 60)}


def spin_colour(score: float | None, words: int | None = None, english: bool = True) -> QColor | None:
    """The article's verdict as a colour: red looks spun, orange unclear (or too short or not English to judge),
    green honest."""
    return None if score is None else VERDICT_COLOURS[spin_verdict(score, words, english)]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(date: str | None) -> str:
    """ISO dates as "7 Mar 24" (narrow enough for the sidebar); anything else as given."""
    if not date:
        return ""
    if len(date) >= 10 and date[4] == "-" and date[7] == "-" and date[5:7].isdigit() and date[8:10].isdigit():
        month = int(date[5:7])
        if 1 <= month <= 12:
            return f"{int(date[8:10])} {MONTHS[month - 1]} {date[2:4]}"
    return date


def origin(row: ArticleRow) -> str:
    """Where an article came from, for the Feed column: its feed, else the web site, else "local"."""
    if row.feed_title:
        return row.feed_title
    if row.feed_id is not None:
        return "feed"
    if row.url:
        return urllib.parse.urlsplit(row.url).netloc or row.url
    return "local"


class ArticleTableModel(QAbstractTableModel):
    """The listed articles and the query that lists them (feed, unread, starred, minimum spin, search, sort)."""

    STAR, TITLE, SPIN, DATE, FEED, STORY = range(6)
    HEADERS = ("★", "Title", "Spin", "Date", "Feed", "Copies")
    SQL_SORTS = {TITLE: "title", SPIN: "spin", DATE: "date"}
    ID_ROLE = Qt.ItemDataRole.UserRole
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, library: Library | None) -> None:
        super().__init__()
        self.library = library
        self.rows: list[ArticleRow] = []
        self.snippets: dict[int, str] = {}
        self.groups: dict[int, tuple[int, int]] = {}  # article id -> (group key, articles in the group)
        self.feed_id: int | None = None
        self.unread_only = False
        self.starred_only = False
        self.min_spin: float | None = None
        self.search = ""
        self.sort_column = self.DATE
        self.sort_order = Qt.SortOrder.DescendingOrder

    # --- the query --------------------------------------------------------------------------------------
    def set_query(self, **changes: Any) -> None:
        """Change any of feed_id, unread_only, starred_only, min_spin, search; the list follows."""
        for key, value in changes.items():
            if key not in ("feed_id", "unread_only", "starred_only", "min_spin", "search"):
                raise TypeError(f"unknown filter {key}")
            setattr(self, key, value)
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self._query()
        self.endResetModel()

    def _query(self) -> list[ArticleRow]:
        if self.library is None:
            return []
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        self.snippets = {}
        if self.search.strip():
            hits = self.library.search(self.search, limit=SEARCH_LIMIT, feed_id=self.feed_id)
            self.snippets = {hit.row.id: hit.snippet for hit in hits}
            rows = [hit.row for hit in hits if self._passes(hit.row)]
            return self._sorted(rows, descending)
        sql_sort = self.SQL_SORTS.get(self.sort_column)
        rows = self.library.list_articles(feed_id=self.feed_id, sort=sql_sort or "date", descending=descending,
                                          unread_only=self.unread_only, starred_only=self.starred_only,
                                          min_spin=self.min_spin, limit=LIST_LIMIT)
        return rows if sql_sort else self._sorted(rows, descending)

    def _passes(self, row: ArticleRow) -> bool:
        return ((not self.unread_only or not row.is_read) and (not self.starred_only or row.starred)
                and passes_spin_filter(row.spin_score, row.words, self.min_spin, row.english))

    def _sort_key(self, row: ArticleRow) -> object:
        column = self.sort_column
        if column == self.STAR:
            return row.starred
        if column == self.TITLE:
            return row.title.casefold()
        if column == self.SPIN:
            return row.spin_score
        if column == self.DATE:
            return row.date
        if column == self.FEED:
            return origin(row).casefold()
        group = self.groups.get(row.id)
        return (group[1], -group[0]) if group else None  # bigger groups first, copies side by side

    def _sorted(self, rows: list[ArticleRow], descending: bool) -> list[ArticleRow]:
        """Sort by the current column; rows without a value (no date, not analysed) come last either way."""
        known = [r for r in rows if self._sort_key(r) is not None]
        unknown = [r for r in rows if self._sort_key(r) is None]
        known.sort(key=self._sort_key, reverse=descending)  # type: ignore[arg-type]
        return known + unknown

    # --- rows -------------------------------------------------------------------------------------------
    def row_of(self, article_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == article_id), None)

    def article_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article's state (read, starred, spin score) without re-listing: it keeps its place."""
        row = self.row_of(article_id)
        if row is None or self.library is None:
            return
        try:
            fresh = self.library.article_row(article_id)
        except (sqlite3.Error, LibraryError):
            return  # the list shows what it knew; the next reload reads it again
        if fresh is None:
            return
        self.rows[row] = fresh
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_read(self, article_id: int, read: bool) -> None:
        if self.library is not None:
            self.library.mark_read(article_id, read)
            self.refresh_article(article_id)

    def set_starred(self, article_id: int, starred: bool) -> None:
        if self.library is not None:
            self.library.set_starred(article_id, starred)
            self.refresh_article(article_id)

    def set_groups(self, groups: Iterable[list[int]]) -> None:
        """Copies of one story (``Library.story_groups``): shown in the Copies column, sortable together."""
        self.groups = {}
        for group in groups:
            for article_id in group:
                self.groups[article_id] = (min(group), len(group))
        if self.rows:
            self.dataChanged.emit(self.index(0, self.STORY), self.index(len(self.rows) - 1, self.STORY))

    def merge_group(self, article_ids: list[int]) -> None:
        """Join articles (and the groups they are in) into one story group, e.g. when a source is found."""
        members = set(article_ids)
        for article_id in article_ids:
            if article_id in self.groups:
                key = self.groups[article_id][0]
                members |= {other for other, (k, _) in self.groups.items() if k == key}
        groups: dict[int, list[int]] = {}
        for other, (key, _) in self.groups.items():
            if other not in members:
                groups.setdefault(key, []).append(other)
        self.set_groups([*groups.values(), sorted(members)])

    # --- Qt model ---------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return ("Starred (S)", "Title (bold: unread; M marks read/unread)",
                        "Spin score: share of words suspected of being substituted", "Date published",
                        "Feed or web site", "Other copies of this story in the library")[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE and not row.is_read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.SPIN and (colour := spin_colour(row.spin_score, row.words, row.english)) is not None:
                return QBrush(colour)
            if column == self.STAR and row.starred:
                return QBrush(QColor(215, 150, 0))
            if column in (self.DATE, self.FEED, self.STORY):
                return QBrush(QColor(110, 110, 110))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.STAR, self.SPIN, self.STORY):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: ArticleRow, column: int) -> str:
        if column == self.STAR:
            return "★" if row.starred else "☆"
        if column == self.TITLE:
            return row.title
        if column == self.SPIN:
            if row.spin_score is None:
                return "—"
            return f"{row.spin_score:.0%}" if row.english else NOT_ENGLISH_SHORT
        if column == self.DATE:
            return short_date(row.date)
        if column == self.FEED:
            return origin(row)
        group = self.groups.get(row.id)
        return f"×{group[1]}" if group else ""

    def _tooltip(self, row: ArticleRow, column: int) -> str | None:
        if column == self.TITLE:
            snippet = self.snippets.get(row.id)
            return f"{row.title}\n\n{snippet}" if snippet else row.title
        if column == self.SPIN:
            if row.spin_score is None:
                return "not analysed yet: open the article"
            if not row.english:
                return NOT_ENGLISH[0].upper() + NOT_ENGLISH[1:]
            return f"{row.spin_score:.0%} of its words look substituted: {verdict_words(row.spin_score, row.words)}"
        if column == self.STORY and (group := self.groups.get(row.id)):
            return f"one story, {group[1]} articles in the library (sort by this column to see them together)"
        if column == self.FEED and row.url:
            return row.url
        if column == self.DATE and row.date:
            return row.date
        return None


class FeedListModel(QAbstractListModel):
    """"All articles" then every subscribed feed, with unread counts; a feed whose last refresh failed says why."""

    FEED_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, library: Library | None) -> None:
        super().__init__()
        self.library = library
        self.feeds: list[FeedInfo] = []
        self.total = 0

    def reload(self) -> None:
        self.beginResetModel()
        self.feeds = self.library.feeds() if self.library is not None else []
        self.total = self.library.count_articles() if self.library is not None else 0
        self.endResetModel()

    def feed_id(self, row: int) -> int | None:
        return self.feeds[row - 1].id if 1 <= row <= len(self.feeds) else None

    def row_of(self, feed_id: int | None) -> int:
        if feed_id is None:
            return 0
        return next((i + 1 for i, f in enumerate(self.feeds) if f.id == feed_id), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.feeds) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.row() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"All articles ({self.total})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        feed = self.feeds[index.row() - 1]
        if role == self.FEED_ROLE:
            return feed.id
        if role == Qt.ItemDataRole.DisplayRole:
            name = feed.title or feed.url
            mark = "⚠ " if feed.last_error else ""
            return f"{mark}{name} ({feed.unread})" if feed.unread else f"{mark}{name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            checked = f"\nlast checked {feed.checked_at}" if feed.checked_at else "\nnot refreshed yet"
            problem = f"\nlast refresh failed: {feed.last_error}" if feed.last_error else ""
            return f"{feed.url}\n{counted(feed.articles, 'article')}, {feed.unread} unread{checked}{problem}"
        if role == Qt.ItemDataRole.ForegroundRole and feed.last_error:
            return QBrush(QColor(180, 40, 40))
        return None


# Keys the sidebar's own widgets act on. The window's review shortcuts use them too (Return accepts, Delete keeps
# the published wording, Space shows the choices): from a search box or a list they must not touch the article.
OWN_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space})


class SidebarKeys(QObject):
    """Keeps the sidebar's keys its own: a shortcut override for ``OWN_KEYS`` is accepted, so the key goes to the
    widget with the focus, not to the window's shortcut. In the article list Return opens the article at once, and a
    click on the star column stars the row without choosing it (starring is no reading); Delete asks to delete the
    article chosen."""

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar
        self.table = sidebar.table
        self.viewport = sidebar.table.viewport()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's naming)
        kind = event.type()  # only the events below touch a widget: others may come while the sidebar is destroyed
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and event.key() in OWN_KEYS:
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and watched is self.table and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.sidebar.open_current_now()
                return True
            if event.key() == Qt.Key.Key_Delete and (chosen := self.sidebar.current_article()) is not None:
                self.sidebar.delete_requested.emit(chosen)  # the window asks first
                return True
        if (kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and watched is self.viewport
                and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton):
            index = self.table.indexAt(event.position().toPoint())
            if index.isValid() and index.column() == ArticleTableModel.STAR:
                self.sidebar.toggle_star_at(index.row())
                return True
        return False


class Sidebar(QWidget):
    """Search box, feeds, filters and the article table; emits ``article_chosen`` when the reader picks one."""

    article_chosen = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, library: Library | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles = ArticleTableModel(library)
        self.feeds = FeedListModel(library)
        self.open_delay_ms = 150  # moving through the list with the arrow keys opens only where it stops

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)

        self.feed_view = QListView()
        self.feed_view.setModel(self.feeds)
        self.feed_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.feed_view.selectionModel().currentRowChanged.connect(self._feed_changed)

        self.unread = QCheckBox("Unread")
        self.unread.toggled.connect(lambda on: self.articles.set_query(unread_only=on))
        self.starred = QCheckBox("Starred")
        self.starred.toggled.connect(lambda on: self.articles.set_query(starred_only=on))
        self.spin = QComboBox()
        # It takes the row's room but needs little: its longest label set the sidebar's minimum width.
        self.spin.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.spin.setMinimumContentsLength(10)
        self.spin.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for label, _value in SPIN_FILTERS:
            self.spin.addItem(label)
        self.spin.currentIndexChanged.connect(lambda i: self.articles.set_query(min_spin=SPIN_FILTERS[i][1]))
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.unread)
        filters.addWidget(self.starred)
        filters.addWidget(self.spin, 1)

        self.table = QTableView()
        self.table.setModel(self.articles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ArticleTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ArticleTableModel.STAR, 24), (ArticleTableModel.SPIN, 42),
                              (ArticleTableModel.DATE, 70), (ArticleTableModel.FEED, 84),
                              (ArticleTableModel.STORY, 52)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(24)
        header.setHighlightSections(False)
        self.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.articles.modelReset.connect(self._update_count)
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.timeout.connect(self._open_current)
        self.count = QLabel()
        self.count.setStyleSheet("color: palette(mid);")

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(filters)
        lower_layout.addWidget(self.table, 1)
        lower_layout.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.feed_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([90, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        keys = SidebarKeys(self)
        for widget in (self.search, self.feed_view, self.table, self.table.viewport()):
            widget.installEventFilter(keys)
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Re-read feeds and articles from the library, keeping the feed chosen and article ``keep`` selected."""
        feed_id = self.articles.feed_id
        self.feed_view.selectionModel().blockSignals(True)
        self.feeds.reload()
        self.feed_view.setCurrentIndex(self.feeds.index(self.feeds.row_of(feed_id)))
        self.feed_view.selectionModel().blockSignals(False)
        self.articles.reload()
        if keep is not None:
            self.show_article(keep)

    def show_article(self, article_id: int) -> None:
        """Select the article's row, if listed, without opening it again."""
        row = self.articles.row_of(article_id)
        if row is None:
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(self.articles.index(row, ArticleTableModel.TITLE),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.scrollTo(self.articles.index(row, ArticleTableModel.TITLE))

    def current_article(self) -> int | None:
        index = self.table.currentIndex()
        return self.articles.article_id(index.row()) if index.isValid() else None

    def _update_count(self) -> None:
        shown = len(self.articles.rows)
        what = "found" if self.articles.search.strip() else "listed"
        self.count.setText(f"{shown} articles {what}" if shown != 1 else f"1 article {what}")

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.articles.search:
            self.articles.set_query(search=self.search.text())

    def _feed_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.articles.set_query(feed_id=self.feeds.feed_id(current.row()))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._open_timer.start(self.open_delay_ms)

    def _open_current(self) -> None:
        article_id = self.current_article()
        if article_id is not None:
            self.article_chosen.emit(article_id)

    def open_current_now(self) -> None:
        self._open_timer.stop()
        self._open_current()

    def toggle_star_at(self, row: int) -> None:
        article_id = self.articles.article_id(row)
        if article_id is not None:
            self.articles.set_starred(article_id, not self.articles.rows[row].starred)

    def on_feed_context(self, handler: Callable[[int | None], None]) -> None:
        """Call ``handler(feed id or None)`` for a right click on the feed list."""
        self.feed_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.feed_view.customContextMenuRequested.connect(
            lambda point: handler(self.feeds.feed_id(self.feed_view.indexAt(point).row())))
