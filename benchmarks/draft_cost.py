"""What the model's draft costs and changes: `ask` with the draft (the default) against `BRIEFBOT_LLM_DRAFT=false`
(the cited sources' own words, no model call), the same questions, the same index, one process.

    python benchmarks/draft_cost.py events33 multihop-removed squad-corpus [--split dev] [--limit 25]

Each question of a set's split is asked twice, with and without the draft, in alternating order from question to
question so that drift on a shared machine hits both; the model's cache of the previous prompt is cleared before
every ask. Prints, per set and over all, the median `ask` seconds of each, their ratio, and in how many questions
the two answers differ in what they do (declined or not, the ids cited), as a markdown table. Quality by the
metrics is `run.py` with and without `BRIEFBOT_LLM_DRAFT=false`. Reads the dev split unless told otherwise; it
prints no question, only figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from rules_proxy import SETS, split_files  # noqa: E402


def asks(name: str, split: str, limit: int) -> list[tuple[float, float, bool]]:
    """(seconds with the draft, seconds without, whether the answers differ in what they cite or decline)."""
    from briefbot.bot import Briefbot

    work, corpus, cases_file = split_files(name, split)
    bot = Briefbot.from_corpus(corpus, work / "index")
    llama = bot.llm._load()
    settings = {mode: bot.settings.model_copy(update={"llm_draft": mode}) for mode in (True, False)}
    rows = []
    for number, case in enumerate(yaml.safe_load(cases_file.read_text())["cases"][:limit]):
        timed, did = {}, {}
        for mode in ((True, False) if number % 2 == 0 else (False, True)):
            bot.settings = settings[mode]
            llama.reset()  # no prefix of the previous prompt is reused
            started = time.perf_counter()
            answer = bot.ask(case["question"])
            timed[mode] = time.perf_counter() - started
            did[mode] = (answer.abstained, [c.id for s in answer.sentences for c in s.citations])
        rows.append((timed[True], timed[False], did[True] != did[False]))
    return rows


def line(label: str, rows: list[tuple[float, float, bool]]) -> str:
    """One row of the table: median seconds with and without the draft, their ratio, answers that differ."""
    draft, words = (statistics.median(r[i] for r in rows) for i in (0, 1))
    return f"| {label} | {len(rows)} | {draft:.2f} | {words:.2f} | {words / draft:.2f} | {sum(r[2] for r in rows)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", choices=SETS)
    parser.add_argument("--split", default="dev", choices=("dev", "blind"))
    parser.add_argument("--limit", type=int, default=25, help="questions asked per set")
    args = parser.parse_args()
    print("| set | questions | median ask s, draft | median ask s, sources' words | ratio | answers that differ |")
    print("|---|---|---|---|---|---|")
    every = []
    for name in args.sets:
        rows = asks(name, args.split, args.limit)
        every += rows
        print(line(name, rows), flush=True)
    print(line("all", every))


if __name__ == "__main__":
    main()
