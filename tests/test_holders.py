"""Whether a sentence names the holder of the office a question asks about (`answer.holders`)."""

from __future__ import annotations

from briefbot.answer.holders import (anchor_query, anchor_replaces, anchors_on_holder, holder_terms, names_holder,
                                     tells_vacancy)
from briefbot.answer.answers import candidates
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


def test_a_body_named_by_its_kind_is_named_by_a_name_holding_its_other_words():
    question = analyse("Who is running the medicines regulator at the moment?")
    named = item("Medicines Authority chief executive Ottoline Fairbrass said inspectors had visited the plant.",
                 title="Inspectors visit Wraxby plant")
    assert names_holder(question, named)
    other = item("Water Authority chief executive Ivo Brand said inspectors had visited the plant.",
                 title="Inspectors visit Wraxby plant")
    assert not names_holder(question, other)  # another regulator: no word of the question in its name
    named = analyse("Who is in charge of the Fisheries Inspectorate these days?")
    assert not names_holder(named, item("Lorcan Gilchrist, the chair of the Fishermen's Federation, said the ban "
                                        "would hurt.", title="Fisheries minister to set quotas",
                                        lead="Fisheries minister Jago Pallister will announce quotas on Monday."))


def test_the_verb_asking_for_the_holder_is_not_a_word_of_the_body():
    question = analyse("Who currently directs the Tarvola Marathon?")
    assert names_holder(question, item("Race director Sanna Ristala said next year's race would start with a "
                                       "minute's silence.", title="Olli Kesmaa, founder of the Tarvola Marathon, dies"))


def test_a_former_holder_or_a_question_about_no_office_names_no_holder():
    question = analyse("Who is in charge of Veltra Energy today?")
    assert not names_holder(question, item("The trial of former Veltra Energy chief executive Edvard Koslow opened."))
    assert names_holder(question, item("Veltra, now led by chief executive Harriet Lunde, said it was cooperating.",
                                       title="Veltra Energy investors sue"))
    assert not names_holder(analyse("Where is Veltra Energy based?"), item("Veltra chief executive Harriet Lunde spoke."))


def test_holder_terms_are_the_body_and_the_office():
    assert holder_terms(analyse("Who chairs Aldwick Water now?")) == ["aldwick", "water", "chair"]
    assert "director" in holder_terms(analyse("Who is in charge of the national weather bureau now?"))


def test_a_vacancy_is_a_holder_leaving_or_no_successor_named_in_an_article_about_the_body():
    question = analyse("Who chairs Aldwick Water now?")
    about = "Aldwick Water chair resigns"
    assert tells_vacancy(question, item("Mira Holt has resigned as chair with immediate effect.", title=about))
    assert tells_vacancy(question, item("The board has not yet named a successor.", title=about,
                                        before="Mira Holt has resigned as chair with immediate effect."))
    assert not tells_vacancy(question, item("Mira Holt has resigned as chair with immediate effect.",
                                            title="Harlow Mills chair resigns"))  # another body
    assert not tells_vacancy(question, item("Chair Mira Holt said leaks had fallen.", title="Aldwick Water leaks"))
    assert not tells_vacancy(analyse("Where is Aldwick Water based?"),
                             item("Mira Holt has resigned as chair.", title=about))  # no office asked


def test_an_anchored_question_reads_the_sentence_telling_of_the_anchor_as_context():
    question = analyse("Who was running the Port of Orlesk when Quay 9 opened?")
    opening = "A new container terminal at the Port of Orlesk opened on Friday."
    holder = item('"This quay will carry us," chief executive Arvid Marrable told guests at the opening.',
                  title="Quay 9 opens at Orlesk")
    assert not names_holder(question, holder)  # "port" is in no part of its own context
    assert names_holder(question, holder.model_copy(update={"anchor": opening}))
    # the anchor's own words need not be there ("opened"), the body's must ("Orlesk", "port")
    assert not names_holder(question, item("Chief executive Arvid Marrable spoke.", title="Harlow Mills"
                                           ).model_copy(update={"anchor": "Quay 9 opened on Friday."}))


def test_an_anchored_holder_is_the_subject_of_leading_not_a_place_after_it():
    question = analyse("Who ran Skerrline when its ferry link to Cadora was launched?")
    lead = "Skerrline will begin a direct service to Cadora."
    assert not names_holder(question, item("Skerrline already runs services from Saltreach to Skerra.",
                                           title="Skerrline to sail to Cadora").model_copy(update={"anchor": lead}))
    assert names_holder(question, item("Oona Feltham, who has led Skerrline since 2015, said demand was strong.",
                                       title="Skerrline to sail to Cadora").model_copy(update={"anchor": lead}))
    assert names_holder(question, item('"Cadora was missing," said Oona Feltham, Skerrline\'s chief executive.',
                                       title="Skerrline to sail to Cadora").model_copy(update={"anchor": lead}))


def test_the_holder_before_an_anchored_holder_is_the_one_replaced():
    before = analyse("Who was fisheries minister before Dana Voyle?")
    assert before.precedes and not analyse("Who was fisheries minister after Dana Voyle?").precedes
    lead = "Dana Voyle was appointed fisheries minister on Monday."
    replaced = item("She replaces Aron Kestle, who had held the job since 2016.", title="Voyle gets fisheries",
                    before=lead).model_copy(update={"anchor": lead})
    assert names_holder(before, replaced)
    assert not names_holder(analyse("Who was fisheries minister after Dana Voyle?"), replaced)
    # only a pronoun opening the sentence is the anchor: after another's name it is theirs
    assert anchor_replaces(before, "She replaces Aron Kestle.", lead)
    assert not anchor_replaces(before, "Kestle said she would replace the old fleet.", lead)


def test_the_holder_before_a_named_holder_is_not_the_one_someone_else_replaced():
    question = analyse("Who ran the Corrow Museum before Edda Hallam?")
    lead = "Pia Hallam, the curator of the Lisk Gallery, will become director of the Tarn Archive in May."
    other = item("She replaces Bram Tolley, who is retiring.", title="Tarn Archive director", before=lead)
    assert [c.text for c in candidates(question, other)] == []  # his daughter's predecessor, not Edda Hallam's
    named = item("Rune Ostby was appointed director on Monday, replacing Bram Tolley.", title="Corrow Museum")
    assert [c.text for c in candidates(question, named)] == ["Rune Ostby"]  # Tolley came before Ostby
    own = "Edda Hallam, the curator of the Lisk Gallery, will become director of the Corrow Museum in May."
    assert "Bram Tolley" in [c.text for c in candidates(question, item("She replaces Bram Tolley, who is retiring.",
                                                                       title="Corrow Museum", before=own))]
    assert "Bram Tolley" in [c.text for c in candidates(question, item(
        "Hallam replaces Bram Tolley, who is retiring.", title="Corrow Museum"))]
    after = item("He will be succeeded on 1 May by Bram Tolley.", title="Corrow Museum", before=own)
    assert "Bram Tolley" not in [c.text for c in candidates(question, after)]  # he came after her
    for text in ("His successor is Bram Tolley, who takes over in May.", "The museum has appointed Bram Tolley, a "
                 "former curator, as its director."):
        assert "Bram Tolley" not in [c.text for c in candidates(question, item(text, title="Corrow Museum"))]
    unnamed = "On Thursday the National Heritage Office named him director of the Corrow Museum."
    assert "Bram Tolley" in [c.text for c in candidates(question, item("He succeeds Bram Tolley.", title="Corrow Museum",
                                                                       before=unnamed))]  # no one else named
    later = item("The museum said that Rune Ostby, its finance director, would succeed Edda Hallam as director in May.")
    assert "Rune Ostby" not in [c.text for c in candidates(question, later)]  # he comes after her


def test_the_anchor_search_is_the_anchor_with_the_body_and_for_a_holder_the_office():
    before = analyse("Who was rector of the University of Lanthorne before Noor Haddenfeld?")
    assert anchors_on_holder(before)
    assert anchor_query(before) == "Noor Haddenfeld University of Lanthorne rector"
    event = analyse("Who was Virkon's chief executive when the Sola 5 came out?")
    assert not anchors_on_holder(event)
    assert anchor_query(event).startswith("the Sola 5 came out") and "chief executive" not in anchor_query(event)


def test_a_top_title_names_whoever_runs_a_body_a_lesser_office_does_not():
    from briefbot.answer.holders import names_top_holder
    question = analyse("Who is in charge of Gullwing Interactive at present?")
    assert names_top_holder(question, item("Chief executive Conrad Ilves said no tester would be made redundant."))
    assert not names_top_holder(question, item("General secretary Marek Sowande said the vote would close."))
    assert not names_top_holder(analyse("Gullwing Interactive general secretary"),
                                item("Chief executive Conrad Ilves said no tester would be made redundant."))


def test_who_has_run_a_body_names_its_holder():
    question = analyse("current director of Wrenford Zoo")
    assert names_holder(question, item("Cosima Hebblethwaite, who has run the zoo since February last year, watched "
                                       "the birth.", title="A calf for Nandini",
                                       lead="The night keeper at Wrenford Zoo's elephant house radioed for help."))


def test_the_words_of_a_phrase_saying_now_are_not_the_body_s():
    question = analyse("Who is the mayor of Orlesk at the moment?")
    assert names_holder(question, item("Mayor Bettina Ravn said she had been wrong.",
                                       title="Harbourside Concert Hall opens in Orlesk"))
    assert "moment" not in holder_terms(question)
    assert "right" not in holder_terms(analyse("Who's heading the chefs' guild right now?"))
    assert not names_holder(question, item("Mayor Bettina Ravn said she had been wrong.",
                                           title="Harbourside Concert Hall opens in Quellport"))  # another town


def test_a_holder_name_the_tagger_calls_a_product_or_nationality_is_still_a_name():
    from briefbot.answer.answers import candidates
    from briefbot.types import Entity
    text = "Yusuf Iqbal, the chief executive, said the work would start next year."
    tagged = item(text, title="Gallant Resources to deepen its mine")
    mistaken = tagged.model_copy(update={"sentence": tagged.sentence.model_copy(
        update={"entities": (Entity(label="PRODUCT", start=0, end=11, text="Yusuf Iqbal"),)})})
    question = analyse("Who is running Gallant Resources these days?")
    assert [c.text for c in candidates(question, mistaken)] == ["Yusuf Iqbal"]
    assert names_holder(question, mistaken)
    assert not candidates(analyse("Who built the Lumo 3?"),  # no holder asked: a product stays a product
                          mistaken.model_copy(update={"sentence": mistaken.sentence.model_copy(
                              update={"text": "The Lumo 3 costs 239 euros.", "entities": (
                                  Entity(label="PRODUCT", start=4, end=10, text="Lumo 3"),)})}))


def test_the_anchor_replacing_someone_is_told_by_its_surname_or_a_pronoun_after_a_sentence_naming_it():
    question = analyse("Who was Chief Forester before Tamsin Yeadon?")
    assert anchor_replaces(question, "Yeadon, 44, succeeds Piers Tebbutt.", None)
    assert anchor_replaces(question, "She replaces Piers Tebbutt, who resigned last August.",
                           "Yeadon, 44, has led the Sabrel Coast district since 2018.")
    assert not anchor_replaces(question, "She succeeds Ivo Spurling, who is retiring.",
                               "Morag Ashgrove will become chief executive on 1 April.")  # someone else
    assert not anchor_replaces(question, "The bill replaces the Forest Act of 1974.", "Yeadon spoke.")


def test_the_one_the_anchor_replaced_held_its_office_though_the_sentence_names_neither_office_nor_body():
    question = analyse("Which Chief Forester did Tamsin Yeadon replace?")
    replaced = item("She replaces Piers Tebbutt, who resigned last August after an audit.",
                    title="Ecologist to lead State Forests", before="Yeadon, 44, has led the Sabrel Coast district.")
    assert names_holder(question, replaced)
    other = item("She replaces Piers Tebbutt, who resigned last August after an audit.",
                 title="Ecologist to lead State Forests", before="Morag Ashgrove has led the Sabrel Coast district.")
    assert not names_holder(question, other)


def test_taking_office_is_the_holder_named_before_a_verb_of_becoming_or_after_one_of_appointing():
    from briefbot.answer.holders import tells_taking_office

    question = analyse("Who chairs the Savrenne Fashion Council now?")
    title = "Savrenne Fashion Council elects a chair"
    assert tells_taking_office(question, item("Clemence Achterberg, who runs the weaving company Harbour Cloth, was "
                                              "elected chair of the Savrenne Fashion Council on Tuesday.",
                                              title=title), "Achterberg")
    assert tells_taking_office(question, item("Clemence Achterberg will become chair of the Savrenne Fashion Council "
                                              "on 1 July.", title=title), "Achterberg")
    assert tells_taking_office(question, item("The Savrenne Fashion Council has elected Clemence Achterberg as its "
                                              "chair.", title=title), "Achterberg")
    # a mention of the holder, someone else's appointment, another body's office: none tells of her taking it
    assert not tells_taking_office(question, item("Clemence Achterberg, the chair of the Savrenne Fashion Council, "
                                                  "said exports fell.", title=title), "Achterberg")
    assert not tells_taking_office(question, item("Idris Mallender was elected chair of the Savrenne Fashion Council "
                                                  "on Tuesday.", title=title), "Achterberg")
    assert not tells_taking_office(question, item("Clemence Achterberg was elected chair of the Wickenden Rowing Club "
                                                  "on Tuesday.", title="Rowing club elects a chair"), "Achterberg")


def test_the_words_asking_which_politician_is_responsible_are_no_words_of_the_body():
    question = analyse("Which politician is currently responsible for the arts in Taldoria?")
    minister = item("The arts minister, Fergus Athelney, said on Tuesday that the review will report next spring.",
                    title="Taldoria booking fee review delayed")
    assert names_holder(question, minister)  # neither "politician" nor "responsible" need be in its article
