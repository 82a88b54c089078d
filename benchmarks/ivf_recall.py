"""Recall@10 of the vector store against exact search, on real MiniLM embeddings and real questions.

    .venv/bin/python benchmarks/ivf_recall.py [--size 30000] [--cache /tmp/briefbot-ivf]

Sentences: every real sentence at hand (the MultiHop-RAG evidence facts, news of 2023, and the SQuAD 2.0
paragraphs, both in /work/shared/data, split by `briefbot.ingest.segment`), topped up to `--size` with
benchmarks/scale.py's synthetic news sentences; queries: the 1,000 questions of those two sets. All are
embedded once with the bundled MiniLM and cached as .npy under `--cache`. For each size (10k, `IVF_FROM`, 2x
and `--size`) it prints recall@10 against exact search (a hit: a result scoring at least the exact 10th
score) and the median time of one query (one FAISS thread), for the store as configured
(`FaissStore.empty`) and for the alternatives: more lists probed, IVF without quantisation, 8-bit flat.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

DATA = Path("/work/shared/data")
K = 10


def texts(size: int) -> tuple[list[str], int, list[str]]:
    """(sentences, how many of them are real, questions)."""
    from briefbot.ingest.segment import split_sentences
    from briefbot.types import Article

    sys.path.insert(0, str(Path(__file__).parent))
    import scale

    truth = json.loads((DATA / "multihop-rag-500" / "ground_truth.json").read_text())
    real = sorted({e["fact"] for v in truth.values() for e in v["evidence_list"]})
    squad = json.loads((DATA / "squad2-dev-500" / "queries.json").read_text())["queries"]
    for i, context in enumerate(sorted({q["context"] for q in squad})):
        real += [s.text for s in split_sentences(Article(id=f"squad-{i}", title="", text=context))]
    real = list(dict.fromkeys(real))
    rng = random.Random(11)
    synthetic = list(dict.fromkeys(scale.sentence(rng) for _ in range(size * 2)))[:max(0, size - len(real))]
    questions = [q["question"] for q in json.loads((DATA / "multihop-rag-500" / "queries.json").read_text())["queries"]]
    questions += [q["question"] for q in squad]
    return real + synthetic, len(real), questions


def embedded(size: int, cache: Path) -> tuple[np.ndarray, int, np.ndarray]:
    cache.mkdir(parents=True, exist_ok=True)
    sentences, real, questions = texts(size)
    paths = cache / f"sentences-{len(sentences)}.npy", cache / f"questions-{len(questions)}.npy"
    if not all(p.exists() for p in paths):
        from briefbot.config import Settings
        from briefbot.index.embedding import default_embedder

        embedder = default_embedder(Settings())
        start = time.perf_counter()
        for path, items in zip(paths, (sentences, questions)):
            np.save(path, embedder.embed(items).astype(np.float32))
        print(f"embedded {len(sentences) + len(questions)} texts in {time.perf_counter() - start:.0f} s", flush=True)
    return np.load(paths[0]), real, np.load(paths[1])


def recall_and_latency(index, vectors: np.ndarray, queries: np.ndarray, exact_kth: np.ndarray) -> tuple[float, float]:
    import faiss

    faiss.omp_set_num_threads(1)
    times, hits = [], 0
    for q, query in enumerate(queries):
        start = time.perf_counter()
        _, ids = index.search(query.reshape(1, -1), K)
        times.append(time.perf_counter() - start)
        found = ids[0][ids[0] >= 0]
        hits += int(np.sum(vectors[found] @ query >= exact_kth[q] - 1e-5))
    return hits / (K * len(queries)), 1000 * float(np.median(times))


def variants(n: int, d: int):
    """(name, faiss index ready to search) pairs: the store as configured, then alternatives, each trained
    like the store trains (on the first 40 vectors per list)."""
    import faiss

    from briefbot.index.store import FaissStore, ivf_nprobe

    configured = FaissStore.empty(d, n)
    nlist = int(min(2048, max(128, 2 * np.sqrt(n))))
    name = "exact" if configured.kind == "flat" else f"IVF, 8-bit, {nlist} lists, nprobe {ivf_nprobe(nlist)}"
    yield (f"as configured ({name})",
           lambda vectors: (configured.add(np.arange(n), vectors), configured._settle(), configured.index)[-1])

    def trained(index, nprobe: int = 16):
        def make(vectors):
            index.train(vectors[:40 * nlist] if isinstance(index, faiss.IndexIVF) else vectors)
            index.add(vectors)
            if isinstance(index, faiss.IndexIVF):
                index.nprobe = nprobe
            return index
        return make

    for nprobe in (16, 32, 64, -(-nlist // 4)):
        yield (f"IVF, 8-bit, {nlist} lists, nprobe {nprobe}", trained(faiss.IndexIVFScalarQuantizer(
            faiss.IndexFlatIP(d), d, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT), nprobe))
    yield (f"IVF, float32, {nlist} lists, nprobe 16",
           trained(faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)))
    yield "8-bit flat (every code scanned)", trained(
        faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/briefbot-ivf"))
    args = parser.parse_args()
    import faiss

    from briefbot.index.store import IVF_FROM

    vectors, real, queries = embedded(args.size, args.cache)
    order = np.random.default_rng(0).permutation(len(vectors))  # real and synthetic sentences mixed
    print(f"{len(vectors)} sentences ({real} real), {len(queries)} real questions, MiniLM (384 dimensions)\n")
    print("| sentences | store | recall@10 vs exact | query p50 ms |\n|---|---|---|---|")
    for n in sorted({10_000, IVF_FROM, 2 * IVF_FROM, len(vectors)}):
        if n > len(vectors):
            continue
        subset = np.ascontiguousarray(vectors[np.sort(order[:n])])
        exact = faiss.IndexFlatIP(subset.shape[1])
        exact.add(subset)
        scores, _ = exact.search(queries, K)
        _, exact_ms = recall_and_latency(exact, subset, queries, scores[:, -1])
        print(f"| {n:,} | exact (flat, float32) | 1.000 | {exact_ms:.2f} |", flush=True)
        for name, make in variants(n, subset.shape[1]):
            recall, ms = recall_and_latency(make(subset), subset, queries, scores[:, -1])
            print(f"| {n:,} | {name} | {recall:.3f} | {ms:.2f} |", flush=True)


if __name__ == "__main__":
    main()
