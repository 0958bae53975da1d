"""Spin unspun articles with a thesaurus that is not WordNet, to test the engine beyond the seed.

    .venv/bin/python benchmarks/make_spun_set.py

The thesaurus below was written by hand for this project (surface forms, as "spintax" dictionaries of article
spinners are), not taken from WordNet. Like a real spinner it looks up whole words and a few phrases, keeps
capitalisation and punctuation, leaves capitalised names and numbers alone (except small counts, which it turns
into digits), and replaces about a third of the words it knows. Deterministic (fixed seed).

Inputs: benchmarks/data/heldout/originals/*.txt and resources/sample/sample_article.original.txt.
Outputs: <name>.txt and <name>.gold.tsv (the seed's gold format) in benchmarks/data/heldout/spun/, and the
desktop app's sample in resources/sample/.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE = 0.35

THESAURUS: dict[str, list[str]] = {
    # verbs
    "said": ["stated", "mentioned", "remarked"],
    "says": ["states", "mentions"],
    "told": ["informed", "advised"],
    "expect": ["anticipate", "foresee"],
    "expected": ["anticipated", "predicted"],
    "warned": ["cautioned"],
    "asked": ["requested", "inquired"],
    "agreed": ["consented"],
    "help": ["assist", "aid"],
    "helped": ["assisted", "aided"],
    "keep": ["maintain", "retain"],
    "kept": ["maintained", "retained"],
    "pay": ["compensate", "fund"],
    "paying": ["funding"],
    "spent": ["expended", "used up"],
    "planned": ["intended", "scheduled"],
    "replace": ["substitute", "swap"],
    "replacing": ["substituting"],
    "forced": ["compelled", "obliged"],
    "reached": ["attained", "arrived at"],
    "raise": ["elevate", "boost"],
    "raises": ["boosts", "elevates"],
    "raised": ["elevated", "boosted"],
    "hire": ["employ", "recruit"],
    "returned": ["came back", "went back"],
    "delay": ["postpone", "defer"],
    "reported": ["announced"],
    "begin": ["commence", "start"],
    "started": ["commenced"],
    "end": ["finish", "conclude"],
    "showing": ["demonstrating", "displaying"],
    "argued": ["contended", "maintained"],
    "believe": ["think"],
    "feared": ["dreaded"],
    "leave": ["depart", "abandon"],
    "move": ["relocate", "shift"],
    "wanted": ["desired", "wished"],
    "need": ["require"],
    "needed": ["required"],
    "buy": ["purchase"],
    "increase": ["rise", "boost"],
    "promise": ["pledge", "vow"],
    "understood": ["grasped", "realized"],
    "considering": ["contemplating", "weighing"],
    "presented": ["submitted", "put forward"],
    "supported": ["backed", "endorsed"],
    "rejected": ["turned down", "refused"],
    "welcomed": ["greeted"],
    "propose": ["suggest", "put forward"],
    "train": ["educate", "coach"],
    "urged": ["pressed", "encouraged"],
    "settled": ["resolved"],
    "divided": ["split"],
    "thanked": ["expressed gratitude to"],
    # nouns
    "officials": ["officers", "authorities"],
    "residents": ["inhabitants", "dwellers"],
    "people": ["individuals", "folks"],
    "city": ["metropolis", "town"],
    "money": ["funds", "cash"],
    "amount": ["quantity", "sum"],
    "plan": ["scheme", "blueprint"],
    "goal": ["aim", "objective"],
    "information": ["data", "details"],
    "families": ["households"],
    "repairs": ["fixes", "maintenance"],
    "neighborhoods": ["districts", "areas"],
    "neighborhood": ["district", "area"],
    "street": ["road", "avenue"],
    "months": ["moons"],
    "winter": ["wintertime"],
    "decade": ["ten years"],
    "agreement": ["deal", "accord"],
    "wages": ["salaries", "pay"],
    "patients": ["sufferers", "cases"],
    "shift": ["stint", "turn"],
    "workers": ["employees", "laborers"],
    "shortage": ["scarcity", "lack"],
    "statement": ["declaration", "announcement"],
    "talks": ["negotiations", "discussions"],
    "measure": ["proposal", "initiative"],
    "voters": ["electorate", "constituents"],
    "jobs": ["positions", "occupations"],
    "shops": ["stores", "boutiques"],
    "advertising": ["promotion", "publicity"],
    "campaign": ["drive", "crusade"],
    "decision": ["verdict", "ruling"],
    "studies": ["research", "analyses"],
    "growth": ["expansion", "development"],
    "deal": ["bargain", "arrangement"],
    "question": ["issue", "matter"],
    "fans": ["supporters", "admirers"],
    "market": ["marketplace"],
    "roads": ["highways", "streets"],
    "schools": ["academies"],
    "team": ["squad", "crew"],
    "owners": ["proprietors", "holders"],
    "leaders": ["heads", "chiefs"],
    "members": ["associates"],
    "contract": ["agreement", "pact"],
    "budget": ["finances", "spending plan"],
    "hospitals": ["clinics", "infirmaries"],
    "life": ["lifetime", "existence"],
    "emergencies": ["crises", "emergency situations"],
    "bills": ["invoices", "statements"],
    "family": ["household"],
    # adjectives and adverbs
    "higher": ["greater", "elevated"],
    "several": ["various", "numerous"],
    "many": ["numerous", "lots of"],
    "more": ["additional", "extra"],
    "useful": ["helpful", "beneficial"],
    "cheaper": ["less expensive"],
    "average": ["typical", "normal"],
    "sudden": ["abrupt", "unexpected"],
    "tired": ["weary", "exhausted"],
    "largest": ["biggest", "greatest"],
    "tentative": ["provisional", "preliminary"],
    "minimum": ["least", "lowest"],
    "temporary": ["short-term", "interim"],
    "safely": ["securely"],
    "enough": ["sufficient"],
    "fair": ["just", "equitable"],
    "serious": ["severe", "grave"],
    "aging": ["ageing", "old"],
    "new": ["recent", "fresh"],
    "good": ["great", "fine"],
    "bad": ["poor", "terrible"],
    "smaller": ["lesser", "reduced"],
    "willing": ["prepared", "ready"],
    "disappointed": ["dissatisfied", "let down"],
    "rarely": ["seldom", "hardly ever"],
    "nearly": ["almost", "practically"],
    "roughly": ["approximately", "about"],
    "already": ["previously"],
    "often": ["frequently"],
    "hardest": ["most severely", "worst"],
    "public": ["open", "communal"],
    "single": ["lone", "solitary"],
    "large": ["big", "huge"],
    "current": ["present", "existing"],
    "next": ["following", "subsequent"],
    # function words and phrases
    "but": ["however", "yet"],
    "about": ["approximately", "around"],
    "before": ["prior to", "earlier than"],
    "after": ["following", "subsequent to"],
    "because": ["since", "as"],
    "also": ["additionally", "as well"],
    "such as": ["like", "for example"],
    "instead": ["rather"],
    "in the long run": ["over time", "eventually"],
    "more than": ["over", "in excess of"],
    "end of": ["close of", "conclusion of"],
}
NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6"}


def case_like(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def spin(text: str, rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """The spun text and the (spun, original) pairs in reading order."""
    phrases = sorted((k for k in THESAURUS if " " in k), key=len, reverse=True)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b|\b([A-Za-z]+(?:[’'][a-z]+)?)\b", re.IGNORECASE
    )
    out: list[str] = []
    pairs: list[tuple[str, str]] = []
    cursor = 0
    for match in pattern.finditer(text):
        original = match.group(0)
        key = original.lower()
        line_start = text.rfind("\n", 0, match.start()) + 1
        sentence_start = match.start() == line_start or text[max(0, match.start() - 2) : match.start()] in (". ", "” ")
        is_name = original[:1].isupper() and not sentence_start
        choice = None
        if not is_name and key in NUMBERS and rng.random() < 0.8:
            choice = NUMBERS[key]
        elif not is_name and key in THESAURUS and rng.random() < RATE:
            choice = case_like(original, rng.choice(THESAURUS[key]))
        if choice is None or choice == original:
            continue
        if text[match.end() : match.end() + 1] == "-" or text[match.start() - 1 : match.start()] == "-":
            continue  # spinners look up whole words, not parts of compounds
        out.append(text[cursor : match.start()])
        out.append(choice)
        pairs.append((choice, original))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), pairs


def write_spun(spun_dir: Path, name: str, spun: str, pairs: list[tuple[str, str]], note: str) -> None:
    """``name.txt`` and ``name.gold.tsv`` (the seed's gold format: every pair a certain substitution)."""
    spun_dir.mkdir(parents=True, exist_ok=True)
    (spun_dir / f"{name}.txt").write_text(spun, encoding="utf-8")
    gold = [f"# {note}"] + [f"S\t{s}\t{o}" for s, o in pairs]
    (spun_dir / f"{name}.gold.tsv").write_text("\n".join(gold) + "\n", encoding="utf-8")


def write(original: Path, spun_dir: Path, name: str, seed: int) -> int:
    text = original.read_text(encoding="utf-8")
    spun, pairs = spin(text, random.Random(seed))
    write_spun(spun_dir, name, spun, pairs,
               "Made by benchmarks/make_spun_set.py from " + original.name + " with a hand-written thesaurus.")
    return len(pairs)


def main() -> None:
    heldout = ROOT / "benchmarks" / "data" / "heldout"
    for number, original in enumerate(sorted((heldout / "originals").glob("*.txt"))):
        count = write(original, heldout / "spun", original.stem, seed=1000 + number)
        print(f"{original.stem}: {count} substitutions")
    sample = ROOT / "resources" / "sample"
    count = write(sample / "sample_article.original.txt", sample, "sample_article", seed=7)
    print(f"sample_article: {count} substitutions")


if __name__ == "__main__":
    main()
