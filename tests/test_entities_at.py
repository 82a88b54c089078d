"""When sentences' named entities are found: at ask time (the default: the build leaves them for retrieval,
which annotates a sentence the first time it becomes evidence and remembers it) or at index time (stored)."""

from __future__ import annotations

import pytest

from briefbot.answer.retrieve import Retriever
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import build_index, load_index, save_index
from briefbot.ingest.corpus import load_corpus
from briefbot.types import Entity
from conftest import write_corpus

pytestmark = pytest.mark.usefixtures("isolated_env")


class CapitalisedWords:
    """A fake annotator: every capitalised word is an ORG; records the texts it was given."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def entities(self, texts):
        self.texts.extend(texts)
        out = []
        for text in texts:
            found, at = [], 0
            for word in text.split():
                start = text.index(word, at)
                at = start + len(word)
                if word[:1].isupper():
                    found.append(Entity(label="ORG", start=start, end=at, text=word))
            out.append(found)
        return out


def test_a_build_without_an_annotator_leaves_entities_for_retrieval(tmp_path):
    corpus = write_corpus(tmp_path / "c")
    save_index(build_index(load_corpus(corpus), HashingEmbedder(64), chunk_size=2), tmp_path / "i")
    reopened = load_index(tmp_path / "i", embedder_id=HashingEmbedder(64).id, chunk_size=2)
    assert all(s.entities is None for s in reopened.sentences)

    annotator = CapitalisedWords()
    retriever = Retriever(reopened, HashingEmbedder(64), annotator=annotator)
    first = retriever.retrieve("What did Zakharova demand?", k=4)
    assert first.sentences and annotator.texts == [e.sentence.text for e in first.sentences]
    for item in first.sentences:
        assert item.sentence.entities == tuple(annotator.entities([item.sentence.text])[0])
    annotator.texts.clear()
    again = retriever.retrieve("What did Zakharova demand?", k=4)
    assert [e.sentence for e in again.sentences] == [e.sentence for e in first.sentences]
    assert annotator.texts == []  # remembered: each sentence is annotated once


def test_a_build_with_an_annotator_stores_entities_and_retrieval_reuses_them(tmp_path):
    corpus = write_corpus(tmp_path / "c")
    at_index = CapitalisedWords()
    index = build_index(load_corpus(corpus), HashingEmbedder(64), chunk_size=2, annotator=at_index)
    assert sorted(at_index.texts) == sorted(s.text for s in index.sentences)
    assert all(s.entities is not None for s in index.sentences)

    at_ask = CapitalisedWords()
    evidence = Retriever(index, HashingEmbedder(64), annotator=at_ask).retrieve("What did Zakharova demand?", k=4)
    assert at_ask.texts == []
    stored = {s.id: s.entities for s in index.sentences}
    assert all(e.sentence.entities == stored[e.sentence.id] for e in evidence.sentences)


def test_both_ways_give_the_same_evidence_entities_with_spacy(tmp_path):
    """The real pipeline: entities found at ask time equal those stored at index time."""
    from briefbot.index.nlp import SpacyAnnotator

    articles = load_corpus(write_corpus(tmp_path / "c"))
    questions = ["What did Zakharova demand?", "What happened at Dover harbour?", "Who won the election?"]
    stored = Retriever(build_index(articles, HashingEmbedder(64), annotator=SpacyAnnotator()), HashingEmbedder(64))
    deferred = Retriever(build_index(articles, HashingEmbedder(64)), HashingEmbedder(64))
    for question in questions:
        assert [e.sentence for e in deferred.retrieve(question).sentences] == \
            [e.sentence for e in stored.retrieve(question).sentences]
