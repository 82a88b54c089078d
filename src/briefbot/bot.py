"""`Briefbot`: the one place that wires the stages together.

corpus -> index (load, or build when missing or stale) -> retrieve -> gate -> draft (LLM) -> verify.
Scripts use `Briefbot.from_corpus(...)`, then `ask`, `stream` or `chat`.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from briefbot.answer.short import short_answer
from briefbot.answer.question import analyse
from briefbot.answer.signals import default_scorer
from briefbot.answer.chat import split_standalone
from briefbot.config import Settings
from briefbot.ingest.corpus import corpus_fingerprint, load_corpus
from briefbot.index.embedding import Embedder, default_embedder
from briefbot.errors import IndexError_
from briefbot.answer.drafting import build_messages
from briefbot.answer.gate import gate
from briefbot.answer.verified_stream import VerifiedStream, delta_text
from briefbot.index.nlp import SpacyAnnotator
from briefbot.index.corpus_index import FORMAT_VERSION, CorpusIndex, build_index, index_lock, load_index, save_index
from briefbot.index.stores import store_factory
from briefbot.models.llm import LLM, LlamaCppLLM
from briefbot.models.openai_compat import ModelServerError, OpenAICompatibleLLM
from briefbot.models.prompts import Prompts
from briefbot.answer.questions import check_question
from briefbot.answer.retrieve import Retriever
from briefbot.types import Answer, Evidence, Sentence, StreamEvent, Timings

log = logging.getLogger("briefbot")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    title: str
    sentences: int


@dataclass(frozen=True)
class CorpusInfo:
    """What the chat page's corpus panel shows."""

    articles: list[ArticleInfo]
    sentences: int
    chunks: int
    built_at: str
    embedder: str
    llm: str


class Briefbot:
    """Answers questions about a corpus with verified sentence citations."""

    def __init__(self, index: CorpusIndex, embedder: Embedder, llm: LLM, settings: Settings | None = None,
                 prompts: Prompts | None = None) -> None:
        self.settings = settings or Settings()
        self.index = index
        self.embedder = embedder
        self.llm = llm
        self.prompts = prompts or Prompts(self.settings.prompts_dir)
        self.retriever = Retriever(index, embedder)
        self.scorer = default_scorer() if self.settings.answer_model else None

    # --- construction -------------------------------------------------------------------------------
    @classmethod
    def from_corpus(
        cls,
        corpus: str | Path | None = None,
        index: str | Path | None = None,
        *,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        llm: LLM | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> "Briefbot":
        """Load the index under `index` for the articles in `corpus`, building it if missing or stale."""
        settings = settings or Settings()
        corpus_dir = Path(corpus) if corpus is not None else settings.corpus
        index_dir = Path(index) if index is not None else settings.index
        embedder = embedder or default_embedder(settings)
        corpus_index = ensure_index(corpus_dir, index_dir, embedder, settings, rebuild=rebuild, progress=progress)
        if llm is None:
            llm = default_llm(settings)
        return cls(corpus_index, embedder, llm, settings)

    # --- answering ----------------------------------------------------------------------------------
    def retrieve(self, question: str) -> Evidence:
        own, context = split_standalone(self._check_question(question))
        return self.retriever.retrieve(analyse(own), context=context, top_chunks=self.settings.top_chunks,
                                       k=self.settings.evidence_sentences)

    def ask(self, question: str, *, standalone: str | None = None) -> Answer:
        """Answer `question` (retrieving with `standalone` instead, when a follow-up was rewritten)."""
        answer = None
        for event in self.stream(question, standalone=standalone):
            answer = event.answer or answer
        assert answer is not None  # stream always ends with an answer event
        return answer

    def stream(self, question: str, *, standalone: str | None = None) -> Iterator[StreamEvent]:
        """Yield the answer as it is verified, then the final Answer ("answer").

        Each "delta" event is one verified answer sentence, final and in order, as it reads in
        `Answer.text` ("Sentence. [id]", joined by a space): the concatenated deltas equal the final
        `answer.text`. An abstention yields no delta, only its answer. Unverified draft text is never
        yielded (it is in `answer.draft`). A sentence known from the evidence alone (the speaker of a
        quote) comes before the model runs; the rest as soon as the draft sentence behind it is closed
        and checked (`answer.verified_stream`)."""
        started = time.perf_counter()
        question = self._check_question(question)
        query = self._check_question(standalone) if standalone else question
        own, context = split_standalone(query)
        analysed = analyse(own)
        evidence = self.retriever.retrieve(analysed, context=context, top_chunks=self.settings.top_chunks,
                                           k=self.settings.evidence_sentences)
        retrieved = time.perf_counter()
        base = dict(question=question, standalone_question=standalone)
        reason = gate(evidence, self.settings.min_evidence_score, analysed, scorer=self.scorer)
        base["retrieved_ids"] = [e.sentence.id for e in evidence.sentences]
        if reason is not None:
            timings = Timings(retrieve=retrieved - started, total=time.perf_counter() - started)
            yield StreamEvent(kind="answer", answer=Answer(**base, abstained=True, abstain_reason=reason,
                                                           timings=timings))
            return
        checked = VerifiedStream(evidence, analysed, min_support=self.settings.min_support,
                                 max_sentences=self.settings.answer_sentences)
        base["evidence_ids"] = [e.sentence.id for e in checked.prompt_evidence.sentences]
        shown = 0

        def deltas(sentences):
            nonlocal shown
            for sentence in sentences:
                yield StreamEvent(kind="delta", text=delta_text(sentence, first=shown == 0))
                shown += 1

        yield from deltas(checked.take())  # known before the model runs
        complete = True
        try:
            # (nothing shown: the answer abstains whatever the model would write; no draft: the sources' words)
            if checked.prompt_evidence.sentences and self.settings.llm_draft:
                messages = build_messages(self.prompts, checked.prompt_evidence, query)
                for piece in self.llm.stream(messages, max_tokens=self.settings.llm_max_tokens,
                                             stop=["\n\n", "Question:"]):
                    yield from deltas(checked.feed(piece))
        except ModelServerError as exc:  # the server failed: the rest is in the evidence's own words
            log.warning("The model server's draft broke off, answering in the sources' own words: %s", exc)
            complete = False
        drafted = time.perf_counter()
        sentences, verified = checked.finish(complete=complete)
        reason = checked.reason
        yield from deltas(checked.take())
        short = None
        if reason is None and sentences:
            lead = {c.id for c in sentences[0].citations}
            short = next((span for e in evidence.sentences if e.sentence.id in lead
                          if (span := short_answer(analysed, e)) is not None), None)
        done = time.perf_counter()
        timings = Timings(retrieve=retrieved - started, draft=drafted - retrieved, verify=done - drafted,
                          total=done - started)
        yield StreamEvent(kind="answer", answer=Answer(**base, sentences=sentences, draft=checked.draft,
                                                       short_answer=short, abstained=reason is not None,
                                                       abstain_reason=reason, dropped=verified.dropped,
                                                       timings=timings))

    def chat(self):
        """A conversation: follow-up questions are rewritten into standalone ones before retrieval."""
        from briefbot.answer.chat import Chat

        return Chat(self)

    # --- the corpus ---------------------------------------------------------------------------------
    def info(self) -> CorpusInfo:
        index = self.index
        return CorpusInfo(
            articles=[ArticleInfo(*row) for row in index.tables.overview()],  # no record is read
            sentences=len(index.sentences), chunks=len(index.chunks), built_at=index.manifest.built_at,
            embedder=index.manifest.embedder_id, llm=self.llm.id,
        )

    def sentence(self, sentence_id: str) -> Sentence:
        try:
            return self.index.sentence_by_id[sentence_id]
        except KeyError:
            raise KeyError(f"No sentence {sentence_id!r} in the index") from None

    def context(self, sentence_id: str, window: int = 2) -> list[Sentence]:
        """The cited sentence with up to `window` sentences of its article on either side."""
        sentence = self.sentence(sentence_id)
        siblings = self.index.sentences_by_article[sentence.article_id]
        return siblings[max(0, sentence.index - window): sentence.index + window + 1]

    def _check_question(self, question: str) -> str:
        return check_question(question, self.settings.max_question_chars)


def default_llm(settings: Settings) -> LLM:
    """The model server at BRIEFBOT_LLM_URL when it is set, else the GGUF model in this process."""
    if settings.llm_url:
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        return OpenAICompatibleLLM(settings.llm_url, model=settings.llm_server_model, api_key=key,
                                   timeout=settings.llm_timeout, temperature=settings.llm_temperature)
    return LlamaCppLLM(settings.llm_path(), n_ctx=settings.llm_context, n_threads=settings.llm_threads,
                       temperature=settings.llm_temperature, repack=settings.llm_repack)


def ensure_index(corpus_dir: Path, index_dir: Path, embedder: Embedder, settings: Settings, *,
                 rebuild: bool = False, progress: Progress | None = None) -> CorpusIndex:
    """The index of `corpus_dir` under `index_dir`: loaded when it matches; when the corpus changed, updated
    incrementally (only added and changed articles are embedded; `index.changes` counts them); rebuilt when
    it is missing, damaged or built for another embedder or chunking. Builds hold the directory's lock."""
    articles = load_corpus(corpus_dir)
    fingerprint = corpus_fingerprint(articles)
    if not rebuild:
        try:
            return load_index(index_dir, settings=settings, embedder_id=embedder.id, fingerprint=fingerprint,
                              chunk_size=settings.chunk_sentences)
        except IndexError_:
            pass
    with index_lock(Path(index_dir)):
        previous = None
        if not rebuild:
            try:  # the index as it is now (another build may have finished while this one waited)
                previous = load_index(index_dir, settings=settings, embedder_id=embedder.id,
                                      chunk_size=settings.chunk_sentences)
                if previous.manifest.corpus_fingerprint == fingerprint:
                    return previous
            except IndexError_ as exc:
                if (Path(index_dir) / "CURRENT").exists():
                    log.warning("Rebuilding the index in %s: %s", index_dir, exc)
        annotator = SpacyAnnotator() if settings.entities_at == "index" else None  # else found when asked
        built = build_index(articles, embedder, chunk_size=settings.chunk_sentences, progress=progress,
                            annotator=annotator,
                            new_store=store_factory(settings, Path(index_dir), embedder.id, FORMAT_VERSION),
                            previous=previous)
        save_index(built, Path(index_dir))
    log.info("Index in %s: %s articles (%s)", index_dir, len(articles), built.changes)
    return built
