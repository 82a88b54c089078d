"""Faithfulness evaluation: the case format, the metrics, and one run path shared by `briefbot eval` and
the pytest plugin (`briefbot.pytest_plugin`).

    from briefbot import Briefbot
    from briefbot.evaluation import load_cases, run_cases, format_table
    report = run_cases(Briefbot.from_corpus("seeds"), load_cases("tests/cases/seed.yaml"))
    print(format_table(report)); report.passed

Modules: `cases` (the file format and its validation), `resolve` (snippets and ids to sentence ids of
the index), `metrics` (per-case
and aggregate metrics, the grounding-contract check), `runner` (`run_case`, `run_cases`, `EvalReport`),
`report` (table, JSON, `run_eval_command`). Sentence support is judged by `briefbot.judge`, which is
separate from (and stricter than) the pipeline's own check.
"""

from briefbot.evaluation.cases import Case, CaseFile, Thresholds, load_cases, parse_cases
from briefbot.evaluation.metrics import (CaseResult, Metrics, aggregate, citation_precision, citation_recall,
                                         contract_violations, key_fact_found, percentile, retrieval_recall,
                                         short_answer_holds)
from briefbot.evaluation.resolve import ResolvedCase, SentenceLookup, resolve_case, resolve_cases
from briefbot.evaluation.report import (format_case_line, format_result, format_table, report_dict,
                                        run_eval_command, write_json)
from briefbot.evaluation.runner import (EvalReport, check_thresholds, run_case, run_cases, score_case,
                                        summarize)

__all__ = [
    "Case", "CaseFile", "CaseResult", "EvalReport", "Metrics", "ResolvedCase", "SentenceLookup", "Thresholds",
    "aggregate", "check_thresholds", "citation_precision", "citation_recall", "contract_violations",
    "format_case_line", "format_result", "format_table", "key_fact_found", "load_cases", "parse_cases",
    "percentile", "report_dict", "resolve_case", "resolve_cases", "retrieval_recall", "run_case", "run_cases",
    "run_eval_command", "score_case", "short_answer_holds", "summarize", "write_json",
]
