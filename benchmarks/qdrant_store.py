"""Search latency of QdrantStore in the client's embedded local mode against FaissStore (exact, flat).

    python benchmarks/qdrant_store.py [--sizes 10000 100000] [--queries 200] [--k 20] [--dim 384] [--json OUT]

Random unit vectors of the embedder's dimension; the same queries go to both stores, and the top-k ids
are compared (both searches are exact, so they must agree); briefbot's default FaissStore (an inverted
file from `IVF_FROM` vectors) is shown beside them with its recall@k against the exact search. Local mode
keeps the points in numpy arrays and searches them by brute force in Python; its path mode also writes
every point to SQLite in its own transaction, which makes loading 100k points through a path take most of
an hour on a slow disk. So the search figures load the points into the client's `:memory:` mode (the same
search code as path mode) and the write rate through a path is measured separately on `--write-points`
points. One thread each (BLAS and FAISS), so the comparison is per core. Prints a markdown table.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: one core each, a per-core comparison
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from briefbot.config import Settings  # noqa: E402
from briefbot.index.qdrant_connection import Connection, close_connections  # noqa: E402
from briefbot.index.qdrant_store import QdrantStore, StoreFacts  # noqa: E402
from briefbot.index.store import FaissStore  # noqa: E402
from briefbot.index.stores import open_store  # noqa: E402


def unit(n: int, dim: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def timed_searches(store, queries: np.ndarray, k: int) -> tuple[list[float], list[list[int]]]:
    store.search(queries[0], k)  # warm-up
    times, hits = [], []
    for query in queries:
        started = time.perf_counter()
        found = store.search(query, k)
        times.append((time.perf_counter() - started) * 1000)
        hits.append([i for i, _ in found])
    return times, hits


def p(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def run_size(n: int, dim: int, queries: np.ndarray, k: int) -> dict:
    import faiss
    from qdrant_client import QdrantClient

    faiss.omp_set_num_threads(1)
    ids, matrix = np.arange(n, dtype=np.int64) * 7 + 3, unit(n, dim, seed=n)
    started = time.perf_counter()
    flat = FaissStore(faiss.IndexIDMap2(faiss.IndexFlatIP(dim)))  # exact, whatever the size
    flat.add(ids, matrix)
    faiss_load = time.perf_counter() - started
    default = FaissStore.from_vectors(matrix, dim, ids=ids)  # briefbot's default: an inverted file from IVF_FROM
    connection = Connection(QdrantClient(":memory:"), ":memory:", local=True)
    qdrant = QdrantStore.open(connection, "bench", "sentences", StoreFacts(4, "random", dim), recreate=True)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # local mode warns above 20k points; that is what is measured
        qdrant.add(ids, matrix)
    qdrant_load = time.perf_counter() - started
    faiss_ms, faiss_hits = timed_searches(flat, queries, k)
    default_ms, default_hits = timed_searches(default, queries, k)
    qdrant_ms, qdrant_hits = timed_searches(qdrant, queries, k)
    agree = statistics.mean(len(set(a) & set(b)) / k for a, b in zip(faiss_hits, qdrant_hits))
    recall = statistics.mean(len(set(a) & set(b)) / k for a, b in zip(faiss_hits, default_hits))
    connection.client.close()
    return {"points": n, "faiss_p50_ms": p(faiss_ms, 50), "faiss_p95_ms": p(faiss_ms, 95),
            "faiss_default": default.kind, "faiss_default_p50_ms": p(default_ms, 50), "faiss_default_recall": recall,
            "qdrant_local_p50_ms": p(qdrant_ms, 50), "qdrant_local_p95_ms": p(qdrant_ms, 95),
            "top_k_agreement": agree, "faiss_load_s": faiss_load, "qdrant_memory_load_s": qdrant_load}


def write_rate(points: int, dim: int) -> float:
    """Points per second QdrantStore.add writes through a local-mode path (SQLite, one transaction a point)."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store="qdrant", qdrant_path=Path(tmp) / "qdrant")
        store = open_store(settings, "sentences", dim, index_dir=Path(tmp) / "index", embedder_id="random",
                           format_version=4)
        started = time.perf_counter()
        store.add(np.arange(points), unit(points, dim, seed=1))
        rate = points / (time.perf_counter() - started)
        close_connections()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--write-points", type=int, default=512)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries = unit(args.queries, args.dim, seed=0)
    rows = [run_size(n, args.dim, queries, args.k) for n in args.sizes]
    rate = write_rate(args.write_points, args.dim) if args.write_points else None
    print(f"k={args.k}, dim={args.dim}, {args.queries} queries, one thread each; load on the machine: "
          f"{os.getloadavg()[0]:.1f}")
    print("| points | FAISS flat p50 / p95 (ms) | Qdrant local p50 / p95 (ms) | Qdrant = flat top-k | "
          "FaissStore default: kind, p50 (ms), recall@k | load: FAISS flat / Qdrant :memory: (s) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['points']:,} | {r['faiss_p50_ms']:.2f} / {r['faiss_p95_ms']:.2f} | "
              f"{r['qdrant_local_p50_ms']:.1f} / {r['qdrant_local_p95_ms']:.1f} | {r['top_k_agreement']:.3f} | "
              f"{r['faiss_default']}, {r['faiss_default_p50_ms']:.2f}, {r['faiss_default_recall']:.3f} | "
              f"{r['faiss_load_s']:.2f} / {r['qdrant_memory_load_s']:.1f} |")
    if rate is not None:
        print(f"\nQdrantStore.add through a local-mode path: {rate:.0f} points/s ({args.write_points} points)")
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "rows": rows,
                                         "path_write_points_per_s": rate}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
