"""Retrieval reads a sentence under its headline: a name of the question that only the headline holds counts, as
far as it tells the candidates' articles apart (`Retriever._headline_names`)."""

from __future__ import annotations

from briefbot.answer.question import analyse
from briefbot.answer.retrieve import HEADLINE_NAME_SHARE

from conftest import wire_bot


def test_a_name_only_the_headline_holds_counts_when_it_tells_articles_apart(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, [
        {"id": "a", "title": "Kallinet fined over outage", "text": "Chief executive Yara Delacourt said the company "
         "would appeal. The fine was the largest ever."},
        {"id": "b", "title": "Telvo opens new offices", "text": "Chief executive Rasmus Ellegard said the company "
         "would hire. The offices open in May."},
    ])
    retriever = bot.retriever
    query = retriever.query_terms(analyse("Who is the chief executive of Kallinet?"))
    rows = list(range(len(bot.index.sentences)))
    credit = retriever._headline_names(query, rows)
    assert credit == {"kallinet": HEADLINE_NAME_SHARE * 0.5}  # one of the two articles' headlines has it
    row_a = next(r for r, s in enumerate(bot.index.sentences) if s.text.startswith("Chief executive Yara"))
    row_b = next(r for r, s in enumerate(bot.index.sentences) if s.text.startswith("Chief executive Rasmus"))
    assert retriever.lexical_score(query, row_a, credit) > retriever.lexical_score(query, row_b, credit)
    assert retriever.lexical_score(query, row_a) == retriever.lexical_score(query, row_b)  # without the credit


def test_no_credit_when_every_candidate_shares_the_headline(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, [{"id": "a", "title": "Kallinet fined over outage",
                                     "text": "Chief executive Yara Delacourt said the company would appeal."}])
    query = bot.retriever.query_terms(analyse("Who is the chief executive of Kallinet?"))
    assert bot.retriever._headline_names(query, list(range(len(bot.index.sentences)))) == {"kallinet": 0.0}
