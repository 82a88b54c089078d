"""The zero-shot reader readings (`benchmarks/reader_zero_shot.py`), on records made here and a scorer made here."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import reader_zero_shot  # noqa: E402


def _record(question: str, answerable: bool, chosen: list[str], evidence: list[tuple[str, float, bool]],
            declined: bool = False) -> dict:
    return {"set": "a", "question": question, "answerable": answerable, "declined": declined, "chosen": chosen,
            "evidence": [{"id": text, "text": text, "score": score, "gold": gold} for text, score, gold in evidence]}


RECORDS = [
    _record("q1", True, ["right1"], [("right1", 0.5, True), ("other1", 0.6, False)]),
    _record("q2", True, ["wrong2"], [("wrong2", 0.7, False), ("right2", 0.4, True)]),
    _record("q3", False, ["near3"], [("near3", 0.8, False)]),
    _record("q4", False, [], [("near4", 0.2, False)], declined=True),
]


def test_a_scorer_that_knows_the_gold_sentence_reads_perfectly_and_the_retrieval_score_does_not():
    def oracle(pairs):
        return np.array([1.0 if sentence.startswith("right") else 0.0 for sentence, _ in pairs])

    r = reader_zero_shot.readings(RECORDS, oracle)
    assert (r["answered"], r["answered_right"]) == (3, 1)  # q4 is declined
    assert r["citation_auc_model"] == 1.0
    assert r["citation_auc_retrieval"] == 0.0  # the right citation scores lowest (0.5 against 0.7 and 0.8)
    assert (r["gold_retrieved"], r["top_gold_model"], r["top_gold_retrieval"], r["top_gold_gate"]) == (2, 2, 0, 1)
    assert r["answerable_auc_model"] == 1.0
    assert r["answerable_auc_retrieval"] == pytest.approx(0.5)  # 0.6, 0.7 against 0.8, 0.2


def test_each_distinct_pair_is_scored_once_with_the_sentence_first():
    seen = []

    def recording(pairs):
        seen.extend(pairs)
        return np.zeros(len(pairs))

    reader_zero_shot.readings(RECORDS + RECORDS, recording)
    assert len(seen) == len(set(seen)) == 6
    assert ("right1", "q1") in seen
