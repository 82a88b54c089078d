"""Columnar, compact storage of the index's records: articles, sentences and chunks.

Records are kept as JSON lines in one byte buffer (in memory after a build, memory-mapped after a load)
with an offsets array, plus a few numpy columns; a `Sentence`, `Article` or `Chunk` is materialised on
demand (and a few thousand kept in a small cache). The views below (`SentenceView`, `ById`, ...) give the
list- and dict-like access retrieval uses (`index.sentences[row]`, `index.sentence_by_id[id]`) without
holding one Python object per sentence: about 0.4 KB per sentence instead of ~18 KB.
"""

from __future__ import annotations

import mmap
import os
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Callable, Generic, Iterator, TypeVar

import numpy as np

from briefbot.types import Article, Chunk, Sentence

T = TypeVar("T")
ID_BITS = 20  # a vector id is (article number << ID_BITS) | position: up to ~1M sentences per article
CACHE = 4096


class Lines:
    """JSON lines in one buffer: `line(i)` is the bytes of record i (newline included). A file-backed
    `Lines` (`open`, or `LinesBuilder.build`) is memory-mapped and keeps its file descriptor, so `write_to`
    copies it file to file without reading it into memory, even after the file was deleted."""

    def __init__(self, data: bytes | bytearray | mmap.mmap, offsets: np.ndarray, fd: int | None = None) -> None:
        self.data, self.offsets, self.fd = data, offsets, fd
        if fd is not None:
            weakref.finalize(self, os.close, fd)

    @classmethod
    def open(cls, path: Path, offsets: np.ndarray) -> "Lines":
        size = path.stat().st_size
        if size != (int(offsets[-1]) if len(offsets) else 0):
            raise ValueError(f"{path.name} has {size} bytes, its offsets say {int(offsets[-1])}")
        return cls._mapped(os.open(path, os.O_RDONLY), offsets)

    @classmethod
    def _mapped(cls, fd: int, offsets: np.ndarray) -> "Lines":
        size = int(offsets[-1]) if len(offsets) else 0
        if size == 0:
            os.close(fd)
            return cls(b"", offsets)
        return cls(mmap.mmap(fd, size, access=mmap.ACCESS_READ), offsets, fd)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def line(self, i: int) -> bytes:
        return self.data[int(self.offsets[i]):int(self.offsets[i + 1])]

    def span(self, start: int, stop: int) -> bytes:
        return self.data[int(self.offsets[start]):int(self.offsets[stop])]

    def write_to(self, fd: int, start: int = 0, stop: int | None = None) -> None:
        """Append lines `start:stop` (default: all) to the open file `fd`."""
        lo, hi = int(self.offsets[start]), int(self.offsets[len(self) if stop is None else stop])
        if self.fd is not None:
            _copy_range(self.fd, fd, lo, hi - lo)
            return
        for at in range(lo, hi, _PIECE):
            _write_all(fd, memoryview(self.data)[at:min(hi, at + _PIECE)])


_PIECE = 16 << 20


def _write_all(fd: int, data) -> None:
    view = memoryview(data)
    while len(view):
        view = view[os.write(fd, view):]


def _copy_range(source: int, target: int, offset: int, length: int) -> None:
    """Copy `length` bytes of `source` from `offset` to the end of `target`, in the kernel where it can."""
    while length > 0:
        try:
            done = os.copy_file_range(source, target, min(length, _PIECE), offset)
        except (OSError, AttributeError):  # another file system, or no copy_file_range: through a buffer
            done = os.write(target, os.pread(source, min(length, _PIECE), offset))
        if done <= 0:
            raise OSError(f"could not copy {length} bytes of index records")
        offset, length = offset + done, length - done


class LinesBuilder:
    """Appends lines (or spans of another `Lines`) to an unnamed temporary file, so a build holds no
    copy of its records in memory; `build()` memory-maps the file."""

    def __init__(self, folder: Path | None = None) -> None:
        handle, name = tempfile.mkstemp(prefix=".lines-", dir=folder)
        os.unlink(name)  # the descriptor keeps it alive; nothing is left behind if the build fails
        self.fd = handle
        self._finalizer = weakref.finalize(self, os.close, handle)
        self.buffer = bytearray()
        self.lengths: list[np.ndarray] = []
        self._pending: list[int] = []

    def add(self, line: bytes) -> None:
        self.buffer += line
        self._pending.append(len(line))
        if len(self.buffer) >= _PIECE:
            self._flush()

    def _flush(self) -> None:
        _write_all(self.fd, self.buffer)
        self.buffer = bytearray()

    def copy(self, source: Lines, start: int, stop: int) -> None:
        self._flush()
        source.write_to(self.fd, start, stop)
        self.lengths.append(np.asarray(self._pending, dtype=np.int64))
        self._pending = []
        self.lengths.append(np.diff(np.asarray(source.offsets[start:stop + 1], dtype=np.int64)))

    def build(self) -> Lines:
        self._flush()
        self.lengths.append(np.asarray(self._pending, dtype=np.int64))
        offsets = np.concatenate([[0], np.cumsum(np.concatenate(self.lengths))]).astype(np.int64)
        self._finalizer.detach()  # the descriptor now belongs to the Lines
        return Lines._mapped(self.fd, offsets)


class _Records(Sequence, Generic[T]):
    """A read-only list of records materialised on demand from `make(row)`, with a small LRU cache."""

    def __init__(self, size: int, make: Callable[[int], T]) -> None:
        self._size, self._make = size, make
        self._cache: OrderedDict[int, T] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(self._size))]
        row = int(row)
        if row < 0:
            row += self._size
        if not 0 <= row < self._size:
            raise IndexError(f"row {row} out of range ({self._size} records)")
        with self._lock:  # the page answers several users at once
            found = self._cache.get(row)
            if found is not None:
                self._cache.move_to_end(row)
                return found
        found = self._make(row)
        with self._lock:
            self._cache[row] = found
            if len(self._cache) > CACHE:
                self._cache.popitem(last=False)
        return found

    def __iter__(self) -> Iterator[T]:
        return (self[i] for i in range(self._size))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (Sequence, list)) and len(self) == len(other) and all(
            a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]


class ById(Mapping, Generic[T]):
    """A read-only mapping id -> value; `lookup(id)` gives the value or None."""

    def __init__(self, keys: Callable[[], Iterator[str]], size: int, lookup: Callable[[str], T | None]) -> None:
        self._keys, self._size, self._lookup = keys, size, lookup

    def __getitem__(self, key: str) -> T:
        found = self._lookup(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self) -> Iterator[str]:
        return self._keys()

    def __len__(self) -> int:
        return self._size


class Tables:
    """The columns of an index: per article (id, fingerprint, vector-id number, first sentence, first
    chunk), per chunk (first sentence, sentence count), and the article and sentence JSON lines."""

    def __init__(self, article_ids: list[str], fingerprints: list[str], numbers: np.ndarray,
                 sentence_ptr: np.ndarray, chunk_ptr: np.ndarray, chunk_first: np.ndarray,
                 chunk_count: np.ndarray, article_lines: Lines, sentence_lines: Lines,
                 titles: list[str] | None = None) -> None:
        self.article_ids, self.fingerprints, self.numbers = article_ids, fingerprints, numbers
        self.titles = titles if titles is not None else [a.title for a in _Records(len(article_ids), self._article)]
        self.sentence_ptr, self.chunk_ptr = sentence_ptr, chunk_ptr
        self.chunk_first, self.chunk_count = chunk_first, chunk_count
        self.article_lines, self.sentence_lines = article_lines, sentence_lines
        self.article_row = {a: i for i, a in enumerate(article_ids)}
        counts = np.diff(sentence_ptr)
        self.sentence_article = np.repeat(np.arange(len(article_ids), dtype=np.int32), counts)
        self.chunk_article = np.repeat(np.arange(len(article_ids), dtype=np.int32), np.diff(chunk_ptr))
        positions = np.arange(int(sentence_ptr[-1]), dtype=np.int64) - np.repeat(sentence_ptr[:-1], counts)
        self.sentence_keys = (np.repeat(numbers, counts) << ID_BITS) | positions
        chunk_positions = np.arange(len(chunk_first), dtype=np.int64) - np.repeat(chunk_ptr[:-1], np.diff(chunk_ptr))
        self.chunk_keys = (np.repeat(numbers, np.diff(chunk_ptr)) << ID_BITS) | chunk_positions
        self.articles = _Records(len(article_ids), self._article)
        self.sentences = _Records(int(sentence_ptr[-1]), self._sentence)
        self.chunks = _Records(len(chunk_first), self._chunk)

    # --- records ---
    def _article(self, row: int) -> Article:
        return Article.model_validate_json(self.article_lines.line(row))

    def _sentence(self, row: int) -> Sentence:
        return Sentence.model_validate_json(self.sentence_lines.line(row))

    def _chunk(self, row: int) -> Chunk:
        article = int(self.chunk_article[row])
        first, count = int(self.chunk_first[row]), int(self.chunk_count[row])
        sentences = [self.sentences[r] for r in range(first, first + count)]
        article_id = self.article_ids[article]
        return Chunk(id=f"{article_id}:c{row - int(self.chunk_ptr[article])}", article_id=article_id,
                     sentence_ids=[s.id for s in sentences], text=" ".join(s.text for s in sentences))

    # --- lookups by id ---
    def sentence_row(self, sentence_id: str) -> int | None:
        article_id, sep, n = sentence_id.rpartition(":s")
        article = self.article_row.get(article_id) if sep and n.isdigit() else None
        if article is None:
            return None
        row = int(self.sentence_ptr[article]) + int(n)
        return row if row < int(self.sentence_ptr[article + 1]) else None

    def article_sentences(self, article_id: str) -> list[Sentence] | None:
        article = self.article_row.get(article_id)
        if article is None:
            return None
        return self.sentences[int(self.sentence_ptr[article]):int(self.sentence_ptr[article + 1])]

    def sentence_ids(self) -> Iterator[str]:
        for article, article_id in enumerate(self.article_ids):
            for n in range(int(self.sentence_ptr[article + 1] - self.sentence_ptr[article])):
                yield f"{article_id}:s{n}"

    def overview(self) -> list[tuple[str, str, int]]:
        """(id, title, sentence count) of every article, without reading the records."""
        counts = np.diff(self.sentence_ptr).tolist()
        return list(zip(self.article_ids, self.titles, counts))

    def views(self) -> dict:
        """The list- and dict-like views `CorpusIndex` exposes."""
        n = len(self.sentences)
        row = self.sentence_row
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "chunks": self.chunks,
            "article_by_id": ById(lambda: iter(self.article_ids), len(self.article_ids),
                                  lambda a: None if a not in self.article_row else self.articles[self.article_row[a]]),
            "sentence_by_id": ById(self.sentence_ids, n, lambda s: None if row(s) is None else self.sentences[row(s)]),
            "sentence_row": ById(self.sentence_ids, n, row),
            "sentences_by_article": ById(lambda: iter(self.article_ids), len(self.article_ids),
                                         self.article_sentences),
        }


class RowVectors:
    """A `VectorStore` keyed by stable int64 ids, seen by row (what retrieval indexes by): `search` gives
    rows, `vectors(rows)` takes rows."""

    def __init__(self, store, keys: np.ndarray) -> None:
        self.store, self.keys = store, keys
        order = np.argsort(keys, kind="stable")
        self._sorted_keys, self._rows = keys[order], order

    def rows_of(self, ids: Sequence[int]) -> list[int]:
        """The rows of stored ids (ids not in this index are left out)."""
        if not len(self._sorted_keys):
            return []
        ids = np.asarray(ids, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._sorted_keys, ids), len(self._sorted_keys) - 1)
        return [int(self._rows[p]) for i, p in zip(ids.tolist(), at.tolist()) if self._sorted_keys[p] == i]

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        hits = self.store.search(vector, k)
        if not hits or not len(self._sorted_keys):
            return []
        ids = np.asarray([i for i, _ in hits], dtype=np.int64)
        at = np.minimum(np.searchsorted(self._sorted_keys, ids), len(self._sorted_keys) - 1)
        return [(int(self._rows[p]), score) for (i, score), p in zip(hits, at.tolist()) if self._sorted_keys[p] == i]

    def vectors(self, rows: Sequence[int]) -> np.ndarray:
        return self.store.vectors(self.keys[np.asarray(list(rows), dtype=np.int64)])

    def __len__(self) -> int:
        return len(self.store)
