"""The question's form beyond time and counts: answer-type words, measured attributes, what a speaker is
asked about, opinions held by a place's government, and past events stated only as possibilities."""

from __future__ import annotations

import pytest

from briefbot.answer.answer_kind import QUANTITY, answer_type_terms
from briefbot.answer.question_form import answers_form, counts, form_of, measures, names_cause, states_as_fact
from briefbot.answer.speech import mentions_topic, speaks


@pytest.mark.parametrize("question, terms", [
    ("What position does Hegseth hold?", ("position",)),
    ("Which news outlet reported the plan?", ("new", "outlet")),
    ("Which city hosted the summit?", ("city",)),  # "hosted" is the verb, not a type word
    ("In what year did Putin annex Crimea?", ("year",)),
    ("What sanctions has the US imposed?", ()),  # a fact to find, not a generic type noun
    ("What did Zakharova demand?", ()),
    ("Who is Lavrov?", ()),
])
def test_answer_type_terms(question, terms):
    assert answer_type_terms(question) == terms


def test_a_measured_attribute_needs_a_number_near_it():
    form = form_of("What is the population of Ukraine?")
    assert (form.kind, form.measured) == (QUANTITY, ("population",))
    assert answers_form(form, "Ukraine has a population of about 38 million people.")
    assert not answers_form(form, "Russia has seized some 20 per cent of Ukraine.")  # a number, of something else
    assert measures((), "anything")
    # ... or after "the amount of" it (events50 dev-06, read)
    waste = form_of("How much uncollected waste has built up because of the strike?")
    assert answers_form(waste, "The amount of waste left uncollected by the strike in Brennock has risen to about "
                               "9,200 tonnes, the council said.")
    # "What profit did X make?" asks for a figure of profit, as "How much profit ...?" does (events56 dev-37, read):
    # revenue is another figure
    profit = form_of("What profit did Telvara make in the third quarter of 2015?")
    assert (profit.kind, profit.measured) == (QUANTITY, ("profit",))
    assert not answers_form(profit, "Telvara's revenue was 598 million lunets in the third quarter, down 1 per cent.")
    assert answers_form(profit, "Telvara made a profit of 41 million lunets in the third quarter.")
    # a price is told by what a thing was sold or bought for, however far the thing stands from the sum (events57
    # dev-06, read)
    land = form_of("Merriton racecourse land sale price")
    assert answers_form(land, "The club sold the land to a house builder for 31 million tessens in 2019.")
    assert not answers_form(land, "The land was sold to a builder employing 31 people.")  # no sum it went for
    # ... even after a long description of it (events67 dev-05, read)
    crag = form_of("Brenna Tor purchase price")
    assert answers_form(crag, "The Daravian Alpine Club has bought Brenna Tor, a limestone crag near Askerby with more "
                              "than 300 climbing routes, for 340,000 stenns.")
    assert not answers_form(waste, "The amount of paper sent to the mill by the northern councils fell to 9,200 "
                                   "tonnes last year, the council said, though uncollected waste is a worry.")


@pytest.mark.parametrize("question, speakers, topic", [
    ("What did the GUR agency say about Crimea?", ("GUR", "agency"), ("crimea",)),  # names + a person noun
    ("What did the US defence chief tell them?", ("US", "chief"), ()),  # an acronym in capitals is a name
    ("What does the alliance's mutual defence clause say?", (), ()),  # a text, not a speaker
    ("what did zakharova say?", ("zakharova",), ()),  # a lone word is the speaker, capitals or not
    ("How did the other defence ministers in Brussels react?", ("minister",), ()),  # else its head noun
    ("What has Georgia's government said about the demand?", ("georgia", "government"), ("demand",)),
    ("What did Zelensky and Keith Kellogg agree on?", ("zelensky", "keith", "kellogg"), ()),
    ("How did Zelensky respond to Hegseth's remarks in Brussels?", ("zelensky",), ("hegseth", "brussel")),
    ("What does Lavrov think of NATO troops?", ("lavrov",), ("nato", "troop")),
    ("How does the Kremlin regard the prospect of Ukraine joining?", ("kremlin",), ()),
    ("What did Zakharova demand?", ("zakharova",), ()),
])
def test_speech_questions_name_a_speaker_and_maybe_a_topic(question, speakers, topic):
    form = form_of(question)
    assert (form.speakers, form.topic) == (speakers, topic)


def test_a_speaker_must_speak_about_the_topic_asked():
    form = form_of("What did the GUR agency say about Crimea?")
    assert not answers_form(form, "'Russia is preparing to declare victory,' said the GUR agency today.")
    assert answers_form(form, "Crimea will never be Russian, said the GUR agency today.")


def test_a_response_must_be_to_the_thing_asked_about():
    form = form_of("How did Zelensky respond to Hegseth's remarks?")
    assert not answers_form(form, "Zelensky has repeatedly called for his country to be admitted.")
    assert answers_form(form, "Zelensky responded that Hegseth was wrong.")


def test_a_quote_attributed_by_pronoun_may_carry_the_topic_in_either_sentence():
    form = form_of("What did Pike say about the sea wall?")
    assert answers_form(form, "'It held,' he said.", before="Alan Pike said the sea wall was tested.")
    assert not answers_form(form, "'It held,' he said.", before="Alan Pike said the ferries stopped.")


def test_a_place_speaks_through_its_other_names():
    assert speaks(("kremlin",), "Russia has said in no uncertain terms that it objects.")
    assert speaks(("washington",), "The White House said the plan was under review.")
    assert not speaks(("kremlin",), "Zelensky said Russia must withdraw.")  # Russia is spoken about
    assert mentions_topic(("kremlin",), "Officials in Moscow declined.")
    assert mentions_topic((), "anything")


# Every rule that decides whether a sentence can answer a question of its form, one row per case:
# (rule, question, sentence, whether it answers).
@pytest.mark.parametrize("rule, question, text, ok", [
    # a past event must be stated as fact
    ("fact", "When did Georgia join NATO?", "In 2008 NATO declared that Ukraine and Georgia would join the alliance.", False),
    ("fact", "When did Finland join NATO?", "Finland joined NATO in April 2023.", True),
    ("fact", "When did Finland join NATO?", "Finland, which could join soon, applied in May 2022 and joined in 2023.", True),
    ("fact", "When will Ukraine join NATO?", "Ukraine could join NATO in 2030, officials said.", True),  # asks the future
    ("fact", "When did the talks resume?", "Officials said on Monday that talks would resume.", False),
    # a why question needs a reason for its event
    ("reason", "Why is the White House considering the condition?",
     "The White House is considering the condition amid concerns that Putin could benefit.", True),
    ("reason", "Why can the US block Ukraine from joining NATO?",
     "NATO operates on a unanimous voting system, meaning that the US can bar Ukraine from joining.", True),
    ("reason", "Why did Trump blame Zelensky for the war?",
     "Moscow is emboldened after Trump called Zelensky terrible and blamed him for the war.", False),
    ("reason", "Why did Trump blame Zelensky for the war?", "Trump blamed Zelensky for the war.", False),  # no reason given
    ("reason", "Why did the ferries stop?", "The ferries stopped because a storm closed the harbour.", True),
    # ... and so does a why-question asked with "what": a cause, which news also gives with "after"
    ("reason", "What made the children at the Dravoli school ill?",
     "Laboratory tests have confirmed salmonella as the cause of the outbreak at the Dravoli school.", True),
    ("reason", "What caused the drop in timber exports?", "They dropped by a third after the sawmill closed.", True),
    ("reason", "What caused the explosion at the Sanvez plant?",
     "Prosecutors in Sanvez have opened an investigation into the cause of the explosion.", False),
    ("reason", "What caused the explosion at the Sanvez plant?", "The cause of the explosion was not yet known.", False),
    ("reason", "What caused the explosion at the Sanvez plant?",
     "At least 12 people were injured when an explosion tore through a hall at the Sanvez plant.", False),
    # a past yes no question needs the event as fact
    ("fact", "Did Russia declare victory?", "Russia is preparing to declare victory within days.", False),
    ("fact", "Did Russia declare victory?", "Russia declared victory on Monday.", True),
    ("fact", "Did Finland join the alliance?", "Finland formally joined the alliance in April 2023.", True),
    # ... and its main verb: a call to be admitted neither confirms nor denies that it joined (`_main_verb`)
    ("fact", "Did Ukraine join the alliance?", "Zelensky has called for his country to be admitted to the alliance.", False),
    # a time must stand near what it dates
    ("time", "When will the ceasefire come into force?",
     "It comes as Moscow is said to be preparing to declare victory in the war within days, officials said.", False),
    ("time", "When will the ceasefire come into force?", "The ceasefire comes into force on Monday.", True),
    # ... within TIME_WINDOW words, an apposition between them included
    ("time", "When did Bregovar take charge of the regulator?", "Konstantin Bregovar, head of the board's clinical "
     "assessment division, will replace her from 1 September.", True),
    ("time", "When did Bregovar take charge of the regulator?", "Konstantin Bregovar, who trained as a cardiologist "
     "at Brannholm University Hospital and later ran two of its largest wards, joined in 2009.", False),
    ("time", "When did Zelensky meet Keith Kellogg?",
     "Zelenskyy greets envoy Keith Kellogg, right, before the start of a bilateral meeting, February 20, 2025", True),
    # a where question needs a place
    ("place", "Where will the peace talks be held?", "A peace deal is being negotiated by Donald Trump.", False),
    ("place", "Where will the peace talks be held?", "The peace talks will be held in Riyadh next week.", True),
    ("place", "Where are Russian forces advancing?", "Russia is slowly gaining territory in the east.", True),
    ("place", "Where and when did NATO promise Ukraine membership?", "At a summit in Bucharest in 2008, NATO declared it.", True),
    ("place", "Where did Hegseth speak?", "Hegseth spoke to Ukraine's allies.", False),  # "to Ukraine" is no venue
    # which people needs them named
    ("named", "Which European leaders back Ukraine's accession?",
     "Zelensky has called for it, with several European leaders backing his country’s accession.", False),
    ("named", "Which European leaders back Ukraine's accession?",
     "European leaders such as Emmanuel Macron back Ukraine's accession.", True),
    ("named", "Which officials did NBC cite by name?", "Kyiv could bypass hurdles, NBC reports, citing officials.", False),
    ("named", "Which agency says Moscow is preparing to declare victory?",
     "Moscow is preparing to declare victory, according to Kyiv's military intelligence agency.", True),
    ("named", "Which country was also told it would join?", "NATO declared that both Ukraine and Georgia would join.", True),
    # who questions about unnamed people need a name
    ("named", "Who are the officials NBC cited?", "Kyiv could bypass hurdles, NBC reports, citing officials.", False),
    ("named", "Who are the officials NBC cited?", "Ukraine could be given instant entry, it has been claimed.", False),
    ("named", "Who heads Ukraine's GUR military intelligence agency?",
     "Moscow is preparing to declare victory, according to Kyiv's military intelligence agency.", False),
    ("named", "Who heads Ukraine's GUR military intelligence agency?",
     "Kyrylo Budanov, head of the GUR intelligence agency, said Moscow was preparing.", True),
    # a yes no question needs its predicate
    ("predicate", "Is the peace deal negotiated by Trump already signed?", "A peace deal is being negotiated by Donald Trump.", False),
    ("predicate", "Is the peace deal negotiated by Trump already signed?", "The peace deal was signed by Trump on Monday.", True),
    ("predicate", "Does the British government think the path can be reversed?", "It says the path is irreversible.", True),
    ("predicate", "Will Ukraine eventually become a member of NATO?", "The US can bar Ukraine from joining the bloc.", False),
])
def test_answers_form(rule, question, text, ok):
    assert answers_form(form_of(question), text) is ok


def test_states_as_fact_ignores_words_the_sentence_lacks():
    assert states_as_fact(("annex", "crimea"), "Putin grabbed Crimea in 2014.")
    assert states_as_fact((), "anything would do")


def test_a_speaker_is_the_subject_not_a_word_of_its_description():
    form = form_of("How did the other defence ministers in Brussels react to Hegseth's remarks?")
    assert not answers_form(form, "US Defence Secretary Pete Hegseth told his counterparts in Brussels that it "
                                  "was unrealistic.")
    assert answers_form(form, "The other ministers said they disagreed with Hegseth.")


def test_a_topic_that_names_someone_needs_that_name():
    form = form_of("How did Zelensky respond to Trump calling him a terrible leader?")
    assert form.topic_names == ("trump",)
    assert not answers_form(form, "Zelensky has repeatedly called for his country to be admitted, with "
                                  "several European leaders backing it.")
    assert answers_form(form, "Zelensky responded that Trump was living in a disinformation space.")


def test_how_much_of_a_thing_needs_a_number_near_it():
    form = form_of("How much military aid has the United States given Ukraine?")
    assert form.measured == ("military", "aid")
    assert not answers_form(form, "The move would reassure both Kyiv and its allies.")
    assert answers_form(form, "Congress approved $61bn in military aid for Ukraine.")
    assert form_of("How much of Ukraine has Russia seized?").measured == ()  # a share: any quantity answers


def test_an_acronym_speaker_matches_its_capitals_and_its_other_names():
    assert speaks(("US",), "US Defence Secretary Pete Hegseth told his counterparts it was unrealistic.")
    assert speaks(("US",), "The White House said the plan was under review.")
    assert not speaks(("US",), "The officials told us nothing.")  # the pronoun is not the country


def test_why_does_a_speaker_think_needs_a_reason():
    form = form_of("Why does Hegseth think NATO membership for Ukraine is unrealistic?")
    assert not answers_form(form, "Hegseth told his counterparts that NATO membership for Ukraine is not realistic.")
    assert answers_form(form, "Hegseth said membership was unrealistic because Russia would never accept it.")


def test_where_and_when_needs_both():
    form = form_of("Where and when did NATO first promise Ukraine it would join?")
    assert not answers_form(form, "Zakharova said Moscow wants NATO to disavow its 2008 promise to Ukraine.")
    assert answers_form(form, "At a summit in the Romanian capital in 2008, NATO declared Ukraine would join.")


def test_what_does_the_premier_is_not_a_which_question():
    form = form_of("What does the Premier of Victoria need to lead in the Legislative Assembly?")
    assert form.identify == ()
    assert form_of("Which officials did NBC cite?").identify == ("official",)


def test_who_is_the_individual_asks_for_a_name_like_any_who_question():
    form = form_of("Who is the individual facing a criminal trial on fraud charges, as reported by The Verge?")
    assert form.identify == ()
    assert answers_form(form, "Sam Bankman-Fried is facing a criminal trial on fraud and conspiracy charges.")
    assert form_of("Who are the officials cited by NBC?").identify[0] == "official"  # a role still identifies


def test_a_compound_office_is_identified_by_its_last_word_too():
    form = form_of("Who is the head coach of the Merrow Harriers these days?")
    assert form.identify == ("head", "coach")
    assert answers_form(form, "The Harriers immediately named her assistant, Joss Pellin, as their new coach.")
    assert not answers_form(form, "The Harriers said they would name a new coach after the season.")


def test_the_head_of_a_body_is_identified_by_any_title_of_whoever_runs_it():
    form = form_of("Who is the head of the garment workers' union at the moment?")
    assert answers_form(form, "Rhiannon Szabo, the union's general secretary, said the deal was overdue.")
    assert not answers_form(form, "The union said on Monday that the deal was overdue, Rhiannon Szabo said.")


def test_a_long_yes_no_question_comparing_things_has_no_single_predicate():
    question = ("Does the TechCrunch article on Meta's advertising practices involve the European Commission in a "
                "similar capacity to its role in Amazon's iRobot purchase?")
    assert form_of(question).predicate == ()
    assert form_of("Is the peace deal already signed?").predicate == ("sign",)


def test_a_figure_the_counted_thing_rose_or_fell_to_counts_it():
    assert counts(("car",), "Car production rose to 67,300 in the third quarter, the council said on Wednesday.")
    assert counts(("new", "car"), "Sales of new cars in Orvandy rose to 201,500 last year.")
    assert not counts(("car",), "Car prices rose to 20,000 ambrels.")  # what the figure measures is no count
    assert not counts(("car",), "Bus production rose to 3,100 in the third quarter.")


def test_a_number_counts_what_number_of_names_before_it():
    text = "The number of children who fell ill after last Friday's lunch has risen to 63, and four teachers too."
    assert counts(("children",), text)
    assert not counts(("pupil",), text)
    assert not counts(("children",), "The number of children who fell ill is not known.")  # no number follows
    long_subject = ("The number of people evacuated from the University of Edderby's chemistry building on Thursday "
                    "was about 320, more than twice the first estimate.")
    assert counts(("peopl",), long_subject)  # however long the subject, its number is in its clause
    assert not counts(("peopl",), "The number of people evacuated is not known, the university said on 3 May.")


def test_an_amount_of_money_stands_by_the_word_for_it():
    worth = form_of("How much was the stolen Falcon Chessmen set worth?")
    assert not answers_form(worth, "The set, known as the Falcon Chessmen, is one of the museum's best-known objects.")
    assert answers_form(worth, "The set was valued at 2.4 million marels when it was stolen.")
    salary = form_of("What salary does Camilla Ferrazzo earn as festival director?")
    assert not answers_form(salary, "Ferrazzo cut ticket prices for students to 4 marels.")


def test_a_cause_named_in_so_many_words_is_told_from_a_mere_after():
    assert names_cause("Laboratory tests have confirmed salmonella as the cause of the outbreak.")
    assert names_cause("The fire was caused by a faulty heater.")
    assert not names_cause("At least 40 pupils fell ill after eating lunch in the school canteen.")


def test_a_cause_that_is_the_asked_thing_itself_names_no_cause_of_it():
    """"The damage caused by the explosion of a Longfell rocket" tells what the explosion did, not what made the
    rocket blow up; "A cracked valve ... caused a Longfell rocket to explode" names its cause (active voice)."""
    asked = form_of("What made the Longfell rocket blow up on the pad?").reason_for
    assert not names_cause("The damage caused by the explosion of a Longfell rocket on Monday is now put at 85 million "
                           "ambels.", asked)
    assert names_cause("A cracked valve in the fuel line of the second stage caused a Longfell rocket to explode on "
                       "the pad.", asked)
    assert names_cause("The damage caused by the explosion is put at 85 million ambels.")  # nothing asked: as before


def test_after_the_asked_thing_itself_gives_no_cause_of_it():
    form = form_of("What caused the fire at Dartline's Brayholm hub?")
    assert not answers_form(form, "Oduya has run the region since the Brayholm hub reopened after the fire of 2019.")
    assert answers_form(form, "The fire at the Brayholm hub broke out after a delivery van's battery overheated.")
    # ... nor "because of" it: what the fire caused (events50 dev-29, read)
    assert not answers_form(form, "The number of homes evacuated because of the fire at the Brayholm hub has risen to "
                                  "720.")
    assert answers_form(form, "The fire at the Brayholm hub started because a delivery van's battery overheated.")


def test_a_time_near_the_questions_verb_dates_a_sentence_naming_nothing_else():
    form = form_of("When did Mira Halloran take over as head of the county library?")
    assert answers_form(form, "She will take over on 1 March from Oren Pask, who is retiring.")
    # only a sentence about someone ("She") is dated by the verb alone
    assert not answers_form(form, "Volunteers will take over on 1 March.")
    # a start is dated by any word for beginning (events38 dev-18, read), not by an unrelated time
    started = form_of("When did Ilse Varga start working at the Holm bakery?")
    assert answers_form(started, "She joined as a 16-year-old apprentice in 1979 and retires this month.")
    assert not answers_form(started, "She baked her last loaf on Friday.")


def test_a_successor_sentence_names_the_holder_of_the_body_its_sentence_before_names():
    form = form_of("Who led the union federation before Agnes Carradine?")
    assert form.identify_here and "federation" in form.identify
    before = "Agnes Carradine was elected general secretary of the Pellavian Federation of Labour on Friday."
    assert answers_form(form, "She succeeds Walter Dunmore, who is retiring after twelve years.", before)
    assert not answers_form(form, "She succeeds Walter Dunmore, who is retiring after twelve years.")  # no body
    assert not answers_form(form, "She said it was a proud day.", before)  # no new name


def test_a_how_many_question_counts_its_noun_not_its_verb():
    # a number of people killed is no number of cyclists killed: the verb is not what is counted
    assert form_of("How many cyclists were killed on Kelvany's roads in 2022?").counted == ("cyclist",)
    assert form_of("How many workers got a raise in January?").counted == ("worker",)
    assert form_of("How many were injured?").counted == ("injur",)  # no noun: the verb is all there is
    assert form_of("How many tons of living plants are in the rainforest?").counted == ("ton", "liv")  # it describes
    # ... nor the verb's object: "dance" is what Lunescans take classes in (events65 dev-36, read)
    assert form_of("How many Lunescans take dance classes, according to the Dance Council?").counted == ("lunescan",)
