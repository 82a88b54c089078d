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
    settings = check_ablation.SWITCHES[check]
    modules = [__import__(module_name, fromlist=[attribute]) for module_name, attribute, _ in settings]
    for module, (_, attribute, _) in zip(modules, settings):
        monkeypatch.setattr(module, attribute, getattr(module, attribute))  # restored after the test
    check_ablation.switch_off(check)
    assert all(getattr(module, attribute) is value for module, (_, attribute, value) in zip(modules, settings))


def test_the_relevance_floor_is_read_when_answering(monkeypatch):
    """`answering_form` reads RELEVANCE_RATIO at call time, so switching it off reaches every call."""
    from briefbot.answer import answering
    from briefbot.answer.question import analyse

    from conftest import evidence_rows

    question = analyse("How many people visited the Stavenby fair?")
    evidence = evidence_rows([("fair-a", 0, "About 70,000 people visited the Stavenby fair, the organisers said.", 0.9,
                               "Stavenby fair"),
                              ("fair-b", 0, "The Stavenby fair drew 41,000 people in its first year.", 0.3,
                               "Stavenby fair")], question=question.text)
    assert [e.sentence.article_id for e in answering.answering_form(evidence, question)] == ["fair-a"]
    monkeypatch.setattr(answering, "RELEVANCE_RATIO", 0.0)
    assert [e.sentence.article_id for e in answering.answering_form(evidence, question)] == ["fair-a", "fair-b"]


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
