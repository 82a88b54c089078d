"""The learned answer model: signals, the shipped weights, and the gate that declines on its verdict."""

from __future__ import annotations

import json

import pytest

from briefbot.answer.question import analyse
from briefbot.answer.signals import FEATURES, MODEL_FILE, AnswerScorer, default_scorer, signals
from briefbot.answer.gate import gate
from briefbot.index.nlp import SpacyAnnotator
from briefbot.types import Evidence, EvidenceSentence, Sentence


def evidence(*texts: str, title: str = "Marathon results", published: str = "2021-04-11") -> Evidence:
    items = []
    for n, text in enumerate(texts, start=1):
        entities = tuple(SpacyAnnotator().entities([text])[0])
        sentence = Sentence(id=f"a:s{n}", article_id="a", index=n, text=text, start=0, end=len(text), entities=entities)
        items.append(EvidenceSentence(number=n, sentence=sentence, title=title, score=0.9 - 0.1 * n, lexical=0.8,
                                      dense=0.6, published=published))
    return Evidence(question="", sentences=items)


def test_signals_follow_the_feature_list():
    question = analyse("Who won the women's race in 2021?")
    found = evidence("Jane Okoro won the women's race in 2021.", "The race started in light rain.")
    row = signals(question, found, found.sentences[0])
    assert len(row) == len(FEATURES)
    named = dict(zip(FEATURES, row))
    assert named["candidate"] == 1.0 and named["qualifiers"] == 1.0 and named["first"] == 1.0
    other = dict(zip(FEATURES, signals(question, found, found.sentences[1])))
    assert other["candidate"] == 0.0 and other["first"] == 0.0


def test_hedged_sentences_are_marked():
    question = analyse("Who won the race?")
    found = evidence("Jane Okoro is expected to win the race on Sunday.")
    assert dict(zip(FEATURES, signals(question, found, found.sentences[0])))["hedged"] == 1.0


def test_the_shipped_model_matches_the_signals():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert data["fitted_on"]["split"] == "dev"
    scorer = default_scorer()
    assert scorer is not None and 0.0 < scorer.threshold < 1.0


def test_a_model_for_other_features_is_refused():
    with pytest.raises(ValueError, match="refit"):
        AnswerScorer([0.0, 1.0], 0.5, features=("bias", "score"))


def test_the_answering_sentence_scores_above_a_look_alike():
    scorer = default_scorer()
    question = analyse("Who won the women's race in 2021?")
    found = evidence("Jane Okoro won the women's race in 2021.", "Last year the race was cancelled because of floods.")
    assert scorer.probability(question, found, found.sentences[0]) > scorer.probability(question, found, found.sentences[1])


@pytest.mark.parametrize("threshold, declines", [(0.999, True), (0.0, False)])
def test_gate_declines_under_the_models_threshold(threshold, declines):
    scorer = AnswerScorer([0.0] * len(FEATURES), threshold)  # p = 0.5 for every sentence
    question = analyse("Who won the women's race in 2021?")
    found = evidence("Jane Okoro won the women's race in 2021.")
    reason = gate(found, 0.1, question, scorer=scorer)
    assert (reason is not None and "likely to answer" in reason) is declines
