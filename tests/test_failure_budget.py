"""The failure budget (`benchmarks/failure_budget.py`): each answerable case falls in exactly one bucket."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import failure_budget  # noqa: E402


def _result(answerable: bool, *, recall: float = 0.0, correct: bool = False, retrieved: float = 0.0,
            abstained: bool = False) -> dict:
    return {"answerable": answerable, "citation_recall": recall, "correct": correct, "retrieval_recall": retrieved,
            "answer": {"abstained": abstained}}


REPORT = {"report": {"results": [
    _result(True, recall=1.0, correct=True, retrieved=1.0),  # right
    _result(True, retrieved=0.0, abstained=True),  # not retrieved, whatever it then did
    _result(True, retrieved=1.0, abstained=True),  # declined though the gold sentence was there
    _result(True, retrieved=1.0, recall=1.0, correct=False),  # gold cited, key facts missing: wrong
    _result(False, abstained=True), _result(False, abstained=False),
]}}


def test_each_answerable_case_falls_in_one_bucket():
    counts = failure_budget.budget(REPORT)
    assert [counts[b] for b in failure_budget.BUCKETS] == [1, 1, 1, 1]
    assert (counts["unanswerable"], counts["declines"]) == (2, 1)
    assert "right 1 (25%)" in failure_budget.describe("x", counts)


def test_reports_are_summed_and_a_bad_file_is_a_clear_error(tmp_path, capsys):
    one, two = tmp_path / "a.json", tmp_path / "b.json"
    for path in (one, two):
        path.write_text(json.dumps(REPORT), encoding="utf-8")
    failure_budget.main([str(one), str(two)])
    assert "all: answerable 8: right 2 (25%)" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit):
        failure_budget.main([str(bad)])
    assert "not a readable run.py report" in capsys.readouterr().err
