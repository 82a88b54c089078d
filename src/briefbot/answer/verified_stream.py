"""Verified streaming: the model's draft goes in piece by piece, answer sentences come out only once they
are checked and final (`Briefbot.stream`).

A draft sentence is taken when it is closed, that is when `parse_draft` already sees a later sentence
after it (or the draft has ended): nothing the model writes afterwards can change it. It then goes
through `verify.Verifier` (the support check, repair, drop) and `compose.Composer` (the answer's order),
which are the very steps `verify` and `compose` run, one sentence at a time, so the streamed answer is the
answer `ask` returns. `Composer` hands out sentences only in their final order, so what was shown is never
taken back: the concatenated `delta_text`s equal `Answer.text`.
"""

from __future__ import annotations

from briefbot.answer.compose import Composer
from briefbot.answer.question import Question
from briefbot.answer.verify import DraftSentence, Verified, Verifier, parse_draft
from briefbot.types import AnswerSentence, Evidence


def delta_text(sentence: AnswerSentence, first: bool) -> str:
    """How `sentence` reads inside `Answer.text` ("Text. [id]"), with the space joining it to the one before."""
    marks = "".join(f"[{c.id}]" for c in sentence.citations)
    text = f"{sentence.text} {marks}".strip()
    return text if first else " " + text


class VerifiedStream:
    """Draft pieces in (`feed`), final verified answer sentences out (`take`, `feed`, `finish`)."""

    def __init__(self, evidence: Evidence, question: Question, *, min_support: float, max_sentences: int) -> None:
        self.composer = Composer(evidence, question, max_sentences=max_sentences)
        # the model is shown only what the answer may cite: a shorter prompt, and no draft sentence wasted on the rest
        self.prompt_evidence = evidence.model_copy(update={"sentences": self.composer.citable})
        self.verifier = Verifier(evidence, question, min_support=min_support, max_sentences=max_sentences,
                                 shown={e.number for e in self.composer.citable})
        self.draft = ""
        self._taken = 0  # draft sentences handed to the verifier
        self._shown = 0  # answer sentences handed out

    @property
    def reason(self) -> str | None:
        """Why the answer abstains (known from the evidence alone), or None."""
        return self.composer.reason

    def take(self) -> list[AnswerSentence]:
        """The answer sentences that became final since the last call (in answer order)."""
        new = self.composer.answer[self._shown:]
        self._shown = len(self.composer.answer)
        return new

    def feed(self, piece: str) -> list[AnswerSentence]:
        """Add a piece of the draft; the answer sentences that became final with it."""
        self.draft += piece
        if self.reason is None and piece:
            self._verify(parse_draft(self.draft)[:-1])  # the last sentence may still grow
        return self.take()

    def finish(self, *, complete: bool = True) -> tuple[list[AnswerSentence], Verified]:
        """The whole answer and the verification record. `complete=False` (the model failed mid-draft)
        leaves out the draft's last, possibly unfinished, sentence."""
        if self.reason is not None:
            return [], self.verifier.finish(self.draft)
        sentences = parse_draft(self.draft)
        self._verify(sentences if complete else sentences[:-1])
        return self.composer.finish(), self.verifier.finish(self.draft)

    def _verify(self, closed: list[DraftSentence]) -> None:
        for draft_sentence in closed[self._taken:]:
            for sentence in self.verifier.add(draft_sentence):
                self.composer.add(sentence)
        self._taken = max(self._taken, len(closed))
