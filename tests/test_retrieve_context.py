"""Retrieval reads a sentence after the sentence before it and its article's lead: a question word only they hold
counts up to CONTEXT_TERM_SHARE, as far as it tells the candidates' articles apart (`Retriever._context_terms`), so a sentence whose subject is named just before it ("Tickets
cost 24 ferins for adults" after the sentence naming the caverns) can rank above one that only repeats the name."""

from __future__ import annotations

from briefbot.answer.question import analyse
from briefbot.answer.retrieve import CONTEXT_TERM_SHARE

from conftest import wire_bot

ARTICLES = [
    {"id": "a", "title": "Show caves reopen", "text": "The Saltdeep Caverns at Ravensgill reopened on Saturday after "
     "a year of repairs. Tickets cost 24 ferins for adults and 12 ferins for children. The caverns expect 150,000 "
     "visitors."},
    {"id": "b", "title": "Museum passes", "text": "Tickets for the harbour museum cost 9 ferins for adults."},
]


def _row(bot, start: str) -> int:
    return next(r for r, s in enumerate(bot.index.sentences) if s.text.startswith(start))


def test_a_word_only_the_sentence_before_holds_counts_in_part(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES)
    retriever = bot.retriever
    query = retriever.query_terms(analyse("What does an adult ticket to the Saltdeep Caverns cost?"))
    answer, elsewhere = _row(bot, "Tickets cost 24"), _row(bot, "Tickets for the harbour")
    credit = retriever._context_terms(query, list(range(len(bot.index.sentences))))
    assert credit["saltdeep"] == CONTEXT_TERM_SHARE * 0.5  # one of the two articles has it
    assert retriever.lexical_score(query, answer, context_terms=credit) > \
        retriever.lexical_score(query, elsewhere, context_terms=credit)
    assert retriever.lexical_score(query, answer) == retriever.lexical_score(query, elsewhere)  # read alone
    # the caverns' name is credited in part, not in full
    weight = dict(zip(query.terms, query.weights))
    assert set(query.terms) == {"adult", "ticket", "saltdeep", "cavern", "cost"}
    in_sentence = weight["adult"] + weight["ticket"] + weight["cost"]
    before_only = weight["saltdeep"] + weight["cavern"]
    expected = (in_sentence + CONTEXT_TERM_SHARE * 0.5 * before_only) / sum(query.weights)
    assert abs(retriever.lexical_score(query, answer, context_terms=credit) - expected) < 1e-9


def test_the_lead_is_context_too_but_not_another_article(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES)
    retriever = bot.retriever
    query = retriever.query_terms(analyse("How many visitors do the Saltdeep Caverns expect?"))
    third = _row(bot, "The caverns expect")  # "saltdeep" is in the lead, two sentences back
    lead = _row(bot, "The Saltdeep Caverns")
    museum = _row(bot, "Tickets for the harbour")
    passages = [text for _, text in retriever._context_passages(third)]
    assert passages[-1].startswith("The Saltdeep Caverns") and len(passages) == 2
    assert retriever._context_passages(lead) == []  # the lead reads alone
    assert [text for _, text in retriever._context_passages(museum)] == []  # another article's sentence is not context


def test_no_credit_when_every_candidate_article_has_the_word(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES[:1])  # one article: every sentence is read after the same lead
    retriever = bot.retriever
    query = retriever.query_terms(analyse("What does an adult ticket to the Saltdeep Caverns cost?"))
    credit = retriever._context_terms(query, list(range(len(bot.index.sentences))))
    assert credit["saltdeep"] == 0.0 and credit["cavern"] == 0.0
