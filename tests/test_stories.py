"""Developing stories (`answer.stories`): a later report of the same story, days after, outranks the first report's
figure in retrieval (`Retriever._newer_reports_first`)."""

from __future__ import annotations

from briefbot.answer.question import analyse
from briefbot.answer.stories import STORY_DAYS, headline_terms, later_reports
from briefbot.answer.topics import missing_topics
from briefbot.types import Article

from conftest import wire_bot

FIRST = ("blast-1", "2019-04-15", "Explosion at Sanvez fertiliser plant injures at least 12")
UPDATE = ("blast-2", "2019-04-17", "Sanvez blast: injured rise to 19, missing worker found dead")
OTHER = ("fair", "2019-04-16", "Sanvez spring fair opens with record crowds")
LATER_YEAR = ("blast-2020", "2020-04-20", "Explosion at Sanvez fertiliser plant injures three")


def _stories(*records):
    return [Article(id=i, published=p, title=t, text="x", source="wire") for i, p, t in records]


def test_a_later_report_sharing_headline_words_within_days_is_the_same_story():
    first, *others = _stories(FIRST, UPDATE, OTHER, LATER_YEAR)
    assert later_reports(first, others) == ["blast-2"]  # the fair shares only "Sanvez"; 2020 is a year later
    assert later_reports(others[0], [first] + others) == []  # nothing later of that story
    assert headline_terms(FIRST[2]) >= {"sanvez", "injur"} and not any(t.isdigit() for t in headline_terms(FIRST[2]))


def test_reports_further_apart_than_the_window_or_undated_are_not_one_story():
    first, *others = _stories(FIRST, ("late", "2019-05-20", UPDATE[2]), ("undated", None, UPDATE[2]),
                              ("same-day", FIRST[1], UPDATE[2]))  # on the same day, which came first is unknown
    assert STORY_DAYS < 35 and later_reports(first, others) == []
    assert later_reports(_stories(("x", None, FIRST[2]))[0], others) == []


def test_a_headline_word_s_close_variant_counts_as_shared():
    """"derails" and "derailment" are one word of the story (`judge.words.same_word`); "Gilling" alone is not enough."""
    first, *others = _stories(("rail-1", "2019-08-11", "Steam train derails near Gilling"),
                              ("rail-2", "2019-08-13", "Gilling derailment: number hurt rises to 17"),
                              ("fete", "2019-08-12", "Gilling summer fete raises record sum"))
    assert later_reports(first, others) == ["rail-2"]


def test_newest_reports_come_first():
    first, *others = _stories(FIRST, UPDATE, ("blast-3", "2019-04-23", "Sanvez fertiliser plant shut during blast inquiry"))
    assert later_reports(first, others) == ["blast-3", "blast-2"]


def _article(record, text):
    article_id, published, title = record
    return {"id": article_id, "published": published, "title": title, "text": text}


def test_retrieval_ranks_the_updated_figure_above_the_first_report(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, [
        _article(FIRST, "At least 12 people were injured on Monday when an explosion tore through a storage hall at "
                        "the Velta fertiliser plant in Sanvez. The blast could be heard across the town."),
        _article(UPDATE, "Rescue workers found the body of a worker in the ruins of the hall on Tuesday night. "
                         "The number of people injured rose to 19, of whom four remain in hospital."),
    ])
    evidence = bot.retriever.retrieve(analyse("How many people were injured in the Sanvez explosion?"))
    assert evidence.sentences[0].sentence.text.startswith("The number of people injured rose to 19")


def test_an_update_that_does_not_answer_is_not_lifted(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, [
        _article(FIRST, "At least 12 people were injured on Monday when an explosion tore through a storage hall at "
                        "the Velta fertiliser plant in Sanvez. The blast could be heard across the town."),
        _article(UPDATE, "Rescue workers found the body of a worker in the ruins of the hall on Tuesday night. "
                         "Prosecutors in Sanvez have opened an investigation into the explosion."),
    ])
    evidence = bot.retriever.retrieve(analyse("How many people were injured in the Sanvez explosion?"))
    assert evidence.sentences[0].sentence.text.startswith("At least 12 people were injured")


def test_an_update_that_drops_the_story_s_name_is_read_with_the_first_report(make_bot, tmp_path):
    flood = ("flood-1", "2017-04-18", "River Aava floods homes in Kotavesi")
    final = ("flood-2", "2017-04-28", "Kotavesi flood damaged 463 homes, council says")
    bot = wire_bot(make_bot, tmp_path, [
        _article(flood, "The River Aava burst its banks in Kotavesi on Monday night, flooding about 150 homes. "
                        "Some 300 people had to leave."),
        _article(final, "The flood in Kotavesi last week damaged 463 homes, the town council said on Friday. "
                        "Insurers said a third of them were not insured."),
    ])
    question = analyse("How many homes did the River Aava flood damage?")
    evidence = bot.retriever.retrieve(question)
    first = evidence.sentences[0]
    assert first.sentence.text.startswith("The flood in Kotavesi last week damaged 463 homes")
    assert first.anchor is not None and first.anchor.startswith("The River Aava burst its banks")
    # the update names no "River Aava": read alone it is about no topic of the question; with its story it is
    assert missing_topics(question, first.model_copy(update={"anchor": None, "lead": None, "title": final[2]}))
    assert not missing_topics(question, first)
