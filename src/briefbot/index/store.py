"""Vector stores: nearest neighbours by inner product over unit vectors (cosine similarity), keyed by int64 ids.

`VectorStore` is the seam retrieval uses. Ids are stable int64 keys chosen by the index (see
`corpus_index.py`: one id per sentence or chunk, kept across incremental updates), so a store can add and
remove vectors without renumbering. `FaissStore` (in-process FAISS) is the default: exact search
(`IndexIDMap2` over a flat index) below `IVF_FROM` vectors, an inverted file above it. A vector database (e.g. Qdrant) can stand in by
implementing the same five members.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

# Exact search up to IVF_FROM vectors, then an inverted file of 8-bit codes with 2*sqrt(n) lists, of which a
# query searches one in IVF_PROBE_SHARE (at least IVF_MIN_PROBE). Measured on real MiniLM embeddings (news and
# Wikipedia sentences topped up with synthetic news, 1,000 real questions; benchmarks/ivf_recall.py, README
# "Scale"): 16 lists probed gave recall@10 0.88-0.94 against exact search at 10k-30k vectors; one list in 8
# gives 0.957 at 20k and 30k (0.92 at 10k, so exact search up to 20k: ~2 ms a query there) for ~0.2-0.4 ms.
# Exact float32 search past that costs ~0.1 ms per 1k vectors a query (two searches per question: ~15-18 ms
# at 100k, most of the 20 ms target) and 1.5 KB per vector (1.5 GB at 1M: the whole memory budget).
IVF_FROM = 20_000
IVF_MIN_LISTS, IVF_MAX_LISTS, IVF_PROBE_SHARE, IVF_MIN_PROBE = 128, 2048, 8, 16


def ivf_nprobe(nlist: int) -> int:
    """How many of `nlist` inverted lists a query searches."""
    return min(nlist, max(IVF_MIN_PROBE, -(-nlist // IVF_PROBE_SHARE)))


class VectorStore(Protocol):
    """Nearest neighbours by inner product over unit vectors, keyed by int64 ids."""

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The `k` nearest ids to `vector` (shape (d,)) with their inner products, best first."""
        ...

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        """Store `vectors` (shape (n, d), float32, unit length) under `ids` (n distinct int64, not yet stored)."""
        ...

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        """Forget `ids` (unknown ids are ignored)."""
        ...

    def vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The stored vectors of `ids`, shape (len(ids), d), in the order asked. An unknown id is a KeyError."""
        ...

    def __len__(self) -> int: ...


class FaissStore:
    """A FAISS store keyed by int64 ids: exact (`IndexIDMap2` over `IndexFlatIP`) up to `IVF_FROM` vectors,
    an inverted file of 8-bit scalar-quantised vectors (`IndexIVFScalarQuantizer`, ids native) above it,
    searching one list in `IVF_PROBE_SHARE`.

    `vectors()` of an IVF store are the quantised vectors (cosines off by ~0.003); `benchmarks/scale.py`
    reports its recall@k against exact search."""

    def __init__(self, index) -> None:
        self.index = index

    @classmethod
    def empty(cls, dimension: int, expected: int = 0) -> "FaissStore":
        """A store for about `expected` vectors: exact below `IVF_FROM`, IVF (trained on its first add) above."""
        import faiss

        if expected < IVF_FROM:
            return cls(faiss.IndexIDMap2(faiss.IndexFlatIP(dimension)))
        nlist = int(min(IVF_MAX_LISTS, max(IVF_MIN_LISTS, 2 * np.sqrt(expected))))
        quantizer = faiss.IndexFlatIP(dimension)
        index = faiss.IndexIVFScalarQuantizer(quantizer, dimension, nlist, faiss.ScalarQuantizer.QT_8bit,
                                              faiss.METRIC_INNER_PRODUCT)
        index.nprobe = ivf_nprobe(nlist)
        store = cls(index)
        store._quantizer = quantizer  # keep the Python wrapper alive as long as the index
        return store

    @classmethod
    def from_vectors(cls, vectors: np.ndarray, dimension: int, ids: Sequence[int] | None = None) -> "FaissStore":
        store = cls.empty(dimension, len(vectors))
        if len(vectors):
            store.add(np.arange(len(vectors)) if ids is None else ids, vectors)
        return store

    @property
    def kind(self) -> str:
        return "ivf" if self._ivf() is not None else "flat"

    def _ivf(self):
        import faiss

        return faiss.extract_index_ivf(self.index) if isinstance(self.index, faiss.IndexIVF) else None

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors. An untrained IVF store keeps them aside until it has enough to train on (40 per
        list), or until it is first read or saved (then, with fewer than one per list, it becomes exact)."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        if not len(ids):
            return
        if not self.index.is_trained:
            self._pending.append((ids, vectors))
            if sum(len(i) for i, _ in self._pending) >= self._ivf().nlist * 40:
                self._settle()
            return
        self.index.add_with_ids(vectors, ids)

    @property
    def _pending(self) -> list:
        if "_pending_vectors" not in self.__dict__:
            self._pending_vectors: list = []
        return self._pending_vectors

    def _settle(self) -> None:
        """Train an IVF store on the vectors kept aside, and add them."""
        import faiss

        if self.index.is_trained or not self._pending:
            return
        parts = self._pending
        ids = np.concatenate([i for i, _ in parts])
        vectors = np.empty((len(ids), self.index.d), dtype=np.float32)
        at = 0
        while parts:  # one copy of the vectors kept aside at a time, not two
            part = parts.pop(0)[1]
            vectors[at:at + len(part)] = part
            at += len(part)
            del part
        ivf = self._ivf()
        if len(ids) < ivf.nlist:  # too few to cluster: exact search is right for so few anyway
            self.index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.index.d))
        else:
            self.index.train(vectors)
            ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # vectors(ids) and remove(ids) by id
        self.index.add_with_ids(vectors, ids)

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        self._settle()
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if len(ids) and len(self):
            self.index.remove_ids(ids)

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        self._settle()
        k = min(k, self.index.ntotal)
        if k <= 0:
            return []
        import faiss

        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)  # one query: threads only contend (2x slower on a busy 2-core machine)
        try:
            scores, ids = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), k)
        finally:
            faiss.omp_set_num_threads(threads)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        self._settle()
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros((0, self.index.d), dtype=np.float32)
        try:
            return np.asarray(self.index.reconstruct_batch(ids), dtype=np.float32).reshape(len(ids), -1)
        except RuntimeError as exc:
            raise KeyError(f"no vector stored under one of the ids {ids[:5].tolist()}...") from exc

    def grown(self) -> "FaissStore":
        """This store, or an IVF copy of it once an exact store holds more than twice `IVF_FROM` vectors."""
        import faiss

        self._settle()
        if self.kind != "flat" or len(self) <= 2 * IVF_FROM:
            return self
        ids = faiss.vector_to_array(self.index.id_map).astype(np.int64)
        store = FaissStore.empty(self.index.d, len(ids))
        store.add(ids, self.vectors(ids))
        return store

    def save(self, path: Path) -> None:
        import faiss

        self._settle()
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "FaissStore":
        import faiss

        store = cls(faiss.read_index(str(path)))
        ivf = store._ivf()
        if ivf is not None and ivf.is_trained:
            ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # the direct map is not kept on disk
            ivf.nprobe = ivf_nprobe(ivf.nlist)  # a search setting: builds saved with another one get this one
        return store

    def __len__(self) -> int:
        return int(self.index.ntotal) + sum(len(i) for i, _ in self._pending)
