"""Evidence saying the asked-for fact was not given (`answer.unstated`) makes the gate decline (`answering.withheld`)."""

from __future__ import annotations

import pytest

from briefbot.answer.answering import answering, withheld
from briefbot.answer.gate import gate
from briefbot.answer.question import analyse
from briefbot.answer.unstated import withholds
from briefbot.types import Evidence

from conftest import evidence_item as item, evidence_rows

FIRE = "What started the fire at the Korvath Timber warehouse?"
# "What started ...?" asks for a cause: the lead says only what came before ("after"), which lets it answer
FIRE_LEAD = "A fire destroyed the Korvath Timber warehouse overnight into Tuesday, after a night of storms."
FIRE_CAUSE = "The cause of the fire is under investigation, the fire service said."


@pytest.mark.parametrize("question, text, expected", [
    (FIRE, FIRE_CAUSE, True),
    ("How much did Stellan Beverages pay for Orla Brewing?", "Neither company would say how much was paid.", True),
    ("How much did Stellan Beverages pay for Orla Brewing?", "The price was not disclosed.", False),  # no asked word
    ("Which animal was supreme champion at the 2018 show?",
     "The supreme championship, normally judged on the last afternoon, was not held this year.", True),
    ("Who was the buyer of the painting?", "The buyer, bidding by telephone, asked not to be named.", True),
    ("Who bought the painting?", "The painting sold for 4.2 million marels.", False),  # says nothing is withheld
    ("How much did the painting sell for?", "The buyer, bidding by telephone, asked not to be named.", False),
    (FIRE, "Nobody was hurt in the fire at Korvath Timber, the company said.", False),
    # the question's word ("paid") is far from what is withheld (when the deal closes): no withheld price
    ("How much did Stellan Beverages pay for Orla Brewing?",
     "Stellan, which paid a record sum for the brewery in its home town of Kessburg three years ago, did not say "
     "when the deal would close.", False),
    # "gave no figure for X": X may be the question's topic itself, but must be what the question asks about
    ("Lowshore rainfall 2019", "Northfell recorded 1,811 millimetres, but the agency gave no figure for Lowshore "
     "because three of its rain gauges were damaged.", True),
    ("Volmar Glass Q2 2020 windows division revenue", "The bottles division held up better at 109 million, the "
     "company said, but it gave no figure for the windows division.", True),
    ("Volmar Glass Q2 2020 windows division revenue", "The windows division held up better at 71 million, but the "
     "company gave no figure for the bottles division.", False),
    # ... or "did not publish a figure" (events62 dev-27, read); not publishing findings withholds no date to publish
    ("Hartwood profit second quarter 2024", "For the first time, Hartwood did not publish a profit figure for the "
     "quarter, saying only that revenue had slowed.", True),
    ("When is the Lantern Court inquiry expected to publish its findings?", "The inquiry has not published its "
     "findings, and a report is now expected in March.", False),
    ("When was Hartwood due to publish its results for the third quarter of 2024?", "For the first time, Hartwood did "
     "not publish a profit figure for the quarter, saying only that revenue had slowed.", False),  # a figure, no date
    # figures still to come withhold them, except from a question asking when they come
    ("emergency line calls first quarter 2020", "The line's figures for the first quarter of this year are due in "
     "April.", True),
    ("When are the emergency line's first-quarter figures due?", "The line's figures for the first quarter of this "
     "year are due in April.", False),
    ("Who is the buyer of Harrowby Ales?", "Its brewery has closed, and no buyer has yet been found for the business.",
     True),
    # "No X was set / given": none was given, so the article's other numbers do not answer
    ("herring quota 2021", "No herring quota was set, because talks with the neighbours broke down.", True),
    ("herring quota 2021", "No decision was announced on the cod fleet.", False),
    ("recorded crime rate Eastdale 2019", "No figure was given for Eastdale, whose police division was redrawn.", True),
    ("recorded crime rate Westdale 2019", "No figure was given for Eastdale, whose police division was redrawn.",
     False),
    # held back, in the active voice: the figure for the question's region (events48 dev-25, read)
    ("Lowen Basin timber harvest 2019", "The service said it had held back the figure for the Lowen Basin until June "
     "after finding errors in the returns of two large estates.", True),
    ("Kirrin Uplands timber harvest 2019", "The service said it had held back the figure for the Lowen Basin until "
     "June after finding errors in the returns of two large estates.", False),
    # not yet able to say: "had not yet been able to say who was behind the attack" (events49 dev-31, read)
    ("Who was behind the cyber attack on Rhossany Post?", "Postmaster General Noor Haverill said the company had not "
     "yet been able to say who was behind the attack, and that police were investigating.", True),
    ("What caused the blaze at Korvath Timber?", "Firefighters were unable to say what caused the blaze.", True),
    ("What caused the blaze at Korvath Timber?", "Firefighters were able to save the sawmill from the blaze.", False),
    # a doer not named withholds who did it (events39 dev-36, read), not what they did
    ("Who was the donor behind the Marlow hospice's new garden?",
     "Some of the money came from the 2019 appeal, and an anonymous donor gave 80,000 dorins towards the garden.", True),
    ("How much did the donor give towards the Marlow hospice's new garden?",
     "Some of the money came from the 2019 appeal, and an anonymous donor gave 80,000 dorins towards the garden.", False),
])
def test_a_sentence_withholds_the_fact_when_it_says_so_in_the_questions_words(question, text, expected):
    assert withholds(analyse(question), item(text, title="Fire at Korvath Timber")) is expected


def _evidence(*items: tuple[str, str, int, float]) -> Evidence:
    """Evidence of (article, text, position, score) items, all under one headline."""
    return evidence_rows([(article, index, text, score, "Warehouse fire") for article, text, index, score in items])


def test_the_gate_declines_when_the_answering_article_says_the_fact_was_not_given():
    question = analyse(FIRE)
    evidence = _evidence(("fire", FIRE_LEAD, 0, 0.65), ("fire", FIRE_CAUSE, 6, 0.47))
    assert withheld(evidence, question, answering(evidence, question)) is not None
    reason = gate(evidence, 0.3, question)
    assert reason is not None and "not given" in reason and "fire:s6" in reason


def test_a_withholding_sentence_of_the_answering_article_counts_whatever_its_score():
    question = analyse(FIRE)
    evidence = _evidence(("fire", FIRE_LEAD, 0, 0.75), ("fire", FIRE_CAUSE, 6, 0.25))  # a third of the best score
    assert withheld(evidence, question, answering(evidence, question)) is not None


def test_another_articles_withholding_sentence_does_not_decline():
    question = analyse(FIRE)
    evidence = _evidence(("fire", FIRE_LEAD, 0, 0.65), ("other", FIRE_CAUSE, 6, 0.47))
    assert withheld(evidence, question, answering(evidence, question)) is None


@pytest.mark.parametrize("question, text, expected", [
    ("Sola 8 Pro price", "A more expensive Sola 8 Pro will follow in November, and its price will be announced then.",
     True),
    ("What will Tarvola's second tram line cost?", "A second line, to Helmiranta Road, is being planned but has no "
     "budget yet.", True),
    ("When will the Harbour Bridge reopen?", "The date of the reopening is yet to be decided, the council said.", True),
    ("How big a reward did the finder of the hoard get?", "The finder and the landowner share a reward, which has "
     "not yet been set.", True),
    ("Sola 8 Pro price", "The Sola 8 Pro will cost 899 selkas and will be announced on 3 October.", False),
    # not decided yet (events68 dev-33, events69 dev-32, read)
    ("Has Ferdinand Luckhurst approved the Skyhold theme park?", "The minister, Ferdinand Luckhurst, has put off until "
     "next spring his decision on whether Skyhold may build a theme park on heathland near Ormsgate.", True),
    ("Which synthetic musks has Orvalia banned?", "The minister for trade will not decide until next year whether to "
     "ban two synthetic musks used in perfumes.", True),
    ("Which synthetic musks has Orvalia banned?", "The minister for trade decided last year to ban two synthetic musks "
     "used in perfumes.", False),
])
def test_a_fact_not_given_yet_is_withheld(question, text, expected):
    assert withholds(analyse(question), item(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Nimbell has not said how much the recall will cost.", False),  # a sum, not a count of bottles
    ("Nimbell has not said how many staff worked on the recall.", False),  # a count of something else
    ("Nimbell has not said how many bottles the recall covers.", True),
    ("Nimbell has not said how large the recall is.", True),
])
def test_a_count_is_withheld_only_by_withholding_that_count(text, expected):
    """What is withheld is told right after the telling verb (events68 dev-07, read)."""
    question = analyse("How many bottles did Nimbell's shampoo recall cover in the end?")
    assert withholds(question, item(text)) is expected


@pytest.mark.parametrize("question, text, expected", [
    ("games spending Ormsay Isles 2012", "Idris Pellow, the council's director, said the figure for the Ormsay "
     "Isles would be published later because two island shops had sent their sales returns late.", True),
    ("Selwood games spending 2018", "Figures for Selwood were held back because of an error in the returns of one "
     "large online shop, said Perrin Achebe.", True),
    # "for the region": the region the sentence names, the question's
    ("Westerlea waterbirds 2019", "Floods kept volunteers away from many wetlands in the Westerlea during this "
     "January's count, and the trust said that it would publish no figure for the region this year.", True),
    ("Fells waterbirds 2019", "Floods kept volunteers away from many wetlands in the Westerlea during this "
     "January's count, and the trust said that it would publish no figure for the region this year.", False),
    ("Selwood games spending 2018", "Figures for Marrick were held back because of an error in the returns.", False),
    # "for that region": the region the sentence names
    ("Middlemark heritage passengers 2023", "The total includes an estimate for Middlemark, whose two largest lines "
     "had not sent in their counts, so no figure was given for that region.", True),
    ("Ravensfell heritage passengers 2023", "The total includes an estimate for Middlemark, whose two largest lines "
     "had not sent in their counts, so no figure was given for that region.", False),
    # undecided whether it will happen again: withholds what is ahead, or whether it is so, not what has been
    ("Which charity ran the drug-testing tent at Ludmere?", "Greyfield Live has not decided whether the tent will "
     "return next summer.", False),
    ("Will the drug-testing tent return to Ludmere next summer?", "Greyfield Live has not decided whether the tent "
     "will return next summer.", True),
    ("Has the government exempted steam coal from the carbon levy?", "The government has not yet decided whether "
     "steam coal will be exempt from the carbon levy.", True),
    # an act not yet announced
    ("Who closed the 2025 Ludmere Festival on the Sunday night?", "The act that will close the festival on the "
     "Sunday has not yet been announced, the festival's director said.", True),
    ("Who headlined the 2025 Ludmere Festival on the Friday?", "The act that will close the festival on the "
     "Sunday has not yet been announced, the festival's director said.", False),
    # a decision still to come
    ("How much will the Marrick bridge toll be in 2026?", "The minister will announce on Monday whether the bridge "
     "toll of 4.50 pellars will rise next year, the ministry said.", True),
    ("How much will the Marrick bridge toll be in 2026?", "The minister will announce on Monday whether the ferry "
     "will keep running.", False),
    ("How much is the Marrick bridge toll?", "The minister will announce on Monday whether the bridge toll of 4.50 "
     "pellars will rise next year, the ministry said.", False),  # the toll now is given
    # the place before "figures"; figures that "would follow" later
    ("Marrick parcels delivered 2014", "Ida Holm, the office's director, said the Marrick figures would be published "
     "later because its depots had only just moved to scanners.", True),
    ("Selwood parcels delivered 2014", "Ida Holm said the Marrick figures would be published later.", False),
    ("Selwood parcels delivered 2014", "Ida Holm said the figures for Selwood would follow in the summer because its "
     "depots had only just moved to scanners.", True),
    ("Selwood games spending 2018", "The figure for Selwood rose to 50 million brasks, but the council did not say "
     "why.", False),
    # not withheld: a release "would be announced later" (another region's, here); a date for when results come
    ("Quorra Lumo 3 release date Asia", "Quorra said a North American release would be announced later.", False),
    ("When will the Midvale drone trial results come out?", "The results of the trial will be published next spring.",
     False),
])
def test_a_figure_for_the_asked_place_held_back_or_published_later_is_withheld(question, text, expected):
    assert withholds(analyse(question), item(text)) is expected


def test_a_sum_withheld_withholds_no_name():
    text = "Neither company would disclose the price paid for the business."
    assert not withholds(analyse("Which company bought Lowvale Sand and Gravel?"), item(text))
    assert withholds(analyse("How much did Brightstone pay for Lowvale Sand and Gravel?"), item(text))
    assert withholds(analyse("Who will run the new plant?"), item("The company did not say who would run the plant."))


def test_a_name_withheld_withholds_no_sum_or_date():
    """"The buyer had asked not to be named" still gives the price the bulb fetched (events64 dev-12, read)."""
    text = "The auction house said the buyer, who paid for the bulb at auction, had asked not to be named."
    assert not withholds(analyse("What price did a single Golden Tesselby snowdrop bulb fetch at auction?"), item(text))
    assert not withholds(analyse("When was the bulb sold at auction?"), item(text))
    assert withholds(analyse("Who bought the bulb at auction?"), item(text))
    assert not withholds(analyse("How much did the sale at auction raise?"),
                         item("The auction house declined to name the buyer of the sale."))


def _dated(evidence: Evidence, published: dict[str, str]) -> Evidence:
    """`evidence` with each sentence dated by its article (`published`: article id -> date)."""
    return evidence.model_copy(update={"sentences": [
        e.model_copy(update={"published": published[e.sentence.article_id]}) for e in evidence.sentences]})


def test_the_best_articles_withholding_sentence_declines_an_answer_from_an_older_weaker_article():
    question = analyse("Who bought the Violet Lark stamp at auction?")
    sold = "A rare Violet Lark stamp sold for 1.9 million ruvels at an auction on Thursday."
    rows = _evidence(("sale", sold, 0, 0.79),
                     ("museum", "The director Anton Pellegrue said Corvin Estates had bought a Violet Lark stamp at "
                                "auction in 1990.", 7, 0.67),
                     ("sale", "The auction house did not name the buyer, who bid by telephone.", 2, 0.54))
    older = _dated(rows, {"sale": "2022-02-17", "museum": "2021-11-15"})
    chosen = answering(older, question)
    assert chosen and chosen[0].sentence.article_id == "museum"
    assert withheld(older, question, chosen) is not None
    # a newer article may give what the best one had not
    newer = _dated(rows, {"sale": "2022-02-17", "museum": "2023-05-02"})
    assert withheld(newer, question, answering(newer, question)) is None


@pytest.mark.parametrize("question, text, expected", [
    # a later edition's article says the survey was not run in the asked year (events56 dev-27, read): its figures
    # are for another year, and the asked one has none
    ("best broadband provider survey 2020", "The council said the survey had been paused in 2020 and 2021 because "
     "of the pandemic, and that 9,700 people took part this year.", True),
    ("What did the 2021 ferry passenger survey find?",
     "The council skipped its 2021 survey because many routes were still running reduced timetables.", True),
    # ... but not for a year it does not name (the article's own year), nor for a question with no year
    ("best broadband provider survey 2022", "The council said the survey had been paused in 2020 and 2021 because "
     "of the pandemic, and that 9,700 people took part this year.", False),
    ("Who won the best broadband provider survey?", "The council said the survey had been paused in 2020 and 2021 "
     "because of the pandemic, and that 9,700 people took part this year.", False),
])
def test_an_edition_not_run_in_the_asked_year_withholds_it(question, text, expected):
    assert withholds(analyse(question), item(text)) is expected
