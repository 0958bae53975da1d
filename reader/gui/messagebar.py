"""A non-modal bar above the article: errors the reader should see, and offers ("compare with source")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

STYLES = {
    "info": "background: #e8f0fb; border: 1px solid #b5c9e6; color: #1d3557;",
    "error": "background: #fbeaea; border: 1px solid #e2b1b1; color: #7a1c1c;",
    "warning": "background: #fdf4e1; border: 1px solid #e8cf96; color: #6b4a00;",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.kind = "info"
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("border: none; background: transparent;")
        self.buttons: list[QPushButton] = []
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 4, 4, 4)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, kind: str = "info",
                     actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> None:
        """Show ``text`` with a button per action; an action's button also dismisses the bar."""
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.kind = kind
        self.setStyleSheet(f"QFrame#messageBar {{ {STYLES.get(kind, STYLES['info'])} border-radius: 4px; }}")
        self.label.setText(text)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(self.dismiss)
            button.clicked.connect(lambda _checked=False, c=callback: c())
            self.row.insertWidget(self.row.count() - 1, button)
            self.buttons.append(button)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        self.hide()
