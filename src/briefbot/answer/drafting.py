"""The drafting prompt: the evidence numbered for the model, and the question as asked.

The model only sees the sentences it may cite, one per line as "[n] text"; `verify.parse_draft` reads
those numbers back. The question here is the text as asked (a follow-up with its topic attached), not
the analysed record.
"""

from __future__ import annotations

import re

from briefbot.models.prompts import Prompts
from briefbot.types import Evidence


def format_evidence(evidence: Evidence) -> str:
    """The evidence as the model reads it: "[n] sentence", one per line."""
    return "\n".join(f"[{item.number}] {one_line(item.sentence.text)}" for item in evidence.sentences)


def build_messages(prompts: Prompts, evidence: Evidence, question: str) -> list[dict[str, str]]:
    """The chat messages that ask the model to answer `question` from `evidence`, citing it."""
    return [
        {"role": "system", "content": prompts.render("answer.system")},
        {"role": "user", "content": prompts.render("answer.user", evidence=format_evidence(evidence),
                                                   question=one_line(question))},
    ]


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
