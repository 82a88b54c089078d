"""Load a corpus of news articles from a folder: every format, refusals and duplicates reported.

Formats (by extension; a directory is searched recursively, hidden files and other extensions ignored):

* ``.txt`` / ``.md`` (one article per file) and ``.jsonl`` (one per line): :mod:`briefbot.ingest.text`;
* ``.html`` / ``.htm`` saved web pages, through trafilatura: :mod:`briefbot.ingest.html`;
* ``.rss`` / ``.atom`` / ``.xml`` feeds, one article per entry, through feedparser: :mod:`briefbot.ingest.feeds`.

Every file first passes :func:`briefbot.ingest.binary.decode` (binary junk is refused whatever its
name) and every text passes :func:`briefbot.ingest.clean.clean_text` (boilerplate and markup out).
Bad input never crashes a build and is never indexed: an unreadable, binary or empty file, a page or
feed with no text, a bad JSONL line, a duplicate (same URL or same text as an article read before)
is skipped with a warning naming the file, and listed in :attr:`CorpusRead.skipped`. Duplicate ids
with different texts, a missing directory or a corpus with no usable article raise :class:`CorpusError`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefbot.errors import CorpusError
from briefbot.ingest.binary import decode
from briefbot.ingest.clean import BOILERPLATE_PATTERNS, clean_text  # noqa: F401 - re-exported
from briefbot.ingest.feeds import FEED_SUFFIXES, read_feed_file
from briefbot.ingest.html import HTML_SUFFIXES, read_html_file
from briefbot.ingest.reading import FileRead, Refused, Skipped
from briefbot.ingest.text import read_jsonl_file, read_text_file
from briefbot.types import Article

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = TEXT_SUFFIXES + (".jsonl",) + HTML_SUFFIXES + FEED_SUFFIXES
_KINDS = ".txt, .md, .jsonl, .html/.htm or .rss/.atom/.xml"
_HINT = (f"put {_KINDS} files in it (one article per .txt/.md/.html file, one per .jsonl line, "
         "one per feed entry)")
# Parses remembered (by path and content hash) so that a re-read costs one hash per file: at most this
# many characters of article text are kept (the newest files); a bigger file is never kept.
_MEMO_CHARS = 32_000_000


@dataclass(frozen=True)
class CorpusRead:
    """What a corpus folder gave: its articles (sorted by id), and what was skipped and why."""

    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0

    def skipped_counts(self) -> dict[str, int]:
        """How many files or records were skipped, by kind (binary, empty, duplicate, ...)."""
        counts: dict[str, int] = {}
        for item in self.skipped:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return counts


def corpus_fingerprint(articles: Iterable[Article]) -> str:
    """Hex sha256 over what a citation shows of ``articles`` (order does not matter): id, title, text,
    and the date, outlet and URL, so that a corrected date or outlet reaches the index too."""
    rows = sorted((a.id, a.title, a.text, a.published or "", a.source or "", a.url or "") for a in articles)
    digest = hashlib.sha256(b"[")  # the JSON list of rows, hashed row by row: never the whole corpus in one string
    for n, row in enumerate(rows):
        digest.update((b"," if n else b"") + json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    digest.update(b"]")
    return digest.hexdigest()


_memo: OrderedDict[tuple[str, str], tuple[FileRead | None, Skipped | None, str | None]] = OrderedDict()
_memo_chars: dict[tuple[str, str], int] = {}
_memo_total = [0]  # characters held by _memo


def _parse(path: Path, data: bytes) -> tuple[FileRead | None, Skipped | None, str | None]:
    """(what the file gave, or why it was refused, the non-UTF-8 encoding its text was read with)."""
    decoded = decode(data)
    if decoded.text is None:
        return None, Skipped(str(path), decoded.refused or "not text", "binary"), None
    suffix = path.suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            return read_html_file(path, data), None, None
        if suffix in FEED_SUFFIXES:
            return read_feed_file(path, data), None, None
        note = decoded.encoding if decoded.encoding in ("cp1252", "latin-1") else None
        if suffix == ".jsonl":
            return read_jsonl_file(path, decoded.text), None, note
        return read_text_file(path, decoded.text), None, note
    except Refused as exc:
        kind = "not a feed" if "not an RSS" in str(exc) else "empty"
        return None, Skipped(str(path), str(exc), kind), None


def _read_file(path: Path) -> tuple[FileRead | None, Skipped | None, str | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Skipped(str(path), f"cannot read it ({exc.strerror or exc})", "unreadable"), None
    key = (str(path), hashlib.sha256(data).hexdigest())
    if key in _memo:
        _memo.move_to_end(key)
        return _memo[key]
    result = _parse(path, data)
    chars = sum(len(a.text) for a, _ in result[0].found) if result[0] else 0
    if chars <= _MEMO_CHARS // 4:
        _memo[key], _memo_chars[key] = result, chars
        _memo_total[0] += chars
        while _memo_total[0] > _MEMO_CHARS:
            oldest, _ = _memo.popitem(last=False)
            _memo_total[0] -= _memo_chars.pop(oldest)
    return result


def _url_key(url: str | None) -> str | None:
    """``url`` as compared for duplicates: lower-case host, no fragment, tracking or trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), query, ""))


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _corpus_files(root: Path) -> list[Path]:
    if root.is_file():
        if root.suffix.lower() not in SUFFIXES:
            raise CorpusError(f"{root} is not a {_KINDS} file: point to a corpus directory or such a file")
        return [root]
    if not root.is_dir():
        raise CorpusError(f"Corpus directory {root} does not exist: create it and {_HINT}")
    files = [p for p in root.rglob("*")
             if p.suffix.lower() in SUFFIXES and not _is_hidden(p, root) and p.is_file()]
    # feeds last: a page saved in full wins over the same story's feed summary
    return sorted(files, key=lambda p: (p.suffix.lower() in FEED_SUFFIXES, p))


def read_corpus(path: Path | str, *, log: bool = True) -> CorpusRead:
    """Every article under ``path`` (a directory, searched recursively, or one file), and what was skipped.

    With ``log`` (the default) every skipped file or record is logged as a warning naming it.
    """
    root = Path(path).expanduser()
    files = _corpus_files(root)
    origins: dict[str, tuple[str, str]] = {}  # id -> (origin, text key)
    seen: dict[str, str] = {}  # url or text key -> origin
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for file in files:
        read, refused, encoding = _read_file(file)
        if encoding and log:
            logger.warning("%s is not valid UTF-8; read it as %s: save it as UTF-8 to be sure", file, encoding)
        if refused is not None:
            skipped.append(refused)
            continue
        assert read is not None
        skipped.extend(read.skipped)
        for article, origin in read.found:
            text_key, url_key = _text_key(article.text), _url_key(article.url)
            first = seen.get(f"url:{url_key}") if url_key else None
            why = "same URL"
            if first is None:
                first, why = seen.get(f"text:{text_key}"), "same text"
            if first is not None:
                skipped.append(Skipped(origin, f"duplicate of {first} ({why})", "duplicate"))
                continue
            if article.id in origins:
                raise CorpusError(
                    f"Duplicate article id {article.id!r} in {origins[article.id][0]} and {origin}: "
                    "rename one of the files (or change the jsonl 'id') so that every id is unique"
                )
            origins[article.id] = (origin, text_key)
            seen[f"text:{text_key}"] = origin
            if url_key:
                seen[f"url:{url_key}"] = origin
            articles.append(article)
    if log:
        for item in skipped:
            logger.warning("Skipping %s: %s", item.path, item.reason)
    if not articles:
        where = f"{root}" if root.is_dir() else f"file {root}"
        raise CorpusError(f"No usable article in {where} ({len(files)} candidate file(s), "
                          f"{len(skipped)} skipped, see warnings): {_HINT}")
    return CorpusRead(articles=sorted(articles, key=lambda a: a.id), skipped=skipped, files=len(files))


def load_corpus(path: Path | str) -> list[Article]:
    """Load every article under ``path`` (a directory, searched recursively, or one file), sorted by id."""
    return read_corpus(path).articles
