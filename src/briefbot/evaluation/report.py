"""Showing an evaluation: the metrics table, per-case lines, a readable failure, the JSON report, and
`briefbot eval` (`run_eval_command`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from briefbot.evaluation.cases import load_cases
from briefbot.evaluation.metrics import CaseResult
from briefbot.evaluation.runner import EvalReport, run_cases

METRIC_LABELS = {
    "pass_rate": "cases passing the contract",
    "citation_recall": "citation recall",
    "citation_precision": "citation precision",
    "supported_rate": "supported sentences (judge)",
    "answer_accuracy": "answer accuracy (key facts)",
    "short_answer_accuracy": "short answer gives a key fact",
    "abstention_rate": "abstention (unanswerable)",
    "false_abstention_rate": "false abstention (answerable)",
    "retrieval_recall": "retrieval recall@k",
    "latency_median": "latency median (s)",
    "latency_p90": "latency p90 (s)",
}


def format_table(report: EvalReport) -> str:
    """The metrics, with each threshold and whether it holds."""
    m = report.metrics
    limits = {name: (limit, is_max) for name, limit, is_max in report.thresholds.items()}
    lines = [f"briefbot evaluation: {m.cases} cases ({m.answerable} answerable, {m.unanswerable} "
             f"unanswerable, {m.errors} errors), {m.passed} passed"
             + (f", {known} known failures" if (known := sum(not r.passed and r.acceptable_outcome
                                                               for r in report.results)) else ""),
             f"{'metric':32} {'value':>7}  {'threshold':>10}"]
    for name, label in METRIC_LABELS.items():
        value = getattr(m, name)
        shown = "n/a" if value is None else f"{value:.3f}" if "latency" not in name else f"{value:.2f}"
        limit = ""
        verdict = ""
        if name in limits:
            bound, is_max = limits[name]
            limit = f"{'<=' if is_max else '>='} {bound:g}"
            broken = value is None or (value > bound if is_max else value < bound)
            verdict = "" if not report.complete else "FAIL" if broken else "ok"
        lines.append(f"{label:32} {shown:>7}  {limit:>10}  {verdict}".rstrip())
    if not report.complete:
        lines.append("thresholds not checked: only some of the cases ran")
    for failure in report.threshold_failures:
        lines.append(f"THRESHOLD FAILED: {failure}")
    return "\n".join(lines)


def format_case_line(result: CaseResult) -> str:
    status = ("XPASS" if result.known_failure else "PASS") if result.passed else (
        "XFAIL" if result.acceptable_outcome else "FAIL")
    line = f"{status}  {result.id}: {result.question}"
    reasons = ([result.error] if result.error else []) + result.violations
    if reasons:
        line += "\n" + "\n".join(f"      - {r}" for r in reasons)
    return line


def format_result(result: CaseResult) -> str:
    """The question, the answer sentence by sentence with citations and verdicts, and what went wrong."""
    out = [f"question: {result.question}", f"answerable: {result.answerable}"]
    if result.error:
        out.append(f"error: {result.error}")
    answer = result.answer
    if answer is not None:
        if answer.abstained:
            out.append(f"answer: abstained ({answer.abstain_reason})")
        for n, sentence in enumerate(answer.sentences, start=1):
            verdict = result.verdicts[n - 1] if n - 1 < len(result.verdicts) else None
            judged = "" if verdict is None else ("judge: supported" if verdict.supported else
                                                 f"judge: UNSUPPORTED ({'; '.join(verdict.reasons)})")
            out.append(f"  [{n}] {sentence.text}")
            out.append(f"      pipeline support {sentence.support:.2f}"
                       f"{'' if sentence.supported else ' (UNSUPPORTED)'}, origin {sentence.origin}; {judged}")
            for citation in sentence.citations:
                out.append(f"      cites {citation.id}: {citation.text}")
        out.append(f"evidence shown: {', '.join(answer.evidence_ids) or '(none)'}")
    if result.gold:
        out.append(f"gold: {' | '.join(' or '.join(item) for item in result.gold)}")
    if result.violations:
        out.append("contract broken:")
        out.extend(f"  - {v}" for v in result.violations)
    if result.notes:
        out.append("notes:")
        out.extend(f"  - {n}" for n in result.notes)
    return "\n".join(out)


def report_dict(report: EvalReport) -> dict[str, Any]:
    """The JSON report: metrics, thresholds, and every case with its answer and citations."""
    cases = []
    for r in report.results:
        answer = r.answer
        cases.append({
            "id": r.id, "question": r.question, "answerable": r.answerable, "tags": r.tags,
            "passed": r.passed, "violations": r.violations, "notes": r.notes, "error": r.error,
            "answer": None if answer is None else answer.text,
            "abstained": None if answer is None else answer.abstained,
            "abstain_reason": None if answer is None else answer.abstain_reason,
            "sentences": [] if answer is None else [
                {"text": s.text, "supported": s.supported, "support": s.support, "origin": s.origin,
                 "judge": r.verdicts[k].model_dump() if k < len(r.verdicts) else None,
                 "citations": [{"id": c.id, "article_id": c.article_id, "title": c.title, "text": c.text}
                               for c in s.citations]}
                for k, s in enumerate(answer.sentences)],
            "evidence_ids": [] if answer is None else answer.evidence_ids,
            "retrieved_ids": [] if answer is None else answer.retrieved_ids,
            "gold": r.gold, "acceptable": r.acceptable,
            "metrics": {"citation_recall": r.citation_recall, "citation_precision": r.citation_precision,
                        "retrieval_recall": r.retrieval_recall, "correct": r.correct,
                        "missing_facts": r.missing_facts,
                        "latency": None if answer is None else answer.timings.total},
        })
    return {"path": report.path, "passed": report.passed, "complete": report.complete,
            "metrics": report.metrics.model_dump(), "thresholds": report.thresholds.model_dump(exclude_none=True),
            "threshold_failures": report.threshold_failures, "cases": cases}


def write_json(report: EvalReport, path: str | Path) -> None:
    Path(path).write_text(json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run_eval_command(args, bot) -> int:
    """`briefbot eval CASES [--json OUT]`: run the cases with a progress bar on stderr, print the per-case
    lines and the metrics table, write the JSON report; 0 when every case passes and thresholds hold."""
    case_file = load_cases(args.cases)
    bar = _progress_bar(len(case_file.cases))
    try:
        report = run_cases(bot, case_file, progress=lambda result: bar(result))
    finally:
        bar(None)
    for result in report.results:
        print(format_case_line(result))
    print()
    print(format_table(report))
    json_out = getattr(args, "json_out", None)
    if json_out:
        write_json(report, json_out)
        print(f"report written to {json_out}")
    return 0 if report.passed else 1


def _progress_bar(total: int):
    """A callable taking each CaseResult (None to close): tqdm when installed, else a counter."""
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency of sentence-transformers
        done = [0]

        def count(result):
            if result is None:
                sys.stderr.write("\n")
                return
            done[0] += 1
            sys.stderr.write(f"\rcase {done[0]}/{total}")
            sys.stderr.flush()

        return count
    bar = tqdm(total=total, unit="case", file=sys.stderr, desc="eval", leave=False)
    failed = [0]

    def update(result):
        if result is None:
            bar.close()
            return
        failed[0] += not result.acceptable_outcome
        bar.set_postfix(failed=failed[0], refresh=False)
        bar.update(1)

    return update
