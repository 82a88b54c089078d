"""Words, not vectors: tokenising, light stemming, stop words and BM25 over sparse term counts.

Shared by lexical retrieval (BM25 over chunks and sentences) and by the support check, so that both
agree on what a "content word" is. Python and numpy; no model.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from briefbot.index.spool import PIECE, Spool, drop_pages

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself nor of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t d ll m re ve y one said says say according per cent article articles
    sentence sentences tell told me us many much shall may might must within without whose whether yet ever
    """.split()
)

NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot", "n't"})
_NEGATION_CONTRACTION = re.compile(r"\b\w+n['’]t\b", re.IGNORECASE)


_US_ROOTS = {"defense": "defence", "offense": "offence", "license": "licence", "center": "centre",
             "theater": "theatre", "fiber": "fibre", "gray": "grey", "catalog": "catalogue", "aluminum": "aluminium",
             **{root: root[:-2] + "our" for root in
                "color favor honor labor neighbor behavior harbor rumor vapor flavor humor armor endeavor".split()}}
_US_IZE = re.compile(r"(?<=\w{3})([iy])z(e|ed|es|er|ers|ing|ation|ations)$")


_US_ROOT_PREFIXES = tuple(_US_ROOTS)
WORD_CACHE = 1 << 16  # distinct words whose stem (and content terms) are remembered: words repeat


def _british(word: str) -> str:
    """One spelling for both sides of the Atlantic: "defense" -> "defence", "organize" -> "organise"."""
    if not word.startswith(_US_ROOT_PREFIXES):  # most words: no root to look for
        return _US_IZE.sub(lambda m: m.group(1) + "s" + m.group(2), word)
    for root, british in _US_ROOTS.items():
        if word.startswith(root):
            return british + word[len(root):]
    return _US_IZE.sub(lambda m: m.group(1) + "s" + m.group(2), word)


@lru_cache(maxsize=WORD_CACHE)
def stem(word: str) -> str:
    """A deliberately light stemmer: lower-case, one spelling for US and British English, drop
    possessives and common inflections."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        word = word.split("'")[0]
    word = _british(word)
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def close(term: str, token: str) -> bool:
    """The same stem, or a near spelling of a longer one with the same first letter ("zakarova")."""
    return term == token or (len(term) >= 5 and token[:1] == term[:1]
                             and difflib.SequenceMatcher(None, term, token).ratio() >= 0.8)


def words(text: str) -> list[str]:
    """Surface tokens of `text`, in order, case kept."""
    return _TOKEN.findall(text)


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of `text` that are not stop words, in order (duplicates kept)."""
    return [term for w in words(text) for term in _word_terms(w)]


@lru_cache(maxsize=WORD_CACHE)
def _word_terms(word: str) -> tuple[str, ...]:
    """`content_terms` of one token: its stem, or nothing for a stop word (the rule is per token)."""
    return () if word.lower().replace("’", "'").split("'")[0] in STOP_WORDS else (stem(word),)


def has_negation(text: str) -> bool:
    lowered = text.lower()
    return bool(_NEGATION_CONTRACTION.search(lowered)) or any(w in NEGATIONS for w in (t.lower() for t in words(text)))


def numbers(text: str) -> set[str]:
    """Numbers written in `text` (digits only: '2008', '20', '3.5')."""
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


class BM25:
    """Okapi BM25 over sparse term counts: each document is a row of (term id, count) pairs (CSR), and
    every term's postings are kept column-wise (CSC), so scoring a query touches only the documents that
    hold one of its terms (numpy; no per-document Python loop). Rows can be copied into a new `BM25`
    without re-tokenising (`BM25Builder.copy_rows`), which is how the index updates incrementally."""

    def __init__(self, documents: Sequence[Sequence[str]] = (), k1: float = 1.2, b: float = 0.75, *,
                 arrays: dict | None = None) -> None:
        self.k1, self.b = k1, b
        if arrays is None:
            builder = BM25Builder(k1=k1, b=b)
            for doc in documents:
                builder.add(doc)
            arrays = builder.arrays()
        self.vocabulary: list[str] = list(arrays["vocabulary"])
        self.files: dict[str, Spool] = dict(arrays.get("files", {}))  # arrays written by a build: saved file to file
        plain = {name: np.asarray(arrays[name]) for name in  # memory-mapped arrays, seen without np.memmap's overhead
                 ("indptr", "indices", "counts", "col_ptr", "col_rows", "col_counts")}
        self.indptr, self.indices, self.counts = plain["indptr"], plain["indices"], plain["counts"]
        self.col_ptr, self.col_rows, self.col_counts = plain["col_ptr"], plain["col_rows"], plain["col_counts"]
        self.lengths = np.asarray(arrays["lengths"])
        self.avg_length = float(self.lengths.mean()) if len(self.lengths) else 0.0
        self.norms = self.k1 * (1 - self.b + self.b * self.lengths / (self.avg_length or 1.0))
        self.term_ids = {term: i for i, term in enumerate(self.vocabulary)}
        df = np.diff(self.col_ptr)
        self.doc_freq = {t: int(n) for t, n in zip(self.vocabulary, df.tolist()) if n}

    @property
    def term_counts(self) -> "_RowCounts":
        """`term_counts[row]`: the row's terms and counts (a view made on use: no reference cycle, so a
        dropped index's arrays are freed at once)."""
        return _RowCounts(self)

    def idf(self, term: str) -> float:
        n = len(self.lengths)
        df = self.doc_freq.get(term, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query_terms: Iterable[str], weights: Sequence[float] | None = None) -> np.ndarray:
        """BM25 score of every document (float64 array); `weights` (one per query term) scale each term's
        contribution."""
        terms = list(query_terms)
        factor = dict(zip(terms, weights)) if weights is not None else {}
        out = np.zeros(len(self.lengths), dtype=np.float64)
        norms = self.norms
        for term in dict.fromkeys(terms):
            column = self.term_ids.get(term)
            if column is None or not self.doc_freq.get(term):
                continue
            lo, hi = int(self.col_ptr[column]), int(self.col_ptr[column + 1])
            rows = self.col_rows[lo:hi]
            tf = self.col_counts[lo:hi].astype(np.float64)
            out[rows] += factor.get(term, 1.0) * self.idf(term) * tf * (self.k1 + 1) / (tf + norms[rows])
        return out

    def arrays(self) -> dict:
        return {"vocabulary": self.vocabulary, "indptr": self.indptr, "indices": self.indices,
                "counts": self.counts, "col_ptr": self.col_ptr, "col_rows": self.col_rows,
                "col_counts": self.col_counts, "lengths": self.lengths, "k1": self.k1, "b": self.b}


class _RowCounts(Sequence):
    """`bm25.term_counts[row]`: a document's terms and counts, read from the sparse rows on demand."""

    def __init__(self, bm25: BM25) -> None:
        self._bm25 = bm25

    def __len__(self) -> int:
        return len(self._bm25.lengths)

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        bm25 = self._bm25
        if row < 0:
            row += len(self)
        lo, hi = int(bm25.indptr[row]), int(bm25.indptr[row + 1])
        vocabulary = bm25.vocabulary
        return Counter({vocabulary[t]: int(c) for t, c in zip(bm25.indices[lo:hi].tolist(), bm25.counts[lo:hi].tolist())})


class BM25Builder:
    """Accumulates documents into a new `BM25`: token lists (`encode` then `extend`, or `add`), or rows
    copied from an existing `BM25` whose vocabulary this builder started from (`copy_rows`). The rows'
    term ids and counts are appended to files (`Spool`) as they come, and the postings are written to files
    too, so a build holds about 12 bytes per document in memory, not 16 bytes per (document, term) pair."""

    def __init__(self, vocabulary: Sequence[str] = (), k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.vocabulary = list(vocabulary)
        self.term_ids = {t: i for i, t in enumerate(self.vocabulary)}
        self._indices, self._counts = Spool(np.int32), Spool(np.int32)
        self._distinct: list[np.ndarray] = []
        self._totals: list[np.ndarray] = []
        self._df = np.zeros(len(self.vocabulary), dtype=np.int64)  # postings per term so far

    def encode(self, documents: Iterable[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Rows for `documents`: (term ids, counts, distinct terms per row, tokens per row)."""
        ids: list[int] = []
        counts: list[int] = []
        distinct: list[int] = []
        totals: list[int] = []
        term_ids, vocabulary = self.term_ids, self.vocabulary
        for terms in documents:
            tally = Counter(terms)
            for term, count in tally.items():
                column = term_ids.get(term)
                if column is None:
                    column = term_ids[term] = len(vocabulary)
                    vocabulary.append(term)
                ids.append(column)
                counts.append(count)
            distinct.append(len(tally))
            totals.append(len(terms))
        return (np.asarray(ids, dtype=np.int32), np.asarray(counts, dtype=np.int32),
                np.asarray(distinct, dtype=np.int64), np.asarray(totals, dtype=np.int32))

    def extend(self, rows: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]) -> None:
        indices, counts, distinct, totals = rows
        for at in range(0, len(indices), PIECE):  # a memory-mapped source is read piece by piece
            piece = np.asarray(indices[at:at + PIECE])
            self._count_terms(piece)
            self._indices.append(piece)
        drop_pages(indices)
        self._counts.append(counts)
        self._distinct.append(np.asarray(distinct, dtype=np.int64))
        self._totals.append(np.asarray(totals, dtype=np.int32))

    def _count_terms(self, indices: np.ndarray) -> None:
        found = np.bincount(indices, minlength=len(self.vocabulary))
        if len(found) > len(self._df):
            self._df = np.concatenate([self._df, np.zeros(len(found) - len(self._df), dtype=np.int64)])
        self._df[:len(found)] += found

    def add(self, terms: Sequence[str]) -> None:
        self.extend(self.encode([terms]))

    def copy_rows(self, source: BM25, start: int, stop: int) -> None:
        """Append rows `start:stop` of `source` (whose vocabulary must be a prefix of this builder's)."""
        lo, hi = int(source.indptr[start]), int(source.indptr[stop])
        self.extend((source.indices[lo:hi], source.counts[lo:hi],
                     np.diff(np.asarray(source.indptr[start:stop + 1])), np.array(source.lengths[start:stop])))
        for array in (source.indptr, source.lengths):
            drop_pages(array)

    def arrays(self) -> dict:
        """The finished arrays (call once). Term ids, counts and postings are memory-mapped files; the
        postings (CSC) are written a range of terms at a time (see `_postings`)."""
        distinct = np.concatenate(self._distinct) if self._distinct else np.zeros(0, np.int64)
        indptr = np.concatenate([[0], np.cumsum(distinct)]).astype(np.int64)
        totals = np.concatenate(self._totals) if self._totals else np.zeros(0, np.int32)
        self._distinct, self._totals = [], []
        df = np.zeros(len(self.vocabulary), dtype=np.int64)
        df[:len(self._df)] = self._df
        col_ptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        col_rows, col_counts = _postings(indptr, self._indices, self._counts, col_ptr)
        files = {"indices": self._indices, "counts": self._counts, "col_rows": col_rows, "col_counts": col_counts}
        return {"vocabulary": self.vocabulary, "indptr": indptr, "col_ptr": col_ptr, "lengths": totals,
                **{name: spool.mapped() for name, spool in files.items()}, "files": files, "k1": self.k1, "b": self.b}

    def build(self) -> BM25:
        return BM25(k1=self.k1, b=self.b, arrays=self.arrays())


_BLOCK_ROWS = 65_536  # rows read at a time while writing postings
_RANGE_POSTINGS = 1 << 21  # postings gathered in memory at a time (~60 MB of temporaries)


def _postings(indptr: np.ndarray, indices: Spool, counts: Spool, col_ptr: np.ndarray) -> tuple[Spool, Spool]:
    """The CSC postings (rows and counts, each column's rows in increasing order) of the spooled CSR rows:
    the same arrays as a stable argsort of the term ids, written to files one range of columns (about
    `_RANGE_POSTINGS` postings) at a time, each range gathered by a pass over the rows."""
    col_rows, col_counts = Spool(np.int32), Spool(np.int32)
    columns, rows = len(col_ptr) - 1, len(indptr) - 1
    cuts = np.searchsorted(col_ptr, np.arange(_RANGE_POSTINGS, int(col_ptr[-1]), _RANGE_POSTINGS), side="right") - 1
    bounds = sorted(set([0, columns, *np.clip(cuts, 0, columns).tolist()]))
    for c0, c1 in zip(bounds, bounds[1:]):
        if col_ptr[c1] == col_ptr[c0]:
            continue
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for r0 in range(0, rows, _BLOCK_ROWS):
            r1 = min(rows, r0 + _BLOCK_ROWS)
            lo, hi = int(indptr[r0]), int(indptr[r1])
            block = indices.read(lo, hi)
            inside = (block >= c0) & (block < c1)
            if not inside.any():
                continue
            owner = np.repeat(np.arange(r0, r1, dtype=np.int32), np.diff(indptr[r0:r1 + 1]))
            found.append((block[inside], owner[inside], counts.read(lo, hi)[inside]))
        terms = np.concatenate([f[0] for f in found])
        order = np.argsort(terms, kind="stable")
        del terms
        col_rows.append(np.concatenate([f[1] for f in found])[order])
        col_counts.append(np.concatenate([f[2] for f in found])[order])
    return col_rows, col_counts


def cached_content_terms(cache: dict[str, list[str]]):
    """`content_terms`, memoised word by word in `cache` (the same result: the rule is per token)."""

    def terms(text: str) -> list[str]:
        out: list[str] = []
        for word in words(text):
            found = cache.get(word)
            if found is None:
                found = cache[word] = content_terms(word)
            out.extend(found)
        return out

    return terms


MONTH_NAMES = ("January February March April May June July August September October November December").split()


def date_words(published: str | None) -> str:
    """'2021-10-05' -> '2021-10-05 5 October 2021' (so 'in October 2021' holds in the article's date)."""
    if not published:
        return ""
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return published
    day = str(int(m.group(3))) if m.group(3) else ""
    return f"{published} {day} {MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"
