"""The `Embedder` seam: text -> unit-length vectors. The real one wraps sentence-transformers, loaded lazily
from a local model directory (never from a hub), with briefbot's tuning of its top layers laid over it when
given (`minilm_tuning.safetensors` beside this module, made by `benchmarks/tune_embedder.py`); tests use
`briefbot.fakes.HashingEmbedder`.
"""

from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, Sequence, runtime_checkable

import numpy as np

from briefbot.errors import ModelError

if TYPE_CHECKING:
    from briefbot.config import Settings


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
    """all-MiniLM-L6-v2 (or any sentence-transformers directory), loaded on first use. `tuning`: a safetensors
    file of weights replacing some of the model's (briefbot's tuning of the bundled MiniLM), or None."""

    def __init__(self, model_dir: Path, batch_size: int = 32, tuning: Path | None = None) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self.tuning = Path(tuning) if tuning is not None else None
        self._model = None
        self._lock = threading.Lock()
        self._id = f"sentence-transformers:{self.model_dir.name}:{_weights_digest(self.model_dir)}"
        if self.tuning is not None:
            self._id += f"+tuning:{_file_digest(self.tuning)}"

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
                        model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
                except Exception as exc:
                    raise ModelError(
                        f"Could not load the embedder from {self.model_dir}: {exc}. Point "
                        "BRIEFBOT_EMBEDDER_MODEL at a sentence-transformers model directory."
                    ) from exc
                if self.tuning is not None:  # kept only once tuned: a failed tuning is not an untuned model
                    apply_tuning(model, self.tuning)
                self._model = model
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


def default_embedder(settings: "Settings") -> SentenceTransformerEmbedder:
    """The embedder the settings name: BRIEFBOT_EMBEDDER_MODEL, or the bundled MiniLM with briefbot's tuning
    unless it is turned off. Every caller builds it here, so all of them give the same embedder id."""
    return SentenceTransformerEmbedder(settings.embedder_path(), tuning=settings.embedder_tuning_path())


def apply_tuning(model, tuning: Path) -> None:
    """Lay the tuned weights in `tuning` (safetensors, any float type) over `model`'s own, in place; a ModelError
    when the file is unreadable or does not fit the model (a name it lacks, another shape)."""
    import torch
    from safetensors.torch import load_file

    try:
        tuned = load_file(str(tuning))
    except Exception as exc:
        raise ModelError(f"Could not read the embedder tuning {tuning}: {exc}. Reinstall briefbot, or set "
                         "BRIEFBOT_EMBEDDER_TUNING=false to use the bundled MiniLM as it is.") from exc
    own = model.state_dict()
    misfits = [name for name, tensor in tuned.items() if name not in own or own[name].shape != tensor.shape]
    if misfits or not tuned:
        raise ModelError(f"The embedder tuning {tuning} does not fit the model (e.g. {misfits[:1] or 'no weights'}): "
                         "it is made for the bundled all-MiniLM-L6-v2. Set BRIEFBOT_EMBEDDER_TUNING=false.")
    with torch.no_grad():
        for name, tensor in tuned.items():
            own[name].copy_(tensor.to(own[name].dtype))


def _file_digest(path: Path) -> str:
    """A short digest of a file's bytes (a missing file digests as empty: loading it then fails clearly)."""
    return hashlib.sha256(path.read_bytes() if path.is_file() else b"").hexdigest()[:12]


def _weights_digest(model_dir: Path) -> str:
    """A short digest of the model's config and weight sizes: a different model gives a different id."""
    digest = hashlib.sha256()
    if model_dir.is_dir():
        for path in sorted(model_dir.rglob("*")):
            if path.is_file() and path.suffix in {".json", ".safetensors", ".bin", ".txt"}:
                digest.update(path.relative_to(model_dir).as_posix().encode())
                digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()[:12]
