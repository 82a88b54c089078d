"""Qdrant as the vector store (`BRIEFBOT_STORE=qdrant`): the `VectorStore` seam on a Qdrant collection.

Boundary: collections and points through `qdrant-client` (clients come from `qdrant_connection.py`); it
knows the seam (int64 ids, unit vectors, inner product), not how the index lays out its records
(`stores.py` chooses the store from the settings and wires it in).
One collection per index directory and kind ("sentences", "chunks"), named `<prefix>-<hash of the resolved
index path>-<kind>`, with dot-product distance so scores equal FAISS's inner products. The collection's
metadata records the manifest facts (format version, embedder id, dimension); opening one whose facts differ
is an `IndexMismatchError`, never silently wrong results. A save stamps a fresh token into the metadata and
into the build's reference file, and the first change after it clears the token, so a build folder whose
collection was changed since (by another build, or one that crashed midway) is refused too.

`BRIEFBOT_QDRANT_URL` reaches a server or cluster (HNSW, any size, many processes); `BRIEFBOT_QDRANT_PATH`
runs the client's embedded local mode: brute force in Python, one process per path, for tests and laptops.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any, Literal, Sequence

import numpy as np

from briefbot.errors import IndexError_, IndexMismatchError
from briefbot.index.qdrant_connection import Connection

STORE_FORMAT = 1  # layout of briefbot's points and metadata in a collection
BATCH = 256  # points per upsert / delete / retrieve request
Kind = Literal["sentences", "chunks"]
_U64 = 1 << 64
_REBUILD = ("Rebuild the index (`briefbot index --corpus DIR --index DIR`; a fresh build recreates the "
            "collection) or delete the collection.")


@dataclass(frozen=True)
class StoreFacts:
    """What a collection must have been built for: the manifest's format version, embedder and dimension."""

    format_version: int
    embedder_id: str
    dimension: int


def collection_name(prefix: str, index_dir: Path, kind: Kind) -> str:
    """`<prefix>-<16 hex of sha256(resolved index directory)>-<kind>`."""
    return f"{prefix}-{sha256(str(Path(index_dir).resolve()).encode()).hexdigest()[:16]}-{kind}"


def _to_point(i: int) -> int:
    return int(i) % _U64  # Qdrant ids are unsigned 64-bit: negative int64 keys wrap (two's complement)


def _from_point(i: int) -> int:
    return i - _U64 if i >= 1 << 63 else i


class QdrantStore:
    """A `VectorStore` on one Qdrant collection (dot product on unit vectors, int64 ids, optional payload)."""

    wants_payloads = True  # the build passes `payloads` to `add` (see `stores.py`)

    def __init__(self, connection: Connection, collection: str, kind: Kind, facts: StoreFacts) -> None:
        self.connection, self.collection, self.kind, self.facts = connection, collection, kind, facts
        self._dirty = False

    @property
    def dimension(self) -> int:
        return self.facts.dimension

    @classmethod
    def open(cls, connection: Connection, collection: str, kind: Kind, facts: StoreFacts, *,
             recreate: bool = False, create: bool = True) -> "QdrantStore":
        """The collection checked against `facts` (an `IndexMismatchError` if it was built for something else).
        `recreate` drops and recreates it empty; `create` makes a missing one (else missing is an `IndexError_`)."""
        from qdrant_client import models

        metadata = {"briefbot_store": STORE_FORMAT, "kind": kind, "format_version": facts.format_version,
                    "embedder_id": facts.embedder_id, "dimension": facts.dimension, "saved": ""}
        with connection.call(f"open collection {collection}") as client:
            exists = client.collection_exists(collection)
            if exists and recreate:
                client.delete_collection(collection)
            if not exists or recreate:
                if not (create or recreate):
                    raise IndexError_(f"The Qdrant collection {collection} does not exist at {connection.where}. "
                                      f"{_REBUILD}")
                client.create_collection(collection, vectors_config=models.VectorParams(
                    size=facts.dimension, distance=models.Distance.DOT), metadata=metadata)
                return cls(connection, collection, kind, facts)
            config = client.get_collection(collection).config
        store = cls(connection, collection, kind, facts)
        store._check(config.metadata or {}, config.params.vectors)
        return store

    def _check(self, metadata: dict, vectors: Any) -> None:
        if metadata.get("briefbot_store") is None:
            raise IndexMismatchError(
                f"The Qdrant collection {self.collection} at {self.connection.where} has no briefbot metadata "
                f"(made by something else, or a Qdrant server older than 1.16). {_REBUILD}")
        want = {"briefbot_store": STORE_FORMAT, "kind": self.kind, "format_version": self.facts.format_version,
                "embedder_id": self.facts.embedder_id, "dimension": self.facts.dimension}
        problems = [f"{key} {metadata.get(key)!r} (expected {value!r})" for key, value in want.items()
                    if metadata.get(key) != value]
        size, distance = getattr(vectors, "size", None), str(getattr(vectors, "distance", ""))
        if size != self.facts.dimension or not distance.lower().endswith("dot"):
            problems.append(f"vectors of size {size} with distance {distance} (expected {self.facts.dimension}, Dot)")
        if problems:
            raise IndexMismatchError(f"The Qdrant collection {self.collection} at {self.connection.where} was built "
                                     f"with {'; '.join(problems)}. {_REBUILD}")

    def _changing(self) -> None:
        if not self._dirty:  # the saved token no longer describes the points
            with self.connection.call("mark the collection as changing") as client:
                client.update_collection(self.collection, metadata={"saved": ""})
            self._dirty = True

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray,
            payloads: Sequence[dict] | None = None) -> None:
        """Upsert `vectors` (n, d) under `ids` in batches of `BATCH`, each with its payload when given."""
        from qdrant_client import models

        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if not len(ids):
            return
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        if vectors.shape[1] != self.dimension:
            raise ValueError(f"vectors of dimension {vectors.shape[1]} for a store of dimension {self.dimension}")
        if payloads is not None and len(payloads) != len(ids):
            raise ValueError(f"{len(payloads)} payloads for {len(ids)} ids")
        self._changing()
        for start in range(0, len(ids), BATCH):
            part = slice(start, start + BATCH)
            batch = models.Batch(ids=[_to_point(i) for i in ids[part].tolist()], vectors=vectors[part].tolist(),
                                 payloads=None if payloads is None else list(payloads[part]))
            with self.connection.call(f"upsert into {self.collection}") as client:
                client.upsert(self.collection, points=batch, wait=True)

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        """Delete `ids`; unknown ids are ignored."""
        from qdrant_client import models

        points = [_to_point(i) for i in np.asarray(ids, dtype=np.int64).reshape(-1).tolist()]
        if not points:
            return
        self._changing()
        for start in range(0, len(points), BATCH):
            with self.connection.call(f"delete from {self.collection}") as client:
                client.delete(self.collection, points_selector=models.PointIdsList(points=points[start:start + BATCH]),
                              wait=True)

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1).tolist()
        with self.connection.call(f"search {self.collection}") as client:
            hits = client.query_points(self.collection, query=query, limit=int(k), with_payload=False).points
        return [(_from_point(int(h.id)), float(h.score)) for h in hits]

    def _retrieve(self, ids: Sequence[int] | np.ndarray, *, vectors: bool, payload: bool) -> list:
        wanted = np.asarray(ids, dtype=np.int64).reshape(-1).tolist()
        found: dict[int, Any] = {}
        for start in range(0, len(wanted), 4 * BATCH):
            with self.connection.call(f"read from {self.collection}") as client:
                points = client.retrieve(self.collection, ids=[_to_point(i) for i in wanted[start:start + 4 * BATCH]],
                                         with_vectors=vectors, with_payload=payload)
            found.update((_from_point(int(p.id)), p) for p in points)
        missing = [i for i in wanted if i not in found]
        if missing:
            raise KeyError(f"no vector stored under the ids {missing[:5]} in {self.collection}")
        return [found[i] for i in wanted]

    def vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        points = self._retrieve(ids, vectors=True, payload=False)
        if not points:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray([p.vector for p in points], dtype=np.float32).reshape(len(points), self.dimension)

    def payloads(self, ids: Sequence[int] | np.ndarray) -> list[dict]:
        """The payloads stored with `ids`, in the order asked (an unknown id is a KeyError)."""
        return [dict(p.payload or {}) for p in self._retrieve(ids, vectors=False, payload=True)]

    def __len__(self) -> int:
        with self.connection.call(f"count {self.collection}") as client:
            return int(client.count(self.collection, exact=True).count)

    def save(self, path: Path) -> None:
        """Stamp a fresh token into the collection and write the reference file `path` a build folder keeps."""
        token = uuid.uuid4().hex
        with self.connection.call(f"stamp {self.collection}") as client:
            client.update_collection(self.collection, metadata={"saved": token})
        self._dirty = False
        reference = {"store": "qdrant", "collection": self.collection, "kind": self.kind, "token": token,
                     "points": len(self), **{k: getattr(self.facts, k) for k in StoreFacts.__dataclass_fields__}}
        Path(path).write_text(json.dumps(reference, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path, connection: Connection, facts: StoreFacts) -> "QdrantStore":
        """The collection a build's reference file names, refused unless it still holds what was saved."""
        try:
            reference = json.loads(Path(path).read_text(encoding="utf-8"))
            collection, kind, token = reference["collection"], reference["kind"], reference["token"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexError_(f"The Qdrant reference {path} is unreadable ({exc}). {_REBUILD}") from exc
        store = cls.open(connection, collection, kind, facts, create=False)
        with connection.call(f"read the metadata of {collection}") as client:
            saved = (client.get_collection(collection).config.metadata or {}).get("saved")
        if saved != token:
            raise IndexMismatchError(
                f"The Qdrant collection {collection} at {connection.where} was changed after the index build "
                f"{Path(path).parent.name} was saved (by another build, or one that stopped midway). {_REBUILD}")
        return store
