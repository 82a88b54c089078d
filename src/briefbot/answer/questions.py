"""Questions before any work is done: validation (not empty, not longer than the configured limit) and
splitting a question that asks two things into its parts."""

from __future__ import annotations

import re

from briefbot.errors import QuestionError

_TWO_PART = re.compile(r",?\s+and\s+(?=(?:what|how|why|who|when|where|which|does|do|did|is|are|was|were|has|have|can)\b)",
                       re.IGNORECASE)  # "What did Trump call Zelensky, and what did he warn him?" asks two things


def check_question(question: object, limit: int) -> str:
    """The question with its whitespace normalised, or a `QuestionError` that says how to fix it."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError('The question is empty. Ask something about the articles, e.g. "What did Zakharova demand?".')
    question = " ".join(question.split())
    if len(question) > limit:
        raise QuestionError(f"The question is {len(question)} characters long; the limit is {limit}. "
                            "Shorten it (or raise BRIEFBOT_MAX_QUESTION_CHARS).")
    return question


def two_parts(question: str) -> tuple[str, str] | None:
    """("What did Trump call Zelensky", "what did he warn him?") for a question that asks two things
    joined by "and" + a question word; None for a question that asks one."""
    match = _TWO_PART.search(question)
    if match is None or len(question[:match.start()].split()) < 3:  # "Where and when ...?" asks one thing
        return None
    return question[:match.start()], question[match.end():]
