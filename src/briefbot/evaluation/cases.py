"""The case file: questions with gold evidence, key facts and aggregate thresholds (YAML or JSONL).

YAML:

    thresholds:                 # optional; see `Thresholds`
      citation_recall: 0.85
    cases:
      - id: zakharova-demand    # optional; default: a slug of the question
        question: What did Zakharova demand?
        answerable: true        # default true
        evidence: ["Moscow wants NATO to completely disavow"]   # gold sentences (see below)
        acceptable: []          # other sentences it is fine to cite
        key_facts: ["disavow", "/Bucharest|2008/", ["NATO", "alliance"]]
        tags: [paraphrase]

JSONL: one case per line with the same fields; the first line may instead be {"thresholds": {...}}.
Blank lines are skipped.

A sentence reference (in `evidence` and `acceptable`) is a sentence id ("<article_id>:s<n>") or a snippet:
a case-insensitive substring of the sentence (whitespace and curly quotes normalised), so that cases
survive a change of segmentation. A list of references is one gold item satisfied by any of them. A
snippet matching several sentences makes all of them gold (duplicated captions); one that matches none is
a `CaseFileError`. A key fact is a string found case-insensitively in the answer text, `/regex/`
(case-insensitive), or a list of alternatives of which one must be found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import ClassVar, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from briefbot.errors import CaseFileError

Ref = Union[str, list[str]]


class Thresholds(BaseModel):
    """Aggregate gates: the run fails when a metric is under its minimum (or over a maximum)."""

    model_config = ConfigDict(extra="forbid")

    citation_recall: float | None = Field(default=None, ge=0, le=1)
    citation_precision: float | None = Field(default=None, ge=0, le=1)
    supported_rate: float | None = Field(default=None, ge=0, le=1)
    answer_accuracy: float | None = Field(default=None, ge=0, le=1)
    short_answer_accuracy: float | None = Field(default=None, ge=0, le=1)
    abstention_rate: float | None = Field(default=None, ge=0, le=1)
    retrieval_recall: float | None = Field(default=None, ge=0, le=1)
    pass_rate: float | None = Field(default=None, ge=0, le=1, description="Share of cases that pass.")
    false_abstention_rate: float | None = Field(default=None, ge=0, le=1, description="A maximum.")
    latency_median: float | None = Field(default=None, ge=0, description="Seconds; a maximum.")
    latency_p90: float | None = Field(default=None, ge=0, description="Seconds; a maximum.")

    MAXIMUMS: ClassVar[frozenset[str]] = frozenset({"false_abstention_rate", "latency_median", "latency_p90"})

    def items(self) -> list[tuple[str, float, bool]]:
        """(metric, limit, is_maximum) for every threshold that is set."""
        return [(name, value, name in self.MAXIMUMS) for name, value in self.model_dump().items()
                if value is not None]


class Case(BaseModel):
    """One question of a case file."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    question: str = Field(min_length=1)
    answerable: bool = True
    evidence: list[Ref] = Field(default_factory=list)
    acceptable: list[Ref] = Field(default_factory=list)
    key_facts: list[Ref] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    known_failure: str | None = Field(
        default=None,
        description="Why this case is a known miss. It still runs and counts in every metric (and so in the "
        "thresholds), but a contract break is reported as an expected failure instead of failing the run.",
    )

    @field_validator("question")
    @classmethod
    def _question(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the question is empty")
        return value.strip()

    @field_validator("evidence", "acceptable", "key_facts")
    @classmethod
    def _non_empty(cls, refs: list[Ref]) -> list[Ref]:
        for n, ref in enumerate(refs):
            items = ref if isinstance(ref, list) else [ref]
            if not items or any(not item.strip() for item in items):
                raise ValueError(f"item {n} is empty")
        return refs

    @field_validator("key_facts")
    @classmethod
    def _regexes(cls, facts: list[Ref]) -> list[Ref]:
        for n, fact in enumerate(facts):
            for item in fact if isinstance(fact, list) else [fact]:
                if is_regex(item):
                    try:
                        re.compile(item[1:-1])
                    except re.error as exc:
                        raise ValueError(f"item {n}: invalid regular expression {item!r}: {exc}") from None
        return facts

    @model_validator(mode="after")
    def _unanswerable(self) -> "Case":
        if not self.answerable and (self.evidence or self.key_facts):
            raise ValueError("an unanswerable case (answerable: false) takes no evidence or key_facts")
        if self.id is None:
            self.id = slug(self.question)
        return self

    def label(self) -> str:
        return f"{self.id!r} ({self.question!r})"


class CaseFile(BaseModel):
    """A validated case file."""

    path: str = ""
    thresholds: Thresholds = Field(default_factory=Thresholds)
    cases: list[Case]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "case"


def is_regex(text: str) -> bool:
    return len(text) >= 2 and text.startswith("/") and text.endswith("/")


def _field(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in ("str", "list[str]") and not str(part).startswith("function-"):
            out += ("." if out else "") + str(part)
    return out or "(the case itself)"


def _case(raw: object, number: int, where: str) -> Case:
    if not isinstance(raw, dict):
        raise CaseFileError(f"{where}: case {number} must be a mapping with at least a `question`, "
                            f"not {type(raw).__name__}.")
    name = raw.get("id") or raw.get("question") or "?"
    try:
        return Case.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"field {_field(e['loc'])!r}: {e['msg']}" for e in exc.errors())
        raise CaseFileError(f"{where}: case {number} ({name!r}): {problems}") from None


def parse_cases(data: object, where: str = "<cases>", thresholds: object = None) -> CaseFile:
    """Validate already-parsed data: {"thresholds": ..., "cases": [...]} or a bare list of cases."""
    if isinstance(data, dict):
        unknown = set(data) - {"thresholds", "cases"}
        if unknown:
            raise CaseFileError(f"{where}: unknown top-level key(s) {sorted(unknown)}; expected "
                                "`thresholds` and `cases`.")
        thresholds, data = data.get("thresholds", thresholds), data.get("cases")
    if not isinstance(data, list) or not data:
        raise CaseFileError(f"{where}: no cases. Write a `cases:` list of {{question: ..., evidence: [...]}}.")
    try:
        parsed = Thresholds.model_validate(thresholds or {})
    except ValidationError as exc:
        problems = "; ".join(f"field {_field(e['loc'])!r}: {e['msg']}" for e in exc.errors())
        raise CaseFileError(f"{where}: thresholds: {problems}") from None
    cases = [_case(raw, n, where) for n, raw in enumerate(data, start=1)]
    seen: dict[str, int] = {}
    for n, case in enumerate(cases, start=1):
        if case.id in seen:
            raise CaseFileError(f"{where}: case {n} ({case.question!r}): field 'id': {case.id!r} is already "
                                f"the id of case {seen[case.id]}; give one of them another `id`.")
        seen[str(case.id)] = n
    return CaseFile(path=where, thresholds=parsed, cases=cases)


def load_cases(path: str | Path) -> CaseFile:
    """Read and validate a `.yaml`/`.yml` or `.jsonl` case file."""
    path = Path(path)
    if not path.is_file():
        raise CaseFileError(f"Case file {path} does not exist.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8.") from None
    if path.suffix.lower() == ".jsonl":
        rows, thresholds = [], None
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CaseFileError(f"{path}: line {line_no} is not JSON: {exc}") from None
            if isinstance(row, dict) and set(row) == {"thresholds"} and not rows and thresholds is None:
                thresholds = row["thresholds"]
            else:
                rows.append(row)
        return parse_cases(rows, str(path), thresholds)
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CaseFileError(f"{path}: not valid YAML: {exc}") from None
    return parse_cases(data, str(path))
