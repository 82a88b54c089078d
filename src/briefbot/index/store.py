"""Vector stores: nearest neighbours by inner product over unit vectors (cosine similarity).

`VectorStore` is the seam retrieval uses; `FaissStore` (exact, in-process) is the default. A vector
database (e.g. Qdrant) can stand in by implementing the same three members.
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np


class VectorStore(Protocol):
    """Nearest neighbours by inner product over unit vectors. FAISS here; a vector DB can stand in."""

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]: ...

    def vectors(self, rows: Sequence[int]) -> np.ndarray: ...

    def __len__(self) -> int: ...


class FaissStore:
    """An exact inner-product FAISS index (cosine similarity on normalised vectors)."""

    def __init__(self, index) -> None:
        self.index = index

    @classmethod
    def from_vectors(cls, vectors: np.ndarray, dimension: int) -> "FaissStore":
        import faiss

        index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        k = min(k, self.index.ntotal)
        if k <= 0:
            return []
        scores, rows = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]

    def vectors(self, rows: Sequence[int]) -> np.ndarray:
        if not rows:
            return np.zeros((0, self.index.d), dtype=np.float32)
        return np.vstack([self.index.reconstruct(int(r)) for r in rows]).astype(np.float32)

    def __len__(self) -> int:
        return int(self.index.ntotal)
