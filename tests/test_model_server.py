"""`briefbot serve-model` (models/server.py): llama-cpp-python's OpenAI-compatible server with the AMX fix.

Fast tests check the launcher itself: the repacking switch is in force while llama-cpp-python's app loads
the model, interrupting concurrent replies is off, and bad options are clear errors. The `models` test
starts the real server on the bundled SmolLM2 on a free port, answers through it, stops it, and checks
that `ask` then still answers in the sources' own words within the timeout.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from briefbot.cli import build_parser
from briefbot.cli import main as cli_main
from briefbot.config import Settings
from briefbot.errors import ConfigError, ModelError
from briefbot.models import server

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
pytestmark = pytest.mark.usefixtures("isolated_env")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gguf(tmp_path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + b"\0" * 64)
    return path


@pytest.mark.parametrize("mode, expected", [("on", True), ("off", False)])
def test_the_model_loads_with_the_repacking_switch_in_force(monkeypatch, gguf, mode, expected):
    pytest.importorskip("llama_cpp.server.app")
    import llama_cpp.llama_cpp as low_level
    import llama_cpp.server.app as llama_app

    seen = {}

    def fake_create_app(*, server_settings, model_settings):  # where LlamaProxy loads the model
        params = low_level.llama_model_default_params()
        seen["use_extra_bufts"] = getattr(params, "use_extra_bufts", None)
        seen["interrupt_requests"] = server_settings.interrupt_requests
        seen["model"] = model_settings[0]
        return "app"

    monkeypatch.setattr(llama_app, "create_app", fake_create_app)
    assert server.create_app(gguf, n_ctx=1024, threads=3, repack=mode) == "app"
    if hasattr(low_level.llama_model_default_params(), "use_extra_bufts"):
        assert seen["use_extra_bufts"] is expected
    assert seen["interrupt_requests"] is False  # concurrent users' replies are never cut short
    model = seen["model"]
    assert (model.model, model.n_ctx, model.n_threads, model.model_alias) == (str(gguf), 1024, 3, "briefbot")


def test_a_model_that_fails_to_load_is_a_model_error(gguf):
    pytest.importorskip("llama_cpp.server.app")
    with pytest.raises(ModelError, match=f"Could not load GGUF model {gguf}"):
        server.create_app(gguf, repack="off")  # 64 zero bytes after the magic: not a model


def test_bad_options_are_clear_errors(tmp_path, gguf, capsys):
    with pytest.raises(ModelError, match="not found.*--model"):
        server.create_app(tmp_path / "missing.gguf")
    with pytest.raises(ConfigError, match="--repack must be one of"):
        server.create_app(gguf, repack="sometimes")
    args = build_parser().parse_args(["serve-model", "--model", str(gguf), "--threads", "0"])
    with pytest.raises(ConfigError, match="--threads 1..256"):
        server.run(args, Settings())
    assert cli_main(["serve-model", "--model", str(tmp_path / "missing.gguf")]) == 1
    assert "not found" in capsys.readouterr().err


def test_the_cli_defaults_to_loopback_and_the_settings():
    args = build_parser().parse_args(["serve-model"])
    assert (args.host, args.port, args.model, args.n_ctx, args.threads, args.repack) == (
        "127.0.0.1", server.DEFAULT_PORT, None, None, None, None)


# --- the real server ------------------------------------------------------------------------------------


@pytest.mark.models
def test_briefbot_answers_through_the_real_server_then_falls_back_when_it_stops(tmp_path, monkeypatch):
    pytest.importorskip("llama_cpp.server")
    from briefbot.bot import Briefbot
    from briefbot.models.openai_compat import OpenAICompatibleLLM

    log = tmp_path / "server.log"
    question = "What did Zakharova demand?"
    with server.running(port=free_port(), log=log, threads=1) as running:
        monkeypatch.setenv("BRIEFBOT_LLM_URL", running.url)
        monkeypatch.setenv("BRIEFBOT_LLM_TIMEOUT", "20")
        bot = Briefbot.from_corpus(SEEDS, tmp_path / "index", settings=Settings())
        assert isinstance(bot.llm, OpenAICompatibleLLM)
        zakharova = next(s for s in bot.index.sentences if "Zakharova" in s.text and "wants" in s.text)
        answer = bot.ask(question)
        assert bot.llm.model == server.MODEL_ALIAS  # asked the server which model it serves
        assert answer.draft.strip(), "the server drafted nothing"
        assert not answer.abstained and zakharova.id in [c.id for c in answer.citations]
        assert any(c.text == zakharova.text for c in answer.citations)
    served = log.read_text(errors="replace")
    assert "POST /v1/chat/completions HTTP/1.1\" 200" in served, served[-2000:]
    assert "briefbot model server: http://127.0.0.1:" in served

    # The server is gone: the answer comes back within the timeout, in the source's own words, cited.
    started = time.monotonic()
    stopped = bot.ask(question)
    assert time.monotonic() - started < bot.llm.timeout  # refused at once: no waiting on a dead server
    assert stopped.draft == "" and zakharova.id in [c.id for c in stopped.citations]
    assert all(s.origin == "source" for s in stopped.sentences)
