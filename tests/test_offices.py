"""`answer.offices`: a question about who holds an office is answered only by a sentence that speaks of that
office (or of someone leading, or of a change of holder), in itself, its headline or the sentence before."""

from __future__ import annotations

import pytest

from briefbot.answer.answers import answers
from briefbot.answer.offices import ANY_OFFICE, mentions_office, office_asked
from briefbot.answer.question import analyse
from briefbot.answer.topics import missing_office
from tests.test_answers import item


@pytest.mark.parametrize("question, office", [
    ("Who is the chief executive of Kallinet?", "chief executive"),
    ("Who was Brannock Foods' chief executive before Tobias Quenell?", "chief executive"),
    ("Who is the current director general of the medicines board?", "director general"),
    ("Who replaced Harriet Vollmer as chair of the association?", "chair"),
    ("Who chairs the tourism board?", "chair"),
    ("Who governs Ostmere Province?", "governor"),
    ("Who currently directs the Tarvola Marathon?", "director"),
    ("Who is the Brennan Agricultural Society's secretary now?", "secretary"),
    ("Who is commodore of the Harbour Yacht Club?", "commodore"),
    ("Who presides over the Assembly these days?", ANY_OFFICE),
    ("Who is in charge of Kallinet now?", ANY_OFFICE),
    ("Who ran Halvik Motors before Mirela Antic?", ANY_OFFICE),
    ("Who won the 2022 prize for physics?", None),
    ("Who said the head of state was ill?", None),  # a speaker, not a holder
    ("Who is Keith Kellogg?", None),
    ("Who is at the head of the firefighters' union at the moment?", ANY_OFFICE),  # a head is whoever runs it
    ("Who is the head coach of Rovers?", "head coach"),
    ("Which politician is currently responsible for the arts in Taldoria?", "minister"),  # a politician in charge
    ("Which official is in charge of the port these days?", ANY_OFFICE),
    ("Which politician said the port would close?", None),  # a speaker
    ("Who is Keeper of the State Archive now?", "keeper"),
    ("Who is the attorney general?", "attorney general"),
    ("Who held the fisheries job before Leontine Faulds?", ANY_OFFICE),  # a post named by its field
    ("Who had the sea ministry before Ruairi Tallack took over?", "minister"),
    ("Who had the most votes?", None), ("Who held the record before Ann Lee?", None),
])
def test_the_office_a_question_asks_about(question, office):
    assert office_asked(question) == office


def test_a_keyword_query_names_its_office():
    assert office_asked("National Medicines Board director general", keyword_query=True) == "director general"
    assert office_asked("Kallinet outage fine", keyword_query=True) is None
    assert office_asked("Homes Calvessa boss", keyword_query=True) == "boss"  # a company's boss: its chief executive
    assert office_asked("current head of the insurers' association", keyword_query=True) == ANY_OFFICE
    assert office_asked("State Archive keeper now", keyword_query=True) == "keeper"


def test_one_who_will_lead_a_body_is_its_holder():
    assert mentions_office(ANY_OFFICE, "Cosmo Threadgold will lead the Association of Tressalian Insurers from 1 June.")
    assert not mentions_office(ANY_OFFICE, "Cosmo Threadgold said the lead in the pipes was old.")


def test_the_analysed_question_carries_the_office_and_asks_for_the_holder_now():
    question = analyse("Who presides over the Vestrand Assembly these days?")
    assert question.office == ANY_OFFICE and question.current
    assert analyse("When did Tobias Quenell take over as chief executive?").office is None  # asks for a date


@pytest.mark.parametrize("office, text, expected", [
    ("director general", "Director general Konstantin Bregovar said the board would publish its assessment.", True),
    ("director general", "The board is due to decide by April whether to approve Omivra, from Ferrand Labs.", False),
    ("chair", "The chairwoman, Ines Aalto, opened the meeting.", True),
    ("chief executive", "The company's CEO, Selma Roark, said sales had grown.", True),
    (ANY_OFFICE, "Speaker Sunniva Kael said she had allowed extra time for debate.", True),
    (ANY_OFFICE, "The board named Mirela Antic as his successor from 1 January.", True),
    (ANY_OFFICE, "Piet Sorensby, who has led Halvik since 2014, will step down.", True),
    (ANY_OFFICE, "The Assembly approved the Rent Control Bill by 101 votes to 96.", False),
    (ANY_OFFICE, "The company moved its headquarters to Quellport.", False),  # "head" is a word, not a prefix
])
def test_a_text_speaks_of_the_office(office, text, expected):
    assert mentions_office(office, text) is expected


def test_a_sentence_naming_no_office_does_not_answer_who_holds_it():
    question = analyse("National Medicines Board director general")
    lookalike = item("The National Medicines Board is due to decide by the end of April whether to approve Omivra, "
                     "an Alzheimer's treatment from Ferrand Laboratories, officials said on Monday.")
    holder = item("Director general Konstantin Bregovar said the board would publish its full assessment.",
                  title="National Medicines Board delays Omivra decision")
    assert missing_office(question, lookalike) == "director general"
    assert not answers(question, lookalike)
    assert missing_office(question, holder) is None
    assert answers(question, holder)


def test_the_office_may_be_named_in_the_headline():
    question = analyse("Who is in charge of Kallinet now?")
    text = "Yara Delacourt, 44, joined from a software company in 2015."
    assert missing_office(question, item(text, title="Kallinet names Yara Delacourt chief executive")) is None
    assert missing_office(question, item(text, title="Kallinet outage hits millions")) == ANY_OFFICE


def test_taking_over_as_another_office_is_no_spot_of_the_asked_one():
    from briefbot.answer.offices import office_spots
    text = "Kasper Lowersby, who took over as general secretary of the teachers' union on Monday, said pay mattered."
    assert office_spots("minister", text) == []  # a union's secretary, not the education minister
    assert office_spots("secretary", text) and office_spots(ANY_OFFICE, text)
    assert office_spots("chief executive", "She took over as the company's chief executive in May.")
    assert office_spots("director", "Cosima Hebblethwaite, who has run the zoo since February, watched.")
