from pathlib import Path

import pytest

from reader.core import wordnet_data


def test_lexnames_table_has_the_45_lexicographer_files() -> None:
    lines = wordnet_data.lexnames_text().splitlines()
    assert len(lines) == 45
    assert lines[0] == "00\tadj.all\t3" and lines[3] == "03\tnoun.Tops\t1" and lines[44] == "44\tadj.ppl\t3"


def test_a_system_wordnet_is_mirrored_with_lexnames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = tmp_path / "wordnet"
    system.mkdir()
    for name in wordnet_data.REQUIRED + ["cntlist.rev"]:
        (system / name).write_text(f"fake {name}\n")
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "cache"))
    root = wordnet_data._mirror_system_wordnet(system)
    target = root / "corpora" / "wordnet"
    assert (target / "data.noun").read_text() == "fake data.noun\n"
    assert (target / "lexnames").read_text() == wordnet_data.lexnames_text()
    assert not (target / "data.noun").is_symlink()
    assert wordnet_data._mirror_system_wordnet(system) == root  # second call reuses the copy


def test_missing_wordnet_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordnet_data, "_nltk_has_wordnet", lambda: False)
    monkeypatch.setattr(wordnet_data, "SYSTEM_DIRS", (str(tmp_path / "nowhere"),))
    monkeypatch.delenv("WNHOME", raising=False)
    with pytest.raises(wordnet_data.WordNetMissing, match="nltk.downloader wordnet"):
        wordnet_data.ensure_wordnet()
    assert wordnet_data.main(["--quiet"]) == 1


def test_building_the_index_is_announced_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building takes half a minute: a caller hears of it before, and a cached index is loaded silently."""
    import shutil

    from reader.core import wordnet_index

    existing = wordnet_index.load_index().path
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "cache"))
    def build_by_copying(path: str) -> None:  # the real build is tested elsewhere; it takes half a minute
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(existing, path)

    monkeypatch.setattr(wordnet_index, "build_index", build_by_copying)
    heard: list[str] = []
    first = wordnet_index.load_index(heard.append)
    assert first.synsets_of("house", "n")
    assert len(heard) == 1 and "WordNet index" in heard[0]
    wordnet_index.load_index(heard.append)
    assert len(heard) == 1


def test_a_failed_build_leaves_no_partial_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nltk.corpus import wordnet

    from reader.core import wordnet_index

    wordnet_index.load_index()  # makes sure nltk finds WordNet
    monkeypatch.setattr(wordnet, "all_synsets", lambda: iter(()))  # an empty WordNet: the build is quick

    def interrupted(connection: object, heads: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(wordnet_index, "write_morphology", interrupted)
    with pytest.raises(KeyboardInterrupt):
        wordnet_index.build_index(str(tmp_path / "index.sqlite"))
    assert list(tmp_path.iterdir()) == []
