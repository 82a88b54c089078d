"""The pipeline's support check: does a claim say only what its cited sentences say?

`support(claim, sources)` is the share of the claim's content words (stemmed, stop words removed) that
occur in the cited sentences, capped when the claim adds something the sources cannot back:
a number they do not contain, a name they do not mention, or a negation they do not have.
It is lexical on purpose: it runs on any CPU in microseconds and a tiny model cannot talk its way past
it. Evaluation uses a separate, stricter judge (`briefbot.judge`).
"""

from __future__ import annotations

import re
from typing import Sequence

from briefbot.lexical import content_terms, has_negation, numbers, stem, words

CAP_ON_VIOLATION = 0.5  # below any sensible threshold: a violation always fails the check


def proper_names(text: str) -> set[str]:
    """Stemmed capitalised words that are not the first word of the text (a cheap proxy for names)."""
    tokens = words(text)
    names = set()
    for position, token in enumerate(tokens):
        if position > 0 and token[:1].isupper() and not token.isupper() or (len(token) > 1 and token.isupper()):
            names.add(stem(token))
    return names


def violations(claim: str, sources: Sequence[str]) -> list[str]:
    """What the claim asserts that the sources cannot back (empty when nothing)."""
    joined = " ".join(sources)
    source_terms = {stem(w) for w in words(joined)}
    problems = []
    missing_numbers = numbers(claim) - numbers(joined)
    if missing_numbers:
        problems.append(f"numbers not in the source: {sorted(missing_numbers)}")
    missing_names = {n for n in proper_names(claim) if n not in source_terms}
    if missing_names:
        problems.append(f"names not in the source: {sorted(missing_names)}")
    if has_negation(claim) and not has_negation(joined):
        problems.append("negation not in the source")
    return problems


def support(claim: str, sources: Sequence[str]) -> float:
    """Support score in [0, 1] of `claim` against `sources` (see the module docstring)."""
    claim_terms = set(content_terms(claim))
    if not claim_terms or not sources:
        return 0.0
    source_terms = set(content_terms(" ".join(sources)))
    score = len(claim_terms & source_terms) / len(claim_terms)
    if violations(claim, sources):
        score = min(score, CAP_ON_VIOLATION)
    return round(score, 4)


def adds_information(claim: str, question: str) -> bool:
    """False when the claim only echoes the question's own words (e.g. "Zakharova demanded.")."""
    question_terms = set(content_terms(question))
    return bool(set(content_terms(claim)) - question_terms)


_MARKER_ONLY = re.compile(r"^\W*$")


def is_empty(text: str) -> bool:
    return bool(_MARKER_ONLY.match(text))
