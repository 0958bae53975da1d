"""Typed settings over QSettings, created on use (never at import). Only non-default values are stored."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from reader.core.suggestion import APPLY_THRESHOLD

DEFAULTS = {"threshold": APPLY_THRESHOLD, "font_size": 13}


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings("Unspin", "Unspin")

    def _get(self, key: str) -> float:
        value = self.store.value(key, DEFAULTS[key])
        try:
            return float(str(value))
        except ValueError:
            return DEFAULTS[key]

    def _set(self, key: str, value: float) -> None:
        if value == DEFAULTS[key]:
            self.store.remove(key)
        else:
            self.store.setValue(key, value)

    @property
    def threshold(self) -> float:
        return float(self._get("threshold"))

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._set("threshold", round(min(max(value, 0.0), 1.0), 2))

    @property
    def font_size(self) -> int:
        return int(self._get("font_size"))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._set("font_size", int(min(max(value, 8), 32)))

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    def sync(self) -> None:
        """On disk now: the process may end without the destructor that would write it (app.run's os._exit)."""
        self.store.sync()

    def window_state(self) -> QByteArray | None:
        """Where the library dock is and whether it is shown (QMainWindow.saveState)."""
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self.store.setValue("window/state", value)

    def pair_rule(self, original: str, replacement: str) -> str | None:
        """"always" or "never" for a (published, original) wording pair the reader ruled on."""
        value = self.store.value(f"pairs/{original.lower()}\u2192{replacement.lower()}")
        return str(value) if value in ("always", "never") else None

    def set_pair_rule(self, original: str, replacement: str, rule: str) -> None:
        self.store.setValue(f"pairs/{original.lower()}\u2192{replacement.lower()}", rule)

    def pair_rules(self) -> list[tuple[str, str, str]]:
        """Every (published, original, "always"/"never") rule kept here by earlier versions."""
        self.store.beginGroup("pairs")
        try:
            keys = self.store.allKeys()
            values = {key: self.store.value(key) for key in keys}
        finally:
            self.store.endGroup()
        rules = []
        for key, value in values.items():
            original, arrow, replacement = key.partition("\u2192")
            if arrow and value in ("always", "never"):
                rules.append((original, replacement, str(value)))
        return sorted(rules)

    def clear_pair_rules(self) -> None:
        """Forget the rules kept here, once they live in the library's lexicon."""
        self.store.remove("pairs")
