"""The few numbers that combine the engine's evidence, kept as data (``resources/data/engine_weights.json``).

They are fitted by ``benchmarks/fit_weights.py`` on labelled spun and unspun text, not typed by hand;
the defaults here are only the starting point of that fit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from reader.resources import resources_dir


def _relations() -> dict[str, float]:
    return {
        "synonym": -1.0, "similar": -2.0, "hypernym": -2.5, "hyponym": -2.5, "sibling": -3.5,
        "pattern": -1.5, "tortured": 4.0, "number": 2.0,
    }


@dataclass(slots=True)
class Weights:
    gain: float = 1.0  # per nat of context evidence
    commonness: float = -0.7  # per nat the candidate is commoner out of context (generic words fit anywhere)
    prior: float = 1.0  # per unit of the article's spin log-odds
    bias: float = 0.0
    capitalized: float = -3.0  # a capitalised word inside a sentence is likely a name
    multiword: float = 0.0
    consistency: float = 0.5  # per log of repeats of the same substitution in the article
    relation: dict[str, float] = field(default_factory=_relations)
    initial_rate: float = 0.05
    rate_pseudo: float = 20.0
    rounds: int = 3
    report_floor: float = 0.5
    rare_floor: float = -11.0
    rarity_slack: float = 1.5


def load_weights() -> Weights:
    path = resources_dir() / "data" / "engine_weights.json"
    weights = Weights()
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        names = {f.name for f in fields(Weights)}
        for key, value in data.items():
            if key in names:
                setattr(weights, key, value)
    return weights
