"""Conversations: follow-up questions rewritten into standalone questions before retrieval.

"And what did Lavrov say?" after "What is Russia's position on Ukraine joining NATO?" becomes
"And what did Lavrov say? (follow-up to: What is Russia's position on Ukraine joining NATO?)".
The rewrite is deterministic (no model call): a question is a follow-up when it opens like one
("and", "what about", "also") or leans on the previous turn (pronouns, very few content words).
Every answer of a chat is verified and cited exactly like `Briefbot.ask`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from briefbot.lexical import content_terms
from briefbot.types import Answer, StreamEvent

if TYPE_CHECKING:  # pragma: no cover
    from briefbot.bot import Briefbot

_OPENERS = re.compile(r"^\s*(?:and|also|but|so|then|what about|how about|and what about)\b", re.IGNORECASE)
_PRONOUNS = re.compile(r"\b(?:he|she|it|they|them|his|her|hers|its|their|theirs|him|this|that|those|these)\b",
                       re.IGNORECASE)


def is_follow_up(question: str) -> bool:
    return bool(_OPENERS.match(question) or _PRONOUNS.search(question) or len(set(content_terms(question))) <= 1)


def standalone_question(question: str, previous: str | None) -> str | None:
    """The question to retrieve with, or None when `question` already stands alone."""
    if not previous or not is_follow_up(question):
        return None
    return f"{question.strip()} (follow-up to: {previous.strip()})"


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
        if not self.turns:
            return None
        last = self.turns[-1]
        return last.question if last.standalone is None else _strip_follow_up(last.standalone)

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


def _strip_follow_up(standalone: str) -> str:
    """Chains of follow-ups keep only the original topic, not a growing tail of context."""
    head, _, tail = standalone.partition(" (follow-up to: ")
    return f"{head} {tail.rstrip(')')}" if tail else head
