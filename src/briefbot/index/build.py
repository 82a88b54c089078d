"""Building the index, incrementally: only added or changed articles are segmented, embedded (and annotated).

Each article has a fingerprint (sha256 of all its fields). Given the previous `CorpusIndex`, an article
whose id and fingerprint are unchanged keeps its sentences, entities, chunks, BM25 rows and vectors (copied,
never recomputed); a changed or added article gets a fresh article number (so fresh int64 vector ids:
`number << ID_BITS | position`), and removed or changed articles' vectors are removed from the stores.
Records are laid out in the order of `articles`, so an incremental build equals a full one row for row.
New articles are processed in batches of about `BATCH_SENTENCES` sentences to bound memory, and each
batch's records and BM25 rows are laid out (spooled to files, see `tables.LinesBuilder` and `spool.Spool`) as
soon as it is done.

Every text is embedded once: sentences are embedded, and a chunk's vector is the normalised mean of its
sentences' vectors (see README "Scale" for the throughput and quality figures behind that choice).
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import json
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from briefbot.index.corpus_index import FORMAT_VERSION, Changes, CorpusIndex, Manifest, Progress, _faiss_version
from briefbot.index.embedding import Embedder
from briefbot.index.lexical import BM25Builder, cached_content_terms, date_words
from briefbot.index.nlp import Annotator
from briefbot.index.store import FaissStore, VectorStore
from briefbot.index.stores import chunk_payload, sentence_payload
from briefbot.index.tables import ID_BITS, LinesBuilder, Tables
from briefbot.ingest.corpus import corpus_fingerprint
from briefbot.ingest.segment import chunk_sentences, split_sentences
from briefbot.types import Article

BATCH_SENTENCES = 5_000
STAGE = "embedding sentences of new or changed articles"
COLLECT_FROM = 50_000  # sentences: a full garbage collection costs ~0.2 s with the models loaded (13% of a
# 900-sentence build); it is there for the peak memory of big builds (README "Scale")


def article_fingerprint(article: Article) -> str:
    """sha256 over every field of the article (id, title, text, dates, source, url, ...). An unknown author
    is left out, so articles read before `Article.author` existed keep their fingerprints (no re-embedding)."""
    fields = article.model_dump(mode="json", exclude={"author"} if article.author is None else None)
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class _Built:
    """One new article's records, ready to be laid out."""

    article_line: bytes
    sentence_lines: list[bytes]
    chunk_first: list[int]  # relative to the article's first sentence
    chunk_count: list[int]
    sentence_rows: tuple
    chunk_rows: tuple


def build_index(
    articles: Sequence[Article],
    embedder: Embedder,
    *,
    chunk_size: int = 3,
    chunk_overlap: int = 1,
    progress: Progress | None = None,
    annotator: Annotator | None = None,
    previous: CorpusIndex | None = None,
    new_store: Callable[[str, int, int], VectorStore] | None = None,
) -> CorpusIndex:
    """Index `articles`, reusing what `previous` (an index of an earlier version of the corpus) already has.

    With an `annotator`, every new sentence's named entities are found now and stored; without one they are
    left for retrieval to find when the sentence first becomes evidence (`Sentence.entities` is None), which
    keeps spaCy's cost out of the build (it is about as slow as the embedder itself).

    `previous` is consumed: its vector stores are updated in place, so use only the returned index.
    `new_store(kind, dimension, expected)` ("sentences" or "chunks") makes the stores of a fresh build
    (default: `FaissStore.empty`)."""
    chunk_overlap = min(chunk_overlap, chunk_size - 1)
    if previous is not None and not _reusable(previous, embedder, chunk_size, chunk_overlap):
        previous = None
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f"two articles share the id {duplicate!r}; article ids must be unique")
    fingerprints = [article_fingerprint(a) for a in articles]
    old = previous.tables if previous is not None else None
    keep = [old is not None and (r := old.article_row.get(a.id)) is not None and old.fingerprints[r] == fp
            for a, fp in zip(articles, fingerprints)]
    wanted = set(ids)
    changes = Changes(kept=sum(keep))
    if old is not None:
        changes.changed = sum(1 for a, k in zip(articles, keep) if not k and a.id in old.article_row)
        changes.removed = sum(1 for a in old.article_ids if a not in wanted)
    changes.added = len(articles) - changes.kept - changes.changed
    next_number = previous.manifest.next_number if previous is not None else 0

    if previous is not None:
        sentence_store, chunk_store = previous.sentence_store, previous.chunk_store
        position = {a: i for i, a in enumerate(ids)}
        gone = np.asarray([r for r, a in enumerate(old.article_ids) if a not in position or not keep[position[a]]],
                          dtype=np.int64)
        sentence_store.remove(old.sentence_keys[np.isin(old.sentence_article, gone)])  # type: ignore[union-attr]
        chunk_store.remove(old.chunk_keys[np.isin(old.chunk_article, gone)])  # type: ignore[union-attr]
        sentence_vocabulary = previous.sentence_bm25.vocabulary
        chunk_vocabulary = previous.chunk_bm25.vocabulary
    else:
        expected = sum(len(a.text) for a in articles) // 100  # about 100 characters per sentence
        make = new_store or (lambda kind, dimension, count: FaissStore.empty(dimension, count))
        sentence_store = make("sentences", embedder.dimension, expected)
        chunk_store = make("chunks", embedder.dimension, expected // max(1, chunk_size - chunk_overlap))
        sentence_vocabulary = chunk_vocabulary = ()
    sentence_bm25, chunk_bm25 = BM25Builder(sentence_vocabulary), BM25Builder(chunk_vocabulary)

    numbers: list[int] = []
    for article, kept in zip(articles, keep):
        if kept:
            numbers.append(int(old.numbers[old.article_row[article.id]]))  # type: ignore[union-attr]
        else:
            numbers.append(next_number)
            next_number += 1
    fresh = [i for i, k in enumerate(keep) if not k]
    layout = _Layout(old, previous, sentence_bm25, chunk_bm25)
    _process(articles, _segments(articles, keep, old), len(fresh), numbers, embedder, annotator, chunk_size,
             chunk_overlap, sentence_store, chunk_store, layout, progress)
    sentence_counts, chunk_counts_per_article = layout.sentence_counts, layout.chunk_counts
    large = sum(int(c.sum()) for c in sentence_counts) >= COLLECT_FROM
    release_free_memory(collect=large)  # the batches' temporaries, before the BM25 arrays are assembled
    chunk_first, chunk_count = layout.chunk_first, layout.chunk_count
    article_lines, sentence_lines = layout.article_lines, layout.sentence_lines

    def pointers(counts: list[np.ndarray]) -> np.ndarray:
        flat = np.concatenate(counts).astype(np.int64) if counts else np.zeros(0, np.int64)
        return np.concatenate([[0], np.cumsum(flat)]).astype(np.int64)

    tables = Tables(ids, fingerprints, np.asarray(numbers, dtype=np.int64), pointers(sentence_counts),
                    pointers(chunk_counts_per_article),
                    np.concatenate(chunk_first) if chunk_first else np.zeros(0, np.int64),
                    np.concatenate(chunk_count) if chunk_count else np.zeros(0, np.int32),
                    article_lines.build(), sentence_lines.build(), titles=[a.title for a in articles])
    manifest = Manifest(
        format_version=FORMAT_VERSION, embedder_id=embedder.id, dimension=embedder.dimension,
        faiss_version=_faiss_version(), corpus_fingerprint=corpus_fingerprint(articles),
        chunk_size=chunk_size, chunk_overlap=chunk_overlap, articles=len(articles),
        sentences=len(tables.sentences), chunks=len(tables.chunks),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"), next_number=next_number,
    )
    sentence_store, chunk_store = (getattr(s, "grown", lambda s=s: s)() for s in (sentence_store, chunk_store))
    built = CorpusIndex(manifest, tables, chunk_store, sentence_store, chunk_bm25.build(), sentence_bm25.build(),
                        changes=changes)
    release_free_memory(collect=large)
    return built


def release_free_memory(collect: bool = True) -> None:
    """Free what only reference cycles still hold (with `collect`), and hand freed heap memory back to the
    system: glibc keeps what a build's many temporaries (or a deleted index) freed unless asked (no-op
    without `malloc_trim`)."""
    if collect:
        gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass


def _segments(articles: Sequence[Article], keep: list[bool], old: Tables | None) -> list[tuple]:
    """The layout of the new index: ("old", r0, r1) for runs of kept articles that were rows r0..r1-1 of the
    previous index, ("new", i) for the i-th article, built afresh."""
    out: list[tuple] = []
    for i, (article, kept) in enumerate(zip(articles, keep)):
        if not kept:
            out.append(("new", i))
            continue
        row = old.article_row[article.id]  # type: ignore[union-attr]
        if out and out[-1][0] == "old" and out[-1][2] == row:
            out[-1] = ("old", out[-1][1], row + 1)
        else:
            out.append(("old", row, row + 1))
    return out


def _reusable(previous: CorpusIndex, embedder: Embedder, chunk_size: int, chunk_overlap: int) -> bool:
    m = previous.manifest
    return (m.format_version == FORMAT_VERSION and m.embedder_id == embedder.id and m.dimension == embedder.dimension
            and m.chunk_size == chunk_size and m.chunk_overlap == chunk_overlap)


class _Layout:
    """The new index's records, appended in the order of `articles` as soon as they are ready: runs of
    kept articles copied from the previous index, new articles as their batch finishes (so a build holds
    one batch of new records in memory, never all of them)."""

    def __init__(self, old: Tables | None, previous: CorpusIndex | None, sentence_bm25: BM25Builder,
                 chunk_bm25: BM25Builder) -> None:
        self.old, self.previous = old, previous
        self.sentence_bm25, self.chunk_bm25 = sentence_bm25, chunk_bm25
        self.article_lines, self.sentence_lines = LinesBuilder(), LinesBuilder()
        self.sentence_counts: list[np.ndarray] = []
        self.chunk_counts: list[np.ndarray] = []
        self.chunk_first: list[np.ndarray] = []
        self.chunk_count: list[np.ndarray] = []
        self.first_row = 0

    def emit(self, segments: list[tuple], built: dict[int, _Built]) -> None:
        for segment in segments:
            if segment[0] == "old":
                self._copy(segment[1], segment[2])
            else:
                self._add(built.pop(segment[1]))

    def _copy(self, r0: int, r1: int) -> None:
        """A run of kept articles, consecutive in the previous index: copied at once."""
        old, previous = self.old, self.previous
        assert old is not None and previous is not None
        s0, s1 = int(old.sentence_ptr[r0]), int(old.sentence_ptr[r1])
        c0, c1 = int(old.chunk_ptr[r0]), int(old.chunk_ptr[r1])
        self.article_lines.copy(old.article_lines, r0, r1)
        self.sentence_lines.copy(old.sentence_lines, s0, s1)
        self.sentence_bm25.copy_rows(previous.sentence_bm25, s0, s1)
        self.chunk_bm25.copy_rows(previous.chunk_bm25, c0, c1)
        self.chunk_first.append(np.asarray(old.chunk_first[c0:c1], dtype=np.int64) - s0 + self.first_row)
        self.chunk_count.append(np.asarray(old.chunk_count[c0:c1], dtype=np.int32))
        self.sentence_counts.append(np.diff(old.sentence_ptr[r0:r1 + 1]))
        self.chunk_counts.append(np.diff(old.chunk_ptr[r0:r1 + 1]))
        self.first_row += s1 - s0

    def _add(self, item: _Built) -> None:
        self.article_lines.add(item.article_line)
        for line in item.sentence_lines:
            self.sentence_lines.add(line)
        self.sentence_bm25.extend(item.sentence_rows)
        self.chunk_bm25.extend(item.chunk_rows)
        self.chunk_first.append(np.asarray(item.chunk_first, dtype=np.int64) + self.first_row)
        self.chunk_count.append(np.asarray(item.chunk_count, dtype=np.int32))
        self.sentence_counts.append(np.asarray([len(item.sentence_lines)]))
        self.chunk_counts.append(np.asarray([len(item.chunk_first)]))
        self.first_row += len(item.sentence_lines)


def _process(articles: Sequence[Article], segments: list[tuple], total: int, numbers: list[int],
             embedder: Embedder, annotator: Annotator | None, chunk_size: int, chunk_overlap: int, sentence_store,
             chunk_store, layout: _Layout, progress: Progress | None) -> None:
    """Walk the layout: segment, annotate, chunk, embed and tokenise new articles batch by batch, and hand
    each finished batch (with the kept runs before it) to `layout`."""
    terms = cached_content_terms({})
    done = 0
    waiting: list[tuple] = []  # segments laid out once the batch they wait for is done
    batch: list[tuple[int, list]] = []
    size = 0

    def flush() -> None:
        nonlocal done, size
        built = {}
        if batch:
            built = _batch(articles, batch, numbers, embedder, annotator, chunk_size,
                           chunk_overlap, sentence_store, chunk_store, layout.sentence_bm25, layout.chunk_bm25,
                           terms)
        layout.emit(waiting, built)
        if batch:
            done += len(batch)
            if progress is not None:
                progress(STAGE, done, total)
        waiting.clear()
        batch.clear()
        size = 0

    if progress is not None:
        progress(STAGE, 0, total)
    for segment in segments:
        waiting.append(segment)
        if segment[0] == "new":
            sentences = split_sentences(articles[segment[1]])
            batch.append((segment[1], sentences))
            size += len(sentences)
            if size >= BATCH_SENTENCES:
                flush()
    flush()


def _batch(articles, batch, numbers, embedder, annotator, chunk_size, chunk_overlap, sentence_store, chunk_store,
           sentence_bm25, chunk_bm25, terms: Callable[[str], list[str]]) -> dict[int, _Built]:
    texts = [s.text for _, sentences in batch for s in sentences]
    entities = annotator.entities(texts) if texts and annotator is not None else None
    matrix = embedder.embed(texts) if texts else np.zeros((0, embedder.dimension), np.float32)
    out: dict[int, _Built] = {}
    sentence_ids: list[np.ndarray] = []
    chunk_ids: list[int] = []
    chunk_vectors: list[np.ndarray] = []
    sentence_payloads: list[dict] = []  # kept by stores that want them (Qdrant): ids, article, date, source
    chunk_payloads: list[dict] = []
    at = 0
    for i, sentences in batch:
        article = articles[i]
        n = len(sentences)
        if n >= 1 << ID_BITS:
            raise ValueError(f"article {article.id!r} has {n} sentences; at most {(1 << ID_BITS) - 1} are indexed")
        sentences = [s.model_copy(update={"entities": None if entities is None else tuple(entities[at + j])})
                     for j, s in enumerate(sentences)]
        base = numbers[i] << ID_BITS
        sentence_ids.append(base + np.arange(n, dtype=np.int64))
        position = {s.id: j for j, s in enumerate(sentences)}
        chunks = chunk_sentences(sentences, size=chunk_size, overlap=chunk_overlap) if sentences else []
        sentence_payloads.extend(sentence_payload(s, article) for s in sentences)
        chunk_payloads.extend(chunk_payload(c, article) for c in chunks)
        firsts = [position[c.sentence_ids[0]] for c in chunks]
        counts = [len(c.sentence_ids) for c in chunks]
        sentence_terms = [terms(s.text) for s in sentences]
        title_terms = terms(f"{article.title} {date_words(article.published)}")  # a chunk is read with its headline
        chunk_terms = [title_terms + [t for j in range(f, f + c) for t in sentence_terms[j]]
                       for f, c in zip(firsts, counts)]
        for k, (f, c) in enumerate(zip(firsts, counts)):
            mean = matrix[at + f:at + f + c].mean(axis=0)
            chunk_vectors.append(mean / (np.linalg.norm(mean) or 1.0))
            chunk_ids.append(base + k)
        out[i] = _Built(
            article_line=article.model_dump_json().encode("utf-8") + b"\n",
            sentence_lines=[s.model_dump_json().encode("utf-8") + b"\n" for s in sentences],
            chunk_first=firsts, chunk_count=counts,
            sentence_rows=sentence_bm25.encode(sentence_terms), chunk_rows=chunk_bm25.encode(chunk_terms))
        at += n
    def extra(store, payloads: list[dict]) -> dict:
        return {"payloads": payloads} if getattr(store, "wants_payloads", False) else {}

    if sentence_ids:
        sentence_store.add(np.concatenate(sentence_ids), matrix, **extra(sentence_store, sentence_payloads))
    if chunk_ids:
        chunk_store.add(np.asarray(chunk_ids, dtype=np.int64), np.vstack(chunk_vectors).astype(np.float32),
                        **extra(chunk_store, chunk_payloads))
    return out
