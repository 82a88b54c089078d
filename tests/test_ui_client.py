"""The chat page: its HTML (fast, hand-made records), its wiring (fake models), and the `/chat` API of a
server launched on 127.0.0.1 with the real default models on the seed corpus (marked ui + models)."""

from __future__ import annotations

import html
import re
import socket
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from briefbot.ui import render as ui_render
from briefbot.answer.chat import Turn
from briefbot.types import Answer, AnswerSentence, Citation, Sentence, ShortAnswer

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EVIL = "Moscow said <img src=x onerror=alert(1)> and ![x](http://evil/x.png) or [click](http://evil/)."
ARTICLE = "art"
TITLE = "Title with <script>alert('t')</script>"


def sentence(n: int, text: str) -> Sentence:
    return Sentence(id=f"{ARTICLE}:s{n}", article_id=ARTICLE, index=n, text=text, start=0, end=len(text))


SENTENCES = [sentence(0, "Before one."), sentence(1, "Zakharova demanded a disavowal."), sentence(2, EVIL),
             sentence(3, "After one.")]


def context(sentence_id: str, window: int = 2) -> list[Sentence]:
    n = int(sentence_id.rsplit(":s", 1)[1])
    return SENTENCES[max(0, n - window): n + window + 1]


def cite(n: int) -> Citation:
    return Citation(id=f"{ARTICLE}:s{n}", article_id=ARTICLE, title=TITLE, text=SENTENCES[n].text)


ANSWER = Answer(
    question="What did <b>Zakharova</b> demand?",
    standalone_question="And what? (follow-up to: What did Zakharova demand?)",
    sentences=[
        AnswerSentence(text="Zakharova demanded a disavowal.", citations=[cite(1)], supported=True, support=0.9),
        AnswerSentence(text=EVIL, citations=[cite(2), cite(1)], supported=True, support=1.0, origin="source"),
    ],
    dropped=["A drafted sentence that failed."],
)
ABSTAINED = Answer(question="What is the capital of France?", abstained=True, abstain_reason="no evidence")


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(markup: str) -> None:
    """Only our markup: no element or attribute that runs script or makes the browser fetch anything."""
    parser = _Tags()
    parser.feed(markup)
    for tag, attrs in parser.tags:
        assert tag in {"div", "span", "a", "mark", "p", "b", "br", "ul", "li"}, tag
        assert not any(name.startswith("on") or name in {"src", "style"} for name in attrs), attrs
        assert tag != "a" or (attrs.get("href") or "").startswith("#bb-src-"), attrs


# --- rendering (no gradio, no models) ---------------------------------------------------------------


def test_answer_markers_escape_and_repair_badge() -> None:
    markup = ui_render.render_answer(ANSWER, turn=3)
    assert_inert(markup)
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup
    text = visible_text(markup)
    assert EVIL in text  # shown verbatim, as text (markdown image and link included)
    assert re.findall(r'<a class="bb-cite" href="#(bb-src-3-\d)"', markup) == ["bb-src-3-1", "bb-src-3-2",
                                                                            "bb-src-3-1"]
    assert "[1]" in text and "[2]" in text
    assert "source's words" in text  # the repaired sentence is marked
    assert text.count("source's words") == 1
    assert "Searched as: And what? (follow-up to: What did Zakharova demand?)" in text
    assert "1 draft sentence dropped" in text


def test_unsupported_sentence_is_marked() -> None:
    shaky = ANSWER.model_copy(update={"sentences": [ANSWER.sentences[0].model_copy(update={"supported": False})]})
    markup = ui_render.render_answer(shaky, turn=1)
    assert "bb-unsupported" in markup and "unverified" in visible_text(markup)


def test_sources_show_context_with_the_cited_sentence_highlighted() -> None:
    markup = ui_render.render_sources([Turn(ANSWER.question, ANSWER.standalone_question, ANSWER)], context)
    assert_inert(markup)
    assert re.findall(r'id="(bb-src-1-\d)"', markup) == ["bb-src-1-1", "bb-src-1-2"]
    marks = re.findall(r'<mark class="cited">(.*?)</mark>', markup)
    assert [html.unescape(m) for m in marks] == ["Zakharova demanded a disavowal.", EVIL]
    first = markup.split('id="bb-src-1-1"')[1].split('id="bb-src-1-2"')[0]
    assert "Before one." in first and "After one." in first  # the surrounding sentences
    assert "Title with &lt;script&gt;" in markup and "<script" not in markup
    assert "Q1: What did &lt;b&gt;Zakharova&lt;/b&gt; demand?" in markup


def test_sources_newest_turn_first_and_empty_panel() -> None:
    turns = [Turn("q1", None, ANSWER), Turn("q2", None, ABSTAINED)]
    markup = ui_render.render_sources(turns, context)
    assert markup.index("Q2:") < markup.index("Q1:")
    assert ui_render.render_sources([], context) == ui_render.EMPTY_SOURCES


def test_abstention_is_shown_as_such_without_sources() -> None:
    markup = ui_render.render_answer(ABSTAINED, turn=1)
    assert "The articles don't say." in visible_text(markup)
    assert "bb-cite" not in markup
    panel = ui_render.render_sources([Turn(ABSTAINED.question, None, ABSTAINED)], context)
    assert "No sources" in visible_text(panel) and "bb-src" not in panel.replace("bb-sources", "")


def test_draft_is_escaped_and_marked_provisional() -> None:
    markup = ui_render.render_draft(EVIL + " [1]")
    assert_inert(markup)
    assert "bb-drafting" in markup and EVIL in visible_text(markup)


def test_api_payload_has_text_and_numbered_citations() -> None:
    payload = ui_render.answer_payload(ANSWER)
    assert payload["text"] == ANSWER.text
    assert [(c["number"], c["id"]) for c in payload["citations"]] == [(1, "art:s1"), (2, "art:s2")]
    assert payload["citations"][1]["text"] == EVIL
    assert ui_render.answer_payload(ABSTAINED)["citations"] == []


# --- the page's wiring, with fake models ------------------------------------------------------------


@pytest.fixture(scope="module")
def fake_bot(tmp_path_factory):
    pytest.importorskip("gradio")
    from briefbot.bot import Briefbot
    from briefbot.config import Settings
    from briefbot.fakes import HashingEmbedder, ScriptedLLM

    def echo_zakharova(messages) -> str:
        """Quote the numbered evidence sentence that names Zakharova, with its number."""
        for line in messages[-1]["content"].splitlines():
            found = re.match(r"\[(\d+)\]\s*(.*Zakharova.*)", line)
            if found:
                return f"{found.group(2)} [{found.group(1)}]"
        return "NOT FOUND"

    settings = Settings(min_evidence_score=0.05)  # the hashing embedder scores lower than MiniLM
    return Briefbot.from_corpus(SEEDS, tmp_path_factory.mktemp("ui-fake-index"), settings=settings,
                                embedder=HashingEmbedder(), llm=ScriptedLLM(echo_zakharova))


def test_app_renders_text_as_text_and_bounds_the_queue(fake_bot) -> None:
    import gradio as gr

    from briefbot.ui.page import CONCURRENCY_ID, QUEUE_MAX_SIZE, build_app

    demo = build_app(fake_bot)
    chatbots = [b for b in demo.blocks.values() if isinstance(b, gr.Chatbot)]
    assert len(chatbots) == 1 and chatbots[0].render_markdown is False and chatbots[0].sanitize_html is True
    assert demo._queue.max_size == QUEUE_MAX_SIZE
    model_fns = [fn for fn in demo.fns.values() if fn.concurrency_id == CONCURRENCY_ID]
    assert model_fns and all(fn.concurrency_limit == 1 for fn in model_fns)
    public = {fn.api_name for fn in demo.fns.values() if fn.api_visibility == "public"}
    assert public == {"chat"}


def test_respond_streams_the_draft_then_the_verified_answer(fake_bot) -> None:
    from briefbot.ui.page import ChatPage

    page = ChatPage(fake_bot)
    updates = list(page.respond("What did Zakharova demand?", None))
    shown = [messages[-1]["content"] for _, messages, _, _ in updates]
    assert any("bb-drafting" in m and "Zakharova" in m for m in shown[:-1])  # the draft, as it streams
    final_box, final_messages, sources, session = updates[-1]
    assert final_box == "" and len(final_messages) == 2 and "bb-drafting" not in shown[-1]
    assert '<a class="bb-cite" href="#bb-src-1-1"' in shown[-1]
    assert 'id="bb-src-1-1"' in sources and "Zakharova" in re.search(r"<mark class=\"cited\">(.*?)</mark>",
                                                                     sources).group(1)
    follow_up = list(page.respond("And what did she demand?", session))[-1]
    assert "Searched as:" in follow_up[1][-1]["content"] and len(session.chat.turns) == 2
    assert page.reset(session)[1] == []


def test_respond_shows_errors_and_ignores_empty_questions(fake_bot) -> None:
    from briefbot.ui.page import ChatPage

    page = ChatPage(fake_bot)
    assert list(page.respond("   ", None))[-1][1] == []
    too_long = list(page.respond("why " * 500, None))[-1][1]
    assert "bb-error" in too_long[-1]["content"] and "limit" in too_long[-1]["content"]


# --- a launched server, the real default models, gradio_client --------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    pytest.importorskip("gradio")
    pytest.importorskip("gradio_client")
    from briefbot.bot import Briefbot
    from briefbot.ui.page import launch

    bot = Briefbot.from_corpus(SEEDS, tmp_path_factory.mktemp("ui-index"))
    demo = launch(bot, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield bot, demo
    finally:
        demo.close()


@pytest.mark.ui
@pytest.mark.models
def test_server_is_bound_to_loopback_only(served) -> None:
    _, demo = served
    assert urlparse(demo.local_url).hostname == "127.0.0.1"
    assert demo.server_name == "127.0.0.1"
    assert demo.server.config.host == "127.0.0.1"
    assert not demo.share and demo.share_url is None


@pytest.mark.ui
@pytest.mark.models
def test_chat_api_answers_with_citations_and_follow_ups(served) -> None:
    from gradio_client import Client

    bot, demo = served
    zakharova = next(s for s in bot.index.sentences if "Zakharova said" in s.text)
    client = Client(demo.local_url, verbose=False)
    answer = client.predict("What did Zakharova demand?", api_name="/chat")
    assert not answer["abstained"] and answer["citations"]
    assert zakharova.id in [c["id"] for c in answer["citations"]]
    assert any(c["text"] == zakharova.text for c in answer["citations"])
    assert f"[{zakharova.id}]" in answer["text"]

    follow_up = client.predict("And what did Lavrov say?", api_name="/chat")
    assert follow_up["standalone_question"], "the follow-up was not rewritten"
    assert any("Lavrov" in c["text"] for c in follow_up["citations"])

    unanswerable = client.predict("What is the capital of France?", api_name="/chat")
    assert unanswerable["abstained"] and unanswerable["citations"] == []
    assert unanswerable["text"] == "The articles don't say."


def test_short_answer_leads_and_is_bold_inside_its_source_sentence() -> None:
    text = SENTENCES[1].text
    start = text.index("a disavowal")
    short = ShortAnswer(text="a disavowal", sentence_id=f"{ARTICLE}:s1", start=start, end=start + len("a disavowal"))
    answer = ANSWER.model_copy(update={"short_answer": short})
    markup = ui_render.render_answer(answer, turn=1)
    assert_inert(markup)
    assert re.search(r'<div class="bb-short"><b>a disavowal</b><a class="bb-cite" href="#bb-src-1-1"', markup)
    sources = ui_render.render_sources([Turn(answer.question, None, answer)], context)
    assert_inert(sources)
    assert 'Zakharova demanded <b class="bb-span">a disavowal</b>.' in sources
    other = ui_render.render_sources([Turn(ANSWER.question, None, ANSWER)], context)
    assert "bb-span" not in other  # no short answer, nothing in bold
