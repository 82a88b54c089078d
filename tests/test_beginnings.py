"""Whether a sentence tells when what a question asks about began (`answer.beginnings`)."""

from __future__ import annotations

from briefbot.answer.beginnings import tells_beginning
from briefbot.answer.question import analyse

from conftest import evidence_item as item


def test_questions_about_a_beginning_are_recognised():
    assert analyse("When did Tobias Quenell take over as chief executive?").starts
    assert analyse("When did Nikolai Haldane start as head of the fire service?").starts
    assert analyse("When did Quenning's term at the top of the central bank begin?").starts
    assert not analyse("When did the fire service buy new engines?").starts


def test_a_sentence_tells_a_beginning_with_a_date_a_word_for_it_and_what_the_question_names():
    question = analyse("When did Tobias Quenell take over as chief executive of Brannock Foods?")
    assert tells_beginning(question, item("Her successor, Tobias Quenell, took over on 1 January.",
                                          title="Brannock Foods profit rises"))
    assert not tells_beginning(question, item("Tobias Quenell said sales rose on 1 January.",
                                              title="Brannock Foods profit rises"))  # no word for beginning
    assert not tells_beginning(question, item("Her successor took over on 1 January.",
                                              title="Brannock Foods names Tobias Quenell"))  # named only in the title
    assert not tells_beginning(question, item("Tobias Quenell took over the drinks division last year.",
                                              title="Halvard Brewing results"))  # another body


def test_a_founding_is_told_by_a_word_for_founding():
    question = analyse("When was the Dunmarrow Transit Authority set up?")
    assert question.starts and analyse("When was the Orrin Prize founded?").starts
    title = "Steepest tram fare rise for the Dunmarrow Transit Authority"
    assert tells_beginning(question, item("It is the steepest rise since the Dunmarrow Transit Authority was created "
                                          "in 1978.", title=title))
    assert not tells_beginning(question, item("The Dunmarrow Transit Authority raised the fare from 3.10 to 3.40 "
                                              "kellits in January.", title=title))  # a rise "from 3.10" founds nothing
