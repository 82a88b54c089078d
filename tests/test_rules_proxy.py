"""The rules proxy (`benchmarks/rules_proxy.py`): its totals add up, and it reads a blind split in aggregate only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import rules_proxy  # noqa: E402


def test_counts_add_field_by_field():
    one = rules_proxy.Counts(answerable=24, retrieved=21, gate_right=13, unanswerable=16, gate_declined=11,
                             precise=10.0)
    two = rules_proxy.Counts(answerable=24, retrieved=18, gate_right=13, unanswerable=16, gate_declined=11,
                             precise=7.5)
    total = one + two
    assert (total.answerable, total.retrieved, total.gate_right, total.gate_declined, total.precise) == \
        (48, 39, 26, 22, 17.5)
    assert "retrieval found gold 39 of 48" in rules_proxy.describe(total)
    assert "gate: right answers 26 of 48, declines 22 of 32" in rules_proxy.describe(total)


def test_a_blind_split_is_not_printed_case_by_case(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["rules_proxy.py", "events", "--split", "blind", "--cases"])
    with pytest.raises(SystemExit) as exit_info:
        rules_proxy.main()
    assert exit_info.value.code == 2
    assert "aggregate only" in capsys.readouterr().err
