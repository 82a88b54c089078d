"""Faithfulness metrics on sentence ids (HotpotQA supporting-fact style, ALCE citation recall/precision).

Per case (`CaseResult`), then aggregated over a run (`aggregate` -> `Metrics`). "Gold" is one set of
sentence ids per evidence item of the case (any one of a set satisfies the item); "acceptable" ids may
be cited without counting against precision. A metric with no case to measure it is None (shown "n/a").
Every metric is defined in the docstring of the function that computes it.
"""

from __future__ import annotations

import math
import re
from typing import Collection, Mapping, Sequence

from pydantic import BaseModel, Field, computed_field

from briefbot.evaluation.cases import Ref, is_regex
from briefbot.evaluation.resolve import normalise
from briefbot.judge import Verdict
from briefbot.types import Answer

Gold = Sequence[Collection[str]]


def cited_ids(answer: Answer) -> list[str]:
    """Distinct sentence ids cited anywhere in the answer, in order of first citation."""
    return [c.id for c in answer.citations]


def citation_recall(gold: Gold, cited: Collection[str]) -> float | None:
    """Share of gold evidence items of which at least one sentence is cited. None without gold."""
    if not gold:
        return None
    return sum(bool(set(item) & set(cited)) for item in gold) / len(gold)


def citation_precision(gold: Gold, acceptable: Collection[str], cited: Collection[str]) -> float | None:
    """Share of the distinct cited sentences that are gold or acceptable. None when nothing is cited or the
    case has no gold (there is nothing to compare with)."""
    cited = set(cited)
    if not cited or not gold:
        return None
    allowed = set().union(*map(set, gold)) | set(acceptable)
    return len(cited & allowed) / len(cited)


def retrieval_recall(gold: Gold, retrieved: Collection[str]) -> float | None:
    """Retrieval recall@k: share of gold evidence items with a sentence among the k evidence sentences
    retrieval found (`answer.retrieved_ids`, i.e. `bot.retrieve(question)`; k is the setting
    `evidence_sentences`), whether or not the gate then abstained. None without gold. (Until session 16 this
    read `answer.evidence_ids`, which is empty for an abstention: a false abstention counted as a retrieval
    miss, so the reports' retrieval recall was at most one minus the false-abstention rate.)"""
    return citation_recall(gold, retrieved)


def answer_text(answer: Answer) -> str:
    """The answer's sentences without citation markers ("" for an abstention)."""
    return "" if answer.abstained else " ".join(s.text for s in answer.sentences)


def key_fact_found(fact: Ref, text: str) -> bool:
    """Whether one key fact is in `text`: a string, case-insensitively (whitespace and curly quotes
    normalised); `/regex/`, searched case-insensitively; a list, when any of its alternatives is found."""
    if isinstance(fact, list):
        return any(key_fact_found(item, text) for item in fact)
    if is_regex(fact):
        return re.search(fact[1:-1], text, re.IGNORECASE) is not None
    return normalise(fact) in normalise(text)


# what may stand before the short answer's own words ("about 230 million" for the key fact "230 million dalers")
_HEDGE_WORDS = re.compile(r"^(?:(?:about|around|some|nearly|almost|roughly|approximately|more than|less than|"
                          r"over|under|up to|just|only|the|a|an)\s+)+", re.IGNORECASE)


def short_answer_holds(fact: Ref, short: str) -> bool:
    """Whether a short answer gives one key fact: the fact is in the span ("Ilse Dormand" in "chief
    executive Ilse Dormand"), or the span, hedging words aside, is whole words of the fact ("230 million"
    of "230 million dalers"; "58" is not a word of "1958"). A list: any of its alternatives."""
    if isinstance(fact, list):
        return any(short_answer_holds(item, short) for item in fact)
    if key_fact_found(fact, short):
        return True
    core = _HEDGE_WORDS.sub("", normalise(short)).strip()
    if not core or is_regex(fact):
        return False
    return re.search(rf"(?<!\w){re.escape(core)}(?!\w)", normalise(fact), re.IGNORECASE) is not None


def contract_violations(answer: Answer, verdicts: Sequence[Verdict], *, answerable: bool,
                        index: Mapping[str, str] | None = None) -> list[str]:
    """How `answer` breaks the grounding contract (DESIGN.md section 1); empty when it keeps it.

    A sentence without a citation; a citation that was not among the evidence shown to the model (or is
    not in the index, or whose text is not the indexed sentence verbatim); a sentence the pipeline marked
    unsupported or the evaluation judge (`verdicts`, one per sentence) finds unsupported; an answer to an
    unanswerable case; an abstention that cites something; no answer sentence and no abstention.
    """
    problems = []
    if answer.abstained:
        if answer.sentences:
            problems.append(f"abstained but cites {len(answer.citations)} sentence(s): an abstention cites nothing")
        return problems
    if not answerable:
        problems.append("answered an unanswerable question: it should have abstained")
    if not answer.sentences:
        problems.append("no answer sentence and no abstention")
    evidence = set(answer.evidence_ids)
    for n, (sentence, verdict) in enumerate(zip(answer.sentences, verdicts), start=1):
        where = f"sentence {n} ({_short(sentence.text)})"
        if not sentence.citations:
            problems.append(f"{where} cites nothing")
        for citation in sentence.citations:
            if citation.id not in evidence:
                problems.append(f"{where} cites {citation.id}, which was not among the evidence shown")
            if index is not None and citation.id not in index:
                problems.append(f"{where} cites {citation.id}, which is not in the index")
            elif index is not None and index[citation.id] != citation.text:
                problems.append(f"{where}: the text of citation {citation.id} is not the indexed sentence")
        if not sentence.supported:
            problems.append(f"{where} is marked unsupported by the pipeline (support {sentence.support:.2f})")
        if sentence.citations and not verdict.supported:
            problems.append(f"{where} is not supported by its citations: {'; '.join(verdict.reasons)}")
    return problems


def _short(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 3] + "...")


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation between closest ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


class SentenceVerdict(BaseModel):
    supported: bool
    score: float
    reasons: list[str] = Field(default_factory=list)


class CaseResult(BaseModel):
    """One case, run and scored. `passed` is False when the answer breaks the contract or the run failed."""

    id: str
    question: str
    answerable: bool
    tags: list[str] = Field(default_factory=list)
    answer: Answer | None = None
    error: str | None = None
    gold: list[list[str]] = Field(default_factory=list)
    acceptable: list[str] = Field(default_factory=list)
    verdicts: list[SentenceVerdict] = Field(default_factory=list)
    citation_recall: float | None = None
    citation_precision: float | None = None
    retrieval_recall: float | None = None
    correct: bool | None = Field(default=None, description="All key facts present; None without key facts.")
    short_correct: bool | None = Field(default=None, description="The short answer gives a key fact; None unless "
                                       "the answer is correct (`short_answer_holds`).")
    missing_facts: list[str] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Quality remarks that do not fail the case.")
    known_failure: str | None = Field(default=None, description="The case file's reason for a known miss.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return self.error is None and not self.violations

    @property
    def acceptable_outcome(self) -> bool:
        """Passed, or failed as the case file says it is known to."""
        return self.passed or (self.known_failure is not None and self.error is None)


class Metrics(BaseModel):
    """Aggregate metrics of a run (see `aggregate`)."""

    cases: int = 0
    passed: int = 0
    answerable: int = 0
    unanswerable: int = 0
    errors: int = 0
    pass_rate: float | None = None
    citation_recall: float | None = None
    citation_precision: float | None = None
    supported_rate: float | None = None
    answer_accuracy: float | None = None
    short_answer_accuracy: float | None = None
    abstention_rate: float | None = None
    false_abstention_rate: float | None = None
    retrieval_recall: float | None = None
    latency_median: float | None = None
    latency_p90: float | None = None


def aggregate(results: Sequence[CaseResult]) -> Metrics:
    """Aggregate per-case results. Cases that raised an error fail and are left out of the means.

    - pass_rate: share of cases that keep the contract.
    - citation_recall: mean per-case citation recall over answerable cases with gold evidence; a false
      abstention counts as 0.
    - citation_precision: mean per-case citation precision over answerable cases with gold that cite
      something.
    - supported_rate: answer sentences (all cases, abstentions have none) that the evaluation judge finds
      supported by their own citations, over all answer sentences.
    - answer_accuracy: share of answerable cases with key facts whose answer states all of them (an
      abstention states none).
    - short_answer_accuracy: of those answers that state all key facts, the share whose short answer (the
      span shown first) gives one of them; a missing short answer counts as wrong.
    - abstention_rate: share of unanswerable cases where the bot abstained.
    - false_abstention_rate: share of answerable cases where the bot abstained.
    - retrieval_recall: mean per-case retrieval recall@k over answerable cases with gold.
    - latency_median / latency_p90: of `answer.timings.total` (seconds) over all answered cases.
    """
    ran = [r for r in results if r.answer is not None]
    answerable = [r for r in ran if r.answerable]
    unanswerable = [r for r in ran if not r.answerable]
    with_gold = [r for r in answerable if r.gold]
    verdicts = [v for r in ran for v in r.verdicts]
    return Metrics(
        cases=len(results), passed=sum(r.passed for r in results), answerable=len(answerable),
        unanswerable=len(unanswerable), errors=len(results) - len(ran),
        pass_rate=_mean([float(r.passed) for r in results]),
        citation_recall=_mean([r.citation_recall or 0.0 for r in with_gold]),
        citation_precision=_mean([r.citation_precision for r in with_gold if r.citation_precision is not None]),
        supported_rate=_mean([float(v.supported) for v in verdicts]),
        answer_accuracy=_mean([float(r.correct) for r in answerable if r.correct is not None]),
        short_answer_accuracy=_mean([float(r.short_correct) for r in answerable if r.short_correct is not None]),
        abstention_rate=_mean([float(r.answer.abstained) for r in unanswerable]),  # type: ignore[union-attr]
        false_abstention_rate=_mean([float(r.answer.abstained) for r in answerable]),  # type: ignore[union-attr]
        retrieval_recall=_mean([r.retrieval_recall or 0.0 for r in with_gold]),
        latency_median=percentile([r.answer.timings.total for r in ran], 50),  # type: ignore[union-attr]
        latency_p90=percentile([r.answer.timings.total for r in ran], 90),  # type: ignore[union-attr]
    )
