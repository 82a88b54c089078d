"""The build's memory-saving parts give the same results as the plain ones: records and BM25 arrays spooled to
files, BM25 postings written a range of terms at a time, IVF training vectors gathered once."""

from __future__ import annotations

import os

import numpy as np
import pytest

from briefbot.index import lexical
from briefbot.index.lexical import BM25Builder
from briefbot.index.spool import Spool, drop_pages
from briefbot.index.store import IVF_FROM, FaissStore, ivf_nprobe
from briefbot.index.tables import Lines, LinesBuilder


def _plain_postings(indptr, indices, counts):
    rows = np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))
    order = np.argsort(indices, kind="stable")
    return rows[order], counts[order]


@pytest.mark.parametrize("block_rows,range_postings", [(1, 1 << 21), (7, 50), (1000, 1), (64, 333)])
def test_blockwise_postings_equal_a_stable_sort(monkeypatch, block_rows, range_postings):
    monkeypatch.setattr(lexical, "_BLOCK_ROWS", block_rows)
    monkeypatch.setattr(lexical, "_RANGE_POSTINGS", range_postings)  # postings written a range of terms at a time
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


def test_spool_appends_reads_maps_and_saves_an_npy_file(tmp_path, monkeypatch):
    from briefbot.index import spool as spool_module

    monkeypatch.setattr(spool_module, "PIECE", 7)  # several pieces per append
    data = np.arange(-50, 1000, dtype=np.int64) * 3
    np.save(tmp_path / "source.npy", data)
    mapped_source = np.load(tmp_path / "source.npy", mmap_mode="r")
    spool = Spool(np.int32, tmp_path)
    spool.append(data[:100])
    spool.append(np.asarray(mapped_source)[100:])  # from a memory-mapped file, its pages let go as copied
    assert not list(tmp_path.glob(".spool-*"))  # unnamed: nothing left behind
    assert spool.size == len(data)
    assert np.array_equal(spool.read(10, 20), data[10:20].astype(np.int32))
    assert np.array_equal(spool.mapped(), data.astype(np.int32)) and spool.mapped().dtype == np.int32
    spool.save(tmp_path / "out.npy")
    assert np.array_equal(np.load(tmp_path / "out.npy"), data.astype(np.int32))
    drop_pages(np.asarray(mapped_source)[5:])  # the data stays: a read brings the pages back
    assert np.array_equal(np.asarray(mapped_source), data)
    assert np.array_equal(Spool(np.int32).mapped(), np.zeros(0, np.int32))


def test_bm25_rows_copied_from_a_saved_index_equal_a_fresh_build(tmp_path):
    rng = np.random.default_rng(11)
    docs = [[f"t{int(x)}" for x in rng.zipf(1.4, size=rng.integers(0, 15)) if x < 90] for _ in range(400)]
    first = BM25Builder()
    for doc in docs[:300]:
        first.add(doc)
    built = first.build()
    assert set(built.files) == {"indices", "counts", "col_rows", "col_counts"}  # file-backed, saved file to file
    for name, spool in built.files.items():
        spool.save(tmp_path / f"{name}.npy")
    arrays = built.arrays()
    loaded = lexical.BM25(arrays={**arrays, **{name: np.load(tmp_path / f"{name}.npy", mmap_mode="r")
                                              for name in built.files}})
    again = BM25Builder(loaded.vocabulary)
    again.copy_rows(loaded, 0, 120)
    for doc in docs[300:]:
        again.add(doc)
    again.copy_rows(loaded, 120, 300)
    reference = BM25Builder(loaded.vocabulary)  # the same documents, tokenised again, in the same order
    for doc in docs[:120] + docs[300:] + docs[120:300]:
        reference.add(doc)
    plain, mixed = reference.build(), again.build()
    for name in ("indptr", "indices", "counts", "col_ptr", "col_rows", "col_counts", "lengths"):
        assert np.array_equal(getattr(mixed, name), getattr(plain, name)), name
    assert mixed.vocabulary == plain.vocabulary and len(mixed.vocabulary) > len(loaded.vocabulary)
    assert np.allclose(mixed.scores(["t1", "t3"]), plain.scores(["t1", "t3"]))


def test_corpus_fingerprint_hashed_row_by_row_equals_the_one_string_form():
    import hashlib
    import json

    from briefbot.ingest.corpus import corpus_fingerprint
    from briefbot.types import Article

    articles = [Article(id=f"a{i}", title=f'T\u00e9 "{i}" \u2028', text="Caf\u00e9 \\ \u2713 " * (i + 1),
                        published=f"2021-01-0{i % 9 + 1}" if i % 2 else None, source="Wire" if i % 3 else None)
                for i in range(30)]
    for subset in (articles, articles[:1], [], articles[::-1]):
        rows = sorted((a.id, a.title, a.text, a.published or "", a.source or "", a.url or "") for a in subset)
        whole = hashlib.sha256(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
        assert corpus_fingerprint(subset) == whole  # existing indexes are not seen as stale
