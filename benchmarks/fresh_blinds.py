"""The README's "Where it stands" table: each held-out set's blind split when the set was new, and now.

    .venv/bin/python benchmarks/fresh_blinds.py events{46..63} [--results benchmarks/results/heldout]

For each set, `before-<set>-blind.json` is its blind split measured once before any change for it, and
`<set>-blind.json` the latest end-of-session run (both written by `run.py --out`). Printed: a row per set (when fresh,
now) and the means over the sets, as Markdown, with short answers last. Only aggregate metrics are read, so it is
safe for blind splits.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "heldout"
METRICS = (("citation_recall", "cit. recall"), ("citation_precision", "cit. precision"),
           ("answer_accuracy", "key facts"), ("abstention_rate", "declines when it should"),
           ("false_abstention_rate", "false declines"), ("short_answer_accuracy", "short answers"))


def figures(path: Path) -> tuple[float, ...]:
    """The `METRICS` of one `run.py` report (its `briefbot` block); a missing short-answer figure counts as 0."""
    block = json.loads(path.read_text(encoding="utf-8"))["briefbot"]
    return tuple(float(block.get(key) or 0.0) for key, _ in METRICS)


def means(rows: list[tuple[float, ...]]) -> tuple[float, ...]:
    return tuple(sum(column) / len(rows) for column in zip(*rows))


def table(sets: list[str], results: Path) -> str:
    """The Markdown table: per set its figures when fresh and now, then the means of each."""
    fresh, now = [], []
    lines = ["| blind split | when | " + " | ".join(label for _, label in METRICS) + " |",
             "|---|---|" + "---|" * len(METRICS)]
    for name in sets:
        fresh.append(figures(results / f"before-{name}-blind.json"))
        now.append(figures(results / f"{name}-blind.json"))
        for when, row in (("when fresh", fresh[-1]), ("now", now[-1])):
            lines.append(f"| {name} | {when} | " + " | ".join(f"{x:.3f}" for x in row) + " |")
    for when, rows in (("when fresh", fresh), ("now", now)):
        lines.append(f"| mean of {len(sets)} | {when} | " + " | ".join(f"{x:.3f}" for x in means(rows)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="held-out set names (events46 events47 ...)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder of the run.py reports")
    args = parser.parse_args(argv)
    try:
        print(table(args.sets, args.results))
    except (OSError, ValueError, KeyError) as error:
        parser.error(f"{error}: each set needs before-<set>-blind.json and <set>-blind.json in {args.results} "
                     "(written by `python benchmarks/run.py <set> --split blind --out DIR`)")


if __name__ == "__main__":
    main()
