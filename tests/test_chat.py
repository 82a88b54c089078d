"""Conversations: follow-ups rewritten into standalone questions, turns kept, reset."""

from __future__ import annotations

import pytest

from conftest import LAVROV, PIKE, ZAKHAROVA, copy_reader
from briefbot.answer.chat import Chat, is_follow_up, split_standalone, standalone_question
from briefbot.errors import QuestionError

pytestmark = pytest.mark.usefixtures("isolated_env")




@pytest.mark.parametrize(
    "question, follow_up",
    [
        ("And what did Lavrov say?", True),
        ("and Lavrov?", True),
        ("What about the strike?", True),
        ("How about the union?", True),
        ("Also, when?", True),
        ("But why?", True),
        ("Why did he say that?", True),
        ("What did they demand?", True),
        ("When was it founded?", True),
        ("Why?", True),
        ("When was NATO founded?", False),
        ("How many crossings were cancelled?", False),
        ("Did the union vote on the pay offer?", False),
        ("What did the bakery owner say about the recipe?", False),
        ("Andrew Pike said what about the harbour?", False),  # "And" inside a word is no opener
        ("What did Lavrov say?", False),  # names someone: stands alone despite one content word
        # an imperative's first word is a verb, not a name: these lean on the previous turn
        pytest.param("Explain his reasoning.", True),
        pytest.param("Summarise it.", True),
        pytest.param("Describe their response.", True),
        pytest.param("Elaborate.", True),
    ],
)
def test_is_follow_up(question, follow_up):
    assert is_follow_up(question) is follow_up


@pytest.mark.parametrize(
    "question, previous, expected",
    [
        ("And what did Lavrov say?", None, None),
        ("And what did Lavrov say?", "", None),
        ("How many crossings were cancelled?", "What did Zakharova demand?", None),
        ("And what did Lavrov say?", "What did Zakharova demand?",
         "And what did Lavrov say? (follow-up to: What did Zakharova demand?)"),
        ("  Why?  ", " What did Zakharova demand? ", "Why? (follow-up to: What did Zakharova demand?)"),
    ],
)
def test_standalone_question(question, previous, expected):
    assert standalone_question(question, previous) == expected


@pytest.mark.parametrize(
    "standalone, expected",
    [
        ("And what did Lavrov say? (follow-up to: What did Zakharova demand?)",
         ("And what did Lavrov say?", "What did Zakharova demand?")),
        ("Why? (follow-up to: What (if anything) did he say?)", ("Why?", "What (if anything) did he say?")),
        ("What did Zakharova demand?", ("What did Zakharova demand?", None)),
    ],
)
def test_split_standalone(standalone, expected):
    assert split_standalone(standalone) == expected


def test_first_question_is_not_rewritten(make_bot):
    chat = make_bot(copy_reader("Zakharova")).chat()
    answer = chat.ask("What did Zakharova demand?")
    assert answer.standalone_question is None
    assert [c.id for c in answer.citations] == [ZAKHAROVA]


def test_follow_up_is_rewritten_and_retrieved_with(make_bot):
    bot = make_bot(copy_reader())
    chat = bot.chat()
    assert isinstance(chat, Chat) and chat.bot is bot
    first = chat.ask("What did Zakharova demand?")
    second = chat.ask("And what did she say about the alliance?")
    expected = "And what did she say about the alliance? (follow-up to: What did Zakharova demand?)"
    assert second.question == "And what did she say about the alliance?"
    assert second.standalone_question == expected
    assert expected in bot.llm.calls[-1][-1]["content"]  # the prompt got the rewritten question
    assert [(t.question, t.standalone, t.answer) for t in chat.turns] == [
        ("What did Zakharova demand?", None, first),
        ("And what did she say about the alliance?", expected, second)]
    assert not second.abstained and ZAKHAROVA in [c.id for c in second.citations]


def test_standalone_question_matches_what_bot_ask_gets(make_bot):
    bot = make_bot(copy_reader())
    chat = bot.chat()
    chat.ask("What did Zakharova demand?")
    via_chat = chat.ask("And what did she say about the alliance?")
    direct = bot.ask("And what did she say about the alliance?", standalone=via_chat.standalone_question)
    assert direct.evidence_ids == via_chat.evidence_ids


def test_chained_follow_ups_keep_the_original_topic(make_bot):
    chat = make_bot(copy_reader()).chat()
    chat.ask("What did Zakharova demand?")
    chat.ask("And what did she say about the alliance?")
    third = chat.ask("And why?")
    assert third.standalone_question.startswith("And why? (follow-up to: ")
    assert "What did Zakharova demand?" in third.standalone_question
    assert third.standalone_question == "And why? (follow-up to: What did Zakharova demand?)"


def test_chained_follow_ups_do_not_grow(make_bot):
    chat = make_bot(copy_reader()).chat()
    chat.ask("What did Zakharova demand?")
    lengths = []
    for follow_up in ["And why?", "And when?", "And where?", "And how?", "And then?", "And why?"]:
        lengths.append(len(chat.ask(follow_up).standalone_question))
    assert max(lengths) <= lengths[0] + 10


def test_reset_forgets_the_conversation(make_bot):
    chat = make_bot(copy_reader()).chat()
    chat.ask("What did Zakharova demand?")
    chat.ask("And why?")
    chat.reset()
    assert chat.turns == []
    assert chat.ask("And what did Lavrov say?").standalone_question is None


def test_each_chat_has_its_own_turns(make_bot):
    bot = make_bot(copy_reader())
    one, two = bot.chat(), bot.chat()
    one.ask("What did Zakharova demand?")
    assert two.turns == []
    assert two.ask("And why?").standalone_question is None


def test_rejected_question_adds_no_turn(make_bot):
    chat = make_bot(copy_reader()).chat()
    chat.ask("What did Zakharova demand?")
    with pytest.raises(QuestionError):
        chat.ask("   ")
    assert len(chat.turns) == 1


def test_chat_stream_yields_deltas_then_the_answer_and_records_one_turn(make_bot):
    chat = make_bot(copy_reader("Zakharova")).chat()
    events = list(chat.stream("What did Zakharova demand?"))
    assert events[-1].kind == "answer" and {e.kind for e in events[:-1]} == {"delta"}
    assert "".join(e.text for e in events[:-1]) == events[-1].answer.text  # verified sentences only
    assert len(chat.turns) == 1 and chat.turns[0].answer is events[-1].answer


@pytest.mark.parametrize(
    "first, follow_up, keyword, expected, rewritten",
    [
        pytest.param("How many crossings were cancelled?", "And what did the harbour master say?", "sea wall", PIKE,
                     True, id="harbour master"),
        pytest.param("What is Russia's position on Ukraine joining NATO?", "And what did Lavrov say?", "Lavrov",
                     LAVROV, True, id="DESIGN.md example"),
        pytest.param("What did Zakharova demand?", "And what did Lavrov say?", "Lavrov", LAVROV, True,
                     id="another speaker"),
        # names someone, so it stands alone: not rewritten, answered about its own subject
        pytest.param("What did Zakharova demand?", "What did Lavrov say?", "Lavrov", LAVROV, False,
                     id="self-contained second question"),
    ],
)
def test_follow_up_is_answered_about_its_own_subject(make_bot, first, follow_up, keyword, expected, rewritten):
    chat = make_bot(copy_reader(keyword)).chat()
    chat.ask(first)
    answer = chat.ask(follow_up)
    assert (answer.standalone_question is not None) is rewritten
    assert not answer.abstained
    assert expected in [c.id for c in answer.citations]
