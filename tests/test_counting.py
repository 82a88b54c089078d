"""What a how-many question counts, matched by meaning (answer/counting.py) and accepted by the answer rules."""

from __future__ import annotations

import numpy as np
import pytest

from briefbot.answer.answering import answering
from briefbot.answer.counting import alike_counted, number_phrases
from briefbot.answer.question import analyse
from briefbot.types import Evidence, EvidenceSentence, Sentence


@pytest.mark.parametrize("text, phrases", [
    ("Vestrand welcomed 1.42 million foreign visitors in July, a record.", ["foreign visitors"]),
    ("Nine of the eleven members of the committee backed it.", ["members"]),
    ("The bill passed by 118 votes to 64.", ["votes"]),
    ("Halvik is recalling 38,500 Serra hatchbacks built for 2017.", ["Serra hatchbacks"]),
    ("Prices rose 6 per cent in 2021.", []),
    ("The number of injured rose to 19, of whom four remain in hospital.", ["injured", "remain"]),  # before, after
    ("The number of injured is not known.", []),  # no number follows "number of"
    ("In all, 1,480 staff have lost their jobs.", ["staff"]),  # an auxiliary ends the phrase
    ("All 210 of its staff will lose their jobs.", ["staff"]),  # "of its", as "of the eleven"
])
def test_number_phrases(text, phrases):
    assert number_phrases(text) == phrases


class TableEmbedder:
    """Unit vectors from a table: phrases in the same group are alike, others orthogonal."""

    def __init__(self, groups: list[set[str]]) -> None:
        self.groups = groups

    def embed(self, texts):
        out = np.zeros((len(texts), len(self.groups) + 1), dtype=np.float32)
        for row, text in enumerate(texts):
            column = next((i for i, group in enumerate(self.groups) if text in group), len(self.groups))
            out[row, column] = 1.0
        return out


def test_alike_counted_returns_the_heads_of_phrases_meaning_the_counted_thing():
    embedder = TableEmbedder([{"tourists from abroad", "foreign visitors"}])
    texts = ["Vestrand welcomed 1.42 million foreign visitors in July.", "There were 300 flights a day."]
    assert alike_counted(("tourists from abroad",), texts, embedder) == ("visitor",)
    assert alike_counted((), texts, embedder) == ()
    assert alike_counted(("tourists from abroad",), ["No number here."], embedder) == ()


def test_a_count_of_anyone_is_no_count_of_a_kind_of_person():
    embedder = TableEmbedder([{"cyclists", "people", "riders"}])  # all alike in meaning
    texts = ["A total of 212 people were killed on the roads last year.", "Some 40 riders were hurt."]
    assert alike_counted(("cyclists",), texts, embedder) == ("rider",)  # "people" counts anyone, not cyclists
    assert alike_counted(("people",), ["Some 40 riders were hurt."], embedder) == ("rider",)  # riders are people


def evidence(text: str, alike: tuple[str, ...]) -> Evidence:
    sentence = Sentence(id="a:s1", article_id="a", index=1, text=text, start=0, end=len(text))
    return Evidence(question="q", sentences=[EvidenceSentence(number=1, sentence=sentence, title="Tourism figures",
                                                              score=1.0)], counted_alike=alike)


def test_a_number_of_what_the_question_counts_by_meaning_answers():
    question = analyse("How many tourists from abroad came to Vestrand?")
    assert question.counted_phrase == "tourists from abroad"
    said = "Vestrand welcomed 1.42 million foreign visitors in July, a record for any month."
    assert not answering(evidence(said, ()), question)  # the word check alone refuses it
    assert answering(evidence(said, ("visitor",)), question)


@pytest.mark.models
def test_a_paraphrased_count_is_alike_with_the_bundled_embedder():
    """With the bundled MiniLM, "kids" counts "pupils" (cosine about 0.47, under the old threshold of 0.6), and
    "buses" counts neither pupils nor staff. (The looser threshold also lets "teachers" count "pupils": the
    question's other words must then hold.)"""
    from briefbot.config import Settings
    from briefbot.index.embedding import default_embedder

    embedder = default_embedder(Settings())
    texts = ["The number of pupils who fell ill at Fenrow Abbey School has risen to 137.",
             "The school employs 64 staff and has 410 pupils."]
    assert "pupil" in alike_counted(("kids",), texts, embedder)
    assert alike_counted(("buses",), texts, embedder) == ()


def test_a_name_before_the_counted_noun_says_whose_not_what():
    """"How many Copperpot Kitchens employees ...?" counts employees: "1,480 staff" answers it, by meaning."""
    assert analyse("How many Copperpot Kitchens employees lost their jobs?").counted_phrase == "employees"
    assert analyse("How many British tourists came?").counted_phrase == "British tourists"  # which, not whose


def test_a_duration_counts_no_other_thing():
    """"spent twelve years making games" says for how long, not how many games (unless years are asked)."""
    from briefbot.answer.question_form import answers_form
    games = analyse("How many games did the Games Rating Board rate in 2019?")
    assert not answers_form(games.form, "Kofi Marchetti spent twelve years making games at Ironbark Studios.")
    assert answers_form(games.form, "The Games Rating Board rated 1,240 games in 2019.")
    years = analyse("How many years did Kofi Marchetti spend making games?")
    assert answers_form(years.form, "Kofi Marchetti spent twelve years making games at Ironbark Studios.")


def test_counted_people_are_also_compared_with_what_they_did():
    """"How many people signed the petition?" is answered by "61,000 signatures": "people" alone is close in meaning
    to no such word, "people signed the petition" is."""
    question = analyse("How many people signed the petition to save the Thornash Oak?")
    assert question.counted_meanings == ("people", "people signed the petition")
    assert analyse("How many people were hurt in the blast?").counted_deed == "people were hurt"
    assert analyse("How many tourists came?").counted_deed is None  # a kind of person says what it counts itself
    embedder = TableEmbedder([{"people signed the petition", "signatures"}])
    texts = ["The campaign collected 61,000 signatures in a month."]
    assert alike_counted(question.counted_meanings, texts, embedder) == ("signatur",)
    assert alike_counted(("people",), texts, embedder) == ()
