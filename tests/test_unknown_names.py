"""A question about someone the corpus never mentions is declined before anything else (`Evidence.unknown_names`,
`Retriever.unknown_names`, the gate)."""

from __future__ import annotations

from briefbot.answer.gate import gate
from briefbot.answer.question import analyse

from conftest import wire_bot

ARTICLES = [
    {"id": "swift", "title": "Taylor Swift film breaks box office record", "published": "2023-10-16",
     "source": "The New York Times",
     "text": "The Eras Tour concert film took 96 million dollars in its first weekend, the studio said. "
             "Swift thanked fans in a post on Sunday."},
    {"id": "ftx", "title": "Bankman-Fried trial hears from former colleague", "published": "2023-10-10",
     "text": "Caroline Ellison told the court that Sam Bankman-Fried directed her to use customer funds."},
]


def test_a_person_or_a_long_name_no_article_mentions_is_unknown(make_bot, tmp_path):
    retriever = wire_bot(make_bot, tmp_path, ARTICLES).retriever
    question = analyse("Considering a BBC article about Pamela Anderson's advocacy work and a New York Times "
                       "report on her television appearances, which network did she partner with?")
    assert retriever.retrieve(question).unknown_names == ("Pamela Anderson",)  # the Times is a candidate's outlet
    assert "New York Times" in retriever.unknown_names(question)  # ... which only the candidates' articles tell
    assert retriever.unknown_names(analyse("What did Caroline Ellison tell the court?")) == ()
    assert retriever.unknown_names(analyse("How much did the Taylor Swift film take?")) == ()  # a headline's words count
    # a one-word name may be spelled another way (an acronym, a nickname): not judged unknown; nor a misspelling
    assert retriever.unknown_names(analyse("What did SBF tell the court?")) == ()
    assert retriever.unknown_names(analyse("What did Carolin Elison tell the court?")) == ()


def test_the_gate_declines_naming_the_unknown_name(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES)
    question = analyse("Which studio did Heather Knight's film, reported by both Variety and Deadline, sign with?")
    evidence = bot.retriever.retrieve(question)
    assert evidence.unknown_names[0] == "Heather Knight"  # (and the outlets, which no article is from)
    reason = gate(evidence, 0.0, question)
    assert reason is not None and reason.startswith("no article mentions Heather Knight")


def test_an_outlet_the_question_names_is_found_where_an_evidence_article_appeared(make_bot, tmp_path):
    articles = [
        {"id": "verge", "title": "Crypto trial opens", "published": "2023-10-03", "source": "The Verge",
         "text": "The fraud trial of the exchange founder opened in Manhattan on Tuesday."},
        {"id": "crunch", "title": "Founder denies fraud", "published": "2023-10-04", "source": "TechCrunch",
         "text": "The exchange founder denied the fraud charges, his lawyers said."},
    ]
    retriever = wire_bot(make_bot, tmp_path, articles).retriever
    question = analyse("Who is the exchange founder on trial for fraud, as reported by The Verge and TechCrunch?")
    query = retriever.query_terms(question)
    rows = [retriever.index.sentence_row["verge:s0"], retriever.index.sentence_row["crunch:s0"]]
    # neither outlet is named in any text; each is where one evidence article appeared
    assert retriever.name_coverage(query, rows) == 1.0
    assert retriever.name_coverage(query, rows[:1]) == 0.5  # TechCrunch published none of this evidence
