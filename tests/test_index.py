"""The on-disk index: round trip, the CURRENT pointer, manifest checks, damage, atomic saves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

import briefbot.index.corpus_index as index_module
from briefbot.ingest.corpus import corpus_fingerprint, load_corpus
from briefbot.errors import IndexError_, IndexMismatchError
from briefbot.fakes import HashingEmbedder
from briefbot.index.corpus_index import FORMAT_VERSION, build_index, load_index, read_manifest, save_index
from briefbot.index.lexical import content_terms

pytestmark = pytest.mark.usefixtures("isolated_env")


@pytest.fixture
def articles(corpus_dir):
    return load_corpus(corpus_dir)


@pytest.fixture
def built(articles):
    return build_index(articles, HashingEmbedder(64), chunk_size=2)


@pytest.fixture
def saved(built, index_dir) -> Path:
    return save_index(built, index_dir)


def build_dirs(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.is_dir())


# --- round trip ------------------------------------------------------------------------------------


def test_round_trip_keeps_everything(built, saved, index_dir, articles):
    loaded = load_index(index_dir)
    assert loaded.articles == built.articles
    assert loaded.sentences == built.sentences
    assert loaded.chunks == built.chunks
    assert loaded.path == saved
    assert len(loaded.chunk_vectors) == len(built.chunks) == loaded.manifest.chunks
    assert len(loaded.sentence_vectors) == len(built.sentences) == loaded.manifest.sentences
    rows = list(range(len(built.sentences)))
    np.testing.assert_allclose(loaded.sentence_vectors.vectors(rows), built.sentence_vectors.vectors(rows))
    query = content_terms("What did Zakharova demand?")
    assert loaded.sentence_bm25.scores(query) == pytest.approx(built.sentence_bm25.scores(query))
    assert loaded.chunk_bm25.scores(query) == pytest.approx(built.chunk_bm25.scores(query))
    assert loaded.manifest == built.manifest


@pytest.mark.parametrize(
    "field, expected",
    [
        ("format_version", FORMAT_VERSION),
        ("embedder_id", "hashing:64"),
        ("dimension", 64),
        ("chunk_size", 2),
        ("articles", 4),
    ],
)
def test_manifest_fields(saved, index_dir, field, expected):
    assert getattr(read_manifest(index_dir), field) == expected


def test_manifest_counts_and_fingerprint_match_the_corpus(saved, index_dir, articles, built):
    manifest = read_manifest(index_dir)
    assert manifest.corpus_fingerprint == corpus_fingerprint(articles)
    assert manifest.sentences == len(built.sentences) > manifest.articles
    assert manifest.chunks == len(built.chunks)
    assert manifest.faiss_version and manifest.built_at


def test_current_points_at_the_live_build(saved, index_dir):
    assert (index_dir / "CURRENT").read_text(encoding="utf-8").strip() == saved.name
    assert saved.parent == index_dir and saved.is_dir()
    assert {p.name for p in saved.iterdir()} >= {
        "manifest.json", "articles.jsonl", "sentences.jsonl", "keys.json", "arrays", "chunks.faiss",
        "sentences.faiss", "bm25.json"}


def test_chunks_never_split_sentences(built):
    sentence_text = {s.id: s.text for s in built.sentences}
    for chunk in built.chunks:
        assert 1 <= len(chunk.sentence_ids) <= 2
        assert chunk.text == " ".join(sentence_text[i] for i in chunk.sentence_ids)


# --- missing and mismatched ------------------------------------------------------------------------


@pytest.mark.parametrize("prepare", ["absent", "empty dir", "CURRENT to nowhere", "empty CURRENT"])
def test_missing_index_says_how_to_build_one(tmp_path, prepare):
    directory = tmp_path / "index"
    if prepare != "absent":
        directory.mkdir()
    if prepare == "CURRENT to nowhere":
        (directory / "CURRENT").write_text("build-gone\n")
    if prepare == "empty CURRENT":
        (directory / "CURRENT").write_text("")
    with pytest.raises(IndexError_, match="briefbot index"):
        load_index(directory)


@pytest.mark.parametrize(
    "expect",
    [
        {"embedder_id": "hashing:128"},
        {"fingerprint": "0" * 64},
        {"chunk_size": 3},
        {"embedder_id": "hashing:64", "fingerprint": "0" * 64},
    ],
)
def test_mismatch_is_an_index_mismatch_error(saved, index_dir, expect):
    with pytest.raises(IndexMismatchError, match="briefbot index"):
        load_index(index_dir, **expect)


def test_matching_expectations_load(saved, index_dir, articles):
    loaded = load_index(index_dir, embedder_id="hashing:64", fingerprint=corpus_fingerprint(articles),
                        chunk_size=2)
    assert loaded.path == saved


def test_other_format_version_is_a_mismatch(saved, index_dir):
    manifest = json.loads((saved / "manifest.json").read_text())
    manifest["format_version"] = FORMAT_VERSION + 1
    (saved / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version"):
        load_index(index_dir)


# --- damage ------------------------------------------------------------------------------------------


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _edit_manifest(build: Path, **changes) -> None:
    manifest = json.loads((build / "manifest.json").read_text())
    manifest.update(changes)
    (build / "manifest.json").write_text(json.dumps(manifest))


DAMAGE = {
    "truncated chunks.faiss": lambda b: _truncate(b / "chunks.faiss"),
    "empty sentences.faiss": lambda b: (b / "sentences.faiss").write_bytes(b""),
    "garbage sentences.jsonl": lambda b: (b / "sentences.jsonl").write_text("{not json\n"),
    "wrong rows in sentences.jsonl": lambda b: (b / "sentences.jsonl").write_text("[1, 2]\n"),
    "sentences.jsonl is not utf-8": lambda b: (b / "sentences.jsonl").write_bytes(b"\xff\xfe\x00garbage"),
    "deleted bm25.json": lambda b: (b / "bm25.json").unlink(),
    "bm25.json without sentences": lambda b: (b / "bm25.json").write_text('{"chunks": {}}'),
    "deleted chunk columns": lambda b: (b / "arrays" / "chunk_first.npy").unlink(),
    "truncated sentence offsets": lambda b: _truncate(b / "arrays" / "sentences_offsets.npy"),
    "garbage BM25 postings": lambda b: (b / "arrays" / "bm25_sentences_col_rows.npy").write_bytes(b"garbage"),
    "keys.json without fingerprints": lambda b: (b / "keys.json").write_text('{"article_ids": []}'),
    "garbage manifest": lambda b: (b / "manifest.json").write_text("garbage"),
    "manifest missing a field": lambda b: (b / "manifest.json").write_text('{"format_version": 1}'),
    "manifest sentence count wrong": lambda b: _edit_manifest(
        b, sentences=json.loads((b / "manifest.json").read_text())["sentences"] + 1),
    "manifest article count wrong": lambda b: _edit_manifest(b, articles=99),
    "manifest dimension wrong": lambda b: _edit_manifest(b, dimension=32),
    "vectors swapped": lambda b: (b / "sentences.faiss").write_bytes((b / "chunks.faiss").read_bytes()),
    "a sentence row missing": lambda b: (b / "sentences.jsonl").write_text(
        "".join((b / "sentences.jsonl").read_text().splitlines(keepends=True)[1:])),
    "bm25 documents as lists": lambda b: (b / "bm25.json").write_text(json.dumps(
        {"chunks": {"k1": 1.2, "b": 0.75, "documents": [["a"]]},
         "sentences": {"k1": 1.2, "b": 0.75, "documents": [["a"]]}})),
    "CURRENT is not utf-8": lambda b: (b.parent / "CURRENT").write_bytes(b"\xff\xfe build"),
}


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
def test_damaged_index_is_an_index_error(saved, index_dir, damage):
    damage(saved)
    with pytest.raises(IndexError_) as raised:
        load_index(index_dir)
    assert "briefbot index" in str(raised.value)


# --- atomic saves ------------------------------------------------------------------------------------


class Crash(Exception):
    pass


def _crash_in_faiss_write(monkeypatch):
    import faiss

    monkeypatch.setattr(faiss, "write_index", _raiser(Crash("disk full")))


def _crash_in_bm25_dump(monkeypatch):
    real = json.dumps

    def dumps(obj, *args, **kwargs):
        if isinstance(obj, dict) and "sentences" in obj and "chunks" in obj:
            raise Crash("out of memory")
        return real(obj, *args, **kwargs)

    monkeypatch.setattr(index_module.json, "dumps", dumps)


def _crash_on_nth_replace(n):
    def install(monkeypatch):
        real, calls = os.replace, []

        def replace(src, dst):
            calls.append(dst)
            if len(calls) == n:
                raise Crash("power cut")
            return real(src, dst)

        monkeypatch.setattr(index_module.os, "replace", replace)

    return install


def _interrupt_in_faiss_write(monkeypatch):
    import faiss

    monkeypatch.setattr(faiss, "write_index", _raiser(KeyboardInterrupt()))


def _raiser(exc):
    def boom(*args, **kwargs):
        raise exc

    return boom


CRASHES = [
    pytest.param(_crash_in_faiss_write, Crash, id="faiss.write_index"),
    pytest.param(_crash_in_bm25_dump, Crash, id="json.dumps of bm25"),
    pytest.param(_crash_on_nth_replace(1), Crash, id="moving the build in place"),
    pytest.param(_interrupt_in_faiss_write, KeyboardInterrupt, id="Ctrl-C in faiss.write_index"),
    pytest.param(_crash_on_nth_replace(2), Crash, id="switching CURRENT"),
]


@pytest.mark.parametrize("install, exc_type", CRASHES)
def test_crash_during_save_keeps_the_previous_build(articles, saved, index_dir, monkeypatch, install, exc_type):
    before = sorted(p.name for p in index_dir.iterdir())
    second = build_index(articles, HashingEmbedder(64), chunk_size=2)
    with monkeypatch.context() as patch:
        install(patch)
        with pytest.raises(exc_type):
            save_index(second, index_dir)
    assert load_index(index_dir).path == saved
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".tmp")]
    assert sorted(p.name for p in index_dir.iterdir()) == before


def test_successful_save_after_a_crash_removes_leftovers(articles, saved, index_dir):
    (index_dir / ".tmp-build-crashed").mkdir()
    (index_dir / "build-19990101-000000-dead00").mkdir()
    (index_dir / "notes").mkdir()  # not ours: left alone
    new = save_index(build_index(articles, HashingEmbedder(64), chunk_size=2), index_dir)
    assert build_dirs(index_dir) == sorted([new.name, "notes"])


def test_old_builds_are_removed_after_a_successful_save(articles, saved, index_dir):
    builds = [saved]
    for _ in range(2):
        builds.append(save_index(build_index(articles, HashingEmbedder(64), chunk_size=2), index_dir))
    assert len({b.name for b in builds}) == 3
    assert build_dirs(index_dir) == [builds[-1].name]
    assert load_index(index_dir).path == builds[-1]
    assert not [p for p in index_dir.iterdir() if p.name.startswith((".tmp", ".CURRENT"))]


def test_concurrent_saves_do_not_destroy_each_other(articles, saved, index_dir, monkeypatch):
    import faiss
    import threading

    real_write = faiss.write_index
    other = build_index(articles, HashingEmbedder(64), chunk_size=2)
    results: dict[str, object] = {}
    started = threading.Event()

    def save_other() -> None:
        started.set()
        try:
            results["other"] = save_index(other, index_dir)
        except Exception as exc:  # pragma: no cover - reported by the assertion below
            results["other"] = exc

    worker = threading.Thread(target=save_other)

    def write_index(index, path):
        if not worker.is_alive() and "other" not in results:  # while this save is half written,
            worker.start()  # another worker starts saving into the same directory
            started.wait(5)
        return real_write(index, path)

    monkeypatch.setattr(faiss, "write_index", write_index)
    mine = save_index(build_index(articles, HashingEmbedder(64), chunk_size=2), index_dir)
    worker.join(30)
    assert not worker.is_alive()
    assert isinstance(results["other"], Path), results["other"]
    assert mine != results["other"]
    assert load_index(index_dir).path == results["other"]  # the later save is live, and loads


@pytest.mark.models
def test_loading_the_bundled_embedder_prints_no_progress_bar(capfd) -> None:
    """`briefbot ask` loads the embedder each run: transformers' "Loading weights: 100%|###|" bar must not reach
    stderr, and the process's progress-bar setting is left as it was."""
    from transformers.utils import logging as transformers_logging

    from briefbot.config import Settings
    from briefbot.index.embedding import default_embedder

    transformers_logging.enable_progress_bar()
    vectors = default_embedder(Settings()).embed(["A ferry adds two winter sailings."])
    assert vectors.shape[0] == 1
    assert "Loading weights" not in capfd.readouterr().err
    assert transformers_logging.is_progress_bar_enabled()
