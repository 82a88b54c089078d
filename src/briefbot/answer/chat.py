"""Conversations: follow-up questions rewritten into standalone questions before retrieval.

"And what did Lavrov say?" after "What is Russia's position on Ukraine joining NATO?" becomes
"And what did Lavrov say? (follow-up to: What is Russia's position on Ukraine joining NATO?)".
The rewrite is deterministic (no model call): a question is a follow-up when it opens like one
("and", "what about", "also") or leans on the previous turn (pronouns, very few content words).
Retrieval weighs the follow-up itself fully and its topic lightly (`Retriever.retrieve(context=...)`);
a chain of follow-ups keeps the original topic instead of growing.
Every answer of a chat is verified and cited exactly like `Briefbot.ask`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from briefbot.answer.terms import search_terms
from briefbot.types import Answer, StreamEvent

if TYPE_CHECKING:  # pragma: no cover
    from briefbot.bot import Briefbot

_OPENERS = re.compile(r"^\s*(?:and|also|but|so|then|what about|how about|and what about)\b", re.IGNORECASE)
_PRONOUNS = re.compile(r"\b(?:he|she|it|they|them|his|her|hers|its|their|theirs|him|this|that|those|these)\b",
                       re.IGNORECASE)


_FOLLOW_UP = " (follow-up to: "


def is_follow_up(question: str) -> bool:
    """Opens like a follow-up ("And ..."), or names nobody and leans on the previous turn (pronouns,
    at most one content word). "What did Lavrov say?" names someone: it stands alone."""
    if _OPENERS.match(question):
        return True
    terms = search_terms(question)
    if any(term.name for term in terms):
        return False
    return bool(_PRONOUNS.search(question) or len(terms) <= 1)


def standalone_question(question: str, previous: str | None) -> str | None:
    """The follow-up with its topic attached ("Q (follow-up to: P)"), or None when it stands alone."""
    if not previous or not is_follow_up(question):
        return None
    return f"{question.strip()}{_FOLLOW_UP}{previous.strip()})"


def split_standalone(standalone: str) -> tuple[str, str | None]:
    """("Q", "P") from "Q (follow-up to: P)"; (text, None) for a question that stands alone."""
    head, found, tail = standalone.partition(_FOLLOW_UP)
    return (head, tail[:-1] if tail.endswith(")") else tail) if found else (standalone, None)


@dataclass
class Turn:
    question: str
    standalone: str | None
    answer: Answer


class Chat:
    """A conversation with a `Briefbot`; keeps the turns so far."""

    def __init__(self, bot: "Briefbot") -> None:
        self.bot = bot
        self.turns: list[Turn] = []

    def _previous(self) -> str | None:
        """The topic a follow-up refers to: the last question that stood alone."""
        if not self.turns:
            return None
        last = self.turns[-1]
        return last.question if last.standalone is None else split_standalone(last.standalone)[1]

    def ask(self, question: str) -> Answer:
        answer = None
        for event in self.stream(question):
            answer = event.answer or answer
        assert answer is not None
        return answer

    def stream(self, question: str) -> Iterator[StreamEvent]:
        standalone = standalone_question(question, self._previous())
        for event in self.bot.stream(question, standalone=standalone):
            if event.answer is not None:
                self.turns.append(Turn(question, standalone, event.answer))
            yield event

    def reset(self) -> None:
        self.turns.clear()
