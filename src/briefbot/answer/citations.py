"""Answer sentences and their citations: an `AnswerSentence` built from the evidence sentences it cites.

Verification and composing both build answer sentences here, so a citation always carries the cited
sentence's own text, title, date and source; `duplicates` tells a sentence that repeats one already in
the answer.
"""

from __future__ import annotations

from briefbot.answer.support import support
from briefbot.types import AnswerSentence, Citation, EvidenceSentence

DUPLICATE_SUPPORT = 0.9  # a sentence this well supported by one already in the answer says nothing new


def to_citation(item: EvidenceSentence) -> Citation:
    """The citation of one evidence sentence."""
    return Citation(id=item.sentence.id, article_id=item.sentence.article_id, title=item.title,
                    text=item.sentence.text, published=item.published, source=item.source, url=item.url)


def answer_sentence(text: str, cited: list[EvidenceSentence], score: float, origin: str) -> AnswerSentence:
    """A verified answer sentence citing `cited`, its support score clamped to [0, 1]."""
    return AnswerSentence(text=text, citations=[to_citation(e) for e in cited], supported=True,
                          support=min(1.0, max(0.0, score)), origin=origin)


def duplicates(text: str, sentences: list[AnswerSentence]) -> bool:
    """Whether `text` only repeats one of `sentences`."""
    return any(support(text, [s.text]) >= DUPLICATE_SUPPORT for s in sentences)
