"""Verified streaming: `Briefbot.stream` yields only checked answer sentences, in final order.

The contract (README "Streaming"): every "delta" is one verified answer sentence as it reads in
`Answer.text`; the concatenated deltas equal the final `answer.text`; an abstention yields no delta;
no draft text that did not pass the check is ever yielded. The plumbing tests use the fakes; the last
test runs the real default models on the seed corpus.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Iterator, Sequence

import pytest

from conftest import LAVROV, ZAKHAROVA, copy_reader, evidence_lines, verify_and_compose
from briefbot.answer.question import analyse
from briefbot.answer.verified_stream import VerifiedStream, delta_text
from briefbot.answer.verify import parse_draft
from briefbot.config import Settings
from briefbot.fakes import ScriptedLLM
from briefbot.types import ABSTAIN_TEXT

pytestmark = pytest.mark.usefixtures("isolated_env")

FALSE = "Paris is the capital of Germany"


def _deltas(events) -> list[str]:
    return [e.text for e in events if e.kind == "delta"]


def _check_contract(events) -> None:
    assert [e.kind for e in events].count("answer") == 1 and events[-1].kind == "answer"
    answer = events[-1].answer
    deltas = _deltas(events)
    if answer.abstained:
        assert deltas == [] and answer.text == ABSTAIN_TEXT
        return
    assert "".join(deltas) == answer.text
    assert len(deltas) == len(answer.sentences)  # one delta per verified sentence, in order
    for delta, sentence in zip(deltas, answer.sentences):
        assert delta.strip() == delta_text(sentence, first=True)
        assert sentence.supported and sentence.citations


def _echo(*keywords: str, extra: str = ""):
    """A scripted model that copies, in order, the evidence sentence naming each keyword (cited), then `extra`."""

    def reply(messages) -> str:
        lines = evidence_lines(messages)
        out = []
        for keyword in keywords:
            for number, text in lines.items():
                if keyword.lower() in text.lower():
                    out.append(f"{text.rstrip('.')} [{number}].")
                    break
        return " ".join(out + ([extra] if extra else []))

    return reply


CASES = [
    ("What did Zakharova demand?", _echo("Zakharova")),
    ("What did Zakharova demand?", _echo("Zakharova", extra=f"{FALSE} [1].")),
    ("What did Zakharova demand?", f"{FALSE} [1]. Zakharova demanded written guarantees [2]."),
    ("What did Lavrov say?", _echo("Lavrov", "Zakharova")),
    ("How many crossings were cancelled?", _echo("crossings", "harbour")),
    ("When was the alliance founded?", "It was founded in 1951 [1]. It has 32 members [1]."),
    ("What did Zakharova demand?", "NOT FOUND"),
    ("What did Zakharova demand?", ""),
    ("What did Zakharova demand?", "[3] Zakharova asked for guarantees. [9] She also wants money."),
    ("What did Zakharova demand?", f"{FALSE} [1].\n[2]\nZakharova demanded guarantees [2]."),
    ("What is the capital of Germany?", "Paris [1]."),
    ("Who won the bread award?", _echo("bread")),
]


@pytest.mark.parametrize("question, script", CASES)
def test_streamed_deltas_are_the_final_answer_text(make_bot, question, script):
    bot = make_bot(script)
    events = list(bot.stream(question))
    _check_contract(events)


@pytest.mark.parametrize("question, script", CASES)
def test_stream_gives_the_answer_of_verify_and_compose(make_bot, question, script):
    """Streaming sentence by sentence changes nothing: the answer is verify + compose of the whole draft."""
    bot = make_bot(script)
    answer = list(bot.stream(question))[-1].answer
    if answer.evidence_ids == []:  # the gate abstained before drafting
        return
    sentences, reason, verified = verify_and_compose(bot, question, answer)
    assert answer.sentences == sentences and answer.abstain_reason == reason and answer.dropped == verified.dropped


def test_unverified_draft_text_is_never_yielded(make_bot):
    bot = make_bot(_echo("Zakharova", extra=f"{FALSE} [1]. The moon is made of cheese [2]."))
    events = list(bot.stream("What did Zakharova demand?"))
    answer = events[-1].answer
    assert FALSE in answer.draft and "cheese" in answer.draft  # the model did write them
    streamed = "".join(_deltas(events))
    assert FALSE not in streamed and "cheese" not in streamed
    assert ZAKHAROVA in streamed


class PacedLLM:
    """Yields a fixed draft word by word and records, for every piece, how many it has yielded so far."""

    def __init__(self, draft: str) -> None:
        self.draft = draft
        self.yielded = 0

    @property
    def id(self) -> str:
        return "paced"

    def stream(self, messages: Sequence[dict], *, max_tokens: int, stop: Sequence[str] = ()) -> Iterator[str]:
        pieces = re.findall(r"\S+\s*|\s+", self.draft)
        for piece in pieces:
            self.yielded += 1
            yield piece


def test_first_sentence_comes_before_the_draft_ends(make_bot):
    bot = make_bot("")
    evidence = bot.retrieve("What did Zakharova demand?")
    lines = {e.number: e.sentence.text for e in evidence.sentences}
    number = next(n for n, text in lines.items() if "Zakharova" in text)
    draft = (f"Zakharova demanded written guarantees that the alliance would stop expanding east [{number}]. "
             "Then the model goes on writing a long second sentence about nothing in particular at all [1].")
    llm = PacedLLM(draft)
    bot.llm = llm
    total = len(re.findall(r"\S+\s*|\s+", draft))
    seen_at = []
    for event in bot.stream("What did Zakharova demand?"):
        if event.kind == "delta":
            seen_at.append(llm.yielded)
    assert seen_at and seen_at[0] < total / 2  # shown while the model is still writing


def _evidence(texts_scores, question="q"):
    from briefbot.types import Evidence, EvidenceSentence, Sentence

    items = [EvidenceSentence(number=n + 1, title="T", score=score, before=texts_scores[n - 1][0] if n else None,
                              sentence=Sentence(id=f"a:s{n}", article_id="a", index=n, text=text, start=0,
                                                end=len(text)))
             for n, (text, score) in enumerate(texts_scores)]  # `before`: as retrieval sets it
    return Evidence(question=question, sentences=items, name_coverage=1.0)


def test_speaker_sentence_is_shown_before_the_model_runs():
    """A pronoun-attributed quote needs the sentence naming the speaker: known from the evidence alone."""
    speaker = "Maria Zakharova said Moscow wants NATO to disavow its promise."
    quote = "'A refusal to accept Kyiv is not enough,' she said."
    evidence = _evidence([(speaker, 0.5), (quote, 0.9)])
    stream = VerifiedStream(evidence, analyse("Who said refusing Kyiv is not enough?"), min_support=0.5,
                            max_sentences=2)
    first = stream.take()
    assert [s.text for s in first] == [speaker] and first[0].citations[0].id == "a:s0"
    assert stream.feed("A refusal to accept Kyiv is not enough, she said [2]. ") == []  # still open
    sentences, _ = stream.finish()
    assert sentences[0].text == speaker and [c.id for c in sentences[1].citations] == ["a:s1"]
    assert stream.take() == sentences[1:]


def test_the_model_is_shown_only_what_the_answer_may_cite():
    """The sentences no rule lets answer are not shown to the model, and a draft sentence citing one (or copying
    it) is not kept: it could never be part of the answer."""
    texts = [("Zakharova demanded written guarantees that the alliance would stop expanding east.", 0.9),
             ("Lavrov said Moscow would never accept foreign troops in Ukraine.", 0.5)]
    stream = VerifiedStream(_evidence(texts), analyse("What did Zakharova demand?"), min_support=0.5, max_sentences=2)
    assert [e.sentence.id for e in stream.prompt_evidence.sentences] == ["a:s0"]
    stream.feed("Lavrov said Moscow would never accept foreign troops in Ukraine [2]. ")
    sentences, verified = stream.finish()
    assert [c.id for s in sentences for c in s.citations] == ["a:s0"] and len(verified.dropped) == 1


@pytest.mark.parametrize("draft, kept", [
    ("The most recent additions are a center in New Delhi, India, which opened in 2014 [1].", False),
    ("A center in New Delhi opened in 2014, and a center in Hong Kong opened in 2015 [1].", True),
])
def test_the_models_words_stand_for_a_source_only_if_they_keep_its_answers(draft, kept):
    """A verified rewording that drops a candidate answer of the sentence it cites (here the Hong Kong year) does
    not replace that sentence: the source's own words answer."""
    source = ("The most recent additions are a center in New Delhi, India, which opened in 2014, "
              "and a center in Hong Kong which opened in 2015.")
    stream = VerifiedStream(_evidence([(source, 0.9)]), analyse("What year did the university open a center in Hong Kong?"),
                            min_support=0.5, max_sentences=2)
    stream.feed(draft + " ")
    sentences, verified = stream.finish()
    assert verified.sentences and verified.sentences[0].origin == "model"  # the check passed it
    assert [s.origin for s in sentences] == (["model"] if kept else ["source"])
    assert "2015" in sentences[0].text


@pytest.mark.parametrize("draft, kept", [
    ("Article 5 says an armed attack on one member 'shall be considered an attack on them all' [1].", False),
    ("Article 5 says an armed attack on one member 'shall be considered an attack against them all' [1].", True),
])
def test_the_models_words_keep_a_quotation_word_for_word(draft, kept):
    source = ("Article 5 stipulates that an armed attack against one or more of its members "
              "‘shall be considered an attack against them all’.")
    stream = VerifiedStream(_evidence([(source, 0.9)]), analyse("What does Article 5 say?"), min_support=0.5,
                            max_sentences=2)
    stream.feed(draft + " ")
    sentences, verified = stream.finish()
    assert verified.sentences and verified.sentences[0].origin == "model"  # the check passed it
    assert [s.origin for s in sentences] == (["model"] if kept else ["source"])


def test_a_quotes_speaker_is_shown_to_the_model():
    speaker = "Maria Zakharova said Moscow wants NATO to disavow its promise."
    quote = "'A refusal to accept Kyiv is not enough,' she said."
    stream = VerifiedStream(_evidence([(speaker, 0.5), (quote, 0.9)]), analyse("Who said refusing Kyiv is not enough?"),
                            min_support=0.5, max_sentences=2)
    assert [e.sentence.id for e in stream.prompt_evidence.sentences] == ["a:s0", "a:s1"]


def test_lead_in_the_models_words_is_shown_once_its_sentence_closes():
    texts = [("Zakharova demanded written guarantees that the alliance would stop expanding east.", 0.9),
             ("Lavrov said Moscow would never accept foreign troops in Ukraine.", 0.4)]
    stream = VerifiedStream(_evidence(texts), analyse("What did Zakharova demand?"), min_support=0.5, max_sentences=2)
    assert stream.take() == []
    assert stream.feed("Zakharova demanded written guarantees that the alliance would stop expanding east [1].") == []
    shown = stream.feed(" The")  # the next sentence opened: the first is closed, checked and final
    assert [s.origin for s in shown] == ["model"] and shown[0].citations[0].id == "a:s0"
    sentences, _ = stream.finish()
    assert sentences[:1] == shown


def test_verified_stream_holds_back_the_open_sentence():
    """A sentence is taken only once a later one has started: its trailing markers may still come."""
    from briefbot.types import Evidence, EvidenceSentence, Sentence

    texts = ["Zakharova demanded written guarantees from the alliance.", "Lavrov said troops are unwelcome."]
    items = [EvidenceSentence(number=i + 1, sentence=Sentence(id=f"a:s{i}", article_id="a", index=i, text=t,
                                                              start=0, end=len(t)), title="A", score=1.0 - i / 10)
             for i, t in enumerate(texts)]
    evidence = Evidence(question="What did Zakharova demand?", sentences=items)
    stream = VerifiedStream(evidence, analyse("What did Zakharova demand?"), min_support=0.5, max_sentences=2)
    assert stream.feed("Zakharova demanded written guarantees from the alliance.") == []
    assert stream.feed(" [1]") == []
    assert parse_draft(stream.draft)[0].numbers == (1,)


def test_page_shows_progress_then_only_verified_sentences(make_bot):
    from briefbot.ui.page import PROGRESS_NOTE, ChatPage

    bot = make_bot(_echo("Zakharova", extra=f"{FALSE} [1]."))
    page = ChatPage(bot)
    updates = list(page.respond("What did Zakharova demand?", None))
    shown = [messages[-1]["content"] for _, messages, _, _ in updates]
    assert PROGRESS_NOTE in shown[0] and "Zakharova" not in shown[0]
    assert all(FALSE not in m for m in shown)
    assert any("bb-drafting" in m and "Zakharova" in m for m in shown[1:-1])  # a verified sentence, streaming
    assert "bb-drafting" not in shown[-1]


# --- the real models ---------------------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REAL_QUESTIONS = [
    "What did Zakharova demand?",
    "Who is Maria Zakharova?",
    "What did Lavrov say about NATO?",
    "When was the Bucharest summit?",
    "What is the capital of France?",
]


@pytest.fixture(scope="module")
def real_bot(tmp_path_factory):
    os.environ.setdefault("BRIEFBOT_LLM_THREADS", "1")
    from briefbot.bot import Briefbot

    return Briefbot.from_corpus(SEEDS, tmp_path_factory.mktemp("stream-index"))


@pytest.mark.models
@pytest.mark.parametrize("question", REAL_QUESTIONS)
def test_real_models_stream_only_verified_sentences(real_bot, question):
    started = time.perf_counter()
    events = list(real_bot.stream(question))
    assert time.perf_counter() - started < 300
    _check_contract(events)
    answer = events[-1].answer
    streamed = "".join(_deltas(events))
    for dropped in answer.dropped:
        if dropped not in answer.text:  # a dropped draft sentence is never shown
            assert dropped not in streamed
    # the draft's text reaches the stream only through a sentence that passed the check
    for sentence in answer.sentences:
        assert sentence.supported


class BrokenServerLLM(PacedLLM):
    """Yields part of a draft, then fails like a model server that drops the connection."""

    def stream(self, messages, *, max_tokens, stop=()):
        from briefbot.models.openai_compat import ModelServerError

        yield from super().stream(messages, max_tokens=max_tokens, stop=stop)
        raise ModelServerError("the model server at http://127.0.0.1:1 closed the connection")


def test_a_draft_cut_short_keeps_what_was_shown(make_bot):
    bot = make_bot("")
    evidence = bot.retrieve("What did Zakharova demand?")
    number = next(e.number for e in evidence.sentences if "Zakharova" in e.sentence.text)
    bot.llm = BrokenServerLLM(f"Zakharova demanded written guarantees that the alliance would stop expanding east "
                              f"[{number}]. {FALSE} and then the")
    events = list(bot.stream("What did Zakharova demand?"))
    _check_contract(events)
    answer = events[-1].answer
    assert not answer.abstained and FALSE not in "".join(_deltas(events))


def test_without_a_draft_the_model_is_not_called_and_the_answer_is_the_sources_words(make_bot):
    """`llm_draft=False`: no model call; the answer is the answer with an empty draft, cited, in the sources' words."""
    bot = make_bot(_echo("Zakharova"), settings=Settings(llm_draft=False))
    answer = list(bot.stream("What did Zakharova demand?"))[-1].answer
    assert bot.llm.calls == []
    assert not answer.abstained and answer.draft == ""
    assert answer.sentences and {s.origin for s in answer.sentences} == {"source"}
    assert any("written guarantees" in s.text for s in answer.sentences)
    with_draft = make_bot(_echo("Zakharova")).ask("What did Zakharova demand?")
    assert [c.id for s in answer.sentences for c in s.citations][0] == with_draft.sentences[0].citations[0].id
