"""Who holds an office now: whether an evidence sentence names a holder of the office a question asks about.

A current-holder question ("Who is the chief executive of Skerrline?", "Bank of Arnovia governor") is answered
by the newest article that names the holder ("Chief executive Declan Moorcroft said ..." in 2024), not by an
older one that shares more of the question's words ("Oona Feltham will step down as chief executive of
Skerrline", 2022). Retrieval ranks the sentences `names_holder` accepts first, newest first
(`Retriever._holders_first`).

A sentence names a holder when a candidate answer of the expected type that is not a former holder
(`answers.candidates`) stands within HOLDER_REACH characters of the office's words or of a word for leading or
succeeding (`offices.py`), and its article is about the body asked about: the question's topics and its other
content words are in the sentence, its headline, its lead or the sentence before.
"""

from __future__ import annotations

from briefbot.answer.answers import candidates
from briefbot.answer.offices import ALL_OFFICE_WORDS, office_spots
from briefbot.answer.question import Question
from briefbot.answer.topics import holds_words, missing_topics
from briefbot.index.lexical import content_terms
from briefbot.types import EvidenceSentence

HOLDER_REACH = 80  # characters between the holder's name and the office ("has appointed Ilse Dormand, the head
# of the Pellmouth Port Authority, as its chief executive")
# words that name the office or ask for its holder now, not the body: "Skerrline" must be in the article, these not
NOT_BODY = frozenset(content_terms(" ".join([*ALL_OFFICE_WORDS,
                                              "current currently now nowadays today these days present in charge",
                                              "helm runs running heads leads led ran presides"])))


def names_holder(question: Question, item: EvidenceSentence) -> bool:
    """Whether `item` names someone holding `question.office` in an article about the body the question names."""
    if not question.office:
        return False
    spots = office_spots(question.office, item.sentence.text)
    if not spots or not any(abs(c.start - s) <= HOLDER_REACH or abs(c.end - s) <= HOLDER_REACH
                            for c in candidates(question, item) for s in spots):
        return False
    return not missing_topics(question, item) and holds_words(question, item, NOT_BODY)
