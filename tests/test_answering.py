"""Which evidence sentences are relevant enough to answer (`answer.answering`)."""

from __future__ import annotations

from briefbot.answer.answering import answering
from briefbot.answer.question import analyse

from conftest import evidence_rows

LEAD = "Corvala Central Hospital opened a new maternity wing on Tuesday, with 64 beds and six delivery rooms."
TITLE = "Corvala hospital opens maternity wing"


def test_a_sentence_opening_with_a_pronoun_is_as_relevant_as_the_sentence_before():
    question = analyse("How much did Corvala Central Hospital's new maternity wing cost?")
    detail = evidence_rows([("wing", 0, LEAD, 0.83, TITLE), ("wing", 1, "It cost 46 million dorins, paid for by the "
                                                              "state.", 0.37, TITLE)])
    assert [e.sentence.id for e in answering(detail, question)] == ["wing:s1"]
    # a sentence naming its subject stands on its own score, as does a pronoun after a sentence not in the evidence
    named = evidence_rows([("wing", 0, LEAD, 0.83, TITLE), ("wing", 1, "The state paid 46 million dorins for the "
                                                             "building.", 0.37, TITLE)])
    apart = evidence_rows([("wing", 0, LEAD, 0.83, TITLE), ("wing", 2, "It cost 46 million dorins, paid for by the "
                                                             "state.", 0.37, TITLE)])
    assert answering(named, question) == [] and answering(apart, question) == []
