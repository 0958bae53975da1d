"""The reader's personal lexicon in the window: pairs added from a comparison, rules kept in the library, the
lexicon exported and imported as a file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from reader.core.lexicon import LexiconFormatError, PersonalLexicon, Rule, lexicon_text
from reader.gui.window_base import WindowBase
from reader.library import LibraryError


class LexiconActions(WindowBase):
    def lexicon(self) -> PersonalLexicon:
        """The reader's pairs: the library's (rules and accepted/rejected counts), else this session's rules."""
        if self.library is None:
            return self.session_lexicon
        try:
            return self.library.lexicon()
        except (LibraryError, sqlite3.Error) as error:
            self.statusBar().showMessage(f"The lexicon could not be read: {error}", 8000)
            return PersonalLexicon()

    def _migrate_pair_rules(self) -> None:
        """Rules an earlier version kept in QSettings move into the library's lexicon, once."""
        assert self.library is not None
        rules = self.settings.pair_rules()
        if not rules:
            return
        try:
            with self.library.transaction():
                for original, replacement, rule in rules:
                    self.library.set_rule(original, replacement, Rule(rule))
        except (LibraryError, sqlite3.Error) as error:
            self._error("Your always/never rules could not be moved into the library", str(error))
            return
        self.settings.clear_pair_rules()

    def add_pairs(self, pairs: list[tuple[str, str]]) -> int:
        """Add (spun, original) pairs as "always" rules; the open article is bent by them at once."""
        if self.library is not None:
            try:
                count = self.library.add_pairs(pairs, Rule.ALWAYS)
            except (LibraryError, sqlite3.Error) as error:
                self._error("The pairs could not be added to your lexicon", str(error))
                return 0
        else:
            count = 0
            for spun, original in pairs:
                if spun.strip() and original.strip():
                    self.session_lexicon.set_rule(spun, original, Rule.ALWAYS)
                    count += 1
        self.reapply_lexicon()
        self.statusBar().showMessage(f"{count} pairs added to your lexicon", 6000)
        return count

    def reapply_lexicon(self) -> None:
        """Show the open article again, bent by the lexicon as it is now (decisions made are kept)."""
        if self.document is None or self.analysing:
            return
        if self.library is not None and self.article_id is not None:
            self.open_text(self.document.title, self.document.text, article_id=self.article_id)

    def export_lexicon_file(self, path: str) -> int | None:
        try:
            if self.library is not None:
                count = self.library.export_lexicon(path)
            else:
                Path(path).write_text(self.session_lexicon.to_json(), encoding="utf-8")
                count = len(self.session_lexicon)
        except (OSError, LibraryError, sqlite3.Error) as error:
            self._error("Could not export the lexicon", f"{path}: {getattr(error, 'strerror', None) or error}")
            return None
        self.statusBar().showMessage(f"{count} pairs exported to {Path(path).name}", 6000)
        return count

    def import_lexicon_file(self, path: str) -> int | None:
        try:
            if self.library is not None:
                count = self.library.import_lexicon(path)
            else:
                incoming = PersonalLexicon.from_json(lexicon_text(Path(path).read_bytes()))
                for entry in incoming:
                    self.session_lexicon.put(entry)
                count = len(incoming)
        except LexiconFormatError as error:
            self._error("Could not import the lexicon", f"{Path(path).name}: {error}")
            return None
        except (OSError, UnicodeDecodeError, LibraryError, sqlite3.Error) as error:
            self._error("Could not import the lexicon", f"{path}: {getattr(error, 'strerror', None) or error}")
            return None
        self.statusBar().showMessage(f"{count} pairs imported into your lexicon", 6000)
        self.reapply_lexicon()
        return count

    def choose_lexicon_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export my lexicon", "unspin-lexicon.json", "Lexicon (*.json)")
        if path:
            self.export_lexicon_file(path)

    def choose_lexicon_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a lexicon", "", "Lexicon (*.json);;All (*)")
        if path:
            self.import_lexicon_file(path)
