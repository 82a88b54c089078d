"""The on-disk index: build, save, load and check staleness.

An index directory holds `CURRENT` (the name of the live build) and one folder per build with
`manifest.json`, `articles.jsonl`, `sentences.jsonl`, `chunks.jsonl`, `chunks.faiss`, `sentences.faiss`
and `bm25.json`. A build is written to a fresh folder and goes live by atomically replacing `CURRENT`,
so a crash mid-build leaves the previous index loadable. The manifest (format version, embedder id and
dimension, faiss version, corpus fingerprint, chunking) is checked on load: a mismatch is an
`IndexMismatchError`, damage is an `IndexError_`; never silently wrong results.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from pydantic import BaseModel, ValidationError

from briefbot.ingest.corpus import corpus_fingerprint
from briefbot.index.embedding import Embedder
from briefbot.errors import IndexError_, IndexMismatchError
from briefbot.index.lexical import BM25, content_terms, date_words
from briefbot.index.nlp import Annotator, SpacyAnnotator
from briefbot.ingest.segment import chunk_sentences, split_sentences
from briefbot.index.store import FaissStore, VectorStore
from briefbot.types import Article, Chunk, Sentence

FORMAT_VERSION = 3  # 2: US and British spellings share their stems; 3: sentences carry spaCy entities, chunks are indexed with their date
Progress = Callable[[str, int, int], None]  # (stage, done, total)


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


@dataclass
class CorpusIndex:
    """Everything retrieval needs, in memory."""

    manifest: Manifest
    articles: list[Article]
    sentences: list[Sentence]
    chunks: list[Chunk]
    chunk_vectors: VectorStore
    sentence_vectors: VectorStore
    chunk_bm25: BM25
    sentence_bm25: BM25
    path: Path | None = None

    def __post_init__(self) -> None:
        self.article_by_id = {a.id: a for a in self.articles}
        self.sentence_by_id = {s.id: s for s in self.sentences}
        self.sentence_row = {s.id: i for i, s in enumerate(self.sentences)}
        self.sentences_by_article: dict[str, list[Sentence]] = {}
        for sentence in self.sentences:
            self.sentences_by_article.setdefault(sentence.article_id, []).append(sentence)


def _faiss_version() -> str:
    import faiss

    return str(getattr(faiss, "__version__", "unknown"))


def build_index(
    articles: Sequence[Article],
    embedder: Embedder,
    *,
    chunk_size: int = 3,
    chunk_overlap: int = 1,
    progress: Progress | None = None,
    annotator: Annotator | None = None,
) -> CorpusIndex:
    """Segment, annotate (named entities, `nlp.py`), chunk, embed and index `articles`."""
    chunk_overlap = min(chunk_overlap, chunk_size - 1)
    annotator = annotator or SpacyAnnotator()
    segmented = [split_sentences(article) for article in articles]

    def report(stage: str) -> Callable[[int, int], None] | None:
        return None if progress is None else (lambda done, total: progress(stage, done, total))

    entities = _annotate(annotator, [s.text for group in segmented for s in group], report("annotating sentences"))
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    for article_sentences in segmented:
        article_sentences = [s.model_copy(update={"entities": tuple(entities[len(sentences) + i])})
                             for i, s in enumerate(article_sentences)]
        sentences.extend(article_sentences)
        chunks.extend(chunk_sentences(article_sentences, size=chunk_size, overlap=chunk_overlap))
    titles = {a.id: f"{a.title} {date_words(a.published)}" for a in articles}  # a chunk is read with its headline

    chunk_matrix = embedder.embed([c.text for c in chunks], progress=report("embedding chunks"))
    sentence_matrix = embedder.embed([s.text for s in sentences], progress=report("embedding sentences"))
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        embedder_id=embedder.id,
        dimension=embedder.dimension,
        faiss_version=_faiss_version(),
        corpus_fingerprint=corpus_fingerprint(articles),
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        articles=len(articles),
        sentences=len(sentences),
        chunks=len(chunks),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    return CorpusIndex(
        manifest=manifest,
        articles=list(articles),
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=FaissStore.from_vectors(chunk_matrix, embedder.dimension),
        sentence_vectors=FaissStore.from_vectors(sentence_matrix, embedder.dimension),
        chunk_bm25=BM25([content_terms(f"{titles.get(c.article_id, '')} {c.text}") for c in chunks]),
        sentence_bm25=BM25([content_terms(s.text) for s in sentences]),
    )


def _annotate(annotator: Annotator, texts: list[str], report: Callable[[int, int], None] | None,
              batch: int = 512) -> list:
    out: list = []
    for start in range(0, len(texts), batch):
        out.extend(annotator.entities(texts[start:start + batch]))
        if report is not None:
            report(min(len(texts), start + batch), len(texts))
    return out


def save_index(index: CorpusIndex, directory: Path) -> Path:
    """Write `index` under `directory` and make it the live build atomically. Returns the build folder.
    Saves into one directory are serialised by a lock file, so two builders never delete each other's work."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory / ".lock"):
        build = directory / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        tmp = directory / f".tmp-{build.name}"
        pointer = directory / f".CURRENT-{uuid.uuid4().hex[:6]}"
        try:
            _write_build(index, tmp)
            os.replace(tmp, build)
            pointer.write_text(build.name + "\n", encoding="utf-8")
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


def _write_build(index: CorpusIndex, folder: Path) -> None:
    import faiss

    folder.mkdir()
    _write_jsonl(folder / "articles.jsonl", [a.model_dump() for a in index.articles])
    _write_jsonl(folder / "sentences.jsonl", [s.model_dump() for s in index.sentences])
    _write_jsonl(folder / "chunks.jsonl", [c.model_dump() for c in index.chunks])
    for name, store in (("chunks.faiss", index.chunk_vectors), ("sentences.faiss", index.sentence_vectors)):
        faiss.write_index(store.index, str(folder / name))  # type: ignore[attr-defined]
    bm25 = {"chunks": index.chunk_bm25.to_dict(), "sentences": index.sentence_bm25.to_dict()}
    (folder / "bm25.json").write_text(json.dumps(bm25), encoding="utf-8")
    (folder / "manifest.json").write_text(index.manifest.model_dump_json(indent=2), encoding="utf-8")


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
               chunk_size: int | None = None) -> CorpusIndex:
    """Load the live build under `directory`, checking it against what the caller expects."""
    import faiss

    build = _live_build(Path(directory))  # resolved once: a save switching CURRENT meanwhile cannot mix builds
    manifest = _read_build_manifest(build)
    check_manifest(manifest, embedder_id=embedder_id, fingerprint=fingerprint, chunk_size=chunk_size)
    try:
        articles = [Article.model_validate(r) for r in _read_jsonl(build / "articles.jsonl")]
        sentences = [Sentence.model_validate(r) for r in _read_jsonl(build / "sentences.jsonl")]
        chunks = [Chunk.model_validate(r) for r in _read_jsonl(build / "chunks.jsonl")]
        chunk_store = FaissStore(faiss.read_index(str(build / "chunks.faiss")))
        sentence_store = FaissStore(faiss.read_index(str(build / "sentences.faiss")))
        bm25 = json.loads((build / "bm25.json").read_text(encoding="utf-8"))
        chunk_bm25, sentence_bm25 = BM25.from_dict(bm25["chunks"]), BM25.from_dict(bm25["sentences"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError, RuntimeError) as exc:
        raise IndexError_(f"The index in {build} is damaged ({type(exc).__name__}: {exc}). {_REBUILD}") from exc
    counts = {
        "articles": (len(articles), manifest.articles),
        "sentences": (len(sentences), manifest.sentences),
        "chunks": (len(chunks), manifest.chunks),
        "chunk vectors": (len(chunk_store), manifest.chunks),
        "sentence vectors": (len(sentence_store), manifest.sentences),
        "chunk BM25 rows": (len(chunk_bm25.lengths), manifest.chunks),
        "sentence BM25 rows": (len(sentence_bm25.lengths), manifest.sentences),
    }
    wrong = [f"{name}: {got} (manifest says {want})" for name, (got, want) in counts.items() if got != want]
    if wrong:
        raise IndexError_(f"The index in {build} is inconsistent: {'; '.join(wrong)}. {_REBUILD}")
    for store in (chunk_store, sentence_store):
        if store.index.d != manifest.dimension:
            raise IndexError_(f"The index in {build} has vectors of dimension {store.index.d}, "
                              f"manifest says {manifest.dimension}. {_REBUILD}")
    return CorpusIndex(manifest, articles, sentences, chunks, chunk_store, sentence_store,
                       chunk_bm25, sentence_bm25, path=build)


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


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
