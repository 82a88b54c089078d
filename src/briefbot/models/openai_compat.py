"""`OpenAICompatibleLLM`: the `LLM` seam served by any OpenAI-compatible chat-completions endpoint.

llama.cpp's server (or `briefbot serve-model`), llama-cpp-python's server, vLLM and Ollama all speak it.
Replies are streamed (server-sent events: `data: {json}` lines, ended by `data: [DONE]`) with `httpx`.
Every failure is a `ModelServerError` (a `ModelError`) that says what to do, raised within the timeout:
the server is down or the URL is wrong, it does not connect or answer in time, it answers 4xx/5xx, its
stream is malformed or cut before the end. Nothing here retries or falls back; `Briefbot.stream` does.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Iterable, Iterator, Sequence

import httpx

from briefbot.errors import ModelServerError
from briefbot.models.llm import Message

MAX_STOP = 4  # the OpenAI API accepts at most four stop sequences
DEADLINE_FACTOR = 4  # the whole reply must arrive within this many timeouts


class OpenAICompatibleLLM:
    """Streamed chat completions from `base_url` (e.g. http://127.0.0.1:8080/v1)."""

    def __init__(self, base_url: str, *, model: str | None = None, api_key: str | None = None,
                 timeout: float = 30.0, temperature: float = 0.0, seed: int = 0,
                 transport: httpx.BaseTransport | None = None) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ModelServerError(f"Model server URL {base_url!r} is not an http(s) URL. Set BRIEFBOT_LLM_URL "
                                   "to e.g. http://127.0.0.1:8080/v1.")
        if timeout <= 0:
            raise ModelServerError(f"Model server timeout must be positive, not {timeout} (BRIEFBOT_LLM_TIMEOUT).")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.temperature = temperature
        self.seed = seed
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(base_url=self.base_url, headers=headers, transport=transport,
                                    timeout=httpx.Timeout(timeout), follow_redirects=False)
        self._model_lock = threading.Lock()

    @property
    def id(self) -> str:
        return f"openai:{self.model or 'server default'}@{self.base_url}"

    def close(self) -> None:
        self._client.close()

    # --- the model name -----------------------------------------------------------------------------
    def server_model(self) -> str:
        """The configured model name, else the first model the server lists (asked once)."""
        with self._model_lock:
            if self.model is None:
                with self._errors("listing its models"):
                    response = self._client.get("/models")
                    self._check_status(response, "listing its models")
                    try:
                        listed = [m["id"] for m in response.json().get("data", [])]
                    except (ValueError, TypeError, KeyError, AttributeError):
                        listed = []
                if not listed:
                    raise ModelServerError(f"The model server at {self.base_url} lists no model under /models. "
                                           "Set BRIEFBOT_LLM_SERVER_MODEL to the model name it serves.")
                self.model = listed[0]
            return self.model

    # --- the seam -----------------------------------------------------------------------------------
    def stream(self, messages: Sequence[Message], *, max_tokens: int, stop: Sequence[str] = ()) -> Iterator[str]:
        payload = {"model": self.server_model(), "messages": list(messages), "max_tokens": max_tokens,
                   "temperature": self.temperature, "seed": self.seed, "stream": True,
                   # llama.cpp's own sampling fields, as LlamaCppLLM samples (other servers ignore them)
                   "top_k": 1 if self.temperature == 0 else 40, "repeat_penalty": 1.1}
        if stop:
            payload["stop"] = list(stop)[:MAX_STOP]
        doing = "streaming a chat completion"
        with self._errors(doing):
            with self._client.stream("POST", "/chat/completions", json=payload) as response:
                if response.status_code >= 400:
                    response.read()
                self._check_status(response, doing)
                deadline = time.monotonic() + DEADLINE_FACTOR * self.timeout
                yield from parse_sse(response.iter_lines(), self.base_url, deadline=deadline,
                                     limit=DEADLINE_FACTOR * self.timeout)

    def count_tokens(self, text: str) -> int:
        """An estimate (the API has no tokenizer endpoint in common): about four characters a token."""
        return max(1, len(text) // 4)

    # --- errors -------------------------------------------------------------------------------------
    def _check_status(self, response: httpx.Response, doing: str) -> None:
        if response.status_code < 400:
            return
        body = " ".join(response.text.split())[:200]
        hint = {401: "set BRIEFBOT_LLM_API_KEY to the server's key",
                403: "set BRIEFBOT_LLM_API_KEY to a key allowed to use this model",
                404: "check BRIEFBOT_LLM_URL (it ends in /v1 for most servers) and BRIEFBOT_LLM_SERVER_MODEL"}.get(
            response.status_code, "see the model server's log" if response.status_code >= 500 else
            "check BRIEFBOT_LLM_URL and BRIEFBOT_LLM_SERVER_MODEL")
        raise ModelServerError(f"The model server at {self.base_url} answered HTTP {response.status_code} when "
                               f"{doing}: {body or 'no body'}. Fix: {hint}.")

    def _errors(self, doing: str) -> "_HttpErrors":
        return _HttpErrors(self.base_url, self.timeout, doing)


class _HttpErrors:
    """Turns httpx's exceptions into a `ModelServerError` naming the server and the fix."""

    def __init__(self, base_url: str, timeout: float, doing: str) -> None:
        self.base_url, self.timeout, self.doing = base_url, timeout, doing

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, httpx.HTTPError):
            return False
        where = f"The model server at {self.base_url}"
        if isinstance(exc, httpx.ConnectTimeout):
            message = f"{where} did not accept a connection within {self.timeout:g} s"
        elif isinstance(exc, httpx.TimeoutException):
            message = f"{where} sent nothing for {self.timeout:g} s when {self.doing}"
        elif isinstance(exc, httpx.ConnectError):
            message = f"{where} cannot be reached ({exc}): is it running"
        elif isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
            message = f"{where} cut its reply when {self.doing} ({exc or type(exc).__name__})"
        else:
            message = f"{where} failed when {self.doing}: {type(exc).__name__}: {exc}"
        raise ModelServerError(f"{message}. Start it (`briefbot serve-model`), fix BRIEFBOT_LLM_URL, or raise "
                               "BRIEFBOT_LLM_TIMEOUT for a slow server.") from exc


def parse_sse(lines: Iterable[str], where: str, *, deadline: float | None = None,
              limit: float = 0.0) -> Iterator[str]:
    """The text pieces of a streamed chat completion; `ModelServerError` if it is malformed or cut short."""
    finished = False
    for line in lines:
        if deadline is not None and time.monotonic() > deadline:
            raise ModelServerError(f"The model server at {where} did not finish its reply within {limit:g} s. "
                                   "Raise BRIEFBOT_LLM_TIMEOUT, lower BRIEFBOT_LLM_MAX_TOKENS, or use a faster "
                                   "server.")
        line = line.strip()
        if not line or line.startswith(":") or not line.startswith("data:"):
            continue  # blank separators, comments, "event:" / "id:" / "retry:" fields
        data = line[len("data:"):].strip()
        if data == "[DONE]":
            return
        try:
            chunk = json.loads(data)
        except ValueError:
            raise ModelServerError(f"The model server at {where} sent a malformed event ({data[:80]!r}); it "
                                   "does not look OpenAI-compatible. Check BRIEFBOT_LLM_URL.") from None
        if not isinstance(chunk, dict):
            raise ModelServerError(f"The model server at {where} sent an event that is not a JSON object "
                                   f"({data[:80]!r}). Check BRIEFBOT_LLM_URL.")
        if "error" in chunk:
            error = chunk["error"]
            detail = error.get("message", error) if isinstance(error, dict) else error
            raise ModelServerError(f"The model server at {where} reported an error mid-reply: {detail}. See "
                                   "its log.")
        choices = chunk.get("choices") or []
        if not choices:
            continue  # e.g. a final usage-only chunk
        choice = choices[0] if isinstance(choices[0], dict) else {}
        delta = choice.get("delta") or {}
        piece = delta.get("content") if isinstance(delta, dict) else None
        if piece:
            yield str(piece)
        if choice.get("finish_reason"):
            finished = True
    if not finished:
        raise ModelServerError(f"The model server at {where} ended its reply stream before it was complete (no "
                               "[DONE]). See its log; it may have crashed or been stopped.")
