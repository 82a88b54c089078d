"""A corpus's own currency is learnt from how it writes prices, so that a question about a payment is answered
by a sum of money, not by a count (`answer/currency.py`, `answers.candidates`)."""

from __future__ import annotations

from briefbot.answer.answers import candidates
from briefbot.answer.currency import as_money, currency_words
from briefbot.answer.question import analyse
from briefbot.types import Entity, EvidenceSentence, Sentence

CORPUS = [
    "The terminal cost 64 million ferins, 9 million more than planned.",
    "Tickets cost 24 ferins for adults and 12 ferins for children.",
    "Larkspur paid 31 million ferins for the hotel chain, which has 41 hotels.",
    "The airline carried 2.1 million passengers last year.",
    "Each passenger pays a landing fee of 9 ferins.",
]


def test_the_currency_is_the_word_after_numbers_beside_money_words():
    assert currency_words(CORPUS) == {"ferins"}
    assert currency_words(CORPUS[3:4]) == frozenset()  # no prices: no currency
    assert currency_words(CORPUS[:1]) == frozenset()  # one use is no evidence of a currency (MIN_USES)


def test_a_number_followed_by_the_currency_is_money():
    text = "Larkspur paid 31 million ferins for the hotel chain, which has 41 hotels."
    tagged = (Entity(label="PERSON", start=0, end=8, text="Larkspur"),
              Entity(label="CARDINAL", start=14, end=24, text="31 million"),
              Entity(label="CARDINAL", start=62, end=64, text="41"))
    out = as_money(text, tagged, frozenset({"ferins"}))
    assert [(e.label, e.text) for e in out] == [("PERSON", "Larkspur"), ("MONEY", "31 million ferins"),
                                               ("CARDINAL", "41")]
    assert as_money("It raised 40 euros.", (), frozenset()) == (Entity(label="MONEY", start=10, end=18,
                                                                        text="40 euros"),)  # a known currency


def _item(text: str, entities: tuple[Entity, ...]) -> EvidenceSentence:
    return EvidenceSentence(number=1, sentence=Sentence(id="a:s0", article_id="a", index=0, start=0, end=len(text), text=text,
                                                        entities=entities), title="", score=1.0)


def test_a_payment_is_answered_by_money_not_by_a_count():
    question = analyse("How much did Linwood Clothing pay for the Hatterly's stores?")
    counted = "Linwood Clothing has bought 12 stores of the chain, saving about 900 jobs."
    priced = "Linwood Clothing paid 3 million ferins for the stores."
    count_entities = as_money(counted, (Entity(label="CARDINAL", start=28, end=30, text="12"),), frozenset({"ferins"}))
    price_entities = as_money(priced, (Entity(label="CARDINAL", start=22, end=31, text="3 million"),),
                              frozenset({"ferins"}))
    assert candidates(question, _item(counted, count_entities)) == []
    assert [e.text for e in candidates(question, _item(priced, price_entities))] == ["3 million ferins"]
    # a question that counts still takes a count
    assert [e.text for e in candidates(analyse("How many stores did Linwood Clothing buy?"),
                                       _item(counted, count_entities))][:1] == ["12"]


def test_a_number_reads_as_money_after_a_money_word_or_before_a_known_currency():
    from briefbot.answer.currency import reads_as_money
    text = "Orvel Foods paid 42 million dorins for Brack Dairy, which employs 340 people."
    assert reads_as_money(text, text.index("42"), text.index("42") + len("42 million"))
    assert not reads_as_money(text, text.index("340"), text.index("340") + 3)
    text = "The bridge was built for 40 million dollars and carries 9,000 cars a day."
    assert reads_as_money(text, text.index("40"), text.index("40") + len("40 million"))
    assert not reads_as_money(text, text.index("9,000"), text.index("9,000") + 5)


def test_retrieval_tags_the_corpus_currency_as_money(make_bot, tmp_path):
    from conftest import wire_bot
    bot = wire_bot(make_bot, tmp_path, [{"id": f"a{n}", "title": f"Story {n}", "text": text}
                                        for n, text in enumerate(CORPUS)])
    evidence = bot.retriever.retrieve("How much did the terminal cost?")
    terminal = next(e for e in evidence.sentences if e.sentence.text.startswith("The terminal cost"))
    assert ("MONEY", "64 million ferins") in [(e.label, e.text) for e in terminal.sentence.entities]
