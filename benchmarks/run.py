"""Run briefbot and the no-model baseline side by side on the seed suite and the real benchmark samples.

    python benchmarks/run.py                      # seed, squad (120 questions), multihop (120 questions)
    python benchmarks/run.py squad --limit 500    # the whole SQuAD 2.0 sample
    python benchmarks/run.py seed --model .venv/models/gemma-3-270m-q4_k_m.gguf
    python benchmarks/run.py squad-corpus multihop-removed events --split dev --limit 60   # held-out sets

Prints one markdown table per data set (every metric, briefbot next to the baseline, then the count and
share declined of each kind of question) and writes the full reports to
benchmarks/results/<dataset>[-<split>][-<model>].json. The held-out sets (benchmarks/heldout.py, and the
hand-written benchmarks/heldout/events/) have a dev and a blind split: tune on dev, run blind rarely.
The data in ../shared/data is not ours: see benchmarks/README.md for its licences and attribution.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from adapters import multihop_to_corpus, squad_to_corpus  # noqa: E402
from baseline import OverlapBaseline  # noqa: E402
from heldout import (EVENTS_DIRS, KIND_ORDER, SPLITS, MissingSetError,  # noqa: E402
                     events_cases, kind_of, multihop_removed, squad_corpus)

from briefbot import Briefbot, Settings  # noqa: E402
from briefbot.evaluation import load_cases, run_cases  # noqa: E402

METRICS = [
    ("citation_recall", "citation recall"),
    ("citation_precision", "citation precision"),
    ("supported_rate", "supported sentences (judge)"),
    ("answer_accuracy", "answer accuracy (key facts)"),
    ("short_answer_accuracy", "short answer gives a key fact"),
    ("abstention_rate", "abstention on unanswerable"),
    ("false_abstention_rate", "false abstention on answerable"),
    ("retrieval_recall", "retrieval recall@6"),
    ("latency_median", "median latency (s)"),
]


DATASETS = ("seed", "squad", "multihop", "squad-corpus", "multihop-removed") + tuple(EVENTS_DIRS)
SPLIT_SETS = {"squad-corpus": squad_corpus, "multihop-removed": multihop_removed}


def prepare(dataset: str, limit: int | None, work: Path, split: str = "dev") -> tuple[Path, Path]:
    """(corpus dir, case file) for `dataset` (held-out sets: cases of `split`)."""
    if dataset == "seed":
        return ROOT / "seeds", ROOT / "tests" / "cases" / "seed.yaml"
    out = work / dataset
    if dataset == "squad":
        squad_to_corpus(out_dir=out, limit=limit)
    elif dataset == "multihop":
        multihop_to_corpus(out_dir=out, limit=limit)
    elif dataset in SPLIT_SETS:
        summary = SPLIT_SETS[dataset](out_dir=out, split=split, limit=limit)
        print(f"[{dataset}] {split}: {summary['articles']} articles ({summary['removed_articles']} removed), "
              f"cases by kind {summary['kinds']}", file=sys.stderr)
    elif dataset in EVENTS_DIRS:  # hand-written sets (events2 has a blind split only); MissingSetError if unwritten
        return events_cases(out, split, limit, events_dir=EVENTS_DIRS[dataset])
    else:
        raise SystemExit(f"unknown data set {dataset!r}: use one of {', '.join(DATASETS)}")
    return out / "corpus", out / "cases.yaml"


def origin_shares(report) -> dict[str, float]:
    """How often the shown sentences are the model's own phrasing vs the source's words."""
    counts = {"model": 0, "source": 0}
    for result in report.results:
        for sentence in (result.answer.sentences if result.answer else []):
            counts[sentence.origin if sentence.origin in counts else "source"] += 1
    total = sum(counts.values()) or 1
    return {k: round(v / total, 3) for k, v in counts.items()} | {"sentences": sum(counts.values())}


def kinds(ours, baseline) -> dict[str, dict]:
    """Per kind of question: cases, and the share briefbot / the baseline declined."""
    out: dict[str, dict] = {}
    for mine, theirs in zip(ours.results, baseline.results):
        row = out.setdefault(kind_of(mine.tags, mine.answerable), {"cases": 0, "briefbot": 0, "baseline": 0})
        row["cases"] += 1
        row["briefbot"] += bool(mine.answer and mine.answer.abstained)
        row["baseline"] += bool(theirs.answer and theirs.answer.abstained)
    rank = {k: n for n, k in enumerate(KIND_ORDER)}
    return {k: {"cases": r["cases"], "declined_briefbot": round(r["briefbot"] / r["cases"], 3),
                "declined_baseline": round(r["baseline"] / r["cases"], 3)}
            for k, r in sorted(out.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))}


def run(dataset: str, limit: int | None, model: str | None, work: Path, split: str = "dev") -> dict:
    corpus, cases_path = prepare(dataset, limit, work, split)
    cases = load_cases(cases_path)
    settings = Settings(llm_model=Path(model)) if model else Settings()
    started = time.perf_counter()
    bot = Briefbot.from_corpus(corpus, index=work / f"index-{dataset}", settings=settings)
    print(f"[{dataset}] indexed in {time.perf_counter() - started:.1f}s; {len(cases.cases)} cases", file=sys.stderr)
    done = [0]

    def tick(_result) -> None:
        done[0] += 1
        if done[0] % 10 == 0:
            print(f"[{dataset}] {done[0]}/{len(cases.cases)}", file=sys.stderr)

    ours = run_cases(bot, cases, progress=tick)
    baseline = run_cases(OverlapBaseline(bot.index), cases)
    return {"dataset": dataset, "split": split if dataset in SPLIT_SETS or dataset.startswith("events") else None,
            "cases": len(cases.cases), "model": bot.llm.id,
            "briefbot": ours.metrics.model_dump(), "baseline": baseline.metrics.model_dump(),
            "kinds": kinds(ours, baseline), "origins": origin_shares(ours),
            "report": json.loads(ours.model_dump_json())}


def table(result: dict) -> str:
    name = result["dataset"] + (f" ({result['split']})" if result.get("split") else "")
    lines = [f"**{name}** ({result['cases']} cases, {result['model']})", "",
             "| metric | briefbot | no-model baseline |", "|---|---|---|"]
    for key, label in METRICS:
        ours, base = result["briefbot"].get(key), result["baseline"].get(key)
        fmt = (lambda v: "n/a" if v is None else f"{v:.2f}" if key.startswith("latency") else f"{v:.3f}")
        lines.append(f"| {label} | {fmt(ours)} | {fmt(base)} |")
    o = result["origins"]
    lines.append(f"| answer sentences in the model's own words | {o['model']:.3f} (of {o['sentences']}) | 0 |")
    lines += ["", "| kind | cases | declined: briefbot | declined: baseline |", "|---|---|---|---|"]
    for kind, row in result["kinds"].items():
        lines.append(f"| {kind} | {row['cases']} | {row['declined_briefbot']:.3f} | {row['declined_baseline']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=["seed", "squad", "multihop"],
                        help=f"any of {', '.join(DATASETS)}")
    parser.add_argument("--limit", type=int, default=120,
                        help="questions per benchmark sample, stratified (0: all; seed: always all)")
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="held-out sets (squad-corpus, multihop-removed, events): dev, blind or all")
    parser.add_argument("--model", help="GGUF file to answer with (default: the bundled SmolLM2-135M)")
    parser.add_argument("--out", default=str(HERE / "results"), help="directory for the JSON reports")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
        for dataset in args.datasets:
            try:
                result = run(dataset, args.limit if args.limit > 0 else None, args.model, Path(tmp), args.split)
            except MissingSetError as exc:
                print(f"[{dataset}] skipped: {exc}", file=sys.stderr)
                continue
            suffix = (f"-{args.split}" if result["split"] else "") + (f"-{Path(args.model).stem}" if args.model else "")
            (out / f"{dataset}{suffix}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
            print(table(result) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
