"""The on-disk index: save, load, lock and check staleness (building is `build.py`).

An index directory holds `CURRENT` (the name of the live build) and one folder per build: `manifest.json`,
`articles.jsonl` and `sentences.jsonl` (one JSON record per line, read on demand through
memory-mapped offsets), `keys.json` (article ids and fingerprints), `arrays/*.npy` (offsets, per-article
and per-chunk columns, BM25's sparse rows and columns), `bm25.json` (vocabularies) and `chunks.faiss`,
`sentences.faiss` (vectors keyed by stable int64 ids). A build is written to a fresh folder and goes live by
atomically replacing `CURRENT`, so a crash (even `kill -9`) mid-build leaves the previous index loadable;
builds into one directory are serialised by a lock (`index_lock`). The manifest (format version, embedder
id and dimension, faiss version, corpus fingerprint, chunking) is checked on load: a mismatch is an
`IndexMismatchError`, damage is an `IndexError_`; never silently wrong results.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from pydantic import BaseModel, ValidationError

from briefbot.config import Settings
from briefbot.errors import IndexError_, IndexMismatchError
from briefbot.index.lexical import BM25
from briefbot.index.lock import LOCK_TIMEOUT, IndexBusyError, index_lock  # noqa: F401  (re-exported)
from briefbot.index.store import VectorStore
from briefbot.index.stores import load_store, save_store, store_dimension
from briefbot.index.tables import Lines, RowVectors, Tables

# 2: US and British spellings share their stems; 3: sentences carry spaCy entities, chunks are indexed with
# their date; 4: incremental and columnar (per-article fingerprints, int64 vector ids, sparse BM25)
FORMAT_VERSION = 4
Progress = Callable[[str, int, int], None]  # (stage, done, total)
log = logging.getLogger("briefbot")


class Manifest(BaseModel):
    format_version: int
    embedder_id: str
    dimension: int
    faiss_version: str
    corpus_fingerprint: str
    chunk_size: int
    chunk_overlap: int
    articles: int
    sentences: int
    chunks: int
    built_at: str
    next_number: int = 0  # the next article number for vector ids (never reused)


@dataclass
class Changes:
    """What an (incremental) build did, article by article."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    kept: int = 0

    def __str__(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.removed} removed, {self.kept} kept"


@dataclass
class CorpusIndex:
    """Everything retrieval needs: records are materialised on demand from compact columns (`tables.py`).

    `sentences`, `chunks`, `articles` behave as read-only lists; `sentence_by_id`, `sentence_row`,
    `article_by_id`, `sentences_by_article` as read-only dicts; `sentence_vectors` and `chunk_vectors`
    search and return vectors by row; `sentence_store`/`chunk_store` are the id-keyed `VectorStore`s."""

    manifest: Manifest
    tables: Tables
    chunk_store: VectorStore
    sentence_store: VectorStore
    chunk_bm25: BM25
    sentence_bm25: BM25
    path: Path | None = None
    changes: Changes = field(default_factory=Changes)

    def __post_init__(self) -> None:
        for name, view in self.tables.views().items():
            setattr(self, name, view)
        self.chunk_vectors = RowVectors(self.chunk_store, self.tables.chunk_keys)
        self.sentence_vectors = RowVectors(self.sentence_store, self.tables.sentence_keys)


def _faiss_version() -> str:
    import faiss

    return str(getattr(faiss, "__version__", "unknown"))


def save_index(index: CorpusIndex, directory: Path) -> Path:
    """Write `index` under `directory` and make it the live build atomically. Returns the build folder.
    Saves into one directory are serialised by a lock file, so two builders never delete each other's work."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with index_lock(directory):
        build = directory / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        tmp = directory / f".tmp-{build.name}"
        pointer = directory / f".CURRENT-{uuid.uuid4().hex[:6]}"
        try:
            _write_build(index, tmp)
            os.replace(tmp, build)
            with pointer.open("w", encoding="utf-8") as handle:
                handle.write(build.name + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(pointer, directory / "CURRENT")
        except BaseException:
            live = _current_name(directory)
            shutil.rmtree(tmp, ignore_errors=True)
            if live != build.name:
                shutil.rmtree(build, ignore_errors=True)
            pointer.unlink(missing_ok=True)
            raise
        for old in directory.iterdir():  # older builds and leftovers of crashed saves
            stale_dir = old.is_dir() and old.name != build.name and old.name.startswith(("build-", ".tmp-build-"))
            if stale_dir:
                shutil.rmtree(old, ignore_errors=True)
            elif old.name.startswith(".CURRENT-"):
                old.unlink(missing_ok=True)
    index.path = build
    return build


_COLUMNS = ("numbers", "sentence_ptr", "chunk_ptr", "chunk_first", "chunk_count")
_BM25_ARRAYS = ("indptr", "indices", "counts", "col_ptr", "col_rows", "col_counts", "lengths")


def _write_build(index: CorpusIndex, folder: Path) -> None:
    folder.mkdir()
    arrays = folder / "arrays"
    arrays.mkdir()
    tables = index.tables
    for name, lines in (("articles", tables.article_lines), ("sentences", tables.sentence_lines)):
        fd = os.open(folder / f"{name}.jsonl", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            lines.write_to(fd)  # file to file: the records are not read into memory
        finally:
            os.close(fd)
        np.save(arrays / f"{name}_offsets.npy", np.asarray(lines.offsets, dtype=np.int64))
    for name in _COLUMNS:
        np.save(arrays / f"{name}.npy", np.asarray(getattr(tables, name)))
    (folder / "keys.json").write_text(json.dumps({"article_ids": tables.article_ids, "titles": tables.titles,
                                                  "fingerprints": tables.fingerprints}), encoding="utf-8")
    vocabularies = {}
    for kind, bm25 in (("chunks", index.chunk_bm25), ("sentences", index.sentence_bm25)):
        data = bm25.arrays()
        for name in _BM25_ARRAYS:
            path = arrays / f"bm25_{kind}_{name}.npy"
            if name in bm25.files:  # written to a file by the build: copied file to file, not read into memory
                bm25.files[name].save(path)
            else:
                np.save(path, np.asarray(data[name]))
        vocabularies[kind] = {"k1": bm25.k1, "b": bm25.b, "vocabulary": data["vocabulary"]}
    (folder / "bm25.json").write_text(json.dumps(vocabularies), encoding="utf-8")
    save_store(index.chunk_store, folder, "chunks")  # chunks.faiss, or chunks.qdrant.json (names the collection)
    save_store(index.sentence_store, folder, "sentences")
    (folder / "manifest.json").write_text(index.manifest.model_dump_json(indent=2), encoding="utf-8")
    _sync(folder)


def _sync(folder: Path) -> None:
    """Flush the build's files to disk before `CURRENT` points at them (a power cut must not leave a live,
    half-written build)."""
    for path in [*folder.rglob("*"), folder]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _current_name(directory: Path) -> str | None:
    try:
        return (directory / "CURRENT").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None


def read_manifest(directory: Path) -> Manifest:
    """The manifest of the live build under `directory`."""
    return _read_build_manifest(_live_build(Path(directory)))


def _read_build_manifest(build: Path) -> Manifest:
    try:
        return Manifest.model_validate_json((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise IndexError_(f"The index manifest in {build} is unreadable ({exc}). {_REBUILD}") from exc


def check_manifest(
    manifest: Manifest, *, embedder_id: str | None, fingerprint: str | None, chunk_size: int | None = None
) -> None:
    """Raise `IndexMismatchError` when the index was built for something else than what is asked."""
    problems = []
    if manifest.format_version != FORMAT_VERSION:
        problems.append(f"format version {manifest.format_version} (this briefbot reads {FORMAT_VERSION})")
    if embedder_id is not None and manifest.embedder_id != embedder_id:
        problems.append(f"embedder {manifest.embedder_id!r} (configured: {embedder_id!r})")
    if fingerprint is not None and manifest.corpus_fingerprint != fingerprint:
        problems.append("a different corpus (articles were added, removed or edited since)")
    if chunk_size is not None and manifest.chunk_size != chunk_size:
        problems.append(f"chunks of {manifest.chunk_size} sentences (configured: {chunk_size})")
    if problems:
        raise IndexMismatchError("The index was built with " + "; ".join(problems) + f". {_REBUILD}")


def load_index(directory: Path, *, embedder_id: str | None = None, fingerprint: str | None = None,
               chunk_size: int | None = None, settings: Settings | None = None) -> CorpusIndex:
    """Load the live build under `directory`, checking it against what the caller expects. Records and
    BM25 arrays are memory-mapped: loading reads the columns and the vectors, not the text."""
    build = _live_build(Path(directory))  # resolved once: a save switching CURRENT meanwhile cannot mix builds
    manifest = _read_build_manifest(build)
    check_manifest(manifest, embedder_id=embedder_id, fingerprint=fingerprint, chunk_size=chunk_size)
    arrays = build / "arrays"
    try:
        def array(name: str) -> np.ndarray:
            return np.asarray(np.load(arrays / f"{name}.npy", mmap_mode="r", allow_pickle=False))  # no memmap overhead

        keys = json.loads((build / "keys.json").read_text(encoding="utf-8"))
        columns = {name: np.asarray(array(name)) for name in _COLUMNS}
        tables = Tables(list(keys["article_ids"]), list(keys["fingerprints"]), **columns,
                        article_lines=Lines.open(build / "articles.jsonl", array("articles_offsets")),
                        sentence_lines=Lines.open(build / "sentences.jsonl", array("sentences_offsets")),
                        titles=list(keys["titles"]))
        vocabularies = json.loads((build / "bm25.json").read_text(encoding="utf-8"))
        chunk_bm25, sentence_bm25 = (
            BM25(k1=vocabularies[kind]["k1"], b=vocabularies[kind]["b"], arrays={
                "vocabulary": vocabularies[kind]["vocabulary"],
                **{name: array(f"bm25_{kind}_{name}") for name in _BM25_ARRAYS}})
            for kind in ("chunks", "sentences"))
        chunk_store, sentence_store = (  # a build made with another store than settings.store: IndexMismatchError
            load_store(build, kind, settings, embedder_id=manifest.embedder_id, dimension=manifest.dimension,
                       format_version=manifest.format_version) for kind in ("chunks", "sentences"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError, RuntimeError, IndexError) as exc:
        raise IndexError_(f"The index in {build} is damaged ({type(exc).__name__}: {exc}). {_REBUILD}") from exc
    counts = {
        "articles": (len(tables.article_ids), manifest.articles),
        "article records": (len(tables.article_lines), manifest.articles),
        "fingerprints": (len(tables.fingerprints), manifest.articles),
        "titles": (len(tables.titles), manifest.articles),
        "sentences": (len(tables.sentence_lines), manifest.sentences),
        "sentence columns": (int(tables.sentence_ptr[-1]), manifest.sentences),
        "chunks": (len(tables.chunk_first), manifest.chunks),
        "chunk vectors": (len(chunk_store), manifest.chunks),
        "sentence vectors": (len(sentence_store), manifest.sentences),
        "chunk BM25 rows": (len(chunk_bm25.lengths), manifest.chunks),
        "sentence BM25 rows": (len(sentence_bm25.lengths), manifest.sentences),
    }
    wrong = [f"{name}: {got} (manifest says {want})" for name, (got, want) in counts.items() if got != want]
    if wrong:
        raise IndexError_(f"The index in {build} is inconsistent: {'; '.join(wrong)}. {_REBUILD}")
    for store in (chunk_store, sentence_store):
        if store_dimension(store) != manifest.dimension:
            raise IndexError_(f"The index in {build} has vectors of dimension {store_dimension(store)}, "
                              f"manifest says {manifest.dimension}. {_REBUILD}")
    return CorpusIndex(manifest, tables, chunk_store, sentence_store, chunk_bm25, sentence_bm25, path=build,
                       changes=Changes(kept=manifest.articles))


_REBUILD = "Rebuild it with `briefbot index --corpus DIR --index DIR` (or delete the index directory)."


def _live_build(directory: Path) -> Path:
    pointer = directory / "CURRENT"
    if not pointer.is_file():
        raise IndexError_(f"No index found in {directory}. Build one with `briefbot index --index {directory}`.")
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexError_(f"{pointer} is unreadable ({exc}). {_REBUILD}") from exc
    build = directory / name
    if not name or "/" in name or not build.is_dir():
        raise IndexError_(f"{pointer} points at {name!r}, which is not a build folder. {_REBUILD}")
    return build


def build_index(*args, **kwargs) -> CorpusIndex:
    """`briefbot.index.build.build_index` (imported on use: that module imports this one)."""
    from briefbot.index.build import build_index as build

    return build(*args, **kwargs)
