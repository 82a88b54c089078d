"""Whether a sentence names the holder of the office a question asks about (`answer.holders`)."""

from __future__ import annotations

from briefbot.answer.holders import names_holder
from briefbot.answer.question import analyse

from conftest import evidence_item as item


def test_a_holder_is_named_by_the_office_near_the_name_in_an_article_about_the_body():
    question = analyse("Skerrline chief executive")
    assert names_holder(question, item("Chief executive Declan Moorcroft said the ships would cut fuel bills.",
                                       title="Skerrline orders two battery ferries"))
    assert not names_holder(question, item("Chief executive Declan Moorcroft said the ships would cut fuel bills.",
                                           title="Norvane plans a solar park"))  # another body's chief
    assert not names_holder(question, item("Skerrline carried 1.7 million passengers, Declan Moorcroft said.",
                                           title="Skerrline record"))  # no office near the name


def test_a_former_holder_or_a_question_about_no_office_names_no_holder():
    question = analyse("Who is in charge of Veltra Energy today?")
    assert not names_holder(question, item("The trial of former Veltra Energy chief executive Edvard Koslow opened."))
    assert names_holder(question, item("Veltra, now led by chief executive Harriet Lunde, said it was cooperating.",
                                       title="Veltra Energy investors sue"))
    assert not names_holder(analyse("Where is Veltra Energy based?"), item("Veltra chief executive Harriet Lunde spoke."))
