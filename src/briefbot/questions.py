"""Validate a question before any work is done: not empty, not longer than the configured limit."""

from __future__ import annotations

from briefbot.errors import QuestionError


def check_question(question: object, limit: int) -> str:
    """The question with its whitespace normalised, or a `QuestionError` that says how to fix it."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError('The question is empty. Ask something about the articles, e.g. "What did Zakharova demand?".')
    question = " ".join(question.split())
    if len(question) > limit:
        raise QuestionError(f"The question is {len(question)} characters long; the limit is {limit}. "
                            "Shorten it (or raise BRIEFBOT_MAX_QUESTION_CHARS).")
    return question
