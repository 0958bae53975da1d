"""Lemmas and inflections of lower-case English words, answered from tables written into the WordNet index.

lemminflect answers these questions well, but on first use it parses two gzip tables (about 0.3 s and 54 MB
resident, a sixth of a cold ``reader check``) and deep-copies an entry on every call. The engine only asks about
lower-case words, and only inflects WordNet lemmas, so lemminflect's answers to those questions are written once,
when the index is built, and read back here one row at a time. Anything the tables do not hold is asked of
lemminflect itself, so the answers are the same either way.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from reader.core.batch_cache import BatchCache, rows_in

INFLECTED_CACHE = 20_000  # head words whose dictionary forms are kept
# Tags a WordNet part of speech can be inflected to, besides its base form (lemminflect's Penn tags).
INFLECTED_TAGS = {"n": ("NNS",), "v": ("VBD", "VBG", "VBN", "VBP", "VBZ"), "a": ("JJR", "JJS"), "r": ("RBR", "RBS")}

# lemminflect's uposToTags: which Penn tags ``getAllInflections(lemma, upos)`` keeps (copied so that a lookup
# does not import lemminflect and numpy; a unit test holds the two equal).
UPOS_TAGS = {
    "NOUN": ("NN", "NNS", "NNP", "NNPS"),
    "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"),
    "AUX": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"),
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS"),
}

Forms = dict[str, tuple[str, ...]]  # upos -> lemmas, or Penn tag -> forms, as lemminflect returns them
NO_FORMS: Forms = {}  # shared: never changed


def inflected_at(words: Sequence[str], pos: str) -> int:
    """The word a WordNet lemma is inflected at: a phrasal verb's first ("made up"), others' last."""
    return 0 if pos == "v" else len(words) - 1


def with_participles(forms: Forms) -> Forms:
    """A verb's forms by tag with the participles lemminflect leaves out where they are among the past forms
    ("pushed"; "learnt" beside "learned"): every past form is then a participle too."""
    if "VBD" in forms and set(forms.get("VBN", ())) <= set(forms["VBD"]):
        return {**forms, "VBN": forms["VBD"]}
    return forms


def head_word(words: Sequence[str], pos: str) -> str:
    return words[inflected_at(words, pos)]


def lemminflect_version() -> str:
    """Part of the index's name: its tables are lemminflect's answers, so a new lemminflect means a new index."""
    return installed_version("lemminflect")


def installed_version(package: str) -> str:
    """An installed package's version, read from the name of its metadata folder: importing importlib.metadata
    (email, zipfile, csv) would cost a cold check 30 ms, and importing lemminflect 0.1 s."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return "unknown"
    site = os.path.dirname(next(iter(spec.submodule_search_locations)))
    for name in sorted(os.listdir(site)):
        if name.lower().startswith(f"{package}-") and name.endswith(".dist-info"):
            return name[len(package) + 1 : -len(".dist-info")]
    return "unknown"


# WordNet's own detachment rules (morphy(7WN)): an inflected form the lemma tables lack ("websites", "emails")
# is read by stripping a regular ending; the caller keeps a reading only where WordNet has the lemma. Each rule
# says which Penn tags the ending marks.
DETACHMENTS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "n": (
        ("s", "", ("NNS",)), ("ses", "s", ("NNS",)), ("xes", "x", ("NNS",)), ("zes", "z", ("NNS",)),
        ("ches", "ch", ("NNS",)), ("shes", "sh", ("NNS",)), ("men", "man", ("NNS",)), ("ies", "y", ("NNS",)),
    ),
    "v": (
        ("s", "", ("VBZ",)), ("ies", "y", ("VBZ",)), ("es", "e", ("VBZ",)), ("es", "", ("VBZ",)),
        ("ed", "e", ("VBD", "VBN")), ("ed", "", ("VBD", "VBN")), ("ing", "e", ("VBG",)), ("ing", "", ("VBG",)),
    ),
    "a": (("er", "", ("JJR",)), ("est", "", ("JJS",)), ("er", "e", ("JJR",)), ("est", "e", ("JJS",))),
}


def detachments(word: str) -> Iterator[tuple[str, str, str]]:
    """(lemma, WordNet pos, Penn tag) guesses for a regular inflected ``word`` by morphy's rules, unchecked."""
    for pos, rules in DETACHMENTS.items():
        for ending, replacement, tags in rules:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                lemma = word[: -len(ending)] + replacement
                for tag in tags:
                    yield lemma, pos, tag


def _as_json(forms: Forms) -> str:
    return json.dumps({key: list(values) for key, values in forms.items()}, separators=(",", ":"))


def _from_json(text: str) -> Forms:
    return {key: tuple(values) for key, values in json.loads(text).items()}


def _forms(word: str, tag: str) -> tuple[str, ...]:
    """lemminflect's ``getInflection``, always as a tuple."""
    from lemminflect import getInflection

    form = getInflection(word, tag=tag)
    return (form,) if isinstance(form, str) else tuple(form)


def morphology_rows(heads: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(table, word, json) rows for ``write_morphology``: lemminflect's answers for every lower-case word in its
    tables, and each WordNet head word (``(word, pos)``) inflected to every tag of its parts of speech."""
    from lemminflect import getAllInflections, getAllLemmas
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflections = Lemmatizer(), Inflections()
    for word in sorted({w for w in (*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()) if w == w.lower()}):
        yield "lemmas", word, _as_json(getAllLemmas(word))
    for word in sorted({w for w in (*inflections._getInflDict(), *inflections._getOverridesDict()) if w == w.lower()}):
        yield "inflections", word, _as_json(getAllInflections(word))
    tags_of: dict[str, set[str]] = {}
    for word, pos in heads:
        if word == word.lower():
            tags_of.setdefault(word, set()).update(INFLECTED_TAGS[pos])
    for word, tags in sorted(tags_of.items()):
        yield "inflected", word, _as_json({tag: _forms(word, tag) for tag in sorted(tags)})


def write_morphology(connection: sqlite3.Connection, heads: Iterable[tuple[str, str]]) -> None:
    """Add the morphology tables to an index being built (about 7 s, most of it inflecting 97,000 heads)."""
    connection.executescript(
        "CREATE TABLE lemmas (word TEXT PRIMARY KEY, forms TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE inflections (word TEXT PRIMARY KEY, forms TEXT NOT NULL) WITHOUT ROWID;"
        "CREATE TABLE inflected (word TEXT PRIMARY KEY, forms TEXT NOT NULL) WITHOUT ROWID;"
    )
    rows: dict[str, list[tuple[str, str]]] = {}
    for table, word, forms in morphology_rows(heads):
        rows.setdefault(table, []).append((word, forms))
    for table, values in rows.items():  # one statement per table, not one per row
        connection.executemany(f"INSERT INTO {table} VALUES (?, ?)", values)


class Morphology:
    """lemminflect's answers for lower-case words, read from the index; safe to share between threads.

    ``query`` runs read-only SQL on the index (``WordNetIndex.query``: one connection per thread, shared).
    """

    def __init__(self, query: Callable[..., list[tuple]]) -> None:
        self._query = query
        self.lemmas = lru_cache(maxsize=20_000)(self._lemmas)
        self.inflections = lru_cache(maxsize=20_000)(self._inflections)
        self._inflected = BatchCache[str, Forms](self._fetch_inflected, INFLECTED_CACHE, absent=NO_FORMS)

    def _row(self, table: str, key: str) -> Forms | None:
        rows = self._query(f"SELECT forms FROM {table} WHERE word = ?", key)
        return _from_json(rows[0][0]) if rows else None

    def _lemmas(self, word: str) -> Forms:
        """Lemmas of ``word`` by universal part of speech: ``officers`` -> ``{"NOUN": ("officer",)}``."""
        if word != word.lower():
            from lemminflect import getAllLemmas

            return dict(getAllLemmas(word))
        return self._row("lemmas", word) or {}

    def _inflections(self, lemma: str) -> Forms:
        """Every form of ``lemma`` by Penn tag, from lemminflect's dictionary (empty for words it lacks)."""
        if lemma != lemma.lower():
            from lemminflect import getAllInflections

            return dict(getAllInflections(lemma))
        return self._row("inflections", lemma) or {}

    def inflections_as(self, lemma: str, upos: str) -> Forms:
        """``inflections`` restricted to the tags of one universal part of speech, as lemminflect filters them."""
        if upos == "PROPN":  # lemminflect files proper nouns under capitalised keys
            from lemminflect import getAllInflections

            return dict(getAllInflections(lemma, upos=upos))
        tags = UPOS_TAGS.get(upos, ())
        return {tag: forms for tag, forms in self.inflections(lemma).items() if tag in tags}

    def inflect(self, word: str, tag: str) -> tuple[str, ...]:
        """Forms of ``word`` (a WordNet head word) for the Penn ``tag``, as lemminflect's ``getInflection`` gives
        them (its dictionary, then its rules); () when there is none."""
        forms = self._inflected.get(word)
        if tag in forms:
            return forms[tag]
        return _forms(word, tag)

    def prefetch(self, words: Iterable[str]) -> None:
        """Read the inflection tables of many head words at once (a word's neighbours: dozens)."""
        self._inflected.prefetch(words)

    def _fetch_inflected(self, words: Sequence[str]) -> dict[str, Forms]:
        """The rows found (the table holds lower-case words only; a word without one has no dictionary forms)."""
        lower = [word for word in words if word == word.lower()]
        return {word: _from_json(forms) for word, forms in rows_in(self._query, "inflected", "word", lower)}
