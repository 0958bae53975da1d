"""An open article: its text, the engine's analysis and the reader's decisions, with undo.

State lives here, not in widgets: the panes are redrawn from this model whenever it changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.furniture import furniture_lines
from reader.core.suggestion import APPLY_THRESHOLD, Analysis, Decision, Suggestion, Verdict, counted, restore
from reader.core.tokens import reflowed


class _Decide(QUndoCommand):
    def __init__(self, document: ArticleDocument, changes: dict[int, Decision | None], label: str) -> None:
        super().__init__(label)
        self.document = document
        self.after = changes
        self.before = {index: document.decisions.get(index) for index in changes}

    def _apply(self, values: dict[int, Decision | None]) -> None:
        for index, decision in values.items():
            if decision is None:
                self.document.decisions.pop(index, None)
            else:
                self.document.decisions[index] = decision
            if self.document.on_decision is not None:
                self.document.on_decision(index, decision)  # written at once: nothing lost on a crash
        self.document.changed.emit()

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class ArticleDocument(QObject):
    changed = Signal()

    def __init__(self, title: str, text: str, threshold: float = APPLY_THRESHOLD) -> None:
        super().__init__()
        self.title = title
        self.text = text
        self.shown = reflowed(text)  # as drawn: a hard-wrapped article's wraps as spaces, every offset the same
        self.furniture = furniture_lines(text)  # a web page's lines the engine reads as blank: drawn grey
        self.threshold = threshold
        self.analysis: Analysis | None = None
        self.decisions: dict[int, Decision] = {}
        self.undo_stack = QUndoStack(self)
        self.on_decision: Callable[[int, Decision | None], None] | None = None

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        return self.analysis.suggestions if self.analysis else ()

    def set_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.changed.emit()

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        self.changed.emit()

    def accept(self, index: int, choice: str | None = None) -> None:
        suggestion = self.suggestions[index]
        wording = choice or suggestion.replacement
        self.undo_stack.push(_Decide(self, {index: Decision(Verdict.ACCEPT, wording)}, f"Accept “{wording}”"))

    def reject(self, index: int) -> None:
        self.undo_stack.push(_Decide(self, {index: Decision(Verdict.REJECT)}, "Keep as published"))

    def accept_all(self, minimum: float) -> int:
        changes: dict[int, Decision | None] = {
            i: Decision(Verdict.ACCEPT, s.replacement)
            for i, s in enumerate(self.suggestions)
            if s.confidence >= minimum and i not in self.decisions
        }
        if changes:
            self.undo_stack.push(_Decide(self, changes, f"Accept {counted(len(changes), 'suggestion')}"))
        return len(changes)

    def is_applied(self, index: int) -> bool:
        decision = self.decisions.get(index)
        if decision is None:
            return self.suggestions[index].confidence >= self.threshold
        return decision.verdict is Verdict.ACCEPT

    def wording(self, index: int) -> str:
        decision = self.decisions.get(index)
        if decision and decision.verdict is Verdict.ACCEPT and decision.choice:
            return decision.choice
        return self.suggestions[index].replacement

    def restored(self) -> str:
        return restore(self.text, self.suggestions, self.decisions, self.threshold)

    def accepted_count(self) -> int:
        return sum(1 for d in self.decisions.values() if d.verdict is Verdict.ACCEPT)
