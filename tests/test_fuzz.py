"""Fuzzing with hypothesis: hostile input anywhere gives an answer or a documented `BriefbotError`, never a
crash or a hang. Unit level with the fakes, so the file runs in well under a minute: questions (any
Unicode, control and bidi characters, up to 10k characters), case files, corpus files (random bytes, deep
JSON nesting; one 50 MB line once, outside hypothesis), the segmenter, the chat history, and streamed
drafts (the streamed answer is always the answer `verify` + `compose` give).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import WIRE, verify_and_compose, write_corpus
from briefbot.answer.chat import is_follow_up, split_standalone, standalone_question
from briefbot.answer.verify import parse_draft
from briefbot.bot import Briefbot
from briefbot.config import Settings
from briefbot.errors import BriefbotError, QuestionError
from briefbot.evaluation.cases import load_cases
from briefbot.fakes import HashingEmbedder, ScriptedLLM
from briefbot.ingest.corpus import load_corpus
from briefbot.ingest.segment import split_sentences
from briefbot.types import ABSTAIN_TEXT, Article

FUZZ = settings(max_examples=30, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
# Control, bidi, zero-width, surrogates-free Unicode: everything a pasted question may carry.
NASTY = st.sampled_from(list("\x00\x07\x1b\u202e\u202d\u2066\u2069\u200b\u200d\ufeff\u0301\ud7ff\U0001f600\n\r\t "))
TEXT = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), NASTY), max_size=300)
BOUND = 10.0  # seconds any one example may take, on a busy machine (the deadline is 5 s)


@pytest.fixture(scope="module")
def fuzz_bot(tmp_path_factory):
    base = tmp_path_factory.mktemp("fuzz")
    corpus = write_corpus(base / "corpus")

    def echo(messages) -> str:  # copies the first two evidence lines, cited
        lines = [line for line in messages[-1]["content"].splitlines() if line.startswith("[")]
        return " ".join(f"{line.split('] ', 1)[-1].rstrip('.')} [{line[1:line.index(']')]}]." for line in lines[:2])

    return Briefbot.from_corpus(corpus, base / "index", settings=Settings(), embedder=HashingEmbedder(),
                                llm=ScriptedLLM(echo))


def _timed(call):
    started = time.perf_counter()
    result = call()
    assert time.perf_counter() - started < BOUND
    return result


@FUZZ
@given(question=st.one_of(TEXT, st.text(max_size=10_000, min_size=2_000)))
def test_any_question_gets_an_answer_or_a_question_error(fuzz_bot, question):
    try:
        events = _timed(lambda: list(fuzz_bot.stream(question)))
    except QuestionError as exc:
        assert str(exc)
        return
    answer = events[-1].answer
    assert answer is not None
    assert "".join(e.text for e in events[:-1]) == ("" if answer.abstained else answer.text)
    if answer.abstained:
        assert answer.text == ABSTAIN_TEXT and not answer.citations


@FUZZ
@given(history=st.lists(TEXT, min_size=1, max_size=4))
def test_chat_history_of_anything(fuzz_bot, history):
    chat = fuzz_bot.chat()
    for question in history:
        try:
            _timed(lambda: chat.ask(question))
        except QuestionError:
            continue
    assert len(chat.turns) <= len(history)
    for turn in chat.turns:
        if turn.standalone is not None:
            own, topic = split_standalone(turn.standalone)
            assert own == turn.question.strip() or own.strip() == turn.question.strip()


@FUZZ
@given(question=TEXT, previous=st.one_of(st.none(), TEXT))
def test_follow_up_rewriting_round_trips(question, previous):
    is_follow_up(question)
    standalone = standalone_question(question, previous)
    if standalone is not None:
        own, topic = split_standalone(standalone)
        assert own.strip() == question.strip()


@FUZZ
@given(text=st.text(max_size=3000), title=TEXT)
def test_segmenter_covers_the_text_with_valid_offsets(text, title):
    article = Article(id="a", title=title, text=text)
    sentences = _timed(lambda: split_sentences(article))
    last_end = 0
    for n, sentence in enumerate(sentences):
        assert sentence.id == f"a:s{n}" and sentence.index == n
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert sentence.start >= last_end
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip()
        last_end = sentence.end


def test_segmenter_on_one_long_line_without_punctuation():
    text = ("word " * 200_000).strip()
    sentences = _timed(lambda: split_sentences(Article(id="a", title="t", text=text)))
    assert sentences and all(text[s.start:s.end] == s.text for s in sentences)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.integers(1, 5000).map(lambda d: ('{"id": "x", "title": "t", "text": ' + _nested(d)
                                                          + "}\n").encode())),
       suffix=st.sampled_from([".txt", ".md", ".jsonl", ".html", ".xml", ".rss"]))
def test_corpus_files_of_random_bytes(tmp_path_factory, data, suffix):
    directory = tmp_path_factory.mktemp("corpus")
    (directory / f"article{suffix}").write_bytes(data)
    try:
        articles = _timed(lambda: load_corpus(directory))
    except BriefbotError as exc:
        assert str(exc)
        return
    for article in articles:
        assert isinstance(article.text, str) and article.text.strip()


def test_corpus_with_one_50_mb_line(tmp_path):
    """Once, not under hypothesis: a 50 MB single-line file loads (or is refused clearly) in bounded time."""
    directory = write_corpus(tmp_path / "corpus", wire=WIRE)
    line = ("The harbour reopened after the storm and the ferries ran again " * 800_000)[:50_000_000]
    (directory / "huge.txt").write_text(line, encoding="utf-8")
    started = time.perf_counter()
    try:
        articles = load_corpus(directory)
    except BriefbotError as exc:
        assert "huge.txt" in str(exc)
    else:
        assert any(a.id == "harbour" for a in articles)
    assert time.perf_counter() - started < 60


CASE_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.sampled_from(
                                                       ["id", "question", "answerable", "evidence", "acceptable",
                                                        "key_facts", "tags", "cases", "thresholds", "x"]),
                                                       inner, max_size=6)),
                           max_leaves=20)


@FUZZ
@given(data=CASE_VALUES, fmt=st.sampled_from(["yaml", "jsonl", "raw"]), raw=st.binary(max_size=500))
def test_case_files_of_anything(tmp_path_factory, data, fmt, raw):
    import yaml

    path = tmp_path_factory.mktemp("cases") / ("cases.jsonl" if fmt == "jsonl" else "cases.yaml")
    if fmt == "yaml":
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    elif fmt == "jsonl":
        rows = data if isinstance(data, list) else [data]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        path.write_bytes(raw)
    try:
        cases = _timed(lambda: load_cases(path))
    except BriefbotError as exc:
        assert str(exc)
        return
    for case in cases.cases:
        assert case.question.strip()


# --- streamed drafts: the answer is the one verify + compose give ------------------------------------

DRAFT_PIECES = st.sampled_from([
    "Zakharova demanded written guarantees that the alliance would stop expanding east",
    "Ferry operators cancelled 140 crossings", "Lavrov said Moscow would never accept foreign troops",
    "Paris is the capital of Germany", "NOT FOUND", "She said so", "The answer is:", "[1]", "[2]", "[3, 4]",
    " [2]", ".", ". ", "\n", "\n[1]\n", "(3)", "<|im_end|>", "- ", "1. ", "”", " and ", "It", "The"])


@FUZZ
@given(parts=st.lists(DRAFT_PIECES, max_size=14),
       question=st.sampled_from(["What did Zakharova demand?", "How many crossings were cancelled?",
                                 "What did Lavrov say?", "What did Zakharova demand, and what did Lavrov say?"]))
def test_streamed_answer_equals_verify_and_compose(fuzz_bot, parts, question):
    draft = "".join(parts)
    fuzz_bot.llm = ScriptedLLM(draft)
    events = _timed(lambda: list(fuzz_bot.stream(question)))
    answer = events[-1].answer
    if not answer.evidence_ids:  # the gate abstained before drafting
        return
    assert "".join(e.text for e in events[:-1]) == ("" if answer.abstained else answer.text)
    sentences, reason, _ = verify_and_compose(fuzz_bot, question, answer)
    assert (answer.sentences, answer.abstain_reason) == (sentences, reason), parse_draft(answer.draft)
