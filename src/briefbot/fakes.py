"""Fakes behind briefbot's two model seams, for fast tests of the plumbing (and for users' own tests).

`HashingEmbedder` is a deterministic bag-of-words embedder; `ScriptedLLM` replies with scripted text
(or a function of the prompt). Neither loads a model. The faithfulness suite never uses them.
"""

from __future__ import annotations

import hashlib
import re
from typing import Callable, Iterator, Sequence

import numpy as np

from briefbot.models.llm import Message

_WORD = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """Bag of lower-cased words hashed into `dimension` buckets, L2-normalised."""

    def __init__(self, dimension: int = 256) -> None:
        self._dimension = dimension

    @property
    def id(self) -> str:
        return f"hashing:{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed(self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                bucket = int.from_bytes(hashlib.md5(word.encode()).digest()[:4], "little") % self._dimension
                out[row, bucket] += 1.0
            norm = np.linalg.norm(out[row])
            if norm > 0:
                out[row] /= norm
        if progress is not None:
            progress(len(texts), len(texts))
        return out


class ScriptedLLM:
    """Replies with `script` (a fixed string, a list consumed in order, or a function of the messages)."""

    def __init__(self, script: str | list[str] | Callable[[Sequence[Message]], str]) -> None:
        self.script = script
        self.calls: list[list[Message]] = []

    @property
    def id(self) -> str:
        return "scripted"

    def stream(self, messages: Sequence[Message], *, max_tokens: int, stop: Sequence[str] = ()) -> Iterator[str]:
        self.calls.append(list(messages))
        if callable(self.script):
            reply = self.script(messages)
        elif isinstance(self.script, list):
            reply = self.script.pop(0) if self.script else ""
        else:
            reply = self.script
        for stop_text in stop:
            if stop_text and stop_text in reply:
                reply = reply[: reply.index(stop_text)]
        for piece in re.findall(r"\S+\s*|\s+", reply):
            yield piece
