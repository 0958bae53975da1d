"""The few numbers that combine the engine's evidence, kept as data (``resources/data/engine_weights.json``).

They are fitted by ``benchmarks/fit_weights.py`` on labelled spun and unspun text, not typed by hand;
the defaults here are only the starting point of that fit.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from reader.resources import resources_dir

MIN_FLAGGED_SHARE = 0.005  # below half a percent of its words, an article's share tells no more


def _coefficients() -> dict[str, float]:
    return {
        "gain": 1.0,  # per nat of context evidence
        "commonness": -0.7,  # per nat the candidate is commoner out of context (generic words fit anywhere)
        "prior": 1.0,  # per unit of the article's spin log-odds
        "repeats": 0.5,  # per log of repeats of the same substitution in the article
        "capitalized": -3.0,  # a capitalised word inside a sentence is likely a name
        "multiword": 0.0,
        "bias": 0.0,
        "relation:synonym": -1.0,
        "relation:similar": -2.0,
        "relation:hypernym": -2.5,
        "relation:hyponym": -2.5,
        "relation:sibling": -3.5,
        "relation:pattern": -1.5,
        "relation:tortured": 4.0,
        "relation:number": 2.0,
    }


@dataclass(slots=True)
class Weights:
    coefficients: dict[str, float] = field(default_factory=_coefficients)
    initial_rate: float = 0.05  # the share of strong evidence expected before reading the article
    rate_pseudo: float = 20.0
    rounds: int = 3
    # Spans reported at all, by their raw probability of substitution. The confidence stage (below) then judges each
    # reported span on the whole article too, so the floor sits under the even odds: 0.4 found more of the lightly
    # spun texts' substitutions (benchmarks/README.md, "Reporting below even odds").
    report_floor: float = 0.4
    rare_floor: float = -11.0
    rarity_slack: float = 1.5
    max_candidates: int = 60  # per span, by static score: more cost time and rarely win
    # Detection calibration, fitted after the coefficients on far more unspun text than spun: the coefficients
    # rank a span's candidates, and P(span substituted) = sigmoid(scale * logsumexp(log-odds) + shift + prior
    # weight * the article prior). Ranking and detection need different data; one fit served both badly.
    calibration: dict[str, float] = field(default_factory=lambda: {"scale": 1.0, "shift": 0.0, "prior": 0.0})
    # Which candidate is the original, given that the span was substituted: a separate model, fitted only on
    # substituted spans, because what tells a spun word from an honest one (detection) is not what tells the
    # right original from its rivals. Empty: the detection coefficients rank as well.
    ranking: dict[str, float] = field(default_factory=dict)
    # The confidence the reader sees, fitted last on the suggestions the engine reports: P(right) =
    # sigmoid(scale * logit(raw confidence) + shift + spin * ln(share of the article's words flagged)
    # + spin_above_knot * max(0, ln(share / spin_knot)) + relation offset, where given). A flag in an article where
    # little else looks substituted is right less often than its own evidence says, one in a heavily spun article
    # more often; above the knot the share tells little more. Empty: the raw confidence is shown.
    confidence: dict[str, float] = field(default_factory=dict)

    @property
    def ranking_coefficients(self) -> dict[str, float]:
        return self.ranking or self.coefficients

    def rank(self, features: dict[str, float]) -> float:
        """Score of the option's candidate among its span's rivals (only differences between rivals matter)."""
        c = self.ranking_coefficients
        return sum(c.get(name, 0.0) * value for name, value in features.items())

    def static_scores(self, features: dict[str, float]) -> tuple[float, float]:
        """Detection log-odds and rank score of the context-free features; without a ranking model the detection
        score ranks as well (only differences within a span matter), so it is not computed twice."""
        static = self.combine(features)
        return static, (self.rank(features) if self.ranking else static)

    def detection_log_odds(self, span_log_odds: float, prior: float) -> float:
        """Calibrated log-odds that a span was substituted, from its candidates' summed odds and the article prior."""
        c = self.calibration
        return c.get("scale", 1.0) * span_log_odds + c.get("shift", 0.0) + c.get("prior", 0.0) * prior

    def shown_confidence(self, raw: float, flagged_share: float, relation: str = "") -> float:
        """The calibrated confidence of a reported suggestion (see ``confidence``); ``relation`` is how its
        replacement is linked to the published word, which may carry an offset of its own."""
        c = self.confidence
        if not c:
            return raw
        evidence, spin = confidence_evidence(raw, flagged_share)
        x = c.get("scale", 1.0) * evidence + c.get("shift", 0.0) + c.get("spin", 0.0) * spin
        if "spin_knot" in c:  # the share speaks with another slope above the knot
            x += c.get("spin_above_knot", 0.0) * max(0.0, spin - math.log(c["spin_knot"]))
        x += c.get(f"relation:{relation}", 0.0)
        return 1.0 / (1.0 + math.exp(-x)) if x > -40 else 0.0

    def combine(self, features: dict[str, float]) -> float:
        """Log-odds that the option's candidate is the original wording."""
        c = self.coefficients
        return c.get("bias", 0.0) + sum(c.get(name, 0.0) * value for name, value in features.items())


def confidence_evidence(raw: float, flagged_share: float) -> tuple[float, float]:
    """What the confidence stage reads (and benchmarks/fit_weights.py fits on): the logit of the raw confidence
    and the log of the article's flagged share (``reader.core.suggestion.calibration_share``)."""
    raw = min(max(raw, 1e-9), 1.0 - 1e-9)
    return math.log(raw / (1.0 - raw)), math.log(max(flagged_share, MIN_FLAGGED_SHARE))


ENGINE_CODE = "engine-code.txt"  # in a frozen app: the digest of the engine's sources, recorded by build.spec


def engine_code(folder: Path | None = None) -> str:
    """A digest of the engine's code (the sources of reader/core, or ``folder``): results change with the code far
    more often than with the version number. A frozen app has no sources, so its build records this digest in
    resources/data (ENGINE_CODE), and the app reads it there."""
    sources = sorted((folder or Path(__file__).resolve().parent).glob("*.py"))
    if not sources:
        recorded = resources_dir() / "data" / ENGINE_CODE
        return recorded.read_text(encoding="utf-8").strip() if recorded.is_file() else ""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def engine_version() -> str:
    """Names the engine's behaviour (version, code, weights, spinner patterns, tagger, usage neighbours), so a stored
    analysis made by an older engine is recognised as stale instead of being shown as if it were current."""
    from reader import __version__

    digest = hashlib.sha256(__version__.encode() + engine_code().encode())
    for name in ("engine_weights.json", "spinner_patterns.tsv", "pos_tagger.bin.gz", "usage_neighbours.tsv.gz"):
        path = resources_dir() / "data" / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return f"{__version__}+{digest.hexdigest()[:12]}"


def weights_from_document(data: dict) -> Weights:
    """Weights from the JSON document that fit_weights.py writes; keys it lacks keep their defaults."""
    weights = Weights()
    names = {f.name for f in fields(Weights)}
    for key, value in data.items():
        if key == "coefficients":
            weights.coefficients.update(value)
        elif key == "calibration":
            weights.calibration.update(value)
        elif key == "ranking":
            weights.ranking = dict(value)
        elif key == "confidence":
            weights.confidence = dict(value)
        elif key in names:
            setattr(weights, key, value)
    return weights


def load_weights() -> Weights:
    path = resources_dir() / "data" / "engine_weights.json"
    if not path.is_file():
        return Weights()
    return weights_from_document(json.loads(path.read_text(encoding="utf-8")))
