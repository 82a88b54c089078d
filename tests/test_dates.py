"""Relative time expressions resolved against the article's date (answer/dates.py), and the qualifiers they hold."""

import pytest

from briefbot.answer.dates import absolute
from briefbot.answer.qualifiers import missing_qualifiers
from briefbot.answer.question import analyse
from briefbot.types import EvidenceSentence, Sentence


@pytest.mark.parametrize("text, published, expected", [
    ("The museum had 684,000 visitors last year.", "2019-01-16", "The museum had 684,000 visitors 2018."),
    ("Sales will rise next year.", "2019-01-16", "Sales will rise 2020."),
    ("It opened earlier this year.", "2021-06-01", "It opened earlier 2021."),
    ("The fine was for last October's outage.", "2019-07-25", "The fine was for October 2018's outage."),
    ("The fine was for last March's outage.", "2019-07-25", "The fine was for March 2019's outage."),
    ("The vote is next March.", "2023-11-28", "The vote is March 2024."),
    ("Last month's outage lasted a day.", "2022-01-03", "December 2021's outage lasted a day."),
    ("Prices are up from last year's record.", "2020-05-01", "Prices are up from last year's record."),  # a comparison
    ("It rose a year earlier.", "2020-05-01", "It rose a year earlier."),
    ("The museum had 684,000 visitors last year.", None, "The museum had 684,000 visitors last year."),
    # a month without a year: the last one, or the next one for what is to come
    ("Fares will rise in January.", "2023-12-10", "Fares will rise in January 2024."),
    ("Prices rose in December.", "2024-01-10", "Prices rose in December 2023."),
    ("Inflation slowed in May.", "2023-06-10", "Inflation slowed in May 2023."),
    ("She takes up the post on 1 April.", "2024-02-01", "She takes up the post on 1 April 2024."),
    ("It rose in March 2022.", "2023-01-01", "It rose in March 2022."),
    # ... and with its year said relative to the article's: that year (not the last March, then the year again)
    ("Eleven shops have closed since March last year.", "2021-08-18", "Eleven shops have closed since March 2020."),
    ("It opened in May this year.", "2021-08-18", "It opened in May 2021."),
    ("The store will close in January next year.", "2021-08-18", "The store will close in January 2022."),
    # what recurs names no year: its months stay as written
    ("She swims every morning from May to October.", "2019-04-10", "She swims every morning from May to October."),
    ("The gallery usually closes in January.", "2023-12-10", "The gallery usually closes in January."),
    ("Every household will get a refund in January.", "2023-12-10", "Every household will get a refund in January 2024."),
])
def test_absolute(text, published, expected):
    assert absolute(text, published) == expected


def item(text: str, published: str) -> EvidenceSentence:
    return EvidenceSentence(number=1, sentence=Sentence(id="a:s1", article_id="a", index=1, text=text, start=0,
                                                        end=len(text)),
                            title="News", score=1.0, published=published)


def test_last_year_holds_the_year_before_the_articles_date_and_no_other():
    question = analyse("How many people visited the Hessel Museum in 2018?")
    said = "The Hessel Museum welcomed 684,000 visitors last year."
    assert not missing_qualifiers(question, item(said, "2019-01-16"))
    assert missing_qualifiers(question, item(said, "2020-01-16"))  # that "last year" is 2019
    fares = analyse("How much will fares rise in January 2024?")
    assert not missing_qualifiers(fares, item("Fares will rise by 3.9 per cent in January.", "2023-12-10"))
    assert missing_qualifiers(analyse("How much did fares rise in January 2023?"),
                              item("Fares will rise by 3.9 per cent in January.", "2023-12-10"))
    month = analyse("Which fine did Kallinet get for its October 2018 outage?")
    assert not missing_qualifiers(month, item("Kallinet was fined for last October's outage.", "2019-07-25"))


def test_the_year_an_article_reports_on_is_the_nearest_earlier_sentences_year_near_its_date():
    from briefbot.answer.qualifiers import report_years

    def report_year(earlier, published):  # the year reported on after the `earlier` sentences
        return report_years(earlier, published)[-1]

    earlier = ["His club had its busiest year ever in 2017.", "The national picture is brighter.",
               "Taldoria sold a record 10.2 million tickets last year, the guild said on Tuesday."]
    assert report_year(earlier, "2018-03-13") == "2017"  # "last year", two sentences back
    assert report_year(["Fans spent 538 million on tickets, a fifth more than in 2017."], "2020-03-10") is None
    assert report_year(["The hall was first promised in 2012."], "2023-04-19") is None  # long before its date
    assert report_year(["She drives a 2019 tractor."], "2019-06-01") is None  # a year describing a thing
    assert report_year(["Sales rose in 2018.", "They fell in 2019 and rose in 2020."], "2020-02-01") is None  # two
    assert report_year([], "2020-02-01") is None and report_year(["It rose in 2019."], None) is None
    assert report_years(earlier, "2018-03-13") == [None, "2017", "2017", "2017"]  # at each place, and after the last


def test_a_year_held_by_the_year_its_article_reports_on_holds_unless_the_sentence_names_another():
    question = analyse("Vesker Hills concert tickets 2017")
    sentence = Sentence(id="a:s5", article_id="a", index=5, start=0, end=10,
                        text="The Vesker Hills and the Brayle Coast sold 1.9 million tickets each.")
    item = EvidenceSentence(number=1, sentence=sentence, title="A record year for tickets", score=1.0,
                            published="2018-03-13", before="The guild found that 23 small venues closed.")
    assert missing_qualifiers(question, item)  # the date says 2018, and nothing near says 2017
    assert not missing_qualifiers(question, item.model_copy(update={"period": "2017"}))
    other = item.model_copy(update={"period": "2017", "sentence": sentence.model_copy(
        update={"text": "The Vesker Hills sold 2.0 million tickets in 2019."})})
    assert missing_qualifiers(question, other)
