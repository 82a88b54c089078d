"""The build's memory-saving parts give the same results as the plain ones: records spooled to a file,
BM25 postings sorted block by block, IVF training vectors gathered once."""

from __future__ import annotations

import os

import numpy as np
import pytest

from briefbot.index import lexical
from briefbot.index.lexical import BM25Builder
from briefbot.index.store import IVF_FROM, FaissStore, ivf_nprobe
from briefbot.index.tables import Lines, LinesBuilder


def _plain_postings(indptr, indices, counts):
    rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))
    order = np.argsort(indices, kind="stable")
    return rows[order], counts[order]


@pytest.mark.parametrize("block_rows", [1, 7, 1000])
def test_blockwise_postings_equal_a_stable_sort(monkeypatch, block_rows):
    monkeypatch.setattr(lexical, "_BLOCK_ROWS", block_rows)
    rng = np.random.default_rng(3)
    builder = BM25Builder()
    docs = [[f"t{int(x)}" for x in rng.zipf(1.5, size=rng.integers(0, 12)) if x < 60] for _ in range(300)]
    for doc in docs:
        builder.add(doc)
    arrays = builder.arrays()
    rows, counts = _plain_postings(arrays["indptr"], arrays["indices"], arrays["counts"])
    assert len(rows) > 500
    assert np.array_equal(arrays["col_rows"], rows)
    assert np.array_equal(arrays["col_counts"], counts)
    assert arrays["col_rows"].dtype == np.int32 and arrays["indices"].dtype == np.int32
    # and the postings score like documents built one by one
    plain = lexical.BM25(docs)
    assert np.allclose(lexical.BM25(arrays=arrays).scores(["t1", "t2", "t7"]), plain.scores(["t1", "t2", "t7"]))


def test_lines_builder_spools_records_and_copies_spans_file_to_file(tmp_path):
    first = LinesBuilder(tmp_path)
    lines = [f'{{"n": {i}, "text": "{"x" * (i % 17)}"}}\n'.encode() for i in range(50)]
    for line in lines:
        first.add(line)
    built = first.build()
    assert built.fd is not None and [built.line(i) for i in range(50)] == lines
    assert not list(tmp_path.iterdir())  # the spool file has no name: nothing is left behind

    second = LinesBuilder()
    second.add(b"new\n")
    second.copy(built, 10, 20)  # from a file-backed Lines
    second.copy(Lines(b"".join(lines), built.offsets), 40, 42)  # from bytes in memory
    again = second.build()
    assert [again.line(i) for i in range(len(again))] == [b"new\n", *lines[10:20], *lines[40:42]]

    path = tmp_path / "out.jsonl"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    again.write_to(fd)
    os.close(fd)
    assert path.read_bytes() == b"new\n" + b"".join(lines[10:20] + lines[40:42])
    assert [Lines.open(path, again.offsets).line(i) for i in range(len(again))] == [again.line(i) for i in
                                                                                   range(len(again))]


def test_ivf_store_trained_from_pending_batches_finds_every_vector():
    rng = np.random.default_rng(5)
    n = 2 * IVF_FROM
    vectors = rng.standard_normal((n, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store = FaissStore.empty(16, n)
    for at in range(0, n, 1_000):  # kept aside until there are 40 per list, then trained on at once
        store.add(np.arange(at, at + 1_000) * 3, vectors[at:at + 1_000])
        if at == 0:
            assert not store.index.is_trained
    assert store.index.is_trained and store.kind == "ivf" and len(store) == n
    assert store.index.nprobe == ivf_nprobe(store.index.nlist) > 16
    found = [store.search(vectors[i], 1)[0][0] for i in range(0, n, 997)]
    assert found == [i * 3 for i in range(0, n, 997)]
