"""The light stemmer that BM25, retrieval and the support check share."""

from __future__ import annotations

import pytest

from briefbot.index.lexical import content_terms, stem


@pytest.mark.parametrize("american, british", [
    ("defense", "defence"), ("defenses", "defences"), ("centered", "centred"), ("centers", "centres"),
    ("colors", "colours"), ("favorite", "favourite"), ("neighborhood", "neighbourhood"),
    ("organize", "organise"), ("organization", "organisation"), ("criticized", "criticised"),
    ("analyze", "analyse"), ("realizing", "realising"),
])
def test_us_and_british_spellings_share_a_stem(american, british):
    assert stem(american) == stem(british)


@pytest.mark.parametrize("word, expected", [
    ("size", "siz"), ("prize", "priz"),  # short words keep their z
    ("Zakharova’s", "zakharova"), ("troops", "troop"), ("declared", "declar"), ("stipulates", "stipulat"),
])
def test_stem(word, expected):
    assert stem(word) == expected


def test_content_terms_drop_stop_words_and_keep_order():
    assert content_terms("What did the US defense secretary say?") == ["defenc", "secretary"]
