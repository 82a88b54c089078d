"""The check ablation (`benchmarks/check_ablation.py`): every switch names a real check, and the table it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import check_ablation  # noqa: E402

_LINE = ("all: retrieval found gold 9 of 12; gold among the two cited 8 of 12; unanswerable given an answer 2 of 8; "
         "gate: right answers {right} of 12, declines {declines} of 8; short answer right {short} of 7; composer cites "
         "gold 8 (precision summed 6.0)")


@pytest.mark.parametrize("check", sorted(check_ablation.SWITCHES))
def test_every_switch_names_an_attribute_of_the_answer_stage(check, monkeypatch):
    module_name, attribute, value = check_ablation.SWITCHES[check]
    module = __import__(module_name, fromlist=[attribute])
    monkeypatch.setattr(module, attribute, getattr(module, attribute))  # restored after the test
    check_ablation.switch_off(check)
    assert getattr(module, attribute) is value


def test_the_table_gives_each_check_against_all_on(monkeypatch, capsys):
    figures = {"none": (8, 6, 5), "qualifiers": (7, 2, 4), "coverage": (9, 5, 5)}
    seen = []

    def runner(command, **kwargs):
        check = command[command.index("--one") + 1]
        seen.append((check, command[command.index("--sets") + 1:]))
        right, declines, short = figures[check]
        return subprocess.CompletedProcess(command, 0, stdout="events (dev): ...\n" + _LINE.format(
            right=right, declines=declines, short=short) + "\n", stderr="")

    monkeypatch.setattr(sys, "argv", ["check_ablation.py", "qualifiers", "coverage", "--sets", "events", "events3"])
    check_ablation.main(runner)
    out = capsys.readouterr().out.splitlines()
    assert seen == [("none", ["events", "events3"]), ("qualifiers", ["events", "events3"]),
                    ("coverage", ["events", "events3"])]
    assert out == ["all checks on: right answers 8, right declines 6, short answers 5",
                   "qualifiers off: right answers 7 (-1), right declines 2 (-4), short answers 4 (-1)",
                   "coverage off: right answers 9 (+1), right declines 5 (-1), short answers 5 (+0)"]


def test_an_unknown_check_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["check_ablation.py", "spelling"])
    with pytest.raises(SystemExit) as exit_info:
        check_ablation.main(lambda *a, **k: None)
    assert exit_info.value.code == 2
    assert "unknown checks ['spelling']" in capsys.readouterr().err


def test_totals_need_the_proxys_last_line():
    assert check_ablation.totals("x\n" + _LINE.format(right=3, declines=2, short=1)) == (3, 2, 1)
    with pytest.raises(ValueError):
        check_ablation.totals("events (dev): nothing")
