"""Running cases against a bot: one code path for `briefbot eval` and the pytest plugin.

`score_case` turns (case, answer) into a `CaseResult` (pure: unit tests call it with hand-made answers);
`run_case` asks the bot and scores; `summarize` aggregates results and checks the thresholds into an
`EvalReport`; `run_cases` does all of it for a case file.
"""

from __future__ import annotations

from typing import Callable, Mapping, Protocol, Sequence

from pydantic import BaseModel, Field, computed_field

from briefbot.errors import BriefbotError
from briefbot.evaluation.cases import CaseFile, Thresholds
from briefbot.evaluation.metrics import (CaseResult, Metrics, SentenceVerdict, aggregate, answer_text,
                                         citation_precision, citation_recall, cited_ids, contract_violations,
                                         key_fact_found, retrieval_recall, short_answer_holds)
from briefbot.evaluation.resolve import ResolvedCase, resolve_cases
from briefbot.judge import Judge, judge as default_judge
from briefbot.types import Answer


class AnsweringBot(Protocol):
    """What evaluation needs of a bot: `ask`, and `index.sentences` (each with `.id` and `.text`)."""

    index: object

    def ask(self, question: str) -> Answer: ...


def score_case(case: ResolvedCase, answer: Answer, *, judge: Judge = default_judge,
               index: Mapping[str, str] | None = None) -> CaseResult:
    """Score one answer against its case (see `metrics` for the definitions)."""
    spec = case.case
    verdicts = [judge(s.text, [c.text for c in s.citations]) for s in answer.sentences]
    cited = cited_ids(answer)
    gold = [sorted(item) for item in case.gold]
    text = answer_text(answer)
    missing = [str(f) for f in spec.key_facts if not key_fact_found(f, text)]
    correct = None if not spec.answerable or not spec.key_facts else not missing
    short = answer.short
    short_correct = None if not correct else bool(short) and any(short_answer_holds(f, short) for f in spec.key_facts)
    result = CaseResult(
        id=str(spec.id), question=spec.question, answerable=spec.answerable, tags=spec.tags, answer=answer,
        gold=gold, acceptable=sorted(case.acceptable),
        verdicts=[SentenceVerdict(supported=v.supported, score=v.score, reasons=list(v.reasons)) for v in verdicts],
        citation_recall=citation_recall(case.gold, cited) if spec.answerable else None,
        citation_precision=citation_precision(case.gold, case.acceptable, cited) if spec.answerable else None,
        retrieval_recall=retrieval_recall(case.gold, answer.retrieved_ids) if spec.answerable else None,
        correct=correct, short_correct=short_correct, missing_facts=missing if correct is not None else [],
        violations=contract_violations(answer, verdicts, answerable=spec.answerable, index=index),
        known_failure=spec.known_failure,
    )
    result.notes.extend(_notes(result, case))
    return result


def _notes(result: CaseResult, case: ResolvedCase) -> list[str]:
    notes = []
    answer = result.answer
    assert answer is not None
    if result.answerable and answer.abstained:
        notes.append(f"false abstention ({answer.abstain_reason})")
    if result.missing_facts:
        notes.append(f"key facts missing from the answer: {result.missing_facts}")
    cited = set(cited_ids(answer))
    uncited = [sorted(item)[0] for item in case.gold if not set(item) & cited]
    if uncited and not answer.abstained:
        notes.append(f"gold evidence not cited: {uncited}")
    stray = sorted(cited - case.gold_ids - case.acceptable)
    if stray and case.gold:
        notes.append(f"cites sentences that are neither gold nor acceptable: {stray}")
    return notes


def index_texts(bot: AnsweringBot) -> dict[str, str]:
    sentences = getattr(getattr(bot, "index", None), "sentences", None) or []
    return {s.id: s.text for s in sentences}


def run_case(bot: AnsweringBot, case: ResolvedCase, *, judge: Judge = default_judge,
             index: Mapping[str, str] | None = None) -> CaseResult:
    """Ask the bot the case's question and score the answer; a `BriefbotError` fails the case."""
    try:
        answer = bot.ask(case.case.question)
    except BriefbotError as exc:
        return CaseResult(id=str(case.case.id), question=case.case.question, answerable=case.case.answerable,
                          tags=case.case.tags, error=f"{type(exc).__name__}: {exc}",
                          gold=[sorted(i) for i in case.gold], acceptable=sorted(case.acceptable),
                          known_failure=case.case.known_failure)
    return score_case(case, answer, judge=judge, index=index if index is not None else index_texts(bot))


def check_thresholds(metrics: Metrics, thresholds: Thresholds) -> list[str]:
    """One message per metric that breaks its threshold (a metric no case measures breaks it too)."""
    failures = []
    for name, limit, is_max in thresholds.items():
        value = getattr(metrics, name)
        if value is None:
            failures.append(f"{name}: no case measures it, but the case file sets a threshold of {limit}")
        elif (value > limit) if is_max else (value < limit):
            failures.append(f"{name} = {value:.3f} is {'over the maximum' if is_max else 'under the minimum'} "
                            f"{limit}")
    return failures


class EvalReport(BaseModel):
    """A run: every case's result, the aggregate metrics, and the threshold verdicts."""

    path: str = ""
    results: list[CaseResult]
    metrics: Metrics
    thresholds: Thresholds = Field(default_factory=Thresholds)
    threshold_failures: list[str] = Field(default_factory=list)
    complete: bool = Field(default=True, description="False when only some cases ran (thresholds not checked).")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return all(r.acceptable_outcome for r in self.results) and not self.threshold_failures


def summarize(results: Sequence[CaseResult], thresholds: Thresholds | None = None, *, complete: bool = True,
              path: str = "") -> EvalReport:
    """Aggregate `results`; check `thresholds` only when `complete` (all cases of the file ran)."""
    thresholds = thresholds or Thresholds()
    metrics = aggregate(results)
    failures = check_thresholds(metrics, thresholds) if complete else []
    return EvalReport(path=path, results=list(results), metrics=metrics, thresholds=thresholds,
                      threshold_failures=failures, complete=complete)


def run_cases(bot: AnsweringBot, case_file: CaseFile, *, judge: Judge = default_judge,
              progress: Callable[[CaseResult], None] | None = None) -> EvalReport:
    """Run every case of `case_file` against `bot` (snippets resolved against `bot.index`)."""
    index = index_texts(bot)
    resolved = resolve_cases(case_file, getattr(bot.index, "sentences", []))
    results = []
    for case in resolved:
        results.append(run_case(bot, case, judge=judge, index=index))
        if progress is not None:
            progress(results[-1])
    return summarize(results, case_file.thresholds, path=case_file.path)
