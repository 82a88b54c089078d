"""The `Embedder` seam: text -> unit-length vectors. The real one wraps sentence-transformers, loaded lazily
from a local model directory (never from a hub); tests use `briefbot.fakes.HashingEmbedder`.
"""

from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Protocol, Sequence, runtime_checkable

import numpy as np

from briefbot.errors import ModelError


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    @property
    def id(self) -> str:
        """Identifies the model (and its weights) in the index manifest."""
        ...

    @property
    def dimension(self) -> int: ...

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray: ...


@contextmanager
def _no_load_progress_bar():
    """transformers' "Loading weights: 100%|###|" bar off while the embedder loads (every `briefbot ask` would print
    it to stderr), and back as it was after: the setting is the process's, and a library's user may want it."""
    from transformers.utils import logging as transformers_logging

    was_on = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            transformers_logging.enable_progress_bar()


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any sentence-transformers directory), loaded on first use."""

    def __init__(self, model_dir: Path, batch_size: int = 32) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self._id = f"sentence-transformers:{self.model_dir.name}:{_weights_digest(self.model_dir)}"

    @property
    def id(self) -> str:
        return self._id

    @property
    def dimension(self) -> int:
        return int(self._load().get_embedding_dimension())

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:  # pragma: no cover - depends on the install
                    raise ModelError(
                        "sentence-transformers is not installed: `pip install sentence-transformers` "
                        "(or run `make setup`)."
                    ) from exc
                try:
                    with _no_load_progress_bar():
                        self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
                except Exception as exc:
                    raise ModelError(
                        f"Could not load the embedder from {self.model_dir}: {exc}. Point "
                        "BRIEFBOT_EMBEDDER_MODEL at a sentence-transformers model directory."
                    ) from exc
            return self._model

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        model = self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        out = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            with self._lock:
                vectors = model.encode(batch, normalize_embeddings=True, convert_to_numpy=True)
            out.append(np.asarray(vectors, dtype=np.float32))
            if progress is not None:
                progress(min(start + len(batch), len(texts)), len(texts))
        return np.vstack(out)


def _weights_digest(model_dir: Path) -> str:
    """A short digest of the model's config and weight sizes: a different model gives a different id."""
    digest = hashlib.sha256()
    if model_dir.is_dir():
        for path in sorted(model_dir.rglob("*")):
            if path.is_file() and path.suffix in {".json", ".safetensors", ".bin", ".txt"}:
                digest.update(path.relative_to(model_dir).as_posix().encode())
                digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()[:12]
