"""The pipeline's support check: does a claim say only what its cited sentences say?

`support(claim, sources, question)` is the share of the claim's content words (stemmed, stop words
removed) that occur in the cited sentences, capped below any threshold when the claim adds something the
sources cannot back: a number or name they do not contain, a content word found in neither them nor the
question, or a negation that one side has and the other lacks.
It is lexical on purpose: it runs on any CPU in microseconds and a tiny model cannot talk its way past
it. Evaluation uses a separate, stricter judge (`briefbot.judge`).
"""

from __future__ import annotations

import re
from typing import Sequence

from briefbot.index.lexical import NEGATIONS, STOP_WORDS, content_terms, has_negation, numbers, stem, words

CAP_ON_VIOLATION = 0.5  # below any sensible threshold: a violation always fails the check
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


def proper_names(text: str) -> set[str]:
    """Stemmed capitalised words (a cheap proxy for names): any capitalised word after the first, the
    first word when it is not a stop word, and acronyms ("NATO", "U.K." -> "u", "k")."""
    tokens = words(text)
    names = set()
    for position, token in enumerate(tokens):
        capitalised = token[:1].isupper()
        if (capitalised and (position > 0 or token.lower() not in STOP_WORDS)) or (len(token) > 1 and token.isupper()):
            names.add(stem(token))
    names.update(stem(letter) for acronym in _DOTTED_ACRONYM.findall(text) for letter in acronym.split(".") if letter)
    return names


def violations(claim: str, sources: Sequence[str], question: str = "") -> list[str]:
    """What the claim asserts that the sources cannot back (empty when nothing): a number, a name or a
    content word that is in neither the sources nor the question, or a negation in one but not the other."""
    joined = " ".join(sources)
    source_terms = {stem(w) for w in words(joined)}
    problems = []
    missing_numbers = numbers(claim) - numbers(joined)
    if missing_numbers:
        problems.append(f"numbers not in the source: {sorted(missing_numbers)}")
    missing_names = {n for n in proper_names(claim) if n not in source_terms}
    if missing_names:
        problems.append(f"names not in the source: {sorted(missing_names)}")
    new_words = {t for t in content_terms(claim) if not t.replace(".", "").isdigit() and t not in NEGATIONS}
    new_words -= source_terms | set(content_terms(question)) | missing_names
    if new_words:
        problems.append(f"words in neither the source nor the question: {sorted(new_words)}")
    if has_negation(claim) != has_negation(joined):
        problems.append("negation in the claim but not the source" if has_negation(claim)
                        else "the source's negation is missing from the claim")
    return problems


def support(claim: str, sources: Sequence[str], question: str = "") -> float:
    """Support score in [0, 1] of `claim` against `sources` (see the module docstring)."""
    claim_terms = set(content_terms(claim))
    if not claim_terms or not sources:
        return 0.0
    source_terms = set(content_terms(" ".join(sources)))
    score = len(claim_terms & source_terms) / len(claim_terms)
    if violations(claim, sources, question):
        score = min(score, CAP_ON_VIOLATION)
    return round(score, 4)


def adds_information(claim: str, question: str) -> bool:
    """False when the claim only echoes the question's own words (e.g. "Zakharova demanded.")."""
    question_terms = set(content_terms(question))
    return bool(set(content_terms(claim)) - question_terms)


_MARKER_ONLY = re.compile(r"^\W*$")


def is_empty(text: str) -> bool:
    return bool(_MARKER_ONLY.match(text))
