"""`OpenAICompatibleLLM` against a tiny OpenAI-compatible server on 127.0.0.1 (http.server in a thread).

The fake server's behaviour is chosen by the first path segment of the base URL
(`http://127.0.0.1:PORT/<behaviour>/v1`): a good stream, an HTTP error, a slow or trickling server, a
stream cut in the middle, a malformed event. Every failure must be a `ModelServerError` within the
timeout, and `Briefbot` must then answer in the evidence's own words, still cited.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from briefbot.bot import Briefbot, default_llm
from briefbot.config import Settings
from briefbot.errors import ModelError
from briefbot.fakes import HashingEmbedder
from briefbot.models.llm import LLM, complete
from briefbot.models.openai_compat import ModelServerError, OpenAICompatibleLLM, parse_sse

from conftest import ZAKHAROVA

pytestmark = pytest.mark.usefixtures("isolated_env")
TIMEOUT = 1.0
REPLY = ["Zakharova demanded", " written guarantees", " that the alliance would stop expanding east [1]."]
MESSAGES = [{"role": "user", "content": "What did Zakharova demand?"}]


def event(payload) -> bytes:
    return f"data: {payload if isinstance(payload, str) else json.dumps(payload)}\n\n".encode()


def chunk(text: str | None = None, finish: str | None = None) -> dict:
    delta = {"content": text} if text is not None else {}
    return {"id": "c1", "object": "chat.completion.chunk", "model": "fake-model",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str, dict]] = []  # (behaviour, path, json body)
        self.stop = threading.Event()

    def url(self, behaviour: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{behaviour}/v1"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FakeServer

    def log_message(self, *args) -> None:  # quiet
        pass

    def _route(self) -> tuple[str, str]:
        _, behaviour, rest = self.path.split("/", 2)
        return behaviour, "/" + rest

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        behaviour, path = self._route()
        self.server.requests.append((behaviour, path, {}))
        if behaviour == "nomodels":
            self._send(200, b'{"object": "list", "data": []}')
        elif path == "/v1/models":
            self._send(200, json.dumps({"object": "list", "data": [{"id": "fake-model"}]}).encode())
        else:
            self._send(404, b'{"error": "not found"}')

    def do_POST(self) -> None:
        behaviour, path = self._route()
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        self.server.requests.append((behaviour, path, body | {"_auth": self.headers.get("Authorization")}))
        if path != "/v1/chat/completions" or behaviour == "404":
            return self._send(404, b'{"error": {"message": "model not found"}}')
        if behaviour == "500":
            return self._send(500, b'{"error": {"message": "CUDA out of memory, or worse"}}')
        if behaviour == "slow":  # nothing at all until long after the client's timeout
            self.server.stop.wait(10 * TIMEOUT)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for data in self._events(behaviour):
            if data is None:  # cut: half a chunk, then the connection dies
                self.wfile.write(b"40\r\ndata: {\"choi")
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if isinstance(data, float):
                if self.server.stop.wait(data):
                    return
                continue
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _events(self, behaviour: str) -> Iterator[bytes | float | None]:
        yield b": a comment line, ignored\n\n"
        if behaviour == "trickle":  # a piece now and then, for ever: only the whole-reply deadline ends it
            while True:
                yield event(chunk(" more"))
                yield 0.6 * TIMEOUT
        yield event(chunk(REPLY[0]))
        if behaviour == "cut":
            yield None
        if behaviour == "malformed":
            yield b"data: {this is not json\n\n"
        if behaviour == "midstream-error":
            yield event({"error": {"message": "the model crashed"}})
        if behaviour == "nodone":  # the stream just ends: no finish_reason, no [DONE]
            return
        for text in REPLY[1:]:
            yield event(chunk(text))
        yield event(chunk(finish="stop"))
        yield event("[DONE]")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.stop.set()
    fake.shutdown()
    fake.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def llm_for(server: FakeServer, behaviour: str, **kwargs) -> OpenAICompatibleLLM:
    return OpenAICompatibleLLM(server.url(behaviour), timeout=TIMEOUT, **kwargs)


def test_streams_the_reply_and_sends_an_openai_request(server):
    llm = llm_for(server, "ok", api_key="sekrit")
    assert isinstance(llm, LLM)
    pieces = list(llm.stream(MESSAGES, max_tokens=32, stop=["\n\n", "Question:", "a", "b", "c"]))
    assert pieces == REPLY
    behaviour, path, body = server.requests[-1]
    assert (behaviour, path) == ("ok", "/v1/chat/completions")
    assert body["model"] == "fake-model"  # not configured: the first one /models lists
    assert body["messages"] == MESSAGES and body["max_tokens"] == 32 and body["stream"] is True
    assert body["stop"] == ["\n\n", "Question:", "a", "b"]  # the API takes four at most
    assert body["temperature"] == 0.0 and body["_auth"] == "Bearer sekrit"
    assert body["top_k"] == 1 and body["repeat_penalty"] == 1.1  # sampled as in-process, on llama.cpp servers
    assert llm.id == f"openai:fake-model@{server.url('ok')}"


def test_a_configured_model_name_is_used_without_asking(server):
    llm = llm_for(server, "ok", model="my-model")
    before = len(server.requests)
    assert complete(llm, MESSAGES, max_tokens=8) == "".join(REPLY)
    assert [r[1] for r in server.requests[before:]] == ["/v1/chat/completions"]
    assert server.requests[-1][2]["model"] == "my-model" and server.requests[-1][2]["_auth"] is None


@pytest.mark.parametrize("behaviour, message", [
    ("500", r"HTTP 500 .*CUDA out of memory.*model server's log"),
    ("404", r"HTTP 404 .*BRIEFBOT_LLM_URL"),
    ("slow", r"sent nothing for 1 s.*BRIEFBOT_LLM_TIMEOUT"),
    ("cut", r"cut its reply"),
    ("malformed", r"malformed event.*'\{this is not json'"),
    ("midstream-error", r"reported an error mid-reply: the model crashed"),
    ("nodone", r"ended its reply stream before it was complete"),
    ("trickle", r"did not finish its reply within 4 s"),
    ("nomodels", r"lists no model.*BRIEFBOT_LLM_SERVER_MODEL"),
])
def test_each_failure_is_a_model_error_within_the_timeout(server, behaviour, message):
    llm = llm_for(server, behaviour)
    started = time.monotonic()
    with pytest.raises(ModelServerError, match=message) as raised:
        complete(llm, MESSAGES, max_tokens=8)
    took = time.monotonic() - started
    assert isinstance(raised.value, ModelError)
    assert took < 4 * TIMEOUT + 2 * TIMEOUT, took  # the whole-reply deadline, plus one read timeout at most
    if behaviour not in ("slow", "trickle"):
        assert took < TIMEOUT, f"{behaviour} should fail at once, took {took:.2f} s"


def test_a_server_that_is_down_fails_at_once_and_says_what_to_do():
    llm = OpenAICompatibleLLM(f"http://127.0.0.1:{free_port()}/v1", model="m", timeout=TIMEOUT)
    started = time.monotonic()
    with pytest.raises(ModelServerError, match=r"cannot be reached.*is it running.*briefbot serve-model"):
        complete(llm, MESSAGES, max_tokens=8)
    assert time.monotonic() - started < TIMEOUT


def test_a_connection_that_is_never_accepted_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))  # bound, listening with no room in the backlog, never accepting
    listener.listen(0)
    fillers = []
    try:
        for _ in range(8):  # fill the backlog so that further connects hang in SYN_SENT
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(listener.getsockname())
            fillers.append(filler)
        llm = OpenAICompatibleLLM(f"http://127.0.0.1:{listener.getsockname()[1]}/v1", model="m", timeout=TIMEOUT)
        started = time.monotonic()
        with pytest.raises(ModelServerError, match=r"(did not accept a connection within 1 s|sent nothing)"):
            complete(llm, MESSAGES, max_tokens=8)
        assert time.monotonic() - started < 3 * TIMEOUT
    finally:
        for sock in fillers + [listener]:
            sock.close()


@pytest.mark.parametrize("url", ["127.0.0.1:8080/v1", "ftp://127.0.0.1/v1"])
def test_a_bad_url_is_a_clear_error(url):
    with pytest.raises(ModelServerError, match="BRIEFBOT_LLM_URL"):
        OpenAICompatibleLLM(url)


def test_settings_validate_the_url(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("BRIEFBOT_LLM_URL", "localhost:8080")
    with pytest.raises(ValidationError, match="http:// or https:// URL"):
        Settings()
    monkeypatch.setenv("BRIEFBOT_LLM_URL", " http://127.0.0.1:9/v1/ ")
    monkeypatch.setenv("BRIEFBOT_LLM_TIMEOUT", "0")
    with pytest.raises(ValidationError, match="llm_timeout"):
        Settings()
    monkeypatch.setenv("BRIEFBOT_LLM_TIMEOUT", "2.5")
    monkeypatch.setenv("BRIEFBOT_LLM_API_KEY", "sk-zebra-42")
    settings = Settings()
    assert settings.llm_url == "http://127.0.0.1:9/v1" and "sk-zebra-42" not in repr(settings)
    assert settings.llm_api_key.get_secret_value() == "sk-zebra-42"


def test_parse_sse_ignores_other_fields_and_usage_chunks():
    lines = ["event: message", "id: 3", "retry: 10", "", json.dumps({}), "data: " + json.dumps(chunk("a")),
             "data: " + json.dumps({"choices": [], "usage": {"total_tokens": 3}}), "data: [DONE]",
             "data: " + json.dumps(chunk("never"))]
    assert list(parse_sse(lines, "here")) == ["a"]
    assert list(parse_sse(["data: " + json.dumps(chunk("b", finish="length"))], "here")) == ["b"]
    with pytest.raises(ModelServerError, match="not a JSON object"):
        list(parse_sse(["data: [1, 2]"], "here"))


def test_from_corpus_picks_the_server_when_the_url_is_set(server, monkeypatch, corpus_dir, index_dir):
    monkeypatch.setenv("BRIEFBOT_LLM_URL", server.url("ok"))
    monkeypatch.setenv("BRIEFBOT_LLM_SERVER_MODEL", "fake-model")
    monkeypatch.setenv("BRIEFBOT_LLM_TIMEOUT", "3")
    settings = Settings()
    bot = Briefbot.from_corpus(corpus_dir, index_dir, settings=settings, embedder=HashingEmbedder())
    assert isinstance(bot.llm, OpenAICompatibleLLM)
    assert bot.llm.timeout == 3 and bot.llm.model == "fake-model" and bot.info().llm.startswith("openai:")
    answer = bot.ask("What did Zakharova demand?")
    assert ZAKHAROVA in [c.id for s in answer.sentences for c in s.citations]
    assert answer.draft == "".join(REPLY) and answer.sentences[0].origin == "model"
    monkeypatch.delenv("BRIEFBOT_LLM_URL")
    assert type(default_llm(Settings())).__name__ == "LlamaCppLLM"


@pytest.mark.parametrize("behaviour", ["500", "cut", "malformed", "slow", "down"])
def test_a_failing_server_falls_back_to_the_sources_words(server, behaviour, corpus_dir, index_dir, caplog):
    url = f"http://127.0.0.1:{free_port()}/v1" if behaviour == "down" else server.url(behaviour)
    llm = OpenAICompatibleLLM(url, model="fake-model", timeout=TIMEOUT)
    bot = Briefbot.from_corpus(corpus_dir, index_dir, settings=Settings(), embedder=HashingEmbedder(), llm=llm)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="briefbot"):
        answer = bot.ask("What did Zakharova demand?")
    assert time.monotonic() - started < 3 * TIMEOUT
    assert not answer.abstained
    assert "".join(REPLY).startswith(answer.draft)  # what arrived before the failure, if anything
    assert answer.draft != "".join(REPLY)
    assert ZAKHAROVA in [c.id for s in answer.sentences for c in s.citations]
    for sentence in answer.sentences:  # the evidence's own words (the unfinished draft sentence is left out)
        assert sentence.origin == "source" and sentence.supported
        assert sentence.text in [c.text for c in sentence.citations]
    warning = [r for r in caplog.records if "sources' own words" in r.getMessage()]
    assert warning and url in warning[0].getMessage()


# --- `briefbot doctor` with a model server configured -----------------------------------------------


def test_doctor_reports_a_server_that_answers(server, monkeypatch, corpus_dir, index_dir, capsys):
    import briefbot.doctor as doctor
    from briefbot.cli import main as cli_main

    monkeypatch.setattr(doctor, "check_embedder", lambda settings: doctor.Check("embedder", "OK", "fake"))
    monkeypatch.setenv("BRIEFBOT_LLM_URL", server.url("ok"))
    before = len(server.requests)
    code = cli_main(["doctor", "--corpus", str(corpus_dir), "--index", str(index_dir)])
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if " model server " in line)
    assert line.startswith("OK") and server.url("ok") in line and "'fake-model'" in line, out
    assert "1-token completion" in line and "timeout 30 s" in line
    assert "llm generate" not in out and "llm model" not in out  # the in-process model is not used
    assert server.requests[-1][2]["max_tokens"] == 1 and len(server.requests) - before == 2  # models + chat
    assert code == 0, out


@pytest.mark.parametrize("behaviour, detail", [("500", "HTTP 500"), ("slow", "sent nothing for 1 s"),
                                               ("down", "cannot be reached")])
def test_doctor_fails_a_server_that_does_not_answer(server, monkeypatch, behaviour, detail):
    import briefbot.doctor as doctor

    url = f"http://127.0.0.1:{free_port()}/v1" if behaviour == "down" else server.url(behaviour)
    settings = Settings(llm_url=url, llm_timeout=TIMEOUT)
    started = time.monotonic()
    check = doctor.check_model_server(settings)
    assert time.monotonic() - started < 3 * TIMEOUT
    assert check.status == "FAIL" and detail in check.detail and url in check.detail
    assert "BRIEFBOT_LLM" in check.fix or "log" in check.fix
    assert doctor.verdict([check]).startswith("1 problem(s): model server:")
