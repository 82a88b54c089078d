"""`Briefbot.retrieve()` latency, first pass, old code against new, side by side (issue 10's check).

    .venv/bin/python benchmarks/retrieve_latency.py [--index DIR] [--old SRC] [--new SRC] [--rounds 3]

Measured the way `benchmarks/scale.py` does (reopen the index, 5 warm-up questions, then one pass over
distinct questions whose vectors are precomputed, so question embedding is left out): each real question
is new, so the first pass is what counts. Each round runs the old and the new code in fresh processes,
one after the other, on the same index (a synthetic ~100k-sentence corpus with `HashingEmbedder`, built
into a temporary folder unless `--index` names one); the figures are the medians over rounds. The old
code is `git archive HEAD src prompts` unless `--old` names another `src` folder; the new code is this
checkout's `src` unless `--new` names another. Both runs also record every question's evidence (rows,
order, scores, chunks, coverage), and the script says whether they are identical: a pure speed-up must not
change what is retrieved (a change to ranking, e.g. the vector store's settings, will). The machine is
shared: the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import NoEntities, PrecomputedEmbedder, questions, write_corpus  # noqa: E402

SENTENCES = 100_000
SENTENCES_PER_ARTICLE = 30


def build(work: Path) -> Path:
    """A ~100k-sentence synthetic index in `work` (HashingEmbedder, no entity annotation)."""
    from briefbot.config import Settings
    from briefbot.fakes import HashingEmbedder
    from briefbot.index.corpus_index import build_index, save_index
    from briefbot.ingest.corpus import load_corpus

    write_corpus(work / "corpus", SENTENCES // SENTENCES_PER_ARTICLE)
    built = build_index(load_corpus(work / "corpus"), HashingEmbedder(384), chunk_size=Settings().chunk_sentences,
                        annotator=NoEntities())
    save_index(built, work / "index")
    return work / "index"


def worker(index_dir: Path, count: int) -> dict:
    """In this process (whatever `briefbot` is on the path): first-pass timings and the evidence."""
    from briefbot.bot import Briefbot
    from briefbot.config import Settings
    from briefbot.fakes import HashingEmbedder, ScriptedLLM
    from briefbot.index.corpus_index import load_index

    asked = list(dict.fromkeys(questions(count)))
    bot = Briefbot(load_index(index_dir), PrecomputedEmbedder(HashingEmbedder(384), asked), ScriptedLLM("x"),
                   Settings())
    for question in asked[:5]:
        bot.retrieve(question)  # warm-up, as scale.py does
    times, evidence = [], []
    for question in asked:
        start = time.perf_counter()
        found = bot.retrieve(question)
        times.append(time.perf_counter() - start)
        evidence.append([[e.sentence.id, e.score, e.lexical, e.dense] for e in found.sentences]
                        + [found.chunk_ids, found.name_coverage, found.multi_article])
    return {"p50": 1000 * float(np.percentile(times, 50)), "p95": 1000 * float(np.percentile(times, 95)),
            "evidence": evidence}


def run(src: Path, index_dir: Path, count: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, __file__, "--worker", "--index", str(index_dir), "--questions", str(count)],
                          env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the run on {src} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="an existing ~100k-sentence index folder (else one is built)")
    parser.add_argument("--old", type=Path, help="the old code's src folder (default: git archive HEAD src)")
    parser.add_argument("--new", type=Path, default=ROOT / "src", help="the new code's src folder (default: here)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.index, args.questions)))
        return 0
    with tempfile.TemporaryDirectory(prefix="retrieve-latency-") as tmp:
        old = args.old
        if old is None:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD", "src", "prompts"],
                                     capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            old = Path(tmp) / "src"
        index_dir = args.index or build(Path(tmp))
        results: dict[str, list[dict]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            for name, src in (("old", old), ("new", args.new)):
                results[name].append(run(src, index_dir, args.questions))
    load = os.getloadavg()
    print(f"Briefbot.retrieve() first pass, {args.questions} questions, {args.rounds} rounds "
          f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    print(f"{'code':<5} {'p50 ms':>8} {'p95 ms':>8}   per round p50")
    for name, rounds in results.items():
        p50 = statistics.median(r["p50"] for r in rounds)
        p95 = statistics.median(r["p95"] for r in rounds)
        print(f"{name:<5} {p50:8.1f} {p95:8.1f}   " + " ".join(f"{r['p50']:.1f}" for r in rounds))
    same = all(r["evidence"] == results["old"][0]["evidence"] for r in results["old"] + results["new"])
    print(f"same evidence (ids, order, scores, chunks, coverage) for every question: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
