"""The chat page in a real browser (Debian's chromium, headless, driven by Playwright) with the real
default models on the seed corpus: ask, watch the draft become the verified answer, click a citation,
see the source sentence highlighted, ask a follow-up, see an abstention. Saves screenshots to
tests/artifacts/ (chat.png after the first answer, chat-followup.png at the end)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ui, pytest.mark.models]

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ANSWER_MS = 120_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

# True once the last assistant message is a verified answer (not the streaming draft) and there are `n`.
FINAL_ANSWERS = """n => {
  const all = document.querySelectorAll('#bb-chat .bb-answer');
  return all.length >= n && !all[all.length - 1].classList.contains('bb-drafting');
}"""
# Remembers whether the streaming draft was ever on screen.
WATCH_DRAFT = """() => {
  window.__bbSawDraft = false;
  new MutationObserver(() => {
    if (document.querySelector('#bb-chat .bb-drafting')) window.__bbSawDraft = true;
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright")
    pytest.importorskip("gradio")
    from briefbot.bot import Briefbot
    from briefbot.ui.page import launch

    bot = Briefbot.from_corpus(SEEDS, tmp_path_factory.mktemp("ui-browser-index"))
    demo = launch(bot, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield demo.local_url
    finally:
        demo.close()


@pytest.fixture
def chat_page(url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            outside: list[str] = []  # everything the page fetches from anywhere but our server
            page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
            page.goto(url)
            page.wait_for_selector("#bb-question textarea")
            yield page, outside
        finally:
            browser.close()


def ask(page, question: str, answers_so_far: int):
    box = page.locator("#bb-question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(FINAL_ANSWERS, arg=answers_so_far + 1, timeout=ANSWER_MS)
    return page.locator("#bb-chat .bb-answer").last


def cited_sources(page, answer) -> list[str]:
    """The highlighted sentence behind each marker of `answer`, clicking each marker in turn."""
    texts = []
    markers = answer.locator("a.bb-cite")
    for i in range(markers.count()):
        markers.nth(i).click()
        target = markers.nth(i).get_attribute("href").lstrip("#")
        active = page.locator(f"#{target}.bb-active mark.cited")
        active.wait_for(timeout=5_000)
        texts.append(active.inner_text())
    return texts


def test_ask_click_citation_follow_up_and_abstain(chat_page) -> None:
    page, outside = chat_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate(WATCH_DRAFT)

    answer = ask(page, "What did Zakharova demand?", answers_so_far=0)
    assert page.evaluate("window.__bbSawDraft"), "the draft was never shown while the answer streamed"
    markers = answer.locator("a.bb-cite")
    assert markers.count() >= 1
    assert markers.first.inner_text() == "[1]"
    markers.first.click()
    highlighted = page.locator("#bb-sources .bb-src.bb-active mark.cited")
    highlighted.wait_for(timeout=5_000)
    assert "Zakharova" in highlighted.inner_text()
    assert highlighted.is_visible()
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)

    follow_up = ask(page, "And what did Lavrov say?", answers_so_far=1)
    assert "Searched as:" in follow_up.inner_text()  # the rewritten standalone question
    assert any("Lavrov" in text for text in cited_sources(page, follow_up))

    page.get_by_role("button", name="What is the capital of France?").click()
    page.wait_for_function(FINAL_ANSWERS, arg=3, timeout=ANSWER_MS)
    abstained = page.locator("#bb-chat .bb-answer").last
    assert "The articles don't say." in abstained.inner_text()
    assert abstained.locator("a.bb-cite").count() == 0
    assert "No sources" in page.locator("#bb-sources .bb-turn").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat-followup.png"), full_page=True)

    assert outside == [], "the page fetched something from outside the local server"
