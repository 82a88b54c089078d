"""`answer.polarity`: a question about what is not so is answered only by a sentence that says something is not
so (SQuAD 2.0's unanswerables often insert a negation into an answerable question)."""

from __future__ import annotations

import pytest

from briefbot.answer.answers import answers, wrong_polarity
from briefbot.answer.polarity import asks_negated, states_negation, swapped_opposite
from briefbot.answer.question import analyse
from tests.test_answers import item


@pytest.mark.parametrize("question, negated", [
    ("What did the Treaties not seek to do since its foundation?", True),
    ("Where are clinical pharmacists not allowed to work with patients?", True),
    ("Where wasn't there a weakness in the British supply chain?", True),
    ("What types of outcomes do pharmacists never have with their patients?", True),
    ("What did the Treaties seek to do since its foundation?", False),
    ("Which firms were not only fined but also banned?", False),  # "not only" asks nothing negative
    ("Did the court decide whether or not to hear the case?", False),
])
def test_a_question_asks_about_what_is_not_so(question, negated):
    assert asks_negated(question) is negated
    assert analyse(question).negated is negated


@pytest.mark.parametrize("text, negated", [
    ("Breathing pure oxygen at low pressure causes no damage.", True),
    ("The council refused to approve the plan.", True),
    ("Smoking is banned in all stations.", True),
    ("The museum did not reopen until May.", True),
    ("Since its foundation, the Treaties sought to enable people to move freely.", False),
    ("The firm disclosed its results and invested in industrial plants.", False),
])
def test_a_text_says_something_is_not_so(text, negated):
    assert states_negation(text) is negated


def test_a_positive_statement_does_not_answer_a_negated_question():
    question = analyse("What did the Treaties not seek to do since their foundation?")
    positive = item("Since their foundation, the Treaties sought to enable people to pursue their goals in any country.")
    assert wrong_polarity(question, positive)
    assert not answers(question, positive)
    negative = item("Since their foundation, the Treaties did not seek to harmonise taxes.")
    assert not wrong_polarity(question, negative)
    assert not wrong_polarity(question, item("They harmonised nothing else.", before="The Treaties did not seek it."))


@pytest.mark.parametrize("question, text, context, swapped", [
    ("What asks a more specific question about all algorithms?",
     "The latter asks a more general question about all possible algorithms.", "", "specific"),
    ("What is often associated with the transfer of cold?", "Such forces are associated with the transfer of heat.", "",
     "cold"),
    ("Who won the first race?", "Marta Quill won the first race after the last one was cancelled.", "", None),
    ("What is the largest city?", "The smallest district borders the largest city.", "", None),  # both said
    ("What did the eastern region vote?", "The western region voted to stay.", "Eastern region votes", None),
    # a mill that started again says nothing of when it stopped (events48 dev-14, read)
    ("When did the old sawmill in Rendle stop running?", "A sawmill built in 1864 has started cutting timber again.",
     "", "stop"),
    ("When did the old sawmill in Rendle stop running?", "It stopped working in 1958.", "", None),
    # "before" and "after" are opposites only about the same thing (events63 dev-12, read)
    ("How much was spent on the museum before it reopened in 2016?",
     "The museum reopened on Friday after a two-year refurbishment that cost 3.4 million mirrels.", "", None),
    ("What did the coach say before the match?", "After the match, the coach said the team had played well.", "",
     "before"),
])
def test_a_question_that_swaps_in_an_opposite(question, text, context, swapped):
    assert swapped_opposite(question, text, context) == swapped


def test_a_sentence_holding_the_opposite_does_not_answer():
    question = analyse("What are often associated with the transfer of cold?")
    assert wrong_polarity(question, item("Nonconservative forces are often associated with the transfer of heat."))


def test_before_placing_a_holder_by_the_anchor_is_no_property_to_share():
    # "before" places the holder asked for by the anchor's start; the successor sentence's "after five years" is no
    # opposite of it
    question = analyse("Who was chief medical officer before Tobiah Kasselring?")
    assert question.anchor
    succeeds = item("He succeeds Selma Orrick, who is leaving after five years to lead the Global Immunisation Council.",
                    before="Tobiah Kasselring will be Tamsara's next chief medical officer, the ministry said.")
    assert not wrong_polarity(question, succeeds)
    # ... nor when no office is named ("held the ministry"): a succession asked about all the same
    ministry = analyse("Who held the transport ministry before Tobiah Kasselring?")
    assert not wrong_polarity(ministry, succeeds)
    # a question with no anchor keeps its before/after opposites
    assert wrong_polarity(analyse("What was built before the war?"), item("A new bridge was built after the war."))


def test_a_word_describing_a_name_has_its_opposite_only_where_it_describes_that_name():
    """"the old Kelderby line": "a young man" in the answer describes someone else; "the last Kelderby train" is the
    opposite of "the first Kelderby train"."""
    from briefbot.answer.polarity import swapped_opposite
    assert swapped_opposite("When did Ezra Pollitt ride the last train on the old Kelderby line?",
                            "Pollitt, 71, was a young man of 22 when he rode the last train in 1966.") is None
    assert swapped_opposite("When did the first Kelderby train run?", "The last Kelderby train ran in 1966.") == "first"
    assert swapped_opposite("When did the first train run?", "The last train ran in 1966.") == "first"
