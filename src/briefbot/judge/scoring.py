"""Measuring a judge on labelled (claim, sources, supported) pairs (tests/data/judge_pairs.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from briefbot.judge.rules import judge


@dataclass(frozen=True)
class JudgePair:
    """One labelled example: is `claim` supported by `sources`?"""

    claim: str
    sources: tuple[str, ...]
    supported: bool
    kind: str = ""
    set: str = "seed"  # "seed" (written before the judge) or "multihop" (held out, real news)


@dataclass(frozen=True)
class JudgeScores:
    """Accuracy of a judge on labelled pairs; `precision` is that of its "supported" answers (a judge that
    says yes to unsupported claims is worse than useless), `recall` the share of supported pairs it accepts."""

    n: int
    accuracy: float
    precision: float
    recall: float
    errors: tuple[tuple[JudgePair, bool], ...]  # (pair, what the judge said) where it was wrong

    def summary(self) -> str:
        return (f"accuracy {self.accuracy:.3f}, precision(supported) {self.precision:.3f}, "
                f"recall(supported) {self.recall:.3f} on {self.n} pairs")


def judge_accuracy(pairs: Sequence[JudgePair], judge_fn: Callable[[str, Sequence[str]], object] = judge
                   ) -> JudgeScores:
    """Score `judge_fn` (anything returning a truthy verdict) on labelled `pairs`."""
    said = [bool(judge_fn(p.claim, list(p.sources))) for p in pairs]
    tp = sum(s and p.supported for s, p in zip(said, pairs))
    predicted, actual = sum(said), sum(p.supported for p in pairs)
    n = len(pairs)
    correct = sum(s == p.supported for s, p in zip(said, pairs))
    return JudgeScores(
        n=n, accuracy=correct / n if n else 0.0, precision=tp / predicted if predicted else 1.0,
        recall=tp / actual if actual else 1.0,
        errors=tuple((p, s) for s, p in zip(said, pairs) if s != p.supported),
    )


def load_pairs(path: str | Path) -> list[JudgePair]:
    """Read labelled pairs from YAML: a top-level `pairs:` list of {claim, sources, supported, kind, set}."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [JudgePair(p["claim"], tuple(p["sources"]), bool(p["supported"]), p.get("kind", ""),
                      p.get("set", "seed")) for p in data["pairs"]]
