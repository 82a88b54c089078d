"""Fit the answer model (src/briefbot/answer/answer_model.json) on the DEV splits of the held-out sets.

    python benchmarks/fit_answer_model.py [--sets squad-corpus multihop-removed events ...] [--limit 0]

For every dev question: retrieve evidence as briefbot does (no model is drafted), compute each evidence
sentence's signals (`briefbot.answer.signals`) and label it 1 when it is gold evidence of an answerable
question. A logistic regression (L2, Newton steps) is fitted on those sentences; the decision threshold is
the one that maximises balanced accuracy (answered when answerable, declined when not) over the dev
questions, counting only sentences that the rules already let answer. Prints the dev figures; the blind
splits are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from heldout import EVENTS_DIRS  # noqa: E402
from run import prepare  # noqa: E402

from briefbot import Briefbot, Settings  # noqa: E402
from briefbot.answer.question import analyse  # noqa: E402
from briefbot.answer.signals import FEATURES, MODEL_FILE, signals  # noqa: E402
from briefbot.answer.chat import split_standalone  # noqa: E402
from briefbot.evaluation import load_cases  # noqa: E402
from briefbot.evaluation.resolve import resolve_cases  # noqa: E402
from briefbot.fakes import ScriptedLLM  # noqa: E402
from briefbot.answer.answering import answering  # noqa: E402


# every held-out set with a dev split (events2 has a blind split only)
DEV_SETS = ["squad-corpus", "multihop-removed"] + [name for name, folder in EVENTS_DIRS.items()
                                                   if (folder / "dev.yaml").exists()]


def collect(dataset: str, work: Path, limit: int) -> tuple[list[list[float]], list[int], list[tuple[bool, list[int]]]]:
    """Signal rows and labels of every evidence sentence, and per question (answerable, rows it may answer with)."""
    corpus, cases_path = prepare(dataset, limit or None, work, "dev")
    settings = Settings()
    bot = Briefbot.from_corpus(corpus, index=work / f"index-{dataset}", settings=settings, llm=ScriptedLLM(""))
    resolved = resolve_cases(load_cases(cases_path), bot.index.sentences)
    rows: list[list[float]] = []
    labels: list[int] = []
    questions: list[tuple[bool, list[int]]] = []
    for item in resolved:
        case = item.case
        own, _ = split_standalone(case.question)
        question = analyse(own)
        evidence = bot.retriever.retrieve(question, top_chunks=settings.top_chunks, k=settings.evidence_sentences)
        if evidence.multi_article or question.parts is not None:
            continue  # the model gates single questions only (see gate.gate)
        gold = item.gold_ids if case.answerable else frozenset()
        allowed = {e.sentence.id for e in answering(evidence, question)}
        mine = []
        for e in evidence.sentences:
            if e.sentence.id in allowed:
                mine.append(len(rows))
            rows.append(signals(question, evidence, e))
            labels.append(1 if e.sentence.id in gold else 0)
        questions.append((case.answerable, mine))
    print(f"[{dataset}] {len(questions)} questions, {len(rows)} sentences, {sum(labels)} gold", file=sys.stderr)
    return rows, labels, questions


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def rates(probabilities: np.ndarray, questions: list[tuple[bool, list[int]]], threshold: float) -> dict:
    answered = [(answerable, any(probabilities[r] >= threshold for r in mine)) for answerable, mine in questions]
    pos = [a for ok, a in answered if ok]
    neg = [a for ok, a in answered if not ok]
    return {"threshold": round(float(threshold), 2), "answered_when_answerable": round(sum(pos) / max(1, len(pos)), 3),
            "declined_when_not": round(1 - sum(neg) / max(1, len(neg)), 3), "answerable": len(pos),
            "unanswerable": len(neg)}


def choose_threshold(probabilities: np.ndarray, questions: list[tuple[bool, list[int]]],
                     max_extra_false_declines: float) -> tuple[float, dict, list[dict]]:
    """The threshold that declines the most unanswerable questions while answering at most
    `max_extra_false_declines` fewer answerable ones than the rules alone (threshold 0)."""
    curve = [rates(probabilities, questions, t) for t in np.arange(0.0, 0.95, 0.01)]
    floor = curve[0]["answered_when_answerable"] - max_extra_false_declines
    allowed = [c for c in curve if c["answered_when_answerable"] >= floor]
    best = max(allowed, key=lambda c: (c["declined_when_not"], -c["threshold"]))
    return best["threshold"], best, curve[::5]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=DEV_SETS)
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: the whole dev split)")
    parser.add_argument("--out", default=str(MODEL_FILE))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--max-extra-false-declines", type=float, default=0.05,
                        help="answerable questions the model may newly decline, as a share (default 0.05)")
    parser.add_argument("--cache", help="an .npz file: reuse its signals if it exists, else write them there")
    args = parser.parse_args(argv)
    rows, labels, questions = [], [], []
    if args.cache and Path(args.cache).is_file():
        saved = np.load(args.cache, allow_pickle=True)
        rows, labels, questions = saved["rows"].tolist(), saved["labels"].tolist(), saved["questions"].tolist()
    else:
        with tempfile.TemporaryDirectory(prefix="briefbot-fit-") as tmp:
            for dataset in args.sets:
                r, y, q = collect(dataset, Path(tmp), args.limit)
                offset = len(rows)
                rows += r
                labels += y
                questions += [(ok, [i + offset for i in mine]) for ok, mine in q]
        if args.cache:
            np.savez(args.cache, rows=np.array(rows), labels=np.array(labels),
                     questions=np.array(questions, dtype=object))
    x, y = np.array(rows), np.array(labels, dtype=float)
    w = fit(x, y, l2=args.l2)
    probabilities = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
    threshold, dev, curve = choose_threshold(probabilities, questions, args.max_extra_false_declines)
    model = {"features": list(FEATURES), "weights": [round(float(v), 5) for v in w], "threshold": threshold,
             "fitted_on": {"sets": args.sets, "split": "dev", "sentences": len(labels), "gold": int(y.sum()),
                           "questions": len(questions)},
             "dev": dev, "dev_rules_only": curve[0], "dev_curve": curve}
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
