"""The country a corpus calls home, which its articles need not name (`answer.home`)."""

from __future__ import annotations

from briefbot.answer.home import HomeCountries
from briefbot.answer.question import analyse
from briefbot.answer.topics import missing_topics
from briefbot.index.lexical import content_terms

from conftest import evidence_item as item

_CORPUS = ("Orvandy's car factories built 63,900 cars. Orvandian buyers want small cars. The Ardeskan minister "
           "visited Ardeska's new plant. Harkport's terminal flooded. Sales rose in Ardlow. Morgan Brennan spoke.")


def _home(articles: int = 20) -> HomeCountries:
    return HomeCountries({term: 3 for term in content_terms(_CORPUS)}, articles)


def test_a_name_is_a_country_when_the_corpus_uses_its_nationality():
    home = _home()
    assert home.is_country("Orvandy") and home.is_country("Ardeska")
    assert not home.is_country("Harkport") and not home.is_country("Ardlow")  # towns: no nationality
    assert home.is_country("UK")  # the alias table's countries have one ("British")
    assert home.is_nationality("Ardeskan") and not home.is_nationality("Morgan")


def test_an_article_naming_no_other_country_takes_the_home_country_for_granted():
    home = _home()
    assert home.implied(["Orvandy"], ["Lachlan Dacosta was appointed minister of transport on Tuesday.",
                                      "Dacosta named transport minister in reshuffle"]) == ("Orvandy",)
    assert home.implied(["Orvandy"], ["Ardeskan transport minister Pia Roos said the plant would stay."]) == ()
    assert home.implied(["Orvandy"], ["The minister visited Ardeska on Monday."]) == ()
    assert home.implied(["Harkport"], ["The terminal flooded on Friday."]) == ()  # a town must be named


def test_a_country_is_home_only_when_a_large_corpus_names_it_often():
    assert _home().is_home("Orvandy")  # 6 sentences name it or its people, in 20 articles
    assert not _home(articles=40).is_home("Orvandy")  # a country named once in a while is another's
    assert not _home(articles=1).is_home("Orvandy")  # one article (the seed suite): every country is at home
    assert _home(articles=1).implied(["Orvandy"], ["The minister was appointed on Tuesday."]) == ()


def test_an_implied_country_is_no_missing_topic():
    question = analyse("Who is Orvandy's transport minister now?")
    sentence = "Lachlan Dacosta was appointed minister of transport on Tuesday."
    assert missing_topics(question, item(sentence)) == ["Orvandy"]
    assert missing_topics(question, item(sentence).model_copy(update={"implied": ("Orvandy",)})) == []


def test_a_known_country_at_home_is_told_from_another_that_starts_alike():
    home = HomeCountries({"uk": 30, "british": 30, "ukrain": 5, "ukrainian": 5}, 30)
    assert home.is_home("UK")
    assert home.implied(["UK"], ["The minister said British farmers would be paid."]) == ("UK",)
    assert home.implied(["UK"], ["The minister said Ukrainian grain would pass."]) == ()  # not "uk..." as home
    assert home.implied(["UK"], ["The minister flew to Beijing."]) == ()


def test_a_country_its_outlets_are_named_after_is_home_though_its_articles_seldom_name_it():
    doc_freq = {"cormantia": 3, "minist": 30, "ardeska": 2}  # named in 3 sentences of 40 articles, no nationality
    assert not HomeCountries(doc_freq, 40).is_country("Cormantia")
    outlets = {"Cormantian Medical Wire": 0.35, "Tablet Daily": 0.65}
    home = HomeCountries(doc_freq, 40, outlets=lambda: outlets)
    assert home.is_country("Cormantia") and home.is_home("Cormantia")
    assert not home.is_home("Ardeska")  # no outlet of its own
    small = HomeCountries(doc_freq, 40, outlets=lambda: {"Cormantian Medical Wire": 0.05, "Tablet Daily": 0.95})
    assert small.is_country("Cormantia") and not small.is_home("Cormantia")  # a foreign wire, seldom carried
