"""The fresh-blind table (`benchmarks/fresh_blinds.py`): each set when fresh and now, and the means of both."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fresh_blinds  # noqa: E402


def _report(path: Path, recall: float, short: float | None) -> None:
    block = {"citation_recall": recall, "citation_precision": 0.5, "answer_accuracy": recall, "abstention_rate": 0.75,
             "false_abstention_rate": 0.125, "short_answer_accuracy": short}
    path.write_text(json.dumps({"briefbot": block, "baseline": {}}), encoding="utf-8")


def test_the_table_gives_each_set_when_fresh_and_now_and_the_means(tmp_path):
    _report(tmp_path / "before-a-blind.json", 0.5, 0.25)
    _report(tmp_path / "a-blind.json", 0.75, None)  # no short answer measured: counts as 0
    _report(tmp_path / "before-b-blind.json", 1.0, 0.75)
    _report(tmp_path / "b-blind.json", 0.25, 0.5)
    lines = fresh_blinds.table(["a", "b"], tmp_path).splitlines()
    assert lines[2] == "| a | when fresh | 0.500 | 0.500 | 0.500 | 0.750 | 0.125 | 0.250 |"
    assert lines[3] == "| a | now | 0.750 | 0.500 | 0.750 | 0.750 | 0.125 | 0.000 |"
    assert lines[-2] == "| mean of 2 | when fresh | 0.750 | 0.500 | 0.750 | 0.750 | 0.125 | 0.500 |"
    assert lines[-1] == "| mean of 2 | now | 0.500 | 0.500 | 0.500 | 0.750 | 0.125 | 0.250 |"


def test_a_set_without_its_reports_is_a_clear_error(tmp_path, capsys):
    _report(tmp_path / "before-a-blind.json", 0.5, 0.25)
    with pytest.raises(SystemExit):
        fresh_blinds.main(["a", "--results", str(tmp_path)])
    assert "a-blind.json" in capsys.readouterr().err
