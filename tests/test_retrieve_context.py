"""Retrieval reads a sentence after the sentence before it and its article's lead: a question word only they hold
counts up to CONTEXT_TERM_SHARE, as far as it tells the candidates' articles apart (`Retriever._context_terms`),
and the dense score is also taken with the vector of the sentence before added (CONTEXT_VECTOR_SHARE), so a
sentence whose subject is named just before it ("Tickets cost 24 ferins for adults" after the sentence naming the
caverns) can rank above one that only repeats the name."""

from __future__ import annotations

import numpy as np

from briefbot.answer.question import analyse
from briefbot.answer.retrieve import CONTEXT_TERM_SHARE, CONTEXT_VECTOR_SHARE

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


def test_a_sentence_also_scores_read_with_the_one_before(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES)
    retriever = bot.retriever
    vector = retriever.embedder.embed(["Saltdeep Caverns at Ravensgill reopened"])[0]
    lead, tickets, museum = _row(bot, "The Saltdeep Caverns"), _row(bot, "Tickets cost 24"), _row(bot, "Tickets for")
    vectors = bot.index.sentence_vectors.vectors([lead, tickets, museum])
    own = vectors @ vector
    dense = retriever._dense_scores([lead, tickets, museum], vector, in_context=True)
    assert dense[0] == own[0] and dense[2] == own[2]  # a lead has no sentence before it
    mixed = vectors[1] + CONTEXT_VECTOR_SHARE * vectors[0]
    assert abs(dense[1] - max(own[1], mixed @ vector / np.linalg.norm(mixed))) < 1e-6
    assert dense[1] > own[1]  # the sentence before is about the caverns: read with it, the tickets are too
    assert (retriever._dense_scores([lead, tickets, museum], vector, in_context=False) == own).all()


def test_one_article_reads_its_sentences_alone(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES[:1])  # every sentence would be read after the same story
    evidence = bot.retriever.retrieve("What does an adult ticket to the Saltdeep Caverns cost?")
    vector = bot.retriever.embedder.embed([evidence.question])[0]
    assert evidence.sentences
    for item in evidence.sentences:
        row = _row(bot, item.sentence.text[:20])
        own = float(bot.index.sentence_vectors.vectors([row])[0] @ vector)
        assert item.dense == round(max(0.0, own), 4)


def test_several_articles_read_a_sentence_with_the_one_before(make_bot, tmp_path):
    bot = wire_bot(make_bot, tmp_path, ARTICLES)
    evidence = bot.retriever.retrieve("What does an adult ticket to the Saltdeep Caverns cost?")
    vector = bot.retriever.embedder.embed([evidence.question])[0]
    tickets = next(item for item in evidence.sentences if item.sentence.text.startswith("Tickets cost 24"))
    own = float(bot.index.sentence_vectors.vectors([_row(bot, "Tickets cost 24")])[0] @ vector)
    assert tickets.dense > round(own, 4)
