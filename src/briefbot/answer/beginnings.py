"""When something began or someone took office: whether an evidence sentence tells it, for retrieval to rank first.

"When did Tobias Quenell take over as chief executive?", "When did Nikolai Haldane start as head of the fire
service?" and "When did the Kallinet blackout start?" (`Question.starts`) are answered by a sentence that names
what the question is about, a date, and a word for beginning ("Her successor, Tobias Quenell, took over on 1
January.", "Haldane ... takes up the post on 1 April.", "... to replace her from 1 March"). Such sentences share
few words with the question and score under the lead sentence of their article, which names the body and the
office; `tells_beginning` lets retrieval rank them first (`Retriever._beginnings_first`).
"""

from __future__ import annotations

import re

from briefbot.answer.answers import candidates
from briefbot.answer.question import Question
from briefbot.answer.tense import FOUNDING
from briefbot.answer.topics import missing_topics
from briefbot.types import EvidenceSentence

_BEGINNING = re.compile(
    r"\b(?:take|takes|took|taken|taking)\s+(?:over|up|office|charge|the\s+helm|the\s+reins)\b|\b(?:replace|replaces|"
    r"replacing|succeed|succeeds|succeeding|start|starts|started|begin|begins|began|join|joins|joined)\b|"
    r"\bfrom\s+\d", re.IGNORECASE)



def tells_beginning(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item` says when what `question` asks about began: a word for beginning, a date (a candidate of
    the expected type), every topic of the question in its context and at least one in the sentence itself or
    the sentence before (not only in the headline)."""
    if not question.starts or not question.topics:
        return False
    # "When was the authority set up?" is told by its founding ("since the authority was created in 1978"), not
    # by a fare rising "from 3.10"
    beginning = FOUNDING if question.asks.founding else _BEGINNING
    if not beginning.search(item.sentence.text):
        return False
    if not candidates(question, item) or missing_topics(question, item):
        return False
    own = item.model_copy(update={"title": "", "lead": None, "source": None})
    return len(missing_topics(question, own)) < len(question.topics)
