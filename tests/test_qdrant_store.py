"""QdrantStore against the client's embedded local mode in tmp_path (no server): the store seam's contract,
checked against brute-force numpy and FaissStore; persistence; refusal of mismatched or changed collections;
payloads; settings; the doctor's store report."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from briefbot.config import Settings
from briefbot.errors import IndexError_, IndexMismatchError
from briefbot.index.qdrant_connection import StoreUnavailableError, close_connections, connect
from briefbot.index.qdrant_store import QdrantStore, StoreFacts, collection_name
from briefbot.index.store import FaissStore
from briefbot.index.stores import (chunk_payload, load_store, open_store, save_store, sentence_payload,
                                   store_dimension, store_report)
from briefbot.types import Article, Chunk, Sentence

DIM = 16


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    close_connections()  # releases the local mode's path lock between tests


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store="qdrant", qdrant_path=tmp_path / "qdrant")


def unit_vectors(n: int, seed: int, dim: int = DIM) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def new_store(settings: Settings, tmp_path: Path, kind="sentences", embedder_id="hashing:16", dim=DIM):
    return open_store(settings, kind, dim, index_dir=tmp_path / "index", embedder_id=embedder_id, format_version=4)


def brute_force(ids: np.ndarray, matrix: np.ndarray, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    scores = matrix @ query
    order = np.argsort(-scores)[:k]
    return [(int(ids[i]), float(scores[i])) for i in order]


def assert_same_hits(got: list[tuple[int, float]], want: list[tuple[int, float]]) -> None:
    assert [i for i, _ in got] == [i for i, _ in want]
    np.testing.assert_allclose([s for _, s in got], [s for _, s in want], atol=1e-5)


def test_add_search_remove_vectors_len_agree_with_brute_force_and_faiss(settings, tmp_path):
    store = new_store(settings, tmp_path)
    rng = np.random.default_rng(1)
    ids = rng.choice(1 << 40, size=150, replace=False).astype(np.int64)  # stable ids, not row numbers
    matrix = unit_vectors(150, seed=2)
    store.add(ids, matrix)
    faiss_store = FaissStore.from_vectors(matrix, DIM, ids=ids)
    assert len(store) == len(faiss_store) == 150
    queries = unit_vectors(8, seed=3)
    for query in queries:
        want = brute_force(ids, matrix, query, 10)
        assert_same_hits(store.search(query, 10), want)
        assert_same_hits(faiss_store.search(query, 10), want)
    assert store.search(queries[0], 0) == []
    assert len(store.search(queries[0], 500)) == 150  # k above the size gives everything, best first

    gone = ids[::4]
    store.remove(np.concatenate([gone, [123, 456]]))  # unknown ids are harmless
    faiss_store.remove(gone)
    kept = ~np.isin(ids, gone)
    assert len(store) == len(faiss_store) == int(kept.sum())
    for query in queries:
        want = brute_force(ids[kept], matrix[kept], query, 10)
        assert_same_hits(store.search(query, 10), want)
        assert_same_hits(faiss_store.search(query, 10), want)
    order = [7, 1, 2]  # kept rows, asked out of order
    np.testing.assert_array_equal(store.vectors(ids[order]), matrix[order])
    assert store.vectors([]).shape == (0, DIM)
    with pytest.raises(KeyError):
        store.vectors([int(gone[0])])
    store.remove([])  # nothing to do


def test_negative_int64_ids_round_trip(settings, tmp_path):
    store = new_store(settings, tmp_path)
    ids = np.asarray([-1, -(1 << 63), (1 << 63) - 1, 0], dtype=np.int64)
    matrix = unit_vectors(4, seed=4)
    store.add(ids, matrix)
    assert store.search(matrix[1], 1)[0][0] == -(1 << 63)
    np.testing.assert_array_equal(store.vectors(ids[::-1]), matrix[::-1])
    store.remove([-1])
    assert sorted(i for i, _ in store.search(matrix[0], 10)) == sorted(ids[1:].tolist())


def test_bad_input_is_refused(settings, tmp_path):
    store = new_store(settings, tmp_path)
    with pytest.raises(ValueError, match="dimension"):
        store.add([1, 2], unit_vectors(2, seed=5, dim=DIM + 1))
    with pytest.raises(ValueError, match="payloads"):
        store.add([1, 2], unit_vectors(2, seed=5), payloads=[{}])
    assert len(store) == 0


def test_reopening_the_path_keeps_the_points(settings, tmp_path):
    store = new_store(settings, tmp_path)
    ids, matrix = np.arange(40, dtype=np.int64) * 3, unit_vectors(40, seed=6)
    store.add(ids, matrix)
    build = tmp_path / "build"
    build.mkdir()
    assert save_store(store, build, "sentences").name == "sentences.qdrant.json"
    query = unit_vectors(1, seed=7)[0]
    before = store.search(query, 5)
    close_connections()

    again = load_store(build, "sentences", settings, embedder_id="hashing:16", format_version=4, dimension=DIM)
    assert isinstance(again, QdrantStore) and len(again) == 40 and store_dimension(again) == DIM
    assert_same_hits(again.search(query, 5), before)
    assert_same_hits(before, brute_force(ids, matrix, query, 5))
    np.testing.assert_array_equal(again.vectors(ids[:3]), matrix[:3])


def test_a_collection_built_for_another_embedder_dimension_or_format_is_refused(settings, tmp_path):
    new_store(settings, tmp_path).add([1], unit_vectors(1, seed=8))
    connection = connect(settings)
    name = collection_name(settings.qdrant_prefix, tmp_path / "index", "sentences")
    for facts, wrong in ((StoreFacts(4, "minilm", DIM), "embedder_id"), (StoreFacts(4, "hashing:16", 32), "dimension"),
                         (StoreFacts(3, "hashing:16", DIM), "format_version")):
        with pytest.raises(IndexMismatchError, match=wrong):
            QdrantStore.open(connection, name, "sentences", facts)
    with pytest.raises(IndexMismatchError, match="kind"):
        QdrantStore.open(connection, name, "chunks", StoreFacts(4, "hashing:16", DIM))
    assert len(QdrantStore.open(connection, name, "sentences", StoreFacts(4, "hashing:16", DIM))) == 1
    fresh = new_store(settings, tmp_path, embedder_id="minilm", dim=32)  # a fresh build recreates it, empty
    assert len(fresh) == 0 and fresh.dimension == 32
    with pytest.raises(IndexError_, match="does not exist"):
        QdrantStore.open(connection, name + "-x", "sentences", StoreFacts(4, "minilm", 32), create=False)


def test_a_collection_without_briefbot_metadata_is_refused(settings, tmp_path):
    from qdrant_client import models

    connection = connect(settings)
    connection.client.create_collection("foreign", vectors_config=models.VectorParams(
        size=DIM, distance=models.Distance.DOT))
    with pytest.raises(IndexMismatchError, match="no briefbot metadata"):
        QdrantStore.open(connection, "foreign", "sentences", StoreFacts(4, "hashing:16", DIM))


def test_a_collection_changed_after_its_build_was_saved_is_refused(settings, tmp_path):
    store = new_store(settings, tmp_path)
    store.add([1, 2], unit_vectors(2, seed=9))
    build = tmp_path / "build"
    build.mkdir()
    save_store(store, build, "sentences")
    store.remove([2])  # e.g. an incremental build that stopped before saving
    with pytest.raises(IndexMismatchError, match="changed after"):
        load_store(build, "sentences", settings, embedder_id="hashing:16", format_version=4, dimension=DIM)
    save_store(store, build, "sentences")
    assert len(load_store(build, "sentences", settings, embedder_id="hashing:16", format_version=4,
                          dimension=DIM)) == 1


def test_a_build_made_with_the_other_store_is_a_mismatch(settings, tmp_path):
    build = tmp_path / "build"
    build.mkdir()
    save_store(FaissStore.from_vectors(unit_vectors(3, seed=10), DIM), build, "chunks")
    with pytest.raises(IndexMismatchError, match="BRIEFBOT_STORE"):
        load_store(build, "chunks", settings, embedder_id="hashing:16", format_version=4, dimension=DIM)
    faiss_settings = Settings(store="faiss")
    assert len(load_store(build, "chunks", faiss_settings, embedder_id="x", format_version=4, dimension=DIM)) == 3
    assert isinstance(open_store(faiss_settings, "chunks", DIM, index_dir=build, embedder_id="x",
                                 format_version=4), FaissStore)


def test_payloads_round_trip(settings, tmp_path):
    article = Article(id="a1", title="T", text="One. Two.", published="2024-05-01", source="Wire")
    sentences = [Sentence(id=f"a1:s{i}", article_id="a1", index=i, text=t, start=0, end=3)
                 for i, t in enumerate(["One.", "Two."])]
    chunk = Chunk(id="a1:c0", article_id="a1", sentence_ids=["a1:s0", "a1:s1"], text="One. Two.")
    store = new_store(settings, tmp_path)
    payloads = [sentence_payload(s, article) for s in sentences]
    store.add([10, 11], unit_vectors(2, seed=11), payloads=payloads)
    assert store.payloads([11, 10]) == payloads[::-1]
    assert payloads[1] == {"kind": "sentence", "id": "a1:s1", "article_id": "a1", "published": "2024-05-01",
                           "source": "Wire"}
    chunks = new_store(settings, tmp_path, kind="chunks")
    chunks.add([10], unit_vectors(1, seed=12), payloads=[chunk_payload(chunk, article)])
    assert chunks.payloads([10])[0]["kind"] == "chunk" and chunks.payloads([10])[0]["id"] == "a1:c0"
    assert len(store) == 2  # sentences and chunks of one index are separate collections


def test_upserts_are_batched(settings, tmp_path, monkeypatch):
    from briefbot.index import qdrant_store

    monkeypatch.setattr(qdrant_store, "BATCH", 16)
    store = new_store(settings, tmp_path)
    calls = []
    client = store.connection.client
    original = client.upsert
    monkeypatch.setattr(client, "upsert", lambda *a, **k: (calls.append(len(k["points"].ids)), original(*a, **k)))
    store.add(np.arange(40), unit_vectors(40, seed=13))
    assert calls == [16, 16, 8] and len(store) == 40


def test_settings_need_a_url_or_a_path():
    for kwargs in ({"store": "qdrant"},
                   {"store": "qdrant", "qdrant_url": "http://127.0.0.1:6333", "qdrant_path": "/tmp/q"}):
        with pytest.raises(ValidationError, match="BRIEFBOT_QDRANT_URL"):
            Settings(**kwargs)
    with pytest.raises(ValidationError, match="http"):
        Settings(store="qdrant", qdrant_url="127.0.0.1:6333")
    with pytest.raises(ValidationError):
        Settings(store="elastic")
    assert Settings(store="qdrant", qdrant_url="http://127.0.0.1:6333/").qdrant_url == "http://127.0.0.1:6333"
    assert Settings().store == "faiss"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_store_report(settings, tmp_path):
    status, detail = store_report(Settings(store="faiss"))
    assert status == "OK" and "faiss" in detail
    new_store(settings, tmp_path)
    status, detail = store_report(settings)
    assert status == "OK" and str(settings.qdrant_path.resolve()) in detail and "1 named briefbot-*" in detail
    down = Settings(store="qdrant", qdrant_url=f"http://127.0.0.1:{_free_port()}", qdrant_timeout=2)
    started = time.monotonic()
    status, detail = store_report(down)
    assert status == "FAIL" and "docker run -p 6333:6333 qdrant/qdrant" in detail
    assert time.monotonic() - started < 10


def test_a_server_that_is_down_is_a_clear_error_not_a_damaged_index(tmp_path):
    down = Settings(store="qdrant", qdrant_url=f"http://127.0.0.1:{_free_port()}", qdrant_timeout=2)
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="BRIEFBOT_QDRANT_URL") as caught:
        new_store(down, tmp_path)
    assert not isinstance(caught.value, IndexError_)  # so ensure_index does not drop and rebuild the index
    assert time.monotonic() - started < 10


def test_a_path_held_by_another_process_is_a_clear_error(settings, tmp_path):
    code = textwrap.dedent(f"""
        import sys, time
        from qdrant_client import QdrantClient
        client = QdrantClient(path={str(settings.qdrant_path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(StoreUnavailableError, match="one process per BRIEFBOT_QDRANT_PATH"):
            new_store(settings, tmp_path)
    finally:
        child.communicate("\n", timeout=30)
