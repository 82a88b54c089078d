"""What each answer check is worth: the rules proxy with one check of the answer stage switched off at a time.

    .venv/bin/python benchmarks/check_ablation.py [checks ...] [--sets SET ...]

For each check named (default: every one of `SWITCHES`, after a run with all of them on), a fresh process makes that
check pass every sentence (or skips that step of the gate) and runs `rules_proxy.py` over the dev splits (default:
`learned_gate.DEFAULT_SETS`). One line a check: the gate's right answers and right declines, and the short answers,
with the change against all checks on. A check that costs more right answers than it buys right declines is one to
look at. Session 39's table is in docs/heldout-history.md. Dev splits only; a few minutes a check.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_ANSWERING = "briefbot.answer.answering"
_GATE = "briefbot.answer.gate"
# check -> the (module, attribute, value) settings that switch it off
SWITCHES: dict[str, tuple[tuple[str, str, object], ...]] = {
    "qualifiers": ((_ANSWERING, "missing_qualifiers", lambda question, item: []),),
    "form": ((_ANSWERING, "answers_form", lambda *args, **kwargs: True),),
    "candidate": ((_ANSWERING, "has_candidate", lambda question, item: True),),
    "topics": ((_ANSWERING, "missing_topics", lambda question, item: []),),
    "focus": ((_ANSWERING, "missing_focus", lambda question, item: None),),
    "office": ((_ANSWERING, "missing_office", lambda question, item: None),),
    "previews": ((_ANSWERING, "previews", lambda question, item: False),),
    "polarity": ((_ANSWERING, "wrong_polarity", lambda question, item: False),),
    "relevance": ((_ANSWERING, "RELEVANCE_RATIO", 0.0), (_ANSWERING, "TYPED_RELEVANCE_RATIO", 0.0)),
    "withheld": ((_GATE, "withheld", lambda *args: None),),
    "coverage": ((_GATE, "MIN_NAME_COVERAGE", 0.0),),
    "cited-floor": ((_GATE, "CITED_SCORE_RATIO", 0.0),),
}
ALL_ON = "none"
_TOTALS = re.compile(r"^all: .*gate: right answers (\d+) of \d+, declines (\d+) of \d+; short answer right (\d+)")


def switch_off(check: str) -> None:
    """Switch `check` off in this process (`SWITCHES`); `ALL_ON` switches nothing."""
    if check == ALL_ON:
        return
    for module_name, attribute, value in SWITCHES[check]:
        module = __import__(module_name, fromlist=[attribute])
        if not hasattr(module, attribute):
            raise SystemExit(f"{module_name} has no {attribute}: update SWITCHES in {Path(__file__).name}")
        setattr(module, attribute, value)


def totals(output: str) -> tuple[int, int, int]:
    """Right answers, right declines and right short answers from the rules proxy's last line."""
    for line in reversed(output.splitlines()):
        if (found := _TOTALS.match(line)) is not None:
            return int(found.group(1)), int(found.group(2)), int(found.group(3))
    raise ValueError("the rules proxy printed no totals line")


def _run(check: str, sets: list[str], runner: Callable[..., subprocess.CompletedProcess]) -> tuple[int, int, int]:
    done = runner([sys.executable, __file__, "--one", check, "--sets", *sets], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{check}: the rules proxy failed:\n{done.stderr[-2000:]}")
    return totals(done.stdout)


def main(runner: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> None:
    from learned_gate import DEFAULT_SETS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checks", nargs="*", help=f"default: all of {', '.join(SWITCHES)}")
    parser.add_argument("--sets", nargs="+", default=DEFAULT_SETS)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # run the proxy in this process with one check off
    args = parser.parse_args()
    unknown = [check for check in args.checks if check not in SWITCHES]
    if unknown:
        parser.error(f"unknown checks {unknown}; choose from {', '.join(SWITCHES)}")
    if args.one is not None:
        import rules_proxy

        switch_off(args.one)
        sys.argv = ["rules_proxy.py", *args.sets]
        rules_proxy.main()
        return
    base = _run(ALL_ON, args.sets, runner)
    print(f"all checks on: right answers {base[0]}, right declines {base[1]}, short answers {base[2]}", flush=True)
    for check in args.checks or SWITCHES:
        right, declines, short = _run(check, args.sets, runner)
        print(f"{check} off: right answers {right} ({right - base[0]:+d}), right declines {declines} "
              f"({declines - base[1]:+d}), short answers {short} ({short - base[2]:+d})", flush=True)


if __name__ == "__main__":
    main()
