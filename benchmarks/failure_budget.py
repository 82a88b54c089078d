"""Where answerable questions are lost, from `run.py` reports: retrieval, the gate's declines, or a wrong citation.

    .venv/bin/python benchmarks/failure_budget.py benchmarks/results/heldout/before-events4[0-9]-dev.json

Each answerable case of a report falls in one bucket:
- right: a gold sentence cited and the key facts given;
- not retrieved: no gold sentence among the retrieved evidence (`retrieval_recall` 0), so no rule could answer it;
- declined: a gold sentence was retrieved, but briefbot declined (a false decline of the gate);
- wrong: a gold sentence was retrieved, but another one was cited, or the key facts are missing.
Unanswerable cases count as declined or answered. The buckets say which stage to work on; read in aggregate, they
are safe for a blind split's reports too (no case is printed).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

BUCKETS = ("right", "not retrieved", "declined", "wrong")


def budget(report: dict) -> Counter:
    """The bucket counts of one `run.py` report (its `report.results`), plus "unanswerable" and "declines"."""
    counts: Counter = Counter()
    for result in report["report"]["results"]:
        answer = result["answer"]
        if not result["answerable"]:
            counts["unanswerable"] += 1
            counts["declines"] += bool(answer["abstained"])
        elif result["citation_recall"] and result["correct"]:
            counts["right"] += 1
        elif not result["retrieval_recall"]:
            counts["not retrieved"] += 1
        elif answer["abstained"]:
            counts["declined"] += 1
        else:
            counts["wrong"] += 1
    return counts


def describe(name: str, counts: Counter) -> str:
    """One line: the answerable buckets with their shares, then the unanswerable declines."""
    answerable = sum(counts[b] for b in BUCKETS)
    shares = ", ".join(f"{b} {counts[b]} ({counts[b] / answerable:.0%})" for b in BUCKETS) if answerable else "none"
    return f"{name}: answerable {answerable}: {shares}; unanswerable declined {counts['declines']} of " \
           f"{counts['unanswerable']}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path, help="run.py report files (JSON)")
    args = parser.parse_args(argv)
    total: Counter = Counter()
    for path in args.reports:
        try:
            counts = budget(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as error:
            parser.error(f"{path}: not a readable run.py report ({error}); pass the JSON files run.py --out writes")
        total += counts
        print(describe(path.stem, counts))
    if len(args.reports) > 1:
        print(describe("all", total))


if __name__ == "__main__":
    main()
