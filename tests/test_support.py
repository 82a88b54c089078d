"""The lexical support check: does a claim say only what its cited sentences say?"""

from __future__ import annotations

import pytest

from briefbot.answer.support import CAP_ON_VIOLATION, adds_information, is_empty, proper_names, support, violations

THRESHOLD = 0.75

ZAKHAROVA = ("Foreign ministry spokeswoman Maria Zakharova demanded written guarantees that the alliance would "
             "stop expanding east.")
LAVROV = "Foreign Minister Sergei Lavrov said Moscow would never accept foreign troops in Ukraine."
FOUNDED = "The alliance was founded in 1949 and now has 32 members."
STORM = "A storm closed Dover harbour for three days in October."
FERRIES = "Ferry operators cancelled 140 crossings during the closure."
SANCTIONS = "The U.S. imposed new sanctions on Moscow on Friday."


@pytest.mark.parametrize(
    "claim, sources, passes",
    [
        # faithful: verbatim, shortened, reordered, combined across two cited sentences
        (ZAKHAROVA, [ZAKHAROVA], True),
        ("Zakharova demanded written guarantees that the alliance would stop expanding east.", [ZAKHAROVA], True),
        ("Ferry operators cancelled 140 crossings.", [FERRIES], True),
        ("The alliance was founded in 1949.", [FOUNDED], True),
        ("In October a storm closed Dover harbour for three days.", [STORM], True),
        ("A storm closed Dover harbour and ferry operators cancelled 140 crossings.", [STORM, FERRIES], True),
        ("Lavrov said Moscow would never accept foreign troops.", [LAVROV], True),
        # hard negatives the check catches: a number, a name, a negation the source does not have
        ("Ferry operators cancelled 150 crossings.", [FERRIES], False),
        ("The alliance was founded in 1949 and now has 33 members.", [FOUNDED], False),
        ("The spokeswoman Maria Lavrova demanded written guarantees that the alliance would stop expanding east.",
         [ZAKHAROVA], False),
        ("The alliance was founded in 1949 by Truman.", [FOUNDED], False),
        ("NATO was founded in 1949.", [FOUNDED], False),
        ("Zakharova did not demand written guarantees that the alliance would stop expanding east.",
         [ZAKHAROVA], False),
        ("Ferry operators didn't cancel 140 crossings.", [FERRIES], False),
        ("Ferry operators never cancelled crossings during the closure.", [FERRIES], False),
        # a claim that needs both sources is not supported by one of them
        ("A storm closed Dover harbour and ferry operators cancelled 140 crossings.", [STORM], False),
        # unrelated, and degenerate input
        ("The bakery won an award.", [FERRIES], False),
        ("", [ZAKHAROVA], False),
        ("Zakharova demanded guarantees.", [], False),
        # hard negatives the stricter check catches too: a wrong name as the first word, a dropped negation,
        # one swapped content word in neither the source nor the question, a swapped dotted acronym
        ("Lavrova demanded written guarantees that the alliance would stop expanding east.", [ZAKHAROVA], False),
        ("Lavrov said Moscow would accept foreign troops in Ukraine.", [LAVROV], False),
        ("Ferry operators added 140 crossings during the closure.", [FERRIES], False),
        ("Zakharova demanded written guarantees that the alliance would stop expanding west.", [ZAKHAROVA], False),
        ("The U.K. imposed new sanctions on Moscow.", [SANCTIONS], False),
    ],
)
def test_support_at_the_default_threshold(claim, sources, passes):
    score = support(claim, sources)
    assert 0.0 <= score <= 1.0
    assert (score >= THRESHOLD) is passes, score


@pytest.mark.parametrize(
    "claim, sources",
    [
        ("Ferry operators cancelled 150 crossings.", [FERRIES]),
        ("Zakharova did not demand written guarantees that the alliance would stop expanding east.", [ZAKHAROVA]),
        ("The spokeswoman Maria Lavrova demanded written guarantees.", [ZAKHAROVA]),
    ],
)
def test_a_violation_caps_the_score(claim, sources):
    assert support(claim, sources) <= CAP_ON_VIOLATION


def test_support_is_the_share_of_content_words_found():
    # content words: storm, close, harbour, weekend -> three of four in the source; "weekend" is in the
    # question, so it is no violation and the score is the plain share
    claim = "The storm closed the harbour at the weekend."
    assert support(claim, [STORM], "Was the harbour closed at the weekend?") == pytest.approx(0.75)


def test_a_word_in_neither_the_source_nor_the_question_caps_the_score():
    claim = "The storm closed the harbour at the weekend."
    assert support(claim, [STORM]) == pytest.approx(CAP_ON_VIOLATION)
    assert support(claim, [STORM], "What closed the harbour?") == pytest.approx(CAP_ON_VIOLATION)
    assert violations(claim, [STORM]) == ["words in neither the source nor the question: ['weekend']"]
    assert violations(claim, [STORM], "Was the harbour closed at the weekend?") == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("Foreign Minister Sergei Lavrov said Moscow", {"foreign", "minister", "sergei", "lavrov", "moscow"}),
        ("He met Putin in Geneva.", {"putin", "geneva"}),
        ("NATO said it would respond.", {"nato"}),
        ("the EU and the UN met", {"eu", "un"}),
        ("Russia's position", {"russia"}),  # a capitalised first word counts unless it is a stop word
        ("The storm closed the port", set()),
        ("The U.K. imposed new sanctions", {"u", "k"}),  # dotted acronyms count letter by letter
        ("U.S. officials met", {"u", "s"}),
        ("all lower case words", set()),
        ("", set()),
    ],
)
def test_proper_names(text, names):
    assert proper_names(text) == names




@pytest.mark.parametrize(
    "claim, sources, kinds",
    [
        (ZAKHAROVA, [ZAKHAROVA], []),
        pytest.param("Ferry operators cancelled 150 crossings.", [FERRIES], ["numbers"]),
        ("The alliance was founded in 1949 by Truman.", [FOUNDED], ["names"]),
        pytest.param("Zakharova did not demand written guarantees.", [ZAKHAROVA], ["negation"]),
        pytest.param("Ferry operators had not cancelled 150 crossings, said Pike.", [FERRIES],
                     ["numbers", "names", "negation"]),
        ("Lavrov said Moscow would never accept troops.", [LAVROV], []),  # the source has the negation
        ("Lavrov said Moscow would accept foreign troops in Ukraine.", [LAVROV], ["negation"]),  # ... dropped
        ("Ferry operators added 140 crossings during the closure.", [FERRIES], ["words"]),
        ("Ferry operators cancelled 140 crossings in 1949.", [FERRIES, FOUNDED], []),  # numbers from any source
        ("Prices rose 3.5 percent.", ["Prices rose 3.5 percent in May."], []),
        pytest.param("Prices rose 3.6 percent.", ["Prices rose 3.5 percent in May."], ["numbers"]),
    ],
)
def test_violations(claim, sources, kinds):
    problems = violations(claim, sources)
    assert len(problems) == len(kinds)
    for kind, problem in zip(kinds, problems):
        assert kind in problem


@pytest.mark.parametrize(
    "claim, question, adds",
    [
        ("Zakharova demanded.", "What did Zakharova demand?", False),
        ("Zakharova demands", "What did Zakharova demand?", False),
        ("Zakharova demanded written guarantees.", "What did Zakharova demand?", True),
        ("The alliance was founded in 1949.", "When was the alliance founded?", True),
        ("", "What did Zakharova demand?", False),
    ],
)
def test_adds_information(claim, question, adds):
    assert adds_information(claim, question) is adds


@pytest.mark.parametrize("text, empty", [("", True), (" .", True), ("[] ,;", True), ("1.", False), ("Yes.", False)])
def test_is_empty(text, empty):
    assert is_empty(text) is empty
