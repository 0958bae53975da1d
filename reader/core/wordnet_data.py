"""Find WordNet for nltk: nltk's own data path first, then a system WordNet (Debian's ``wordnet-base``).

nltk's reader refuses corpus roots outside ``nltk.data.path`` and symlinked files, and needs ``lexnames``, which
Debian does not ship: so a system WordNet is copied once into ``<cache>/nltk_data/corpora/wordnet/`` with
``lexnames`` written from the fixed table of lexnames(5WN), and ``<cache>/nltk_data`` is added to nltk's path.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs

INSTALL_HINT = (
    "WordNet is not installed. Install it with one of:\n"
    "  python -m nltk.downloader wordnet          (any system, needs the internet once)\n"
    "  sudo apt install wordnet-base wordnet-sense-index   (Debian, Ubuntu)\n"
    "or point WNHOME at a WordNet 3.x folder that holds data.noun, index.noun, ..."
)

SYSTEM_DIRS = (
    "/usr/share/wordnet",
    "/usr/local/share/wordnet",
    "/usr/local/WordNet-3.0/dict",
    "/opt/homebrew/share/wordnet",
)
REQUIRED = [f"{kind}.{pos}" for kind in ("data", "index") for pos in ("noun", "verb", "adj", "adv")] + [
    f"{pos}.exc" for pos in ("noun", "verb", "adj", "adv")
]
OPTIONAL = ("cntlist.rev", "index.sense", "cntlist", "LICENSE", "README", "citation.bib")

# lexnames(5WN): file number, lexicographer file, syntactic category (1 noun, 2 verb, 3 adjective, 4 adverb).
LEXNAMES = (
    "adj.all 3", "adj.pert 3", "adv.all 4", "noun.Tops 1", "noun.act 1", "noun.animal 1", "noun.artifact 1",
    "noun.attribute 1", "noun.body 1", "noun.cognition 1", "noun.communication 1", "noun.event 1",
    "noun.feeling 1", "noun.food 1", "noun.group 1", "noun.location 1", "noun.motive 1", "noun.object 1",
    "noun.person 1", "noun.phenomenon 1", "noun.plant 1", "noun.possession 1", "noun.process 1",
    "noun.quantity 1", "noun.relation 1", "noun.shape 1", "noun.state 1", "noun.substance 1", "noun.time 1",
    "verb.body 2", "verb.change 2", "verb.cognition 2", "verb.communication 2", "verb.competition 2",
    "verb.consumption 2", "verb.contact 2", "verb.creation 2", "verb.emotion 2", "verb.motion 2",
    "verb.perception 2", "verb.possession 2", "verb.social 2", "verb.stative 2", "verb.weather 2", "adj.ppl 3",
)


class WordNetMissing(RuntimeError):
    """No usable WordNet: the message says what to install."""


def cache_dir() -> Path:
    override = os.environ.get("UNSPIN_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("unspin"))


def lexnames_text() -> str:
    lines = []
    for number, entry in enumerate(LEXNAMES):
        name, category = entry.split()
        lines.append(f"{number:02d}\t{name}\t{category}\n")
    return "".join(lines)


def _nltk_has_wordnet() -> bool:
    import nltk

    for resource in ("corpora/wordnet", "corpora/wordnet.zip", "corpora/wordnet31", "corpora/wordnet2022"):
        try:
            nltk.data.find(resource)
            return True
        except LookupError:
            continue
    return False


def _system_wordnet_dir() -> Path | None:
    candidates = [os.environ.get("WNHOME", "")]
    candidates += [str(Path(c) / "dict") for c in candidates if c] + list(SYSTEM_DIRS)
    for candidate in candidates:
        if candidate and all((Path(candidate) / name).is_file() for name in REQUIRED):
            return Path(candidate)
    return None


def _mirror_system_wordnet(source: Path) -> Path:
    """Copy a system WordNet into an nltk data folder (copies, not links: nltk refuses links)."""
    root = cache_dir() / "nltk_data"
    target = root / "corpora" / "wordnet"
    stamp = target / ".source"
    signature = f"{source}:{(source / 'data.noun').stat().st_size}:{(source / 'data.noun').stat().st_mtime_ns}"
    if stamp.is_file() and stamp.read_text() == signature and (target / "lexnames").is_file():
        return root
    partial = target.with_name("wordnet.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in REQUIRED + [n for n in OPTIONAL if (source / n).is_file()]:
        shutil.copyfile(source / name, partial / name)
    lexnames = source / "lexnames"
    (partial / "lexnames").write_text(lexnames.read_text() if lexnames.is_file() else lexnames_text())
    (partial / ".source").write_text(signature)
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    return root


def ensure_wordnet() -> str:
    """Make WordNet reachable through ``nltk.corpus.wordnet``; returns where it came from."""
    import nltk

    if _nltk_has_wordnet():
        return "nltk data path"
    source = _system_wordnet_dir()
    if source is None:
        raise WordNetMissing(INSTALL_HINT)
    root = _mirror_system_wordnet(source)
    if str(root) not in nltk.data.path:
        nltk.data.path.append(str(root))
    return f"system WordNet at {source}"


def main(argv: list[str] | None = None) -> int:
    """``python -m reader.core.wordnet_data [--quiet]``: exit 0 when WordNet is usable, else say what to do."""
    quiet = "--quiet" in (argv if argv is not None else sys.argv[1:])
    try:
        where = ensure_wordnet()
    except WordNetMissing as error:
        if not quiet:
            print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Could not prepare WordNet: {error}", file=sys.stderr)
        return 1
    if not quiet:
        print(f"WordNet found: {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
