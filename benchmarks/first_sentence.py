"""Time to the first verified sentence, and to the final answer, over the seed cases.

    BRIEFBOT_LLM_THREADS=2 python benchmarks/first_sentence.py [--cases tests/cases/seed.yaml] [--limit N]

Runs `Briefbot.stream` on every case question with the real default models (the index of seeds/ is
built in a temporary directory unless --index is given), and prints the median and 95th percentile of
the seconds from the question to the first "delta" event (the first verified answer sentence) and to
the final answer, over the questions that were answered (abstentions yield no delta), plus the same for
the final answer over all questions. One warm-up question first (model loading is not counted).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def measure(bot, questions: list[str]) -> dict[str, list[float]]:
    first: list[float] = []
    final_answered: list[float] = []
    final_all: list[float] = []
    for question in questions:
        started = time.perf_counter()
        seen = None
        for event in bot.stream(question):
            if event.kind == "delta" and seen is None:
                seen = time.perf_counter() - started
        total = time.perf_counter() - started
        final_all.append(total)
        if seen is not None:
            first.append(seen)
            final_answered.append(total)
    return {"first verified sentence (answered)": first, "final answer (answered)": final_answered,
            "final answer (all questions)": final_all}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "cases" / "seed.yaml")
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    from briefbot import Briefbot
    from briefbot.evaluation import load_cases

    questions = [case.question for case in load_cases(args.cases).cases][: args.limit]
    index = args.index or Path(tempfile.mkdtemp(prefix="briefbot-first-")) / "index"
    bot = Briefbot.from_corpus(args.corpus, index)
    bot.ask(questions[0])  # warm-up: load the models
    results = measure(bot, questions)
    print(f"{len(questions)} questions from {args.cases.name}, LLM {bot.llm.id}")
    print("| seconds to | n | median | p95 |")
    print("|---|---:|---:|---:|")
    for name, values in results.items():
        median = statistics.median(values) if values else float("nan")
        print(f"| {name} | {len(values)} | {median:.2f} | {percentile(values, 0.95):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
