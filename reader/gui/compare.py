"""Compare with source: the spun article aligned with its original, substitution by substitution.

``build_comparison`` is plain Python over reader.core.align; the dialogs only show it. The alignment is the
truth here: what the spinner changed, exactly; beside it, what the engine flagged at each place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.align import Agreement, Alignment, Substitution, align, compare
from reader.core.suggestion import Suggestion, counted
from reader.sources.article import ArticleError

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    """One substitution the spinner made, and the engine's suggestion at that place (if any)."""

    substitution: Substitution
    suggestion: Suggestion | None

    @property
    def exact(self) -> bool:
        return self.suggestion is not None and \
            self.suggestion.replacement.casefold() == self.substitution.source_text.casefold()


RULE_WORDS = 3
RULE_SIMILARITY = 0.5
FUNCTION_WORDS = frozenset(
    "a an the this that these those of to in on at by for with from as and or but not no is are was were be been "
    "it its he she they we you i his her their our your".split()
)


def _rule_worthy(spun: str, original: str) -> bool:
    sides = (spun.split(), original.split())
    return (
        all(1 <= len(words) <= RULE_WORDS for words in sides)
        and all(any(c.isalpha() for c in side) and not any(c.isdigit() for c in side) for side in (spun, original))
        and spun.casefold() != original.casefold()
        # one capitalised word is a word of a name or a sentence's first: as a rule it would rewrite the word in
        # every later article ("Home" -> "House" out of "White Home")
        and not (len(sides[0]) == 1 and spun[:1].isupper())
        and not all(w.casefold().strip(".,;:!?\"'“”‘’") in FUNCTION_WORDS for w in sides[0] + sides[1])
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    source_title: str
    alignment: Alignment
    agreement: Agreement
    rows: tuple[Row, ...]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(spun, original) wording pairs, each once, in the order found."""
        seen: dict[tuple[str, str], None] = {}
        for row in self.rows:
            seen.setdefault(row.substitution.pair, None)
        return list(seen)

    @property
    def lexicon_pairs(self) -> list[tuple[str, str]]:
        """The pairs fit to become "always" rules: word swaps of up to ``RULE_WORDS`` words a side, with letters,
        no figures, more than a function word or a change of case, and not one capitalised word. A realigned
        sentence ("In other news," for "Forecasters expect") or "The" for "A" would rewrite every later article;
        none is offered from an article that may be another story (under ``RULE_SIMILARITY`` of the words the
        same)."""
        if self.alignment.similarity < RULE_SIMILARITY:
            return []
        return [(spun, original) for spun, original in self.pairs if _rule_worthy(spun, original)]

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row.suggestion is not None)

    @property
    def restored_exactly(self) -> int:
        return sum(1 for row in self.rows if row.exact)

    def summary(self) -> str:
        made = len(self.rows)
        similarity = self.alignment.similarity
        lines = [f"{similarity:.0%} of the words are the same as in {self.source_title}."]
        if similarity < 0.5:
            lines.append("That is little for a spun copy: this may be another article on the story, not its source.")
        if not made:
            lines.append("The alignment finds no substituted words.")
        else:
            lines.append(f"The spinner made {made} substitution{'s' if made != 1 else ''}: the engine flagged "
                         f"{self.flagged} of them and restored {self.restored_exactly} exactly.")
        alarms = len(self.agreement.false_alarms)
        lines.append(f"{alarms} engine flag{'s are' if alarms != 1 else ' is'} not in the alignment "
                     "(words the source has too)." if alarms else "Every engine flag is a real substitution.")
        return " ".join(lines)


def build_comparison(source_text: str, copy_text: str, suggestions: Sequence[Suggestion],
                     source_title: str = "the source") -> Comparison:
    """Align ``source_text`` (the original) with ``copy_text`` (the article open, which ``suggestions`` are for)."""
    alignment = align(source_text, copy_text)
    agreement = compare(alignment, suggestions)
    rows = tuple(Row(sub, next((s for s in suggestions if s.start < sub.copy_end and sub.copy_start < s.end), None))
                 for sub in alignment.substitutions)
    return Comparison(source_title, alignment, agreement, rows)


class SubstitutionsModel(QAbstractTableModel):
    HEADERS = ("Spun wording", "Original wording", "Engine", "Engine's wording")

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.comparison.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.comparison.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.substitution.copy_text
            if column == 1:
                return row.substitution.source_text
            if column == 2:
                if row.suggestion is None:
                    return "missed"
                return "restored" if row.exact else "flagged"
            return row.suggestion.replacement if row.suggestion is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            if row.suggestion is None:
                return QBrush(QColor(180, 40, 40))
            return QBrush(QColor(30, 130, 60) if row.exact else QColor(190, 120, 0))
        if role == Qt.ItemDataRole.ToolTipRole and row.suggestion is not None:
            return f"engine: {row.suggestion.original} → {row.suggestion.replacement} " \
                   f"({row.suggestion.confidence:.0%})"
        return None


class CompareDialog(QDialog):
    """Non-modal: the substitutions in a table, the summary, and "add all pairs to my lexicon"."""

    def __init__(self, comparison: Comparison, add_pairs: Callable[[list[tuple[str, str]]], object] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with source")
        self.comparison = comparison
        self.model = SubstitutionsModel(comparison)
        self.summary = QLabel(comparison.summary())
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        pairs = comparison.lexicon_pairs
        left_out = len(comparison.pairs) - len(pairs)
        self.add_button = QPushButton(f"Add {counted(len(pairs), 'word pair')} to my lexicon")
        self.add_button.setEnabled(bool(pairs) and add_pairs is not None)
        self.add_button.setToolTip(
            "Each pair becomes “always”: the engine restores it in later articles"
            + (f". Left out: {counted(left_out, 'pair')} of longer passages, figures, function words only, or "
               "from an article that may be another story" if left_out else ""))
        self._add_pairs = add_pairs
        self.add_button.clicked.connect(self._add)
        self.copy_button = QPushButton("Copy table")
        self.copy_button.clicked.connect(self._copy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(680, 460)

    def _add(self) -> None:
        if self._add_pairs is not None:
            self._add_pairs(self.comparison.lexicon_pairs)
            self.add_button.setEnabled(False)
            self.add_button.setText("Added to your lexicon")

    def _copy(self) -> None:
        lines = ["\t".join(SubstitutionsModel.HEADERS)]
        for r in range(self.model.rowCount()):
            lines.append("\t".join(str(self.model.data(self.model.index(r, c)) or "")
                                   for c in range(self.model.columnCount())))
        QGuiApplication.clipboard().setText("\n".join(lines))


class SourceDialog(QDialog):
    """Ask for the original article: paste it, or open a file."""

    def __init__(self, parent: QWidget | None = None,
                 read_file: Callable[[str], tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with source")
        self.title = "the source"
        self._read_file = read_file
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("Paste the original article here, or open it from a file.")
        self.error = QLabel()
        self.error.setStyleSheet("color: #a02020;")
        open_button = QPushButton("Open file…")
        open_button.clicked.connect(self._open)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Compare")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(self.error, 1)
        row.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The original article this one may have been spun from:"))
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        self.resize(620, 420)

    def text(self) -> str:
        return self.editor.toPlainText()

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open the original", "",
                                              "Articles (*.txt *.md *.html *.htm);;All (*)")
        if path and self._read_file is not None:
            try:
                self.title, text = self._read_file(path)
            except (OSError, ArticleError) as error:
                self.error.setText(str(error))
                return
            self.editor.setPlainText(text)
            self.title = self.title or Path(path).name
