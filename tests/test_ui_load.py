"""The page under load: concurrency follows the backend, a full queue refuses at once, 16 users are served.

- fast: `build_app` runs one answer at a time with the in-process model and BRIEFBOT_PAGE_CONCURRENCY with a
  model server, with a bounded queue; `LlamaCppLLM` never lets two threads into one llama.cpp model;
- `ui`: a page whose (fake) model is stuck refuses the questions its full queue cannot hold with Gradio's
  "queue is full, try again" instead of letting them wait;
- `ui` + `models`: 16 simultaneous gradio_client users against the page on the real models: every request
  is answered or refused as busy within 60 s, and the process's peak RSS stays under 3 GB (printed).
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from briefbot.bot import Briefbot
from briefbot.config import Settings
from briefbot.fakes import HashingEmbedder, ScriptedLLM
from briefbot.models.llm import LlamaCppLLM
from briefbot.models.openai_compat import OpenAICompatibleLLM

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))
pytestmark = pytest.mark.usefixtures("isolated_env")
RSS_LIMIT_MIB = 3 * 1024
ZAKHAROVA_DRAFT = "Zakharova said that Moscow wants NATO to completely disavow its 2008 promise [1]."


def fake_bot(index_dir: Path, llm, **settings) -> Briefbot:
    return Briefbot.from_corpus(SEEDS, index_dir, settings=Settings(min_evidence_score=0.05, **settings),
                                embedder=HashingEmbedder(), llm=llm)


def model_fns(demo):
    from briefbot.ui.page import CONCURRENCY_ID

    return [fn for fn in demo.fns.values() if fn.concurrency_id == CONCURRENCY_ID]


def test_concurrency_follows_the_backend(tmp_path):
    pytest.importorskip("gradio")
    from briefbot.ui.page import build_app

    in_process = build_app(fake_bot(tmp_path / "a", ScriptedLLM(ZAKHAROVA_DRAFT), page_queue=5))
    assert {fn.concurrency_limit for fn in model_fns(in_process)} == {1}
    assert in_process._queue.max_size == 5

    server = OpenAICompatibleLLM("http://127.0.0.1:9/v1", model="m", timeout=1)
    served = build_app(fake_bot(tmp_path / "b", server, page_concurrency=3, page_queue=5))
    fns = model_fns(served)
    assert len(fns) >= 4 and {fn.concurrency_limit for fn in fns} == {3}  # ask, submit, examples, /chat
    assert served._queue.max_size == 5


class OverlapProbe:
    """A stand-in for `llama_cpp.Llama` that records whether two calls were ever inside it at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.overlapped = False
        self.calls = 0
        self._count = threading.Lock()

    def create_chat_completion(self, **kwargs):
        with self._count:
            self.inside += 1
            self.calls += 1
            self.overlapped |= self.inside > 1
        try:
            for piece in ("a ", "b ", "c"):
                time.sleep(0.01)
                yield {"choices": [{"delta": {"content": piece}}]}
        finally:
            with self._count:
                self.inside -= 1


def test_llama_cpp_llm_serves_one_thread_at_a_time(tmp_path):
    llm = LlamaCppLLM(tmp_path / "unused.gguf")
    probe = OverlapProbe()
    llm._llama = probe  # loaded: the lock, not the loading, is under test
    replies = []

    def ask() -> None:
        replies.append("".join(llm.stream([{"role": "user", "content": "hi"}], max_tokens=4)))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert replies == ["a b c"] * 6 and probe.calls == 6
    assert not probe.overlapped


@pytest.mark.ui
def test_a_full_queue_refuses_at_once_with_busy_try_again(tmp_path):
    pytest.importorskip("gradio_client")
    from concurrent_users import free_port, run_users

    from briefbot.ui.page import launch

    release = threading.Event()
    entered = threading.Event()

    def stuck(messages):  # the first answer holds the only slot until released
        entered.set()
        release.wait(30)
        return ZAKHAROVA_DRAFT

    bot = fake_bot(tmp_path / "index", ScriptedLLM(stuck), page_queue=2)
    demo = launch(bot, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    first: list = []
    try:
        # the first user takes the slot before the others arrive (all six at once would race for it: which
        # of them the queue has moved into the slot when the rest arrive decides how many fit)
        holder = threading.Thread(target=lambda: first.extend(
            run_users(demo.local_url, 1, questions=["What did Zakharova demand?"], timeout=40)[0]))
        holder.start()
        assert entered.wait(20), "the first question never reached the model"
        timer = threading.Timer(8.0, release.set)
        timer.start()
        outcomes, wall = run_users(demo.local_url, 5, questions=["What did Zakharova demand?"], timeout=40)
        holder.join(40)
    finally:
        release.set()
        demo.close()
    outcomes = first + outcomes
    statuses = sorted(o.status for o in outcomes)
    assert len(outcomes) == 6 and set(statuses) <= {"answered", "busy"}, [(o.status, o.detail) for o in outcomes]
    busy = [o for o in outcomes if o.status == "busy"]
    assert statuses.count("answered") == 3 and len(busy) == 3  # one answering + two waiting; the rest refused
    assert all(o.seconds < 8.0 for o in busy), "a refusal must not wait for the stuck answer"
    assert all("try again" in o.detail.lower() for o in busy)


@pytest.mark.ui
@pytest.mark.models
def test_sixteen_simultaneous_users_are_answered_or_refused_within_a_minute(tmp_path):
    pytest.importorskip("gradio_client")
    from concurrent_users import free_port, rss_mib, run_users, summarise

    from briefbot.ui.page import launch, page_concurrency, queue_size

    bot = Briefbot.from_corpus(SEEDS, tmp_path / "index", settings=Settings())
    demo = launch(bot, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    peak = {"rss": rss_mib(field="VmRSS")}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak["rss"] = max(peak["rss"], rss_mib(field="VmRSS"))

    sampler = threading.Thread(target=sample, daemon=True)
    try:
        bot.ask("What did Zakharova demand?")  # load the models first: the limit is on answering
        sampler.start()
        outcomes, wall = run_users(demo.local_url, 16, timeout=60)
    finally:
        done.set()
        demo.close()
    summary = summarise(outcomes, wall)
    print(f"\n16 users, page concurrency {page_concurrency(bot)}, queue {queue_size(bot)}: {summary}; "
          f"peak RSS sampled {peak['rss']:.0f} MiB, VmHWM {rss_mib():.0f} MiB", flush=True)
    assert len(outcomes) == 16
    assert all(o.status in ("answered", "busy") for o in outcomes), [(o.status, o.detail) for o in outcomes]
    assert all(o.seconds < 60 for o in outcomes)
    assert summary["answered"] >= 1
    assert max(peak["rss"], rss_mib()) < RSS_LIMIT_MIB
