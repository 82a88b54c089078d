"""`answer.decisions`: a question about a decision is answered only by a sentence that states one."""

from __future__ import annotations

import pytest

from briefbot.answer.answers import answers
from briefbot.answer.decisions import asks_for_decision, asks_for_penalty, states_decision, states_penalty
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
    ("If convicted, Rudanic faces up to six years in prison.", False),  # a possibility
])
def test_a_sentence_states_a_decision(text, decision):
    assert states_decision(text) is decision


def test_a_sentence_stating_no_decision_does_not_answer():
    question = analyse("What did the medicines regulator decide about Omivra?")
    assert not answers(question, item("Omivra slowed memory decline by about a quarter in an 18-month trial, "
                                      "the medicines regulator said."))
    assert answers(question, item("The medicines regulator rejected Omivra, citing brain swelling in trials."))


@pytest.mark.parametrize("question, penalty", [
    ("What sentence did Gideon Feltham get?", True),
    ("former Belcaro mayor Vittorio Castagnel sentence", True),
    ("What sentence did the roofer who stole church lead receive?", True),
    ("How long was Olav Marrable jailed for?", True),
    ("Who was jailed for the raid?", False),  # asks who, not for the sentence
    ("What is the first sentence of the report?", False),
    ("What was the verdict in the Koslow fraud trial?", False),  # a decision, not a penalty
])
def test_a_question_asks_for_a_penalty(question, penalty):
    assert asks_for_penalty(question) is penalty
    assert analyse(question).penalty is penalty


@pytest.mark.parametrize("text, penalty", [
    ("Olav Marrable was jailed for three years and six months on Wednesday.", True),
    ("The landlord was fined 18,000 drals at Kettersby Magistrates' Court.", True),
    ("She was given a suspended sentence and 200 hours of community service.", True),
    ("Gideon Feltham, 58, was convicted on four counts of breaching housing safety rules.", False),
    ("Erik Hollis, 27, and Tomas Venmoor, 31, both of Kettersby, deny robbery.", False),
    ("The judge said he would not be sentenced before March.", False),  # negated: no penalty yet
    ("If convicted, Rudanic faces up to six years in prison.", False),  # a possibility
])
def test_a_sentence_states_a_penalty(text, penalty):
    assert states_penalty(text) is penalty


def test_a_keyword_query_for_a_sentence_asks_for_the_penalty_not_for_the_person_it_names():
    question = analyse("former Belcaro mayor Vittorio Castagnel sentence")
    assert question.answer_type == "open" and question.office is None and not question.current
    assert answers(question, item("Vittorio Castagnel, who was mayor of Belcaro for nine years, was sentenced to "
                                  "four years in prison on Friday."))


def test_a_conviction_without_a_penalty_does_not_answer_what_sentence_was_given():
    question = analyse("What sentence did Gideon Feltham get?")
    assert not answers(question, item("Gideon Feltham, 58, was convicted on four counts of breaching housing "
                                      "safety rules by a jury at Ardmoor District Court."))
    assert answers(question, item("Gideon Feltham was jailed for 18 months at Ardmoor District Court on Friday."))
