"""The index on Qdrant's embedded local mode (BRIEFBOT_STORE=qdrant, BRIEFBOT_QDRANT_PATH in tmp_path): a build
keeps its vectors in collections the build folder names, reloads from them, updates them incrementally, and
switching the store rebuilds; retrieval finds the same rows as with FAISS."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefbot.bot import ensure_index
from briefbot.config import Settings
from briefbot.errors import IndexMismatchError
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import load_index
from briefbot.index.qdrant_connection import close_connections
from briefbot.index.qdrant_store import QdrantStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    close_connections()


def test_an_index_on_qdrant_builds_reloads_updates_and_switches(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    qdrant = Settings(store="qdrant", qdrant_path=tmp_path / "qdrant")
    embedder = HashingEmbedder(64)
    built = ensure_index(corpus, tmp_path / "index", embedder, qdrant)
    assert isinstance(built.sentence_store, QdrantStore) and len(built.sentence_store) == len(built.sentences)
    files = {p.name for p in built.path.iterdir()}
    assert {"sentences.qdrant.json", "chunks.qdrant.json"} <= files and not any(f.endswith(".faiss") for f in files)
    row = 3
    query = embedder.embed([built.sentences[row].text])[0]
    hits = built.sentence_vectors.search(query, 3)
    assert hits[0][0] == row
    payload = built.sentence_store.payloads([int(built.tables.sentence_keys[row])])[0]
    assert payload["id"] == built.sentences[row].id and payload["kind"] == "sentence"

    close_connections()  # another process would open the path afresh
    again = ensure_index(corpus, tmp_path / "index", embedder, qdrant)
    assert again.changes.kept == 1 and again.changes.added == 0
    assert [r for r, _ in again.sentence_vectors.search(query, 3)] == [r for r, _ in hits]

    (corpus / "extra.txt").write_text("Extra headline\n\nThe minister said the talks would resume in Vienna on "
                                      "Monday. Officials declined to comment further.\n", encoding="utf-8")
    grown = ensure_index(corpus, tmp_path / "index", embedder, qdrant)
    assert (grown.changes.added, grown.changes.kept) == (1, 1)
    assert len(grown.sentence_store) == len(grown.sentences) > len(built.sentences)

    with pytest.raises(IndexMismatchError, match="BRIEFBOT_STORE"):
        load_index(tmp_path / "index", settings=Settings())
    faiss = ensure_index(corpus, tmp_path / "index", embedder, Settings())  # switching the store rebuilds
    assert faiss.changes.added == 2 and not isinstance(faiss.sentence_store, QdrantStore)
    assert [r for r, _ in faiss.sentence_vectors.search(query, 3)] == [r for r, _ in hits]
