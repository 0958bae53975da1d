"""The SQLite library: durability under SIGKILL, corruption, migrations, search, decisions, sources."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.align import align
from reader.core.lexicon import Rule
from reader.core.suggestion import (
    HONEST_BELOW,
    MIN_VERDICT_WORDS,
    SPUN_FROM,
    Analysis,
    Decision,
    Suggestion,
    Verdict,
    restore,
)
from reader.library import Library, LibraryError, data_dir, default_library_path
from reader.library.schema import LATEST

ORIGINAL = (
    "WASHINGTON (Reuters) - US officials said on Tuesday that Hurricane Maria would reach Puerto Rico by Friday, "
    "bringing up to 250 millimetres of rain and winds of 175 kilometres an hour. The National Hurricane Center "
    "told residents of San Juan to find shelter before the storm arrives. \"We are prepared for the worst,\" "
    "Governor Ricardo Rossello said at a news conference, adding that 3,400 soldiers stood ready to help. "
    "The island's electricity grid, already weakened by Hurricane Irma, could fail for several weeks, engineers "
    "warned, and officials urged people to store drinking water."
)
SPINS = {"officials": "officers", "said": "stated", "reach": "attain", "bringing": "carrying", "told": "informed",
         "find": "discover", "help": "assist", "weakened": "debilitated", "several": "various",
         "urged": "pressed", "store": "stockpile"}


def spin(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Replace whole lower-case words outside the quotation, left to right; return the copy and the pairs made."""
    import re

    made: list[tuple[str, str]] = []
    quote = (text.index('"'), text.index('"', text.index('"') + 1))

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word in SPINS and not quote[0] < match.start() < quote[1]:
            made.append((SPINS[word], word))
            return SPINS[word]
        return word

    return re.sub(r"[A-Za-z]+", swap, text), made


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.sqlite3")


def test_location_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNSPIN_DATA_DIR", str(tmp_path / "data"))
    assert data_dir() == tmp_path / "data" and data_dir().is_dir()
    with Library.open() as lib:
        assert lib.path == default_library_path() == tmp_path / "data" / "library.sqlite3"
        assert lib.schema_version == LATEST


def test_source_found_and_alignment_matches_the_substitutions(library: Library) -> None:
    copy, made = spin(ORIGINAL)
    assert len(made) >= 10
    for i in range(40):  # other stories sharing some names and numbers
        library.add_article(title=f"Story {i}", text=f"Officials in Washington said {i * 7} people met Governor "
                            f"Ricardo Rossello about the 250 budget lines of {2000 + i} and Puerto Rico debts.")
    original_id = library.add_article(title="Maria heads for Puerto Rico", text=ORIGINAL, date="2017-09-19")
    copy_id = library.add_article(title="Maria heads for Puerto Rico", text=copy, date="2017-09-20")
    matches = library.find_sources_of(copy_id)
    assert matches[0].article_id == original_id and matches[0].relation == "source"
    assert matches[0].score > 0.8 and (matches[0].similarity or 0) > 0.8
    assert all(m.score < 0.5 for m in matches[1:])
    alignment = align(ORIGINAL, copy)
    assert [s.pair for s in alignment.substitutions] == made
    for s in alignment.substitutions:
        assert ORIGINAL[s.source_start:s.source_end] == s.source_text and copy[s.copy_start:s.copy_end] == s.copy_text
    assert library.add_pairs(s.pair for s in alignment.substitutions) == len(made)
    assert library.lexicon().always_for("officers") == "officials"
    assert library.story_groups() == [[original_id, copy_id]]


def test_decisions_restore_exactly_after_reopen_and_reanalysis(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    text = "US officers stated on Tuesday."
    s1 = Suggestion(3, 11, "officers", "officials", ("officials", "police"), 0.9)
    s2 = Suggestion(12, 18, "stated", "said", (), 0.4)
    with Library(path) as lib:
        article_id = lib.add_article(title="t", text=text)
        lib.save_analysis(article_id, Analysis(text, (s1, s2), 5), engine="v1")
        lib.set_decision(article_id, s1, Decision(Verdict.ACCEPT, "police"))
        lib.set_decision(article_id, s2, Decision(Verdict.REJECT))
    with Library(path) as lib:
        analysis = lib.load_analysis(article_id, engine="v1")
        assert analysis is not None and analysis.suggestions == (s1, s2)
        assert lib.load_analysis(article_id, engine="v2") is None
        # a re-analysis that orders suggestions differently still gets the same decisions
        decisions = lib.decisions(article_id, [s2, s1])
        assert decisions == {0: Decision(Verdict.REJECT), 1: Decision(Verdict.ACCEPT, "police")}
        assert restore(text, [s2, s1], decisions) == "US police stated on Tuesday."
        assert lib.list_articles()[0].spin_score == pytest.approx(0.4)
        # rows carry the length the score was measured on: five words are too few for a verdict
        assert lib.list_articles()[0].words == 5 and lib.search("officers")[0].row.words == 5


def test_changing_a_decision_keeps_lexicon_counts_exact(library: Library) -> None:
    article_id = library.add_article(title="t", text="US officers stated.")
    s = Suggestion(3, 11, "officers", "officials", (), 0.9)
    for _ in range(3):
        library.set_decision(article_id, s, Decision(Verdict.ACCEPT))
    entry = library.lexicon().get("officers", "officials")
    assert entry is not None and (entry.accepted, entry.rejected) == (1, 0)
    library.set_decision(article_id, s, Decision(Verdict.REJECT))
    entry = library.lexicon().get("officers", "officials")
    assert entry is not None and (entry.accepted, entry.rejected) == (0, 1)
    library.set_decision(article_id, s, None)
    assert library.decisions(article_id, [s]) == {}


def test_lexicon_export_import(library: Library, tmp_path: Path) -> None:
    library.set_rule("Officers", "officials", Rule.ALWAYS)
    library.set_rule("stated", "said", Rule.NEVER)
    assert library.export_lexicon(tmp_path / "lex.json") == 2
    with Library(tmp_path / "other.sqlite3") as other:
        assert other.import_lexicon(tmp_path / "lex.json") == 2
        lexicon = other.lexicon()
        assert lexicon.always_for("officers") == "officials"
        never = lexicon.get("stated", "said")
        assert never is not None and never.rule is Rule.NEVER


KILL_CHILD = textwrap.dedent("""
    import sys
    from reader.library import Library
    from reader.core.suggestion import Decision, Suggestion, Verdict
    lib = Library(sys.argv[1])
    article_id = lib.add_article(title="t", text="word " * 5000)
    print(article_id, flush=True)
    for i in range(100000):
        s = Suggestion(i * 5, i * 5 + 4, "word", "term", (), 0.5)
        lib.set_decision(article_id, s, Decision(Verdict.ACCEPT if i % 2 else Verdict.REJECT))
        print(i, flush=True)
""")


def test_decisions_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(path)], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    assert child.stdout is not None
    article_id = int(child.stdout.readline())
    confirmed = -1
    while confirmed < 60:
        line = child.stdout.readline()
        assert line, "the writer died before being killed"
        confirmed = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    with Library(path) as lib:
        assert lib.notice is None
        stored = lib.stored_decisions(article_id)
    for i in range(confirmed + 1):  # every decision acknowledged before the kill is there, exactly
        assert stored[(i * 5, i * 5 + 4, "word")].verdict is (Verdict.ACCEPT if i % 2 else Verdict.REJECT)


def test_garbage_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with Library(path) as lib:
        assert lib.notice is not None and "set aside" in lib.notice
        assert lib.count_articles() == 0 and lib.schema_version == LATEST
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        for i in range(300):
            lib.add_article(title=f"t{i}", text=f"Some article text number {i} " * 40)
        lib._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 40), page):  # scribble over b-tree pages, keep the header
        data[offset:offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))
    with Library(path, check=True) as lib:
        assert lib.notice is not None and "damaged" in lib.notice
        assert lib.count_articles() == 0
    path.unlink()
    path.write_bytes(bytes(data))
    Path(str(path) + "-wal").write_bytes(b"")  # as a crashed session leaves it: the default open checks
    with Library(path) as lib:
        assert lib.notice is not None and "damaged" in lib.notice


def test_check_integrity_then_recover(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.add_article(title="t", text="x")
        assert lib.check_integrity() is None
        assert "set aside" in lib.recover() and lib.count_articles() == 0


def test_newer_schema_is_refused_not_wiped(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library(path)
    assert path.exists()


def test_migrations_upgrade_an_empty_v0_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    sqlite3.connect(path).close()
    with Library(path) as lib:
        assert lib.schema_version == LATEST


def test_search_sort_filter_read_starred(library: Library) -> None:
    feed = library.add_feed("http://127.0.0.1/feed", "Daily")
    assert library.add_feed("http://127.0.0.1/feed") == feed
    a = library.add_article(title="Storm nears the coast", text="Hurricane Maria approaches.", feed_id=feed,
                            guid="1", date="2024-03-01")
    b = library.add_article(title="Budget talks", text="Congress debates the hurricane relief budget.",
                            date="2024-03-02")
    assert library.add_article(title="dup", text="x", feed_id=feed, guid="1") == a
    library.save_analysis(a, Analysis("Hurricane Maria approaches.", (Suggestion(0, 9, "Hurricane", "Storm"),), 3))
    assert [h.row.id for h in library.search("hurricane")] == [a, b]  # title match ranks first
    assert library.search("hurri")[0].snippet.count("[") >= 1  # prefix search as you type
    assert library.search("") == [] and library.search('"; DROP TABLE') == []
    assert [r.id for r in library.list_articles(sort="date")] == [b, a]
    assert [r.id for r in library.list_articles(sort="spin")] == [a, b]  # unanalysed last
    assert [r.id for r in library.list_articles(feed_id=feed)] == [a]
    # Three words are too short to judge: unclear whatever the score, as the spin column shows it
    assert [r.id for r in library.list_articles(min_spin=HONEST_BELOW)] == [a]
    assert library.list_articles(min_spin=SPUN_FROM) == [] and library.list_articles(min_spin=0.2) == []
    long = Analysis("Hurricane Maria approaches.", (Suggestion(0, 9, "Hurricane", "Storm"),), MIN_VERDICT_WORDS)
    library.save_analysis(a, long)
    assert long.spin_score == 0.005  # one word in 200: long enough to judge, and by its score it is honest
    assert library.list_articles(min_spin=HONEST_BELOW) == [] and len(library.list_articles(min_spin=0.005)) == 1
    library.mark_read(a)
    library.set_starred(b)
    assert [r.id for r in library.list_articles(unread_only=True)] == [b]
    assert [r.id for r in library.list_articles(starred_only=True)] == [b]
    assert library.feeds()[0].unread == 0 and library.feeds()[0].articles == 1
    assert library.kept_on_unsubscribe(feed) == 0
    assert library.remove_feed(feed) == 0
    assert [r.id for r in library.list_articles()] == [b] and [h.row.id for h in library.search("maria")] == []


def test_unsubscribing_keeps_the_articles_starred_reviewed_or_named(library: Library) -> None:
    feed = library.add_feed("http://127.0.0.1/feed", "Feed")
    plain, starred, reviewed, named = (library.add_article(title=t, text=f"{t} text.", feed_id=feed, guid=t)
                                       for t in ("plain", "starred", "reviewed", "named"))
    library.set_starred(starred)
    library.set_decision(reviewed, Suggestion(0, 8, "reviewed", "seen"), Decision(Verdict.REJECT))
    assert library.kept_on_unsubscribe(feed) == 2 and library.kept_on_unsubscribe(feed, keep=[named]) == 3
    assert library.remove_feed(feed, keep=[named]) == 3
    assert library.article(plain) is None and library.feeds() == []
    assert {library.article(i).feed_id for i in (starred, reviewed, named)} == {None}
    assert library.stored_decisions(reviewed) == {(0, 8, "reviewed"): Decision(Verdict.REJECT)}


def test_opml_import_export(library: Library, tmp_path: Path) -> None:
    library.add_feed("http://127.0.0.1/a", "A")
    library.export_opml(tmp_path / "subs.opml")
    with Library(tmp_path / "other.sqlite3") as other:
        assert other.import_opml(tmp_path / "subs.opml") == 1
        assert other.import_opml(tmp_path / "subs.opml") == 0
        assert [f.title for f in other.feeds()] == ["A"]


def test_engine_version_names_the_shipped_engine() -> None:
    from reader import __version__
    from reader.core.weights import engine_version

    version = engine_version()
    assert version.startswith(__version__ + "+") and len(version) == len(__version__) + 13
    assert engine_version() == version  # stable within a run, so stored analyses are reused


def test_the_engine_code_is_named_by_its_sources_or_by_the_digest_a_build_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import weights

    (tmp_path / "engine.py").write_text("GAIN = 1\n")
    (tmp_path / "notes.txt").write_text("not code")
    before = weights.engine_code(tmp_path)
    (tmp_path / "engine.py").write_text("GAIN = 2\n")
    assert weights.engine_code(tmp_path) != before and len(before) == 64
    assert weights.engine_code() == weights.engine_code(Path(weights.__file__).parent)  # the installed sources
    frozen = tmp_path / "frozen"  # a built app: no sources, the digest its build recorded
    (frozen / "data").mkdir(parents=True)
    (frozen / "data" / weights.ENGINE_CODE).write_text(before + "\n")
    monkeypatch.setattr(weights, "resources_dir", lambda: frozen)
    assert weights.engine_code(frozen) == before


FRENCH = ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui doit entrer en vigueur au "
          "printemps prochain. Les syndicats dénoncent un projet injuste et appellent à une journée de grève "
          "nationale jeudi, tandis que le ministre défend une mesure nécessaire pour l'équilibre des comptes.")


def test_an_article_not_in_english_gets_no_verdict_in_the_list(library: Library) -> None:
    french = library.add_article(title="Retraites", text=FRENCH)
    english = library.add_article(title="Storm", text=ORIGINAL)
    for article_id, text in ((french, FRENCH), (english, ORIGINAL)):
        library.save_analysis(article_id, Analysis(text, (), MIN_VERDICT_WORDS))  # long enough, score 0
    rows = {r.id: r for r in library.list_articles()}
    assert not rows[french].english and rows[english].english
    # Unclear whatever its score (0%), as a short text is: listed by "unclear or spun", not by "looks spun"
    assert [r.id for r in library.list_articles(min_spin=HONEST_BELOW)] == [french]
    assert library.list_articles(min_spin=SPUN_FROM) == []
    assert library.article_row(french) == rows[french] and library.article_row(10_000) is None


def test_migration_marks_the_language_of_articles_stored_before_it(tmp_path: Path) -> None:
    """A library written by the first schema gets the new column filled from its articles' texts."""
    from reader.library.schema import MIGRATIONS

    path = tmp_path / "lib.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(f"BEGIN;\n{MIGRATIONS[0]}\nPRAGMA user_version = 1;\nCOMMIT;")
    for title, text in (("Retraites", FRENCH), ("Storm", ORIGINAL)):
        db.execute("INSERT INTO articles(title, text, added_at) VALUES (?, ?, '2024-01-01')", (title, text))
    db.commit()
    db.close()
    with Library(path) as lib:
        assert lib.schema_version == LATEST
        assert {r.title: r.english for r in lib.list_articles()} == {"Retraites": False, "Storm": True}
