"""`answer.decisions`: a question about a decision is answered only by a sentence that states one."""

from __future__ import annotations

import pytest

from briefbot.answer.answers import answers
from briefbot.answer.decisions import asks_for_decision, states_decision
from briefbot.answer.question import analyse
from tests.test_answers import item


@pytest.mark.parametrize("question, decision", [
    ("What did the regulator decide about Omivra?", True),
    ("What did the safety office conclude about the Lumen battery fires?", True),
    ("What was the verdict in the Koslow fraud trial?", True),
    ("Koslow trial verdict", True),
    ("What did Lavrov say about the talks?", False),
    ("What was the turnout?", False),
    ("When did the court rule?", False),  # asks when, not what
])
def test_a_question_asks_for_a_decision(question, decision):
    assert asks_for_decision(question) is decision
    assert analyse(question).decision is decision


@pytest.mark.parametrize("text, decision", [
    ("The National Medicines Board approved Corvalex for adults on Wednesday.", True),
    ("The jury found Koslow guilty of fraud and false accounting.", True),
    ("The Bank of Arnovia kept its benchmark rate unchanged at 5 per cent.", True),
    ("Omivra slowed memory decline by about a quarter in an 18-month trial.", False),  # "decline" is a noun here
    ("The investigation, which the office opened last summer, has not yet concluded.", False),
    ("A decision on the appeal is expected from the inspectorate in the summer.", False),
    ("The trial opened on Monday, with prosecutors telling the court he had ordered the losses hidden.", False),
])
def test_a_sentence_states_a_decision(text, decision):
    assert states_decision(text) is decision


def test_a_sentence_stating_no_decision_does_not_answer():
    question = analyse("What did the medicines regulator decide about Omivra?")
    assert not answers(question, item("Omivra slowed memory decline by about a quarter in an 18-month trial, "
                                      "the medicines regulator said."))
    assert answers(question, item("The medicines regulator rejected Omivra, citing brain swelling in trials."))
