"""The index's morphology tables give lemminflect's answers, and spare the engine lemminflect's own tables."""

import subprocess
import sys
from pathlib import Path

import pytest
from lemminflect import getAllInflections, getAllLemmas, getInflection

from reader.core.engine import Engine
from reader.core.morphology import UPOS_TAGS, Morphology

# Regular and irregular words, numbers, capitals, words lemminflect lacks, a contraction and punctuation.
WORDS = ["officers", "officials", "stated", "said", "went", "children", "better", "best", "running", "data",
         "2", "1990s", "US", "Home", "White", "zzyzx", "quarantining", "'s", "n't", "e-mail", "well-known", "-"]
INFLECTED = ["official", "say", "go", "child", "good", "run", "make", "be", "criterion", "zzyzx", "3-d", "e-mail"]
TAGS = ["NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJR", "JJS", "RBR", "RBS", "MD"]


@pytest.fixture(scope="module")
def morphology(engine: Engine) -> Morphology:
    return engine.finder.morphology


def test_tags_by_part_of_speech_are_lemminflects() -> None:
    from lemminflect.core.Inflections import Inflections, uposToTags

    for upos in (*Inflections.DICT_UPOS_TYPES, "X", "PUNCT"):
        assert UPOS_TAGS.get(upos, ()) == tuple(uposToTags(upos)), upos


@pytest.mark.parametrize("word", WORDS)
def test_lemmas_are_lemminflects(morphology: Morphology, word: str) -> None:
    assert morphology.lemmas(word) == dict(getAllLemmas(word))


@pytest.mark.parametrize("word", WORDS + INFLECTED)
def test_inflections_by_part_of_speech_are_lemminflects(morphology: Morphology, word: str) -> None:
    for upos in ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV"):
        assert morphology.inflections_as(word, upos) == dict(getAllInflections(word, upos=upos)), upos


@pytest.mark.parametrize("word", INFLECTED)
def test_inflected_forms_are_lemminflects(morphology: Morphology, word: str) -> None:
    for tag in TAGS:
        assert morphology.inflect(word, tag) == tuple(getInflection(word, tag=tag)), tag


def test_analysing_an_article_does_not_need_lemminflect() -> None:
    """Its tables cost a cold check 0.3 s and 54 MB, its import (with numpy) 0.1 s: a fresh process gets every
    answer from the index."""
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_article.txt"
    script = (
        "import sys\n"
        "from reader.core.engine import load_engine\n"
        f"analysis = load_engine().analyze(open({str(sample)!r}, encoding='utf-8').read())\n"
        "assert analysis.suggestions\n"
        "print('lemminflect' in sys.modules, 'numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_lemminflect_version_is_read_from_its_metadata() -> None:
    from importlib.metadata import version

    from reader.core.morphology import lemminflect_version

    assert lemminflect_version() == version("lemminflect")


def test_forms_lemminflect_lacks_are_read_by_wordnets_rules(engine: Engine) -> None:
    """"websites" is in neither lemminflect's tables nor WordNet's index; morphy's rules find "website"."""
    assert engine.finder.morphology.lemmas("websites") == {}
    assert engine.finder.analyses("websites") == [("website", "n", "NNS")]
    wordings = {c.wording for c in engine.finder.word_candidates("websites")}
    assert "sites" in wordings and "site" not in wordings  # candidates keep the plural
    assert engine.finder.analyses("zzyzxes") == []  # no lemma WordNet knows: no reading


def test_detachments_follow_morphy() -> None:
    from reader.core.morphology import detachments

    guesses = set(detachments("boxes"))
    assert {("box", "n", "NNS"), ("boxe", "v", "VBZ"), ("box", "v", "VBZ")} <= guesses
    assert ("tweet", "v", "VBN") in set(detachments("tweeted"))
    assert ("smart", "a", "JJS") in set(detachments("smartest"))
    assert not list(detachments("s"))
