"""The learned-gate experiment (`benchmarks/learned_gate.py`): how it counts a decision, on hand-made records."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import learned_gate  # noqa: E402


def _sentence(gold: bool, allowed: bool, place: int) -> dict:
    return {"signals": [0.0] * 12, "rank": place, "relative": 1.0, "form": True, "qualifiers": True,
            "candidate": True, "topics": True, "focus": True, "office": True, "preview": False, "polar": False,
            "allowed": allowed, "place": place if allowed else -1, "lead": False, "gold": gold}


def _record(answerable: bool, sentences: list[dict], passes: bool = True) -> dict:
    return {"set": "s", "id": "q", "answerable": answerable, "sentences": sentences, "passes": passes,
            "withheld": False, "vacant": False, "unknown": False, "covered": True, "terms": 0.4, "multi": False,
            "parts": False, "type": "person"}


def test_the_rules_cite_their_first_two_allowed_sentences_and_decline_when_the_gate_does():
    wrong, gold = _sentence(False, True, 0), _sentence(True, True, 1)
    assert learned_gate.outcome(_record(True, [wrong, gold]), learned_gate.by_rules(_record(True, [wrong, gold]))) \
        == "ra"
    blocked = _record(True, [gold], passes=False)
    assert learned_gate.outcome(blocked, learned_gate.by_rules(blocked)) == "fd"
    unanswerable = _record(False, [wrong])
    assert learned_gate.outcome(unanswerable, learned_gate.by_rules(unanswerable)) == "wa"


def test_a_learned_decision_ranks_by_chance_and_declines_under_the_threshold():
    first, second, third = _sentence(False, True, 0), _sentence(False, True, 1), _sentence(True, False, 2)
    record = _record(True, [first, second, third])
    chances = np.array([0.3, 0.2, 0.6])
    # "rules": only the rule-allowed sentences, so the likelier gold one (not allowed) is never cited
    assert learned_gate.outcome(record, learned_gate.learned(record, chances, 0.1, "rules")) == "wc"
    assert learned_gate.outcome(record, learned_gate.learned(record, chances, 0.1, "all")) == "ra"
    assert learned_gate.learned(record, chances, 0.7, "all") is None
    assert len(learned_gate.features(record, first, ["person"])) == len(learned_gate.features(record, third,
                                                                                               ["person"]))
