"""Run briefbot and the no-model baseline side by side on the seed suite and the real benchmark samples.

    python benchmarks/run.py                      # seed, squad (120 questions), multihop (120 questions)
    python benchmarks/run.py squad --limit 500    # the whole SQuAD 2.0 sample
    python benchmarks/run.py seed --model .venv/models/gemma-3-270m-q4_k_m.gguf

Prints one markdown table per data set (every metric, briefbot next to the baseline) and writes the full
reports to benchmarks/results/<dataset>[-<model>].json. The data in ../shared/data is not ours: see
benchmarks/README.md for its licences and attribution.
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

from briefbot import Briefbot, Settings  # noqa: E402
from briefbot.evaluation import load_cases, run_cases  # noqa: E402

METRICS = [
    ("citation_recall", "citation recall"),
    ("citation_precision", "citation precision"),
    ("supported_rate", "supported sentences (judge)"),
    ("answer_accuracy", "answer accuracy (key facts)"),
    ("abstention_rate", "abstention on unanswerable"),
    ("false_abstention_rate", "false abstention on answerable"),
    ("retrieval_recall", "retrieval recall@6"),
    ("latency_median", "median latency (s)"),
]


def prepare(dataset: str, limit: int, work: Path) -> tuple[Path, Path]:
    """(corpus dir, case file) for `dataset`."""
    if dataset == "seed":
        return ROOT / "seeds", ROOT / "tests" / "cases" / "seed.yaml"
    out = work / dataset
    if dataset == "squad":
        squad_to_corpus(out_dir=out, limit=limit)
    elif dataset == "multihop":
        multihop_to_corpus(out_dir=out, limit=limit)
    else:
        raise SystemExit(f"unknown data set {dataset!r}: use seed, squad or multihop")
    return out / "corpus", out / "cases.yaml"


def origin_shares(report) -> dict[str, float]:
    """How often the shown sentences are the model's own phrasing vs the source's words."""
    counts = {"model": 0, "source": 0}
    for result in report.results:
        for sentence in (result.answer.sentences if result.answer else []):
            counts[sentence.origin if sentence.origin in counts else "source"] += 1
    total = sum(counts.values()) or 1
    return {k: round(v / total, 3) for k, v in counts.items()} | {"sentences": sum(counts.values())}


def run(dataset: str, limit: int, model: str | None, work: Path) -> dict:
    corpus, cases_path = prepare(dataset, limit, work)
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
    return {"dataset": dataset, "cases": len(cases.cases), "model": bot.llm.id,
            "briefbot": ours.metrics.model_dump(), "baseline": baseline.metrics.model_dump(),
            "origins": origin_shares(ours), "report": json.loads(ours.model_dump_json())}


def table(result: dict) -> str:
    lines = [f"**{result['dataset']}** ({result['cases']} cases, {result['model']})", "",
             "| metric | briefbot | no-model baseline |", "|---|---|---|"]
    for key, label in METRICS:
        ours, base = result["briefbot"].get(key), result["baseline"].get(key)
        fmt = (lambda v: "n/a" if v is None else f"{v:.2f}" if key.startswith("latency") else f"{v:.3f}")
        lines.append(f"| {label} | {fmt(ours)} | {fmt(base)} |")
    o = result["origins"]
    lines.append(f"| answer sentences in the model's own words | {o['model']:.3f} (of {o['sentences']}) | 0 |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=["seed", "squad", "multihop"])
    parser.add_argument("--limit", type=int, default=120, help="questions per benchmark sample (seed: all)")
    parser.add_argument("--model", help="GGUF file to answer with (default: the bundled SmolLM2-135M)")
    parser.add_argument("--out", default=str(HERE / "results"), help="directory for the JSON reports")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
        for dataset in args.datasets:
            result = run(dataset, args.limit, args.model, Path(tmp))
            suffix = f"-{Path(args.model).stem}" if args.model else ""
            (out / f"{dataset}{suffix}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
            print(table(result) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
