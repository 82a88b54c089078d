"""Choosing the vector store from the settings (`BRIEFBOT_STORE=faiss|qdrant`), and saving / loading it in a build.

Boundary: the only place that knows both stores; the index build and load code calls these functions and
never names FAISS or Qdrant. A build folder holds `<kind>.faiss` (the FAISS index itself) or
`<kind>.qdrant.json` (a reference to the Qdrant collection, with the token that proves it is unchanged).
Kinds are "sentences" and "chunks". Also: the payload a point carries, and the store line of `briefbot doctor`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from briefbot.config import Settings
from briefbot.errors import BriefbotError, IndexMismatchError
from briefbot.index.qdrant_connection import connect
from briefbot.index.qdrant_store import Kind, QdrantStore, StoreFacts, collection_name
from briefbot.index.store import FaissStore, VectorStore
from briefbot.types import Article, Chunk, Sentence

_FILES = {"faiss": "{kind}.faiss", "qdrant": "{kind}.qdrant.json"}


def open_store(settings: Settings, kind: Kind, dimension: int, expected: int = 0, *, index_dir: Path,
               embedder_id: str, format_version: int) -> VectorStore:
    """An empty store for a fresh build of `index_dir`: a FAISS index sized for about `expected` vectors, or
    the index's Qdrant collection for `kind`, dropped and recreated with the manifest facts."""
    if settings.store == "faiss":
        return FaissStore.empty(dimension, expected)
    facts = StoreFacts(format_version=format_version, embedder_id=embedder_id, dimension=dimension)
    return QdrantStore.open(connect(settings), collection_name(settings.qdrant_prefix, index_dir, kind), kind,
                            facts, recreate=True)


def store_factory(settings: Settings, index_dir: Path, embedder_id: str,
                  format_version: int) -> Callable[[Kind, int, int], VectorStore]:
    """`(kind, dimension, expected) -> empty store` for `build_index(..., new_store=...)` (a fresh build
    of `index_dir` with the configured store)."""
    return lambda kind, dimension, expected: open_store(settings, kind, dimension, expected, index_dir=index_dir,
                                                        embedder_id=embedder_id, format_version=format_version)


def save_store(store: VectorStore, folder: Path, kind: Kind) -> Path:
    """Write `store` into the build folder (`<kind>.faiss` or `<kind>.qdrant.json`). Returns the file."""
    path = Path(folder) / _FILES["qdrant" if isinstance(store, QdrantStore) else "faiss"].format(kind=kind)
    store.save(path)  # type: ignore[attr-defined]
    return path


def load_store(build: Path, kind: Kind, settings: Settings | None, *, embedder_id: str, format_version: int,
               dimension: int) -> VectorStore:
    """The `kind` store of a build folder. A build made with another store than `settings.store` is an
    `IndexMismatchError` (so the caller rebuilds with the configured store); without `settings` the build's
    own store is opened (Qdrant through the environment's settings)."""
    saved_as = next((name for name, pattern in _FILES.items() if (Path(build) / pattern.format(kind=kind)).exists()),
                    "faiss")
    if settings is None:
        settings = Settings(store=saved_as) if saved_as == "faiss" else Settings()
    if saved_as != settings.store:
        raise IndexMismatchError(f"The index in {build} keeps its vectors in {saved_as}, but BRIEFBOT_STORE is "
                                 f"{settings.store}. Rebuild it (`briefbot index --corpus DIR --index DIR`) or set "
                                 f"BRIEFBOT_STORE={saved_as}.")
    path = Path(build) / _FILES[saved_as].format(kind=kind)
    if saved_as == "faiss":
        return FaissStore.load(path)
    facts = StoreFacts(format_version=format_version, embedder_id=embedder_id, dimension=dimension)
    return QdrantStore.load(path, connect(settings), facts)


def store_dimension(store: VectorStore) -> int:
    """The dimension of the vectors `store` holds."""
    return int(store.dimension if isinstance(store, QdrantStore) else store.index.d)  # type: ignore[attr-defined]


def sentence_payload(sentence: Sentence, article: Article) -> dict:
    """The payload of a sentence's point: kind, sentence id, article id, published date, source."""
    return {"kind": "sentence", "id": sentence.id, "article_id": article.id, "published": article.published,
            "source": article.source}


def chunk_payload(chunk: Chunk, article: Article) -> dict:
    """The payload of a chunk's point: kind, chunk id, article id, published date, source."""
    return {"kind": "chunk", "id": chunk.id, "article_id": article.id, "published": article.published,
            "source": article.source}



def store_report(settings: Settings) -> tuple[str, str]:
    """(status, detail) for `briefbot doctor`: the configured store, and for Qdrant whether it answers."""
    if settings.store != "qdrant":
        import faiss

        return "OK", f"faiss (in-process, faiss-cpu {getattr(faiss, '__version__', '?')})"
    try:
        connection = connect(settings)
        with connection.call("list collections") as client:
            names = [c.name for c in client.get_collections().collections]
    except BriefbotError as exc:
        return "FAIL", str(exc)
    ours = sum(1 for n in names if n.startswith(settings.qdrant_prefix + "-"))
    mode = "embedded local mode (one process; tests and laptops)" if connection.local else "server"
    return "OK", (f"qdrant {mode} at {connection.where}: answers, {len(names)} collections "
                  f"({ours} named {settings.qdrant_prefix}-*)")
