"""The no-model baseline every benchmark table shows next to briefbot.

`OverlapBaseline.ask(question)` answers with the ONE corpus sentence that shares the most content words
(`briefbot.lexical.content_terms`: stemmed, stop words removed) with the question, cited verbatim. Ties
go to the sentence whose shared words are rarer in the corpus (higher summed BM25 idf), then to the
earlier sentence. It abstains only when no content word of the question occurs in any sentence.
No embedder and no LLM: if briefbot does not beat this clearly, its models only add latency.
"""

from __future__ import annotations

import time
from pathlib import Path

from briefbot.index.corpus_index import CorpusIndex
from briefbot.index.lexical import content_terms
from briefbot.types import Answer, AnswerSentence, Citation, Evidence, EvidenceSentence, Timings

NO_OVERLAP = "No content word of the question occurs in the corpus."


class OverlapBaseline:
    """Answer with the single sentence sharing most content words with the question."""

    id = "overlap-baseline"

    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        self._terms = [frozenset(content_terms(s.text)) for s in index.sentences]

    @classmethod
    def from_corpus(cls, corpus: str | Path) -> "OverlapBaseline":
        """Load `corpus` and index it with the hashing embedder (the baseline never uses vectors)."""
        from briefbot.ingest.corpus import load_corpus
        from briefbot.fakes import HashingEmbedder
        from briefbot.index.corpus_index import build_index

        return cls(build_index(load_corpus(corpus), HashingEmbedder(dimension=64)))

    def _ranked(self, question: str) -> list[tuple[int, float, int]]:
        """(shared content words, summed idf of them, row) for every sentence sharing at least one."""
        query = set(content_terms(question))
        idf = self.index.sentence_bm25.idf
        ranked = []
        for row, terms in enumerate(self._terms):
            shared = query & terms
            if shared:
                ranked.append((len(shared), sum(idf(t) for t in shared), row))
        ranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
        return ranked

    def retrieve(self, question: str, k: int = 6) -> Evidence:
        """The `k` best sentences by the same ranking, as numbered Evidence (for recall@k)."""
        query_size = max(1, len(set(content_terms(question))))
        items = []
        for number, (shared, weight, row) in enumerate(self._ranked(question)[:k], start=1):
            sentence = self.index.sentences[row]
            items.append(EvidenceSentence(number=number, sentence=sentence,
                                          title=self.index.article_by_id[sentence.article_id].title,
                                          score=round(weight, 4), lexical=round(shared / query_size, 4)))
        return Evidence(question=question, sentences=items)

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        ranked = self._ranked(question)
        if not ranked:
            total = time.perf_counter() - started
            return Answer(question=question, abstained=True, abstain_reason=NO_OVERLAP,
                          timings=Timings(retrieve=total, total=total))
        sentence = self.index.sentences[ranked[0][2]]
        citation = Citation(id=sentence.id, article_id=sentence.article_id,
                            title=self.index.article_by_id[sentence.article_id].title, text=sentence.text)
        total = time.perf_counter() - started
        return Answer(
            question=question,
            sentences=[AnswerSentence(text=sentence.text, citations=[citation], supported=True, support=1.0,
                                      origin="source")],
            evidence_ids=[sentence.id], retrieved_ids=[sentence.id],
            timings=Timings(retrieve=total, total=total),
        )
