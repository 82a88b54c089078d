"""The Gradio chat page: `build_app(bot) -> gr.Blocks` and `launch(bot, host, port)`.

gradio is imported inside the functions, so `import briefbot.ui.page` stays cheap. The page:

- streams the answer sentence by sentence as each is verified (a neutral "Reading the sources…" line
  until the first one; the model's raw draft is never shown), then the final answer with [n] markers
  after each sentence and repaired ones marked "source's words";
- lists every cited sentence in its article context in the sources panel; a click on a marker
  highlights and scrolls to its source (CLICK_JS in ui_render);
- keeps one `Chat` per browser session, so follow-ups are rewritten and the rewrite is shown;
- shows the corpus (articles, sentence counts, when the index was built) and example questions;
- exposes `api_name="/chat"`: `gradio_client.Client(url).predict(message, api_name="/chat")` returns the
  verified Answer as a dict with its numbered citations (follow-ups work within one client session).

Safety: 127.0.0.1 by default, never a share link, no extra file access. Concurrency follows the backend
(`page_concurrency`): every model-using event shares the concurrency group "briefbot-model", limited to one
answer at a time with the in-process model (one llama.cpp model serves one question at a time) and to
BRIEFBOT_PAGE_CONCURRENCY with a model server; the queue is bounded (BRIEFBOT_PAGE_QUEUE questions
waiting), and a question that finds it full is refused at once with Gradio's "Queue is full! Please try
again." error instead of waiting.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Iterator

from briefbot.config import Settings
from briefbot.errors import BriefbotError
from briefbot.ui.render import (CLICK_JS, CSS, EMPTY_SOURCES, answer_payload, render_answer, render_corpus,
                                render_error, render_sources, render_user)

if TYPE_CHECKING:  # pragma: no cover
    import gradio as gr

    from briefbot.bot import Briefbot
    from briefbot.answer.chat import Chat

log = logging.getLogger("briefbot.ui.page")

EXAMPLES = [
    "What did Zakharova demand?",
    "What did Lavrov say about NATO troops in Ukraine?",
    "What is the capital of France?",
]
CONCURRENCY_ID = "briefbot-model"
QUEUE_MAX_SIZE = Settings.model_fields["page_queue"].default  # questions waiting, by default
TITLE = "briefbot: answers cited sentence by sentence"
INTRO = ("**briefbot** answers questions about the loaded news articles, offline. Every sentence of an "
         "answer cites the article sentence that supports it; sentences that fail the check are dropped or "
         "replaced by the source's own words, and when the articles don't say, it says so.")


@dataclass
class Session:
    """One browser session: the conversation (follow-ups) and the chat messages shown."""

    chat: "Chat"
    messages: list[dict[str, str]] = field(default_factory=list)


class ChatPage:
    """The page's event handlers, bound to one bot (kept apart from the gradio wiring for testing)."""

    def __init__(self, bot: "Briefbot") -> None:
        self.bot = bot

    def context(self, sentence_id: str):
        return self.bot.context(sentence_id, window=2)

    def sources(self, session: Session) -> str:
        return render_sources(session.chat.turns, self.context)

    def respond(self, message: str, session: Session | None) -> Iterator[tuple[str, list, str, Session]]:
        """Stream one answer: yields (textbox, chat messages, sources panel, session)."""
        session = session or Session(self.bot.chat())
        message = (message or "").strip()
        if not message:
            yield "", list(session.messages), self.sources(session), session
            return
        session.messages.append({"role": "user", "content": render_user(message)})
        session.messages.append({"role": "assistant", "content": render_progress("")})
        yield "", list(session.messages), self.sources(session), session
        verified = ""
        try:
            for event in session.chat.stream(message):
                if event.answer is not None:
                    turn = len(session.chat.turns)
                    session.messages[-1] = {"role": "assistant", "content": render_answer(event.answer, turn)}
                    yield "", list(session.messages), self.sources(session), session
                elif event.text:  # one more verified sentence (Briefbot.stream never yields the raw draft)
                    verified += event.text
                    session.messages[-1] = {"role": "assistant", "content": render_progress(verified)}
                    yield "", list(session.messages), _skip(), session
        except BriefbotError as exc:
            session.messages[-1] = {"role": "assistant", "content": render_error(str(exc))}
            yield "", list(session.messages), self.sources(session), session
        except Exception as exc:  # keep the page usable; the details go to the server log
            log.exception("answering %r failed", message)
            session.messages[-1] = {"role": "assistant",
                                    "content": render_error(f"Something went wrong ({type(exc).__name__}); "
                                                            "see the server log.")}
            yield "", list(session.messages), self.sources(session), session

    def reset(self, session: Session | None) -> tuple[str, list, str, Session]:
        session = Session(self.bot.chat())
        return "", session.messages, EMPTY_SOURCES, session

    def api_chat(self, message: str, chat: "Chat | None") -> tuple[dict[str, Any], "Chat"]:
        """The `/chat` endpoint: the verified answer (follow-ups rewritten within a client session)."""
        import gradio as gr

        chat = chat or self.bot.chat()
        try:
            answer = chat.ask(message)
        except BriefbotError as exc:
            raise gr.Error(str(exc)) from exc
        return answer_payload(answer), chat


PROGRESS_NOTE = "Reading the sources…"
_CITATION_IDS = re.compile(r"\s*\[[^\[\]\s]+:s\d+\]")


def render_progress(verified: str) -> str:
    """The answer while it streams: the sentences verified so far (their citations come with the final
    answer, as numbered markers), then a neutral progress line; only the line before the first one."""
    text = escape(_CITATION_IDS.sub("", verified).strip())
    shown = f"<span>{text}</span>" if text else ""
    return f'<div class="bb-answer bb-drafting">{shown}<span class="bb-note">{PROGRESS_NOTE}</span></div>'


def _skip() -> Any:
    import gradio as gr

    return gr.skip()


def page_concurrency(bot: "Briefbot") -> int:
    """Answers the page runs at once: 1 with the in-process model, BRIEFBOT_PAGE_CONCURRENCY with a server."""
    from briefbot.models.openai_compat import OpenAICompatibleLLM

    return bot.settings.page_concurrency if isinstance(bot.llm, OpenAICompatibleLLM) else 1


def queue_size(bot: "Briefbot") -> int:
    """Questions held waiting (besides those being answered) before new ones are refused: BRIEFBOT_PAGE_QUEUE."""
    return bot.settings.page_queue


def build_app(bot: "Briefbot") -> "gr.Blocks":
    """The chat page for `bot`, with its queue configured (concurrency from the backend, bounded)."""
    import gradio as gr

    page = ChatPage(bot)
    concurrency = page_concurrency(bot)
    model_event = dict(concurrency_limit=concurrency, concurrency_id=CONCURRENCY_ID)
    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_width=True) as demo:
        session = gr.State(None)
        api_chat_state = gr.State(None)
        gr.Markdown(INTRO)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    label="Chat", elem_id="bb-chat", height=560, render_markdown=False, sanitize_html=True,
                    feedback_options=None, buttons=[], autoscroll=True,
                    placeholder="Ask about the articles. Every answer sentence comes with a numbered "
                                "citation to the sentence that supports it.",
                )
                with gr.Row(equal_height=True):
                    question = gr.Textbox(placeholder="Ask about the articles, e.g. What did Zakharova demand?",
                                          show_label=False, elem_id="bb-question", scale=6, max_lines=3,
                                          autofocus=True, submit_btn=False)
                    ask = gr.Button("Ask", variant="primary", elem_id="bb-ask", scale=1, min_width=90)
                    clear = gr.Button("New chat", elem_id="bb-new", scale=1, min_width=90)
                gr.Markdown("Example questions (click to ask):", elem_classes="bb-muted")
                with gr.Row():
                    example_buttons = [gr.Button(text, size="sm", scale=0, min_width=230,
                                                 elem_classes="bb-example") for text in EXAMPLES]
            with gr.Column(scale=2, min_width=320):
                sources = gr.HTML(EMPTY_SOURCES, label="Sources", show_label=True, elem_id="bb-sources",
                                  max_height=620, padding=True, container=True, js_on_load=CLICK_JS,
                                  head=f"<style>{CSS}</style>")
                with gr.Accordion("Corpus", open=True):
                    gr.HTML(render_corpus(bot.info()), elem_id="bb-corpus", padding=True)

        outputs = [question, chatbot, sources, session]
        for trigger in (question.submit, ask.click):
            trigger(page.respond, [question, session], outputs, api_visibility="private", **model_event)
        for button, text in zip(example_buttons, EXAMPLES):
            button.click(_example(page, text), [session], outputs, api_visibility="private", **model_event)
        clear.click(page.reset, [session], outputs, api_visibility="private", queue=False)
        chatbot.clear(page.reset, [session], outputs, api_visibility="private", queue=False)

        # The scripting API: not shown on the page, callable as gradio_client's api_name="/chat".
        api_message = gr.Textbox(visible=False, label="message")
        api_answer = gr.JSON(visible=False, label="answer")
        api_trigger = gr.Button(visible=False)
        api_trigger.click(page.api_chat, [api_message, api_chat_state], [api_answer, api_chat_state],
                          api_name="chat", api_description="Ask a question (follow-ups understood within a "
                          "client session); returns the verified answer with its citations.", **model_event)
    demo.queue(default_concurrency_limit=concurrency, max_size=queue_size(bot), api_open=False)
    return demo


def _example(page: ChatPage, text: str):
    def ask_example(session: Session | None):
        yield from page.respond(text, session)

    return ask_example


def launch(bot: "Briefbot", host: str = "127.0.0.1", port: int | None = 7860, *, prevent_thread_lock: bool = False,
           quiet: bool = False) -> "gr.Blocks":
    """Serve the chat page on http://host:port (never a share link). Blocks unless `prevent_thread_lock`.

    `port=None` lets Gradio choose: GRADIO_SERVER_PORT, else the first free port from 7860.
    """
    demo = build_app(bot)
    demo.launch(server_name=host, server_port=port, share=False, inbrowser=False, show_error=True,
                prevent_thread_lock=True, quiet=True, ssr_mode=False, mcp_server=False, allowed_paths=[],
                css=CSS)
    if not quiet:
        print(f"briefbot chat page: {demo.local_url}  (Ctrl-C to stop)", flush=True)
    if not prevent_thread_lock:
        demo.block_thread()
    return demo
