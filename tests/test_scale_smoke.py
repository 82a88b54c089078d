"""A tiny run of benchmarks/scale.py's worker: the synthetic corpus builds, reopens, answers retrieval, takes
10 more articles incrementally, and an IVF store (used past IVF_FROM vectors) finds what exact search finds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from briefbot.fakes import HashingEmbedder
from briefbot.index.store import FaissStore

pytestmark = pytest.mark.usefixtures("isolated_env")
SCALE = Path(__file__).parents[1] / "benchmarks" / "scale.py"


@pytest.fixture(scope="module")
def scale():
    spec = importlib.util.spec_from_file_location("scale", SCALE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_synthetic_corpus_is_deterministic_and_varied(scale):
    first, again = scale.article(5), scale.article(5)
    assert first == again and first != scale.article(6)
    sentences = first["text"].replace("\n\n", " ").split(". ")
    assert len(set(sentences)) > 20


def test_tiny_scale_run(scale, tmp_path):
    out = scale.worker(600, tmp_path, recall=True)
    assert out["articles"] == 20 and 500 <= out["sentences"] <= 700
    assert out["new articles retrievable"] is True
    assert out["recall@10"] == 1.0  # exact search below IVF_FROM
    for key in ("build s", "load s", "retrieve p50 ms", "search p50 ms", "add 10 + reopen s", "peak RSS MB"):
        assert out[key] > 0


def test_ivf_store_adds_removes_and_finds_like_exact_search():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((50, 32)).astype(np.float32)
    vectors = centres[rng.integers(0, 50, 6000)] + 0.3 * rng.standard_normal((6000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(6000, dtype=np.int64) * 7 + 3  # sparse, stable ids
    ivf = FaissStore.empty(32, expected=10**6)
    assert ivf.kind == "ivf"
    ivf.add(ids, vectors)
    exact = FaissStore.empty(32)
    exact.add(ids, vectors)
    assert exact.kind == "flat" and len(ivf) == len(exact) == 6000
    hits = sum(len({i for i, _ in ivf.search(v, 10)} & {i for i, _ in exact.search(v, 10)}) for v in vectors[:50])
    assert hits / 500 >= 0.9
    np.testing.assert_allclose(ivf.vectors(ids[:5]), vectors[:5], atol=0.02)  # 8-bit quantised
    ivf.remove(ids[:100])
    assert len(ivf) == 5900 and ids[0] not in {i for i, _ in ivf.search(vectors[0], 10)}
    with pytest.raises(KeyError):
        ivf.vectors(ids[:1])


def test_exact_store_round_trips_by_id(tmp_path):
    embedder = HashingEmbedder(16)
    store = FaissStore.empty(16)
    store.add([10, 20, 30], embedder.embed(["a b", "c d", "e f"]))
    store.remove([20])
    store.save(tmp_path / "s.faiss")
    loaded = FaissStore.load(tmp_path / "s.faiss")
    assert len(loaded) == 2
    assert loaded.search(embedder.embed(["e f"])[0], 1)[0][0] == 30
    np.testing.assert_allclose(loaded.vectors([30, 10]), embedder.embed(["e f", "a b"]))
