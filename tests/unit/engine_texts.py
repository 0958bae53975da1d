"""Texts the engine's tests share: a spun paragraph and its honest original."""

from reader.core.engine import Engine

SPUN = (
    "The mayor stated on Tuesday that the town council will debate the new budget at its subsequent assembly. "
    "Metropolis officers stated they didn't count on any main adjustments, however individuals conversant in the "
    "matter stated the plan may increase taxes for the 2 largest employers. The White Home declined to remark."
)

CLEAN = (
    "The mayor said on Tuesday that the town council will discuss the new budget at its next meeting. City "
    "officials said they did not expect any major changes, but people familiar with the plan said it could raise "
    "taxes for the two largest employers. Austin residents will vote in November. The White House declined to "
    "comment."
)


def by_original(engine: Engine, text: str) -> dict[str, str]:
    return {s.original: s.replacement for s in engine.analyze(text).suggestions}
