"""Metonyms: a question's "the Kremlin" finds an article's "Moscow" or "Russia"; people are never aliases."""

from __future__ import annotations

import pytest

from briefbot.answer.aliases import alias_group, group_stems, mentions, one_word_aliases
from briefbot.index.lexical import stem


@pytest.mark.parametrize("word, group", [
    ("Kremlin", "russia"), ("Moscow", "russia"), ("Russian", "russia"),
    ("Washington", "united states"), ("American", "united states"),
    ("British", "united kingdom"), ("Kyiv", "ukraine"), ("Ukrainians", "ukraine"),
    ("Putin", None), ("Zelensky", None), ("troops", None),
])
def test_alias_group_of_a_question_word(word, group):
    assert alias_group(stem(word)) == group


@pytest.mark.parametrize("group, text, found", [
    ("united states", "The US can bar Ukraine from joining.", True),
    ("united states", "U.S. Special Envoy Keith Kellogg arrived.", True),
    ("united states", "Tell us what happened.", False),  # the pronoun, not the country
    ("united states", "The White House is considering the condition.", True),
    ("russia", "The Kremlin’s spokesman declined to comment.", True),
    ("russia", "Russians voted on Sunday.", True),
    ("united kingdom", "Sir Keir Starmer's government endorsed it.", False),  # people are never aliases
    ("ukraine", "Officials in Kyiv said the talks would resume.", True),
])
def test_mentions_matches_spellings_case_sensitively(group, text, found):
    assert mentions(group, text) is found


def test_group_stems_are_single_stemmed_words():
    assert set(group_stems("russia")) >= {"russia", "moscow", "kremlin"}
    assert all(" " not in s and "." not in s for s in group_stems("united states"))


def test_acronyms_join_a_group_only_in_capitals():
    assert alias_group("US") == "united states"
    assert alias_group("us") is None


@pytest.mark.parametrize("question, expected", [
    ("What does Downing Street think?", "What does Britain think?"),
    ("What did the white house say?", "What did the America say?"),
    ("Why did the United States veto it?", "Why did the America veto it?"),
    ("Who lives on Downingstreet?", "Who lives on Downingstreet?"),
])
def test_one_word_aliases(question, expected):
    assert one_word_aliases(question) == expected
